# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pythonic sugar on the introspected classes (applied on ``import klynge``).

This is the helper package's equivalent of a ``gi/overrides`` module: it
sets attributes on the classes of ``gi.repository.Klynge`` in place, so
that the sugar is there whether the user then writes ``Klynge.Landscape``
or uses the helper functions.  (A ``gi.overrides`` module would have to be
installed into PyGObject's own package directory, which a ``--prefix``
install cannot do cleanly.)  It uses only public interfaces: what each
function takes and whether it can fail comes from the typelib through
``GIRepository``, its documentation from the GIR (``_docs``), and
everything it adds is a plain attribute of a Klynge class, so no other
class (``GObject.Object``, ``Gio.Cancellable``, ...) changes.  What it adds:

* every introspected method, constructor and static function of a Klynge
  class is a :class:`_Callable`, which ``help()`` and
  ``inspect.signature()`` read: the library's documentation and the
  arguments by name;
* every introspected function or method that can fail raises
  :class:`klynge.Error` (a :class:`GLib.Error` subclass) instead of a bare
  :class:`GLib.Error`; ``Klynge.Landscape.load_file()`` and ``load_bytes()``
  give it the file, line and column of the failure, which the library
  reports as a :class:`Klynge.Problem`;
* an argument that is a :class:`Klynge.Date` also takes a
  :class:`datetime.date` or a ``"YYYY[-MM[-DD]]"`` text, one that is a
  :class:`Klynge.Period` a text or a ``(start, end)`` pair;
* a landscape query (``list_ancestors()``, ``lineage_to_dot()``, ...)
  about an id that names no record raises ``NOT_FOUND``, about a record
  of another kind ``WRONG_REFERENCE_KIND``, rather than answering empty;
  ``lookup()`` raises :class:`KeyError` (``get()`` gives ``None``);
* a record's constructor given an invalid id raises ``BAD_ID`` (the
  library's own check, ``klynge_id_check()``), an empty name ``BAD_VALUE``,
  rather than a GLib critical and a :class:`TypeError`;
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
  ``repr()`` and equality by value; ``Klynge.Date.to_date()``, an unset
  date false; ``Klynge.Period`` ``in``.
