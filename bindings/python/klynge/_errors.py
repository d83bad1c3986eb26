# SPDX-License-Identifier: LGPL-2.1-or-later
"""klynge.Error: a KLYNGE_ERROR GError as a Python exception."""

import functools

from ._gi import GLib, Klynge

__all__ = ["Error", "DOMAIN"]

#: The GError domain of every klynge failure (``KLYNGE_ERROR``).
DOMAIN = "klynge-error-quark"


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
    def from_gerror(cls, error, file=None):
        """Turns a :class:`GLib.Error` of the ``KLYNGE_ERROR`` domain into an
        :class:`Error`; returns any other error unchanged.

        A :class:`GLib.Error` carries only a code and a message, so the
        location is not known (``None``) unless the caller knows *file*,
        the file the failed call was about; a ``file: `` prefix of the
        message is then left out of :attr:`reason`.  Loads report their
        location as data instead: see :meth:`from_problem`."""
        if isinstance(error, Error) or getattr(error, "domain", None) != DOMAIN:
            return error
        reason = error.message
        if file is not None and reason.startswith(file + ": "):
            reason = reason[len(file) + 2:]
        return cls(error.code, error.message, file, None, None, reason)

    @classmethod
    def from_problem(cls, problem):
        """An :class:`Error` for a :class:`Klynge.Problem`: what validation
        found, or why a load failed.  Code, file, line, column and reason
        are the problem's own data; the message is its text, the message of
        the :class:`GLib.Error` the library reports for the same failure."""
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


def raises_klynge_error(function, file_of=None):
    """Decorator: a ``KLYNGE_ERROR`` :class:`GLib.Error` raised inside
    *function* leaves it as :class:`klynge.Error`.  *file_of*, if given, is
    called with the call's arguments and names the file the call is about
    (see :meth:`Error.from_gerror`)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except GLib.Error as error:
            file = file_of(*args, **kwargs) if file_of is not None else None
            converted = Error.from_gerror(error, file)
            if converted is error:
                raise
            raise converted from None

    return wrapper
