# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_records(): tables as lists of dicts with Python value types."""

import datetime
from decimal import Decimal

import pytest


def test_kinds_are_the_ones_the_design_fixes(klynge):
    assert klynge.KINDS == ("organisation", "member", "membership", "funding-source",
                            "contract", "share", "programme", "envelope", "designation",
                            "merger", "initiative")
    assert set(klynge.KINDS) <= set(klynge.TABLES)


def test_organisation_rows_have_the_table_format_column_names(klynge, full):
    rows = klynge.to_records(full, "organisation")
    assert [row["id"] for row in rows] == ["org-hub", "org-a", "org-b", "org-c"]
    assert rows[1] == {
        "id": "org-a", "kind": "cluster",
        "founded": datetime.date(2014, 5, 9), "founded_precision": "day",
        "dissolved": datetime.date(2020, 6, 30), "dissolved_precision": "day",
        "known_until": None, "known_until_precision": None,
        "cvr": "24256790", "member_list": None, "name": "Klynge A", "name_en": "Cluster A",
        "website": "https://a.example", "cities": ["Aalborg"],
        "focus_areas": ["energy", "water"],
        "sources": ["https://example.org/a", "https://example.org/a-2"],
        "note": "Sources disagree on the founding month.",
    }


def test_organisation_rows_say_how_complete_the_member_list_is(klynge, Klynge, full):
    # not stated in the file is missing (the library reads it as unknown);
    # a stated one, unknown included, is given as stated
    full.lookup("org-hub").set_member_list(Klynge.MemberList.UNKNOWN)
    full.lookup("org-b").set_member_list(Klynge.MemberList.COMPLETE)
    full.lookup("org-c").set_member_list(Klynge.MemberList.PARTIAL)
    lists = {row["id"]: row["member_list"] for row in klynge.to_records(full, "organisation")}
    assert lists == {"org-hub": "unknown", "org-a": None, "org-b": "complete", "org-c": "partial"}


def test_partial_dates_keep_their_precision(klynge, full):
    hub = klynge.to_records(full, "organisation")[0]
    assert hub["founded"] == datetime.date(2014, 1, 1)
    assert hub["founded_precision"] == "year"
    assert hub["dissolved"] is None and hub["dissolved_precision"] is None
    assert klynge.format_date(hub["founded"], hub["founded_precision"]) == "2014"
    membership = klynge.to_records(full, "membership")[1]
    assert (membership["since"], membership["since_precision"]) == (datetime.date(2020, 7, 1), "month")


def test_membership_rows_name_organisation_member_since_and_until(klynge, full):
    assert klynge.to_records(full, "membership") == [
        {"organisation": "org-c", "member": "m-1",
         "since": datetime.date(2020, 7, 1), "since_precision": "day",
         "until": None, "until_precision": None, "role": "member", "end": None},
        {"organisation": "org-c", "member": "m-2",
         "since": datetime.date(2020, 7, 1), "since_precision": "month",
         "until": datetime.date(2022, 12, 31), "until_precision": "day",
         "role": "member", "end": None},
    ]


def test_membership_rows_carry_role_and_end_reason(klynge, data_path):
    landscape = klynge.load(data_path("valid", "membership-roles.xml"))
    rows = [(r["member"], r["role"], r["end"]) for r in klynge.to_records(landscape, "membership")]
    assert rows == [("m-1", "member", None), ("m-2", "partner", "merged"),
                    ("m-2", "participant", None), ("m-3", "member", "left"),
                    ("m-1", "partner", None)]


def test_money_is_exact_ore_and_percent_an_exact_decimal(klynge, full):
    contracts = klynge.to_records(full, "contract")
    assert [c["amount_ore"] for c in contracts] == [800000000, 400000000]
    assert all(type(c["amount_ore"]) is int for c in contracts)
    assert contracts[1]["renews"] == "c-hub-2019"
    shares = klynge.to_records(full, "share")
    # percents as written (50, 50.00, 100); each share's øre as the library splits
    assert shares == [
        {"contract": "c-hub-2019", "source": "fs-a", "percent": Decimal("50"), "amount_ore": 400000000},
        {"contract": "c-hub-2019", "source": "fs-b", "percent": Decimal("50.00"), "amount_ore": 400000000},
        {"contract": "c-hub-2021", "source": "fs-a", "percent": Decimal("100"), "amount_ore": 400000000},
    ]
    assert [str(s["percent"]) for s in shares] == ["50", "50.00", "100"]


def test_merger_and_initiative_rows_list_their_parties(klynge, full):
    (merger,) = klynge.to_records(full, "merger")
    assert merger["predecessors"] == ["org-a", "org-b"]
    assert (merger["successor"], merger["kind"], merger["status"]) == ("org-c", "merger", "completed")
    assert merger["effective"] == datetime.date(2020, 7, 1)
    initiatives = klynge.to_records(full, "initiative")
    assert initiatives[1]["participants"] == ["org-c", "org-hub"]
    assert initiatives[1]["replaces"] == "i-camp"
    assert initiatives[1]["start_precision"] == "month"


