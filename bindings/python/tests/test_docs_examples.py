# SPDX-License-Identifier: LGPL-2.1-or-later
"""The examples of docs/python.md marked `<!-- example: NAME -->` run as
they are written, on data the test makes."""

import contextlib
import io
import os
import re

import pytest


def _example(srcdir, name):
    text = (srcdir / "docs" / "python.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- example: %s -->\n```python\n(.*?)```" % re.escape(name), text, re.S)
    assert match, "docs/python.md has no example %r" % name
    return match.group(1)


def _run(code, namespace, directory):
    out = io.StringIO()
    here = os.getcwd()
    os.chdir(directory)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "docs/python.md", "exec"), namespace)
    finally:
        os.chdir(here)
    return out.getvalue()


def _cvr_numbers(count):
    """*count* valid CVR numbers (weights 2 7 6 5 4 3 2 1, the sum a
    multiple of 11), the first ones from 10000000 up."""
    numbers, n = [], 10000000
    while len(numbers) < count:
        n += 1
        if sum(w * int(d) for w, d in zip((2, 7, 6, 5, 4, 3, 2, 1), str(n))) % 11 == 0:
            numbers.append(n)
    return numbers


def test_the_spreadsheet_to_due_diligence_example_reports_the_shared_members(klynge, srcdir,
                                                                            pandas, tmp_path):
    pytest.importorskip("openpyxl", reason="openpyxl is not installed (Debian: python3-openpyxl)")
    # three clusters, fifty companies, every fifth in a second cluster
    rows = []
    for i, cvr in enumerate(_cvr_numbers(50)):
        clusters = [("energy", "water", "food")[i % 3]]
        if i % 5 == 0:
            clusters.append("water" if clusters[0] != "water" else "energy")
        rows += [{"cluster": c, "cvr": cvr, "company": "Virksomhed %02d ApS" % i} for c in clusters]
    sheet = pandas.DataFrame(rows)
    sheet.to_excel(tmp_path / "members.xlsx", index=False)
    energy = set(sheet[sheet.cluster == "energy"].cvr)
    water = set(sheet[sheet.cluster == "water"].cvr)
    shared = sorted("cvr-%d" % c for c in energy & water)
    assert shared  # the data has some for the example to find

    namespace = {}
    out = _run(_example(srcdir, "spreadsheet-to-due-diligence"), namespace, tmp_path)
    report = namespace["report"]
    assert sorted(m.get_id() for m in report.list_shared_members()) == shared
    assert report.count_members_of("energy") == len(energy)
    assert report.get_combined_member_count().certainty == klynge.Klynge.CountCertainty.EXACT
    assert all(member in out for member in shared)


def test_the_share_recipe_gives_the_librarys_funding_totals(klynge, srcdir, builtin, pandas,
                                                            tmp_path):
    """Acceptance (issue 18): groupby("source")["amount_ore"].sum() of the
    shares equals the library's funding totals, for the built-in landscape."""
    namespace = {"klynge": klynge, "landscape": builtin}
    _run(_example(srcdir, "share-amounts"), namespace, tmp_path)
    per_source = namespace["per_source"]
    totals = klynge.funding_frame(builtin, by="source").set_index("source")["amount_ore"]
    assert per_source.sort_index().to_dict() == totals.sort_index().to_dict()
    assert per_source.sum() == klynge.to_dataframe(builtin, "contract")["amount_ore"].sum()


@pytest.mark.parametrize("fixture", ["contracts.xml", "full.xml", "programmes.xml", "largest-amounts.xml"])
def test_the_share_table_splits_every_share_as_the_library_does(klynge, srcdir, data_path,
                                                                 pandas, tmp_path, fixture):
    # contracts.xml splits 1 krone 33.33 / 33.33 / 33.34 %: 33, 33 and 34 øre
    landscape = klynge.load(data_path("valid", fixture))
    namespace = {"klynge": klynge, "landscape": landscape}
    _run(_example(srcdir, "share-amounts"), namespace, tmp_path)
    for row in namespace["df"].itertuples():
        expected = landscape.lookup(row.contract).share_amount(row.source)
        assert (-1 if pandas.isna(row.amount_ore) else row.amount_ore) == expected, row


def test_the_headline_example_prints_the_figures_of_the_notebook_table(klynge, srcdir, tmp_path):
    namespace = {"klynge": klynge, "landscape": klynge.default()}
    out = _run(_example(srcdir, "headline"), namespace, tmp_path)
    figures = namespace["figures"]
    assert out.splitlines() == [
        "%s %d" % (figures["date"], len(figures["national_clusters"])),
        "%s %d" % (figures["memberships_count"], figures["funding_ore"])]
    assert namespace["html"].startswith('<table class="klynge-landscape">')


def test_the_plots_example_writes_the_funding_picture(klynge, srcdir, tmp_path):
    pytest.importorskip("matplotlib", reason="python3-matplotlib is not installed")
    import matplotlib.pyplot as pyplot
    namespace = {"klynge": klynge, "landscape": klynge.default()}
    try:
        _run(_example(srcdir, "plots"), namespace, tmp_path)
    finally:
        pyplot.close("all")
    assert (tmp_path / "funding.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
