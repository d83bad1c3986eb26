"""Shared fixtures for the tests of the klynge command-line tool."""

import os
import pathlib
import resource
import signal
import subprocess

import pytest

SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR", pathlib.Path(__file__).parents[2]))
TOOL = os.environ.get("KLYNGE_TOOL", str(SRCDIR / "tools" / "klynge"))


class Result:
    """What one run of the tool did."""

    def __init__(self, completed):
        self.status = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def __repr__(self):
        return f"<exit {self.status}\nstdout:\n{self.stdout}\nstderr:\n{self.stderr}>"


@pytest.fixture
def klynge():
    """Runs the klynge tool with the given arguments; returns a Result."""

    def run(*args, input=None):
        completed = subprocess.run(
            [TOOL, *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return Result(completed)

    return run


@pytest.fixture
def klynge_on_a_full_disk(tmp_path_factory):
    """Runs the klynge tool as on a disk that takes only @room bytes of any
    one file: RLIMIT_FSIZE with SIGXFSZ ignored makes a write past it fail
    with EFBIG, as a full disk makes it fail with ENOSPC, without root.

    In a coverage build (make coverage) the tool writes its .gcda counts
    at exit, and the limit would cut the build's shared files to @room
    bytes, losing every other test's counts for that file; GCOV_PREFIX
    sends this process's counts to a directory of its own instead (not
    under tmp_path, which the tests check for debris)."""
    gcov = tmp_path_factory.mktemp("gcov")

    def run(*args, room):
        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

        completed = subprocess.run(
            [TOOL, *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=limit,
            env={**os.environ, "GCOV_PREFIX": str(gcov)},
        )
        return Result(completed)

    return run


@pytest.fixture
def srcdir():
    return SRCDIR


@pytest.fixture
def fixture_path():
    """The path of a file under tests/data."""

    def path(*parts):
        return SRCDIR / "tests" / "data" / pathlib.Path(*parts)

    return path
