# SPDX-License-Identifier: LGPL-2.1-or-later
"""klynge: the Danish cluster landscape, for analysts.

A small helper package over the klynge C library, which Python reaches
through GObject Introspection (``from gi.repository import Klynge``; this
package imports it for you as ``klynge.Klynge``).

Loading
    ``klynge.default()``
        the built-in Danish landscape (a new, independent copy each call)
    ``klynge.load(path)``
        a landscape from an XML file
    ``klynge.loads(data, name="<bytes>")``
        a landscape from XML in memory
    ``klynge.save(landscape, path)``
        writes it back (atomically)

Records
    ``klynge.organisations(landscape)``, ``members``, ``memberships``,
    ``funding_sources``, ``contracts``, ``programmes``, ``mergers``,
    ``initiatives``
        iterate over the records (:class:`Klynge.Organisation`, ...) in
        document order; the same generators are methods of the landscape
        (``landscape.organisations()``)
    ``klynge.designations(landscape, on=..., role=..., programme=..., ...)``
        the programmes' designations (:class:`Klynge.Designation`) in the
        landscape's order, kept by the conditions given: "which were the
        national clusters on 2021-06-01?"
    ``klynge.areas(scheme=None)``, ``klynge.area_schemes()``
        the vocabulary of business and technology areas (:class:`Klynge.Area`:
        scheme, id, Danish and English label, kind, source); a filter's focus
        area, city or designation area that the landscape does not know
        raises ``UNKNOWN_FILTER_VALUE`` (``Klynge.Filter.check``)
    ``landscape[id]``, ``id in landscape``, ``len(landscape)``, ``iter(landscape)``
        lookup by id, and every record in document order
    ``klynge.by_identifier(landscape, "lei", "5493001KJTIIGC8Y1R12", on=...)``
        the organisation or funding source with that identifier in an
        outside register (format version 2), valid on the date if one is
        given; ``klynge.identifiers(record)`` lists a record's identifiers

Tables
    ``klynge.to_records(landscape, kind)``
        a list of dicts, one per row; dates as :class:`datetime.date` with a
        ``<key>_precision`` of ``"year"``, ``"month"`` or ``"day"``; money as
        whole øre (``amount_ore``, an :class:`int`)
    ``klynge.to_dataframe(landscape, kind)``, ``klynge.to_dataframes(landscape)``
        the same as pandas DataFrames (``Int64`` øre, categorical
        enumerations, ``datetime64`` dates, pandas NA for missing values)
    ``klynge.from_dataframes({"organisation": frame, ...})``
        the inverse: a landscape from such tables (or lists of dicts)
    ``klynge.to_excel(landscape, path)``, ``klynge.read_excel(path)``
        a spreadsheet with one sheet per table, and back
    ``klynge.funding_frame(landscape, by="source", period=None)``,
    ``klynge.due_diligence(...)`` (``report.to_dict()``, ``report.to_frames()``),
    ``klynge.lineage_frame(landscape, id)``
        the library's reports as DataFrames and dicts

    *kind* is one of :data:`klynge.TABLES`: ``"organisation"``,
    ``"member"``, ``"membership"``, ``"funding-source"``, ``"contract"``,
    ``"share"``, ``"programme"``, ``"envelope"``, ``"designation"``,
    ``"merger"``, ``"initiative"``, or one of the tables of multi-valued
    fields (``"location"``, ``"focus-area"``, ``"label"``,
    ``"predecessor"``, ``"participant"``, ``"source"``) or
    ``"identifier"``; the keys are the table format's column names
    (``name_en``, ``known_until``: valid Python identifiers).

Notebooks
    A landscape shows as a table of its headline figures, a record as a
    table of its fields (``_repr_html_``); ``klynge.headline(landscape,
    on=None)`` gives the figures as a dict.  ``klynge.plot`` draws with
    matplotlib (imported on first use): ``funding_by_year(landscape)``,
    ``active_by_year(landscape, kinds=None, start=2000, end=None)`` and
    ``lineage(landscape, id=None)``, each returning the figure.

Errors
    Every failure is a :class:`klynge.Error` (a :class:`GLib.Error`) with the
    ``KLYNGE_ERROR`` ``code``, and ``file``, ``line`` and ``column`` where the
    library knows them.  The introspected API raises it too once ``klynge`` is
    imported.

The introspected API
    ``help(Klynge.Landscape)`` and ``help(landscape.get_status)`` show the
    library's documentation and each call's arguments; an argument that is
    a :class:`Klynge.Date` also takes a :class:`datetime.date` or a text
    (``"2021"``, ``"2021-06"``, ``"2021-06-30"``); an unset date is false;
    ``landscape.lookup(id)`` raises :class:`KeyError` for an unknown id, a
    query such as ``list_ancestors(id)`` :class:`klynge.Error`
    (``NOT_FOUND``); a record made with a bad id raises ``BAD_ID``.

Example::

    >>> import klynge
    >>> landscape = klynge.default()
    >>> ced = landscape["ced"]
    >>> ced.get_name()
    'Cluster Excellence Denmark'
    >>> rows = klynge.to_records(landscape, "contract")
    >>> rows[0]["amount_ore"], rows[0]["start"], rows[0]["start_precision"]
    (800000000, datetime.date(2019, 10, 1), 'day')

Everything else (lineage, funding totals, due diligence, applying mergers,
exports) is the C API as introspected: see ``help(klynge.Klynge.Landscape)``
and the API reference (``make docs``).  Installing, the environment and the
sugar this package adds are described in docs/python.md.
"""

