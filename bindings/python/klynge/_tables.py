# SPDX-License-Identifier: LGPL-2.1-or-later
"""The table format as Python sees it, and writing tables back.

The library's table description (lib/klynge-tables.c) names every table's
columns; the CSV export writes them and the table loader reads them.  This
module knows only what Python needs on top of the header a table comes
with: which columns are enumerations (and of which registered enum, so the
vocabulary comes from the library itself), which are lists, and the few
typed columns, all by their names in the table format (docs/format.md).

A date column ``X`` is always followed by ``X_precision``, so dates are
found from the header.
"""

import csv
import functools
import io

from ._gi import Klynge

__all__ = ["ENUM_COLUMNS", "LIST_COLUMNS", "ORE_COLUMNS", "COUNT_COLUMNS",
           "PERCENT_COLUMNS", "PRECISION_SUFFIX", "PRECISIONS", "categories", "columns",
           "date_columns", "join_list", "split_list", "frame_to_csv"]

PRECISION_SUFFIX = "_precision"

#: How much of a date is known, the categories of a ``_precision`` column.
PRECISIONS = ("year", "month", "day")

# table → column → the registered enum whose nicks it takes (by its name in
# the Klynge namespace), or a tuple of the words it takes.
ENUM_COLUMNS = {
    "organisation": {"kind": "OrganisationKind", "member_list": "MemberList"},
    "member": {"kind": "MemberKind", "size": "MemberSize"},
    "membership": {"role": "MembershipRole", "end": "MembershipEnd"},
    "funding-source": {"kind": "FundingSourceKind"},
    "programme": {"kind": "ProgrammeKind"},
    "designation": {"role": "DesignationRole"},
    "merger": {"kind": "MergerKind", "status": "MergerStatus"},
    "initiative": {"kind": "InitiativeKind", "theme": "InitiativeTheme"},
    "label": {"level": "LabelLevel"},
    "participant": {"kind": ("organisation", "member")},
    "identifier": {"scheme": "IdentifierScheme"},
}

# The nick an empty field stands for, which the tables never write: as the
# table description's `absent`.
_ABSENT = {("member", "size"): "unknown", ("membership", "end"): "none"}

#: Columns of values joined by ``|`` (``\\`` escapes ``|`` and ``\\``).
LIST_COLUMNS = ("cities", "focus_areas", "predecessors", "participants", "sources")

#: Money: whole numbers of øre.
ORE_COLUMNS = ("amount_ore",)

#: Counts: whole numbers.
COUNT_COLUMNS = ("participants_count",)

#: Percentages with two decimals.
PERCENT_COLUMNS = ("percent",)


def categories(table, column):
    """The words enumeration *column* of *table* takes, in the order of
    the library's enum type (the vocabulary of the table description), or
    ``None`` when the column is no enumeration.  The nick an empty field
    stands for (a member's size ``unknown``, a membership's end ``none``)
    is not among them: it is a missing value."""
    enum = ENUM_COLUMNS.get(table, {}).get(column)
    if enum is None:
        return None
    if isinstance(enum, tuple):
        return list(enum)
    values = getattr(Klynge, enum).__enum_values__
    absent = _ABSENT.get((table, column))
    return [values[v].value_nick for v in sorted(values) if values[v].value_nick != absent]


@functools.lru_cache(maxsize=None)
def _columns(table):
    data = Klynge.Landscape.new().export_csv_bytes(table).get_data()
    return tuple(next(csv.reader(io.StringIO(data.decode("utf-8"), newline=""))))


def columns(table):
    """Every column of *table* in the table format, in order, as the
    library's CSV export writes them (its header)."""
    return list(_columns(table))


def date_columns(header):
    """The date columns of a table with *header*: each is followed by its
    ``_precision`` column."""
    names = set(header)
    return [name for name in header if name + PRECISION_SUFFIX in names]


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
    if isinstance(value, str):
        return value
    # Two decimals, as the library writes them; a float from a DataFrame
    # holds the two decimals exactly enough for that.
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
    if kind == "integer":
        if isinstance(value, float):
            if value != int(value):
                raise ValueError("not a whole number: %r" % (value,))
            value = int(value)
        return str(value)
    if kind == "percent":
        return _percent_text(value)
    return str(value)


def _kinds(header):
    dates = set(date_columns(header))
    kinds = []
    for name in header:
        if name in dates:
            kinds.append("date")
        elif name in LIST_COLUMNS:
            kinds.append("list")
        elif name in ORE_COLUMNS or name in COUNT_COLUMNS:
            kinds.append("integer")
        elif name in PERCENT_COLUMNS:
            kinds.append("percent")
        else:
            kinds.append("text")
    return kinds


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
        texts = [_column_text(kind, frame.iloc[:, i]) for i, kind in enumerate(_kinds(header))]
        writer.writerows(zip(*texts))
        return out.getvalue().encode("utf-8")

    header = list(frame[0]) if frame else columns(table)
    kinds = _kinds(header)
    writer.writerow(header)
    for record in frame:
        writer.writerow([_cell(kind, record.get(name)) for name, kind in zip(header, kinds)])
    return out.getvalue().encode("utf-8")
