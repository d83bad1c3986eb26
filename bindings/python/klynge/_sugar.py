# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pythonic sugar on the introspected classes (applied on ``import klynge``).

This is the helper package's equivalent of a ``gi/overrides`` module: it
sets attributes on the classes of ``gi.repository.Klynge`` in place, so
that the sugar is there whether the user then writes ``Klynge.Landscape``
or uses the helper functions.  (A ``gi.overrides`` module would have to be
installed into PyGObject's own package directory, which a ``--prefix``
install cannot do cleanly.)  It uses only public interfaces: which
functions can fail comes from the typelib through ``GIRepository``, and
everything it adds is a plain attribute of a Klynge class, so no other
class (``GObject.Object``, ``Gio.Cancellable``, ...) changes.  What it adds:

* every introspected function or method that can fail raises
  :class:`klynge.Error` (a :class:`GLib.Error` subclass) instead of a bare
  :class:`GLib.Error`; ``Klynge.Landscape.load_file()`` and ``load_bytes()``
  give it the file, line and column of the failure, which the library
  reports as a :class:`Klynge.Problem`;
* :class:`Klynge.Landscape`: ``len()``, iteration over every record in
  document order, ``id in landscape``, ``landscape[id]`` (``KeyError``
  when absent), and the generators ``organisations()``, ``members()``,
  ``memberships()``, ``funding_sources()``, ``contracts()``,
  ``programmes()``, ``mergers()`` and ``initiatives()``;
* records: a readable ``repr()``; equality and hashing by kind and id
  (identity of the record, not equality of content), defined once on
  :class:`Klynge.Record`;
* values (:class:`Klynge.Date`, :class:`Klynge.Period`,
  :class:`Klynge.Membership`, :class:`Klynge.Share`, ...): ``str()``,
  ``repr()`` and equality by value; ``Klynge.Date.to_date()`` and
  ``Klynge.Period`` ``in``.
