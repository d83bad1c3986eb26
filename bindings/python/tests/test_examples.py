# SPDX-License-Identifier: LGPL-2.1-or-later
"""examples/analyst.py runs on the built-in data and on a file with members."""

import os
import subprocess
import sys


def _run(srcdir, *args):
    return subprocess.run([sys.executable, str(srcdir / "examples" / "analyst.py"), *args],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120)


def test_analyst_example_analyses_the_builtin_data(srcdir):
    result = _run(srcdir)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("1. Consolidation timeline", "2. Funding per funder and year",
                    "3. Member overlap"):
        assert heading in out
    assert "ecd <- house-of-energy, eic" in out
    assert "transfer   completed ecd <- clean" in out
    # the designations: the 14 national clusters of 2021, 13 from 2023
    designated = out.split("national clusters designated from 2021-01-01:\n", 1)[1].split("\n\n", 1)[0]
    assert len(designated.splitlines()) == 14
    assert "censec" in designated and "Forsvar, rumfart og sikkerhed" in designated
    years = {line.split()[0]: line.split()[5] for line in out.splitlines()
             if len(line.split()) >= 6 and line.split()[0].isdigit() and line.split()[2] == "/"}
    assert (years["2020"], years["2021"], years["2023"], years["2024"]) == ("0", "14", "13", "13")
    assert "siu" in out


def test_analyst_example_shows_an_overlap_matrix_for_a_file_with_members(srcdir, data_path):
    result = _run(srcdir, "--landscape", str(data_path("valid", "members-and-organisations.xml")))
    assert result.returncode == 0, result.stderr
    # its member lists are not stated complete: at least 1 shared, no index
    assert "o-cluster" in result.stdout and "1+/?" in result.stdout


def test_analyst_example_reports_a_bad_file_with_status_1(srcdir, data_path):
    result = _run(srcdir, "--landscape", str(data_path("invalid", "bad-date--month-13.xml")))
    assert result.returncode == 1
    assert "bad-date--month-13.xml:28" in result.stderr
