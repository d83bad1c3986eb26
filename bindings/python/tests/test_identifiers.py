# SPDX-License-Identifier: LGPL-2.1-or-later
"""Identifiers in outside registers through Python (format version 2)."""

import datetime

import pytest

LEI = "5493001KJTIIGC8Y1R12"


@pytest.fixture
def identified(klynge, data_path):
    return klynge.load(data_path("valid", "identifiers.xml"))


def test_by_identifier_finds_by_lei_inside_its_validity_only(klynge, identified):
    assert klynge.by_identifier(identified, "lei", LEI, on="2018-05-01").get_id() == "o-a"
    assert klynge.by_identifier(identified, "lei", LEI, on=datetime.date(2020, 6, 30)).get_id() == "o-a"
    assert klynge.by_identifier(identified, "lei", LEI, on="2020-07-01") is None
    assert klynge.by_identifier(identified, "lei", LEI).get_id() == "o-a"


def test_by_identifier_finds_by_cvr_and_the_cvr_attribute(klynge, identified):
    assert klynge.by_identifier(identified, "cvr", "13748136", on="2015").get_id() == "o-a"
    assert klynge.by_identifier(identified, "cvr", "13748136", on="2013") is None
    assert identified.by_identifier("cvr", "24256790").get_id() == "o-a"


def test_by_identifier_takes_the_enum_and_refuses_an_unknown_scheme(klynge, Klynge, identified):
    found = klynge.by_identifier(identified, Klynge.IdentifierScheme.LEI, "213800KUD8LAJWSQ9D15")
    assert found.get_id() == "fs-1"
    with pytest.raises(ValueError):
        klynge.by_identifier(identified, "duns", "150483782")


def test_identifiers_of_a_record_in_order(klynge, Klynge, identified):
    found = klynge.identifiers(identified["o-a"])
    assert [str(identifier) for identifier in found[:4]] == [
        "cvr:13748136", "p-number:1000000000", "lei:" + LEI, "wikidata:Q42"]
    assert str(found[2].get_since()) == "2015-03"
    assert found[2] == Klynge.Identifier.new(Klynge.IdentifierScheme.LEI, LEI,
                                             Klynge.Date.new_from_string("2015-03"),
                                             Klynge.Date.new_from_string("2020-06-30"))
    assert klynge.identifiers(identified["fs-1"])[0].get_value() == "213800KUD8LAJWSQ9D15"


def test_a_wrong_check_digit_raises_with_its_code(klynge, Klynge):
    with pytest.raises(klynge.Error) as raised:
        Klynge.Identifier.new(Klynge.IdentifierScheme.LEI, "5493001KJTIIGC8Y1R13", None, None)
    assert raised.value.code == Klynge.Error.BAD_IDENTIFIER


def test_a_wrong_check_digit_in_a_file_raises_with_code_and_line(klynge, Klynge, data_path):
    with pytest.raises(klynge.Error) as raised:
        klynge.load(data_path("invalid", "bad-identifier--lei-check-digit.xml"))
    assert raised.value.code == Klynge.Error.BAD_IDENTIFIER
    assert raised.value.line == 14


def test_identifier_table_has_a_row_per_identifier_with_dates(klynge, identified):
    rows = klynge.to_records(identified, "identifier")
    assert [(row["record"], row["scheme"], row["value"]) for row in rows[:3]] == [
        ("fs-1", "lei", "213800KUD8LAJWSQ9D15"),
        ("o-a", "cvr", "13748136"),
        ("o-a", "p-number", "1000000000"),
    ]
    assert rows[1]["since"] == datetime.date(2014, 5, 9)
    assert rows[3]["since"] == datetime.date(2015, 3, 1)
    assert rows[3]["since_precision"] == "month"
    assert rows[3]["until"] == datetime.date(2020, 6, 30)


def test_identifier_dataframe(klynge, identified, pandas):
    frame = klynge.to_dataframe(identified, "identifier")
    assert ["record", "scheme", "value", "since", "until"] == [
        column for column in frame.columns if not column.endswith("_precision")]
    assert len(frame) == 9
    assert frame.loc[3, "since_precision"] == "month"
