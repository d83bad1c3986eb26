"""The tool agrees with the data (issue 17): `klynge --help`, the man page
and the README state the span of years of the built-in landscape and the
version of `klynge --version`, and no help line is cut off."""

import re
import xml.etree.ElementTree as ET

import pytest

NS = "{urn:klynge:landscape:1}"
COLUMNS = 80

# The dates that make up the span of a landscape, as `klynge summary`
# ("Dates in the data") and `klynge --help` take it: (element, attribute).
SPAN_DATES = [
    ("organisation", "founded"), ("organisation", "dissolved"), ("organisation", "known-until"),
    ("contract", "start"), ("contract", "end"),
    ("merger", "effective"),
    ("initiative", "start"), ("initiative", "end"),
    ("programme", "start"), ("programme", "end"),
    ("designation", "start"), ("designation", "end"),
]

# Words an option's description cannot end with unless it was cut off.
# ("part of", "from DATE on" end well.)
DANGLING = {"a", "an", "the", "to", "and", "or", "with", "for", "by", "as", "from", "than"}


@pytest.fixture
def span(srcdir):
    """(first year, last year) of the built-in landscape, from its source:
    a date's first and last days lie in the year it starts with."""
    root = ET.parse(srcdir / "data" / "denmark.xml").getroot()
    years = [int(node.get(attribute)[:4]) for element, attribute in SPAN_DATES
             for node in root.iter(NS + element) if node.get(attribute)]
    assert years, "the built-in landscape has no dates"
    return min(years), max(years)


@pytest.fixture
def version(klynge):
    """The version `klynge --version` prints (configure.ac's)."""
    match = re.fullmatch(r"klynge (\S+)\n", klynge("--version").stdout)
    assert match
    return match.group(1)


def helps(klynge):
    """(arguments, output) of `klynge --help` and of each command's --help,
    the commands as `klynge --help` lists them."""
    top = klynge("--help").stdout
    commands = re.search(r"^Commands:\n((?:  .*\n)+)", top, re.M).group(1)
    assert commands
    for command in [None, *(line.split()[0] for line in commands.splitlines())]:
        args = ["--help"] if command is None else [command, "--help"]
        result = klynge(*args)
        assert result.status == 0, result
        yield " ".join(args), result.stdout


def test_help_states_the_span_of_years_of_the_built_in_landscape(klynge, span):
    first, last = span
    text = " ".join(klynge("--help").stdout.split())
    assert f"built-in landscape of {first}–{last} " in text
    summary = klynge("summary").stdout
    assert re.search(rf"^Dates in the data: {first}-\S+ to {last}-\S+$", summary, re.M), summary


def test_man_page_states_the_span_and_the_version(srcdir, span, version):
    first, last = span
    page = (srcdir / "docs" / "klynge.1").read_text(encoding="utf-8")
    assert re.search(rf'^\.TH KLYNGE 1 "[^"]*" "klynge {re.escape(version)}"', page, re.M), \
        f"docs/klynge.1's .TH line does not name klynge {version}"
    text = " ".join(page.split())
    assert f"built-in landscape of {first}\\(en{last} " in text, \
        f"docs/klynge.1 does not say the built-in landscape is of {first}–{last}"
    assert not re.search(r"built-in landscape of (c\.\\& )?\d{4}\\\(en\d{4}", text.replace(
        f"built-in landscape of {first}\\(en{last}", "")), "docs/klynge.1 states another span too"


def test_readme_states_the_span_and_the_version(srcdir, span, version):
    first, last = span
    text = " ".join((srcdir / "README.md").read_text(encoding="utf-8").split())
    assert f"landscape of {first}–{last} " in text, \
        f"README.md does not say the built-in landscape is of {first}–{last}"
    assert f"This README describes klynge {version}." in text
    years = set(re.findall(r"landscape of (\d{4})–(\d{4})", text))
    assert years == {(str(first), str(last))}, years


def test_no_help_line_is_wider_than_a_terminal(klynge):
    wide = [f"klynge {args}: {line!r} ({len(line)})"
            for args, text in helps(klynge) for line in text.splitlines() if len(line) > COLUMNS]
    assert not wide, "\n".join(wide)


def paragraphs(text):
    return [block.splitlines() for block in re.split(r"\n\s*\n", text.strip("\n")) if block.strip()]


def entries(block):
    """The entries of an "Options:" or "Commands:" list, each with its
    continuation lines joined: (name, description)."""
    joined = []
    for line in block:
        if line.startswith("  ") and not line.startswith("   "):
            joined.append(line.strip())
        elif joined:
            joined[-1] += " " + line.strip()
    return [tuple(re.split(r"\s{2,}", entry, maxsplit=1)) for entry in joined]


def test_every_help_paragraph_ends_its_sentence(klynge):
    """Prose paragraphs (not usage, lists or examples) end with
    punctuation; an option's or a command's description does not end in a
    word that needs another after it."""
    cut = []
    for args, text in helps(klynge):
        for block in paragraphs(text):
            head = block[0]
            if head in ("Options:", "Commands:"):
                for name, *description in entries(block[1:]):
                    last = description[0].split()[-1] if description else ""
                    if not description or last.lower() in DANGLING or last.endswith("'s"):
                        cut.append(f"klynge {args}: {name}: {' '.join(description)!r}")
            elif head.endswith(":") and all(line.startswith(" ") for line in block[1:]):
                continue   # "Usage:", "Examples:" and the like
            elif head.startswith(" ") or block[-1].startswith(" ") or (len(block) == 1 and head[0].islower()):
                continue   # an example or a list; a command's one-line summary
            elif not re.search(r"[.:!?]$|\.\)$", block[-1]):
                cut.append(f"klynge {args}: paragraph ending {block[-1]!r}")
    assert not cut, "\n".join(cut)


def test_a_wrapped_option_description_reads_on_under_its_column(klynge):
    lines = klynge("list", "--help").stdout.splitlines()
    active = next(i for i, line in enumerate(lines) if "--active-on=DATE" in line)
    column = lines[active].index("Only")
    assert lines[active + 1][:column].strip() == ""
    assert lines[active + 1][column] != " "
    joined = " ".join(line.strip() for line in lines[active:active + 3])
    assert "YYYY-MM or YYYY-MM-DD); those not known to be follow apart" in joined