import os

from ._gi import GLib, Klynge
from ._errors import DOMAIN, Error
from ._records import KINDS, TABLES, format_date, parse_date, to_records
from ._dataframe import have_pandas, to_dataframe
from . import _sugar

_sugar.install()

__all__ = [
    "Klynge", "GLib", "Error", "DOMAIN",
    "default", "load", "loads", "save", "validate",
    "organisations", "members", "memberships", "funding_sources", "contracts",
    "programmes", "mergers", "initiatives", "designations", "areas", "area_schemes",
    "by_identifier", "identifiers",
    "KINDS", "TABLES", "to_records", "to_dataframe", "have_pandas",
    "parse_date", "format_date",
    "__version__",
]

# Tables, spreadsheets and reports as DataFrames (issue 18).
from ._dataframe import from_dataframes, to_dataframes
from ._excel import read_excel, to_excel
from ._reports import (due_diligence, due_diligence_dict, due_diligence_frames, funding_frame,
                       lineage_frame)
from . import _reports

_reports.install()
__all__ += ["to_dataframes", "from_dataframes", "to_excel", "read_excel", "funding_frame",
            "due_diligence", "due_diligence_dict", "due_diligence_frames", "lineage_frame"]

# Notebooks (issue 19): HTML displays and klynge.plot (matplotlib, imported
# on first use).
from ._notebook import headline
from . import _notebook, plot

_notebook.install()
__all__ += ["headline", "plot"]

#: The version of the klynge library the package runs against.
__version__ = "%d.%d.%d" % (Klynge.MAJOR_VERSION, Klynge.MINOR_VERSION,
                            Klynge.MICRO_VERSION) \
    if hasattr(Klynge, "MAJOR_VERSION") else "unknown"


def default():
    """The built-in Danish landscape, compiled into the library from public
    sources: a new :class:`Klynge.Landscape` that the caller may change."""
    return Klynge.Landscape.new_default()


def load(path):
    """Loads a landscape from the XML file at *path* (a string or a path-like
    object).

    Raises :class:`klynge.Error` with the code, file and line of the first
    problem: the file cannot be read (``IO``), is not well-formed
    (``XML_SYNTAX``), breaks the format (``UNKNOWN_ELEMENT``,
    ``BAD_DATE``, ...) or the records contradict each other
    (``UNRESOLVED_REFERENCE``, ``DUPLICATE_ID``, ...).  The file, line
    and column are the library's data about the failure.
    """
    return _sugar.load_file(os.fspath(path))


