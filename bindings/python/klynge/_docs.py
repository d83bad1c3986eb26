# SPDX-License-Identifier: LGPL-2.1-or-later
"""The library's documentation for ``help()`` on the introspected API.

A typelib carries no documentation; the GIR (``Klynge-1.0.gir``, XML
that g-ir-scanner writes from the gtk-doc comments) does.  It is found
where the build or ``make install`` put it: next to the typelib in the
build tree, ``$(datadir)/gir-1.0`` of an install (``_paths.GIRDIR``, or
the prefix of the typelib's directory), or ``gir-1.0`` under the XDG
data directories.  It is read once, the first time a docstring is asked
for, so ``import klynge`` does not pay for it.  Without it ``help()``
shows what PyGObject shows: the call's signature.

The documentation reaches PyGObject through its public hook,
``gi.docstring.set_doc_string_generator()``: the generator installed
here answers for the ``Klynge`` namespace and hands every other one to
the generator that was there before.
"""

import functools
import os
import re
import textwrap
import xml.etree.ElementTree as ElementTree

from ._gi import GLib

__all__ = ["gir_path", "describe", "describe_type", "install"]

GIR_NAME = "Klynge-1.0.gir"
_NAMESPACE = "Klynge"
_CORE = "{http://www.gtk.org/introspection/core/1.0}"
_C = "{http://www.gtk.org/introspection/c/1.0}"

# elements of the GIR that hold callables, and those that hold types
_CALLABLES = ("function", "method", "constructor")
_TYPES = ("class", "record", "interface", "union", "enumeration", "bitfield",
          "boxed", "callback")


def _candidates():
    """The places a GIR may be, most specific first."""
    try:
        from . import _paths
        girdir = getattr(_paths, "GIRDIR", None)
    except ImportError:  # the source tree
        girdir = None
    if girdir:
        yield os.path.join(girdir, GIR_NAME)
    import gi
    gi.require_version("GIRepository", "2.0")
    from gi.repository import GIRepository
    typelib = GIRepository.Repository.get_default().get_typelib_path(_NAMESPACE)
    if typelib:
        here = os.path.dirname(os.path.abspath(typelib))
        yield os.path.join(here, GIR_NAME)              # the build tree
        # $prefix/lib/girepository-1.0 or $prefix/lib/<triplet>/girepository-1.0
        libdir = os.path.dirname(here)
        for prefix in (os.path.dirname(libdir), os.path.dirname(os.path.dirname(libdir))):
            yield os.path.join(prefix, "share", "gir-1.0", GIR_NAME)
    for datadir in [GLib.get_user_data_dir()] + list(GLib.get_system_data_dirs()):
        yield os.path.join(datadir, "gir-1.0", GIR_NAME)


@functools.lru_cache(maxsize=None)
def gir_path():
    """The path of the ``Klynge-1.0.gir`` that documents the loaded
    typelib, or ``None`` when none is installed."""
    for path in _candidates():
        if os.path.isfile(path):
            return path
    return None


class _Entry:
    """What the GIR says of one callable: its text, its parameters' and its
    return value's."""

    __slots__ = ("text", "params", "returns")

    def __init__(self, text, params, returns):
        self.text = text
        self.params = params
        self.returns = returns


def _doc_of(element):
    doc = element.find(_CORE + "doc")
    return doc.text.strip() if doc is not None and doc.text else None


class _Gir:
    """The parsed GIR: entries by C symbol and by type name, and the names
    Python gives to the C names its text uses."""

    def __init__(self, path):
        root = ElementTree.parse(path).getroot()
        self.callables = {}
        self.types = {}
        self.python_names = {}     # C symbol, type or constant -> Python name
        for namespace in root.iter(_CORE + "namespace"):
            if namespace.get("name") != _NAMESPACE:
                continue
            for element in namespace:
                self._add(element, "Klynge")

    def _add(self, element, owner):
        tag = element.tag[len(_CORE):] if element.tag.startswith(_CORE) else None
        name = element.get("name")
        if tag in _CALLABLES:
            symbol = element.get(_C + "identifier")
            if symbol:
                self.python_names[symbol] = "%s.%s" % (owner, name)
                self.callables[symbol] = self._callable(element)
        elif tag in _TYPES:
            python = "Klynge.%s" % name
            if element.get(_C + "type"):
                self.python_names[element.get(_C + "type")] = python
            self.types[name] = _doc_of(element)
            for child in element:
                if child.tag == _CORE + "member" and child.get(_C + "identifier"):
                    self.python_names[child.get(_C + "identifier")] = "%s.%s" % (
                        python, child.get("name").upper())
                else:
                    self._add(child, python)
        elif tag == "constant" and element.get(_C + "type"):
            self.python_names[element.get(_C + "type")] = "Klynge.%s" % name

    @staticmethod
    def _callable(element):
        params = []
        parameters = element.find(_CORE + "parameters")
        if parameters is not None:
            for parameter in parameters.findall(_CORE + "parameter"):
                params.append((parameter.get("name"), _doc_of(parameter)))
        returns = element.find(_CORE + "return-value")
        return _Entry(_doc_of(element), params,
                      _doc_of(returns) if returns is not None else None)


