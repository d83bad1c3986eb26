# SPDX-License-Identifier: LGPL-2.1-or-later
"""The regions and municipalities of Denmark, and placed locations, through
Python."""

import pytest

PLACED = b"""<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <organisations>
    <organisation id="north" kind="cluster">
      <name>Klynge Nord</name>
      <location city="Aalborg" role="secretariat" region="DK05" municipality="851"/>
      <location city="Odense" municipality="461"/>
    </organisation>
  </organisations>
</landscape>
"""


def test_the_lists_have_the_five_regions_and_98_municipalities(Klynge):
    assert Klynge.list_regions() == ["DK01", "DK02", "DK03", "DK04", "DK05"]
    municipalities = Klynge.list_municipalities()
    assert len(municipalities) == 98
    by_region = {}
    for code in municipalities:
        by_region.setdefault(Klynge.municipality_get_region(code), []).append(code)
    assert {region: len(codes) for region, codes in by_region.items()} == {
        "DK01": 29, "DK02": 17, "DK03": 22, "DK04": 19, "DK05": 11}


def test_names_of_known_codes_and_none_for_unknown_ones(Klynge):
    assert Klynge.region_get_name("DK05") == "Nordjylland"
    assert Klynge.municipality_get_name("101") == "København"
    assert Klynge.municipality_get_region("147") == "DK01"
    assert Klynge.region_get_name("DK06") is None
    assert Klynge.municipality_get_name("0851") is None
    assert not Klynge.municipality_is_known("411")


@pytest.mark.parametrize("region, municipality, code", [
    ("DK06", None, "UNKNOWN_REGION"),
    (None, "411", "UNKNOWN_MUNICIPALITY"),
    ("DK01", "851", "REGION_MISMATCH"),
])
def test_a_location_refuses_unknown_or_disagreeing_codes(klynge, Klynge, region, municipality, code):
    with pytest.raises(klynge.Error) as caught:
        Klynge.Location.new_full("Aalborg", None, None, region, municipality)
    assert caught.value.code == getattr(klynge.Error, code)


def test_a_location_shows_its_region_and_municipality(klynge):
    landscape = klynge.loads(PLACED)
    aalborg, odense = landscape["north"].get_locations()
    assert (aalborg.get_region(), aalborg.get_municipality()) == ("DK05", "851")
    assert repr(aalborg) == ("<Klynge.Location Aalborg, secretariat, municipality 851 Aalborg, "
                             "region DK05 Nordjylland>")
    assert repr(odense) == "<Klynge.Location Odense, municipality 461 Odense>"
    assert odense.get_region() is None and odense.get_effective_region() == "DK03"


def test_the_location_table_has_region_and_municipality_columns(klynge):
    rows = klynge.to_records(klynge.loads(PLACED), "location")
    assert [(row["city"], row["region"], row["municipality"]) for row in rows] == [
        ("Aalborg", "DK05", "851"), ("Odense", None, "461")]
