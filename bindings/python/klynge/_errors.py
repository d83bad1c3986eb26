# SPDX-License-Identifier: LGPL-2.1-or-later
"""klynge.Error: a KLYNGE_ERROR GError as a Python exception."""

import functools
import re

from ._gi import GLib, Klynge

__all__ = ["Error", "DOMAIN"]

#: The GError domain of every klynge failure (``KLYNGE_ERROR``).
DOMAIN = "klynge-error-quark"

# "file:line:col: message" or "file:line: message" (load errors), or
# "file: message" (I/O errors)
_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<message>.*)\Z",
                      re.S)
_FILE_ONLY = re.compile(r"^(?P<file>[^:\n]+): (?P<message>.*)\Z", re.S)


def _code_enum(code):
    try:
        return Klynge.Error(code)
    except (ValueError, TypeError):
        return code


class Error(GLib.Error):
    """A failure reported by klynge, raised by every function of this package.

    A subclass of :class:`GLib.Error`, so ``except GLib.Error`` catches it
    too.  Attributes:

    ``code``
        the ``KLYNGE_ERROR`` code, a :class:`Klynge.Error` value (an ``int``):
        compare it with ``klynge.Error.BAD_DATE`` or ``Klynge.Error.BAD_DATE``
    ``code_name``
        the code's short name, such as ``"BAD_DATE"``
    ``file``
        the file (or stream name) the failure is in, or ``None``
    ``line``, ``column``
        where in the file, counted from 1, or ``None`` when not known
    ``reason``
        the message without the ``file:line:column:`` prefix
    ``message``
        the whole message, as the C library wrote it

    The class also carries every code as an attribute: ``klynge.Error.NOT_FOUND``
    is ``Klynge.Error.NOT_FOUND``.
    """

    def __init__(self, code, message, file=None, line=None, column=None, reason=None):
        code = _code_enum(code)
        GLib.Error.__init__(self, message, DOMAIN, int(code))
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason if reason is not None else message

    @property
    def code_name(self):
        """The short name of :attr:`code`, such as ``"BAD_DATE"``."""
        nick = getattr(self.code, "value_name", None)
        if nick:
            return nick.replace("KLYNGE_ERROR_", "")
        return str(int(self.code))

    @classmethod
    def from_message(cls, code, message):
        """An :class:`Error` with *code* whose file, line and column are
        parsed from *message* (``file:line:column: reason``,
        ``file:line: reason`` or ``file: reason``)."""
        match = _LOCATED.match(message)
        if match:
            column = int(match["column"]) if match["column"] else None
            return cls(code, message, match["file"], int(match["line"]), column,
                       match["message"])
        match = _FILE_ONLY.match(message)
        if match and ("/" in match["file"] or not any(c.isspace() for c in match["file"])):
            return cls(code, message, match["file"], None, None, match["message"])
        return cls(code, message)

    @classmethod
    def from_gerror(cls, error):
        """Turns a :class:`GLib.Error` of the ``KLYNGE_ERROR`` domain into an
        :class:`Error`; returns any other error unchanged."""
        if isinstance(error, Error) or getattr(error, "domain", None) != DOMAIN:
            return error
        new = cls.from_message(error.code, error.message)
        new.__cause__ = None
        return new

    @classmethod
    def from_problem(cls, problem):
        """An :class:`Error` for a :class:`Klynge.Problem` that validation
        found."""
        file = problem.get_file()
        line = problem.get_line() or None
        column = problem.get_column() or None
        reason = problem.get_message()
        return cls(problem.get_code(), problem.to_string(), file, line, column, reason)

    def __str__(self):
        return self.message

    def __repr__(self):
        return "klynge.Error(%s, %r)" % (self.code_name, self.message)

    def __reduce__(self):
        return (Error, (int(self.code), self.message, self.file, self.line,
                        self.column, self.reason))


for _value in getattr(Klynge.Error, "__enum_values__", {}).values():
    setattr(Error, _value.value_nick.replace("-", "_").upper(), _value)
del _value


def raises_klynge_error(function):
    """Decorator: a ``KLYNGE_ERROR`` :class:`GLib.Error` raised inside
    *function* leaves it as :class:`klynge.Error`."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except GLib.Error as error:
            converted = Error.from_gerror(error)
            if converted is error:
                raise
            raise converted from None

    return wrapper
