# SPDX-License-Identifier: LGPL-2.1-or-later
"""Failures arrive as klynge.Error with the KLYNGE_ERROR code, file and line."""

import os
import pathlib
import pickle

import pytest

SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR")
                      or pathlib.Path(__file__).resolve().parents[3])
INVALID = sorted((SRCDIR / "tests" / "data" / "invalid").glob("*.xml"))


def _expected(path):
    first = path.with_suffix(".expect").read_text().splitlines()[0].split()
    return first[0].replace("KLYNGE_ERROR_", ""), int(first[1])


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_each_invalid_fixture_raises_its_code_at_its_line(klynge, Klynge, path):
    code_name, line = _expected(path)
    with pytest.raises(klynge.Error) as caught:
        klynge.load(path)
    error = caught.value
    assert error.code_name == code_name
    assert error.code == getattr(klynge.Error, code_name)
    assert error.line == line
    assert error.file == str(path)
    assert error.column is None or error.column >= 1
    assert str(path) in str(error)
    # the location is the library's data about the failure
    landscape, problem = Klynge.Landscape.load_file_with_problem(str(path), None)
    assert landscape is None
    assert (error.file, error.line, error.column, error.reason) == \
        (problem.get_file(), problem.get_line() or None, problem.get_column() or None,
         problem.get_message())
    assert error.message == problem.to_string()


def test_there_are_invalid_fixtures_to_test():
    assert len(INVALID) > 50


def test_a_missing_file_is_an_io_error_naming_the_file(klynge, tmp_path):
    missing = tmp_path / "missing.xml"
    with pytest.raises(klynge.Error) as caught:
        klynge.load(missing)
    assert caught.value.code == klynge.Error.IO
    assert caught.value.file == str(missing)
    assert caught.value.line is None


def test_error_is_a_glib_error_of_the_klynge_domain(klynge):
    from gi.repository import GLib
    with pytest.raises(GLib.Error) as caught:
        klynge.load("/nonexistent/klynge.xml")
    assert isinstance(caught.value, klynge.Error)
    assert caught.value.domain == klynge.DOMAIN == "klynge-error-quark"


def test_codes_are_the_introspected_enumeration(klynge, Klynge):
    assert klynge.Error.BAD_DATE == Klynge.Error.BAD_DATE
    assert int(klynge.Error.FAILED) == 0
    assert klynge.Error.MISSING_ATTRIBUTE.value_nick == "missing_attribute"


def test_introspected_calls_raise_klynge_error_too(klynge, Klynge):
    with pytest.raises(klynge.Error) as caught:
        Klynge.Date.new_from_string("2020-13")
    assert caught.value.code == klynge.Error.BAD_DATE
    assert caught.value.file is None


def test_introspected_functions_raise_klynge_error_too(klynge, Klynge):
    with pytest.raises(klynge.Error) as caught:
        Klynge.money_parse("1,50")
    assert caught.value.code == klynge.Error.BAD_MONEY


def test_adding_a_duplicate_id_raises_duplicate_id(klynge, Klynge, landscape):
    twin = Klynge.Organisation.new("ced", Klynge.OrganisationKind.CLUSTER, "Twin")
    with pytest.raises(klynge.Error) as caught:
        landscape.add(twin)
    assert caught.value.code == klynge.Error.DUPLICATE_ID


def test_removing_a_referenced_record_raises_referenced(klynge, landscape):
    with pytest.raises(klynge.Error) as caught:
        landscape.remove("ced")
    assert caught.value.code == klynge.Error.REFERENCED
    assert "ced" in landscape


def test_unknown_table_kind_raises_bad_enum(klynge, builtin):
    with pytest.raises(klynge.Error) as caught:
        klynge.to_records(builtin, "organisations")
    assert caught.value.code == klynge.Error.BAD_ENUM


def test_the_location_is_data_even_when_the_file_name_looks_like_one(klynge, tmp_path):
    # parsed from "file:line:col: reason", this name would give line 7
    path = tmp_path / "a:7:9: b.xml"
    path.write_text('<landscape xmlns="urn:klynge:landscape:1" version="1">\n<bogus/>\n'
                    '</landscape>\n')
    with pytest.raises(klynge.Error) as caught:
        klynge.load(path)
    error = caught.value
    assert error.code == klynge.Error.UNKNOWN_ELEMENT
    assert (error.file, error.line) == (str(path), 2)
    assert error.message.startswith(str(path) + ":2")
    assert error.message.endswith(": " + error.reason)
    assert "7" not in error.reason


_HEAD = b'<landscape xmlns="urn:klynge:landscape:1" version="1">\n'