"""

import datetime

import gi

gi.require_version("GIRepository", "2.0")

from gi.repository import GIRepository  # noqa: E402

from ._errors import Error, raises_klynge_error  # noqa: E402
from ._gi import GLib, Klynge  # noqa: E402

__all__ = ["load_file", "load_bytes", "designations"]

_PRECISION_NAMES = {1: "year", 2: "month", 3: "day"}

_NAMESPACE = "Klynge"


# --- failures as klynge.Error ----------------------------------------------

class _RaisingKlyngeError:
    """Descriptor around an introspected method, constructor or static
    function of a class that turns a ``KLYNGE_ERROR`` :class:`GLib.Error`
    into :class:`klynge.Error`.  *flags* are the callable's
    ``GIRepository.FunctionInfoFlags``: they say what it is bound to."""

    def __init__(self, function, flags):
        self.function = function
        self.flags = flags
        self.__doc__ = getattr(function, "__doc__", None)

    def __get__(self, obj, cls=None):
        function = self.function
        if self.flags & GIRepository.FunctionInfoFlags.IS_CONSTRUCTOR:
            # constructors take the class first, which allows subclasses
            owner = cls if cls is not None else type(obj)

            def bound(*args, **kwargs):
                return function(owner, *args, **kwargs)
        elif self.flags & GIRepository.FunctionInfoFlags.IS_METHOD and obj is not None:
            def bound(*args, **kwargs):
                return function(obj, *args, **kwargs)
        else:
            bound = function
        return raises_klynge_error(bound)


_METHODS = {
    GIRepository.InfoType.OBJECT: (GIRepository.object_info_get_n_methods,
                                   GIRepository.object_info_get_method),
    GIRepository.InfoType.INTERFACE: (GIRepository.interface_info_get_n_methods,
                                      GIRepository.interface_info_get_method),
    GIRepository.InfoType.STRUCT: (GIRepository.struct_info_get_n_methods,
                                   GIRepository.struct_info_get_method),
    GIRepository.InfoType.BOXED: (GIRepository.struct_info_get_n_methods,
                                  GIRepository.struct_info_get_method),
    GIRepository.InfoType.UNION: (GIRepository.union_info_get_n_methods,
                                  GIRepository.union_info_get_method),
    GIRepository.InfoType.ENUM: (GIRepository.enum_info_get_n_methods,
                                 GIRepository.enum_info_get_method),
    GIRepository.InfoType.FLAGS: (GIRepository.enum_info_get_n_methods,
                                  GIRepository.enum_info_get_method),
}


def _failing_callables():
    """(owner, name, flags) of every function of the typelib that takes a
    ``GError **``: *owner* is ``Klynge`` for a function of the namespace,
    else the class whose method or constructor it is."""
    repository = GIRepository.Repository.get_default()
    for i in range(repository.get_n_infos(_NAMESPACE)):
        info = repository.get_info(_NAMESPACE, i)
        kind = info.get_type()
        if kind == GIRepository.InfoType.FUNCTION:
            if GIRepository.callable_info_can_throw_gerror(info):
                yield Klynge, info.get_name(), 0
            continue
        if kind not in _METHODS:
            continue
        count, method = _METHODS[kind]
        owner = getattr(Klynge, info.get_name(), None)
        if not isinstance(owner, type):
            continue
        for j in range(count(info)):
            function = method(info, j)
            if GIRepository.callable_info_can_throw_gerror(function):
                yield owner, function.get_name(), GIRepository.function_info_get_flags(function)


def _raise_klynge_errors():
    for owner, name, flags in _failing_callables():
        if owner is Klynge:
            function = getattr(Klynge, name, None)
            if function is not None:
                setattr(Klynge, name, raises_klynge_error(function))
            continue
        if owner is Klynge.Landscape and name in _LOCATED:
            continue
        # the introspected callable is in the dict of the class that
        # declares it, never inherited: subclasses reach the wrapper
        function = vars(owner).get(name)
        if function is not None:
            setattr(owner, name, _RaisingKlyngeError(function, flags))


def load_file(path, options=None):
    """:meth:`Klynge.Landscape.load_file`, failing with a :class:`klynge.Error`
    whose location is the library's :class:`Klynge.Problem`."""
    landscape, problem = Klynge.Landscape.load_file_with_problem(path, options)
    if landscape is None:
        raise Error.from_problem(problem)
    return landscape


def load_bytes(bytes, name=None, options=None):
    """:meth:`Klynge.Landscape.load_bytes`, failing with a
    :class:`klynge.Error` whose location is the library's
    :class:`Klynge.Problem`."""
    landscape, problem = Klynge.Landscape.load_bytes_with_problem(bytes, name, options)
    if landscape is None:
        raise Error.from_problem(problem)
    return landscape


# Replaced below with versions that know the location of the failure;
# _raise_klynge_errors() leaves them alone.
_LOCATED = ("load_file", "load_bytes", "save_file")


def _patch_load_and_save():
    Landscape = Klynge.Landscape
    Landscape.load_file = staticmethod(load_file)
    Landscape.load_bytes = staticmethod(load_bytes)
    Landscape.save_file = raises_klynge_error(vars(Landscape)["save_file"],
                                              file_of=lambda landscape, path: path)


# --- values ---------------------------------------------------------------

def _date_precision_name(self):
    """The precision as ``"year"``, ``"month"`` or ``"day"`` (``None``
    when the date is not set)."""
    return _PRECISION_NAMES.get(int(self.get_precision()))


def _date_to_date(self):
    """The first day the date stands for, as a :class:`datetime.date`
    (``None`` when the date is not set)."""
    if not self.year:
        return None
    return datetime.date(self.year, self.month or 1, self.day or 1)


def _date_str(self):
    return self.to_string() if self.year else ""


def _date_repr(self):
    return "Klynge.Date(%r)" % _date_str(self)


def _date_key(self):
    return (self.year, self.month, self.day)


def _value_eq(key):
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return key(self) == key(other)
    return __eq__


def _value_hash(key):
    def __hash__(self):
        return hash((type(self).__name__, key(self)))
    return __hash__


def _period_key(self):
    return (_date_key(self.start), _date_key(self.end))


