"""The harness itself: it must see what is wrong with a page, and never hang
or leave a browser behind."""

import os
import time

import pytest

import cdp


def test_a_clean_page_loads_with_no_problem_and_no_request_but_itself(browser, browser_data):
    page = browser.open(browser_data("clean-page.html"))
    assert page.problems() == []
    assert page.requests() == [page.url]
    page.close()


def test_an_external_image_forbidden_by_the_pages_csp_is_a_request_and_a_logged_violation(browser, browser_data):
    page = browser.open(browser_data("csp-external-image.html"))
    assert "http://192.0.2.1/logo.png" in page.requests()
    assert any("Content Security Policy" in problem for problem in page.problems()), page.problems()
    page.close()


def test_an_inline_script_error_is_an_uncaught_exception(browser, browser_data):
    page = browser.open(browser_data("script-error.html"))
    assert any("figures_that_were_never_defined" in problem for problem in page.problems()), page.problems()
    page.close()


def test_devtools_evaluates_in_a_page_whose_csp_forbids_scripts(browser, browser_data):
    page = browser.open(browser_data("clean-page.html"))
    assert page.evaluate("document.getElementById('figure').textContent") == "13"
    box = page.evaluate("(() => { const r = document.querySelector('svg').getBoundingClientRect();"
                        " return [r.width, r.height]; })()")
    assert box == [400, 200]
    assert page.problems() == []
    page.close()


def test_the_network_is_off_inside_the_browser():
    if not cdp.network_namespace_works():
        pytest.skip("unshare -n does not work here (not root?); the request check alone guards the network")
    if cdp.find_chromium() is None:
        pytest.fail("chromium is not installed", pytrace=False)
    with cdp.Browser() as isolated:
        assert isolated.isolated
        # The browser's namespace has a loopback interface and nothing else.
        with open(f"/proc/{isolated.process.pid}/net/dev") as devices:
            interfaces = [line.split(":")[0].strip() for line in devices.readlines()[2:]]
        assert interfaces == ["lo"]


def test_closing_the_browser_leaves_none_of_its_processes(browser_data):
    if cdp.find_chromium() is None:
        pytest.fail("chromium is not installed", pytrace=False)
    chromium = cdp.Browser()
    chromium.open(browser_data("clean-page.html"))
    group = chromium.process.pid
    chromium.close()
    with pytest.raises(ProcessLookupError):
        os.killpg(group, 0)


def test_a_browser_that_never_answers_fails_in_time_and_is_killed(tmp_path):
    silent = tmp_path / "silent-browser"
    silent.write_text("#!/bin/sh\nexec sleep 600\n")
    silent.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(cdp.BrowserError, match="did not answer in time"):
        cdp.Browser(executable=str(silent), timeout=2)
    assert time.monotonic() - started < 30
    assert not any(b"sleep\x00600" in _cmdline(pid) for pid in _pids())


def test_a_browser_that_exits_at_once_is_an_error_not_a_hang(tmp_path):
    broken = tmp_path / "broken-browser"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    with pytest.raises(cdp.BrowserError, match="closed its DevTools pipe"):
        cdp.Browser(executable=str(broken), timeout=20)


def _pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read()
    except OSError:
        return b""
