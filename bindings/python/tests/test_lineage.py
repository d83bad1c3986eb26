# SPDX-License-Identifier: LGPL-2.1-or-later
"""Consolidation through Python: lineage, status on a date, views, merging."""

import pytest


def _date(Klynge, text):
    return Klynge.Date.new_from_string(text)


def test_ancestors_of_energy_cluster_denmark_are_its_predecessors(builtin, Klynge):
    links = builtin.list_ancestors("ecd")
    # two merged into it; CLEAN, which lives on, gave it its energy activities
    # and brings its own predecessors of 2014 along
    assert [link.get_organisation() for link in links] == [
        "house-of-energy", "eic", "clean", "lean-energy-cluster", "ccc"]
    assert [link.get_merger() for link in links[:3]] == [
        "merger-2020-ecd", "merger-2020-ecd", "transfer-2020-clean-ecd"]
    assert links[2].get_kind() == Klynge.MergerKind.TRANSFER
    assert {str(link.get_effective()) for link in links[:3]} == {"2020-07-01"}


def test_descendants_lead_from_a_predecessor_to_its_successor(builtin):
    (link,) = builtin.list_descendants("house-of-energy")
    assert (link.get_organisation(), link.get_merger()) == ("ecd", "merger-2020-ecd")


def test_status_and_resolution_on_a_date(builtin, Klynge):
    # House of Energy has no founding date: before its last day
    # (2020-06-30, the first the landscape shows it active) it is not known
    before = builtin.get_status("house-of-energy", _date(Klynge, "2019-01-01"))
    last_day = builtin.get_status("house-of-energy", _date(Klynge, "2020-06-30"))
    after = builtin.get_status("house-of-energy", _date(Klynge, "2022-01-01"))
    assert before == (Klynge.OrganisationStatus.NOT_KNOWN, None)
    assert last_day[0] == Klynge.OrganisationStatus.ACTIVE
    assert after == (Klynge.OrganisationStatus.MERGED, "ecd")
    assert builtin.resolve_on("house-of-energy", _date(Klynge, "2022-01-01")) == "ecd"


def test_a_view_as_of_a_date_sees_the_landscape_then(builtin, Klynge):
    view = Klynge.LandscapeView.new(builtin, _date(Klynge, "2019-01-01"))
    assert view.is_active("clean")
    assert not view.is_active("house-of-energy")  # not known, so not counted active
    assert not view.is_active("ecd")
    assert view.count_organisations() == len(list(view.list_organisations(None)))
    assert view.count_not_known() == sum(
        1
        for org in builtin.list_organisations(None)
        if builtin.get_status(org.get_id(), _date(Klynge, "2019-01-01"))[0]
        == Klynge.OrganisationStatus.NOT_KNOWN
    )
    assert view.count_not_known() > 0


def test_lineage_as_graphviz_names_the_organisations(builtin):
    dot = builtin.lineage_to_dot("ecd")
    assert dot.startswith("digraph")
    assert '"house-of-energy"' in dot and '"ecd"' in dot


def test_applying_a_merger_dissolves_the_predecessors(klynge, Klynge, full):
    successor = Klynge.Organisation.new("org-d", Klynge.OrganisationKind.CLUSTER, "Klynge D")
    successor.set_founded(_date(Klynge, "2023-01-01"))
    full.add(successor)
    merger = Klynge.Merger.new("mg-2023", Klynge.MergerKind.MERGER, "org-d",
                               _date(Klynge, "2023-01-01"))
    merger.set_status(Klynge.MergerStatus.AGREED)
    merger.add_predecessor("org-c")
    merger.add_predecessor("org-hub")
    full.add(merger)
    full.apply_merger(merger)
    assert str(full["org-c"].get_dissolved()) == "2022-12-31"
    assert full.resolve_on("org-c", _date(Klynge, "2023-06-01")) == "org-d"
    assert {m.get_member() for m in full.list_memberships_of_organisation("org-d")} == {"m-1"}


