# SPDX-License-Identifier: LGPL-2.1-or-later
"""klynge.plot: each picture renders to PNG and draws the library's own
figures; without matplotlib a call says what to install."""

import csv
import io
import os
import subprocess
import sys

import pytest

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# .ci/run fails when this reason appears among the skips
MATPLOTLIB_MISSING = "python3-matplotlib is not installed"


@pytest.fixture(scope="session")
def matplotlib():
    return pytest.importorskip("matplotlib", reason=MATPLOTLIB_MISSING)


@pytest.fixture
def plot(klynge, matplotlib):
    """klynge.plot; closes every figure a test made."""
    import matplotlib.pyplot as pyplot
    yield klynge.plot
    pyplot.close("all")


@pytest.fixture(params=["built-in", "full.xml", "programmes.xml"])
def any_landscape(request, klynge, data_path):
    if request.param == "built-in":
        return klynge.default()
    return klynge.load(data_path("valid", request.param))


def _png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _assert_renders(figure):
    data = _png(figure)
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 5000, len(data)
    ax = figure.axes[0]
    assert ax.get_title() and ax.get_xlabel()


def test_funding_by_year_renders(plot, any_landscape):
    figure = plot.funding_by_year(any_landscape)
    _assert_renders(figure)
    ax = figure.axes[0]
    assert ax.get_ylabel().startswith("DKK")
    assert ax.get_legend() is not None


def test_active_by_year_renders(plot, any_landscape):
    figure = plot.active_by_year(any_landscape)
    _assert_renders(figure)
    assert figure.axes[0].get_legend() is not None


@pytest.mark.parametrize("id", [None, "org-c", "org-a"])
def test_lineage_of_the_test_landscape_renders(plot, full, id):
    _assert_renders(plot.lineage(full, id=id))


@pytest.mark.parametrize("id", [None, "ecd", "dlsc", "ced"])
def test_lineage_of_the_built_in_landscape_renders(plot, builtin, id):
    _assert_renders(plot.lineage(builtin, id=id))


def _bars(figure, prefix):
    """{(key, year): height} of the bars whose gid is prefix:key:year."""
    heights = {}
    for patch in figure.axes[0].patches:
        gid = patch.get_gid() or ""
        if gid.startswith(prefix + ":"):
            key, year = gid[len(prefix) + 1:].rsplit(":", 1)
            heights[(key, int(year))] = patch.get_height()
    return heights


def test_funding_bars_are_the_library_totals_by_source_and_year(plot, Klynge, any_landscape):
    grouping = Klynge.FundingGrouping.SOURCE | Klynge.FundingGrouping.YEAR
    totals = {(t.get_source(), t.get_year()): t.get_amount()
              for t in any_landscape.funding_totals_checked(grouping, None)}
    figure = plot.funding_by_year(any_landscape)
    heights = _bars(figure, "funding")
    drawn = {key: round(height * 100) for key, height in heights.items() if height}
    assert drawn == {key: ore for key, ore in totals.items() if ore}
    # stacked: each bar starts where the one below it ends
    ax = figure.axes[0]
    for year in {year for _, year in heights}:
        column = sorted((p for p in ax.patches if (p.get_gid() or "").endswith(":%d" % year)),
                        key=lambda p: p.get_y())
        for below, above in zip(column, column[1:]):
            assert above.get_y() == pytest.approx(below.get_y() + below.get_height())
    (grand,) = any_landscape.funding_totals_checked(Klynge.FundingGrouping(0), None)
    assert round(sum(heights.values()) * 100) == grand.get_amount()


def test_funding_of_the_built_in_landscape_is_what_klynge_summary_prints(plot, builtin):
    # klynge summary: "total 186,870,178.00" and siu's "all 64,000,000.00"
    heights = _bars(plot.funding_by_year(builtin), "funding")
    assert round(sum(heights.values()) * 100) == \
        sum(t.get_amount() for t in builtin.funding_totals(0, None))
    siu = sum(h for (source, _), h in heights.items() if source == "siu")
    contracts = [c for c in builtin.contracts() if c.has_amount()]
    shares = sum(c.get_amount() * s.get_basis_points() // 10000 for c in contracts
                 for s in c.get_shares() if s.get_source() == "siu")
    assert abs(round(siu * 100) - shares) <= len(contracts)


