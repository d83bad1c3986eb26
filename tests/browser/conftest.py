"""Fixtures of the browser tests: one headless Chromium per module, the
klynge tool and generator of the build tree, where screenshots go."""

import os
import pathlib
import sys
import warnings

import pytest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cdp  # noqa: E402

SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR", HERE.parents[1]))
BUILDDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_BUILDDIR", SRCDIR))
TOOL = os.environ.get("KLYNGE_TOOL", str(BUILDDIR / "tools" / "klynge"))
GENERATOR = os.environ.get("KLYNGE_GENERATE", str(BUILDDIR / "bench" / "klynge-generate"))
# CI keeps these as artefacts (see make check-browser).
SCREENSHOTS = BUILDDIR / "tests" / "browser" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium, networking off; its absence fails the test, since
    these tests run only when asked for (make check-browser)."""
    if cdp.find_chromium() is None:
        pytest.fail("chromium is not installed: the browser tests need it "
                    "(Debian: apt-get install --no-install-recommends chromium)", pytrace=False)
    with cdp.Browser() as chromium:
        if chromium.isolation_note:
            warnings.warn(chromium.isolation_note)
        yield chromium


@pytest.fixture
def browser_data():
    """The path of a page under tests/browser/data."""
    return lambda name: SRCDIR / "tests" / "browser" / "data" / name
