"""Tests of `klynge lineage`, `klynge due-diligence` and `klynge merge`."""

import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

NS = "{urn:klynge:landscape:1}"
DOT = shutil.which("dot") or ("/usr/bin/dot" if os.path.exists("/usr/bin/dot") else None)

# two clusters to merge, with synthetic members and contracts
SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="1">
  <funding-sources>
    <funding-source id="fund" kind="national-agency"><name>Fund</name></funding-source>
  </funding-sources>
  <members>
    <member id="m1" kind="company" size="sme"><name>Member One</name></member>
    <member id="m2" kind="company" size="large"><name>Member Two</name></member>
    <member id="m3" kind="knowledge-institution"><name>Member Three</name></member>
  </members>
  <organisations>
    <organisation id="a" kind="cluster" founded="2010">
      <name>Klynge A</name>
      <location city="Aalborg"/>
      <focus-area>energy</focus-area>
      <membership member="m1" since="2015"/>
      <membership member="m2" since="2016-01-01"/>
    </organisation>
    <organisation id="b" kind="cluster" founded="2012">
      <name>Klynge B</name>
      <location city="Odense"/>
      <focus-area>water</focus-area>
      <membership member="m1" since="2013-05-01"/>
      <membership member="m3" since="2014" until="2019-12-31"/>
    </organisation>
    <organisation id="gone" kind="cluster" founded="2000" dissolved="2020">
      <name>Gone</name>
    </organisation>
  </organisations>
  <contracts>
    <contract id="a-now" holder="a" start="2023-01-01" end="2025-12-31" amount="3000.00">
      <share source="fund" percent="100"/>
    </contract>
    <contract id="b-old" holder="b" start="2018-01-01" end="2019-12-31" amount="1000.00">
      <share source="fund" percent="100"/>
    </contract>
  </contracts>
</landscape>
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.xml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def memberships(path, organisation):
    root = ET.parse(path).getroot()
    for org in root.iter(NS + "organisation"):
        if org.get("id") == organisation:
            return {m.get("member"): (m.get("since"), m.get("until")) for m in org.iter(NS + "membership")}
    raise KeyError(organisation)


# --- lineage -----------------------------------------------------------------

