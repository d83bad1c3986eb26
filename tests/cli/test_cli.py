"""Tests of the klynge tool: summary, list, show, validate and export.

Expected values are derived from the XML files themselves (parsed with
ElementTree), never hard-coded from memory, so the tests keep holding when
the built-in landscape grows.
"""

import calendar
import csv
import datetime
import decimal
import io
import os
import pathlib
import shutil
import stat
import subprocess
import threading
import xml.etree.ElementTree as ET

import pytest

SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR", pathlib.Path(__file__).parents[2]))
NS = "{urn:klynge:landscape:1}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
COMMANDS = ["summary", "list", "show", "validate", "export",
            "lineage", "due-diligence", "merge", "funding"]
MY_COMMANDS = ["summary", "list", "show", "validate", "export"]
CSV_KINDS = ["organisation", "member", "membership", "funding-source", "contract",
             "share", "programme", "envelope", "designation", "merger", "initiative",
             "location", "focus-area", "label", "predecessor", "participant", "source", "identifier"]


# --- helpers -------------------------------------------------------------------

def parse_date(text):
    """(first day, last day) of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
    day = datetime.date(*parts)
    return day, day


def first_day(text):
    return parse_date(text)[0]


def first_stated_day(tree, org):
    """The first day the landscape shows an organisation with no founding
    date active: the last day of the earliest membership since, contract
    start, hosted initiative start, label award, designation start or
    completed merger it is the successor of; the first day of its
    dissolution and known-until dates."""
    oid = org.get("id")
    days = [parse_date(l.get("awarded"))[1] for l in org.findall(f"{NS}label")]
    days += [parse_date(m.get("since"))[1] for m in org.iter(f"{NS}membership") if m.get("since")]
    days += [parse_date(c.get("start"))[1] for c in tree.iter(f"{NS}contract") if c.get("holder") == oid]
    days += [parse_date(i.get("start"))[1] for i in tree.iter(f"{NS}initiative")
             if i.get("host") == oid and i.get("start")]
    days += [parse_date(d.get("start"))[1] for d in tree.iter(f"{NS}designation")
             if d.get("organisation") == oid]
    days += [parse_date(m.get("effective"))[1] for m in tree.iter(f"{NS}merger")
             if m.get("successor") == oid and m.get("status") == "completed"]
    days += [first_day(org.get(a)) for a in ("dissolved", "known-until") if org.get(a)]
    return min(days) if days else None


def status_on(tree, org, day):
    """klynge_landscape_get_status() as "active", "not-known" or "inactive":
    a partial or missing date is an interval of uncertainty (issue 15)."""
    founded = org.get("founded")
    dissolved = org.get("dissolved")
    if founded and day < first_day(founded):
        return "inactive"
    if dissolved and day > parse_date(dissolved)[1]:
        return "inactive"
    if founded:
        if day < parse_date(founded)[1]:
            return "not-known"
    else:
        stated = first_stated_day(tree, org)
        if stated is None or day < stated:
            return "not-known"
    if dissolved and day > first_day(dissolved):
        return "not-known"
    # the sources stop: not known after the first day of known-until
    if not dissolved and org.get("known-until") and day > first_day(org.get("known-until")):
        return "not-known"
    return "active"


def money(amount):
    """The tool's money format: 8,000,000.00"""
    return "{:,.2f}".format(decimal.Decimal(amount))


def lines(text):
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def denmark(srcdir):
    return srcdir / "data" / "denmark.xml"


@pytest.fixture
def denmark_tree(denmark):
    return ET.parse(denmark).getroot()


@pytest.fixture
def full(fixture_path):
    return fixture_path("valid", "full.xml")


@pytest.fixture
def full_tree(full):
    return ET.parse(full).getroot()


def organisations(root):
    return root.findall(f"./{NS}organisations/{NS}organisation")


# --- the tool as a whole ---------------------------------------------------------

def test_help_lists_every_command(klynge):
    result = klynge("--help")
    assert result.status == 0, result
    for command in COMMANDS:
        assert command in result.stdout


def test_no_command_is_a_usage_error(klynge):
    result = klynge()
    assert result.status == 2, result


def test_unknown_command_is_a_usage_error(klynge):
    result = klynge("frobnicate")
    assert result.status == 2, result
    assert "frobnicate" in result.stderr
    assert result.stdout == ""


def test_version(klynge):
    result = klynge("--version")
    assert result.status == 0, result
    assert result.stdout.startswith("klynge ")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(klynge, command):
    result = klynge(command, "--help")
    assert result.status == 0, result
    assert "Usage:" in result.stdout
    assert f"klynge {command}" in result.stdout or command in result.stdout
    assert "--landscape" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", MY_COMMANDS)
def test_unknown_option_is_a_usage_error(klynge, command):
    result = klynge(command, "--no-such-option")
    assert result.status == 2, result
    assert "--no-such-option" in result.stderr
    assert f"klynge {command} --help" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["summary", "list", "show", "export"])