def test_funding_bars_are_what_klynge_funding_prints(plot, builddir, srcdir, data_path, klynge):
    tool = os.environ.get("KLYNGE_TOOL") or str(builddir / "tools" / "klynge")
    if not os.access(tool, os.X_OK):
        pytest.fail("the klynge tool is not built: %s" % tool)
    for args, landscape in (([], klynge.default()),
                            (["--landscape", str(data_path("valid", "full.xml"))],
                             klynge.load(data_path("valid", "full.xml")))):
        printed = subprocess.run([tool, "funding", *args, "--by", "source,year", "--format", "csv"],
                                 capture_output=True, text=True, check=True, timeout=120).stdout
        rows = csv.DictReader(io.StringIO(printed))
        expected = {(row["source"], int(row["year"])): int(row["amount"].replace(".", ""))
                    for row in rows}
        heights = _bars(plot.funding_by_year(landscape), "funding")
        assert {key: round(h * 100) for key, h in heights.items() if h} == \
            {key: ore for key, ore in expected.items() if ore}


def test_active_bars_count_organisations_active_on_31_december(plot, Klynge, any_landscape):
    figure = plot.active_by_year(any_landscape, start=2010, end=2024)
    heights = _bars(figure, "active")
    kinds = sorted({o.get_kind().value_nick for o in any_landscape.organisations()})
    assert {kind for kind, _ in heights} == set(kinds)
    for year in range(2010, 2025):
        day = Klynge.Date.new(year, 12, 31)
        for kind in kinds:
            expected = sum(
                1 for o in any_landscape.organisations()
                if o.get_kind().value_nick == kind
                and any_landscape.get_status(o.get_id(), day)[0] == Klynge.OrganisationStatus.ACTIVE)
            assert heights[(kind, year)] == expected, (kind, year)


def test_active_by_year_takes_kinds_and_the_years(plot, builtin):
    figure = plot.active_by_year(builtin, kinds=["innovation-network", "cluster"], start=2015)
    heights = _bars(figure, "active")
    assert {kind for kind, _ in heights} == {"innovation-network", "cluster"}
    assert [c.get_label() for c in figure.axes[0].containers] == ["innovation-network", "cluster"]
    years = sorted({year for _, year in heights})
    assert years[0] == 2015 and years[-1] == 2024   # the last year of the data
    with pytest.raises(ValueError, match="not an organisation kind"):
        plot.active_by_year(builtin, kinds=["klynge"])
    with pytest.raises(ValueError):
        plot.active_by_year(builtin, start=2020, end=2010)


def _lineage_artists(figure):
    ax = figure.axes[0]
    bodies = {p.get_gid().split(":", 1)[1] for p in ax.patches
              if (p.get_gid() or "").startswith("organisation:")}
    arrows = {tuple(t.get_gid().split(":")[1:]) for t in ax.texts
              if (t.get_gid() or "").startswith("merger:")}
    return bodies, arrows


def test_lineage_of_one_organisation_draws_its_ancestors_and_descendants(plot, builtin):
    bodies, arrows = _lineage_artists(plot.lineage(builtin, id="ecd"))
    ancestors = {link.get_organisation() for link in builtin.list_ancestors("ecd")}
    descendants = {link.get_organisation() for link in builtin.list_descendants("ecd")}
    assert bodies == {"ecd"} | ancestors | descendants
    links = {(link.get_merger(), link.get_organisation()) for link in builtin.list_ancestors("ecd")
             if link.get_via() == "ecd"}
    assert links and links <= arrows


def test_lineage_without_an_id_draws_every_organisation_a_merger_names(plot, builtin, full):
    for landscape in (builtin, full):
        named = set()
        pairs = set()
        for merger in landscape.mergers():
            named.add(merger.get_successor())
            named.update(merger.get_predecessors())
            pairs.update((merger.get_id(), p) for p in merger.get_predecessors())
        bodies, arrows = _lineage_artists(plot.lineage(landscape))
        assert bodies == named
        assert arrows == pairs
    bodies, arrows = _lineage_artists(plot.lineage(full))
    assert bodies == {"org-a", "org-b", "org-c"}
    assert arrows == {("mg-2020", "org-a"), ("mg-2020", "org-b")}


def test_lineage_bars_span_the_lives_of_the_bodies(plot, full):
    ax = plot.lineage(full).axes[0]
    bars = {p.get_gid(): p for p in ax.patches if p.get_gid()}
    org_a = bars["organisation:org-a"]          # founded 2014-05-09, dissolved 2020-06-30
    assert org_a.get_x() == pytest.approx(2014 + 128 / 365)
    assert org_a.get_x() + org_a.get_width() == pytest.approx(2020 + 182 / 366)


