# SPDX-License-Identifier: LGPL-2.1-or-later
"""The table format as Python sees it, and writing tables back.

The library's table description (lib/klynge-tables.c) names every table's
columns, their types and the words each enumeration takes; the CSV export
writes the tables, the table loader reads them, and the Data Package
descriptor (klynge_export_datapackage_bytes()) describes them.
This module reads that descriptor, so Python takes names, types and
vocabularies from the same place.  The one thing the descriptor does not
type is which text columns are lists (:data:`LIST_COLUMNS`).
"""

import csv
import decimal
import functools
import io
import json

from ._gi import Klynge

__all__ = ["LIST_COLUMNS", "PRECISION_SUFFIX", "PRECISIONS", "categories", "columns",
           "column_type", "date_columns", "join_list", "split_list", "frame_to_csv"]

PRECISION_SUFFIX = "_precision"

#: How much of a date is known, the categories of a ``_precision`` column.
PRECISIONS = ("year", "month", "day")

#: Columns of values joined by ``|`` (``\\`` escapes ``|`` and ``\\``); the
#: descriptor types them as strings.
LIST_COLUMNS = ("cities", "focus_areas", "predecessors", "participants", "sources")


@functools.lru_cache(maxsize=None)
def _schema():
    """{table: {column: its Table Schema field}}, in the library's order."""
    descriptor = json.loads(bytes(Klynge.export_datapackage_bytes().get_data()))
    return {resource["name"]: {field["name"]: field for field in resource["schema"]["fields"]}
            for resource in descriptor["resources"]}


def columns(table):
    """Every column of *table* in the table format, in the order the
    library writes them; empty for an unknown table."""
    return list(_schema().get(table, {}))


def column_type(table, column):
    """What *column* of *table* holds: ``"date"``, ``"integer"`` (øre, a
    count), ``"number"`` (a percent), ``"list"``, ``"enum"`` or
    ``"string"``; ``None`` when the table has no such column."""
    field = _schema().get(table, {}).get(column)
    if field is None:
        return None
    if field["type"] == "string":
        if "enum" in field.get("constraints", {}):
            return "enum"
        if column in LIST_COLUMNS:
            return "list"
    return field["type"]


def categories(table, column):
    """The words enumeration *column* of *table* takes, in the table
    description's order (the order of the library's enum type), or
    ``None`` when the column is no enumeration.  The nick an empty field
    stands for (a member's size ``unknown``, a membership's end ``none``)
    is not among them: it is a missing value."""
    field = _schema().get(table, {}).get(column)
    if field is None:
        return None
    words = field.get("constraints", {}).get("enum")
    return list(words) if words is not None else None


def date_columns(table, header):
    """The date columns of *table* among *header*: each is followed by its
    ``_precision`` column."""
    return [name for name in header if column_type(table, name) == "date"]


def split_list(text):
    """The values of a list cell: ``a|b`` gives ``["a", "b"]``, ``a\\|b``
    gives ``["a|b"]``; an empty cell gives ``[]``."""
    if not text:
        return []
    if "\\" not in text:
        return text.split("|")
    values, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            values.append("".join(current))
            current = []
        else:
            current.append(char)
    values.append("".join(current))
    return values


def join_list(values):
    """The inverse of :func:`split_list`."""
    return "|".join(str(v).replace("\\", "\\\\").replace("|", "\\|") for v in values)


def _missing(value):
    """Whether a scalar is a missing value: None, or what pandas.isna()
    takes for one (NA, NaT, NaN)."""
    if value is None:
        return True
    try:
        import pandas
    except ImportError:
        return value != value
    return bool(pandas.isna(value))


def _percent_text(value):
    if isinstance(value, (str, decimal.Decimal)):
        # a Decimal keeps the decimals it was written with: 50, 87.5, 50.00
        return str(value)
    # a float made by arithmetic: two decimals, as the library writes them
    return "%.2f" % value


def _cell(kind, value):
    """One value of a DataFrame or record as the table format writes it."""
    if kind == "list":
        if not isinstance(value, (list, tuple)) and _missing(value):
            return ""
        if isinstance(value, str):
            return value
        return join_list(value)
    if _missing(value):
        return ""
    if kind == "date":
        if isinstance(value, str):
            return value
        return "%04d-%02d-%02d" % (value.year, value.month, value.day)
    if kind == "percent":
        return _percent_text(value)
    if isinstance(value, float) and value.is_integer():
        # pandas makes a column of whole numbers with a gap float64: a CVR
        # number or an amount read from a spreadsheet is 13748136, not
        # 13748136.0 (a fraction is written as it is, for the loader to
        # refuse with its position)
        return str(int(value))
    return str(value)


# How _cell() and _column_text() write each type of column.
_KINDS = {"date": "date", "integer": "integer", "number": "percent", "list": "list"}


def _kinds(table, header):
    return [_KINDS.get(column_type(table, name), "text") for name in header]


def _take_text(distinct, codes):
    """Values by their codes into *distinct* (texts), code -1 an empty
    field."""
    import numpy
    return numpy.append(numpy.asarray(distinct, dtype=object), "")[codes]


def _column_text(kind, series):
    """A DataFrame column as the table format's texts (a list), a whole
    column at a time where its dtype allows (millions of memberships),
    else value by value."""
    import pandas

    dtype = series.dtype
    if kind == "date" and pandas.api.types.is_datetime64_any_dtype(dtype):
        # a few thousand distinct dates in millions of rows: format each once
        codes, distinct = pandas.factorize(series)
        return _take_text(distinct.strftime("%Y-%m-%d"), codes).tolist()
    if kind == "text" and isinstance(dtype, pandas.CategoricalDtype):
        return _take_text(series.cat.categories.astype(str),
                          series.cat.codes.to_numpy()).tolist()
    if kind == "text" and isinstance(dtype, pandas.StringDtype):
        return series.to_numpy(dtype=object, na_value="").tolist()
    if kind == "integer" and pandas.api.types.is_integer_dtype(dtype):
        return series.astype("string").to_numpy(dtype=object, na_value="").tolist()
    return [_cell(kind, value) for value in series.astype(object).tolist()]


def frame_to_csv(table, frame):
    """The table format's CSV text (bytes) of *frame*, a DataFrame in the
    form :func:`klynge.to_dataframe` gives for *table*, or a list of dicts
    as :func:`klynge.to_records` gives (with *frame* a list, the header is
    the first record's keys, or every column of the table when the list
    is empty)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if not isinstance(frame, list):
        header = [str(name) for name in frame.columns]
        writer.writerow(header)
        texts = [_column_text(kind, frame.iloc[:, i])
                 for i, kind in enumerate(_kinds(table, header))]
        writer.writerows(zip(*texts))
        return out.getvalue().encode("utf-8")

    header = list(frame[0]) if frame else columns(table)
    kinds = _kinds(table, header)
    writer.writerow(header)
    for record in frame:
        writer.writerow([_cell(kind, record.get(name)) for name, kind in zip(header, kinds)])
    return out.getvalue().encode("utf-8")
