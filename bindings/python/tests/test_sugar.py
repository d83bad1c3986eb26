# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Pythonic sugar on the introspected classes."""

import datetime

import pytest


def test_len_counts_every_record(klynge, full, Klynge):
    assert len(full) == 4 + 2 + 2 + 2 + 1 + 2
    assert len(full) == full.count(Klynge.Record.__gtype__)


def test_iteration_yields_every_record_once(full, Klynge):
    records = list(full)
    assert len(records) == len(full)
    assert len({r.get_id() for r in records}) == len(records)
    assert all(isinstance(r, Klynge.Record) for r in records)


def test_lookup_by_subscript_and_membership_test(full):
    assert full["org-a"].get_name() == "Klynge A"
    assert "org-a" in full and "nobody" not in full and 42 not in full
    with pytest.raises(KeyError):
        full["nobody"]


def test_iteration_helpers_match_the_landscape_methods(klynge, builtin):
    for name in ("organisations", "members", "memberships", "funding_sources", "contracts",
                 "mergers", "initiatives"):
        assert list(getattr(klynge, name)(builtin)) == list(getattr(builtin, name)()), name
    assert [o.get_id() for o in klynge.organisations(builtin)][0] == "ced"


def test_organisations_take_a_filter(klynge, builtin, Klynge):
    only = Klynge.Filter.new()
    only.set_kind(Klynge.OrganisationKind.SUPPORT_BODY)
    assert [o.get_id() for o in klynge.organisations(builtin, only)] == ["ced"]


def test_memberships_iterate_organisation_by_organisation(full, Klynge):
    rows = [(m.get_organisation(), m.get_member()) for m in full.memberships()]
    assert rows == [("org-c", "m-1"), ("org-c", "m-2")]


def test_records_compare_and_hash_by_kind_and_id(klynge, full, data_path):
    other = klynge.load(data_path("valid", "full.xml"))
    assert full["org-a"] == other["org-a"]
    assert full["org-a"] != full["org-b"]
    assert len({full["org-a"], other["org-a"], full["org-b"]}) == 2


def test_record_repr_names_kind_id_and_name(full):
    assert repr(full["org-a"]) == "<Klynge.Organisation 'org-a' Klynge A>"
    assert repr(full["i-camp"]) == "<Klynge.Initiative 'i-camp' Innovationslejr>"
    assert repr(full["c-hub-2019"]) == "<Klynge.Contract 'c-hub-2019'>"


def test_landscape_repr_summarises_it(full):
    assert repr(full) == ("<Klynge.Landscape: 4 organisations, 2 members, 2 contracts, "
                          "1 mergers, 2 initiatives, 2 memberships>")


def test_dates_print_compare_and_convert(Klynge):
    may = Klynge.Date.new_from_string("2020-05")
    assert str(may) == "2020-05"
    assert repr(may) == "Klynge.Date('2020-05')"
    assert may == Klynge.Date.new(2020, 5, 0)
    assert may != Klynge.Date.new(2020, 5, 1)
    assert len({may, Klynge.Date.new(2020, 5, 0)}) == 1
    assert may.to_date() == datetime.date(2020, 5, 1)
    assert may.precision_name == "month"


def test_periods_print_compare_and_contain(Klynge):
    period = Klynge.Period.new_from_string("2019-10-01..2021-09-30")
    assert str(period) == "2019-10-01..2021-09-30"
    assert period == Klynge.Period.new_from_string("2019-10-01..2021-09-30")
    assert datetime.date(2020, 2, 29) in period
    assert datetime.date(2021, 10, 1) not in period
    assert Klynge.Date.new(2021, 9, 0) in period


def test_values_have_readable_reprs(full, Klynge):
    contract = full["c-hub-2019"]
    assert [repr(s) for s in contract.get_shares()] == ["<Klynge.Share fs-a 50.00%>",
                                                       "<Klynge.Share fs-b 50.00%>"]
    assert repr(full["org-hub"].get_locations()[0]) == "<Klynge.Location By A, Havnen 1, secretariat>"
    assert repr(contract.get_sources()[0]) == "<Klynge.Source https://example.org/c-hub-2019>"
    membership = next(full.memberships())
    assert repr(membership) == "<Klynge.Membership m-1 in org-c since 2020-07-01 until ->"
    assert membership == next(full.memberships())


def test_help_of_the_package_reads_well(klynge):
    import pydoc
    text = pydoc.render_doc(klynge, renderer=pydoc.plaintext)
    for phrase in ("klynge.default()", "klynge.load(path)", "to_records", "to_dataframe",
                   "klynge.Error", "FUNCTIONS", "load(path)", "CLASSES"):
        assert phrase in text, phrase
    for name in klynge.__all__:
        assert hasattr(klynge, name), name
    for name in ("load", "default", "to_records", "to_dataframe", "save", "loads", "validate"):
        assert getattr(klynge, name).__doc__, name


def test_equality_of_other_gobjects_is_untouched(klynge, Klynge):
    from gi.repository import Gio, GObject
    plain, other = GObject.Object(), GObject.Object()
    assert plain == plain and plain != other
    assert len({plain, other}) == 2
    first, second = Gio.Cancellable(), Gio.Cancellable()
    assert first != second and first == first
    # the sugar lives on the Klynge classes, never on a class they share
    for cls in (GObject.Object, Gio.Cancellable):
        for name in ("__eq__", "__hash__", "__repr__"):
            for base in cls.__mro__:
                if name in vars(base):
                    assert getattr(vars(base)[name], "__module__", None) != "klynge._sugar", \
                        (cls, name, base)
    assert "__eq__" in vars(Klynge.Record)
    assert "__eq__" not in vars(Klynge.Organisation)


def test_importing_klynge_leaves_other_gobjects_as_they_were(srcdir):
    # in a fresh interpreter: the slots of GObject classes before and after
    import os
    import subprocess
    import sys
    script = (
        "import gi\n"
        "from gi.repository import GObject, Gio, GLib\n"
        "def slots():\n"
        "    return [(c.__name__, n, getattr(c, n)) for c in (GObject.Object, Gio.Cancellable,\n"
        "            GLib.Bytes) for n in ('__eq__', '__ne__', '__hash__', '__repr__')]\n"
        "before = slots()\n"
        "import klynge\n"
        "assert slots() == before, [a for a, b in zip(slots(), before) if a != b]\n"
        "print('same')\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(srcdir / "bindings" / "python")] + [p for p in [env.get("PYTHONPATH")] if p])
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "same"


def test_the_package_uses_no_private_pygobject_module(srcdir):
    import re
    private = re.compile(r"\bgi\._\w+|from\s+gi\s+import\s+_\w+|\bgi\.(module|types|importer)\b")
    sources = sorted((srcdir / "bindings" / "python" / "klynge").glob("*.py"))
    assert sources
    for source in sources:
        for number, line in enumerate(source.read_text().splitlines(), 1):
            assert not private.search(line), "%s:%d: %s" % (source.name, number, line)


def test_failing_methods_of_every_kind_raise_klynge_error(klynge, Klynge, full):
    # a constructor, an instance method and a function of the namespace
    for call in (lambda: Klynge.Period.new_from_string("2020-01-01..2019-01-01"),
                 lambda: full.remove("nobody"),
                 lambda: Klynge.money_parse("x")):
        with pytest.raises(klynge.Error):
            call()