"""

import datetime
import inspect
import keyword
import textwrap
import types

import gi

gi.require_version("GIRepository", "2.0")

from gi.repository import GIRepository  # noqa: E402

from . import _docs  # noqa: E402
from ._errors import Error  # noqa: E402
from ._gi import GLib, Klynge  # noqa: E402

__all__ = ["load_file", "load_bytes", "designations"]

_PRECISION_NAMES = {1: "year", 2: "month", 3: "day"}

_NAMESPACE = "Klynge"


# --- the introspected callables --------------------------------------------
#
# Every method, constructor and static function of a Klynge class, and
# every function of the namespace that needs it, is replaced with a
# _Callable: a descriptor that PyGObject's documentation (``help()``) and
# ``inspect.signature()`` can read, and that mends the traps a new user
# meets in the plain introspected call (see _Plan).

_ID_KINDS = {
    # an argument of a landscape query named so is the id of a record of
    # that kind; "id" is of any kind
    "id": None,
    "organisation": "Organisation",
    "holder": "Organisation",
    "member": "Member",
    "contract": "Contract",
    "programme": "Programme",
    "source": "FundingSource",
}

# the arguments of a record's constructor that must be ids, and those that
# must be non-empty text; the library refuses anything else as a
# programmer error (a GLib critical and a NULL object)
_CONSTRUCTOR_IDS = ("id", "holder", "host", "successor")
_CONSTRUCTOR_TEXTS = ("name", "title")


class _Parameter:
    __slots__ = ("name", "type", "nullable")

    def __init__(self, name, type, nullable):
        self.name = name
        self.type = type          # "str", a Klynge type's name, or None
        self.nullable = nullable


def _parameters(info, flags):
    """The arguments the Python call takes, in order, as PyGObject reads
    the typelib: ``self`` for a method, then every argument that is not
    only an output, an array's length or a callback's destroy notify."""
    args = [GIRepository.callable_info_get_arg(info, i)
            for i in range(GIRepository.callable_info_get_n_args(info))]
    hidden, user_data = set(), set()
    for arg in args:
        hidden.add(GIRepository.arg_info_get_destroy(arg))
        hidden.add(GIRepository.type_info_get_array_length(GIRepository.arg_info_get_type(arg)))
        user_data.add(GIRepository.arg_info_get_closure(arg))
    parameters = []
    if flags & GIRepository.FunctionInfoFlags.IS_METHOD:
        parameters.append(_Parameter("self", None, False))
    for i, arg in enumerate(args):
        if i in hidden or GIRepository.arg_info_get_direction(arg) == GIRepository.Direction.OUT:
            continue
        type_info = GIRepository.arg_info_get_type(arg)
        tag = GIRepository.type_info_get_tag(type_info)
        kind = None
        if tag == GIRepository.TypeTag.UTF8:
            kind = "str"
        elif tag == GIRepository.TypeTag.INTERFACE:
            interface = GIRepository.type_info_get_interface(type_info)
            if interface.get_namespace() == _NAMESPACE:
                kind = interface.get_name()
        parameters.append(_Parameter(arg.get_name(), kind,
                                     GIRepository.arg_info_may_be_null(arg) or i in user_data))
    return parameters


def _as_period(value):
    """A :class:`Klynge.Period` from a period, its text (``"2020..2021"``,
    or one date such as ``"2021"`` for all the days it stands for) or a
    ``(start, end)`` pair of dates."""
    if isinstance(value, Klynge.Period):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        return Klynge.Period.new(_as_date(value[0]), _as_date(value[1]))
    if isinstance(value, str) and ".." not in value:
        date = _as_date(value)
        return Klynge.Period.new(date, date)
    return Klynge.Period.new_from_string(value)


# (_as_date is defined below, with the other helpers of dates)
_CONVERTERS = {"Date": lambda value: _as_date(value), "Period": _as_period}


class _Plan:
    """What a _Callable does around the introspected call: which arguments
    it converts, which ids it checks, whether it raises klynge.Error."""

    __slots__ = ("parameters", "converters", "id_checks", "record_checks", "throws")

    def __init__(self, info, flags, owner, name):
        self.parameters = _parameters(info, flags)
        self.throws = GIRepository.callable_info_can_throw_gerror(info)
        self.converters = [(i, p.name, _CONVERTERS[p.type])
                           for i, p in enumerate(self.parameters) if p.type in _CONVERTERS]
        self.id_checks = []
        self.record_checks = []
        owner_name = getattr(owner, "__name__", None)
        if (owner_name in ("Landscape", "LandscapeView") and not self.throws
                and flags & GIRepository.FunctionInfoFlags.IS_METHOD
                and name not in ("contains", "lookup") and not name.startswith("check")):
            self.id_checks = [(i, p.name, _ID_KINDS[p.name])
                              for i, p in enumerate(self.parameters)
                              if p.type == "str" and p.name in _ID_KINDS]
        if (flags & GIRepository.FunctionInfoFlags.IS_CONSTRUCTOR and isinstance(owner, type)
                and issubclass(owner, Klynge.Record)):
            self.record_checks = [(i, p) for i, p in enumerate(self.parameters)
                                  if (p.type == "str"
                                      and p.name in _CONSTRUCTOR_IDS + _CONSTRUCTOR_TEXTS)
                                  or p.type in ("Date", "Period") or p.name == "amount"]
        elif flags & GIRepository.FunctionInfoFlags.IS_CONSTRUCTOR and not self.throws:
            # a constructor that cannot report a failure takes a date it
            # requires for granted too (Klynge.LandscapeView.new())
            self.record_checks = [(i, p) for i, p in enumerate(self.parameters)
                                  if p.type == "Date" and not p.nullable]

    @property
    def plain(self):
        return not (self.throws or self.converters or self.id_checks or self.record_checks)

    def notes(self):
        """What the package changes, for the docstring."""
        notes = []
        dates = [self.parameters[i].name for i, _, _ in self.converters
                 if self.parameters[i].type == "Date"]
        periods = [self.parameters[i].name for i, _, _ in self.converters
                   if self.parameters[i].type == "Period"]
        if dates:
            notes.append("%s: a Klynge.Date, a datetime.date or a text \"YYYY\", "
                         "\"YYYY-MM\" or \"YYYY-MM-DD\"." % ", ".join(dates))
        if periods:
            notes.append("%s: a Klynge.Period, a text (\"2020..2021\", or one date for "
                         "the days it stands for) or a (start, end) pair of dates."
                         % ", ".join(periods))
        if self.id_checks:
            notes.append("An id that names no record raises klynge.Error (NOT_FOUND); "
                         "one of a record of another kind than the argument's name "
                         "says, WRONG_REFERENCE_KIND.")
        if self.record_checks:
            checks = []
            for _, parameter in self.record_checks:
                if parameter.type == "Date":
                    checks.append("%s not set: BAD_DATE" % parameter.name)
                elif parameter.type == "Period":
                    checks.append("%s not a period: BAD_PERIOD" % parameter.name)
                elif parameter.name == "amount":
                    checks.append("amount negative: BAD_MONEY")
                elif parameter.name in _CONSTRUCTOR_IDS:
                    checks.append("%s not an id: BAD_ID" % parameter.name)
                else:
                    checks.append("%s empty: BAD_VALUE" % parameter.name)
            notes.append("Raises klynge.Error, not a GLib critical, for what the "
                         "library takes for granted: %s." % "; ".join(checks))
        if self.throws:
            notes.append("Fails with klynge.Error.")
        if not notes:
            return ""
        return "Python (the klynge package):\n" + "\n".join(
            textwrap.fill(n, 72, initial_indent="    ", subsequent_indent="      ",
                          break_on_hyphens=False)
            for n in notes)


def _argument(args, kwargs, index, name):
    if index < len(args):
        return args[index]
    return kwargs.get(name)


def _set_argument(args, kwargs, index, name, value):
    if index < len(args):
        args[index] = value
    else:
        kwargs[name] = value


def _check_ids(plan, args, kwargs):
    landscape = args[0]
    if isinstance(landscape, Klynge.LandscapeView):
        landscape = landscape.get_landscape()
    for index, name, kind in plan.id_checks:
        value = _argument(args, kwargs, index, name)
        if not isinstance(value, str):
            continue  # None where allowed; PyGObject refuses the rest
        if kind is None:
            # any kind will do: no record object is needed
            if not _contains(landscape, value):
                raise Error(Klynge.Error.NOT_FOUND, "no record has the id “%s”" % value)
            continue
        record = _lookup(landscape, value)
        if record is None:
            raise Error(Klynge.Error.NOT_FOUND, "no record has the id “%s”" % value)
        if not isinstance(record, getattr(Klynge, kind)):
            wanted = _KIND_NAMES[kind]
            raise Error(Klynge.Error.WRONG_REFERENCE_KIND,
                        "“%s” is %s %s, not %s %s" % (
                            value, _article(record.get_kind_name()), record.get_kind_name(),
                            _article(wanted), wanted))


_KIND_NAMES = {"Organisation": "organisation", "Member": "member", "Contract": "contract",
               "Programme": "programme", "FundingSource": "funding-source"}


def _article(word):
    return "an" if word[:1] in "aeiou" else "a"


def _check_record_arguments(plan, args, kwargs):
    """What a record's constructor takes for granted, checked with the
    library's own rules so that a mistake is a klynge.Error with its code."""
    for index, parameter in plan.record_checks:
        name = parameter.name
        value = _argument(args, kwargs, index, name)
        if value is None:
            continue  # where allowed; PyGObject refuses the rest
        if parameter.type == "Date":
            if not value.is_set() or not value.is_valid():
                raise Error(Klynge.Error.BAD_DATE, "the %s date is not set" % name
                            if not value.is_set() else "the %s date is not valid" % name)
        elif parameter.type == "Period":
            Klynge.Period.new(value.start, value.end)   # BAD_PERIOD, BAD_DATE
        elif name == "amount":
            if isinstance(value, int) and value < 0:
                raise Error(Klynge.Error.BAD_MONEY, "the amount is negative: %d øre" % value)
        elif name in _CONSTRUCTOR_IDS:
            Klynge.id_check(value)     # BAD_ID, saying why
        elif not isinstance(value, str):
            continue
        elif value == "" or not Klynge.text_is_valid(value, -1):
            raise Error(Klynge.Error.BAD_VALUE,
                        "the %s is empty" % name if value == ""
                        else "the %s is not text that XML can hold" % name)