def test_applying_a_completed_merger_raises_and_changes_nothing(klynge, Klynge, builtin):
    landscape = klynge.default()
    merger = landscape["merger-2020-ecd"]
    before = klynge.to_records(landscape, "organisation")
    with pytest.raises(klynge.Error) as caught:
        landscape.apply_merger(merger)
    assert caught.value.code == klynge.Error.MERGER_ALREADY_COMPLETED
    assert klynge.to_records(landscape, "organisation") == before


def test_a_filter_lists_the_not_known_apart_only_when_asked(builtin, Klynge):
    day = _date(Klynge, "2024-12-31")
    flt = Klynge.Filter.new()
    flt.set_active_on(day)
    active = [o.get_id() for o in builtin.list_organisations(flt)]
    flt.set_include_not_known(True)
    both = [o.get_id() for o in builtin.list_organisations(flt)]
    not_known = [i for i in both if builtin.get_status(i, day)[0] == Klynge.OrganisationStatus.NOT_KNOWN]
    assert "gate21" in not_known  # no founding date, nothing dated in the landscape
    assert [i for i in both if i not in not_known] == active
    assert len(not_known) == Klynge.LandscapeView.new(builtin, day).count_not_known()


def _transfer_or_rename(Klynge, landscape, kind, successor, predecessor, date):
    merger = Klynge.Merger.new("ev-" + successor, kind, successor, _date(Klynge, date))
    merger.add_predecessor(predecessor)
    landscape.apply_merger(merger)
    return merger


def test_a_transfer_leaves_its_giver_active_and_is_no_merger(klynge, Klynge, full):
    before = {m.get_member() for m in full.list_memberships_of_organisation("org-c")}
    _transfer_or_rename(Klynge, full, Klynge.MergerKind.TRANSFER, "org-hub", "org-c", "2023-01-01")
    assert full.get_status("org-c", _date(Klynge, "2023-06-01")) == (Klynge.OrganisationStatus.ACTIVE, None)
    assert {m.get_member() for m in full.list_memberships_of_organisation("org-c")} == before
    # org-c's own predecessors follow at depth 2
    (link,) = [ln for ln in full.list_ancestors("org-hub") if ln.get_depth() == 1]
    assert (link.get_organisation(), link.get_kind()) == ("org-c", Klynge.MergerKind.TRANSFER)
    assert "transfer" in repr(link)
    assert not Klynge.merger_kind_consolidates(Klynge.MergerKind.TRANSFER)
    (row,) = [r for r in klynge.to_records(full, "merger") if r["id"] == "ev-org-hub"]
    assert (row["kind"], row["status"]) == ("transfer", "completed")


def test_a_rename_continues_the_body_under_its_new_record(klynge, Klynge, full):
    renamed = Klynge.Organisation.new("org-c2", Klynge.OrganisationKind.CLUSTER, "Klynge C, nyt navn")
    full.add(renamed)
    _transfer_or_rename(Klynge, full, Klynge.MergerKind.RENAME, "org-c2", "org-c", "2023-01-01")
    assert full.resolve_on("org-c", _date(Klynge, "2023-06-01")) == "org-c2"
    assert {m.get_member() for m in full.list_memberships_of_organisation("org-c2")} == {"m-1"}
    (link,) = [ln for ln in full.list_ancestors("org-c2") if ln.get_depth() == 1]
    assert link.get_kind() == Klynge.MergerKind.RENAME
    assert Klynge.merger_kind_max_predecessors(Klynge.MergerKind.RENAME) == 1


def test_a_cancelled_merger_cannot_be_applied(klynge, Klynge, full):
    merger = Klynge.Merger.new("mg-off", Klynge.MergerKind.ABSORPTION, "org-hub", _date(Klynge, "2023-01-01"))
    merger.add_predecessor("org-c")
    merger.set_status(Klynge.MergerStatus.CANCELLED)
    with pytest.raises(klynge.Error) as caught:
        full.apply_merger(merger)
    assert caught.value.code == klynge.Error.MERGER_CANCELLED
    assert full.get_status("org-c", _date(Klynge, "2023-06-01"))[0] == Klynge.OrganisationStatus.ACTIVE
