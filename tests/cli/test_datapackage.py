"""klynge export --format csv --all: every table and datapackage.json, a
Data Package 2.0 descriptor that the published profiles accept and that
tells the truth about the tables beside it."""

import csv
import datetime
import json
import os
import pathlib
import re

import pytest

SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR", pathlib.Path(__file__).parents[2]))

# The Data Package 2.0 profiles, read in place: $(top_srcdir)/../shared
PROFILES = SRCDIR.parent / "shared" / "third-party" / "datapackage-2.0"

jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")

KINDS = ["organisation", "member", "membership", "funding-source", "contract", "share",
         "programme", "envelope", "designation", "merger", "initiative", "location",
         "focus-area", "label", "predecessor", "participant", "source", "identifier"]

# Landscapes whose tables together have rows in every table.
LANDSCAPES = {
    "built-in": [],
    "full": ["--landscape", SRCDIR / "tests" / "data" / "valid" / "full.xml"],
    "programmes": ["--landscape", SRCDIR / "tests" / "data" / "valid" / "programmes.xml"],
    "identifiers": ["--landscape", SRCDIR / "tests" / "data" / "valid" / "identifiers.xml"],
    "initiative-participants": ["--landscape", SRCDIR / "tests" / "data" / "valid" / "initiative-participants.xml"],
}


def profile(name):
    if not PROFILES.is_dir():
        pytest.skip(f"the Data Package 2.0 profiles are not at {PROFILES} (../shared beside the source tree)")
    return json.loads((PROFILES / name).read_text(encoding="utf-8"))


def validate(instance, schema):
    """Validates @instance with the draft @schema declares (Draft 7 for
    these profiles), reporting every error at once."""
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


