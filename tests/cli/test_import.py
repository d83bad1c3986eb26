"""Tests of `klynge import`: a landscape from a directory of CSV tables."""

import csv
import itertools
import os
import pathlib

import pytest

# as conftest.py finds the source tree (imported by path there, not here:
# another suite's conftest may be the one named "conftest")
SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR", pathlib.Path(__file__).parents[2]))
TABLES = SRCDIR / "tests" / "data" / "tables"


def _read(name):
    with open(TABLES / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _members_of(organisation):
    """The ids of the members the hand-written tables give @organisation."""
    return {row["member"] for row in _read("membership.csv") if row["organisation"] == organisation}


def _shared_members_listed(report):
    """The ids under "Shared members" in a due-diligence report."""
    lines = report.splitlines()
    start = lines.index("Shared members") + 1
    shared = set()
    for line in itertools.takewhile(lambda l: l.strip(), lines[start:]):
        shared.add(line.split()[0])
    return shared


def test_the_hand_written_directory_is_three_clusters_of_fifty_companies_some_in_two():
    organisations = _read("organisation.csv")
    members = _read("member.csv")
    assert [o["kind"] for o in organisations] == ["cluster"] * 3
    assert len(members) == 50
    assert {m["kind"] for m in members} == {"company"}
    in_two = [m for m in members
              if sum(m["id"] in _members_of(o["id"]) for o in organisations) >= 2]
    assert in_two


@pytest.mark.parametrize("pair", [("energi-klynge", "vand-klynge"), ("energi-klynge", "digital-klynge")])
def test_an_imported_directory_gives_due_diligence_the_shared_members_exactly(klynge, tmp_path, pair):
    output = tmp_path / "landscape.xml"

    imported = klynge("import", "--format", "csv", TABLES, "--output", output)
    assert imported.status == 0, imported
    report = klynge("due-diligence", "--landscape", output, *pair, "--date", "2024-01-01")
    assert report.status == 0, report
    expected = _members_of(pair[0]) & _members_of(pair[1])
    assert expected
    assert _shared_members_listed(report.stdout) == expected


def _write_tables(directory, tables):
    directory.mkdir()
    for name, text in tables.items():
        (directory / f"{name}.csv").write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


def test_bad_tables_list_every_problem_and_write_nothing(klynge, tmp_path):
    tables = tmp_path / "tables"
    _write_tables(tables, {
        "organisation": "id,kind,name,founded\nc-1,klynge,Energi,2014\nc-2,cluster,Vand,2014-13\n",
        "member": "id,kind,name,cvr\nm-1,company,Vestas,12345678\n",
        "membership": "organisation,member\nc-2,m-9\n",
    })
    output = tmp_path / "landscape.xml"

    result = klynge("import", "--format", "csv", tables, "--output", output)
    assert result.status == 1, result
    assert result.stderr.splitlines() == [
        "organisation.csv:2:2: “klynge” is not a valid kind",
        "organisation.csv:3:4: “2014-13” is not a date: there is no month 13",
        "member.csv:2:4: “12345678” is not a CVR number: it fails the modulus-11 check",
        "membership.csv:2:2: member “m-9” names no record",
    ]
    assert not output.exists()
    assert sorted(os.listdir(tmp_path)) == ["tables"]


def test_bad_tables_leave_an_existing_output_as_it_was(klynge, tmp_path):
    tables = tmp_path / "tables"
    _write_tables(tables, {"organisation": "\ufeffid,kind,name\nc-1,cluster,Energi\n"})
    output = tmp_path / "landscape.xml"
    output.write_text("old")

    result = klynge("import", tables, "--output", output)
    assert result.status == 1, result
    assert result.stderr.startswith("organisation.csv:1:1: ")
    assert output.read_text() == "old"


@pytest.mark.parametrize("args", [
    [],
    ["--output", "x.xml"],
    ["DIR"],
    ["--format", "xlsx", "DIR", "--output", "x.xml"],
    ["DIR", "DIR", "--output", "x.xml"],
    ["--no-such-option", "DIR", "--output", "x.xml"],
    ["--landscape", "in.xml", "DIR", "--output", "x.xml"],
])
def test_usage_errors_exit_2_and_write_nothing(klynge, tmp_path, monkeypatch, args):
    tables = tmp_path / "DIR"
    _write_tables(tables, {"organisation": "id,kind,name\nc-1,cluster,Energi\n"})
    monkeypatch.chdir(tmp_path)

    result = klynge("import", *args)
    assert result.status == 2, result
    assert "klynge import --help" in result.stderr
    assert not (tmp_path / "x.xml").exists()


def test_help_says_what_import_reads_and_writes(klynge):
    result = klynge("import", "--help")
    assert result.status == 0
    assert "klynge import [OPTION…] DIR" in result.stdout
    assert "--output" in result.stdout and "--format" in result.stdout
    # import reads no landscape
    assert "--landscape=FILE" not in result.stdout


def test_output_dash_writes_the_landscape_to_standard_output(klynge, tmp_path):
    written = tmp_path / "landscape.xml"
    assert klynge("import", TABLES, "--output", written).status == 0

    result = klynge("import", "--format", "csv", TABLES, "--output", "-")
    assert result.status == 0, result
    assert result.stdout == written.read_text(encoding="utf-8")
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<landscape ')


def test_the_built_in_landscape_comes_back_byte_for_byte_through_export_all_and_import(klynge, tmp_path):
    tables = tmp_path / "tables"
    assert klynge("export", "--format", "csv", "--all", "--output", tables).status == 0
    assert (tables / "datapackage.json").exists()
    xml = tmp_path / "exported.xml"
    assert klynge("export", "--format", "xml", "--output", xml).status == 0

    imported = tmp_path / "imported.xml"
    result = klynge("import", tables, "--output", imported)
    assert result.status == 0, result
    assert imported.read_bytes() == xml.read_bytes()
