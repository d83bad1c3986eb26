# SPDX-License-Identifier: LGPL-2.1-or-later
"""The vocabulary of areas, areas in a scheme and filters that match as
users type, through Python."""

import pytest

KP = "klyngeprogram-2021"


def test_area_schemes_are_the_programme_then_other(klynge):
    assert klynge.area_schemes() == [KP, "other"]


def test_areas_give_both_labels_kind_and_source(klynge, Klynge):
    areas = klynge.areas(KP)
    assert areas[0].get_id() == "energiteknologi"
    assert areas[0].get_label() == "Energiteknologi"
    assert areas[0].get_label_en() == "Energy technology"
    assert areas[0].is_label_en_translated()
    assert areas[0].get_kind() == Klynge.AreaKind.NOT_STATED
    defence = next(a for a in areas if a.get_id() == "forsvar-rumfart-sikkerhed")
    assert defence.get_kind() == Klynge.AreaKind.EMERGING
    assert not defence.is_label_en_translated()
    assert defence.get_label_en_source().startswith("https://")
    assert all(a.get_source().startswith("http") for a in areas)
    assert [a.get_id() for a in klynge.areas()] == [a.get_id() for a in areas]


@pytest.mark.parametrize("label", ["Energiteknologi", "energy technology", "ENERGITEKNOLOGI"])
def test_lookup_by_either_label_in_any_case(Klynge, label):
    assert Klynge.Area.lookup(KP, label).get_id() == "energiteknologi"


def test_lookup_of_an_unknown_label_is_none(Klynge):
    assert Klynge.Area.lookup(KP, "energi") is None


@pytest.mark.parametrize("focus, city", [("energi", None), ("energy", None), (None, "aalborg")])
def test_filter_finds_energy_cluster_denmark_as_users_type(klynge, Klynge, focus, city):
    landscape = klynge.default()
    conditions = Klynge.Filter.new()
    conditions.set_focus_area(focus)
    conditions.set_city(city)
    assert "ecd" in [o.get_id() for o in klynge.organisations(landscape, conditions)]


def test_an_unknown_focus_area_raises_with_the_known_ones(klynge, Klynge):
    landscape = klynge.default()
    conditions = Klynge.Filter.new()
    conditions.set_focus_area("quantum")
    with pytest.raises(klynge.Error) as raised:
        list(klynge.organisations(landscape, conditions))
    assert raised.value.code_name == "UNKNOWN_FILTER_VALUE"
    assert "Energiteknologi" in raised.value.message
    with pytest.raises(klynge.Error):
        conditions.check(landscape)


def test_an_unknown_designation_area_raises(klynge, Klynge):
    with pytest.raises(klynge.Error) as raised:
        klynge.designations(klynge.default(), area="quantum")
    assert raised.value.code_name == "UNKNOWN_FILTER_VALUE"


def test_focus_area_in_a_scheme_round_trips(klynge, Klynge, tmp_path):
    landscape = Klynge.Landscape.new()
    organisation = Klynge.Organisation.new("a", Klynge.OrganisationKind.CLUSTER, "Alfa")
    organisation.add_focus_area_in_scheme(KP, "Sound technology")
    organisation.add_focus_area("Brint")
    landscape.add(organisation)
    path = tmp_path / "areas.xml"
    klynge.save(landscape, path)
    again = klynge.load(path)["a"]
    assert list(again.get_focus_areas()) == ["Sound technology", "Brint"]
    assert list(again.get_focus_area_schemes()) == [KP, "other"]
    assert 'version="2"' in path.read_text(encoding="utf-8")


def test_a_label_outside_the_scheme_raises(klynge, Klynge):
    organisation = Klynge.Organisation.new("a", Klynge.OrganisationKind.CLUSTER, "Alfa")
    with pytest.raises(klynge.Error) as raised:
        organisation.add_focus_area_in_scheme(KP, "Brint")
    assert raised.value.code_name == "UNKNOWN_AREA"
