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


def test_predecessors_of_a_completed_merger_are_blocked(builtin, Klynge):
    report = builtin.due_diligence(["house-of-energy", "eic"], Klynge.Date.new(2020, 6, 1))
    assert report.is_blocked()
    problems = report.get_problems()
    assert problems and all("merger-2020-ecd" in str(p) for p in problems)


def test_an_unknown_organisation_raises_a_klynge_error(klynge, builtin, Klynge):
    with pytest.raises(klynge.Error) as caught:
        builtin.due_diligence(["ced", "no-such-org"], Klynge.Date.new(2020, 6, 1))
    assert caught.value.code in (klynge.Error.NOT_FOUND, klynge.Error.UNRESOLVED_REFERENCE)
