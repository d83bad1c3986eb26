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
