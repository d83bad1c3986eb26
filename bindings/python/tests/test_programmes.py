# SPDX-License-Identifier: LGPL-2.1-or-later
"""Programmes, designations, envelopes and coverage through Python."""

import datetime

import pytest

NATIONAL_CLUSTERS = ["nc%02d" % i for i in range(14, 0, -1)]   # the programme's order


def _organisation(Klynge, landscape, id, kind):
    landscape.add(Klynge.Organisation.new(id, kind, id.upper()))


def _date(Klynge, text):
    return Klynge.Date.new_from_string(text)


@pytest.fixture
def designated(Klynge):
    """Built through GI: a programme designating 14 national clusters (in the
    reverse of the organisations' order), an earlier programme of
    innovation networks, and one whose start is known only to the year."""
    landscape = Klynge.Landscape.new()
    landscape.add(Klynge.FundingSource.new("deb", Klynge.FundingSourceKind.NATIONAL_AGENCY, "DEB"))
    for i in range(1, 15):
        _organisation(Klynge, landscape, "nc%02d" % i, Klynge.OrganisationKind.CLUSTER)
    _organisation(Klynge, landscape, "in01", Klynge.OrganisationKind.INNOVATION_NETWORK)

    earlier = Klynge.Programme.new("inp-2018", Klynge.ProgrammeKind.INNOVATION_NETWORK_PROGRAMME,
                                   "Innovationsnetværk 2018-2020")
    for organisation in ("in01", "nc01"):
        earlier.add_designation(Klynge.Designation.new(
            organisation, Klynge.DesignationRole.INNOVATION_NETWORK, None,
            _date(Klynge, "2018-01-01"), _date(Klynge, "2020-12-31")))
    landscape.add(earlier)

    programme = Klynge.Programme.new("kp-2021", Klynge.ProgrammeKind.CLUSTER_PROGRAMME,
                                     "Klyngeprogram 2021-2024")
    for organisation in NATIONAL_CLUSTERS:
        programme.add_designation(Klynge.Designation.new(
            organisation, Klynge.DesignationRole.NATIONAL_CLUSTER, "Område " + organisation,
            _date(Klynge, "2021-01-01"), _date(Klynge, "2024-12-31")))
    programme.add_envelope(Klynge.Envelope.new(
        "deb", Klynge.Period.new_from_string("2021-07-01..2022-06-30"), 10000))
    landscape.add(programme)

    later = Klynge.Programme.new("tp-2021", Klynge.ProgrammeKind.TRANSITION_POOL, "Pulje")
    later.add_designation(Klynge.Designation.new(
        "in01", Klynge.DesignationRole.OTHER, None, _date(Klynge, "2021"), None))
    landscape.add(later)
    return landscape


# --- the acceptance question, from Python ------------------------------------------

def test_designated_on_2021_06_01_are_the_14_in_order_through_gi(Klynge, designated):
    conditions = Klynge.DesignationFilter.new()
    conditions.set_active_on(Klynge.Date.new(2021, 6, 1))
    designations = designated.designations(conditions)
    assert [d.get_organisation() for d in designations] == NATIONAL_CLUSTERS
    assert {d.get_programme() for d in designations} == {"kp-2021"}
    assert {d.get_role() for d in designations} == {Klynge.DesignationRole.NATIONAL_CLUSTER}


def test_designated_on_2021_06_01_are_the_14_in_order_with_the_helper(klynge, designated):
    for on in ("2021-06-01", datetime.date(2021, 6, 1)):
        rows = klynge.designations(designated, on=on)
        assert [d.get_organisation() for d in rows] == NATIONAL_CLUSTERS


def test_designated_on_2021_06_01_are_the_14_in_order_from_a_saved_file(klynge, designated, tmp_path):
    target = tmp_path / "v2.xml"
    klynge.save(designated, target)
    assert b'version="2"' in target.read_bytes()[:200]
    again = klynge.load(target)
    rows = klynge.designations(again, on="2021-06-01", role="national-cluster")
    assert [d.get_organisation() for d in rows] == NATIONAL_CLUSTERS


# --- the helper's conditions -----------------------------------------------------------

@pytest.mark.parametrize("conditions, expected", [
    ({}, ["inp-2018/in01", "inp-2018/nc01"] + ["kp-2021/" + o for o in NATIONAL_CLUSTERS]
     + ["tp-2021/in01"]),
    ({"role": "innovation-network"}, ["inp-2018/in01", "inp-2018/nc01"]),
    ({"programme": "tp-2021"}, ["tp-2021/in01"]),
    ({"organisation": "nc01"}, ["inp-2018/nc01", "kp-2021/nc01"]),
    ({"area": "Område nc07"}, ["kp-2021/nc07"]),
    ({"organisation": "in01", "on": "2021-06-01"}, []),       # a start known only to the year
    ({"organisation": "in01", "on": "2021-12-31"}, ["tp-2021/in01"]),
    ({"on": "2020-12-31"}, ["inp-2018/in01", "inp-2018/nc01"]),
])
def test_designations_keep_what_the_conditions_allow(klynge, designated, conditions, expected):
    rows = klynge.designations(designated, **conditions)
    assert ["%s/%s" % (d.get_programme(), d.get_organisation()) for d in rows] == expected


def test_an_unknown_role_name_is_a_value_error(klynge, designated):
    with pytest.raises(ValueError, match="national-cluster"):
        klynge.designations(designated, role="national-clusters")


