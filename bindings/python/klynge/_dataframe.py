# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_dataframe() and from_dataframes(): a landscape's tables as pandas
DataFrames, and back."""

import csv
import decimal
import io

from ._errors import raises_klynge_error
from ._gi import GLib, Klynge
from ._records import TABLES, export_csv
from ._tables import categories, column_type, date_columns, frame_to_csv, split_list

__all__ = ["to_dataframe", "to_dataframes", "from_dataframes", "have_pandas"]


def _pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def have_pandas():
    """Whether pandas can be imported, so that :func:`to_dataframe` works."""
    return _pandas() is not None


def need_pandas(what):
    pandas = _pandas()
    if pandas is None:
        raise ImportError("klynge.%s needs pandas (Debian: apt-get install python3-pandas); "
                          "klynge.to_records() works without it" % what)
    return pandas


# Text columns of few distinct values in many rows (a membership's
# organisation: thousands in millions), read as categories and then made
# strings from the distinct values, half a second faster on 3 M rows than
# making each row's string.
_REPEATED_TEXT = {("membership", "organisation")}


def to_dataframe(landscape, kind):
    """One table of *landscape* as a :class:`pandas.DataFrame`.

    The same table, columns and row order as :func:`klynge.to_records`,
    read with :func:`pandas.read_csv` straight from the library's CSV
    export (the table format), so it stays fast on millions of rows.  The
    columns are the table format's, valid Python identifiers
    (``frame.name_en``).  Column types:

    * a value that is not set is missing, and :func:`pandas.isna` is true
      for it: ``pandas.NA`` in text and whole-number columns, ``NaT`` in
      date columns, a missing category in categorical columns; never an
      empty string or 0;
    * money, ``amount_ore``, is a nullable ``Int64`` of øre (1 krone = 100
      øre): ``sum``, ``groupby`` and ``pivot_table`` are exact; missing
      for a contract whose amount is not known;
    * a date column is ``datetime64[ns]``, the first day the date stands
      for, followed by a ``<column>_precision`` categorical of ``"year"``,
      ``"month"`` or ``"day"``;
    * an enumeration (``kind``, ``member_list``, ``role``, ...) is a
      :class:`pandas.Categorical` whose categories are the column's whole
      vocabulary in the library's order (``frame.kind.cat.categories``),
      so counts per category include the ones that do not occur; a
      member's ``size`` that is not known and a membership's ``end`` that
      states no reason are missing;
    * ``percent`` holds exact :class:`decimal.Decimal` values with the
      decimals the source wrote them with (``Decimal("50")``,
      ``Decimal("87.5")``, ``Decimal("50.00")``), so that the frame goes
      back to the same landscape; ``.astype(float)`` for arithmetic;
    * a stated count (``participants_count``) is ``Int64``;
    * multi-valued columns (``cities``, ``focus_areas``, ``predecessors``,
      ``participants``, ``sources``) hold lists of strings (empty lists
      when there are none);
    * the other columns (ids, names, CVR numbers) are pandas strings
      (``string`` dtype).

    :func:`klynge.from_dataframes` turns such frames back into a
    landscape.  Raises :class:`ImportError` when pandas is not installed
    (Debian: python3-pandas) and :class:`klynge.Error` for an unknown
    *kind*.
    """
    pandas = need_pandas("to_dataframe()")
    import numpy  # pandas depends on it

    data = export_csv(landscape, kind)
    header = next(csv.reader(io.StringIO(data[:data.find(b"\n")].decode("utf-8"))))
    dates = date_columns(kind, header)
    dtypes = {}
    for name in header:
        what = column_type(kind, name)
        if what in ("date", "enum") or (kind, name) in _REPEATED_TEXT:
            # A few distinct values in up to millions of rows: read as
            # categories, convert each distinct value once.
            dtypes[name] = "category"
        elif what == "integer":
            dtypes[name] = "Int64"
        elif what == "number":
            dtypes[name] = "string"
        else:
            dtypes[name] = "string"
    frame = pandas.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False,
                            na_values=[""], encoding="utf-8")

    for name in header:
        vocabulary = categories(kind, name)
        if vocabulary is not None:
            frame[name] = frame[name].cat.set_categories(vocabulary)

    for name in header:
        if (kind, name) in _REPEATED_TEXT:
            categorical = frame[name].cat
            distinct = pandas.array(categorical.categories.astype(object), dtype="string")
            frame[name] = pandas.Series(distinct.take(categorical.codes.to_numpy(), allow_fill=True),
                                        index=frame.index)

    for name in dates:
        categorical = frame[name].cat
        distinct = pandas.to_datetime(pandas.Series(categorical.categories.astype(str)),
                                      format="%Y-%m-%d").to_numpy()
        # code -1 (no date) picks the sentinel appended at the end
        values = numpy.append(distinct.astype("datetime64[ns]"), numpy.datetime64("NaT", "ns"))
        frame[name] = values[categorical.codes.to_numpy()]

    for name in header:
        if column_type(kind, name) == "number":
            frame[name] = pandas.Series([decimal.Decimal(text) if text is not pandas.NA else None
                                         for text in frame[name]], index=frame.index, dtype=object)

    for name in header:
        if column_type(kind, name) == "list":
            frame[name] = pandas.Series([split_list(text) for text in frame[name].fillna("")],
                                        index=frame.index, dtype=object)
    return frame


def to_dataframes(landscape):
    """Every table of *landscape* as ``{table name: DataFrame}``, in the
    order of :data:`klynge.TABLES`: the input :func:`from_dataframes`
    takes."""
    return {table: to_dataframe(landscape, table) for table in TABLES}


@raises_klynge_error
def _load_tables(tables, options=None):
    return Klynge.Landscape.load_tables_from_bytes(tables, options, None)


def from_dataframes(frames, options=None):
    """A new :class:`Klynge.Landscape` made from tables: the inverse of
    :func:`to_dataframe`.

    *frames* maps table names (``"organisation"``, ``"member"``,
    ``"membership"``, ... as in :data:`klynge.TABLES`) to DataFrames with
    the columns :func:`to_dataframe` gives, or to lists of dicts as
    :func:`klynge.to_records` gives.  Tables and columns that are optional
    in the format may be left out: ``{"organisation": ..., "member": ...,
    "membership": ...}`` with only ``id``, ``kind`` and ``name`` columns
    is a landscape.  Values may be what to_dataframe gives or plain
    Python values: a date as a :class:`datetime.date`, a
    :class:`pandas.Timestamp` or text; ``amount_ore`` as whole numbers of
    øre; enumerations as their nicks; lists as lists of strings.  A
    missing value (``None``, ``pandas.NA``, ``NaT``, ``NaN``) is not stated.

    The frames are written in the table format (docs/format.md) and read
    by the library's table loader
    (``Klynge.Landscape.load_tables_from_bytes()``), so a frame breaks the
    same rules as a CSV file would, with the same errors:
    :class:`klynge.Error` with the code (``BAD_DATE``, ``BAD_CVR``,
    ``UNRESOLVED_REFERENCE``, ...) and ``table.csv:line:column``.
    *options* is a :class:`Klynge.LoadOptions` or ``None``.
    """
    tables = {}
    for name, frame in frames.items():
        tables[name] = GLib.Bytes.new(frame_to_csv(name, frame))
    return _load_tables(tables, options)