@pytest.fixture(params=sorted(LANDSCAPES))
def exported(request, klynge, tmp_path):
    """(directory, descriptor) of one landscape's export."""
    out = tmp_path / "tables"
    result = klynge("export", "--format", "csv", "--all", "--output", out, *LANDSCAPES[request.param])
    assert result.status == 0, result
    assert result.stdout == ""
    return out, json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def read_table(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def resources(descriptor):
    return {r["name"]: r for r in descriptor["resources"]}


# --- the descriptor against the profiles -------------------------------------------

def test_descriptor_validates_against_the_data_package_profile(exported):
    _, descriptor = exported
    validate(descriptor, profile("datapackage.json"))


def test_each_resource_and_its_table_schema_validate_against_their_profiles(exported):
    _, descriptor = exported
    for resource in descriptor["resources"]:
        validate(resource, profile("dataresource.json"))
        validate(resource["schema"], profile("tableschema.json"))


def test_descriptor_names_data_package_2_and_every_table_in_order(exported):
    _, descriptor = exported
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [r["name"] for r in descriptor["resources"]] == KINDS
    for resource in descriptor["resources"]:
        assert resource["path"] == resource["name"] + ".csv"
        assert (resource["type"], resource["format"], resource["mediatype"], resource["encoding"]) == \
            ("table", "csv", "text/csv", "utf-8")
        assert resource["schema"]["missingValues"] == [""]


def test_descriptor_is_the_same_bytes_for_every_landscape_and_every_run(klynge, tmp_path):
    written = []
    for i, args in enumerate([[], [], LANDSCAPES["full"]]):
        out = tmp_path / str(i)
        assert klynge("export", "--format", "csv", "--all", "--output", out, *args).status == 0
        written.append((out / "datapackage.json").read_bytes())
    assert written[0] == written[1] == written[2]
    json.loads(written[0].decode("utf-8"))


def test_descriptor_types_follow_the_columns(exported):
    _, descriptor = exported
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert fields["organisation", "founded"]["type"] == "date"
    assert fields["organisation", "founded_precision"] == {
        **fields["organisation", "founded_precision"], "type": "string",
        "constraints": {"required": False, "enum": ["year", "month", "day"]}}
    assert fields["contract", "amount_ore"]["type"] == "integer"
    assert fields["contract", "amount_ore"]["constraints"]["minimum"] == 0
    assert fields["envelope", "amount_ore"]["constraints"]["required"] is True
    assert fields["share", "percent"]["type"] == "number"
    assert fields["initiative", "participants_count"]["type"] == "integer"
    assert fields["member", "cvr"]["constraints"]["pattern"] == "^[0-9]{8}$"
    # an enumeration without the value its empty field stands for
    assert "unknown" not in fields["member", "size"]["constraints"]["enum"]
    assert "none" not in fields["membership", "end"]["constraints"]["enum"]
    assert "unknown" in fields["organisation", "member_list"]["constraints"]["enum"]
    assert fields["participant", "kind"]["constraints"]["enum"] == ["organisation", "member"]
    assert "|" in fields["organisation", "focus_areas"]["description"]


# --- the descriptor against the tables ---------------------------------------------

def test_every_resource_is_a_file_whose_header_is_the_schema(exported):
    out, descriptor = exported
    assert sorted(p.name for p in out.iterdir()) == sorted([r["path"] for r in descriptor["resources"]]
                                                           + ["datapackage.json"])
    for resource in descriptor["resources"]:
        data = (out / resource["path"]).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        assert data.endswith(b"\r\n")
        rows = read_table(out / resource["path"])
        assert rows[0] == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
        for row in rows[1:]:
            assert len(row) == len(rows[0]), (resource["name"], row)


ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def check_value(table, field, value):
    """The value of a non-empty cell meets its field's type and constraints."""
    where = f"{table}.{field['name']} = {value!r}"
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    if kind == "date":
        assert ISO_DATE.match(value), where
        datetime.date.fromisoformat(value)
    elif kind == "integer":
        assert re.match(r"^-?[0-9]+$", value), where
        assert int(value) >= constraints.get("minimum", int(value)), where
    elif kind == "number":
        float(value)
        assert constraints.get("minimum", 0) <= float(value) <= constraints.get("maximum", float(value)), where
    if "enum" in constraints:
        assert value in constraints["enum"], where
    if "pattern" in constraints:
        assert re.search(constraints["pattern"], value), where


def test_every_cell_meets_its_field(exported):
    out, descriptor = exported
    for resource in descriptor["resources"]:
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        for row in read_table(out / resource["path"])[1:]:
            cells = dict(zip(names, row))
            for field, value in zip(fields, row):
                if value == "":
                    assert not field["constraints"]["required"], (resource["name"], field["name"], row)
                else:
                    check_value(resource["name"], field, value)
            for name in names:
                if name.endswith("_precision"):
                    date = cells[name[:-len("_precision")]]
                    # a date and its precision are given together
                    assert (date == "") == (cells[name] == ""), (resource["name"], name, row)
                    if cells[name] == "year":
                        assert date.endswith("-01-01"), (resource["name"], name, row)
                    elif cells[name] == "month":
                        assert date.endswith("-01"), (resource["name"], name, row)


def test_primary_keys_are_unique(exported):
    out, descriptor = exported
    keyed = 0
    for resource in descriptor["resources"]:
        key = resource["schema"].get("primaryKey")
        if key is None:
            continue
        keyed += 1
        rows = read_table(out / resource["path"])
        index = [rows[0].index(name) for name in key]
        values = [tuple(row[i] for i in index) for row in rows[1:]]
        assert len(values) == len(set(values)), resource["name"]
        assert all(all(v) for v in values), resource["name"]
    assert keyed >= 8


def test_foreign_keys_resolve(exported):
    out, descriptor = exported
    tables = {r["name"]: read_table(out / r["path"]) for r in descriptor["resources"]}
    checked = 0
    for resource in descriptor["resources"]:
        rows = tables[resource["name"]]
        for key in resource["schema"].get("foreignKeys", []):
            target = tables[key["reference"]["resource"]]
            assert key["reference"]["fields"] == ["id"]
            assert resources(descriptor)[key["reference"]["resource"]]["schema"]["primaryKey"] == ["id"]
            ids = {row[target[0].index("id")] for row in target[1:]}
            column = rows[0].index(key["fields"][0])
            for row in rows[1:]:
                if row[column] != "":
                    checked += 1
                    assert row[column] in ids, (resource["name"], key, row)
    assert checked > 0


def test_every_table_has_rows_in_some_landscape(klynge, tmp_path):
    """So that the checks above meet every table."""
    empty = set(KINDS)
    for name, args in LANDSCAPES.items():
        out = tmp_path / name
        assert klynge("export", "--format", "csv", "--all", "--output", out, *args).status == 0
        empty -= {kind for kind in KINDS if len(read_table(out / f"{kind}.csv")) > 1}
    assert empty == set()


# --- the command ------------------------------------------------------------------

def test_all_tables_equal_the_tables_one_by_one(klynge, tmp_path):
    out = tmp_path / "a" / "b"
    assert klynge("export", "--format", "csv", "--all", "--output", out, *LANDSCAPES["full"]).status == 0
    for kind in KINDS:
        one = tmp_path / f"{kind}.csv"
        assert klynge("export", "--format", "csv", "--kind", kind, "--output", one, *LANDSCAPES["full"]).status == 0
        assert (out / f"{kind}.csv").read_bytes() == one.read_bytes(), kind


def test_all_into_a_directory_replaces_the_tables_and_leaves_other_files(klynge, tmp_path):
    (tmp_path / "member.csv").write_text("old", encoding="utf-8")
    (tmp_path / "README").write_text("mine", encoding="utf-8")
    assert klynge("export", "--format", "csv", "--all", "--output", tmp_path).status == 0
    assert (tmp_path / "README").read_text(encoding="utf-8") == "mine"
    assert read_table(tmp_path / "member.csv")[0][0] == "id"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_all_into_a_file_fails_and_leaves_it(klynge, tmp_path):
    target = tmp_path / "file"
    target.write_text("keep", encoding="utf-8")
    result = klynge("export", "--format", "csv", "--all", "--output", target)
    assert result.status == 1, result
    assert result.stderr.startswith("klynge: ") and str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == "keep"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("args", [
    ["--format", "csv", "--all"],
    ["--format", "csv", "--all", "--kind", "member", "--output", "x"],
    ["--format", "xml", "--all", "--output", "x"],
    ["--format", "graphml", "--all", "--output", "x"],
])
def test_all_usage_errors(klynge, tmp_path, args):
    result = klynge("export", *args)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge export: ")
    assert result.stdout == ""
    assert not (tmp_path / "x").exists()


# --- the documentation -------------------------------------------------------------

def descriptor_of(klynge, tmp_path):
    out = tmp_path / "tables"
    assert klynge("export", "--format", "csv", "--all", "--output", out).status == 0
    return json.loads((out / "datapackage.json").read_text(encoding="utf-8"))


def test_format_md_lists_every_table_and_its_columns_as_the_schema_has_them(klynge, tmp_path):
    descriptor = descriptor_of(klynge, tmp_path)
    text = (SRCDIR / "docs" / "format.md").read_text(encoding="utf-8")
    section = text.split("\n## Tables (CSV and Data Package)\n", 1)[1].split("\n## ", 1)[0]
    documented = {}
    for part in section.split("\n#### `")[1:]:
        name, body = part.split("`", 1)
        rows = [line.split(" | ") for line in body.splitlines() if line.startswith("| `")]
        documented[name] = (body, rows)
    assert list(documented) == KINDS
    for resource in descriptor["resources"]:
        body, rows = documented[resource["name"]]
        schema = resource["schema"]
        refs = {key["fields"][0]: key["reference"]["resource"] for key in schema.get("foreignKeys", [])}
        assert [row[0].strip("|` ") for row in rows] == [f["name"] for f in schema["fields"]], resource["name"]
        for row, field in zip(rows, schema["fields"]):
            where = (resource["name"], field["name"])
            assert (row[2] == "yes") == field["constraints"]["required"], where
            if field["name"] in refs:
                assert row[1] == f"id in `{refs[field['name']]}`", where
            elif "enum" in field["constraints"]:
                assert row[1] == ", ".join(f"`{v}`" for v in field["constraints"]["enum"]), where
            else:
                integer = ("integer %d to %d" % (field["constraints"]["minimum"], field["constraints"]["maximum"])
                           if "maximum" in field["constraints"] else "integer ≥ 0")
                assert row[1] == {"date": "date", "integer": integer, "number": "number, 0 to 100"}.get(
                    field["type"], row[1]), where
        if "primaryKey" in schema:
            assert "Primary key: " + ", ".join(f"`{k}`" for k in schema["primaryKey"]) + "." in body
        else:
            assert "Primary key" not in body


def test_man_page_lists_every_table_and_its_columns(klynge, tmp_path):
    descriptor = descriptor_of(klynge, tmp_path)
    text = (SRCDIR / "docs" / "klynge.1").read_text(encoding="utf-8")
    section = text.split(".B \\-\\-format csv\n", 1)[1].split(".B \\-\\-format graphml", 1)[0]
    for resource in descriptor["resources"]:
        heading = ".TP 16\n.B " + resource["name"].replace("-", "\\-") + "\n"
        assert heading in section, resource["name"]
        lines = []
        for line in section.split(heading, 1)[1].splitlines():
            if line.startswith("."):
                break
            lines.append(line)
        listed = " ".join(lines).split(" (", 1)[0].strip()
        # each date column's _precision column is said once for all
        assert listed.split(", ") == [f["name"] for f in resource["schema"]["fields"]
                                      if not f["name"].endswith("_precision")], resource["name"]
