"""The README shows what the tool really prints."""

import re


def test_readme_shows_the_real_summary_of_the_built_in_landscape(klynge, srcdir):
    readme = (srcdir / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- summary-begin -->\n```text\n(.*?)```\n<!-- summary-end -->", readme, re.S)
    assert shown, "README.md has no summary block"
    result = klynge("summary")
    assert result.status == 0, result
    assert result.stdout == shown.group(1), "README.md shows an outdated summary: paste `klynge summary`"


def test_readme_quick_start_ends_with_the_summary(srcdir):
    readme = (srcdir / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- quickstart-begin -->\n```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("./tools/klynge summary")
    assert "make" in commands[1] and "check" in commands[1]
