"""klynge diff OLD NEW [--format text|csv]: what changed between two
landscape files (issue 18), and its exit status: 0 when they hold the same
rows, 1 when they differ, 2 on a usage error or a file that cannot be
loaded."""

import csv
import io
import os
import pathlib
import subprocess

import pytest

HEADER = ["change", "table", "record", "key", "field", "old", "new"]


@pytest.fixture
def old(fixture_path):
    return fixture_path("valid", "full.xml")


@pytest.fixture
def new(old, tmp_path):
    """full.xml renamed, with a membership that ended and one that is gone."""
    text = old.read_text(encoding="utf-8")
    edits = [
        ("<name>Klynge A</name>", "<name>Klynge Alfa</name>"),
        ('<membership member="m-1" since="2020-07-01"/>',
         '<membership member="m-1" since="2020-07-01" until="2024-12-31"/>'),
        ('      <membership member="m-2" since="2020-07" until="2022-12-31"/>\n', ""),
    ]
    for before, after in edits:
        assert before in text
        text = text.replace(before, after)
    path = tmp_path / "new.xml"
    path.write_text(text, encoding="utf-8")
    return path


def rows(text):
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert table[0] == HEADER
    return table[1:]


def test_the_same_landscape_twice_is_no_difference(klynge, old, tmp_path):
    copy = tmp_path / "copy.xml"
    copy.write_bytes(old.read_bytes())
    result = klynge("diff", old, copy)
    assert result.status == 0, result
    assert result.stdout == ""
    assert result.stderr == ""


def test_an_empty_diff_as_csv_is_the_header_alone(klynge, old):
    result = klynge("diff", "--format", "csv", old, old)
    assert result.status == 0, result
    assert rows(result.stdout) == []


def test_differences_exit_1_and_are_text_by_default(klynge, old, new):
    result = klynge("diff", old, new)
    assert result.status == 1, result
    assert result.stderr == ""
    assert result.stdout == klynge("diff", "--format", "text", old, new).stdout
    assert result.stdout.splitlines() == [
        "organisation: 1 changed",
        "  changed org-a",
        "    name: Klynge A → Klynge Alfa",
        "",
        "membership: 1 removed, 1 ended",
        "  org-c: 1 removed, 1 ended",
        "    ended m-1 since 2020-07-01",
        "      until: (none) → 2024-12-31",
        "    removed m-2 since 2020-07",
    ]


def test_csv_gives_one_row_per_change_with_the_tables_column_names(klynge, old, new):
    result = klynge("diff", "--format", "csv", old, new)
    assert result.status == 1, result
    assert rows(result.stdout) == [
        ["changed", "organisation", "org-a", "", "name", "Klynge A", "Klynge Alfa"],
        ["changed", "membership", "org-c", "m-1|2020-07-01", "until", "", "2024-12-31"],
        ["removed", "membership", "org-c", "m-2|2020-07", "", "", ""],
    ]


def test_the_other_way_round_added_and_removed_swap(klynge, old, new):
    forward = rows(klynge("diff", "--format", "csv", old, new).stdout)
    backward = rows(klynge("diff", "--format", "csv", new, old).stdout)
    swap = {"added": "removed", "removed": "added", "changed": "changed"}
    assert sorted(backward) == sorted(
        [swap[change], table, record, key, field, after, before]
        for change, table, record, key, field, before, after in forward)


@pytest.mark.parametrize("args, says", [
    ([], "which files?"),
    (["{old}"], "which files?"),
    (["{old}", "{old}", "{old}"], "unexpected argument"),
    (["--format", "xml", "{old}", "{old}"], "“xml” is not a format (text or csv)"),
    (["--landscape", "{old}", "{old}", "{old}"], "Unknown option --landscape"),
    (["--no-such-option", "{old}", "{old}"], "Unknown option"),
])
def test_usage_errors_exit_2(klynge, old, args, says):
    result = klynge("diff", *[arg.format(old=old) for arg in args])
    assert result.status == 2, result
    assert result.stdout == ""
    assert says in result.stderr
    assert "klynge diff --help" in result.stderr


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_file_that_cannot_be_loaded_exits_2_not_1(klynge, old, tmp_path, which):
    """1 says "they differ": a missing or broken file must not read as a
    difference."""
    broken = tmp_path / "broken.xml"
    broken.write_text("<landscape", encoding="utf-8")
    for bad in (tmp_path / "missing.xml", broken):
        args = [bad, old] if which == "old" else [old, bad]
        result = klynge("diff", *args)
        assert result.status == 2, result
        assert result.stdout == ""
        assert result.stderr.startswith("klynge: ")
        assert bad.name in result.stderr


def test_help_describes_the_formats_and_the_exit_status(klynge):
    result = klynge("diff", "--help")
    assert result.status == 0, result
    text = " ".join(result.stdout.split())
    assert "klynge diff [OPTION…] OLD NEW" in text
    assert "--format=FORMAT" in text
    assert "Exit status 0 when the landscapes hold the same rows, 1 when they differ, 2" in text


def generator():
    builddir = pathlib.Path(os.environ.get("KLYNGE_TEST_BUILDDIR", "."))
    path = builddir / "bench" / "klynge-generate"
    if not path.exists():
        pytest.skip(f"no {path}")
    return path


def test_a_generated_copy_with_changed_memberships_differs_only_in_memberships(klynge, tmp_path):
    """bench/klynge-generate --change-memberships, which make bench times
    the diff on, changes memberships and nothing else."""
    counts = ["--seed=5", "--organisations=50", "--members=2000", "--memberships=6000", "--roles"]
    subprocess.run([generator(), *counts, f"--output={tmp_path / 'a.xml'}"], check=True)
    subprocess.run([generator(), *counts, "--change-memberships=5", f"--output={tmp_path / 'b.xml'}"],
                   check=True)
    result = klynge("diff", "--format", "csv", tmp_path / "a.xml", tmp_path / "b.xml")
    assert result.status == 1, result
    changes = rows(result.stdout)
    assert {table for _, table, *_ in changes} == {"membership"}
    assert {change for change, *_ in changes} == {"added", "removed", "changed"}
    # about 5 % of 6,000 memberships, a row or a few fields each
    assert 150 < len({(record, key) for _, _, record, key, *_ in changes}) < 450
