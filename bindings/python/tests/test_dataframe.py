# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_dataframe(): the built-in data as pandas DataFrames, from the CSV export."""

import datetime
from decimal import Decimal

import pytest

KINDS = ["organisation", "member", "membership", "funding-source", "contract", "share",
         "programme", "envelope", "designation", "merger", "initiative"]


def _normalise(value):
    """A DataFrame cell as to_records() gives it."""
    import pandas
    if isinstance(value, list):
        return value
    if value is None or (not isinstance(value, (str, Decimal)) and pandas.isna(value)):
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
    assert rows == records


def test_dates_are_datetimes_with_a_precision_column(klynge, builtin, pandas):
    frame = klynge.to_dataframe(builtin, "organisation")
    assert str(frame["founded"].dtype) == "datetime64[ns]"
    ced = frame.set_index("id").loc["ced"]
    assert ced["founded"] == pandas.Timestamp("2014-01-01")
    assert ced["founded_precision"] == "year"
    assert set(frame["founded_precision"].dropna()) <= {"year", "month", "day"}


def test_amounts_are_exact_decimals_that_sum_exactly(klynge, builtin, pandas):
    frame = klynge.to_dataframe(builtin, "contract")
    assert all(isinstance(a, Decimal) for a in frame["amount"])
    assert sum(frame["amount"]) * 100 == sum(c.get_amount() for c in builtin.contracts())


def test_funding_per_source_and_year_from_dataframes(klynge, builtin, pandas):
    contracts = klynge.to_dataframe(builtin, "contract")
    shares = klynge.to_dataframe(builtin, "share")
    merged = shares.merge(contracts, left_on="contract", right_on="id")
    merged["paid"] = [a * p / 100 for a, p in zip(merged["amount"], merged["percent"])]
    per_source = merged.groupby("source")["paid"].sum()
    assert per_source["siu"] > 0
    assert sum(per_source) == sum(contracts["amount"])


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
    assert str(frame["known-until"].dtype) == "datetime64[ns]"
    rows = frame.set_index("id")
    assert rows.loc["klynge-a", "known-until"] == pandas.Timestamp("2019-06-30")
    assert rows.loc["klynge-a", "known-until_precision"] == "day"
    assert rows.loc["netvaerk-b", "known-until"] == pandas.Timestamp("2021-01-01")
    assert rows.loc["netvaerk-b", "known-until_precision"] == "year"
