# SPDX-License-Identifier: LGPL-2.1-or-later
"""Reports as DataFrames and dicts: funding_frame(), the due-diligence
report's to_dict() / to_frames(), lineage_frame()."""

import datetime

import pytest


@pytest.mark.parametrize("by, flags", [
    ("source", ["SOURCE"]),
    ("holder", ["HOLDER"]),
    ("year", ["YEAR"]),
    ("kind", ["KIND"]),
    ("designation", ["DESIGNATION"]),
    (["source", "year"], ["SOURCE", "YEAR"]),
    (None, []),
])
def test_funding_frame_holds_the_librarys_totals(klynge, Klynge, builtin, pandas, by, flags):
    grouping = 0
    for flag in flags:
        grouping |= int(getattr(Klynge.FundingGrouping, flag))
    totals = list(builtin.funding_totals(Klynge.FundingGrouping(grouping), None))
    frame = klynge.funding_frame(builtin, by=by)
    keys = [by] if isinstance(by, str) else list(by or [])
    assert list(frame.columns) == keys + ["amount_ore", "n_unknown"]
    assert str(frame["amount_ore"].dtype) == "Int64"
    assert frame["amount_ore"].tolist() == [t.get_amount() for t in totals]
    assert frame["n_unknown"].tolist() == [t.get_n_unknown() for t in totals]
    if "source" in keys:
        assert frame["source"].tolist() == [t.get_source() for t in totals]
    if "year" in keys:
        assert frame["year"].tolist() == [t.get_year() for t in totals]


def test_funding_frame_within_a_period(klynge, Klynge, builtin, pandas):
    period = Klynge.Period.new_from_string("2019-10-01..2020-09-30")
    expected = [(t.get_source(), t.get_amount())
                for t in builtin.funding_totals(Klynge.FundingGrouping.SOURCE, period)]
    for given in [("2019-10-01", "2020-09-30"),
                  (datetime.date(2019, 10, 1), datetime.date(2020, 9, 30)),
                  "2019-10-01..2020-09-30", period]:
        frame = klynge.funding_frame(builtin, by="source", period=given)
        assert list(zip(frame["source"], frame["amount_ore"])) == expected, given


def test_funding_frame_counts_contracts_of_unknown_amount(klynge, landscape, pandas):
    contract = landscape.lookup("ced-2021")
    contract.set_amount_unknown()
    contract.set_note("No amount given.")
    frame = klynge.funding_frame(landscape, by="holder").set_index("holder")
    assert frame.loc["ced", "n_unknown"] == 1
    assert frame.loc["ced", "amount_ore"] == landscape.lookup("ced-2019").get_amount()


def test_funding_frame_refuses_an_unknown_grouping(klynge, builtin, pandas):
    with pytest.raises(ValueError, match="by is one of"):
        klynge.funding_frame(builtin, by="colour")


def test_due_diligence_as_a_dict_and_frames(klynge, Klynge, data_path, pandas):
    landscape = klynge.load(data_path("valid", "members-and-organisations.xml"))
    report = klynge.due_diligence(landscape, ["o-cluster", "o-network"], "2020-01-01")
    same = landscape.due_diligence(["o-cluster", "o-network"], Klynge.Date.new(2020, 1, 1))
    assert report.to_text() == same.to_text()

    data = report.to_dict()
    assert data["organisations"] == ["o-cluster", "o-network"]
    assert data["date"] == datetime.date(2020, 1, 1)
    assert data["members"]["o-network"]["value"] == report.count_members_of("o-network")
    (overlap,) = report.get_overlaps()
    assert data["overlaps"] == [{"a": "o-cluster", "b": "o-network", "shared": overlap.get_shared(),
                                 "union": overlap.get_union(), "jaccard": overlap.get_jaccard(),
                                 "exact": overlap.is_exact()}]
    assert data["shared_members"] == [m.get_id() for m in report.list_shared_members()]
    assert data["blocked"] == report.is_blocked()

    frames = report.to_frames()
    members = frames["members"].set_index("organisation")
    assert members.loc["o-network", "members"] == report.count_members_of("o-network")
    assert members.loc["combined", "certainty"] == data["combined_members"]["certainty"]
    assert frames["shared_members"]["id"].tolist() == data["shared_members"]
    assert frames["overlaps"]["shared"].tolist() == [overlap.get_shared()]


def test_due_diligence_funding_and_contracts_as_frames(klynge, builtin, pandas):
    report = klynge.due_diligence(builtin, ["house-of-energy", "eic"], datetime.date(2020, 6, 1))
    funding = report.to_frames()["funding"]
    assert funding["source"].tolist() == list(report.get_funding_sources())
    assert funding["before_ore"].tolist() == [report.get_funding_before(s)
                                              for s in report.get_funding_sources()]
    moving = report.to_frames()["moving_contracts"]
    assert moving["id"].tolist() == [c.get_id() for c in report.list_moving_contracts()]
    assert str(moving["amount_ore"].dtype) == "Int64"
    problems = report.to_dict()["problems"]
    assert problems and all("merger-2020-ecd" in p["message"] for p in problems)


def test_lineage_frame_lists_the_librarys_links(klynge, builtin, pandas):
    frame = klynge.lineage_frame(builtin, "ecd")
    links = list(builtin.list_ancestors("ecd"))
    assert frame["organisation"].tolist() == [l.get_organisation() for l in links]
    assert frame["depth"].tolist() == [l.get_depth() for l in links]
    assert frame["merger"].tolist() == [l.get_merger() for l in links]
    assert frame["kind"].dtype == "category"
    assert frame["effective"].tolist() == [pandas.Timestamp(l.get_effective().to_date())
                                           for l in links]
    both = klynge.lineage_frame(builtin, "lean-energy-cluster", direction="both")
    assert set(both["direction"]) == {"descendants"}
    assert both["organisation"].tolist() == [l.get_organisation() for l in
                                             builtin.list_descendants("lean-energy-cluster")]


def test_lineage_frame_refuses_an_unknown_direction(klynge, builtin, pandas):
    with pytest.raises(ValueError):
        klynge.lineage_frame(builtin, "ecd", direction="sideways")
