# SPDX-License-Identifier: LGPL-2.1-or-later
"""Records built from properties may lack required fields: add() refuses them.

Klynge.Initiative() with its host unset once crashed the interpreter in
Landscape.add(); each case runs in a child interpreter, so a regression
fails its own case instead of killing pytest.
"""

import os
import subprocess
import sys

import pytest

# kind, field left out, code
CASES = [
    ("FundingSource", "id", "MISSING_ATTRIBUTE"),
    ("FundingSource", "name", "MISSING_ELEMENT"),
    ("Member", "id", "MISSING_ATTRIBUTE"),
    ("Member", "name", "MISSING_ELEMENT"),
    ("Organisation", "id", "MISSING_ATTRIBUTE"),
    ("Organisation", "name", "MISSING_ELEMENT"),
    ("Contract", "id", "MISSING_ATTRIBUTE"),
    ("Contract", "holder", "MISSING_ATTRIBUTE"),
    ("Contract", "period", "MISSING_ATTRIBUTE"),
    ("Merger", "id", "MISSING_ATTRIBUTE"),
    ("Merger", "successor", "MISSING_ATTRIBUTE"),
    ("Merger", "effective", "MISSING_ATTRIBUTE"),
    ("Initiative", "id", "MISSING_ATTRIBUTE"),
    ("Initiative", "host", "MISSING_ATTRIBUTE"),
    ("Initiative", "title", "MISSING_ELEMENT"),
]

SCRIPT = r"""
import sys
import klynge
from klynge import Klynge

kind, omit = sys.argv[1], sys.argv[2]
landscape = Klynge.Landscape.new()
for org in ("org-a", "org-b", "org-c"):
    landscape.add(Klynge.Organisation.new(org, Klynge.OrganisationKind.CLUSTER, "Synthetic " + org))
landscape.add(Klynge.FundingSource.new("fs-one", Klynge.FundingSourceKind.NATIONAL_AGENCY,
                                       "Synthetic source"))
fields = {"id": "new-x"}
if kind in ("FundingSource", "Member", "Organisation"):
    fields["name"] = "Synthetic name"
elif kind == "Contract":
    fields.update(holder="org-a",
                  period=Klynge.Period.new_from_string("2020-01-01..2021-12-31"))
elif kind == "Merger":
    fields.update(kind=Klynge.MergerKind.ABSORPTION, successor="org-c",
                  effective=Klynge.Date.new(2020, 1, 1))
else:
    fields.update(host="org-c", title="Synthetic title")
fields.pop(omit, None)
record = getattr(Klynge, kind)(**fields)
if kind == "Contract":
    record.add_share(Klynge.Share.new("fs-one", 10000))
elif kind == "Merger":
    record.add_predecessor("org-b")
before = landscape.count(Klynge.Record)
try:
    landscape.add(record)
except klynge.Error as error:
    assert landscape.count(Klynge.Record) == before, "the landscape changed"
    assert not landscape.contains("new-x"), "the record was added"
    print(error.code_name)
else:
    print("added")
"""


@pytest.mark.parametrize("kind, omit, code_name", CASES,
                         ids=["%s-without-%s" % (kind, omit) for kind, omit, _ in CASES])
def test_add_refuses_a_record_missing_a_required_field(srcdir, kind, omit, code_name):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(srcdir / "bindings" / "python")] + [p for p in [env.get("PYTHONPATH")] if p])
    # A Python user's interpreter: a missing id is a critical, not an abort.
    env["G_DEBUG"] = ",".join(flag for flag in env.get("G_DEBUG", "").split(",")
                              if flag and flag != "fatal-criticals")
    result = subprocess.run([sys.executable, "-c", SCRIPT, kind, omit], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "exit status %d: %s" % (result.returncode, result.stderr)
    assert result.stdout.strip() == code_name, result.stderr