def _unbound(target, obj):
    return target


class _Callable:
    """An introspected function as the package presents it: the library's
    documentation and signature for ``help()``, and the conversions and
    checks of its :class:`_Plan` around the call."""

    def __init__(self, function, info, flags, owner, name, file_of=None):
        self._function = function
        self._info = info
        self._flags = flags
        self._owner = owner
        self._file_of = file_of
        self.__name__ = name
        self.__qualname__ = "%s.%s" % (getattr(owner, "__name__", _NAMESPACE), name)
        self.__module__ = "gi.repository.Klynge"
        self._plan_cache = None
        self._classes = {}
        # how __get__ binds an instance: _prepare() sets them on first use
        self._bind = None
        self._target = None

    @property
    def _plan(self):
        # made on first use: import klynge stays quick
        if self._plan_cache is None:
            self._plan_cache = _Plan(self._info, self._flags, self._owner, self.__name__)
        return self._plan_cache

    @property
    def __doc__(self):
        # PyGObject's docstring: the call with its types, and the GIR's
        # documentation (_docs)
        doc = self._function.__doc__ or ""
        notes = self._plan.notes()
        return doc + "\n\n" + notes if notes else doc

    @property
    def __signature__(self):
        parameters = self._plan.parameters
        required = len(parameters)
        while required > 0 and parameters[required - 1].nullable:
            required -= 1   # PyGObject lets trailing nullable arguments out
        return inspect.Signature([
            inspect.Parameter(p.name + ("_" if keyword.iskeyword(p.name) else ""),
                              inspect.Parameter.POSITIONAL_OR_KEYWORD,
                              default=None if i >= required else inspect.Parameter.empty)
            for i, p in enumerate(parameters)])

    def __repr__(self):
        return "<klynge function %s>" % self.__qualname__

    def _prepare(self):
        if not self._flags & GIRepository.FunctionInfoFlags.IS_METHOD:
            self._target = self
            self._bind = _unbound
        elif self._plan.plain:
            # nothing to do around the call: the introspected function
            # itself is bound, and no Python runs in the call
            self._target = self._function
            self._bind = types.MethodType
        else:
            self._target = self
            self._bind = types.MethodType
        return self._bind

    def __get__(self, obj, cls=None):
        if obj is None:
            if (cls is not None and cls is not self._owner
                    and self._flags & GIRepository.FunctionInfoFlags.IS_CONSTRUCTOR):
                # a subclass's constructor makes an object of the subclass
                bound = self._classes.get(cls)
                if bound is None:
                    bound = _Callable(self._function, self._info, self._flags, cls,
                                      self.__name__, self._file_of)
                    self._classes[cls] = bound
                return bound
            return self
        # the common case, a method of an object, kept short: it runs at
        # every call
        bind = self._bind or self._prepare()
        return bind(self._target, obj)

    def __call__(self, *args, **kwargs):
        plan = self._plan_cache or self._plan
        if plan.converters:
            args = list(args)
            for index, name, convert in plan.converters:
                value = _argument(args, kwargs, index, name)
                if value is not None:
                    _set_argument(args, kwargs, index, name, convert(value))
        if plan.id_checks:
            _check_ids(plan, args, kwargs)
        if plan.record_checks:
            _check_record_arguments(plan, args, kwargs)
        if self._flags & GIRepository.FunctionInfoFlags.IS_CONSTRUCTOR:
            call_args = (self._owner,) + tuple(args)
        else:
            call_args = args
        if not plan.throws:
            return self._function(*call_args, **kwargs)
        try:
            return self._function(*call_args, **kwargs)
        except GLib.Error as error:
            file = self._file_of(*args, **kwargs) if self._file_of is not None else None
            converted = Error.from_gerror(error, file)
            if converted is error:
                raise
            raise converted from None


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


