# SPDX-License-Identifier: LGPL-2.1-or-later
"""Fixtures of the klynge Python tests.

make check runs them (tests/run-pytest.sh) from the build directory with
GI_TYPELIB_PATH, LD_LIBRARY_PATH and PYTHONPATH pointing at the build and
source trees.  By hand:

    cd BUILDDIR && GI_TYPELIB_PATH=$PWD LD_LIBRARY_PATH=$PWD/lib/.libs \\
      PYTHONPATH=SRCDIR/bindings/python /usr/bin/python3 -m pytest SRCDIR/bindings/python/tests
"""

import os
import pathlib

import pytest

SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR")
                      or pathlib.Path(__file__).resolve().parents[3])
BUILDDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_BUILDDIR") or os.getcwd())


def _why_not_runnable():
    if os.environ.get("KLYNGE_HAVE_INTROSPECTION") == "no":
        return "klynge was configured without GObject Introspection (no Klynge-1.0.typelib)"
    try:
        import gi
    except ImportError:
        return "this Python has no gi (Debian: python3-gi)"
    try:
        gi.require_version("Klynge", "1.0")
    except ValueError:
        return ("Klynge-1.0.typelib is not on GI_TYPELIB_PATH (%s); run the tests with "
                "make check" % os.environ.get("GI_TYPELIB_PATH", "unset"))
    return None


_REASON = _why_not_runnable()


def pytest_collection_modifyitems(config, items):
    if _REASON is None:
        return
    here = pathlib.Path(__file__).parent
    marker = pytest.mark.skip(reason=_REASON)
    for item in items:
        if here in pathlib.Path(str(item.fspath)).parents:
            item.add_marker(marker)


@pytest.fixture(scope="session")
def klynge():
    """The klynge helper package."""
    import klynge as module
    return module


@pytest.fixture(scope="session")
def Klynge(klynge):
    """gi.repository.Klynge, with the package's sugar installed."""
    return klynge.Klynge


@pytest.fixture
def landscape(klynge):
    """A fresh copy of the built-in Danish landscape (tests may change it)."""
    return klynge.default()


@pytest.fixture(scope="session")
def builtin(klynge):
    """One shared copy of the built-in landscape: do not change it."""
    return klynge.default()


@pytest.fixture(scope="session")
def data_path():
    """data_path(*parts): a path under tests/data of the source tree."""
    def data_path(*parts):
        return SRCDIR.joinpath("tests", "data", *parts)
    return data_path


@pytest.fixture
def full(klynge, data_path):
    """tests/data/valid/full.xml: every kind of record, synthetic."""
    return klynge.load(data_path("valid", "full.xml"))


@pytest.fixture(scope="session")
def pandas():
    """pandas, or a skip that says why."""
    return pytest.importorskip(
        "pandas", reason="pandas is not installed (Debian: python3-pandas); "
        "to_dataframe() needs it")


@pytest.fixture(scope="session")
def srcdir():
    return SRCDIR


@pytest.fixture(scope="session")
def builddir():
    return BUILDDIR