def test_missing_landscape_file_is_a_data_problem(klynge, command, tmp_path):
    args = [command, "--landscape", tmp_path / "missing.xml"]
    if command == "show":
        args.append("ecd")
    if command == "export":
        args += ["--format", "xml"]
    result = klynge(*args)
    assert result.status == 1, result
    assert "missing.xml" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["summary", "list", "show", "export"])
def test_invalid_landscape_file_is_a_data_problem(klynge, command, fixture_path):
    bad = fixture_path("invalid", "bad-cvr--letter.xml")
    args = [command, "--landscape", bad]
    if command == "show":
        args.append("x")
    if command == "export":
        args += ["--format", "xml"]
    result = klynge(*args)
    assert result.status == 1, result
    assert "bad-cvr--letter.xml:" in result.stderr


# --- summary -----------------------------------------------------------------------

def test_summary_of_the_built_in_landscape_on_a_date(klynge, denmark_tree):
    day = datetime.date(2021, 6, 30)
    result = klynge("summary", "--as-of", "2021-06-30")
    assert result.status == 0, result
    out = result.stdout
    assert "as of 2021-06-30" in out

    active = [o for o in organisations(denmark_tree) if status_on(denmark_tree, o, day) == "active"]
    not_known = [o for o in organisations(denmark_tree) if status_on(denmark_tree, o, day) == "not-known"]
    assert not_known, "the built-in landscape has organisations of unknown status in 2021"
    clusters = [o for o in active if o.get("kind") == "cluster"]
    # the national clusters designated on the day, with their areas, then
    # the other active clusters
    designated = [d for d in denmark_tree.iter(f"{NS}designation")
                  if d.get("role") == "national-cluster" and first_day(d.get("start")) <= day
                  and (d.get("end") is None or first_day(d.get("end")) >= day)]
    assert len(designated) == 14
    section = out.split(f"designated national clusters, with area and programme ({len(designated)}):\n")[1]
    rows = section.split("\n\n")[0].splitlines()
    assert [row.split()[0] for row in rows] == [d.get("organisation") for d in designated]
    for row, designation in zip(rows, designated):
        assert designation.get("area") in row
    designated_ids = {d.get("organisation") for d in designated}
    others = [o for o in clusters if o.get("id") not in designated_ids]
    if others:
        assert f"other clusters ({len(others)}):" in out
    else:
        # every cluster active then was a designated national cluster
        assert "other clusters" not in out
    for org in clusters:
        assert org.find(f"{NS}name").text in out
    counts = {}
    unknown = {}
    for org in active:
        counts[org.get("kind")] = counts.get(org.get("kind"), 0) + 1
    for org in not_known:
        unknown[org.get("kind")] = unknown.get(org.get("kind"), 0) + 1
    for kind in ["cluster", "innovation-network", "support-body", "agency", "other"]:
        expected = [kind, str(counts.get(kind, 0))]
        if unknown.get(kind):
            expected += ["active,", str(unknown[kind]), "not", "known"]
        assert any(line.split() == expected for line in out.splitlines()), (kind, expected)
    assert any(line.split() == ["total", str(len(active)), "active,", str(len(not_known)), "not", "known"]
               for line in out.splitlines())
    unknown_clusters = [o.get("id") for o in not_known if o.get("kind") == "cluster"]
    assert f"clusters not known to be active ({len(unknown_clusters)}):" in out
    section = out.split("clusters not known to be active")[1].split("\n\n")[0]
    assert sorted(line.split()[0] for line in section.splitlines()[1:]) == sorted(unknown_clusters)

    # mergers completed by the date, and their successors
    events = [m for m in denmark_tree.iter(f"{NS}merger")
              if m.get("status") == "completed" and first_day(m.get("effective")) <= day]
    mergers = [m for m in events if m.get("kind") in ("merger", "absorption")]
    predecessors = sum(len(m.findall(f"{NS}predecessor")) for m in mergers)
    transfers = sum(m.get("kind") == "transfer" for m in events)
    renames = sum(m.get("kind") == "rename" for m in events)
    assert (f"mergers and absorptions: {len(mergers)}, of {predecessors} predecessor organisations; "
            f"transfers: {transfers}; renames: {renames}") in out
    names = {o.get("id"): o.find(f"{NS}name").text for o in organisations(denmark_tree)}
    for merger in events:
        assert names[merger.get("successor")] in out

    # funding: every contract's amount is counted once in the grand total
    total = sum(decimal.Decimal(c.get("amount")) for c in denmark_tree.iter(f"{NS}contract"))
    assert any(line.split() == ["total", money(total)] for line in out.splitlines()), out

    # the support body's contract on that day
    contracts = [c for c in denmark_tree.iter(f"{NS}contract")
                 if names.get(c.get("holder")) is not None
                 and [o for o in organisations(denmark_tree) if o.get("id") == c.get("holder")][0].get("kind") == "support-body"
                 and first_day(c.get("start")) <= day <= parse_date(c.get("end"))[1]]
    assert contracts, "the built-in data has a support-body contract in mid-2021"
    for contract in contracts:
        assert f"active: {contract.get('id')}" in out
        assert money(contract.get("amount")) + " DKK" in out