def loads(data, name="<bytes>"):
    """Loads a landscape from XML held in memory (``bytes`` or ``str``);
    *name* stands for the file name in error messages."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return _sugar.load_bytes(GLib.Bytes.new(data), name)


def save(landscape, path):
    """Saves *landscape* as XML to *path*: a temporary file renamed into
    place, so a failure never leaves a truncated file.  Raises
    :class:`klynge.Error` whose ``file`` is *path*."""
    Klynge.Landscape.save_file(landscape, os.fspath(path))


def validate(landscape):
    """Every problem validation finds in *landscape*, as a list of
    :class:`Klynge.Problem` (empty when it is valid).  Turn one into an
    exception with :meth:`klynge.Error.from_problem`."""
    return list(landscape.validate())


def organisations(landscape, filter=None):
    """Iterates over the organisations of *landscape* in document order;
    *filter*, a :class:`Klynge.Filter`, keeps only those it matches."""
    return landscape.organisations(filter)


def members(landscape):
    """Iterates over the members (:class:`Klynge.Member`) of *landscape*."""
    return landscape.members()


def memberships(landscape):
    """Iterates over every :class:`Klynge.Membership` of *landscape*,
    organisation by organisation.  For millions of them prefer
    ``to_records(landscape, "membership")`` or ``to_dataframe``."""
    return landscape.memberships()


def funding_sources(landscape):
    """Iterates over the funding sources of *landscape*."""
    return landscape.funding_sources()


def contracts(landscape):
    """Iterates over the contracts of *landscape*."""
    return landscape.contracts()


def programmes(landscape):
    """Iterates over the programmes (:class:`Klynge.Programme`) of
    *landscape* in document order."""
    return landscape.programmes()


def designations(landscape, on=None, role=None, programme=None, area=None,
                 organisation=None):
    """The designations (:class:`Klynge.Designation`) of every programme of
    *landscape*, programmes in document order and each programme's
    designations in its order, as a list.  Each condition given must hold:

    *on*
        a :class:`datetime.date`, a ``"YYYY[-MM[-DD]]"`` text or a
        :class:`Klynge.Date`: designations certainly in force on every day
        it stands for (a partial start or end is uncertain, so a designation
        from ``2021`` is in force for certain only from 31 December 2021);
    *role*
        a :class:`Klynge.DesignationRole` or its name, such as
        ``"national-cluster"``;
    *programme*, *organisation*
        ids;
    *area*
        the area as the source words it, compared exactly.

    For example ``klynge.designations(landscape, on="2021-06-01",
    role="national-cluster")``.  An unknown *role* name raises
    :class:`ValueError`.
    """
    return _sugar.designations(landscape, on=on, role=role, programme=programme, area=area,
                               organisation=organisation)


def by_identifier(landscape, scheme, value, on=None):
    """The organisation or funding source of *landscape* that carries the
    identifier *value* in the register *scheme*, or ``None``.

    *scheme*
        a :class:`Klynge.IdentifierScheme` or its name: ``"cvr"``,
        ``"p-number"``, ``"lei"``, ``"wikidata"``, ``"eccp"``, ``"org-id"``
        or ``"other"``; an organisation's ``cvr`` attribute counts as a
        ``"cvr"`` identifier valid at any time;
    *on*
        a :class:`datetime.date`, a ``"YYYY[-MM[-DD]]"`` text or a
        :class:`Klynge.Date`: only an identifier certainly valid on every
        day it stands for counts; ``None`` (the default) for any time.

    For example ``klynge.by_identifier(landscape, "cvr", "13748136",
    on="2021-06-01")``.  An unknown *scheme* name raises
    :class:`ValueError`.
    """
    return _sugar.by_identifier(landscape, scheme, value, on=on)


def identifiers(record):
    """The identifiers (:class:`Klynge.Identifier`) of *record* in outside
    registers, in its order: those of an organisation or funding source,
    an empty list for the other kinds.  An organisation's ``cvr``
    attribute is not among them (``record.get_cvr()``)."""
    return _sugar.identifiers(record)


def mergers(landscape):
    """Iterates over the mergers (consolidation events) of *landscape*."""
    return landscape.mergers()


def initiatives(landscape):
    """Iterates over the initiatives of the support body in *landscape*."""
    return landscape.initiatives()


def areas(scheme=None):
    """The areas (:class:`Klynge.Area`) of *scheme* (such as
    ``"klyngeprogram-2021"``), or of every scheme klynge ships, in the
    vocabulary's order.  Each has ``get_label()`` (Danish),
    ``get_label_en()`` (``is_label_en_translated()`` when it is klynge's own
    translation), ``get_kind()`` and ``get_source()``."""
    return _sugar.areas(scheme)


def area_schemes():
    """The ids of the schemes of areas klynge knows, ``"other"`` (free
    text) last."""
    return list(Klynge.list_area_schemes())
