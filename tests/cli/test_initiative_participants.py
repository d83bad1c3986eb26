# SPDX-License-Identifier: LGPL-2.1-or-later
"""klynge show and export of initiative participants: members as well as
organisations, and a stated participants count (format version 2)."""

import csv
import io


def show(klynge, fixture_path, id):
    result = klynge("show", "--landscape", fixture_path("valid", "initiative-participants.xml"), id)
    assert result.status == 0, result
    return result.stdout


def test_show_gives_the_stated_count_then_organisations_then_members(klynge, fixture_path):
    out = show(klynge, fixture_path, "i-summit")
    assert ("participants   120\n"
            "participant    o-1 (Klynge B)\n"
            "member         m-1 (Eksempel ApS)\n"
            "               m-2 (Virksomhed Ø A/S)\n") in out


def test_show_without_a_stated_count_says_at_least_the_listed(klynge, fixture_path):
    out = show(klynge, fixture_path, "i-network")
    assert ("participants   at least 2\n"
            "participant    o-host (Støtteorgan A)\n"
            "member         m-2 (Virksomhed Ø A/S)\n") in out


def test_show_a_stated_count_of_none_listed(klynge, fixture_path):
    out = show(klynge, fixture_path, "i-camp")
    assert "participants   0\n" in out
    assert "participant " not in out and "member " not in out


def test_export_participant_table_has_the_kind_of_each(klynge, fixture_path):
    result = klynge("export", "--landscape", fixture_path("valid", "initiative-participants.xml"),
                    "--format", "csv", "--kind", "participant")
    assert result.status == 0, result
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["ref"], r["kind"]) for r in rows if r["initiative"] == "i-network"] == \
        [("m-2", "member"), ("o-host", "organisation")]