def test_summary_reports_a_support_body_without_contract(klynge, denmark_tree):
    support = [o.get("id") for o in organisations(denmark_tree) if o.get("kind") == "support-body"]
    contracts = [c for c in denmark_tree.iter(f"{NS}contract") if c.get("holder") in support]
    last = max(contracts, key=lambda c: parse_date(c.get("end"))[1])
    after = parse_date(last.get("end"))[1] + datetime.timedelta(days=1)
    result = klynge("summary", "--as-of", after.isoformat())
    assert result.status == 0, result
    assert f"no contract on {after.isoformat()}; the last ended {last.get('end')} ({last.get('id')})" in result.stdout


def test_summary_defaults_to_today_clamped_into_the_data(klynge, denmark_tree):
    days = []
    for element in denmark_tree.iter():
        if element.tag in (f"{NS}organisation",):
            days += [parse_date(element.get(a)) for a in ("founded", "dissolved") if element.get(a)]
        elif element.tag in (f"{NS}contract", f"{NS}initiative"):
            days += [parse_date(element.get(a)) for a in ("start", "end") if element.get(a)]
        elif element.tag == f"{NS}merger":
            days.append(parse_date(element.get("effective")))
    earliest = min(d[0] for d in days)
    latest = max(d[1] for d in days)
    today = datetime.date.today()
    expected = min(max(today, earliest), latest)
    result = klynge("summary")
    assert result.status == 0, result
    assert f"as of {expected.isoformat()}" in result.stdout.splitlines()[0]
    assert f"Dates in the data: {earliest.isoformat()} to {latest.isoformat()}" in result.stdout


def test_summary_is_deterministic(klynge):
    first = klynge("summary", "--as-of", "2020-12-31")
    second = klynge("summary", "--as-of", "2020-12-31")
    assert first.status == 0 and first.stdout == second.stdout


def test_summary_of_a_file(klynge, full, full_tree):
    result = klynge("summary", "--landscape", full, "--as-of", "2020-07-01")
    assert result.status == 0, result
    assert str(full) in result.stdout
    assert "Klynge C" in result.stdout
    assert "Klynge A" not in result.stdout.split("Consolidation")[0]


@pytest.mark.parametrize("args", [
    ["--as-of", "2021-13-01"],
    ["--as-of", "yesterday"],
    ["--as-of"],
    ["extra"],
])
def test_summary_bad_arguments(klynge, args):
    result = klynge("summary", *args)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge summary: ")


# --- list ------------------------------------------------------------------------

def listed_ids_of(text):
    return [line.split()[0] for line in lines(text)]


def listed_ids(result):
    assert result.status == 0, result
    return [line.split()[0] for line in lines(result.stdout)]


def test_list_prints_every_organisation_in_order(klynge, denmark_tree):
    ids = listed_ids(klynge("list"))
    assert ids == [o.get("id") for o in organisations(denmark_tree)]


def test_list_line_has_id_kind_dates_and_name(klynge, full_tree, full):
    result = klynge("list", "--landscape", full)
    by_id = {line.split()[0]: line for line in lines(result.stdout)}
    for org in organisations(full_tree):
        line = by_id[org.get("id")]
        assert line.split()[1] == org.get("kind")
        assert f"{org.get('founded') or '?'}–{org.get('dissolved') or ''}" in line
        assert line.endswith(org.find(f"{NS}name").text)


def test_list_filters_by_kind_and_date(klynge, denmark_tree):
    day = datetime.date(2021, 6, 30)
    clusters = [o for o in organisations(denmark_tree) if o.get("kind") == "cluster"]
    expected = [o.get("id") for o in clusters if status_on(denmark_tree, o, day) == "active"]
    not_known = [o.get("id") for o in clusters if status_on(denmark_tree, o, day) == "not-known"]
    assert not_known
    result = klynge("list", "--kind", "cluster", "--active-on", "2021-06-30")
    active_part, _, unknown_part = result.stdout.partition("\nNot known to be active on 2021-06-30")
    assert listed_ids_of(active_part) == expected
    assert listed_ids_of(unknown_part.split("\n", 1)[1]) == not_known


@pytest.mark.parametrize("day, active, not_known", [
    ("2019-06-30", ["klynge-a", "klynge-c"], ["netvaerk-b", "klynge-d"]),
    ("2020-01-01", ["klynge-c"], ["klynge-a", "netvaerk-b", "klynge-d"]),
    ("2021-01-01", ["netvaerk-b"], ["klynge-a", "klynge-d"]),   # klynge-c is dissolved
])
def test_list_shows_organisations_apart_after_their_known_until_date(klynge, fixture_path,
                                                                      day, active, not_known):
    path = fixture_path("valid", "known-until.xml")
    tree = ET.parse(path).getroot()
    for org in organisations(tree):
        expected = ("active" if org.get("id") in active else
                    "not-known" if org.get("id") in not_known else "inactive")
        assert status_on(tree, org, datetime.date.fromisoformat(day)) == expected
    result = klynge("list", "--active-on", day, "--landscape", path)
    active_part, _, unknown_part = result.stdout.partition(f"\nNot known to be active on {day}")
    assert listed_ids_of(active_part) == active
    assert listed_ids_of(unknown_part.split("\n", 1)[1]) == not_known
    assert "2013–2019-06-30?" in result.stdout


