# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_dataframe(): the built-in data as pandas DataFrames, from the CSV export."""

import datetime

import pytest

KINDS = ["organisation", "member", "membership", "funding-source", "contract", "share",
         "programme", "envelope", "designation", "merger", "initiative"]


def _normalise(value):
    """A DataFrame cell as to_records() gives it."""
    import pandas
    if isinstance(value, list):
        return value
    if pandas.isna(value):
        return None
    if isinstance(value, pandas.Timestamp):
        return value.date()
    return value


@pytest.mark.parametrize("kind", KINDS)
def test_dataframe_of_the_builtin_data_matches_to_records(klynge, builtin, pandas, kind):
    frame = klynge.to_dataframe(builtin, kind)
    records = klynge.to_records(builtin, kind)
    assert len(frame) == len(records)
    if records:
        assert list(frame.columns) == list(records[0])
    rows = [{k: _normalise(v) for k, v in row.items()} for row in frame.to_dict("records")]
    for row in records:
        if "percent" in row:  # float64 in a frame, an exact Decimal in a record
            row["percent"] = float(row["percent"])
    assert rows == records


@pytest.mark.parametrize("kind", [pytest.param(k) for k in
                                  ("organisation", "member", "membership", "funding-source",
                                   "contract", "share", "programme", "envelope", "designation",
                                   "merger", "initiative", "location", "focus-area", "label",
                                   "predecessor", "participant", "source", "identifier")])
def test_column_names_are_python_identifiers(klynge, full, pandas, kind):
    frame = klynge.to_dataframe(full, kind)
    assert all(name.isidentifier() for name in frame.columns), list(frame.columns)


def test_dates_are_datetimes_with_a_precision_column(klynge, builtin, pandas):
    frame = klynge.to_dataframe(builtin, "organisation")
    assert str(frame["founded"].dtype) == "datetime64[ns]"
    ced = frame.set_index("id").loc["ced"]
    assert ced["founded"] == pandas.Timestamp("2014-01-01")
    assert ced["founded_precision"] == "year"
    assert list(frame["founded_precision"].cat.categories) == ["year", "month", "day"]


def test_amounts_are_nullable_integers_of_ore_that_sum_exactly(klynge, builtin, pandas):
    frame = klynge.to_dataframe(builtin, "contract")
    assert str(frame["amount_ore"].dtype) == "Int64"
    assert "amount" not in frame.columns
    assert frame["amount_ore"].sum() == sum(c.get_amount() for c in builtin.contracts())
    ced = frame.set_index("id").loc["ced-2019"]
    assert ced["amount_ore"] == builtin.lookup("ced-2019").get_amount()


def test_a_contract_of_unknown_amount_is_missing_and_sums_skip_it(klynge, landscape, pandas):
    known = landscape.lookup("ced-2019").get_amount()
    contract = landscape.lookup("ced-2021")
    contract.set_amount_unknown()
    contract.set_note("The renewal gives no amount.")
    frame = klynge.to_dataframe(landscape, "contract").set_index("id")
    assert frame.loc["ced-2021", "amount_ore"] is pandas.NA
    ced = frame[frame["holder"] == "ced"]
    assert ced["amount_ore"].isna().tolist() == [False, True]
    assert ced["amount_ore"].sum() == known
    assert ced.pivot_table(index="holder", values="amount_ore", aggfunc="sum").loc["ced", "amount_ore"] \
        == known


@pytest.mark.parametrize("kind, column, enum", [
    ("organisation", "kind", "OrganisationKind"),
    ("organisation", "member_list", "MemberList"),
    ("member", "kind", "MemberKind"),
    ("membership", "role", "MembershipRole"),
    ("funding-source", "kind", "FundingSourceKind"),
    ("programme", "kind", "ProgrammeKind"),
    ("designation", "role", "DesignationRole"),
    ("merger", "kind", "MergerKind"),
    ("merger", "status", "MergerStatus"),
    ("initiative", "kind", "InitiativeKind"),
    ("initiative", "theme", "InitiativeTheme"),
    ("label", "level", "LabelLevel"),
    ("identifier", "scheme", "IdentifierScheme"),
])
def test_enumerations_are_categoricals_of_the_whole_vocabulary(klynge, Klynge, full, pandas, kind,
                                                              column, enum):
    frame = klynge.to_dataframe(full, kind)
    values = getattr(Klynge, enum).__enum_values__
    assert frame[column].dtype == "category"
    assert list(frame[column].cat.categories) == [values[v].value_nick for v in sorted(values)]


