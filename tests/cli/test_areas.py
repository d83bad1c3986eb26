"""Tests of areas in `klynge list`: the vocabulary (--areas), and --focus,
--city and --area matching as users type, with unknown values refused."""

import pytest

USAGE = 2


def _ids(result):
    assert result.status == 0, result
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("options, found", [
    (["--focus", "energi"], "ecd"),
    (["--focus", "energy"], "ecd"),
    (["--focus", "ENERGITEKNOLOGI"], "ecd"),
    (["--focus", "Energy technology"], "ecd"),
    (["--city", "aalborg"], "ecd"),
    (["--city", "AALBORG", "--focus", "energy"], "ecd"),
])
def test_list_matches_as_users_type(klynge, options, found):
    assert found in _ids(klynge("list", *options))


def test_focus_energy_finds_energy_cluster_denmark_by_name(klynge):
    result = klynge("list", "--focus", "energy")
    assert "Energy Cluster Denmark" in result.stdout


def test_city_in_lower_case_finds_the_same_as_in_its_own_case(klynge):
    assert _ids(klynge("list", "--city", "aalborg")) == _ids(klynge("list", "--city", "Aalborg"))


@pytest.mark.parametrize("options, listed", [
    (["--focus", "quantum"], ["Energiteknologi", "Energy technology", "Defence, space and security"]),
    (["--city", "Paris"], ["Aalborg", "Odense"]),
    (["--focus", "energy", "--city", "Paris"], ["Aalborg"]),
    (["--designated", "--area", "quantum"], ["Energiteknologi", "Tourism"]),
])
def test_unknown_value_is_a_usage_error_listing_the_known_values(klynge, options, listed):
    result = klynge("list", *options)
    assert result.status == USAGE, result
    assert result.stdout == ""
    for value in listed:
        assert value in result.stderr, (value, result)


def test_areas_prints_the_vocabulary_with_kinds_and_both_labels(klynge):
    result = klynge("list", "--areas")
    assert result.status == 0, result
    lines = result.stdout.splitlines()
    energy = next(line for line in lines if " energiteknologi " in line)
    assert energy.split()[0] == "klyngeprogram-2021"
    assert "not-stated" in energy
    assert "Energiteknologi" in energy and "Energy technology *" in energy
    defence = next(line for line in lines if " forsvar-rumfart-sikkerhed " in line)
    assert "emerging" in defence
    assert defence.endswith("Defence, space and security")      # a source's wording: no mark
    tourism = next(line for line in lines if " turisme " in line)
    assert "stronghold" in tourism
    assert "own translation" in result.stdout


def test_areas_takes_no_filters(klynge):
    result = klynge("list", "--areas", "--focus", "energy")
    assert result.status == USAGE, result


def test_list_help_describes_matching_and_areas(klynge):
    result = klynge("list", "--help")
    assert "--areas" in result.stdout
    assert "as you type" in result.stdout


def test_focus_area_in_a_scheme_loads_and_is_found_by_either_label(klynge, tmp_path):
    path = tmp_path / "areas.xml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <organisations>
    <organisation id="a" kind="cluster"><name>Alfa</name>
      <focus-area scheme="klyngeprogram-2021">Lydteknologi</focus-area>
    </organisation>
    <organisation id="b" kind="cluster"><name>Bravo</name>
      <focus-area>Brint</focus-area>
    </organisation>
  </organisations>
</landscape>
""", encoding="utf-8")
    assert _ids(klynge("list", "--focus", "sound", "--landscape", path)) == ["a"]
    assert _ids(klynge("list", "--focus", "lyd", "--landscape", path)) == ["a"]
    assert _ids(klynge("list", "--focus", "brint", "--landscape", path)) == ["b"]


def test_focus_area_with_an_unknown_label_is_refused_at_its_line(klynge, tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <organisations>
    <organisation id="a" kind="cluster"><name>Alfa</name>
      <focus-area scheme="klyngeprogram-2021">Lyd</focus-area>
    </organisation>
  </organisations>
</landscape>
""", encoding="utf-8")
    result = klynge("validate", path)
    assert result.status != 0
    assert f"{path}:5:" in result.stdout + result.stderr