def _period_contains(self, date):
    if isinstance(date, datetime.date):
        date = Klynge.Date.new(date.year, date.month, date.day)
    return self.contains(date)


def _membership_key(self):
    return (self.get_organisation(), self.get_member(),
            _date_key(self.get_since()), _date_key(self.get_until()))


def _membership_repr(self):
    return "<Klynge.Membership %s in %s since %s until %s>" % (
        self.get_member(), self.get_organisation(),
        _date_str(self.get_since()) or "-", _date_str(self.get_until()) or "-")


def _location_repr(self):
    """``<Klynge.Location Aalborg, secretariat, municipality 851 Aalborg,
    region DK05 Nordjylland>``: the region and municipality as stated,
    with their names."""
    parts = [part for part in (self.get_city(), self.get_address(), self.get_role()) if part]
    municipality, region = self.get_municipality(), self.get_region()
    if municipality:
        parts.append("municipality %s %s" % (municipality, Klynge.municipality_get_name(municipality)))
    if region:
        parts.append("region %s %s" % (region, Klynge.region_get_name(region)))
    return "<Klynge.Location %s>" % ", ".join(parts)


def _patch_values():
    Date = Klynge.Date
    Date.precision_name = property(_date_precision_name)
    Date.to_date = _date_to_date
    Date.__str__ = _date_str
    Date.__repr__ = _date_repr
    Date.__eq__ = _value_eq(_date_key)
    Date.__hash__ = _value_hash(_date_key)

    Period = Klynge.Period
    Period.__str__ = lambda self: self.to_string()
    Period.__repr__ = lambda self: "Klynge.Period(%r)" % self.to_string()
    Period.__eq__ = _value_eq(_period_key)
    Period.__hash__ = _value_hash(_period_key)
    Period.__contains__ = _period_contains

    Identifier = Klynge.Identifier
    Identifier.__repr__ = _identifier_repr
    Identifier.__str__ = lambda self: "%s:%s" % (self.get_scheme().value_nick, self.get_value())
    Identifier.__eq__ = _value_eq(_identifier_key)
    Identifier.__hash__ = _value_hash(_identifier_key)

    Membership = Klynge.Membership
    Membership.__repr__ = _membership_repr
    Membership.__eq__ = _value_eq(_membership_key)
    Membership.__hash__ = _value_hash(_membership_key)

    Klynge.Share.__repr__ = lambda self: "<Klynge.Share %s %s%%>" % (
        self.get_source(), Klynge.percent_to_string(self.get_basis_points(), 2))
    Klynge.Source.__repr__ = lambda self: "<Klynge.Source %s>" % self.get_href()
    Klynge.Location.__repr__ = _location_repr
    Klynge.Label.__repr__ = lambda self: "<Klynge.Label %s %s>" % (
        self.get_level().value_nick, _date_str(self.get_awarded()))
    Klynge.Problem.__str__ = lambda self: self.to_string()
    Klynge.Problem.__repr__ = lambda self: "<Klynge.Problem %s>" % self.to_string()

    count = getattr(Klynge, "Count", None)
    if count is not None:
        # "12", "at least 12" or "not known", as the tool prints it
        count.__str__ = lambda self: self.format()
        count.__repr__ = lambda self: "<Klynge.Count %s>" % self.format()
    overlap = getattr(Klynge, "Overlap", None)
    if overlap is not None:
        overlap.__repr__ = lambda self: "<Klynge.Overlap %s & %s: %s shared of %s>" % (
            self.get_a(), self.get_b(), self.get_shared_count().format(),
            self.get_union_count().format())
    link = getattr(Klynge, "LineageLink", None)
    if link is not None:
        link.__repr__ = lambda self: "<Klynge.LineageLink %s via %s (%s, %s, %s)>" % (
            self.get_organisation(), self.get_via(), self.get_merger(),
            self.get_kind().value_nick, _date_str(self.get_effective()))
    total = getattr(Klynge, "FundingTotal", None)
    if total is not None:
        def _total_repr(self):
            keys = [("source", self.get_source()), ("holder", self.get_holder()),
                    ("year", self.get_year() or None), ("kind", self.get_kind_name()),
                    ("designation", self.get_designation_role_name())]
            shown = " ".join("%s=%s" % (k, v) for k, v in keys if v)
            return "<Klynge.FundingTotal %s%s%s øre>" % (shown, " " if shown else "",
                                                        self.get_amount())
        total.__repr__ = _total_repr

    Klynge.Envelope.__repr__ = lambda self: "<Klynge.Envelope %s %s: %s øre>" % (
        self.get_source(), self.get_period().to_string(), self.get_amount())
    Klynge.Designation.__repr__ = lambda self: "<Klynge.Designation %s as %s%s in %s, %s–%s>" % (
        self.get_organisation(), self.get_role().value_nick,
        " for " + self.get_area() if self.get_area() else "", self.get_programme() or "-",
        _date_str(self.get_start()) or "?", _date_str(self.get_end()) or "")
    Klynge.Coverage.__repr__ = lambda self: "<Klynge.Coverage %s %d: %d of %d øre (%s)>" % (
        self.get_source(), self.get_year(), self.get_recorded(), self.get_envelope(),
        self.format_ratio() or "no envelope")