def _callables():
    """(owner, name, info, flags) of every function of the typelib: *owner*
    is ``Klynge`` for a function of the namespace, else the class whose
    method, constructor or static function it is."""
    repository = GIRepository.Repository.get_default()
    for i in range(repository.get_n_infos(_NAMESPACE)):
        info = repository.get_info(_NAMESPACE, i)
        kind = info.get_type()
        if kind == GIRepository.InfoType.FUNCTION:
            yield Klynge, info.get_name(), info, GIRepository.function_info_get_flags(info)
            continue
        if kind not in _METHODS:
            continue
        count, method = _METHODS[kind]
        owner = getattr(Klynge, info.get_name(), None)
        if not isinstance(owner, type):
            continue
        for j in range(count(info)):
            function = method(info, j)
            yield (owner, function.get_name(), function,
                   GIRepository.function_info_get_flags(function))


def _namespace_needs_wrapping(info):
    if GIRepository.callable_info_can_throw_gerror(info):
        return True
    for i in range(GIRepository.callable_info_get_n_args(info)):
        type_info = GIRepository.arg_info_get_type(GIRepository.callable_info_get_arg(info, i))
        if GIRepository.type_info_get_tag(type_info) == GIRepository.TypeTag.INTERFACE:
            interface = GIRepository.type_info_get_interface(type_info)
            if interface.get_namespace() == _NAMESPACE and interface.get_name() in _CONVERTERS:
                return True
    return False


