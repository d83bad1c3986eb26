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
def test_each_invalid_fixture_raises_its_code_at_its_line(klynge, path):
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


@pytest.mark.parametrize("message, file, line, column, reason", [
    ("a.xml:12:7: bad date", "a.xml", 12, 7, "bad date"),
    ("a.xml:12: bad CVR", "a.xml", 12, None, "bad CVR"),
    ("/tmp/x y.xml:3:1: unknown element “z”", "/tmp/x y.xml", 3, 1, "unknown element “z”"),
    ("/tmp/gone.xml: cannot open: no such file", "/tmp/gone.xml", None, None,
     "cannot open: no such file"),
    ("“2020-13” is not a date: there is no month 13", None, None, None,
     "“2020-13” is not a date: there is no month 13"),
])
def test_messages_are_parsed_into_file_line_and_column(klynge, message, file, line, column,
                                                       reason):
    error = klynge.Error.from_message(klynge.Error.FAILED, message)
    assert (error.file, error.line, error.column, error.reason) == (file, line, column, reason)
    assert error.message == message


def test_errors_survive_pickling(klynge):
    error = klynge.Error.from_message(klynge.Error.BAD_CVR, "f.xml:2:3: bad CVR")
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.file, again.line, again.message) == \
        (klynge.Error.BAD_CVR, "f.xml", 2, "f.xml:2:3: bad CVR")


def test_problems_from_validation_become_errors(klynge, Klynge, landscape):
    contract = landscape.lookup("ced-2021")
    contract.clear_shares()
    contract.add_share(Klynge.Share.new("siu", 4000))
    problems = klynge.validate(landscape)
    assert problems
    error = klynge.Error.from_problem(problems[0])
    assert error.code == klynge.Error.SHARES_NOT_100
    assert "ced-2021" in str(error)