@pytest.mark.parametrize("kind, column, absent", [("member", "size", "unknown"),
                                                  ("membership", "end", "none")])
def test_the_nick_an_empty_field_stands_for_is_missing_not_a_category(klynge, Klynge, full, pandas,
                                                                      kind, column, absent):
    categories = list(klynge.to_dataframe(full, kind)[column].cat.categories)
    assert absent not in categories and categories


@pytest.mark.parametrize("kind", ["organisation", "member", "membership", "contract", "initiative"])
def test_missing_values_are_na_nat_or_a_missing_category_never_empty_text(klynge, full, pandas,
                                                                         kind):
    frame = klynge.to_dataframe(full, kind)
    records = klynge.to_records(full, kind)
    missing = 0
    for index, record in enumerate(records):
        for column, value in record.items():
            cell = frame[column].iloc[index]
            if value is not None:
                continue
            missing += 1
            dtype = str(frame[column].dtype)
            if dtype.startswith("datetime64"):
                assert cell is pandas.NaT, column
            elif dtype in ("string", "Int64"):
                assert cell is pandas.NA, column
            else:
                assert dtype == "category" and pandas.isna(cell), column
    assert missing > 0
    assert not (frame.select_dtypes("string") == "").any().any()


# The recipe that splits shares as the library does, and its equality with
# the library's funding totals (acceptance of issue 18), are tested where
# docs/python.md gives it: test_docs_examples.py.


def test_empty_tables_keep_their_columns(klynge, data_path, pandas):
    empty = klynge.load(data_path("valid", "empty.xml"))
    frame = klynge.to_dataframe(empty, "membership")
    assert len(frame) == 0
    assert list(frame.columns) == ["organisation", "member", "since", "since_precision",
                                   "until", "until_precision", "role", "end"]


def test_memberships_carry_role_and_end_reason(klynge, data_path, pandas):
    landscape = klynge.load(data_path("valid", "membership-roles.xml"))
    frame = klynge.to_dataframe(landscape, "membership")
    assert frame["role"].tolist() == ["member", "partner", "participant", "member", "partner"]
    assert frame["end"].tolist()[1] == "merged" and frame["end"].tolist()[3] == "left"
    assert frame["end"].isna().tolist() == [True, False, True, False, True]
    partners = frame[frame["role"] == "partner"]
    assert list(zip(partners["organisation"], partners["member"])) == [("klynge-a", "m-2"),
                                                                        ("klynge-b", "m-1")]


def test_memberships_of_a_fixture_with_members(klynge, data_path, pandas):
    landscape = klynge.load(data_path("valid", "members-and-organisations.xml"))
    frame = klynge.to_dataframe(landscape, "membership")
    assert len(frame) == landscape.count_memberships()
    assert frame["since"].min() == pandas.Timestamp(datetime.date(2010, 1, 1))


def test_without_pandas_the_error_says_what_to_install(klynge, builtin, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert not klynge.have_pandas()
    with pytest.raises(ImportError, match="python3-pandas"):
        klynge.to_dataframe(builtin, "organisation")


def test_known_until_is_a_date_column_with_its_precision(klynge, data_path, pandas):
    frame = klynge.to_dataframe(klynge.load(data_path("valid", "known-until.xml")), "organisation")
    assert str(frame["known_until"].dtype) == "datetime64[ns]"
    rows = frame.set_index("id")
    assert rows.loc["klynge-a", "known_until"] == pandas.Timestamp("2019-06-30")
    assert rows.loc["klynge-a", "known_until_precision"] == "day"
    assert rows.loc["netvaerk-b", "known_until"] == pandas.Timestamp("2021-01-01")
    assert rows.loc["netvaerk-b", "known_until_precision"] == "year"
