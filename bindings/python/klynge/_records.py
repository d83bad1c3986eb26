# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_records(): a landscape's tables as lists of dicts.

Both to_records() and to_dataframe() read the library's CSV export
(klynge_landscape_export_csv_bytes()), so they agree with each other and
with ``klynge export``, and stay fast on millions of rows.
"""

import csv
import datetime
import decimal
import functools
import io

from ._errors import raises_klynge_error
from ._gi import Klynge

__all__ = ["KINDS", "TABLES", "to_records", "parse_date", "format_date"]

#: The kinds of record table, fixed by the design: one row per record (or
#: per membership, per contract share, per programme envelope or
#: designation).
KINDS = ("organisation", "member", "membership", "funding-source", "contract",
         "share", "programme", "envelope", "designation", "merger", "initiative")

#: Every table to_records() and to_dataframe() give, as the library lists
#: them: :data:`KINDS`, then the tables of multi-valued fields, one row per
#: value (``location``, ``focus-area``, ``label``, ``predecessor``,
#: ``participant``, ``source``), then ``identifier`` (format version 2).
TABLES = tuple(Klynge.Landscape.export_csv_kinds())

# Columns holding dates (YYYY, YYYY-MM or YYYY-MM-DD), per table.
DATE_COLUMNS = {
    "organisation": ("founded", "dissolved", "known-until"),
    "membership": ("since", "until"),
    "contract": ("start", "end"),
    "programme": ("start", "end"),
    "envelope": ("start", "end"),
    "designation": ("start", "end"),
    "merger": ("effective",),
    "initiative": ("start", "end"),
    "label": ("awarded", "valid-until"),
    "source": ("accessed",),
    "identifier": ("since", "until"),
}

# Columns holding exact decimals: kroner with two decimals, percents.
DECIMAL_COLUMNS = {
    "contract": ("amount",),
    "share": ("percent",),
    "envelope": ("amount",),
}

# Columns holding whole numbers: a stated count (empty when none is).
INTEGER_COLUMNS = {
    "initiative": ("participants-count",),
}

# Multi-valued columns: (table, key column, value column) whose rows give
# the values exactly, in document order.
_SOURCES = ("source", "record", "href")
LIST_COLUMNS = {
    "organisation": {"cities": ("location", "organisation", "city"),
                     "focus-areas": ("focus-area", "organisation", "focus-area"),
                     "sources": _SOURCES},
    "member": {"sources": _SOURCES},
    "funding-source": {"sources": _SOURCES},
    "contract": {"sources": _SOURCES},
    "programme": {"sources": _SOURCES},
    "merger": {"predecessors": ("predecessor", "merger", "ref"), "sources": _SOURCES},
    "initiative": {"participants": ("participant", "initiative", "ref"),
                   "sources": _SOURCES},
}

PRECISION_SUFFIX = "_precision"
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


@functools.lru_cache(maxsize=65536)
def parse_date(text):
    """Parses ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into ``(date,
    precision)``: the first day the text stands for, as a
    :class:`datetime.date`, and ``"year"``, ``"month"`` or ``"day"``.
    An empty text gives ``(None, None)``.

    >>> parse_date("2020-05")
    (datetime.date(2020, 5, 1), 'month')
    """
    if not text:
        return None, None
    precision = _PRECISION_BY_LENGTH.get(len(text))
    if precision is None:
        raise ValueError("not a klynge date: %r" % text)
    year = int(text[0:4])
    month = int(text[5:7]) if len(text) >= 7 else 1
    day = int(text[8:10]) if len(text) == 10 else 1
    return datetime.date(year, month, day), precision


def format_date(value, precision="day"):
    """The inverse of :func:`parse_date`: ``format_date(date(2020, 5, 1),
    "month")`` is ``"2020-05"``; ``None`` gives ``None``."""
    if value is None:
        return None
    if precision == "year":
        return "%04d" % value.year
    if precision == "month":
        return "%04d-%02d" % (value.year, value.month)
    if precision == "day":
        return value.strftime("%Y-%m-%d")
    raise ValueError("precision must be 'year', 'month' or 'day', not %r" % (precision,))


@raises_klynge_error
def export_csv(landscape, table):
    """The CSV export of *table* as bytes (RFC 4180, UTF-8, header row)."""
    return landscape.export_csv_bytes(table).get_data()


def _reader(data):
    return csv.reader(io.StringIO(data.decode("utf-8"), newline=""))


def list_values(landscape, table):
    """{column: {record id: [values...]}} for the multi-valued columns of
    *table*, read exactly from their one-value-per-row tables."""
    result = {}
    cache = {}
    for column, (source_table, key, value) in LIST_COLUMNS.get(table, {}).items():
        if source_table not in cache:
            cache[source_table] = export_csv(landscape, source_table)
        rows = _reader(cache[source_table])
        header = next(rows)
        key_index, value_index = header.index(key), header.index(value)
        mapping = {}
        for row in rows:
            mapping.setdefault(row[key_index], []).append(row[value_index])
        result[column] = mapping
    return result


def to_records(landscape, kind):
    """The rows of one table of *landscape* as a list of dicts.

    *kind* is one of :data:`KINDS` (``"organisation"``, ``"member"``,
    ``"membership"``, ``"funding-source"``, ``"contract"``, ``"share"``,
    ``"programme"``, ``"envelope"``, ``"designation"``, ``"merger"``,
    ``"initiative"``) or one of the tables of multi-valued
    fields (``"location"``, ``"focus-area"``, ``"label"``,
    ``"predecessor"``, ``"participant"``, ``"source"``).  Rows come in
    document order; the keys are the XML attribute and element names, in
    the order of the CSV export (``klynge export``):

    * a value that is not set is ``None``;
    * a date is a :class:`datetime.date`, the first day it stands for, and
      ``<key>_precision`` right after it says how much of it is known:
      ``"year"``, ``"month"`` or ``"day"`` (``None`` when not set), so
      ``founded="2014"`` gives ``founded=date(2014, 1, 1)``,
      ``founded_precision="year"``; :func:`klynge.format_date` turns the
      pair back into the text;
    * money (``amount`` of a contract or an envelope) is a
      :class:`decimal.Decimal` in kroner with two decimals, exact to the
      øre, and ``None`` for a contract whose amount is not known (never
      0); ``percent`` is a :class:`decimal.Decimal`
      with two decimals;
    * a stated count (``participants-count`` of an initiative) is an
      :class:`int`, ``None`` when none is stated;
    * multi-valued fields (``cities``, ``focus-areas``, ``predecessors``,
      ``participants``, ``sources``) are lists of strings, exact, in
      document order;
    * everything else (ids, enumeration nicks, names, CVR numbers, the
      ``kind`` of a ``participant`` row: ``"organisation"`` or
      ``"member"``) is a string.

    Raises :class:`klynge.Error` (code ``BAD_ENUM``) for an unknown kind.
    """
    rows = _reader(export_csv(landscape, kind))
    header = next(rows)
    dates = set(DATE_COLUMNS.get(kind, ()))
    decimals = set(DECIMAL_COLUMNS.get(kind, ()))
    integers = set(INTEGER_COLUMNS.get(kind, ()))
    lists = list_values(landscape, kind)
    id_index = header.index("id") if "id" in header else None

    plan = []
    for index, column in enumerate(header):
        if column in dates:
            plan.append((index, column, "date"))
        elif column in decimals:
            plan.append((index, column, "decimal"))
        elif column in integers:
            plan.append((index, column, "integer"))
        elif column in lists:
            plan.append((index, column, "list"))
        else:
            plan.append((index, column, "text"))

    Decimal = decimal.Decimal
    records = []
    for row in rows:
        record = {}
        for index, column, how in plan:
            text = row[index]
            if how == "text":
                record[column] = text if text != "" else None
            elif how == "date":
                record[column], record[column + PRECISION_SUFFIX] = parse_date(text)
            elif how == "decimal":
                record[column] = Decimal(text) if text != "" else None
            elif how == "integer":
                record[column] = int(text) if text != "" else None
            else:
                record[column] = list(lists[column].get(row[id_index], ()))
        records.append(record)
    return records
