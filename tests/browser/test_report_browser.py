"""`klynge report` in a real browser: the report of the built-in landscape
and of a generated one of 10,000 organisations load in headless Chromium
with networking off, with no console message, no request but the document
itself, every chart drawn, and the headline figures of `klynge summary`."""

import decimal
import re
import subprocess

import pytest

from conftest import GENERATOR, SCREENSHOTS, TOOL

# The generated landscape: 10,000 organisations, small enough elsewhere to
# generate in a second.
GENERATED = ["--seed", "1", "--organisations", "10000", "--members", "20000",
             "--memberships", "60000", "--contracts", "2000", "--mergers", "2000"]


def run(*argv):
    completed = subprocess.run([*map(str, argv)], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, f"{argv}: exit {completed.returncode}\n{completed.stderr}"
    return completed.stdout


def amount(text):
    """A figure as written by summary or the report ("186,870,178.00",
    "13", "1 234"), as a Decimal."""
    digits = re.sub(r"[^0-9.\-]", "", text)
    assert digits, f"no number in {text!r}"
    return decimal.Decimal(digits)


def parse_summary(text):
    """The headline figures of `klynge summary`'s text, named as the report's
    hooks name them (`<data class="figure" id="fig-NAME">`, see
    lib/klynge-report.c): as-of; designated; active-KIND and not-known-KIND
    (KIND also total); funding-total; envelopes and recorded (summed over
    the coverage rows that have an envelope) and coverage (their ratio in
    percent).  Also funding-by-source/SOURCE, which the report has no hook
    for, to check the parser."""
    figures = {}
    section = None
    source = None
    for line in text.splitlines():
        if m := re.match(r"Cluster landscape .* as of (\d{4}-\d\d-\d\d)", line):
            figures["as-of"] = m.group(1)
        elif line.startswith("Organisations active on"):
            section = "organisations"
        elif line.startswith("Funding by source"):
            section = "funding"
        elif line.startswith("Coverage:"):
            section = "coverage"
            figures["envelopes"] = figures["recorded"] = decimal.Decimal(0)
        elif line and not line.startswith(" "):
            section = None
        elif section == "organisations" and (
                m := re.match(r"  (\S+) +(\d+)(?: active)?(?:, (\d+) not known)?$", line)):
            kind, active, not_known = m.groups()
            figures[f"active-{kind}"] = decimal.Decimal(active)
            figures[f"not-known-{kind}"] = decimal.Decimal(not_known or 0)
        elif section == "organisations" and (
                m := re.match(r"  designated national clusters.*\((\d+)\):$", line)):
            figures["designated"] = decimal.Decimal(m.group(1))
        elif section == "funding" and (m := re.match(r"  (\S+)? +(\d{4}|all) +([\d,]+\.\d\d)", line)):
            source = m.group(1) or source
            if m.group(2) == "all":
                figures[f"funding-by-source/{source}"] = amount(m.group(3))
        elif section == "funding" and (m := re.match(r"  total +([\d,]+\.\d\d)$", line)):
            figures["funding-total"] = amount(m.group(1))
        elif section == "coverage" and (
                m := re.match(r"  (?:\S+)? +\d{4} +([\d,]+\.\d\d) +([\d,]+\.\d\d) ", line)):
            envelope, recorded = amount(m.group(1)), amount(m.group(2))
            if envelope > 0:
                figures["envelopes"] += envelope
                figures["recorded"] += recorded
    if "active-total" in figures:
        # Summary lists the designated national clusters only when the
        # landscape records programmes; without them there are none.
        figures.setdefault("designated", decimal.Decimal(0))
    if figures.get("envelopes"):
        figures["coverage"] = figures["recorded"] * 100 / figures["envelopes"]
    return figures


def test_the_summary_parser_reads_every_headline_figure():
    figures = parse_summary(run(TOOL, "summary", "--as-of", "2024-12-31"))
    assert figures["as-of"] == "2024-12-31"
    for name in ("active-total", "not-known-cluster", "designated", "funding-total", "envelopes", "coverage"):
        assert name in figures, name
    assert figures["designated"] > 0
    assert sum(v for k, v in figures.items() if k.startswith("funding-by-source/")) == figures["funding-total"]
    assert sum(v for k, v in figures.items()
               if k.startswith("active-") and k != "active-total") == figures["active-total"]


@pytest.fixture(scope="module")
def generated_landscape(tmp_path_factory):
    path = tmp_path_factory.mktemp("landscape") / "generated-10000.xml"
    run(GENERATOR, *GENERATED, "-o", path)
    return path


# Every <svg> with its bounding box, and every figure the report marks.
SVG_BOXES = """[...document.querySelectorAll('svg')].map((svg, i) => {
  const r = svg.getBoundingClientRect();
  return {index: i, title: svg.querySelector('title')?.textContent ?? '', width: r.width, height: r.height};
})"""
DOM_FIGURES = """Object.fromEntries([...document.querySelectorAll('data.figure')]
  .map(e => [e.id.replace(/^fig-/, ''), e.value]))"""


def undrawn_charts(page):
    """The <svg> elements of @page with an empty bounding box; fails if it has none."""
    boxes = page.evaluate(SVG_BOXES)
    assert boxes, "the report has no chart"
    return [box for box in boxes if not (box["width"] > 0 and box["height"] > 0)]


def figures_unlike_the_summary(page, summary):
    """How the figures @page marks differ from @summary's, or are missing, as text."""
    shown = page.evaluate(DOM_FIGURES)
    differences = []
    if shown.get("as-of") != summary["as-of"]:
        differences.append(f"as-of: report {shown.get('as-of')}, summary {summary['as-of']}")
    # The generated landscape records no programmes: no coverage there.
    required = {"designated", "active-total", "not-known-total", "funding-total"} | \
        ({"envelopes", "recorded"} & summary.keys())
    differences += [f"{figure}: not in the report" for figure in sorted(required - shown.keys())]
    for figure in sorted(shown.keys() & summary.keys() - {"as-of"}):
        # the report rounds the coverage to two decimals
        tolerance = decimal.Decimal("0.005") if figure == "coverage" else 0
        if abs(amount(shown[figure]) - summary[figure]) > tolerance:
            differences.append(f"{figure}: report {shown[figure]}, summary {summary[figure]}")
    return differences


def report_of(landscape, tmp_path, name):
    """The report of @landscape (arguments of the tool) on the date summary
    uses by default, and summary's figures for that date."""
    as_of = parse_summary(run(TOOL, "summary", *landscape))["as-of"]
    summary = parse_summary(run(TOOL, "summary", *landscape, "--as-of", as_of))
    report = tmp_path / f"report-{name}.html"
    run(TOOL, "report", *landscape, "--as-of", as_of, "--output", report)
    return report, summary


@pytest.mark.parametrize("name", ["builtin", "10000"])
def test_the_report_loads_cleanly_draws_every_chart_and_shows_the_summarys_figures(
        name, browser, generated_landscape, tmp_path):
    landscape = [] if name == "builtin" else ["--landscape", generated_landscape]
    report, summary = report_of(landscape, tmp_path, name)

    page = browser.open(report)

    assert page.problems() == []
    assert page.requests() == [page.url]
    assert undrawn_charts(page) == []
    assert figures_unlike_the_summary(page, summary) == []

    png = page.screenshot(SCREENSHOTS / f"report-{name}.png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
    page.close()


def test_a_report_with_a_wrong_figure_and_an_empty_chart_fails_the_checks(browser, tmp_path):
    report, summary = report_of([], tmp_path, "builtin")
    html = report.read_text()
    designated = int(summary["designated"])
    html, n = re.subn(r'(id="fig-designated" value=")\d+(">)\d+', rf"\g<1>{designated + 1}\g<2>{designated + 1}", html)
    assert n == 1
    html, n = re.subn(r"<svg ", '<svg style="display:none" ', html, count=1)
    assert n == 1
    report.write_text(html)

    page = browser.open(report)

    assert figures_unlike_the_summary(page, summary) == \
        [f"designated: report {designated + 1}, summary {designated}"]
    assert len(undrawn_charts(page)) == 1
    page.close()