@pytest.mark.parametrize("data, code, line, column", [
    (_HEAD + b"  <organisations x=>", "XML_SYNTAX", 2, 20),
    (_HEAD + b'\n  <organisations>\n'
     b'    <organisation id="x" kind="nonsense"><name>X</name></organisation>\n'
     b'  </organisations>\n</landscape>\n', "BAD_ENUM", 4, None),
    (b'<landscape version="1"/>', "NOT_A_LANDSCAPE", 1, None),
])
def test_loads_reports_the_name_line_and_column_of_the_problem(klynge, Klynge, data, code,
                                                               line, column):
    with pytest.raises(klynge.Error) as caught:
        klynge.loads(data, name="memory.xml")
    error = caught.value
    _, problem = Klynge.Landscape.load_bytes_with_problem(_bytes(data), "memory.xml", None)
    assert error.code_name == code
    assert (error.file, error.line, error.column) == ("memory.xml", line, column)
    assert (problem.get_file(), problem.get_line(), problem.get_column() or None) == \
        (error.file, error.line, error.column)
    assert error.reason == problem.get_message()


def _bytes(data):
    from gi.repository import GLib
    return GLib.Bytes.new(data)


def test_the_introspected_loads_carry_the_location_too(klynge, Klynge, data_path):
    path = str(data_path("invalid", "bad-cvr--letter.xml"))
    with pytest.raises(klynge.Error) as caught:
        Klynge.Landscape.load_file(path)
    assert (caught.value.file, caught.value.line) == (path, 15)
    with pytest.raises(klynge.Error) as caught:
        Klynge.Landscape.load_bytes(_bytes(b"<landscape"), "mine", None)
    assert (caught.value.file, caught.value.line) == ("mine", 1)


def test_a_failed_save_names_the_file(klynge, landscape, tmp_path):
    path = tmp_path / "no-such-dir" / "out.xml"
    with pytest.raises(klynge.Error) as caught:
        klynge.save(landscape, path)
    assert caught.value.code == klynge.Error.IO
    assert caught.value.file == str(path)
    assert caught.value.line is None
    assert not caught.value.reason.startswith(str(path))
    with pytest.raises(klynge.Error) as caught:
        landscape.save_file(str(path))
    assert caught.value.file == str(path)


def test_a_bare_glib_error_gets_no_location_from_its_text(klynge):
    from gi.repository import GLib
    error = klynge.Error.from_gerror(GLib.Error("a.xml:12:7: bad date", klynge.DOMAIN,
                                                int(klynge.Error.BAD_DATE)))
    assert isinstance(error, klynge.Error)
    assert (error.file, error.line, error.column) == (None, None, None)
    assert error.reason == error.message == "a.xml:12:7: bad date"
    assert error.code == klynge.Error.BAD_DATE


def test_errors_survive_pickling(klynge):
    error = klynge.Error(klynge.Error.BAD_CVR, "f.xml:2:3: bad CVR", "f.xml", 2, 3, "bad CVR")
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.file, again.line, again.column, again.reason, again.message) == \
        (klynge.Error.BAD_CVR, "f.xml", 2, 3, "bad CVR", "f.xml:2:3: bad CVR")


def test_problems_from_validation_become_errors(klynge, Klynge, landscape):
    contract = landscape.lookup("ced-2021")
    contract.clear_shares()
    contract.add_share(Klynge.Share.new("siu", 4000))
    problems = klynge.validate(landscape)
    assert problems
    error = klynge.Error.from_problem(problems[0])
    assert error.code == klynge.Error.SHARES_NOT_100
    assert "ced-2021" in str(error)


LIFETIMES = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="1">
  <members><member id="m-1" kind="company"><name>M</name></member></members>
  <organisations>
    <organisation id="a" kind="cluster" founded="2015" dissolved="2021-06-30"><name>A</name>
      <membership member="m-1" since="2014" until="2016"/>
      <membership member="m-1" since="2022"/>
    </organisation>
  </organisations>
</landscape>
"""


def test_problems_tell_errors_from_warnings(klynge, Klynge):
    problems = klynge.validate(klynge.loads(LIFETIMES, "lifetimes.xml"))
    found = [(p.get_code(), p.get_severity(), p.get_line()) for p in problems]
    assert found == [
        (klynge.Error.MEMBERSHIP_BEFORE_FOUNDING, Klynge.Severity.WARNING, 5),
        (klynge.Error.MEMBERSHIP_AFTER_DISSOLUTION, Klynge.Severity.ERROR, 5),
    ]
    assert "warning: " in problems[0].to_string()
    assert Klynge.Problem.new(klynge.Error.FAILED, None, 0, 0, None, "x").get_severity() == \
        Klynge.Severity.ERROR
