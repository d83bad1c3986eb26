# SPDX-License-Identifier: LGPL-2.1-or-later
"""from_dataframes(), to_excel() and read_excel(): the inverse of
to_dataframe(), exact for the built-in landscape and every valid fixture."""

import datetime
import pathlib

import pytest

VALID = sorted(p.name for p in (pathlib.Path(__file__).resolve().parents[3]
                                / "tests" / "data" / "valid").glob("*.xml"))


def _canonical(landscape):
    return bytes(landscape.save_bytes().get_data())


@pytest.fixture(params=["built-in"] + VALID)
def original(request, klynge, data_path):
    if request.param == "built-in":
        return klynge.default()
    return klynge.load(data_path("valid", request.param))


def _through_the_librarys_tables(klynge, landscape):
    tables = {name: landscape.export_csv_bytes(name) for name in klynge.TABLES}
    return klynge.Klynge.Landscape.load_tables_from_bytes(tables, None, None)


def _check_round_trip(klynge, original, again):
    """The document made again is the original's, byte for byte, as the
    library's own round trip through its tables gives it."""
    assert _canonical(_through_the_librarys_tables(klynge, original)) == _canonical(original)
    assert _canonical(again) == _canonical(original)


def test_dataframes_round_trip_exactly(klynge, pandas, original):
    frames = klynge.to_dataframes(original)
    assert list(frames) == list(klynge.TABLES)
    _check_round_trip(klynge, original, klynge.from_dataframes(frames))


def test_records_round_trip_exactly(klynge, original):
    tables = {name: klynge.to_records(original, name) for name in klynge.TABLES}
    _check_round_trip(klynge, original, klynge.from_dataframes(tables))


def test_excel_round_trips_exactly(klynge, pandas, original, tmp_path):
    pytest.importorskip("openpyxl", reason="openpyxl is not installed (Debian: python3-openpyxl)")
    path = tmp_path / "landscape.xlsx"
    klynge.to_excel(original, path)
    _check_round_trip(klynge, original, klynge.read_excel(path))


def test_a_member_list_made_in_pandas_is_a_landscape(klynge, pandas):
    # only the required columns, in an order of one's own
    organisation = pandas.DataFrame({"name": ["Klynge A", "Klynge B"], "id": ["a", "b"],
                                     "kind": ["cluster", "innovation-network"]})
    member = pandas.DataFrame({"id": ["m-1", "m-2"], "kind": "company",
                               "name": ["Alfa ApS", "Beta A/S"], "cvr": ["13748136", None]})
    membership = pandas.DataFrame({"organisation": ["a", "a", "b"], "member": ["m-1", "m-2", "m-1"],
                                   "since": [datetime.date(2020, 1, 1), pandas.NaT,
                                             pandas.Timestamp("2021-06-01")],
                                   "since_precision": ["year", None, "day"]})
    landscape = klynge.from_dataframes({"organisation": organisation, "member": member,
                                        "membership": membership})
    assert [o.get_id() for o in landscape.organisations()] == ["a", "b"]
    assert landscape.count_memberships() == 3
    assert klynge.to_records(landscape, "membership")[0]["since_precision"] == "year"
    assert landscape.lookup("m-2").get_cvr() is None


def test_lists_are_joined_with_their_separator_escaped(klynge, pandas, full):
    frames = klynge.to_dataframes(full)
    frames["organisation"].at[0, "focus_areas"] = ["a|b", "c\\", "d"]
    frames.pop("focus-area")  # the list column gives the values now
    again = klynge.from_dataframes(frames)
    assert klynge.to_records(again, "organisation")[0]["focus_areas"] == ["a|b", "c\\", "d"]


@pytest.mark.parametrize("table, column, value, code", [
    ("organisation", "founded", "2014-13-01", "BAD_DATE"),
    ("organisation", "cvr", "12345678", "BAD_CVR"),
    ("organisation", "kind", "klynge", "BAD_ENUM"),
    ("contract", "amount_ore", "8 mio", "BAD_MONEY"),
    ("contract", "holder", "nobody", "UNRESOLVED_REFERENCE"),
])
def test_a_bad_value_raises_the_loaders_error_naming_the_table(klynge, pandas, full, table,
                                                              column, value, code):
    frames = klynge.to_dataframes(full)
    frame = frames[table].astype(object)
    frame.at[0, column] = value
    frames[table] = frame
    with pytest.raises(klynge.Error) as raised:
        klynge.from_dataframes(frames)
    assert raised.value.code == getattr(klynge.Error, code)
    assert "%s.csv:2" % table in str(raised.value)