def test_member_and_funding_source_rows(klynge, full):
    members = klynge.to_records(full, "member")
    assert members[0] == {"id": "m-1", "cvr": "13748136", "kind": "company", "size": "sme",
                          "name": "Eksempel ApS", "sources": ["https://example.org/m-1"],
                          "note": "Member with a CVR number."}
    sources = klynge.to_records(full, "funding-source")
    assert sources[0]["parent"] == "Ministerium A"
    assert sources[1]["parent"] is None and sources[1]["sources"] == []


def test_tables_of_multi_valued_fields(klynge, full):
    labels = klynge.to_records(full, "label")
    assert labels[0] == {"organisation": "org-hub", "level": "silver",
                         "awarded": datetime.date(2018, 3, 1), "awarded_precision": "month",
                         "valid_until": datetime.date(2020, 3, 1),
                         "valid_until_precision": "month"}
    assert klynge.to_records(full, "predecessor") == [{"merger": "mg-2020", "ref": "org-a"},
                                                      {"merger": "mg-2020", "ref": "org-b"}]


@pytest.mark.parametrize("kind", ["organisation", "member", "membership", "funding-source",
                                  "contract", "share", "merger", "initiative"])
def test_every_kind_of_the_builtin_data_converts(klynge, builtin, kind):
    rows = klynge.to_records(builtin, kind)
    for row in rows:
        for key, value in row.items():
            assert value is None or isinstance(value, (str, list, datetime.date, Decimal, int)), key
            assert key.isidentifier(), key
            if key.endswith("_precision"):
                assert value in (None, "year", "month", "day")


UNKNOWN_AMOUNT = b"""<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <funding-sources>
    <funding-source id="deb" kind="national-agency"><name>DEB</name></funding-source>
  </funding-sources>
  <organisations>
    <organisation id="ecd" kind="cluster" founded="2020-07-01"><name>Energy Cluster Denmark</name></organisation>
  </organisations>
  <contracts>
    <contract id="ecd-2021" holder="ecd" start="2021-01-01" end="2021-12-31" amount="1000.00">
      <share source="deb" percent="100"/>
    </contract>
    <contract id="ecd-2022" holder="ecd" start="2022-01-01" end="2022-12-31">
      <share source="deb" percent="100"/>
      <note>Announced without an amount.</note>
    </contract>
  </contracts>
</landscape>
"""


def test_a_contract_of_unknown_amount_has_amount_none_not_zero(klynge):
    landscape = klynge.loads(UNKNOWN_AMOUNT)
    amounts = {row["id"]: row["amount_ore"] for row in klynge.to_records(landscape, "contract")}
    assert amounts == {"ecd-2021": 100000, "ecd-2022": None}
    contract = landscape.lookup("ecd-2022")
    assert not contract.has_amount() and contract.get_amount() == -1
    (total,) = landscape.funding_totals(0, None)
    assert (total.get_amount(), total.get_n_unknown()) == (100000, 1)


def test_builtin_contract_amounts_match_the_library(klynge, builtin, Klynge):
    rows = {row["id"]: row for row in klynge.to_records(builtin, "contract")}
    for contract in builtin.contracts():
        assert rows[contract.get_id()]["amount_ore"] == contract.get_amount()


def test_rows_are_in_document_order(klynge, builtin):
    ids = [row["id"] for row in klynge.to_records(builtin, "organisation")]
    assert ids == [o.get_id() for o in builtin.organisations()]


@pytest.mark.parametrize("text, expected", [
    ("2014", (datetime.date(2014, 1, 1), "year")),
    ("2020-05", (datetime.date(2020, 5, 1), "month")),
    ("2019-10-01", (datetime.date(2019, 10, 1), "day")),
    ("", (None, None)),
])
def test_parse_date_and_format_date_are_inverse(klynge, text, expected):
    assert klynge.parse_date(text) == expected
    assert klynge.format_date(*expected) == (text or None)


def test_list_values_holding_the_separator_come_back_exactly(klynge):
    # the CSV column escapes `|` and `\` (a\|b|c); the lists hold the
    # values as they are
    landscape = klynge.loads(
        b'<landscape xmlns="urn:klynge:landscape:1" version="1"><organisations>'
        b'<organisation id="x" kind="cluster"><name>X</name>'
        b'<focus-area>a|b</focus-area><focus-area>c\\</focus-area></organisation>'
        b'</organisations></landscape>')
    (row,) = klynge.to_records(landscape, "organisation")
    assert row["focus_areas"] == ["a|b", "c\\"]
    csv = bytes(klynge.Klynge.Landscape.export_csv_bytes(landscape, "organisation").get_data())
    assert b",a\\|b|c\\\\," in csv
