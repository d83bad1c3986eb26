# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_records(): a landscape's tables as lists of dicts.

Both to_records() and to_dataframe() read the library's CSV export
(klynge_landscape_export_csv_bytes(), the table format of docs/format.md),
so they agree with each other and with ``klynge export``, and stay fast on
millions of rows.
"""

import csv
import datetime
import decimal
import functools
import io

from ._errors import raises_klynge_error
from ._gi import Klynge
from ._tables import column_type, split_list

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


@functools.lru_cache(maxsize=65536)
def _day(text):
    return datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


def to_records(landscape, kind):
    """The rows of one table of *landscape* as a list of dicts.

    *kind* is one of :data:`TABLES`: the record tables :data:`KINDS`
    (``"organisation"``, ``"member"``, ``"membership"``,
    ``"funding-source"``, ``"contract"``, ``"share"``, ``"programme"``,
    ``"envelope"``, ``"designation"``, ``"merger"``, ``"initiative"``), the
    tables of multi-valued fields (``"location"``, ``"focus-area"``,
    ``"label"``, ``"predecessor"``, ``"participant"``, ``"source"``) or
    ``"identifier"``.  Rows come in document order; the keys are the
    columns of the table format (``klynge export --format csv``), valid
    Python identifiers (``name_en``, ``known_until``), in its order, the
    same as :func:`klynge.to_dataframe`'s columns:

    * a value that is not set is ``None``;
    * a date is a :class:`datetime.date`, the first day it stands for, and
      ``<key>_precision`` right after it says how much of it is known:
      ``"year"``, ``"month"`` or ``"day"`` (``None`` when not set), so
      ``founded="2014"`` gives ``founded=date(2014, 1, 1)``,
      ``founded_precision="year"``; :func:`klynge.format_date` turns the
      pair back into the text;
    * money (``amount_ore`` of a contract or an envelope) is an :class:`int`
      of øre (1 krone = 100 øre), exact, and ``None`` for a contract whose
      amount is not known (never 0); ``percent`` is a
      :class:`decimal.Decimal` with two decimals;
    * a stated count (``participants_count`` of an initiative) is an
      :class:`int`, ``None`` when none is stated;
    * multi-valued fields (``cities``, ``focus_areas``, ``predecessors``,
      ``participants``, ``sources``) are lists of strings, exact, in
      document order (empty when there are none);
    * enumerations are their nicks (``"cluster"``); a member's ``size``
      that is not known and a membership's ``end`` that states no reason
      are ``None``;
    * everything else (ids, names, CVR numbers) is a string.

    Raises :class:`klynge.Error` (code ``BAD_ENUM``) for an unknown kind.
    """
    rows = _reader(export_csv(landscape, kind))
    header = next(rows)
    Decimal = decimal.Decimal

    def convert(column):
        what = column_type(kind, column)
        if what == "date":
            return lambda text: _day(text) if text else None
        if what == "integer":
            return lambda text: int(text) if text else None
        if what == "number":
            return lambda text: Decimal(text) if text else None
        if what == "list":
            return split_list
        return lambda text: text if text != "" else None

    plan = [(column, convert(column)) for column in header]
    return [{column: how(text) for (column, how), text in zip(plan, row)} for row in rows]
