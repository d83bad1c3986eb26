#!/usr/bin/env python3
"""Writes docs/report.png: the top of the built-in landscape's report as
headless Chromium shows it at a viewport of WIDTH x HEIGHT CSS pixels, with
networking off and the same checks as the browser test (no console
message, no request).  Run by `make docs-screenshot`."""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import cdp  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tool", default=os.environ.get("KLYNGE_TOOL", "tools/klynge"))
    parser.add_argument("--output", required=True, help="where the PNG goes (docs/report.png)")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1280)  # the headline and the first chart
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="klynge-report-") as work:
        report = pathlib.Path(work) / "report.html"
        subprocess.run([args.tool, "report", "--output", str(report)], check=True, timeout=120)
        with cdp.Browser() as browser:
            if browser.isolation_note:
                print(f"screenshot-docs: {browser.isolation_note}", file=sys.stderr)
            page = browser.open(report, width=args.width, height=args.height)
            problems = page.problems() + [f"request: {url}" for url in page.requests() if url != page.url]
            if problems:
                sys.exit("screenshot-docs: the report did not load cleanly:\n  " + "\n  ".join(problems))
            png = page.screenshot(args.output, full_page=False)
    print(f"{args.output}: {args.width}x{args.height}, {len(png)} bytes")


if __name__ == "__main__":
    main()
