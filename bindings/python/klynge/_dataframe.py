# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_dataframe(): a landscape's tables as pandas DataFrames."""

import csv
import decimal
import io

from ._records import (DATE_COLUMNS, DECIMAL_COLUMNS, INTEGER_COLUMNS, PRECISION_SUFFIX,
                       export_csv, list_values)

__all__ = ["to_dataframe", "have_pandas"]


def _pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def have_pandas():
    """Whether pandas can be imported, so that :func:`to_dataframe` works."""
    return _pandas() is not None


_PRECISIONS = {4: "year", 7: "month", 10: "day"}


#: Columns of a few values in many rows, read as categories.
CATEGORY_COLUMNS = {
    "membership": ("role", "end"),
}


def to_dataframe(landscape, kind):
    """One table of *landscape* as a :class:`pandas.DataFrame`.

    The same table, columns and row order as :func:`klynge.to_records`,
    read with :func:`pandas.read_csv` straight from the library's CSV
    export, so it stays fast on millions of rows.  Column types:

    * a value that is not set is missing (``NaN`` / ``NaT``);
    * a date column is ``datetime64[ns]``, the first day the date stands
      for, followed by a ``<column>_precision`` column of ``"year"``,
      ``"month"`` or ``"day"``;
    * ``amount`` (kroner, two decimals) and ``percent`` hold exact
      :class:`decimal.Decimal` values (``object`` dtype); use
      ``.astype(float)`` only for plotting;
    * a stated count (``participants-count``) is a nullable ``Int64``;
    * multi-valued columns (``cities``, ``focus-areas``, ``predecessors``,
      ``participants``, ``sources``) hold lists of strings;
    * a membership's ``role`` and ``end`` (its reason for ending, missing
      when none is stated) are categoricals of their nicks, for millions
      of rows of a few values;
    * the other columns are strings (``object`` dtype).

    Raises :class:`ImportError` when pandas is not installed (Debian:
    python3-pandas) and :class:`klynge.Error` for an unknown *kind*.
    """
    pandas = _pandas()
    if pandas is None:
        raise ImportError("klynge.to_dataframe() needs pandas (Debian: apt-get install "
                          "python3-pandas); klynge.to_records() works without it")
    import numpy  # pandas depends on it

    data = export_csv(landscape, kind)
    date_columns = DATE_COLUMNS.get(kind, ())
    header = next(csv.reader(io.StringIO(data[:data.find(b"\n")].decode("utf-8"))))
    # Dates repeat a lot (a few thousand distinct values in millions of
    # rows): read them as categories and convert each distinct value once.
    dtypes = {name: ("category" if name in date_columns or name in CATEGORY_COLUMNS.get(kind, ())
                     else str) for name in header}
    frame = pandas.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False,
                            na_values=[""], encoding="utf-8")

    for column in date_columns:
        categorical = frame[column].cat
        distinct = pandas.Series(categorical.categories.astype(str))
        length = distinct.str.len()
        padded = distinct.where(length != 4, distinct + "-01-01")
        padded = padded.where(length != 7, distinct + "-01")
        # code -1 (no date) picks the sentinel appended at the end
        dates = numpy.append(pandas.to_datetime(padded, format="%Y-%m-%d").to_numpy(),
                             numpy.datetime64("NaT", "ns"))
        precisions = numpy.array(length.map(_PRECISIONS).tolist() + [None], dtype=object)
        codes = categorical.codes.to_numpy()
        position = frame.columns.get_loc(column)
        frame[column] = dates[codes]
        frame.insert(position + 1, column + PRECISION_SUFFIX, precisions[codes])

    for column in DECIMAL_COLUMNS.get(kind, ()):
        frame[column] = frame[column].map(decimal.Decimal, na_action="ignore")

    for column in INTEGER_COLUMNS.get(kind, ()):
        frame[column] = frame[column].astype("Int64")

    lists = list_values(landscape, kind)
    if lists:
        ids = frame["id"].tolist()
        for column, mapping in lists.items():
            frame[column] = pandas.Series([list(mapping.get(i, ())) for i in ids],
                                          index=frame.index, dtype=object)
    return frame