def test_list_filters_by_city_and_focus(klynge, denmark_tree):
    city = [o.get("id") for o in organisations(denmark_tree)
            if any(l.get("city") == "Aalborg" for l in o.findall(f"{NS}location"))]
    assert city
    assert listed_ids(klynge("list", "--city", "Aalborg")) == city
    focus = [o.get("id") for o in organisations(denmark_tree)
             if any(f.text == "Energiteknologi" for f in o.findall(f"{NS}focus-area"))]
    assert focus
    assert listed_ids(klynge("list", "--focus", "Energiteknologi")) == focus


def test_list_with_no_match_prints_nothing(klynge):
    # tourism is an area of the vocabulary that no cluster has (§10.5)
    result = klynge("list", "--focus", "turisme")
    assert result.status == 0 and result.stdout == ""


@pytest.mark.parametrize("args", [
    ["--kind", "klynge"],
    ["--kind", "Cluster"],
    ["--active-on", "2021-02-30"],
    ["--active-on"],
    ["unexpected"],
])
def test_list_bad_arguments(klynge, args):
    result = klynge("list", *args)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge list: ")
    assert result.stdout == ""


# --- show ------------------------------------------------------------------------

def test_show_organisation_has_every_field_and_source(klynge, denmark_tree):
    org = [o for o in organisations(denmark_tree) if o.get("id") == "ecd"][0]
    result = klynge("show", "ecd")
    assert result.status == 0, result
    out = result.stdout
    assert org.find(f"{NS}name").text in out
    assert org.get("founded") in out
    for location in org.findall(f"{NS}location"):
        assert location.get("city") in out
    for focus in org.findall(f"{NS}focus-area"):
        assert focus.text in out
    for source in org.findall(f"{NS}source"):
        assert source.get("href") in out
    assert "memberships" in out
    # the note, wrapped: compare its words
    assert org.find(f"{NS}note").text.split() == out.split("\nnote\n", 1)[1].split()


def test_show_every_kind_of_record(klynge, full, full_tree):
    for element in full_tree.iter():
        if element.get("id") is None:
            continue
        result = klynge("show", "--landscape", full, element.get("id"))
        assert result.status == 0, result
        out = result.stdout
        assert out.startswith(f"id             {element.get('id')}\n")
        assert f"record         {element.tag[len(NS):]}" in out
        for attribute, value in element.attrib.items():
            if attribute in ("id", "amount", "percent"):
                continue
            assert value in out, (element.get("id"), attribute)
        for child in element:
            if child.text and child.text.strip() and child.tag != f"{NS}note":
                assert child.text in out, (element.get("id"), child.tag)
            for value in child.attrib.values():
                if child.tag != f"{NS}share":
                    assert value in out, (element.get("id"), child.tag)
        note = element.find(f"{NS}note")
        if note is not None:
            assert note.text.split() == out.split("\nnote\n", 1)[1].split()


def test_show_membership_role_and_end_reason_when_stated(klynge, fixture_path):
    landscape = fixture_path("valid", "membership-roles.xml")
    result = klynge("show", "--landscape", landscape, "klynge-a")
    assert result.status == 0, result
    out = result.stdout
    assert "m-2 (Et Universitet), 2016-01-01–2018-12-31, partner, merged\n" in out
    assert "m-2 (Et Universitet), 2019-01-01–, participant\n" in out
    assert "m-3 (En Kommune), 2016–2019-06-30, left\n" in out
    # a member with no reason stated shows neither
    assert "m-1 (Eksempel ApS), 2015-03-01–\n" in out


def test_show_contract_amount_and_shares(klynge):
    result = klynge("show", "ced-2019")
    assert result.status == 0, result
    assert "8,000,000.00 DKK" in result.stdout
    assert "50.00 %" in result.stdout


def test_show_unknown_id_is_a_data_problem(klynge):
    result = klynge("show", "no-such-record")
    assert result.status == 1, result
    assert "no-such-record" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [[], ["ecd", "clean"]])
def test_show_needs_exactly_one_id(klynge, args):
    result = klynge("show", *args)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge show: ")


# --- validate --------------------------------------------------------------------

def test_validate_valid_files(klynge, fixture_path, denmark):
    files = sorted(fixture_path("valid").glob("*.xml")) + [denmark]
    result = klynge("validate", *files)
    assert result.status == 0, result
    assert result.stdout == ""


