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
    assert "ecd <- house-of-energy, eic, clean-energi" in out
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
