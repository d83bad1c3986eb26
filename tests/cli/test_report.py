"""Tests of `klynge report` and of `klynge lineage` drawing pictures."""

import re
import xml.etree.ElementTree as ET

import pytest

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def summary_figures(text):
    """The headline figures `klynge summary` prints, by the report's names."""
    figures = {}
    section = re.search(r"^Organisations active on (\S+)\n((?:  .*\n)+)", text, re.M)
    figures["as-of"] = section.group(1)
    for line in section.group(2).splitlines():
        match = re.match(r"^  (\S+)\s+(\d+)(?: active, (\d+) not known)?$", line)
        assert match, line
        kind, active, not_known = match.groups()
        figures[f"active-{kind}"] = active
        figures[f"not-known-{kind}"] = not_known or "0"
    designated = re.search(r"^  designated national clusters, with area and programme \((\d+)\):$", text, re.M)
    figures["designated"] = designated.group(1) if designated else "0"
    total = re.search(r"^  total\s+([\d,]+\.\d\d)", text[text.index("Funding by source"):], re.M)
    figures["funding-total"] = total.group(1).replace(",", "")
    return figures


def report_figures(path):
    """The report's <data class="figure"> values by id, without `fig-`."""
    root = ET.parse(path).getroot()
    return {element.get("id")[len("fig-"):]: element.get("value")
            for element in root.iter(f"{XHTML}data") if element.get("class") == "figure"}


@pytest.mark.parametrize("as_of", [None, "2010-12-31", "2019-06-30", "2021"])
def test_report_figures_are_those_of_summary(klynge, tmp_path, as_of):
    path = tmp_path / "r.html"
    options = ["--as-of", as_of] if as_of else []
    written = klynge("report", *options, "--output", path)
    summary = klynge("summary", *options)

    assert written.status == 0, written
    assert written.stdout == ""
    expected = summary_figures(summary.stdout)
    figures = report_figures(path)
    for name, value in expected.items():
        assert figures[name] == value, name


def test_report_as_of_changes_the_page_and_is_otherwise_stable(klynge, tmp_path):
    first = klynge("report", "--as-of", "2012").stdout
    again = klynge("report", "--as-of", "2012").stdout
    later = klynge("report", "-d", "2024-12-31").stdout

    assert first == again
    assert first != later
    assert '<data class="figure" id="fig-as-of" value="2012">' in first


def test_report_to_standard_output_equals_the_file(klynge, tmp_path):
    path = tmp_path / "r.html"

    assert klynge("report", "-o", path).status == 0
    assert klynge("report").stdout == path.read_text(encoding="utf-8")
    assert klynge("report", "--output", "-").stdout == path.read_text(encoding="utf-8")


def test_report_is_one_self_contained_page(klynge):
    page = klynge("report").stdout

    assert page.startswith("<!DOCTYPE html>\n")
    assert "Content-Security-Policy" in page
    assert "<script" not in page
    assert set(re.findall(r"https?://[^\"' ]*", page)) <= {"http://www.w3.org/2000/svg",
                                                          "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(page)
    charts = list(root.iter(f"{SVG}svg"))
    assert charts
    for chart in charts:
        assert chart.get("role") == "img"
        assert chart.find(f"{SVG}title").text


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2021-13-01"], "--as-of"),
    (["--as-of", "yesterday"], "--as-of"),
    (["extra"], "unexpected argument"),
    (["--no-such-option"], "no-such-option"),
])
def test_report_usage_errors_exit_2(klynge, tmp_path, args, message):
    result = klynge("report", *args, "--output", tmp_path / "r.html")

    assert result.status == 2, result
    assert message in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_report_data_errors_exit_1(klynge, tmp_path):
    missing = klynge("report", "--landscape", tmp_path / "missing.xml")
    unwritable = klynge("report", "--output", tmp_path / "no-such-directory" / "r.html")

    assert missing.status == 1, missing
    assert unwritable.status == 1, unwritable
    assert "no-such-directory" in unwritable.stderr


def test_report_help_describes_the_options(klynge):
    result = klynge("report", "--help")

    assert result.status == 0
    for option in ["--as-of", "--output", "--landscape"]:
        assert option in result.stdout


# --- lineage pictures ------------------------------------------------------------

def bodies(svg_text):
    """The ids of the bodies drawn: each bar's tooltip is `Name (id): ...`."""
    root = ET.fromstring(svg_text)
    return {re.search(r"\(([^()]+)\): ", group.find(f"{SVG}title").text).group(1)
            for group in root.findall(f"{SVG}g") if group.find(f"{SVG}rect") is not None}


def test_lineage_svg_of_one_organisation_draws_its_lineage(klynge):
    result = klynge("lineage", "ecd", "--format", "svg")

    assert result.status == 0, result
    drawn = bodies(result.stdout)
    assert "ecd" in drawn
    dot = klynge("lineage", "ecd", "--format", "dot").stdout
    assert drawn == set(re.findall(r'^  "([^"]+)" \[label=', dot, re.M))


def test_lineage_without_an_id_draws_every_lineage(klynge):
    svg = klynge("lineage", "--format", "svg")
    dot = klynge("lineage", "--format", "dot")

    assert svg.status == 0 and dot.status == 0
    in_dot = set(re.findall(r'^  "([^"]+)" \[label=', dot.stdout, re.M))
    assert bodies(svg.stdout) == in_dot
    assert {"ecd", "clean", "fbcd", "dlsc", "wbd"} <= in_dot


def test_lineage_text_still_needs_an_id(klynge):
    result = klynge("lineage")

    assert result.status == 2
    assert "which organisation" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["ecd", "--format", "png"], "not text, dot or svg"),
    (["ecd", "--format", "svg", "--on", "2020"], "--on applies only"),
])
def test_lineage_format_usage_errors_exit_2(klynge, args, message):
    result = klynge("lineage", *args)

    assert result.status == 2
    assert message in result.stderr


def test_lineage_svg_of_what_is_not_an_organisation_exits_1(klynge):
    result = klynge("lineage", "no-such-body", "--format", "svg")

    assert result.status == 1
    assert "not an organisation" in result.stderr
