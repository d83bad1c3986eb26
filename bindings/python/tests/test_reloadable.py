# SPDX-License-Identifier: LGPL-2.1-or-later
"""What Python can put in a landscape saves and loads again (issue 14, item 11).

A 2 MiB note was accepted, saved, and then refused by the default load.
Every text is at most Klynge.LOAD_DEFAULT_MAX_VALUE_LENGTH bytes: a longer
one is refused where it is set, and the record keeps what it had. An
edit after the record was added that the loader would refuse (shares
cleared) is reported by validation, and saving refuses it.
"""

import os
import subprocess
import sys


def _landscape_with_a_cluster(Klynge):
    landscape = Klynge.Landscape.new()
    cluster = Klynge.Organisation.new("c", Klynge.OrganisationKind.CLUSTER, "Klynge C")
    landscape.add(cluster)
    return landscape, cluster


def test_the_cap_is_the_loaders_default(Klynge):
    assert Klynge.LOAD_DEFAULT_MAX_VALUE_LENGTH == 1 << 20
    assert Klynge.LoadOptions.new().get_max_value_length() == Klynge.LOAD_DEFAULT_MAX_VALUE_LENGTH


def test_a_2_mib_note_is_refused_and_the_landscape_still_reloads(klynge, Klynge):
    landscape, cluster = _landscape_with_a_cluster(Klynge)
    cluster.set_note("kept")

    try:
        cluster.set_note("n" * (2 << 20))
    except klynge.Error as error:
        assert error.code == klynge.Error.LIMIT_EXCEEDED
    else:
        raise AssertionError("a 2 MiB note was accepted")
    assert cluster.get_note() == "kept"
    assert list(klynge.validate(landscape)) == []
    reloaded = klynge.loads(landscape.save_bytes().get_data())
    assert reloaded.lookup("c").get_note() == "kept"


def test_a_note_of_exactly_the_cap_saves_and_reloads(klynge, Klynge):
    landscape, cluster = _landscape_with_a_cluster(Klynge)
    note = "&" * Klynge.LOAD_DEFAULT_MAX_VALUE_LENGTH

    cluster.set_note(note)
    saved = landscape.save_bytes().get_data()
    reloaded = klynge.loads(saved)
    assert reloaded.lookup("c").get_note() == note
    assert reloaded.save_bytes().get_data() == saved


def test_an_edit_that_would_not_load_is_reported_and_not_saved(klynge, Klynge, tmp_path):
    landscape, _ = _landscape_with_a_cluster(Klynge)
    landscape.add(Klynge.FundingSource.new("fs", Klynge.FundingSourceKind.REGIONAL, "Region"))
    contract = Klynge.Contract.new("con", "c", Klynge.Period.new_from_string("2020-01-01..2020-12-31"), 100)
    contract.add_share(Klynge.Share.new("fs", 10000))
    landscape.add(contract)
    path = tmp_path / "landscape.xml"
    klynge.save(landscape, path)
    before = path.read_bytes()

    contract.clear_shares()
    assert [problem.get_code() for problem in klynge.validate(landscape)] == \
        [klynge.Error.MISSING_ELEMENT]
    try:
        klynge.save(landscape, path)
    except klynge.Error as error:
        assert error.code == klynge.Error.MISSING_ELEMENT
        assert "“con”" in error.message
    else:
        raise AssertionError("a contract without shares was saved")
    assert path.read_bytes() == before


SCRIPT = r"""
import klynge
from klynge import Klynge

landscape = Klynge.Landscape.new()
record = Klynge.Organisation(id="has space", name="Klynge")
assert record.get_id() is None, record.get_id()
try:
    landscape.add(record)
except klynge.Error as error:
    print(error.code_name)
else:
    print("added")
"""


def test_a_record_built_with_a_bad_id_keeps_none_and_is_not_added(srcdir):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(srcdir / "bindings" / "python")] + [p for p in [env.get("PYTHONPATH")] if p])
    # A Python user's interpreter: the bad id is a critical, not an abort.
    env["G_DEBUG"] = ",".join(flag for flag in env.get("G_DEBUG", "").split(",")
                              if flag and flag != "fatal-criticals")
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "exit status %d: %s" % (result.returncode, result.stderr)
    assert result.stdout.strip() == "MISSING_ATTRIBUTE", result.stderr
    assert "CRITICAL" in result.stderr