# --- records --------------------------------------------------------------

def _record_title(self):
    for getter in ("get_name", "get_title"):
        method = getattr(self, getter, None)
        if method is not None:
            return method()
    return None


def _record_repr(self):
    title = _record_title(self)
    return "<Klynge.%s %r%s>" % (type(self).__name__, self.get_id(),
                                 " " + title if title else "")


def _record_key(self):
    return (self.get_kind_name(), self.get_id())


def _record_eq(self, other):
    if not isinstance(other, Klynge.Record):
        return NotImplemented
    return _record_key(self) == _record_key(other)


def _record_hash(self):
    return hash(_record_key(self))


def _patch_records():
    # on the base class only: every record kind inherits them, and no
    # class outside Klynge sees them
    Klynge.Record.__repr__ = _record_repr
    Klynge.Record.__eq__ = _record_eq
    Klynge.Record.__hash__ = _record_hash


# --- the landscape -------------------------------------------------------

def _listing(gtype_of):
    def listing(self):
        return iter(self.list(gtype_of().__gtype__))
    return listing


def _organisations(self, filter=None):
    """Iterates over the organisations in document order; *filter* is an
    optional :class:`Klynge.Filter`.  A focus area or city the landscape
    does not know raises :class:`klynge.Error` (``UNKNOWN_FILTER_VALUE``,
    listing the known ones; klynge_filter_check()) instead of giving
    nothing."""
    if filter is None:
        return iter(self.list(Klynge.Organisation.__gtype__))
    filter.check(self)
    return iter(self.list_organisations(filter))


def _memberships(self):
    """Iterates over every membership (:class:`Klynge.Membership`),
    organisation by organisation in document order."""
    for organisation in self.list(Klynge.Organisation.__gtype__):
        yield from self.list_memberships_of_organisation(organisation.get_id()) or ()


def _enum_from_nick(enum, nick):
    for value in enum.__enum_values__.values():
        if value.value_nick == nick:
            return value
    raise ValueError("%r is not a %s (one of %s)" % (
        nick, enum.__name__, ", ".join(v.value_nick for v in enum.__enum_values__.values())))


def _as_date(value):
    if isinstance(value, Klynge.Date):
        return value
    if isinstance(value, datetime.date):
        return Klynge.Date.new(value.year, value.month, value.day)
    return Klynge.Date.new_from_string(value)


def designations(landscape, on=None, role=None, programme=None, area=None,
                 organisation=None):
    """klynge.designations(): klynge_landscape_designations() with a
    :class:`Klynge.DesignationFilter` made from keywords."""
    conditions = Klynge.DesignationFilter.new()
    if role is not None:
        if isinstance(role, str):
            role = _enum_from_nick(Klynge.DesignationRole, role)
        conditions.set_role(role)
    conditions.set_programme(programme)
    conditions.set_area(area)
    conditions.set_organisation(organisation)
    if on is not None:
        conditions.set_active_on(_as_date(on))
    conditions.check(landscape)
    return list(landscape.designations(conditions))


