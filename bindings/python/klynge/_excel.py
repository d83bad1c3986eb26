# SPDX-License-Identifier: LGPL-2.1-or-later
"""to_excel() and read_excel(): a landscape as a spreadsheet, one sheet per
table, through openpyxl (Debian: python3-openpyxl)."""

import datetime
import decimal
import os

from ._dataframe import from_dataframes, need_pandas, to_dataframe
from ._records import TABLES
from ._tables import column_type, join_list

__all__ = ["to_excel", "read_excel"]

# A text cell starting with one of these is a formula to a spreadsheet
# once someone edits it, and openpyxl itself writes a str starting with
# "=" as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@")

# How each type of column is written: date cells, numbers, lists joined
# as in the table format; percents as numbers; everything else text.
_KINDS = {"date": "date", "integer": "integer", "list": "list", "number": "number"}

# Rows a sheet holds below its header row (Excel's and LibreOffice's
# 1 048 576 in all).
_MAX_ROWS = 1048575

# Whole numbers a spreadsheet holds exactly (its numbers are doubles).
_EXACT_INTEGER = 2 ** 53


def _openpyxl(what):
    try:
        import openpyxl
    except ImportError:
        raise ImportError("klynge.%s needs openpyxl (Debian: apt-get install "
                          "python3-openpyxl)" % what) from None
    return openpyxl


def _is_missing(value):
    import pandas
    return not isinstance(value, (list, tuple)) and bool(pandas.isna(value))


def to_excel(landscape, path):
    """Writes *landscape* to the spreadsheet *path* (``.xlsx``): one sheet
    per table of :data:`klynge.TABLES`, named after the table, with the
    columns of :func:`klynge.to_dataframe` in a header row.

    Dates are date cells (``yyyy-mm-dd``) followed by their precision;
    ``amount_ore`` and counts are whole numbers (an amount beyond 2⁵³ øre,
    which a spreadsheet cannot hold exactly, is written as text);
    lists are joined with ``|`` as in the table format; a value that is
    not set is an empty cell.  Text that a spreadsheet would run as a
    formula (starting with ``=``, ``+``, ``-`` or ``@``) is a text cell
    with a quote prefix, shown as text by Excel and LibreOffice.
    :func:`klynge.read_excel` reads the file back into the same landscape.
    A table of more rows than a sheet holds (1 048 575 below the header)
    raises :class:`ValueError` before anything is written.
    """
    need_pandas("to_excel()")
    openpyxl = _openpyxl("to_excel()")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    frames = {table: to_dataframe(landscape, table) for table in TABLES}
    for table, frame in frames.items():
        if len(frame) > _MAX_ROWS:
            raise ValueError("klynge.to_excel(): the table %s has %d rows, more than a sheet "
                             "holds (%d); write the tables as CSV instead (klynge export "
                             "--format csv --all --output DIR)" % (table, len(frame), _MAX_ROWS))
    for table, frame in frames.items():
        sheet = workbook.create_sheet(title=table)
        sheet.append(list(frame.columns))
        kinds = {name: _KINDS.get(column_type(table, name), "text") for name in frame.columns}
        columns = [(kinds[name], frame[name].astype(object).tolist()) for name in frame.columns]
        # rows counted here: openpyxl's max_row looks at every cell
        for row in range(2, len(frame) + 2):
            index = row - 2
            for number, (kind, values) in enumerate(columns, start=1):
                _write(sheet.cell(row=row, column=number), kind, values[index])
    workbook.save(os.fspath(path))


def _write(cell, kind, value):
    if _is_missing(value):
        return
    if kind == "date":
        cell.value = value.to_pydatetime().date()
        cell.number_format = "yyyy-mm-dd"
        return
    if kind == "integer":
        if abs(int(value)) < _EXACT_INTEGER:
            cell.value = int(value)
            return
        value = str(int(value))
    elif kind == "list":
        value = join_list(value)
    elif kind == "number":
        # a percent: a number cell showing the decimals it was written with
        text = str(value) if isinstance(value, decimal.Decimal) else "%.2f" % value
        cell.value = float(text)
        decimals = len(text.partition(".")[2])
        cell.number_format = "0." + "0" * decimals if decimals else "0"
        return
    elif not isinstance(value, str):
        value = str(value)
    cell.value = value
    if isinstance(value, str):
        # openpyxl makes a formula of "=..."; keep every text a text cell
        cell.data_type = "s"
        if value.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True


def _read(cell, kind):
    """A cell's value as to_dataframe / from_dataframes take it."""
    value = cell.value
    if isinstance(value, datetime.datetime):
        return value.date()
    if kind == "number" and isinstance(value, (int, float)):
        number_format = getattr(cell, "number_format", "General")
        if number_format == "General":       # typed by hand
            return decimal.Decimal(repr(value))
        # the decimals its number format shows, as to_excel() wrote them
        return decimal.Decimal("%.*f" % (len(number_format.partition(".")[2]), value))
    return value


def read_excel(path, options=None):
    """The landscape in the spreadsheet *path*, as :func:`klynge.to_excel`
    writes it: every sheet named after a table of :data:`klynge.TABLES`
    is that table (other sheets are ignored), its first row the column
    names.  Cells may be typed (date cells, numbers) or text in the table
    format (``2014-01-01``, ``800000000``).  Raises :class:`klynge.Error`
    as :func:`klynge.from_dataframes` does, naming ``table.csv``, the line
    (the row) and the column of a bad cell."""
    need_pandas("read_excel()")
    openpyxl = _openpyxl("read_excel()")
    workbook = openpyxl.load_workbook(os.fspath(path), read_only=True, data_only=False)
    frames = {}
    try:
        for sheet in workbook.worksheets:
            if sheet.title not in TABLES:
                continue
            rows = sheet.iter_rows()
            header = next(rows, None)
            if header is None:
                continue
            header = [cell.value for cell in header]
            while header and header[-1] is None:
                header = header[:-1]
            header = [str(name) for name in header]
            kinds = [_KINDS.get(column_type(sheet.title, name), "text") for name in header]
            records = []
            for row in rows:
                values = [_read(cell, kind) for cell, kind in zip(row[:len(header)], kinds)]
                if all(v is None for v in values):
                    continue
                values += [None] * (len(header) - len(values))
                records.append(dict(zip(header, values)))
            frames[sheet.title] = records if records else _empty(header)
    finally:
        workbook.close()
    return from_dataframes(frames, options)


def _empty(header):
    import pandas
    return pandas.DataFrame(columns=header)