def test_programmes_of_an_organisation_over_its_life(klynge, designated):
    assert [p.get_id() for p in designated.programmes_of("nc01")] == ["inp-2018", "kp-2021"]
    assert [p.get_id() for p in designated.programmes_of("in01")] == ["inp-2018", "tp-2021"]
    # an id that names nothing is a mistake, not an organisation of no programmes
    with pytest.raises(klynge.Error) as raised:
        designated.programmes_of("no-such")
    assert raised.value.code == klynge.Error.NOT_FOUND
    assert [p.get_id() for p in designated.programmes()] == ["inp-2018", "kp-2021", "tp-2021"]


# --- tables ------------------------------------------------------------------------------

def test_programme_rows_have_the_xml_names_and_python_types(klynge, designated):
    rows = klynge.to_records(designated, "programme")
    assert [r["id"] for r in rows] == ["inp-2018", "kp-2021", "tp-2021"]
    assert rows[1] == {
        "id": "kp-2021", "kind": "cluster-programme",
        "start": None, "start_precision": None, "end": None, "end_precision": None,
        "name": "Klyngeprogram 2021-2024", "sources": [], "note": None,
    }


def test_envelope_rows_carry_exact_money_and_dates(klynge, designated):
    assert klynge.to_records(designated, "envelope") == [{
        "programme": "kp-2021", "source": "deb",
        "start": datetime.date(2021, 7, 1), "start_precision": "day",
        "end": datetime.date(2022, 6, 30), "end_precision": "day",
        "amount_ore": 10000, "amount_decimals": None,
    }]


def test_designation_rows_follow_the_landscape_order(klynge, designated):
    rows = klynge.to_records(designated, "designation")
    assert [(r["programme"], r["organisation"]) for r in rows] == \
        [("inp-2018", "in01"), ("inp-2018", "nc01")] + \
        [("kp-2021", o) for o in NATIONAL_CLUSTERS] + [("tp-2021", "in01")]
    assert rows[2] == {
        "programme": "kp-2021", "organisation": "nc14", "role": "national-cluster",
        "area": "Område nc14", "area_scheme": "other",
        "start": datetime.date(2021, 1, 1), "start_precision": "day",
        "end": datetime.date(2024, 12, 31), "end_precision": "day",
    }
    # a start known to the year, an open end
    assert (rows[-1]["start"], rows[-1]["start_precision"], rows[-1]["end"]) == \
        (datetime.date(2021, 1, 1), "year", None)


@pytest.mark.parametrize("kind", ["programme", "envelope", "designation"])
def test_dataframes_of_programme_tables_match_the_records(klynge, designated, pandas, kind):
    frame = klynge.to_dataframe(designated, kind)
    records = klynge.to_records(designated, kind)
    assert list(frame.columns) == list(records[0])
    assert len(frame) == len(records)
    if kind == "envelope":
        assert frame["amount_ore"].tolist() == [10000]
        assert str(frame["amount_ore"].dtype) == "Int64"
    if kind == "designation":
        assert frame["organisation"].tolist() == [r["organisation"] for r in records]
        assert frame["start_precision"].tolist()[-1] == "year"


# --- envelopes and coverage ----------------------------------------------------------------

def test_envelope_per_year_is_prorated_by_days(designated):
    # 184 of 365 days in 2021
    assert designated.envelope_in_year("kp-2021", "deb", 2021) == 5041
    assert designated.envelope_in_year("kp-2021", "deb", 2022) == 4959
    assert designated.envelope_in_year(None, None, 2023) == 0


def test_coverage_rows_and_their_ratio(klynge, Klynge, designated):
    contract = Klynge.Contract.new("c", "nc01", Klynge.Period.new_from_string("2021-07-01..2022-06-30"),
                                   2500)
    contract.add_share(Klynge.Share.new("deb", 10000))
    contract.set_programme("kp-2021")
    designated.add(contract)
    rows = designated.coverage("kp-2021")
    assert [(r.get_source(), r.get_year(), r.get_envelope(), r.get_recorded()) for r in rows] == \
        [("deb", 2021, 5041, 1260), ("deb", 2022, 4959, 1240)]
    assert [r.format_ratio() for r in rows] == ["24.99 %", "25.00 %"]
    assert rows[0].get_programme() == "kp-2021"


def test_coverage_counts_a_contract_of_unknown_amount_instead_of_adding_zero(Klynge, designated):
    contract = Klynge.Contract.new("u", "nc02", Klynge.Period.new_from_string("2022-01-01..2022-06-30"), 0)
    contract.add_share(Klynge.Share.new("deb", 10000))
    contract.set_amount_unknown()
    contract.set_note("The grant letter gives no amount.")
    contract.set_programme("kp-2021")
    designated.add(contract)
    rows = designated.coverage("kp-2021")
    assert [(r.get_year(), r.get_recorded(), r.get_n_unknown_amounts()) for r in rows] == \
        [(2021, 0, 0), (2022, 0, 1)]
    assert rows[1].format_ratio() == "0.00 %"


def test_coverage_of_what_is_not_a_programme_raises_its_code(klynge, Klynge, designated):
    with pytest.raises(klynge.Error) as raised:
        designated.coverage("nc01")
    assert raised.value.code == Klynge.Error.WRONG_REFERENCE_KIND
    with pytest.raises(klynge.Error) as raised:
        designated.coverage("no-such")
    assert raised.value.code == Klynge.Error.UNRESOLVED_REFERENCE