def by_identifier(landscape, scheme, value, on=None):
    """klynge.by_identifier(): klynge_landscape_lookup_identifier() with the
    scheme given by name and the date as for designations()."""
    if isinstance(scheme, str):
        scheme = _enum_from_nick(Klynge.IdentifierScheme, scheme)
    return landscape.lookup_identifier(scheme, value, _as_date(on) if on is not None else None)


def identifiers(record):
    """klynge.identifiers(): the identifiers of an organisation or funding
    source in order; none for the kinds that carry none."""
    getter = getattr(record, "get_identifiers", None)
    return list(getter()) if getter is not None else []


def _identifier_key(self):
    return (self.get_scheme(), self.get_value(),
            _date_key(self.get_since()), _date_key(self.get_until()))


def _identifier_repr(self):
    return "<Klynge.Identifier %s:%s since %s until %s>" % (
        self.get_scheme().value_nick, self.get_value(),
        _date_str(self.get_since()) or "-", _date_str(self.get_until()) or "-")


def areas(scheme=None):
    """klynge.areas(): the areas (:class:`Klynge.Area`) of *scheme*, or of
    every scheme klynge ships, in the vocabulary's order."""
    schemes = [scheme] if scheme is not None else Klynge.list_area_schemes()
    return [area for name in schemes for area in Klynge.list_areas(name)]


def _landscape_len(self):
    return self.count(Klynge.Record.__gtype__)


def _landscape_iter(self):
    return iter(self.list(Klynge.Record.__gtype__))


def _landscape_getitem(self, id):
    record = self.lookup(id) if isinstance(id, str) else None
    if record is None:
        raise KeyError(id)
    return record


def _landscape_contains(self, id):
    return isinstance(id, str) and self.contains(id)


def _landscape_repr(self):
    parts = []
    for name, cls in (("organisations", Klynge.Organisation), ("members", Klynge.Member),
                      ("contracts", Klynge.Contract), ("mergers", Klynge.Merger),
                      ("initiatives", Klynge.Initiative)):
        parts.append("%d %s" % (self.count(cls.__gtype__), name))
    parts.append("%d memberships" % self.count_memberships())
    return "<Klynge.Landscape: %s>" % ", ".join(parts)


def _patch_landscape():
    Landscape = Klynge.Landscape
    Landscape.__len__ = _landscape_len
    Landscape.__iter__ = _landscape_iter
    Landscape.__getitem__ = _landscape_getitem
    Landscape.__contains__ = _landscape_contains
    Landscape.__repr__ = _landscape_repr
    Landscape.__str__ = _landscape_repr
    Landscape.organisations = _organisations
    Landscape.members = _listing(lambda: Klynge.Member)
    Landscape.members.__doc__ = "Iterates over the members in document order."
    Landscape.funding_sources = _listing(lambda: Klynge.FundingSource)
    Landscape.funding_sources.__doc__ = "Iterates over the funding sources in document order."
    Landscape.contracts = _listing(lambda: Klynge.Contract)
    Landscape.contracts.__doc__ = "Iterates over the contracts in document order."
    Landscape.programmes = _listing(lambda: Klynge.Programme)
    Landscape.programmes.__doc__ = "Iterates over the programmes in document order."
    Landscape.mergers = _listing(lambda: Klynge.Merger)
    Landscape.mergers.__doc__ = "Iterates over the mergers in document order."
    Landscape.initiatives = _listing(lambda: Klynge.Initiative)
    Landscape.initiatives.__doc__ = "Iterates over the initiatives in document order."
    Landscape.memberships = _memberships
    Landscape.by_identifier = by_identifier


def install():
    """Applies the sugar; idempotent."""
    if getattr(Klynge, "_klynge_sugar_installed", False):
        return
    _patch_load_and_save()
    _raise_klynge_errors()
    _patch_values()
    _patch_records()
    _patch_landscape()
    Klynge._klynge_sugar_installed = True