def test_an_unknown_id_raises_key_error_and_a_record_of_another_kind_an_error(plot, klynge,
                                                                             builtin, Klynge):
    with pytest.raises(KeyError):
        plot.lineage(builtin, id="no-such-organisation")
    with pytest.raises(klynge.Error) as caught:
        plot.lineage(builtin, id="deb")          # a funding source
    assert caught.value.code == Klynge.Error.WRONG_REFERENCE_KIND


def test_each_function_draws_on_the_axes_given(plot, matplotlib, full):
    import matplotlib.pyplot as pyplot
    figure, axes = pyplot.subplots(1, 3)
    assert plot.funding_by_year(full, ax=axes[0]) is figure
    assert plot.active_by_year(full, ax=axes[1]) is figure
    assert plot.lineage(full, ax=axes[2]) is figure
    assert all(ax.get_title() for ax in axes)
    _png(figure)


def test_the_same_landscape_gives_the_same_picture(plot, builtin):
    for draw in (plot.funding_by_year, plot.active_by_year, plot.lineage):
        assert _png(draw(builtin)) == _png(draw(builtin)), draw.__name__


def test_amounts_are_written_as_the_tool_writes_them(plot):
    assert plot.format_dkk(186870178.0) == "186,870,178"
    assert plot.format_dkk(0) == "0"


def test_without_matplotlib_a_call_says_what_to_install(klynge, builtin, monkeypatch):
    # None in sys.modules makes the import fail as if it were not installed
    for name in [n for n in sys.modules if n == "matplotlib" or n.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    for draw in (klynge.plot.funding_by_year, klynge.plot.active_by_year, klynge.plot.lineage):
        with pytest.raises(ImportError, match="python3-matplotlib"):
            draw(builtin)


def test_a_backend_the_user_chose_is_kept(matplotlib, srcdir):
    # MPLBACKEND=svg chosen: klynge.plot must not switch it to Agg
    script = ("import klynge, matplotlib\n"
              "klynge.plot.funding_by_year(klynge.default())\n"
              "print(matplotlib.get_backend())\n")
    env = dict(os.environ, MPLBACKEND="svg")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "svg"


def test_importing_klynge_does_not_import_matplotlib(srcdir):
    script = "import sys, klynge, klynge.plot\nprint('matplotlib' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def _many_mergers(count):
    """A landscape of *count* mergers, each of two predecessors founded in
    2001 into a successor: 3 × *count* bodies."""
    organisations, mergers = [], []
    for i in range(count):
        for part in ("a", "b"):
            organisations.append('<organisation id="p%d-%s" kind="cluster" founded="2001" '
                                 'dissolved="2010-06-30"><name>P %d %s</name></organisation>'
                                 % (i, part, i, part))
        organisations.append('<organisation id="s%d" kind="cluster" founded="2010-07-01">'
                             '<name>S %d</name></organisation>' % (i, i))
        mergers.append('<merger id="m%d" effective="2010-07-01" successor="s%d" kind="merger" '
                       'status="completed"><predecessor ref="p%d-a"/><predecessor ref="p%d-b"/>'
                       '</merger>' % (i, i, i, i))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<landscape xmlns="urn:klynge:landscape:1" version="1">'
            '<organisations>%s</organisations><mergers>%s</mergers></landscape>'
            % ("".join(organisations), "".join(mergers)))


def test_a_lineage_of_many_bodies_leaves_out_the_names_and_still_draws(plot, klynge):
    landscape = klynge.loads(_many_mergers(150))
    figure = plot.lineage(landscape)
    _assert_renders(figure)
    ax = figure.axes[0]
    assert ax.get_yticklabels() == [] or all(not t.get_text() for t in ax.get_yticklabels())
    assert ax.get_ylabel() == "450 organisations (names left out)"
    gids = {c.get_gid() for c in ax.collections}
    assert {"organisations:known", "mergers:merger"} <= gids
    (lines,) = [c for c in ax.collections if c.get_gid() == "mergers:merger"]
    assert len(lines.get_segments()) == 300        # one per predecessor
    # below the limit every body keeps its name and bar
    figure = plot.lineage(klynge.loads(_many_mergers(100)))
    assert len(figure.axes[0].get_yticklabels()) == 300