def test_validate_invalid_file_lists_problems_with_file_and_line(klynge, fixture_path):
    for path in sorted(fixture_path("invalid").glob("*.xml")):
        expect = path.with_suffix(".expect").read_text().split()
        line = expect[1]
        result = klynge("validate", path)
        assert result.status == 1, result
        assert f"{path}:{line}:" in result.stdout, (path, result)
        assert "1 of 1 file has problems" in result.stderr


def test_validate_inconsistent_file_names_its_one_problem_with_file_and_line(klynge, fixture_path):
    files = sorted(fixture_path("inconsistent").glob("*.xml"))
    assert files
    for path in files:
        line = path.with_suffix(".expect").read_text().split()[1]
        result = klynge("validate", path)
        assert result.status == 1, result
        assert result.stdout.startswith(f"{path}:{line}: "), (path, result)
        if path.name.startswith("merger-"):
            assert result.stdout.startswith(f"{path}:{line}: merger “mg-2”: "), (path, result)
        assert result.stdout.count("\n") == 1, result


def test_validate_hostile_file_is_a_problem_not_a_disaster(klynge, fixture_path):
    hostile = fixture_path("hostile", "xxe-file.xml")
    expect = fixture_path("hostile", "xxe-file.expect").read_text().split()
    result = klynge("validate", hostile)
    assert result.status == 1, result
    assert f"{hostile}:{expect[1]}:" in result.stdout
    assert "root:" not in result.stdout + result.stderr   # /etc/passwd never read


def test_validate_every_hostile_file(klynge, fixture_path):
    files = sorted(fixture_path("hostile").glob("*.xml"))
    result = klynge("validate", *files)
    assert result.status == 1, result
    for path in files:
        assert str(path) in result.stdout


def test_validate_mixed_files_reports_only_the_bad_ones(klynge, fixture_path, full):
    bad = fixture_path("invalid", "bad-cvr--letter.xml")
    result = klynge("validate", full, bad)
    assert result.status == 1, result
    assert str(bad) in result.stdout
    assert str(full) not in result.stdout
    assert "1 of 2 files has problems" in result.stderr


LIFETIME_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="1">
  <funding-sources><funding-source id="es" kind="national-agency"><name>ES</name></funding-source></funding-sources>
  <members><member id="m-1" kind="company"><name>M</name></member></members>
  <organisations>
    <organisation id="a" kind="cluster" founded="2015" dissolved="2021-06-30">
      <name>A</name>
      {membership}
    </organisation>
  </organisations>
  <contracts>
    <contract id="c" holder="a" start="2014-10-01" end="2016-09-30" amount="1.00"><share source="es" percent="100"/></contract>
  </contracts>
