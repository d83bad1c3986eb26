# SPDX-License-Identifier: LGPL-2.1-or-later
"""Loading and saving landscapes through the helper package."""

import pathlib

import pytest


def test_default_is_the_builtin_danish_landscape(klynge, builtin, Klynge):
    assert isinstance(builtin, Klynge.Landscape)
    assert builtin["ced"].get_name() == "Cluster Excellence Denmark"
    assert builtin.count(Klynge.Organisation.__gtype__) > 0
    assert not klynge.validate(builtin)


def test_default_gives_an_independent_copy_each_call(klynge, Klynge):
    first, second = klynge.default(), klynge.default()
    first.remove("ced-2021")
    assert "ced-2021" not in first
    assert "ced-2021" in second


def test_load_reads_every_kind_of_record(full, Klynge):
    assert len(list(full.organisations())) == 4
    assert len(list(full.members())) == 2
    assert len(list(full.memberships())) == 2
    assert len(list(full.funding_sources())) == 2
    assert len(list(full.contracts())) == 2
    assert len(list(full.mergers())) == 1
    assert len(list(full.initiatives())) == 2
    assert full.lookup("org-a").get_founded().to_string() == "2014-05-09"


def test_load_accepts_str_and_path_objects(klynge, data_path):
    path = data_path("valid", "full.xml")
    assert isinstance(path, pathlib.Path)
    from_path = klynge.load(path)
    from_str = klynge.load(str(path))
    assert klynge.to_records(from_path, "organisation") == klynge.to_records(from_str, "organisation")


def test_saved_landscape_loads_back_equal_in_every_table(klynge, full, tmp_path):
    target = tmp_path / "saved.xml"
    klynge.save(full, target)
    again = klynge.load(target)
    for table in klynge.TABLES:
        assert klynge.to_records(again, table) == klynge.to_records(full, table), table


def test_save_of_the_builtin_data_round_trips(klynge, builtin, tmp_path):
    target = tmp_path / "denmark.xml"
    klynge.save(builtin, target)
    again = klynge.load(target)
    assert len(again) == len(builtin)
    for kind in klynge.KINDS:
        assert klynge.to_records(again, kind) == klynge.to_records(builtin, kind), kind


def test_loads_reads_xml_from_memory_as_bytes_or_str(klynge, data_path):
    text = data_path("valid", "full.xml").read_text(encoding="utf-8")
    from_str = klynge.loads(text)
    from_bytes = klynge.loads(text.encode("utf-8"), name="full.xml")
    assert klynge.to_records(from_str, "contract") == klynge.to_records(from_bytes, "contract")


def test_loads_takes_back_what_save_bytes_gives_over_10_mb(klynge):
    # libxml2 refused ("Huge input lookup") any document over 10,000,000
    # bytes that reached it in one piece, as loads() handed it over
    n_members, n_orgs = 23000, 20
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n'
             '<landscape xmlns="urn:klynge:landscape:1" version="1">\n<members>\n']
    parts += ['<member id="m-%d" kind="company"><name>Member %d</name></member>\n' % (m, m)
              for m in range(n_members)]
    parts.append("</members>\n<organisations>\n")
    membership_lines = "".join('<membership member="m-%d" since="2020-01-%02d"/>\n' % (m, 1 + m % 28)
                               for m in range(n_members))
    for o in range(n_orgs):
        parts.append('<organisation id="org-%d" kind="cluster"><name>Org %d</name>\n' % (o, o))
        parts.append(membership_lines)
        parts.append("</organisation>\n")
    parts.append("</organisations>\n</landscape>\n")
    data = "".join(parts).encode("utf-8")
    assert len(data) > 20_000_000

    landscape = klynge.loads(data, name="huge.xml")
    assert landscape.count_memberships() == n_members * n_orgs
    saved = landscape.save_bytes().get_data()
    assert len(saved) > 10_000_000
    assert klynge.loads(saved).count_memberships() == n_members * n_orgs


def test_loads_names_the_stream_in_errors(klynge):
    with pytest.raises(klynge.Error) as caught:
        klynge.loads(b'<landscape xmlns="urn:klynge:landscape:1" version="1"><bogus/>'
                     b'</landscape>', name="inline.xml")
    assert caught.value.code == klynge.Error.UNKNOWN_ELEMENT
    assert caught.value.file == "inline.xml"
    assert caught.value.line == 1


def test_save_into_a_missing_directory_raises_an_io_error(klynge, full, tmp_path):
    with pytest.raises(klynge.Error) as caught:
        klynge.save(full, tmp_path / "no" / "such" / "dir" / "x.xml")
    assert caught.value.code == klynge.Error.IO


def test_empty_landscape_has_empty_tables(klynge, data_path):
    empty = klynge.load(data_path("valid", "empty.xml"))
    assert len(empty) == 0
    for table in klynge.TABLES:
        assert klynge.to_records(empty, table) == []
