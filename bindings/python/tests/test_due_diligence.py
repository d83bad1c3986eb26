# SPDX-License-Identifier: LGPL-2.1-or-later
"""The due-diligence report through Python."""

import pytest


def _members_fixture(klynge, data_path):
    return klynge.load(data_path("valid", "members-and-organisations.xml"))


def test_report_on_two_active_organisations_counts_their_members(klynge, Klynge, data_path):
    landscape = _members_fixture(klynge, data_path)
    report = landscape.due_diligence(["o-cluster", "o-network"], Klynge.Date.new(2020, 1, 1))
    assert list(report.get_organisations()) == ["o-cluster", "o-network"]
    assert report.count_members_of("o-network") == 2
    (overlap,) = report.get_overlaps()
    assert (overlap.get_a(), overlap.get_b(), overlap.get_shared()) == ("o-cluster", "o-network", 1)
    assert report.count_combined_members() == overlap.get_union()
    assert [m.get_id() for m in report.list_shared_members()] == ["m-micro"]
    assert 0 < overlap.get_jaccard() < 1
    assert "o-cluster" in report.to_text()


@pytest.mark.parametrize("lists, network, combined, exact", [
    (("COMPLETE", "COMPLETE"), (2, "EXACT", "2"), "EXACT", True),
    (("COMPLETE", "PARTIAL"), (2, "AT_LEAST", "at least 2"), "AT_LEAST", False),
    (("UNKNOWN", "UNKNOWN"), (2, "AT_LEAST", "at least 2"), "AT_LEAST", False),
])
def test_member_counts_carry_their_certainty(klynge, Klynge, data_path, lists, network, combined, exact):
    landscape = _members_fixture(klynge, data_path)
    for org, state in zip(("o-cluster", "o-network"), lists):
        landscape.lookup(org).set_member_list(getattr(Klynge.MemberList, state))
    report = landscape.due_diligence(["o-cluster", "o-network"], Klynge.Date.new(2020, 1, 1))
    count = report.get_member_count("o-network")
    assert (count.value, count.certainty) == (network[0], getattr(Klynge.CountCertainty, network[1]))
    assert count.format() == network[2]
    assert report.get_combined_member_count().certainty == getattr(Klynge.CountCertainty, combined)
    assert report.is_exact() == exact
    (overlap,) = report.get_overlaps()
    assert overlap.is_exact() == exact
    known, jaccard = overlap.get_exact_jaccard()
    assert known == exact
    assert jaccard == (overlap.get_jaccard() if exact else 0.0)


def test_an_organisation_with_no_members_on_an_unknown_list_is_not_known(klynge, Klynge, builtin):
    report = builtin.due_diligence(["ecd", "fbcd"], Klynge.Date.new(2024, 6, 1))
    count = report.get_combined_member_count()
    assert count.certainty == Klynge.CountCertainty.UNKNOWN
    assert count.format() == "not known"
    assert "combined    not known" in report.to_text()


def test_predecessors_of_a_completed_merger_are_blocked(builtin, Klynge):
    report = builtin.due_diligence(["house-of-energy", "eic"], Klynge.Date.new(2020, 6, 1))
    assert report.is_blocked()
    problems = report.get_problems()
    assert problems and all("merger-2020-ecd" in str(p) for p in problems)


def test_an_unknown_organisation_raises_a_klynge_error(klynge, builtin, Klynge):
    with pytest.raises(klynge.Error) as caught:
        builtin.due_diligence(["ced", "no-such-org"], Klynge.Date.new(2020, 6, 1))
    assert caught.value.code in (klynge.Error.NOT_FOUND, klynge.Error.UNRESOLVED_REFERENCE)


def test_member_overlaps_on_a_date_count_members_active_then(klynge, Klynge, data_path):
    landscape = _members_fixture(klynge, data_path)
    any_time = landscape.member_overlaps(1)
    assert [(o.get_a(), o.get_b(), o.get_shared()) for o in landscape.member_overlaps_on(None, 1)] == \
        [(o.get_a(), o.get_b(), o.get_shared()) for o in any_time]
    # before anyone was a member, nobody is shared
    assert landscape.member_overlaps_on(Klynge.Date.new(1900, 1, 1), 1) == []
    assert all(not o.is_exact() and o.get_shared_count().certainty == Klynge.CountCertainty.AT_LEAST
               for o in any_time)
    assert repr(any_time[0]) == "<Klynge.Overlap o-cluster & o-network: at least 1 shared of at least %d>" \
        % any_time[0].get_union()


def test_members_by_role_and_overlaps_restricted_to_roles(klynge, Klynge, data_path):
    landscape = klynge.load(data_path("valid", "membership-roles.xml"))
    report = landscape.due_diligence(["klynge-a", "klynge-b"], Klynge.Date.new(2019, 3, 1))
    # on 2019-03-01: m-1 a member of klynge-a and a partner of klynge-b,
    # so a member; m-2 a participant, m-3 a member
    assert report.get_role_count(Klynge.MembershipRole.MEMBER).value == 2
    assert report.get_role_count(Klynge.MembershipRole.PARTNER).value == 0
    assert report.get_role_count(Klynge.MembershipRole.PARTICIPANT).value == 1
    assert Klynge.MEMBERSHIP_ROLES_ALL == (1 << Klynge.MembershipRole.MEMBER
                                           | 1 << Klynge.MembershipRole.PARTNER
                                           | 1 << Klynge.MembershipRole.PARTICIPANT)
    (both,) = landscape.member_overlaps_full(None, 1, Klynge.MEMBERSHIP_ROLES_ALL)
    assert (both.get_a(), both.get_b(), both.get_shared()) == ("klynge-a", "klynge-b", 1)
    # klynge-b has no member but a partner, klynge-a no partner
    assert landscape.member_overlaps_full(None, 1, 1 << Klynge.MembershipRole.MEMBER) == []
    assert landscape.member_overlaps_full(None, 1, 1 << Klynge.MembershipRole.PARTNER) == []
    (membership,) = [m for m in landscape.list_memberships_of_organisation("klynge-a")
                     if m.get_end() == Klynge.MembershipEnd.MERGED]
    assert (membership.get_member(), membership.get_role()) == ("m-2", Klynge.MembershipRole.PARTNER)


def test_a_count_prints_as_the_tool_prints_it(Klynge):
    # klynge_count_init() fills a count: in Python it returns a new one
    count = Klynge.Count.init(12, False)
    assert (str(count), repr(count)) == ("at least 12", "<Klynge.Count at least 12>")
    assert str(Klynge.Count.init(0, False)) == "not known"
    assert str(Klynge.Count.init(12, True)) == "12"