</landscape>
"""


def test_validate_membership_after_dissolution_fails_with_its_line(klynge, tmp_path):
    path = tmp_path / "after.xml"
    path.write_text(LIFETIME_DOCUMENT.format(membership='<membership member="m-1" since="2022"/>'))
    result = klynge("validate", path)
    assert result.status == 1, result
    lines = result.stdout.splitlines()
    # the <membership>'s own line, not its organisation's (6)
    assert lines[0].startswith(f"{path}:8: membership of “m-1” (since 2022) runs after “a” was dissolved"), result
    assert lines[1].startswith(f"{path}:12: warning: contract “c”"), result
    assert len(lines) == 2, result
    assert "1 of 1 file has problems: 1 error, 1 warning" in result.stderr


def test_validate_warnings_alone_exit_0_and_are_counted(klynge, tmp_path):
    path = tmp_path / "early.xml"
    path.write_text(LIFETIME_DOCUMENT.format(membership='<membership member="m-1" since="2014"/>'))
    result = klynge("validate", path)
    assert result.status == 0, result
    assert result.stdout.count(": warning: ") == 2, result
    assert result.stderr == "klynge: 0 errors, 2 warnings\n", result


def test_validate_missing_file(klynge, tmp_path):
    missing = tmp_path / "missing.xml"
    result = klynge("validate", missing)
    assert result.status == 1, result
    assert str(missing) in result.stdout


@pytest.mark.parametrize("args", [[], ["--landscape", "x.xml", "y.xml"]])
def test_validate_bad_arguments(klynge, args):
    result = klynge("validate", *args)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge validate: ")


# --- export: XML -------------------------------------------------------------------

def test_export_xml_of_the_built_in_data_is_the_data_file(klynge, denmark):
    result = klynge("export", "--format", "xml")
    assert result.status == 0, result
    assert result.stdout.encode("utf-8") == denmark.read_bytes()


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint is not installed")
def test_export_xml_validates_against_the_schema(klynge, srcdir):
    result = klynge("export", "--format", "xml")
    checked = subprocess.run(["xmllint", "--noout", "--relaxng", str(srcdir / "data" / "klynge-2.rng"), "-"],
                             input=result.stdout, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_export_xml_to_a_file_loads_back_identical(klynge, tmp_path, denmark):
    out = tmp_path / "out.xml"
    result = klynge("export", "--format", "xml", "--output", out)
    assert result.status == 0, result
    assert result.stdout == ""
    assert out.read_bytes() == denmark.read_bytes()
    again = tmp_path / "again.xml"
    assert klynge("export", "--landscape", out, "--format", "xml", "--output", again).status == 0
    assert again.read_bytes() == out.read_bytes()


def test_export_of_a_file(klynge, full):
    result = klynge("export", "--landscape", full, "--format", "xml")
    assert result.status == 0, result
    assert result.stdout.encode("utf-8") == full.read_bytes()


def test_export_to_a_fifo_writes_to_it_and_leaves_it_a_fifo(klynge, tmp_path, denmark):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = []
    # a daemon: should the tool never open the FIFO, the blocked reader must
    # not keep pytest from exiting
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = klynge("export", "--format", "xml", "--output", fifo)
    reader.join(timeout=60)
    assert result.status == 0, result
    assert got == [denmark.read_bytes()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["fifo"]


def test_export_to_dev_stdout_writes_to_standard_output(klynge, denmark):
    result = klynge("export", "--format", "xml", "--output", "/dev/stdout")
    assert result.status == 0, result
    assert result.stdout.encode("utf-8") == denmark.read_bytes()


def test_export_through_a_symlink_updates_its_target(klynge, tmp_path, denmark):
    target = tmp_path / "target.xml"
    target.write_text("old")
    link = tmp_path / "link.xml"
    link.symlink_to("target.xml")
    result = klynge("export", "--format", "xml", "--output", link)
    assert result.status == 0, result
    assert link.is_symlink()
    assert target.read_bytes() == denmark.read_bytes()


def test_failed_export_leaves_the_output_alone(klynge, tmp_path):
    result = klynge("export", "--format", "xml", "--output", tmp_path / "no" / "such" / "dir.xml")
    assert result.status == 1, result
    assert result.stderr.startswith("klynge: ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["--format", "xml"],
    ["--format", "csv", "--kind", "organisation"],
    ["--format", "graphml"],
])
def test_export_to_a_new_file_on_a_full_disk_leaves_nothing(klynge_on_a_full_disk, tmp_path, args):
    out = tmp_path / "new.out"
    result = klynge_on_a_full_disk("export", *args, "--output", out, room=4096)
    assert result.status == 1, result
    assert result.stderr.startswith("klynge: ")
    assert "File too large" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_over_a_file_on_a_full_disk_keeps_it_and_leaves_nothing_else(klynge_on_a_full_disk, tmp_path):
    out = tmp_path / "old.xml"
    out.write_text("keep me", encoding="utf-8")
    result = klynge_on_a_full_disk("export", "--format", "xml", "--output", out, room=4096)
    assert result.status == 1, result
    assert out.read_text(encoding="utf-8") == "keep me"
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("args", [
    [],
    ["--format", "json"],
    ["--format", "csv"],
    ["--format", "csv", "--kind", "organisations"],
    ["--format", "xml", "--kind", "organisation"],
    ["--format", "xml", "extra"],
    ["--output"],
])
def test_export_bad_arguments(klynge, args):
    result = klynge("export", *args)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge export: ")
    assert result.stdout == ""


# --- export: CSV -------------------------------------------------------------------

def csv_rows(klynge, kind, *args):
    result = klynge("export", "--format", "csv", "--kind", kind, *args)
    assert result.status == 0, result
    assert result.stdout.endswith("\n")
    # subprocess text mode turned CRLF into \n; newline="" keeps quoted breaks
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def test_csv_is_crlf_terminated_rfc_4180(klynge):
    completed = subprocess.run([klynge_tool_path(klynge), "export", "--format", "csv", "--kind", "organisation"],
                               capture_output=True)
    assert completed.returncode == 0
    data = completed.stdout
    assert data.startswith(b"id,kind,founded,founded_precision,dissolved,dissolved_precision,"
                           b"known_until,known_until_precision,cvr,member_list,name,")
    assert data.endswith(b"\r\n")
    data.decode("utf-8")


def klynge_tool_path(klynge):
    """The tool, found as conftest.py finds it."""
    return os.environ.get("KLYNGE_TOOL", str(SRCDIR / "tools" / "klynge"))


@pytest.mark.parametrize("kind", CSV_KINDS)
def test_csv_of_every_kind_parses(klynge, kind, full):
    for args in ([], ["--landscape", full]):
        rows = csv_rows(klynge, kind, *args)
        for row in rows:
            assert None not in row          # no row has more fields than the header
            assert None not in row.values()  # nor fewer


def element_text(element, tag):
    child = element.find(f"{NS}{tag}")
    return child.text if child is not None else ""


def table_date(date):
    """A date of the XML (`2014`, `2014-05`, `2014-05-09`, or None) as the
    tables write it: its first day and its precision."""
    if not date:
        return ("", "")
    parts = date.split("-")
    return ("-".join(parts + ["01"] * (3 - len(parts))), ("year", "month", "day")[len(parts) - 1])


def date_columns(row, name):
    return (row[name], row[name + "_precision"])


@pytest.mark.parametrize("which", ["denmark", "full"])
def test_csv_tables_match_the_landscape(klynge, which, denmark, full):
    path = denmark if which == "denmark" else full
    root = ET.parse(path).getroot()
    args = ["--landscape", path]

    rows = csv_rows(klynge, "organisation", *args)
    orgs = organisations(root)
    assert [r["id"] for r in rows] == [o.get("id") for o in orgs]
    for row, org in zip(rows, orgs):
        assert row["name"] == element_text(org, "name")
        assert row["name_en"] == element_text(org, "name-en")
        assert row["website"] == element_text(org, "website")
        for attribute in ("kind", "cvr"):
            assert row[attribute] == (org.get(attribute) or "")
        for attribute in ("founded", "dissolved", "known-until"):
            assert date_columns(row, attribute.replace("-", "_")) == table_date(org.get(attribute))
        assert row["member_list"] == (org.get("member-list") or "")
        assert row["focus_areas"] == "|".join(f.text for f in org.findall(f"{NS}focus-area"))
        assert row["cities"] == "|".join(l.get("city") for l in org.findall(f"{NS}location"))
        assert row["sources"] == "|".join(s.get("href") for s in org.findall(f"{NS}source"))
        assert row["note"] == element_text(org, "note")

    rows = csv_rows(klynge, "membership", *args)
    expected = [(o.get("id"), m.get("member"), table_date(m.get("since")), table_date(m.get("until")),
                 m.get("role") or "member", m.get("end") or "")
                for o in orgs for m in o.findall(f"{NS}membership")]
    assert sorted((r["organisation"], r["member"], date_columns(r, "since"), date_columns(r, "until"),
                   r["role"], r["end"]) for r in rows) == sorted(expected)

    rows = csv_rows(klynge, "member", *args)
    members = root.findall(f"./{NS}members/{NS}member")
    # size "unknown" is the empty field, stated or not
    assert [(r["id"], r["name"], r["kind"], r["cvr"], r["size"]) for r in rows] == \
        [(m.get("id"), element_text(m, "name"), m.get("kind"), m.get("cvr") or "",
          "" if m.get("size") in (None, "unknown") else m.get("size"))
         for m in members]

    rows = csv_rows(klynge, "funding-source", *args)
    sources = root.findall(f"./{NS}funding-sources/{NS}funding-source")
    assert [(r["id"], r["kind"], r["name"], r["parent"]) for r in rows] == \
        [(s.get("id"), s.get("kind"), element_text(s, "name"), element_text(s, "parent")) for s in sources]

    rows = csv_rows(klynge, "contract", *args)
    contracts = root.findall(f"./{NS}contracts/{NS}contract")
    assert [(r["id"], r["holder"], date_columns(r, "start"), date_columns(r, "end"), r["renews"]) for r in rows] == \
        [(c.get("id"), c.get("holder"), table_date(c.get("start")), table_date(c.get("end")), c.get("renews") or "")
         for c in contracts]
    for row, contract in zip(rows, contracts):
        if contract.get("amount") is None:
            assert row["amount_ore"] == ""
        else:
            assert row["amount_ore"].isdigit()
            assert int(row["amount_ore"]) == decimal.Decimal(contract.get("amount")) * 100

    rows = csv_rows(klynge, "share", *args)
    expected = [(c.get("id"), s.get("source"), decimal.Decimal(s.get("percent")))
                for c in contracts for s in c.findall(f"{NS}share")]
    assert [(r["contract"], r["source"], decimal.Decimal(r["percent"])) for r in rows] == expected
    # written as in the XML
    assert [r["percent"] for r in rows] == [s.get("percent") for c in contracts for s in c.findall(f"{NS}share")]

    rows = csv_rows(klynge, "merger", *args)
    mergers = root.findall(f"./{NS}mergers/{NS}merger")
    assert [(r["id"], date_columns(r, "effective"), r["successor"], r["kind"], r["status"], r["predecessors"])
            for r in rows] == \
        [(m.get("id"), table_date(m.get("effective")), m.get("successor"), m.get("kind"), m.get("status"),
          "|".join(p.get("ref") for p in m.findall(f"{NS}predecessor"))) for m in mergers]

    rows = csv_rows(klynge, "predecessor", *args)
    assert [(r["merger"], r["ref"]) for r in rows] == \
        [(m.get("id"), p.get("ref")) for m in mergers for p in m.findall(f"{NS}predecessor")]

    rows = csv_rows(klynge, "initiative", *args)
    initiatives = root.findall(f"./{NS}initiatives/{NS}initiative")
    assert [(r["id"], r["title"], r["host"], date_columns(r, "start"), date_columns(r, "end"), r["replaces"],
             r["participants"]) for r in rows] == \
        [(i.get("id"), element_text(i, "title"), i.get("host"), table_date(i.get("start")), table_date(i.get("end")),
          i.get("replaces") or "", "|".join(p.get("ref") for p in i.findall(f"{NS}participant")))
         for i in initiatives]

    rows = csv_rows(klynge, "location", *args)
    assert [(r["organisation"], r["city"], r["address"], r["role"]) for r in rows] == \
        [(o.get("id"), l.get("city"), l.get("address") or "", l.get("role") or "")
         for o in orgs for l in o.findall(f"{NS}location")]

    rows = csv_rows(klynge, "source", *args)
    expected = [(e.get("id"), s.get("href"), table_date(s.get("accessed")))
                for e in root.iter() if e.get("id") for s in e.findall(f"{NS}source")]
    assert [(r["record"], r["href"], date_columns(r, "accessed")) for r in rows] == expected


# --- export: GraphML -------------------------------------------------------------

def graphml(klynge, *args):
    result = klynge("export", "--format", "graphml", *args)
    assert result.status == 0, result
    return result.stdout


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint is not installed")
@pytest.mark.parametrize("which", ["denmark", "full"])
def test_graphml_is_well_formed(klynge, which, denmark, full):
    path = denmark if which == "denmark" else full
    text = graphml(klynge, "--landscape", path)
    checked = subprocess.run(["xmllint", "--noout", "--nonet", "-"], input=text, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("which", ["denmark", "full"])
def test_graphml_structure(klynge, which, denmark, full):
    path = denmark if which == "denmark" else full
    root = ET.parse(path).getroot()
    doc = ET.fromstring(graphml(klynge, "--landscape", path))
    assert doc.tag == f"{GRAPHML}graphml"
    keys = {k.get("id"): k for k in doc.findall(f"{GRAPHML}key")}
    assert all(k.get("for") in ("node", "edge") and k.get("attr.name")
               and k.get("attr.type") in ("string", "long", "double", "boolean")
               for k in keys.values())
    # amounts are numbers, flags booleans (docs/format.md, "Graphs")
    assert keys["e-amount-ore"].get("attr.type") == "long"
    assert keys["e-amount-dkk"].get("attr.type") == "double"
    assert keys["n-member-list-complete"].get("attr.type") == "boolean"
    graphs = doc.findall(f"{GRAPHML}graph")
    assert len(graphs) == 1 and graphs[0].get("edgedefault") == "directed"
    graph = graphs[0]
    # keys come before the graph, nodes before edges
    children = [c.tag for c in graph]
    assert children == sorted(children, key=lambda t: t != f"{GRAPHML}node")

    nodes = graph.findall(f"{GRAPHML}node")
    expected_nodes = [o.get("id") for o in organisations(root)] + \
        [m.get("id") for m in root.findall(f"./{NS}members/{NS}member")] + \
        [f.get("id") for f in root.findall(f"./{NS}funding-sources/{NS}funding-source")]
    assert [n.get("id") for n in nodes] == expected_nodes
    node_ids = set(expected_nodes)
    for element in graph:
        for data in element.findall(f"{GRAPHML}data"):
            assert data.get("key") in keys
    edges = graph.findall(f"{GRAPHML}edge")
    for edge in edges:
        assert edge.get("source") in node_ids and edge.get("target") in node_ids
    memberships = sum(len(o.findall(f"{NS}membership")) for o in organisations(root))
    predecessors = sum(len(m.findall(f"{NS}predecessor")) for m in root.iter(f"{NS}merger")
                       if m.get("status") != "cancelled")
    shares = len(root.findall(f".//{NS}share"))
    assert len(edges) == memberships + predecessors + shares


@pytest.mark.parametrize("which", ["denmark", "full"])
def test_graphml_reads_back_with_networkx(klynge, which, denmark, full, tmp_path):
    nx = pytest.importorskip("networkx", reason="networkx is not installed (Debian: python3-networkx)")
    path = denmark if which == "denmark" else full
    root = ET.parse(path).getroot()
    out = tmp_path / "landscape.graphml"
    result = klynge("export", "--landscape", path, "--format", "graphml", "--output", out)
    assert result.status == 0, result
    graph = nx.read_graphml(out)
    assert graph.is_directed()
    orgs = organisations(root)
    members = root.findall(f"./{NS}members/{NS}member")
    sources = root.findall(f"./{NS}funding-sources/{NS}funding-source")
    assert graph.number_of_nodes() == len(orgs) + len(members) + len(sources)
    memberships = sum(len(o.findall(f"{NS}membership")) for o in orgs)
    mergers = [m for m in root.findall(f".//{NS}merger") if m.get("status") != "cancelled"]
    predecessors = sum(len(m.findall(f"{NS}predecessor")) for m in mergers)
    shares = len(root.findall(f".//{NS}share"))
    assert graph.number_of_edges() == memberships + predecessors + shares
    for org in orgs:
        data = graph.nodes[org.get("id")]
        assert data["type"] == "organisation"
        assert data["name"] == element_text(org, "name")
        assert data["kind"] == org.get("kind")
    for merger in mergers:
        for predecessor in merger.findall(f"{NS}predecessor"):
            assert graph.has_edge(predecessor.get("ref"), merger.get("successor"))
    for org in orgs:
        for membership in org.findall(f"{NS}membership"):
            assert graph.has_edge(membership.get("member"), org.get("id"))
