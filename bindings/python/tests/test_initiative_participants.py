# SPDX-License-Identifier: LGPL-2.1-or-later
"""Initiative participants through Python: members as well as
organisations, and a stated participants count (format version 2)."""

import pytest


@pytest.fixture
def participants(klynge, data_path):
    """tests/data/valid/initiative-participants.xml"""
    return klynge.load(data_path("valid", "initiative-participants.xml"))


def test_participant_rows_say_whether_each_is_an_organisation_or_a_member(klynge, participants):
    rows = klynge.to_records(participants, "participant")
    assert [(r["initiative"], r["ref"], r["kind"]) for r in rows] == [
        ("i-summit", "o-1", "organisation"), ("i-summit", "m-1", "member"),
        ("i-summit", "m-2", "member"), ("i-network", "m-2", "member"),
        ("i-network", "o-host", "organisation")]


def test_initiative_rows_carry_the_stated_count_as_an_int_or_none(klynge, participants):
    rows = {r["id"]: r for r in klynge.to_records(participants, "initiative")}
    assert rows["i-summit"]["participants_count"] == 120
    assert rows["i-camp"]["participants_count"] == 0
    assert rows["i-network"]["participants_count"] is None
    assert rows["i-summit"]["participants"] == ["o-1", "m-1", "m-2"]


def test_dataframe_holds_the_count_as_a_nullable_integer(klynge, participants, pandas):
    frame = klynge.to_dataframe(participants, "initiative")
    assert str(frame["participants_count"].dtype) == "Int64"
    assert frame["participants_count"].tolist()[:2] == [120, 0]
    assert frame["participants_count"].isna().tolist() == [False, False, True]


def test_count_is_exact_when_stated_and_at_least_the_listed_otherwise(Klynge, participants):
    summit = participants.lookup("i-summit")
    network = participants.lookup("i-network")
    assert summit.get_participants_count() == 120
    assert summit.count_participants().certainty == Klynge.CountCertainty.EXACT
    assert network.get_participants_count() == -1
    count = network.count_participants()
    assert (count.value, count.certainty) == (2, Klynge.CountCertainty.AT_LEAST)
    assert [network.participant_is_member(i) for i in range(2)] == [True, False]


def test_a_member_participant_saves_as_version_2(klynge, Klynge):
    landscape = Klynge.Landscape.new()
    landscape.add(Klynge.Organisation.new("ced", Klynge.OrganisationKind.SUPPORT_BODY, "CED"))
    landscape.add(Klynge.Member.new("m-1", Klynge.MemberKind.COMPANY, "Eksempel ApS"))
    summit = Klynge.Initiative.new("summit", Klynge.InitiativeKind.EVENT,
                                   Klynge.InitiativeTheme.PROFESSIONALISATION, "ced", "Summit")
    summit.add_member_participant("m-1")
    summit.props.participants_count = 40
    landscape.add(summit)
    saved = landscape.save_bytes().get_data()
    assert b'version="2"' in saved
    assert b'participants-count="40"' in saved
    assert b'<participant ref="m-1"/>' in saved
    again = klynge.loads(saved).lookup("summit")
    assert again.participant_is_member(0)


def test_a_count_below_the_list_is_refused_with_its_code(klynge, Klynge, participants):
    summit = participants.lookup("i-summit")
    summit.set_participants_count(1)
    problems = participants.validate()
    assert [p.get_code() for p in problems] == [klynge.Error.PARTICIPANTS_COUNT_TOO_LOW]