def test_lineage_of_ecd_lists_its_predecessors_and_cleans_transfer_with_kind_and_date(klynge):
    result = klynge("lineage", "ecd")
    assert result.status == 0, result
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ecd  Energy Cluster Denmark  (2020-07-01")
    for predecessor in ("house-of-energy", "eic"):
        assert any(line.strip().startswith(predecessor) and "[merger-2020-ecd, merger, effective 2020-07-01]" in line
                   for line in lines), result
    assert any(line.startswith("  clean  CLEAN") and "[transfer-2020-clean-ecd, transfer, effective 2020-07-01]" in line
               for line in lines), result
    assert "Successors:\n  none" in result.stdout


def chain_landscape(n):
    """A landscape where o0 went into o1, o1 into o2, ... up to on."""
    dissolved = ' dissolved="2019"'
    orgs = "".join(
        f'    <organisation id="o{i}" kind="cluster"{"" if i == n else dissolved}>'
        f"<name>O{i}</name></organisation>\n"
        for i in range(n + 1))
    mergers = "".join(
        f'    <merger id="m{i}" effective="2020-01-01" successor="o{i}" kind="absorption" status="completed">'
        f'<predecessor ref="o{i - 1}"/></merger>\n'
        for i in range(1, n + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<landscape xmlns="urn:klynge:landscape:1" version="1">\n'
            f"  <organisations>\n{orgs}  </organisations>\n"
            f"  <mergers>\n{mergers}  </mergers>\n"
            "</landscape>\n")


def test_lineage_of_a_deep_chain_indents_only_so_far(klynge, tmp_path):
    n = 3000
    path = tmp_path / "chain.xml"
    path.write_text(chain_landscape(n), encoding="utf-8")
    result = klynge("lineage", "--landscape", path, f"o{n}")
    assert result.status == 0, result
    lines = result.stdout.splitlines()
    assert len(lines) == n + 4
    # ordinary depths are indented two spaces a level, as before
    assert lines[2] == f"  o{n - 1}  O{n - 1}  (? – 2019)  [m{n}, absorption, effective 2020-01-01]"
    assert lines[3].startswith(f"    o{n - 2}  ")
    # deep ones no further than the cap, with their depth as a number
    assert lines[-3] == " " * 64 + f"(depth {n}) o0  O0  (? – 2019)  [m1, absorption, effective 2020-01-01]"
    assert max(len(line) for line in lines) < 160
    assert len(result.stdout) < 160 * len(lines)


def test_lineage_says_what_eic_was_on_a_date(klynge):
    after = klynge("lineage", "eic", "--on", "2020-12-31")
    before = klynge("lineage", "eic", "--on", "2020-06-30")
    assert after.status == 0 and before.status == 0
    assert "On 2020-12-31: merged; it was ecd  Energy Cluster Denmark" in after.stdout
    assert "On 2020-06-30: active itself" in before.stdout


def test_lineage_shows_the_2014_merger_and_marlogs_end(klynge):
    clean = klynge("lineage", "clean")
    assert "lean-energy-cluster" in clean.stdout and "[merger-2014-clean, merger, effective 2014-05-09]" in clean.stdout
    mdc = klynge("lineage", "mdc", "--on", "2023-01-01")
    assert mdc.status == 0
    assert "merged into marlog, which was not active then" in mdc.stdout


def test_lineage_says_not_known_within_a_partial_or_missing_date(klynge):
    # house-of-energy has no founding date; MARLOG was dissolved in 2022
    assert "On 2019-01-01: not known to be active (a partial or missing date)" in \
        klynge("lineage", "house-of-energy", "--on", "2019-01-01").stdout
    assert "merged into marlog, which was not known to be active then" in \
        klynge("lineage", "mdc", "--on", "2022-06-30").stdout


def test_lineage_dot_is_a_stable_digraph(klynge):
    first = klynge("lineage", "ecd", "--format", "dot")
    second = klynge("lineage", "ecd", "--format", "dot")
    assert first.status == 0, first
    assert first.stdout == second.stdout
    assert first.stdout.startswith("digraph lineage {")
    assert '"eic" -> "ecd" [label="2020-07-01", tooltip="merger-2020-ecd"];' in first.stdout


@pytest.mark.skipif(DOT is None, reason="Graphviz dot is not installed (Debian package graphviz)")
def test_lineage_dot_renders_with_graphviz(klynge):
    result = klynge("lineage", "ecd", "--format", "dot")
    assert result.status == 0
    svg = subprocess.run([DOT, "-Tsvg"], input=result.stdout, capture_output=True, text=True, timeout=60)
    assert svg.returncode == 0, svg.stderr
    assert "<svg" in svg.stdout
    assert "Energy Cluster Denmark" in svg.stdout
    assert "House of Energy" in svg.stdout


@pytest.mark.parametrize("args", [
    ["o-a"],
    ["o-b", "--format", "dot"],
    ["o-a", "--on", "2021-01-01"],
])
def test_lineage_of_a_cyclic_history_ends(klynge, fixture_path, args):
    # b absorbs a in 2018, then a absorbs b in 2020: the file loads,
    # validation reports it, and lineage still lists each body once
    cycle = fixture_path("inconsistent", "merger-cycle--absorbed-back.xml")
    result = klynge("lineage", *args, "--landscape", cycle)
    assert result.status == 0, result
    assert result.stdout.count("mg-1") == 1 and result.stdout.count("mg-2") == 1, result


@pytest.mark.parametrize("args, status", [
    (["lineage"], 2),
    (["lineage", "ecd", "extra"], 2),
    (["lineage", "ecd", "--format", "png"], 2),
    (["lineage", "ecd", "--on", "2020-13-01"], 2),
    (["lineage", "ecd", "--format", "dot", "--on", "2020-01-01"], 2),
    (["lineage", "no-such-organisation"], 1),
    (["lineage", "siu"], 1),
])
def test_lineage_bad_input(klynge, args, status):
    result = klynge(*args)
    assert result.status == status, result
    assert result.stderr


def test_lineage_help_shows_examples(klynge):
    result = klynge("lineage", "--help")
    assert result.status == 0
    assert "klynge lineage ecd --format dot | dot -Tsvg" in result.stdout


# --- due diligence ---------------------------------------------------------------

@pytest.fixture
def denmark_with_members(klynge, tmp_path):
    """The built-in landscape with synthetic members added to two real
    predecessors of Energy Cluster Denmark."""
    exported = klynge("export", "--format", "xml")
    assert exported.status == 0, exported
    text = exported.stdout
    members = ('  <members>\n'
               '    <member id="test-m1" kind="company" size="sme"><name>Testfirma Et ApS</name></member>\n'
               '    <member id="test-m2" kind="knowledge-institution" size="large"><name>Test Universitet</name></member>\n'
               '    <member id="test-m3" kind="company"><name>Testfirma Tre A/S</name></member>\n'
               '  </members>\n')
    text = text.replace("  <organisations>", members + "  <organisations>", 1)

    def add(org, refs):
        nonlocal text
        block = re.search(r'<organisation id="%s"[^>]*>.*?</organisation>' % re.escape(org), text, re.S)
        assert block, org
        body = block.group(0)
        rows = "".join('<membership member="%s" since="2018"/>\n      ' % ref for ref in refs)
        # memberships come before the provenance (source, note)
        cut = min(i for i in (body.find("<source"), body.find("<note"), body.find("</organisation>")) if i >= 0)
        text = text.replace(body, body[:cut] + rows + body[cut:], 1)

    add("house-of-energy", ["test-m1", "test-m2"])
    add("eic", ["test-m2", "test-m3"])
    path = tmp_path / "denmark-members.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_due_diligence_on_two_real_predecessors_names_their_shared_members(klynge, denmark_with_members):
    result = klynge("due-diligence", "house-of-energy", "eic", "--date", "2020-01-01",
                    "--landscape", denmark_with_members)
    assert result.status == 0, result
    out = result.stdout
    assert out.startswith("Due diligence: house-of-energy, eic on 2020-01-01")
    shared = out.split("Shared members (known)\n", 1)[1].split("\n\n", 1)[0]
    assert "test-m2  Test Universitet (in 2)" in shared
    assert "test-m1" not in shared and "test-m3" not in shared
    # the built-in member lists are not known to be complete
    assert "house-of-energy – eic: shared at least 1, together at least 3 (Jaccard not known)" in out
    # they were merged into ecd in July 2020, which blocks merging them again
    assert "Blocked: 2 problems" in out
    assert "merger-2020-ecd" in out


def member_sections(out):
    """The lines of the sections that count members."""
    lines = []
    for title in ("Members (", "Overlap\n", "Members by kind\n", "Members by size\n", "Members by role\n"):
        lines += out.split(title, 1)[1].split("\n\n", 1)[0].splitlines()[1 if title == "Members (" else 0:]
    return lines


def test_due_diligence_on_unknown_member_lists_says_so_and_prints_no_bare_count(klynge):
    # the built-in landscape states no member list: each count is not known
    result = klynge("due-diligence", "ecd", "fbcd", "--date", "2024-06-01")
    assert result.status == 0, result
    out = result.stdout
    assert "Members (memberships active on 2024-06-01)" in out
    assert re.search(r"^  ecd +not known  \(member list unknown\)$", out, re.M), out
    assert re.search(r"^  combined +not known$", out, re.M), out
    assert "ecd – fbcd: shared not known, together not known (Jaccard not known)" in out
    lines = member_sections(out)
    assert len(lines) == 3 + 1 + 4 + 6 + 3, lines
    for line in lines:
        assert not re.search(r"\s\d+$", line), line
        assert "not known" in line, line


@pytest.fixture
def denmark_with_complete_lists(denmark_with_members):
    """denmark_with_members, with house-of-energy's member list complete and
    eic's partial."""
    text = denmark_with_members.read_text(encoding="utf-8")
    # the built-in data states every member list as unknown
    for org, state in (("house-of-energy", "complete"), ("eic", "partial")):
        text, n = re.subn(r'(<organisation id="%s"[^>]*?) member-list="unknown">' % re.escape(org),
                          r'\1 member-list="%s">' % state, text, count=1)
        assert n == 1, org
    denmark_with_members.write_text(text, encoding="utf-8")
    return denmark_with_members


def test_due_diligence_counts_a_complete_list_exactly_and_a_partial_one_as_at_least(
        klynge, denmark_with_complete_lists):
    result = klynge("due-diligence", "house-of-energy", "eic", "--date", "2020-01-01",
                    "--landscape", denmark_with_complete_lists)
    assert result.status == 0, result
    out = result.stdout
    assert re.search(r"^  house-of-energy +2$", out, re.M), out
    assert re.search(r"^  eic +at least 2  \(member list partial\)$", out, re.M), out
    assert re.search(r"^  combined +at least 3$", out, re.M), out
    assert "house-of-energy – eic: shared at least 1, together at least 3 (Jaccard not known)" in out


def test_due_diligence_help_says_members_are_those_active_on_the_date(klynge):
    result = klynge("due-diligence", "--help")
    assert result.status == 0, result
    assert "membership active on the date given by --date, today without it" in result.stdout
    assert '"at least N"' in result.stdout and '"not known"' in result.stdout


def test_show_organisation_states_its_member_list_and_counts_members_with_certainty(
        klynge, denmark_with_complete_lists):
    shown = klynge("show", "ecd")
    assert shown.status == 0, shown
    assert re.search(r"^member list +unknown$", shown.stdout, re.M), shown.stdout
    assert "(members active today: not known)" in shown.stdout
    complete = klynge("show", "house-of-energy", "--landscape", denmark_with_complete_lists)
    assert complete.status == 0, complete
    assert re.search(r"^member list +complete$", complete.stdout, re.M), complete.stdout
    # the synthetic memberships have no end; the list is complete: exact
    assert "2 recorded (members active today: 2)" in complete.stdout


def test_due_diligence_reports_funding_and_coverage(klynge):
    result = klynge("due-diligence", "dlsc", "vision-dk", "--date", "2021-06-01")
    assert result.status == 0, result
    assert "Funding by source (DKK)" in result.stdout
    assert "2020-06-01..2021-05-31" in result.stdout and "2021-06-01..2022-05-31" in result.stdout
    assert "dlsc-ufm-2021 (dlsc)" in result.stdout
    assert "Blocked: no" in result.stdout


def test_due_diligence_with_funding_above_the_largest_amount_is_refused(klynge, fixture_path):
    # a and b are each paid the largest amount in 2020: together more,
    # which the report showed as a negative figure
    result = klynge("due-diligence", "a", "b", "--date", "2021-01-01",
                    "--landscape", fixture_path("valid", "largest-amounts.xml"))
    assert result.status == 1, result
    assert result.stdout == ""
    assert "the sum exceeds the largest amount" in result.stderr


@pytest.mark.parametrize("args, status", [
    (["due-diligence"], 2),
    (["due-diligence", "ecd"], 2),
    (["due-diligence", "ecd", "dlsc", "--date", "yesterday"], 2),
    (["due-diligence", "ecd", "nobody"], 1),
    (["due-diligence", "ecd", "ecd"], 1),
])
def test_due_diligence_bad_input(klynge, args, status):
    result = klynge(*args)
    assert result.status == status, result
    assert result.stderr


# --- merge ---------------------------------------------------------------------

def test_merge_into_a_new_successor_writes_the_merged_landscape(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    result = klynge("merge", "--into", "ab", "--name", "Klynge AB", "--date", "2024-01-01", "a", "b",
                    "--landscape", small, "--output", out)
    assert result.status == 0, result
    assert "merger-2024-01-01-ab: a, b merge into ab on 2024-01-01 (merger)" in result.stdout
    assert "  dissolved on 2023-12-31: a, b\n" in result.stdout
    assert "contracts moved: a-now" in result.stdout
    assert memberships(out, "ab") == {"m1": ("2013-05-01", None), "m2": ("2016-01-01", None)}
    assert memberships(out, "a")["m1"] == ("2015", "2023-12-31")

    validate = klynge("validate", out)
    assert validate.status == 0, validate
    lineage = klynge("lineage", "ab", "--landscape", out)
    assert "[merger-2024-01-01-ab, merger, effective 2024-01-01]" in lineage.stdout
    assert klynge("lineage", "a", "--on", "2024-06-01", "--landscape", out).stdout.rstrip().endswith(
        "merged; it was ab  Klynge AB  (2024-01-01 –)")
    # the saved landscape loads and saves back unchanged
    again = klynge("export", "--format", "xml", "--landscape", out)
    assert again.stdout == out.read_text(encoding="utf-8")


def test_merge_absorbs_into_an_existing_successor(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    result = klynge("merge", "--into", "a", "--date", "2024-01-01", "b", "--id", "b-into-a",
                    "--landscape", small, "--output", out)
    assert result.status == 0, result
    assert "(absorption)" in result.stdout
    assert memberships(out, "a") == {"m1": ("2013-05-01", None), "m2": ("2016-01-01", None)}
    root = ET.parse(out).getroot()
    merger = next(root.iter(NS + "merger"))
    assert merger.get("id") == "b-into-a" and merger.get("status") == "completed"
    assert merger.get("kind") == "absorption"


def summary_counts(klynge, path):
    """The line of `klynge summary` that counts the events by kind."""
    out = klynge("summary", "--landscape", path, "--as-of", "2024-12-31").stdout
    return next(line.strip() for line in out.splitlines() if line.strip().startswith("mergers and absorptions:"))


def test_merge_records_a_transfer_and_leaves_the_giver_active(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    result = klynge("merge", "--kind", "transfer", "--into", "b", "--date", "2024-01-01", "a",
                    "--landscape", small, "--output", out)
    assert result.status == 0, result
    assert "a transfer part of their activity to b on 2024-01-01 (transfer)" in result.stdout
    assert "  still active: a\n" in result.stdout
    assert "contracts moved: none" in result.stdout
    # the giver keeps everything; the file is a version 2 one
    assert memberships(out, "a") == memberships(small, "a")
    root = ET.parse(out).getroot()
    assert root.get("version") == "2"
    assert next(o for o in root.iter(NS + "organisation") if o.get("id") == "a").get("dissolved") is None
    assert klynge("validate", out).status == 0
    lineage = klynge("lineage", "b", "--landscape", out)
    assert "[merger-2024-01-01-b, transfer, effective 2024-01-01]" in lineage.stdout
    on = klynge("lineage", "a", "--on", "2024-06-01", "--landscape", out)
    assert "On 2024-06-01: active itself" in on.stdout
    # not counted as a merger
    assert summary_counts(klynge, out) == ("mergers and absorptions: 0, of 0 predecessor organisations; "
                                           "transfers: 1; renames: 0")


def test_merge_records_a_rename_that_continues_the_body(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    result = klynge("merge", "--kind", "rename", "--into", "a2", "--name", "Klynge A2", "--date", "2024-01-01",
                    "a", "--landscape", small, "--output", out)
    assert result.status == 0, result
    assert "a goes on as a2 on 2024-01-01 (rename)" in result.stdout
    assert "  dissolved on 2023-12-31: a\n" in result.stdout
    assert "contracts moved: a-now" in result.stdout
    assert memberships(out, "a2") == {"m1": ("2015", None), "m2": ("2016-01-01", None)}
    assert klynge("validate", out).status == 0
    lineage = klynge("lineage", "a2", "--landscape", out)
    assert "[merger-2024-01-01-a2, rename, effective 2024-01-01]" in lineage.stdout
    assert summary_counts(klynge, out) == ("mergers and absorptions: 0, of 0 predecessor organisations; "
                                           "transfers: 0; renames: 1")


def test_merge_refuses_a_rename_of_two_bodies(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    result = klynge("merge", "--kind", "rename", "--into", "ab", "--name", "Klynge AB", "--date", "2024-01-01",
                    "a", "b", "--landscape", small, "--output", out)
    assert result.status == 1, result
    assert "a rename has at most 1" in result.stderr
    assert not out.exists()


def test_merge_refuses_an_unknown_kind(klynge, small, tmp_path):
    result = klynge("merge", "--kind", "takeover", "--into", "b", "--date", "2024-01-01", "a",
                    "--landscape", small, "--dry-run")
    assert result.status == 2, result
    assert "not merger, absorption, transfer or rename" in result.stderr


def test_merge_to_a_new_file_on_a_full_disk_leaves_nothing(klynge_on_a_full_disk, small, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "new.xml"
    result = klynge_on_a_full_disk("merge", "--into", "ab", "--name", "Klynge AB", "--date", "2024-01-01",
                                   "a", "b", "--landscape", small, "--output", out, room=512)
    assert result.status == 1, result
    assert result.stderr.startswith("klynge: ")
    assert "File too large" in result.stderr
    assert list(out_dir.iterdir()) == []
    assert result.stdout == ""


def test_refused_merge_lists_every_problem_and_writes_nothing(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    out.write_text("keep me", encoding="utf-8")
    result = klynge("merge", "--into", "a", "--date", "2024-01-01", "gone", "nobody", "a",
                    "--landscape", small, "--output", out)
    assert result.status == 1, result
    assert "gone" in result.stderr and "already dissolved" in result.stderr
    assert "nobody" in result.stderr
    assert "also named as a predecessor" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert result.stdout == ""


def test_dry_run_says_what_would_change_and_writes_nothing(klynge, small, tmp_path):
    out = tmp_path / "out.xml"
    before = small.read_bytes()
    result = klynge("merge", "--into", "ab", "--name", "Klynge AB", "--date", "2024-01-01", "a", "b",
                    "--landscape", small, "--output", out, "--dry-run")
    assert result.status == 0, result
    assert result.stdout.startswith("would apply merger-2024-01-01-ab")
    # a and b state no member list: ab has the members known of them, and
    # perhaps more
    assert "ab: at least 2 members (before: 0)" in result.stdout
    assert not out.exists()
    assert small.read_bytes() == before


def test_dry_run_counts_the_successor_exactly_when_every_member_list_is_complete(klynge, small, tmp_path):
    text = small.read_text(encoding="utf-8").replace(' version="1">', ' version="2">', 1)
    for org in ("a", "b"):
        text, n = re.subn(r'(<organisation id="%s"[^>]*?)>' % org, r'\1 member-list="complete">', text, count=1)
        assert n == 1, org
    complete = tmp_path / "complete.xml"
    complete.write_text(text, encoding="utf-8")
    result = klynge("merge", "--into", "ab", "--name", "Klynge AB", "--date", "2024-01-01", "a", "b",
                    "--landscape", complete, "--dry-run")
    assert result.status == 0, result
    assert "ab: 2 members (before: 0)" in result.stdout


@pytest.mark.parametrize("args", [
    ["merge", "a", "b", "--date", "2024-01-01", "--output", "x.xml"],
    ["merge", "--into", "ab", "a", "b", "--output", "x.xml"],
    ["merge", "--into", "ab", "--date", "2024-01-01", "--output", "x.xml"],
    ["merge", "--into", "ab", "--name", "AB", "--date", "2024-01-01", "a", "b"],
    ["merge", "--into", "ab", "--date", "2024-01-01", "a", "b", "--output", "x.xml"],
    ["merge", "--into", "a", "--name", "A", "--date", "2024-01-01", "b", "--output", "x.xml"],
    ["merge", "--into", "ab", "--name", "AB", "--kind", "fusion", "--date", "2024-01-01", "a", "b", "--output", "x.xml"],
    ["merge", "--into", "ab", "--name", "AB", "--date", "2024-02-30", "a", "b", "--output", "x.xml"],
])
def test_merge_usage_errors(klynge, small, tmp_path, args):
    result = klynge(*args, "--landscape", small)
    assert result.status == 2, result
    assert "Try “klynge merge --help”" in result.stderr
    assert not (tmp_path / "x.xml").exists()
