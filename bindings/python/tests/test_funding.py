# SPDX-License-Identifier: LGPL-2.1-or-later
"""Funding queries through Python, on the built-in data."""

from decimal import Decimal


def test_totals_per_source_and_year_sum_to_the_contract_amounts(klynge, builtin, Klynge):
    grouping = Klynge.FundingGrouping.SOURCE | Klynge.FundingGrouping.YEAR
    totals = builtin.funding_totals(grouping, None)
    assert totals
    assert all(t.get_source() and t.get_year() for t in totals)
    contracts = klynge.to_records(builtin, "contract")
    assert sum(t.get_amount() for t in totals) == sum(c["amount_ore"] for c in contracts)


def test_grand_total_is_one_row(builtin, Klynge):
    (total,) = builtin.funding_totals(0, None)
    per_source = builtin.funding_totals(Klynge.FundingGrouping.SOURCE, None)
    assert total.get_amount() == sum(t.get_amount() for t in per_source)


def test_what_a_source_paid_a_holder_within_a_period(builtin, Klynge):
    # SIU pays half of CED's DKK 8 m 2019-2021 contract and of the DKK 4 m renewal
    assert builtin.funding_paid("siu", "ced", None) == 400000000
    first_year = Klynge.Period.new_from_string("2019-10-01..2020-09-30")
    paid = builtin.funding_paid("siu", "ced", first_year)
    assert 0 < paid < 400000000


def test_contract_chains_and_active_contracts(builtin, Klynge):
    chain = builtin.contract_chain("ced-2021")
    assert [c.get_id() for c in chain] == ["ced-2019", "ced-2021"]
    active = builtin.contracts_active_on(Klynge.Date.new(2020, 1, 1))
    assert "ced-2019" in [c.get_id() for c in active]
    assert list(builtin.check_contract_chains("ced")) == []


def test_share_percents_sum_to_100_for_every_contract(klynge, builtin):
    sums = {}
    for share in klynge.to_records(builtin, "share"):
        sums[share["contract"]] = sums.get(share["contract"], 0) + share["percent"]
    assert sums and set(sums.values()) == {Decimal("100.00")}



def test_totals_above_the_largest_amount_raise_instead_of_wrapping(klynge, Klynge, data_path):
    from gi.repository import GLib

    landscape = klynge.load(data_path("valid", "largest-amounts.xml"))
    try:
        landscape.funding_totals_checked(0, None)
    except GLib.Error as error:
        assert error.code == Klynge.Error.OVERFLOW
    else:
        raise AssertionError("no error")
    # NULL comes through as no rows: still never a wrong figure
    assert not landscape.funding_totals(0, None)


def test_paid_above_the_largest_amount_raises_instead_of_wrapping(klynge, Klynge, data_path):
    from gi.repository import GLib

    landscape = klynge.load(data_path("valid", "largest-amounts.xml"))
    # one holder's contract fits; both together do not
    assert landscape.funding_paid_checked("siu", "a", None) == 92233720368547758_07
    try:
        landscape.funding_paid_checked("siu", None, None)
    except GLib.Error as error:
        assert error.code == Klynge.Error.OVERFLOW
    else:
        raise AssertionError("no error")
    assert landscape.funding_paid("siu", None, None) == -1   # never a wrong figure
    # nor a due-diligence report on the two holders
    try:
        landscape.due_diligence(["a", "b"], Klynge.Date.new(2021, 1, 1))
    except GLib.Error as error:
        assert error.code == Klynge.Error.OVERFLOW
    else:
        raise AssertionError("no error")


def test_totals_by_designation_name_the_role_the_holder_had(klynge, data_path, Klynge):
    programmes = klynge.load(data_path("valid", "programmes.xml"))
    grouping = Klynge.FundingGrouping.HOLDER | Klynge.FundingGrouping.DESIGNATION
    rows = {t.get_holder(): t for t in programmes.funding_totals(grouping, None)}
    # klynge-a's contract for 2021-2022 falls within its national-cluster designation
    alfa = rows["klynge-a"]
    assert alfa.get_designation_role_name() == "national-cluster"
    assert alfa.get_amount() == 400000000
    assert "designation=national-cluster" in repr(alfa)
    # without the flag there is no designation to name
    (total,) = programmes.funding_totals(0, None)
    assert total.get_designation_role_name() is None