def _wrap_callables():
    global _lookup, _contains
    _lookup = vars(Klynge.Landscape)["lookup"]
    _contains = vars(Klynge.Landscape)["contains"]
    for owner, name, info, flags in _callables():
        if owner is Klynge:
            # a namespace function is a plain attribute of the module:
            # wrapped only when it needs it, since help(Klynge.function)
            # shows the documentation either way
            function = getattr(Klynge, name, None)
            if function is not None and _namespace_needs_wrapping(info):
                setattr(Klynge, name, _Callable(function, info, flags, Klynge, name))
            continue
        if owner is Klynge.Landscape and name in _LOCATED:
            continue
        # the introspected callable is in the dict of the class that
        # declares it, never inherited: subclasses reach the wrapper
        function = vars(owner).get(name)
        if function is None or isinstance(function, _Callable):
            continue
        file_of = (lambda landscape, path, *rest: path) if (
            owner is Klynge.Landscape and name == "save_file") else None
        setattr(owner, name, _Callable(function, info, flags, owner, name, file_of))


# the introspected Landscape.lookup() and contains(), before the sugar
_lookup = None
_contains = None


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
# _wrap_callables() leaves them alone.
_LOCATED = ("load_file", "load_bytes")


def _patch_load_and_save():
    Landscape = Klynge.Landscape
    Landscape.load_file = staticmethod(load_file)
    Landscape.load_bytes = staticmethod(load_bytes)


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
    Date.__bool__ = lambda self: bool(self.is_set())   # an unset date is falsy
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
    record = _lookup(self, id) if isinstance(id, str) else None
    if record is None:
        raise KeyError(id)
    return record


def _landscape_lookup(self, id):
    """The record whose id is *id*; raises :class:`KeyError` when no
    record has it, as ``landscape[id]`` does (``landscape.get(id)`` gives
    ``None`` instead)."""
    record = _lookup(self, id)
    if record is None:
        raise KeyError(id)
    return record


def _landscape_get(self, id, default=None):
    """The record whose id is *id*, or *default* when no record has it
    (as :meth:`dict.get`)."""
    record = _lookup(self, id) if isinstance(id, str) else None
    return default if record is None else record


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
    Landscape.lookup = _landscape_lookup
    Landscape.get = _landscape_get
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
    _wrap_callables()
    # after _wrap_callables(), which made every class: PyGObject asks a
    # struct's constructor for its docstring as it makes the class, and the
    # GIR is to be read only when help() needs it
    _docs.install()
    _patch_values()
    _patch_records()
    _patch_landscape()
    Klynge._klynge_sugar_installed = True