@functools.lru_cache(maxsize=None)
def _gir():
    path = gir_path()
    if path is None:
        return None
    try:
        return _Gir(path)
    except (OSError, ElementTree.ParseError):
        return None


_SPECIAL = {"NULL": "None", "TRUE": "True", "FALSE": "False"}
_REFERENCE = re.compile(r"([%#@]?)\b([A-Za-z_][A-Za-z0-9_]*)(\(\))?")


def _pythonize(text, gir):
    """gtk-doc markup as Python names: ``%NULL`` as ``None``,
    ``#KlyngeLandscape`` as ``Klynge.Landscape``,
    ``klynge_landscape_lookup()`` as ``Klynge.Landscape.lookup()``,
    ``@id`` as ``id``."""

    def replace(match):
        sigil, name, call = match.group(1), match.group(2), match.group(3) or ""
        if sigil == "%":
            return _SPECIAL.get(name) or gir.python_names.get(name, name)
        if sigil == "#":
            if name == "GError":
                return "GLib.Error"
            return gir.python_names.get(name, name) + call
        if sigil == "@":
            return name + call
        if call:
            return gir.python_names.get(name, name) + call
        return match.group(0)

    return _REFERENCE.sub(replace, text)


def _indent(text, prefix):
    text = textwrap.dedent(text)
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def _join(text):
    """A parameter's text on one line, as help() shows it after the name."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def describe(symbol):
    """The documentation of the C function *symbol* as docstring text
    (with Python names, its parameters and its return value), or ``""``
    when the GIR is not there or says nothing of it."""
    gir = _gir()
    found = gir.callables.get(symbol) if gir is not None else None
    if found is None:
        return ""
    parts = []
    if found.text:
        parts.append(_indent(_pythonize(found.text, gir), ""))
    documented = [(name, doc) for name, doc in found.params if doc]
    if documented:
        parts.append("Parameters:\n" + "\n".join(
            textwrap.fill("%s: %s" % (name, _join(_pythonize(doc, gir))), 72,
                          initial_indent="    ", subsequent_indent="      ",
                          break_on_hyphens=False)
            for name, doc in documented))
    if found.returns:
        parts.append("Returns:\n" + textwrap.fill(_join(_pythonize(found.returns, gir)), 72,
                                                  initial_indent="    ",
                                                  subsequent_indent="    ",
                                                  break_on_hyphens=False))
    return "\n\n".join(parts)


def describe_type(name):
    """The documentation of the type ``Klynge.<name>``, or ``""``."""
    gir = _gir()
    text = gir.types.get(name) if gir is not None else None
    return _indent(_pythonize(text, gir), "") if text else ""


def _generator(previous):
    def generate(info):
        text = previous(info) if previous is not None else ""
        try:
            if info.get_namespace() != _NAMESPACE:
                return text
            symbol = getattr(info, "get_symbol", None)
            if symbol is not None:                      # a function
                more = describe(symbol())
            elif hasattr(info, "get_methods"):          # a class or a struct
                more = describe_type(info.get_name())
                if more:
                    # PyGObject's text for a class is its constructors
                    return more + "\n" + (text or "")
            else:
                return text
        except Exception:  # documentation must never break a program
            return text
        if not more:
            return text
        return (text + "\n\n" + more) if text else more
    generate.klynge = True
    return generate


def install():
    """Lets PyGObject's docstrings of the ``Klynge`` namespace carry the
    GIR's documentation; idempotent."""
    try:
        import gi.docstring as docstring
        previous = docstring.get_doc_string_generator()
        set_generator = docstring.set_doc_string_generator
    except (ImportError, AttributeError):  # an older PyGObject: signatures only
        return
    if getattr(previous, "klynge", False):
        return
    set_generator(_generator(previous))
