"""Tests of `klynge list --region/--municipality` and of how `klynge show`
prints a location's region and municipality."""

import pytest

LANDSCAPE = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <organisations>
    <organisation id="north" kind="cluster">
      <name>Klynge Nord</name>
      <location city="Aalborg" role="secretariat" municipality="851"/>
    </organisation>
    <organisation id="capital" kind="cluster">
      <name>Klynge Hovedstad</name>
      <location city="København" region="DK01" municipality="101"/>
      <location city="Aalborg" region="DK05"/>
    </organisation>
    <organisation id="south" kind="innovation-network">
      <name>Netværk Syd</name>
      <location city="Odense" region="DK03"/>
    </organisation>
    <organisation id="unplaced" kind="cluster">
      <name>Klynge Uden Sted</name>
      <location city="Aalborg"/>
    </organisation>
  </organisations>
</landscape>
"""


@pytest.fixture
def placed(tmp_path):
    path = tmp_path / "placed.xml"
    path.write_text(LANDSCAPE, encoding="utf-8")
    return path


def _ids(result):
    assert result.status == 0, result
    return [line.split()[0] for line in result.stdout.splitlines() if line]


@pytest.mark.parametrize("options, expected", [
    (["--region", "DK05"], ["north", "capital"]),      # north by its municipality's region
    (["--region", "DK01"], ["capital"]),
    (["--region", "DK02"], []),
    (["--municipality", "851"], ["north"]),
    (["--region", "DK05", "--municipality", "851"], ["north"]),
    (["--region", "DK03", "--municipality", "851"], []),
    (["--region", "DK03", "--kind", "innovation-network"], ["south"]),
])
def test_list_filters_by_region_and_municipality(klynge, placed, options, expected):
    assert _ids(klynge("list", "--landscape", placed, *options)) == expected


@pytest.mark.parametrize("options, named", [
    (["--region", "DK06"], "DK01 Hovedstaden, DK02 Sjælland, DK03 Syddanmark, DK04 Midtjylland, "
                           "DK05 Nordjylland"),
    (["--region", "Nordjylland"], "DK05 Nordjylland"),
    (["--municipality", "0851"], "101, 147, 151"),
    (["--municipality", "411"], "851, 860"),
    (["--designated", "--region", "DK05"], "do not go with --designated"),
])
def test_list_unknown_region_or_municipality_is_a_usage_error_naming_the_known_ones(klynge, placed,
                                                                                    options, named):
    result = klynge("list", "--landscape", placed, *options)
    assert result.status == 2, result
    assert result.stderr.startswith("klynge list: ")
    assert named in result.stderr
    assert result.stdout == ""


def test_list_help_names_the_regions(klynge):
    result = klynge("list", "--help")
    assert result.status == 0, result
    assert "--region" in result.stdout and "--municipality" in result.stdout
    assert "DK05 Nordjylland" in result.stdout


def _locations(result):
    """The lines of the location field: the first labelled, the rest indented."""
    assert result.status == 0, result
    out, inside = [], False
    for line in result.stdout.splitlines():
        if line.startswith("location"):
            inside = True
        elif not line.startswith(" "):
            inside = False
        if inside:
            out.append(line[len("location"):].strip() if line.startswith("location") else line.strip())
    return out


def test_show_prints_the_region_and_municipality_with_their_names(klynge, placed):
    assert _locations(klynge("show", "north", "--landscape", placed)) == [
        "Aalborg (secretariat); municipality 851 Aalborg, region DK05 Nordjylland",
    ]
    assert _locations(klynge("show", "capital", "--landscape", placed)) == [
        "København; municipality 101 København, region DK01 Hovedstaden",
        "Aalborg; region DK05 Nordjylland",
    ]
    assert _locations(klynge("show", "unplaced", "--landscape", placed)) == ["Aalborg"]
