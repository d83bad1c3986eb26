"""klynge show --identifier SCHEME:VALUE [--on DATE], and the identifiers
that klynge show ID lists (format version 2)."""

import pytest

LEI = "5493001KJTIIGC8Y1R12"


@pytest.fixture
def landscape(srcdir):
    return srcdir / "tests" / "data" / "valid" / "identifiers.xml"


def _lines(result):
    assert result.status == 0, result
    return result.stdout.splitlines()


def test_show_by_lei_finds_the_organisation_inside_its_validity(klynge, landscape):
    lines = _lines(klynge("show", "--identifier", f"lei:{LEI}", "--on", "2018-05-01",
                          "--landscape", landscape))
    assert lines[0].split() == ["id", "o-a"]


def test_show_by_lei_outside_its_validity_is_not_found(klynge, landscape):
    result = klynge("show", "--identifier", f"lei:{LEI}", "--on", "2020-07-01", "--landscape", landscape)
    assert result.status == 1
    assert result.stdout == ""
    assert f"no record has the identifier “lei:{LEI}” on 2020-07-01" in result.stderr


def test_show_by_cvr_counts_the_cvr_attribute(klynge, landscape):
    lines = _lines(klynge("show", "--identifier", "cvr:24256790", "--landscape", landscape))
    assert lines[0].split() == ["id", "o-a"]


def test_show_by_identifier_finds_a_funding_source(klynge, landscape):
    lines = _lines(klynge("show", "--identifier", "lei:213800KUD8LAJWSQ9D15", "--landscape", landscape))
    assert lines[0].split() == ["id", "fs-1"]


def test_show_lists_a_records_identifiers_in_order(klynge, landscape):
    lines = _lines(klynge("show", "o-a", "--landscape", landscape))
    start = next(i for i, line in enumerate(lines) if line.startswith("identifier "))
    assert [line[15:] for line in lines[start:start + 4]] == [
        "cvr 13748136, 2014-05-09–",
        "p-number 1000000000",
        f"lei {LEI}, 2015-03–2020-06-30",
        "wikidata Q42",
    ]


@pytest.mark.parametrize("args, says", [
    (["--identifier", "cvr"], "is not SCHEME:VALUE"),
    (["--identifier", "cvr:"], "is not SCHEME:VALUE"),
    (["--identifier", "duns:150483782"], "“duns” is not a scheme"),
    (["--identifier", "cvr:13748136", "o-a"], "not both"),
    (["--identifier", "cvr:13748136", "--on", "2021-13-01"], "--on"),
    (["o-a", "--on", "2021"], "--on applies only to --identifier"),
])
def test_show_refuses_a_malformed_identifier_as_a_usage_error(klynge, landscape, args, says):
    result = klynge("show", *args, "--landscape", landscape)
    assert result.status == 2, result
    assert says in result.stderr
    assert result.stdout == ""