def test_an_unknown_table_is_refused(klynge, pandas, full):
    frames = klynge.to_dataframes(full)
    frames["labels"] = frames.pop("label")
    with pytest.raises(klynge.Error) as raised:
        klynge.from_dataframes(frames)
    assert raised.value.code == klynge.Error.UNKNOWN_TABLE


@pytest.mark.parametrize("text", ["=1+1", "-5", "+x", "@y", "=HYPERLINK(\"http://x\")"])
def test_spreadsheet_formulas_are_written_as_text_and_read_back_unchanged(klynge, pandas, landscape,
                                                                         tmp_path, text):
    openpyxl = pytest.importorskip("openpyxl")
    landscape.lookup("ced").set_name(text)
    path = tmp_path / "landscape.xlsx"
    klynge.to_excel(landscape, path)

    sheet = openpyxl.load_workbook(path)["organisation"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("name") + 1)
    assert (cell.value, cell.data_type) == (text, "s")  # text, not a formula
    assert cell.quotePrefix  # Excel and LibreOffice show it as text
    assert klynge.read_excel(path).lookup("ced").get_name() == text


def test_excel_has_one_sheet_per_table_with_typed_cells(klynge, pandas, builtin, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "landscape.xlsx"
    klynge.to_excel(builtin, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == list(klynge.TABLES)
    contracts = workbook["contract"]
    header = [cell.value for cell in contracts[1]]
    assert header == list(klynge.to_dataframe(builtin, "contract").columns)
    row = [cell.value for cell in contracts[2]]
    first = next(iter(builtin.contracts()))
    assert row[header.index("amount_ore")] == first.get_amount()
    assert row[header.index("start")].date() == first.get_period().start.to_date()


@pytest.mark.parametrize("table", ["organisation", "member", "membership", "funding-source",
                                   "contract", "share", "programme", "envelope", "designation",
                                   "merger", "initiative", "location", "focus-area", "label",
                                   "predecessor", "participant", "source", "identifier"])
def test_frames_and_records_are_written_as_the_library_writes_its_tables(klynge, pandas, full,
                                                                        table):
    from klynge._tables import frame_to_csv
    expected = bytes(full.export_csv_bytes(table).get_data())
    assert frame_to_csv(table, klynge.to_dataframe(full, table)) == expected
    assert frame_to_csv(table, klynge.to_records(full, table)) == expected


# a funder paying all of contract "c"
_FUNDER = {"funding-source": [{"id": "fs", "kind": "national-agency", "name": "FS"}],
           "share": [{"contract": "c", "source": "fs", "percent": "100"}]}


def test_whole_numbers_that_pandas_made_floats_are_written_as_whole_numbers(klynge, pandas):
    # a spreadsheet column of CVR numbers with a gap reads as float64
    member = pandas.DataFrame({"id": ["m-1", "m-2"], "kind": "company", "name": ["A", "B"],
                               "cvr": [13748136.0, float("nan")]})
    organisation = pandas.DataFrame({"id": ["o"], "kind": "cluster", "name": "O"})
    contract = pandas.DataFrame({"id": ["c"], "holder": "o", "start": "2020-01-01",
                                 "end": "2020-12-31", "amount_ore": [100.0]})
    landscape = klynge.from_dataframes({"organisation": organisation, "member": member,
                                        "contract": contract, **_FUNDER})
    assert landscape.lookup("m-1").get_cvr() == "13748136"
    assert landscape.lookup("m-2").get_cvr() is None
    assert landscape.lookup("c").get_amount() == 100


def test_a_fraction_of_an_ore_is_refused_with_its_place(klynge, pandas):
    organisation = pandas.DataFrame({"id": ["o"], "kind": "cluster", "name": "O"})
    contract = pandas.DataFrame({"id": ["c"], "holder": "o", "start": "2020-01-01",
                                 "end": "2020-12-31", "amount_ore": [100.5]})
    with pytest.raises(klynge.Error) as raised:
        klynge.from_dataframes({"organisation": organisation, "contract": contract, **_FUNDER})
    assert raised.value.code == klynge.Error.BAD_MONEY
    assert "contract.csv:2:" in str(raised.value)


def test_a_table_longer_than_a_sheet_is_refused_before_writing(klynge, pandas, full, tmp_path,
                                                               monkeypatch):
    pytest.importorskip("openpyxl")
    import klynge._excel
    monkeypatch.setattr(klynge._excel, "_MAX_ROWS", len(klynge.to_records(full, "organisation")) - 1)
    path = tmp_path / "landscape.xlsx"
    with pytest.raises(ValueError, match="the table organisation has"):
        klynge.to_excel(full, path)
    assert not path.exists()
