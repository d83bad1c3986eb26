"""A small driver for headless Chromium over the DevTools protocol.

Chromium is started with --remote-debugging-pipe: it reads commands from
its fd 3 and writes replies and events to its fd 4, each message JSON
ended by a NUL byte, so no websocket library is needed.  It runs in a
network namespace of its own (unshare -n) so that the page cannot reach
anything, and every request the page starts is recorded anyway
(Network.requestWillBeSent): a page that asks for something is wrong
even when the request cannot succeed.

Nothing here may hang a test run: every read has a deadline, and the
browser's whole process group is killed when it does not stop by itself.
"""

import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import signal
import subprocess
import tempfile
import time

CHROMIUM_FLAGS = [
    "--headless=new",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-crash-reporter",
    "--no-sandbox",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]

# fd 3 and fd 4 in the browser are these pipes; the shell moves them there
# from the numbers they have here (10 or more, so that neither is 3 or 4)
# and closes the originals (bash, not sh: dash takes one-digit descriptors only).
_MOVE_FDS = 'cmd=$1 reply=$2; shift 2; eval \'exec "$@" 3<&\'$cmd\' 4>&\'$reply\' \'$cmd\'<&- \'$reply\'>&-\''


def _high_pipe():
    """A pipe whose ends are numbered 10 or more."""
    ends = []
    for end in os.pipe():
        ends.append(fcntl.fcntl(end, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(end)
    return tuple(ends)


class BrowserError(Exception):
    """The browser did not do what it was asked in time, or answered with an error."""


def find_chromium():
    """The Chromium executable: $KLYNGE_CHROMIUM, else chromium on PATH, else None."""
    named = os.environ.get("KLYNGE_CHROMIUM")
    if named:
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


def network_namespace_works():
    """Whether `unshare -n` can start a process here (root, or user namespaces)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    try:
        return subprocess.run([unshare, "-n", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def problem_messages(events):
    """The console messages, log entries (CSP violations among them) and
    uncaught exceptions of level warning or error among @events, as text."""
    problems = []
    for method, params in events:
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            problems.append(f"console.{params['type']}: {text}")
        elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
            entry = params["entry"]
            problems.append(f"log {entry['level']} ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".rstrip())
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            problems.append(f"uncaught exception: {text}")
    return problems


def requests_made(events):
    """The URLs of every request the page started, in order."""
    return [params["request"]["url"] for method, params in events if method == "Network.requestWillBeSent"]


class Browser:
    """One headless Chromium, driven through its DevTools pipe.

    Use as a context manager; close() always leaves no process behind."""

    def __init__(self, executable=None, timeout=30.0, isolate_network=True):
        self.timeout = timeout
        self.executable = executable or find_chromium()
        if self.executable is None:
            raise BrowserError("chromium is not installed (Debian: apt-get install chromium)")
        self.isolated = isolate_network and network_namespace_works()
        # Why not isolated, for whoever reads the log: the request check still runs.
        self.isolation_note = None
        if isolate_network and not self.isolated:
            self.isolation_note = ("unshare -n failed (not root, no user namespaces?): "
                                   "Chromium runs with the host network; requests are still recorded and fail the check")
        self._home = pathlib.Path(tempfile.mkdtemp(prefix="klynge-chromium-"))
        self._profile = self._home / "profile"
        self._log = self._home / "stderr.log"
        self._next_id = 0
        self._buffer = b""
        self.events = []  # (method, params, sessionId) in arrival order
        self.process = None
        self._cmd_write = self._reply_read = None
        try:
            self._launch()
        except BaseException:
            self.close()
            raise

    # --- process ------------------------------------------------------------

    def _launch(self):
        cmd_read, self._cmd_write = _high_pipe()
        self._reply_read, reply_write = _high_pipe()
        argv = [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile}", "about:blank"]
        prefix = ["unshare", "-n", "--"] if self.isolated else []
        try:
            # Chromium's chatter goes to a file: a pipe nobody reads would fill and stall it.
            with open(self._log, "wb") as log:
                self.process = subprocess.Popen(
                    [*prefix, "bash", "-c", _MOVE_FDS, "bash", str(cmd_read), str(reply_write), *argv],
                    pass_fds=(cmd_read, reply_write),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, killed as one
                )
        finally:
            os.close(cmd_read)
            os.close(reply_write)
        os.set_blocking(self._reply_read, False)
        self.call("Browser.getVersion")

    def close(self):
        """Asks the browser to quit, then kills its process group if it has not
        quit within a few seconds; removes the profile.  Safe to call twice."""
        if self._home is None:
            return
        try:
            if self.process is not None and self.process.poll() is None:
                try:
                    self._send("Browser.close", {})
                except BrowserError:
                    pass
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            if self.process is not None:
                self._kill_group()
            for fd in (self._cmd_write, self._reply_read):
                if fd is not None:
                    os.close(fd)
            self.process = self._cmd_write = self._reply_read = None
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    def _kill_group(self):
        # Renderer, GPU and utility processes share the browser's group; one
        # may outlive the browser process itself, so the group is killed even
        # after a clean exit.
        pgid = self.process.pid
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)

    def output(self):
        """What the browser wrote on its standard output and error so far."""
        try:
            return self._log.read_text(errors="replace")
        except OSError:
            return ""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- messages -----------------------------------------------------------

    def _send(self, method, params, session=None):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            try:
                written = os.write(self._cmd_write, data)
            except BrokenPipeError:
                raise self._gone() from None
            data = data[written:]
        return self._next_id

    def _gone(self):
        try:
            status = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            status = None
        return BrowserError(f"the browser closed its DevTools pipe (exit status {status}); "
                            f"it said:\n{self.output()[-2000:]}")

    def _read_message(self, deadline):
        """The next message from the browser, or BrowserError at @deadline."""
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("the browser did not answer in time")
            ready, _, _ = select.select([self._reply_read], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._reply_read, 1 << 20)
            if not chunk:
                raise self._gone()
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _dispatch(self, message):
        if "method" in message:
            self.events.append((message["method"], message.get("params", {}), message.get("sessionId")))

    def call(self, method, params=None, session=None, timeout=None):
        """Sends one command and returns its result; events read meanwhile are kept."""
        command_id = self._send(method, params or {}, session)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            message = self._read_message(deadline)
            if message.get("id") == command_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')} {message['error'].get('data', '')}".rstrip())
                return message.get("result", {})
            self._dispatch(message)

    def wait_for(self, method, session=None, timeout=None, since=0):
        """Waits for the event @method (of @session), looking first at the
        events kept from index @since on; returns its params."""
        deadline = time.monotonic() + (timeout or self.timeout)
        index = since
        while True:
            for name, params, sid in self.events[index:]:
                if name == method and (session is None or sid == session):
                    return params
            index = len(self.events)
            self._dispatch(self._read_message(deadline))

    def drain(self, seconds):
        """Keeps the events that arrive within @seconds."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._dispatch(self._read_message(deadline))
        except BrowserError as error:
            if self.process.poll() is not None:
                raise error

    # --- pages --------------------------------------------------------------

    def open(self, path, width=1200, height=900):
        """Opens the local file @path in a new tab of @width x @height CSS
        pixels, with the console, log, runtime and network watched from
        before the navigation; waits for the load event.  Returns a Page."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        page.url = pathlib.Path(path).resolve().as_uri()
        page.first_event = len(self.events)
        result = page.call("Page.navigate", {"url": page.url})
        if "errorText" in result:
            raise BrowserError(f"navigating to {page.url}: {result['errorText']}")
        self.wait_for("Page.loadEventFired", session=session, since=page.first_event)
        # Late console messages (a CSP report, an image error) come just after load.
        self.drain(0.5)
        return page


class Page:
    """One tab, attached with a flat session."""

    def __init__(self, browser, target, session):
        self.browser = browser
        self.target = target
        self.session = session
        self.url = None
        self.first_event = 0

    def call(self, method, params=None, timeout=None):
        return self.browser.call(method, params, session=self.session, timeout=timeout)

    @property
    def events(self):
        return [(m, p) for m, p, s in self.browser.events[self.first_event:] if s == self.session]

    def problems(self):
        """Console errors and warnings, log entries of those levels, uncaught exceptions."""
        return problem_messages(self.events)

    def requests(self):
        return requests_made(self.events)

    def evaluate(self, expression):
        """The value of the JavaScript @expression in the page, returned by value.
        DevTools evaluation is not subject to the page's script-src."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluating {expression!r}: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def screenshot(self, path, full_page=True):
        """Writes a PNG of the page to @path: all of it, or the viewport only."""
        params = {"format": "png"}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = base64.b64decode(self.call("Page.captureScreenshot", params, timeout=120)["data"])
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(path).write_bytes(data)
        return data

    def pdf(self):
        """The page printed to PDF, as bytes."""
        return base64.b64decode(self.call("Page.printToPDF", {"printBackground": True}, timeout=120)["data"])

    def close(self):
        self.browser.call("Target.closeTarget", {"targetId": self.target})
