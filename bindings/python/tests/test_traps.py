# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python without traps: what a new user meets in the introspected API.

help() shows the library's documentation and each call's arguments; a date
argument takes a datetime.date or an ISO text; an unset date is false; an
id that names nothing raises instead of giving an empty answer; a record
made with a bad id raises klynge.Error with the code; get_kind_name() says
what it returns.
"""

import datetime
import inspect
import os
import pydoc
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

CORE = "{http://www.gtk.org/introspection/core/1.0}"
C = "{http://www.gtk.org/introspection/c/1.0}"


def _help(thing):
    return pydoc.render_doc(thing, renderer=pydoc.plaintext)


@pytest.fixture(scope="session")
def gir(builddir):
    """The GIR the build wrote, read here independently of the package."""
    path = builddir / "Klynge-1.0.gir"
    if not path.is_file():
        pytest.skip("no Klynge-1.0.gir in the build tree")
    return ElementTree.parse(str(path)).getroot()


def _gir_doc(gir, symbol):
    for element in gir.iter():
        if element.get(C + "identifier") == symbol:
            return element.find(CORE + "doc").text
    raise AssertionError("%s is not in the GIR" % symbol)


def _plain_line(text):
    """The longest run of gtk-doc text on one line with no markup (which
    help() shows as is)."""
    fragments = [fragment.strip() for line in text.splitlines()
                 for fragment in re.split(r"\S*[%#@`()]\S*", line)]
    longest = max(fragments, key=len)
    assert len(longest.split()) >= 3, text
    return longest


# --- help() --------------------------------------------------------------------------

@pytest.mark.parametrize("cls, method, symbol, arguments", [
    ("Landscape", "list_ancestors", "klynge_landscape_list_ancestors", ["self", "id"]),
    ("Landscape", "get_status", "klynge_landscape_get_status", ["self", "id", "date"]),
    ("Landscape", "apply_merger", "klynge_landscape_apply_merger", ["self", "merger"]),
    ("Organisation", "new", "klynge_organisation_new", ["id", "kind", "name"]),
    ("Date", "compare", "klynge_date_compare", ["self", "b"]),
    ("Period", "contains", "klynge_period_contains", ["self", "date"]),
])
def test_help_on_a_class_shows_each_methods_documentation_and_arguments(
        Klynge, gir, cls, method, symbol, arguments):
    text = _help(getattr(Klynge, cls))
    assert _plain_line(_gir_doc(gir, symbol)) in text
    assert "%s(%s" % (method, ", ".join(arguments)) in text
    assert [p for p in inspect.signature(getattr(getattr(Klynge, cls), method)).parameters] \
        == arguments


def test_a_methods_docstring_names_its_parameters_and_return_value(Klynge):
    doc = Klynge.Landscape.list_ancestors.__doc__
    assert "Parameters:\n    id: " in doc
    assert "Returns:" in doc
    # gtk-doc markup reads as Python: %NULL as None, @id as id
    assert "None when id is not an organisation" in doc
    assert "%NULL" not in doc and "@id" not in doc


def test_c_names_in_the_documentation_read_as_python_names(Klynge):
    doc = Klynge.Landscape.remove.__doc__
    assert "Klynge.Landscape.list_referrers()" in doc
    assert "Klynge.Error.NOT_FOUND" in doc
    assert "klynge_landscape_list_referrers" not in doc


def test_the_class_docstring_is_the_librarys(Klynge, gir):
    landscape = next(e for e in gir.iter(CORE + "class") if e.get("name") == "Landscape")
    assert _plain_line(landscape.find(CORE + "doc").text) in Klynge.Landscape.__doc__


def test_trailing_nullable_arguments_are_optional_in_the_signature(Klynge):
    signature = inspect.signature(Klynge.Landscape.add_membership)
    assert [(p.name, p.default) for p in signature.parameters.values()] == [
        ("self", inspect.Parameter.empty), ("organisation", inspect.Parameter.empty),
        ("member", inspect.Parameter.empty), ("since", None), ("until", None)]


def test_a_bound_method_keeps_its_documentation(builtin):
    assert "Every organisation that went into id" in builtin.list_ancestors.__doc__
    assert "Every organisation that went into id" in builtin.list_descendants.__doc__.replace(
        "that id went into", "that went into id")


def test_the_docstring_says_what_the_package_adds(Klynge):
    assert "datetime.date" in Klynge.Landscape.get_status.__doc__
    assert "NOT_FOUND" in Klynge.Landscape.list_ancestors.__doc__
    assert "BAD_ID" in Klynge.Organisation.new.__doc__


def test_every_introspected_call_has_a_signature_and_the_librarys_documentation(Klynge, gir):
    documented = {e.get(C + "identifier") for e in gir.iter()
                  if e.get(C + "identifier") and e.find(CORE + "doc") is not None}
    gi = pytest.importorskip("gi")
    gi.require_version("GIRepository", "2.0")
    from gi.repository import GIRepository
    seen = checked = 0
    for name in dir(Klynge):
        cls = getattr(Klynge, name)
        if not isinstance(cls, type) or not hasattr(cls, "__info__"):
            continue
        for attribute, value in vars(cls).items():
            if not hasattr(value, "__signature__") or not hasattr(value, "_info"):
                continue
            seen += 1
            inspect.signature(value)
            if GIRepository.function_info_get_symbol(value._info) in documented:
                checked += 1
                # more than PyGObject's signature line and the package's notes
                library = value.__doc__.split("\n\nPython (the klynge package)")[0]
                assert len(library.splitlines()) >= 3, "%s.%s" % (name, attribute)
    assert seen > 100 and checked > 100


def test_a_namespace_function_is_documented_too(Klynge):
    assert "Parameters:" in Klynge.list_areas.__doc__


def _python(code, env):
    return subprocess.run([sys.executable, "-c", code], env=env, check=True,
                          capture_output=True, text=True).stdout


def test_import_does_not_read_the_gir(klynge):
    out = _python("import klynge, klynge._docs as d; print(d._gir.cache_info().currsize); "
                  "klynge.Klynge.Landscape.lookup.__doc__; "
                  "d.describe('klynge_landscape_lookup'); print(d._gir.cache_info().currsize)",
                  dict(os.environ))
    assert out.split() == ["0", "1"]


@pytest.mark.parametrize("layout", ["prefix", "xdg"])
def test_the_gir_is_found_where_make_install_puts_it(klynge, builddir, tmp_path, layout):
    # $prefix/lib/girepository-1.0 and $prefix/share/gir-1.0, as installed;
    # or a GIR only on the XDG data directories
    typelibdir = tmp_path / "lib" / "girepository-1.0"
    typelibdir.mkdir(parents=True)
    shutil.copy(builddir / "Klynge-1.0.typelib", typelibdir)
    datadir = tmp_path / ("share" if layout == "prefix" else "xdg")
    (datadir / "gir-1.0").mkdir(parents=True)
    shutil.copy(builddir / "Klynge-1.0.gir", datadir / "gir-1.0")
    env = dict(os.environ, GI_TYPELIB_PATH=str(typelibdir), XDG_DATA_HOME="/nonexistent",
               XDG_DATA_DIRS=str(datadir) if layout == "xdg" else "/nonexistent")
    out = _python("import klynge, klynge._docs as d; print(d.gir_path()); "
                  "print('Parameters:' in klynge.Klynge.Landscape.list_ancestors.__doc__)", env)
    assert out.split() == [str(datadir / "gir-1.0" / "Klynge-1.0.gir"), "True"]


def test_without_a_gir_help_still_shows_the_signature(klynge, builddir, tmp_path):
    shutil.copy(builddir / "Klynge-1.0.typelib", tmp_path)
    env = dict(os.environ, GI_TYPELIB_PATH=str(tmp_path), XDG_DATA_DIRS="/nonexistent",
               XDG_DATA_HOME="/nonexistent")
    out = _python("import klynge, klynge._docs as d; print(d.gir_path()); "
                  "print(klynge.Klynge.Landscape.list_ancestors.__doc__.splitlines()[0])", env)
    assert out.splitlines() == ["None", "list_ancestors(self, id:str) -> list or None"]


# --- dates ---------------------------------------------------------------------------

def _same_dates(Klynge, text):
    """A Klynge.Date, a datetime.date (for a full date) and the text."""
    date = Klynge.Date.new_from_string(text)
    forms = [date, text]
    if date.precision_name == "day":
        forms.append(date.to_date())
    return date, forms


@pytest.mark.parametrize("text", ["2019", "2020-07", "2020-06-30", "2020-07-01", "2023-01-01"])
def test_get_status_takes_a_date_in_any_form(builtin, Klynge, text):
    date, forms = _same_dates(Klynge, text)
    expected = builtin.get_status("house-of-energy", date)
    for form in forms:
        assert builtin.get_status("house-of-energy", form) == expected, form
        assert builtin.get_status(id="house-of-energy", date=form) == expected, form


@pytest.mark.parametrize("text", ["2014", "2021-06", "2021-06-30"])
def test_views_and_queries_take_a_date_in_any_form(builtin, Klynge, text):
    date, forms = _same_dates(Klynge, text)
    count = Klynge.LandscapeView.new(builtin, date).count_organisations()
    active = [c.get_id() for c in builtin.contracts_active_on(date)]
    resolved = builtin.resolve_on("house-of-energy", date)
    for form in forms:
        assert Klynge.LandscapeView.new(builtin, form).count_organisations() == count
        assert [c.get_id() for c in builtin.contracts_active_on(form)] == active
        assert builtin.resolve_on("house-of-energy", form) == resolved
        assert builtin["ecd"].is_active_on(form) == builtin["ecd"].is_active_on(date)


def test_a_datetime_counts_as_its_day(builtin, Klynge):
    assert builtin.get_status("ecd", datetime.datetime(2021, 6, 30, 12, 0)) == \
        builtin.get_status("ecd", Klynge.Date.new(2021, 6, 30))


def test_an_optional_date_may_still_be_left_out(builtin, Klynge):
    assert builtin.list_members_of("ecd", None) == builtin.list_members_of("ecd")


def test_setters_take_a_date_in_any_form(Klynge):
    organisation = Klynge.Organisation.new("o", Klynge.OrganisationKind.CLUSTER, "O")
    organisation.set_founded("2014-05")
    assert organisation.get_founded() == Klynge.Date.new(2014, 5, 0)
    organisation.set_dissolved(datetime.date(2020, 6, 30))
    assert organisation.get_dissolved() == Klynge.Date.new(2020, 6, 30)


@pytest.mark.parametrize("form", [
    "2020..2020", "2020", ("2020-01-01", datetime.date(2020, 12, 31))])
def test_a_period_argument_takes_a_text_or_a_pair(builtin, Klynge, form):
    contract = builtin["ced-2019"]
    year = Klynge.Period.new(Klynge.Date.new(2020, 1, 1), Klynge.Date.new(2020, 12, 31))
    assert contract.amount_in_period(form) == contract.amount_in_period(year)


@pytest.mark.parametrize("text, code", [
    ("2021-13", "BAD_DATE"),
    ("21", "BAD_DATE"),
    ("yesterday", "BAD_DATE"),
    ("2021-02-30", "BAD_DATE"),
])
def test_a_bad_date_text_raises_the_date_error(klynge, builtin, text, code):
    with pytest.raises(klynge.Error) as raised:
        builtin.get_status("ecd", text)
    assert raised.value.code_name == code


def test_a_bad_period_text_raises_the_period_error(klynge, builtin):
    with pytest.raises(klynge.Error) as raised:
        builtin["ced-2019"].amount_in_period("2021..2020")
    assert raised.value.code == klynge.Error.BAD_PERIOD


def test_an_unset_date_is_false(builtin, Klynge):
    assert not Klynge.Date()
    assert Klynge.Date.new(2021, 0, 0) and Klynge.Date.new(2021, 6, 30)
    # the idiom a new user writes: dissolved or not
    dissolved = [o.get_id() for o in builtin.organisations() if o.get_dissolved()]
    assert dissolved == [o.get_id() for o in builtin.organisations()
                         if o.get_dissolved().is_set()]
    assert "house-of-energy" in dissolved and "ecd" not in dissolved


# --- unknown ids -------------------------------------------------------------------

def test_a_lookup_of_an_unknown_id_raises_key_error(builtin, Klynge):
    assert builtin.lookup("ecd").get_id() == "ecd"
    with pytest.raises(KeyError):
        builtin.lookup("nope")
    with pytest.raises(KeyError):
        builtin["nope"]
    assert builtin.get("nope") is None and builtin.get("nope", 1) == 1
    assert builtin.get("ecd") == builtin["ecd"]


@pytest.mark.parametrize("call", [
    lambda ls, K: ls.list_ancestors("nope"),
    lambda ls, K: ls.list_descendants("nope"),
    lambda ls, K: ls.lineage_to_dot("nope"),
    lambda ls, K: ls.get_status("nope", "2021"),
    lambda ls, K: ls.resolve_on("nope", "2021"),
    lambda ls, K: ls.list_members_of("nope"),
    lambda ls, K: ls.list_memberships_of_organisation("nope"),
    lambda ls, K: ls.list_memberships_of_member("nope"),
    lambda ls, K: ls.list_referrers("nope"),
    lambda ls, K: ls.programmes_of("nope"),
    lambda ls, K: ls.contract_chain("nope"),
    lambda ls, K: ls.funding_paid("nope", None, None),
    lambda ls, K: ls.funding_paid(None, "nope", None),
    lambda ls, K: K.LandscapeView.new(ls, "2021").get_status("nope"),
    lambda ls, K: K.LandscapeView.new(ls, "2021").is_active("nope"),
    lambda ls, K: K.LandscapeView.new(ls, "2021").list_members_of("nope"),
])
def test_a_query_about_an_unknown_id_raises_not_found(klynge, builtin, Klynge, call):
    with pytest.raises(klynge.Error) as raised:
        call(builtin, Klynge)
    assert raised.value.code == klynge.Error.NOT_FOUND
    assert "“nope”" in raised.value.message


@pytest.mark.parametrize("call, given", [
    (lambda ls: ls.list_members_of("ced-2019"), "contract"),
    (lambda ls: ls.list_memberships_of_member("ecd"), "organisation"),
    (lambda ls: ls.funding_paid("ecd", None, None), "organisation"),
    (lambda ls: ls.contract_chain("ecd"), "organisation"),
])
def test_a_query_about_a_record_of_another_kind_raises_wrong_kind(klynge, builtin, call, given):
    with pytest.raises(klynge.Error) as raised:
        call(builtin)
    assert raised.value.code == klynge.Error.WRONG_REFERENCE_KIND
    assert given in raised.value.message


def test_queries_about_known_ids_answer_as_before(builtin):
    assert [link.get_organisation() for link in builtin.list_ancestors("ecd")]
    assert builtin.lineage_to_dot(None).startswith("digraph")
    assert "house-of-energy" in builtin.lineage_to_dot("ecd")
    assert builtin.funding_paid(None, None, None) > 0


# --- constructors --------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda K, bad: K.Organisation.new(bad, K.OrganisationKind.CLUSTER, "A cluster"),
    lambda K, bad: K.Member.new(bad, K.MemberKind.COMPANY, "A company"),
    lambda K, bad: K.FundingSource.new(bad, K.FundingSourceKind.NATIONAL_AGENCY, "A source"),
    lambda K, bad: K.Programme.new(bad, K.ProgrammeKind.OTHER, "A programme"),
    lambda K, bad: K.Contract.new("c", bad, K.Period.new_from_string("2020..2021"), 100),
    lambda K, bad: K.Merger.new("m", K.MergerKind.MERGER, bad, K.Date.new(2020, 1, 1)),
])
@pytest.mark.parametrize("bad", ["bad id", "1st", "", "a:b"])
def test_a_record_with_an_invalid_id_raises_bad_id(klynge, Klynge, make, bad):
    # make check runs with G_DEBUG=fatal-criticals: a GLib critical, as
    # the plain introspected call gives, would end the run here
    with pytest.raises(klynge.Error) as raised:
        make(Klynge, bad)
    assert raised.value.code == klynge.Error.BAD_ID


@pytest.mark.parametrize("name", ["", "a\x01b"])
def test_a_record_with_an_empty_or_invalid_name_raises_bad_value(klynge, Klynge, name):
    with pytest.raises(klynge.Error) as raised:
        Klynge.Organisation.new("o", Klynge.OrganisationKind.CLUSTER, name)
    assert raised.value.code == klynge.Error.BAD_VALUE


@pytest.mark.parametrize("make, code", [
    (lambda K: K.Contract.new("c", "h", K.Period.new_from_string("2020..2021"), -5), "BAD_MONEY"),
    (lambda K: K.Contract.new("c", "h", K.Period(), 5), "BAD_PERIOD"),
    (lambda K: K.Merger.new("m", K.MergerKind.MERGER, "s", K.Date()), "BAD_DATE"),
    (lambda K: K.Merger.new("m", K.MergerKind.MERGER, "s", "2020-07"), None),
    (lambda K: K.Contract.new("c", "h", "2020..2021", 5), None),
    (lambda K: K.Contract.new("c", "h", ("2021", "2020"), 5), "BAD_PERIOD"),
    (lambda K: K.LandscapeView.new(K.Landscape.new(), K.Date()), "BAD_DATE"),
])
def test_a_constructor_checks_what_the_library_takes_for_granted(
        klynge, Klynge, make, code):
    if code is None:
        assert make(Klynge).get_id() in ("c", "m")
        return
    with pytest.raises(klynge.Error) as raised:
        make(Klynge)
    assert raised.value.code_name == code


def test_the_id_check_is_the_librarys(klynge, Klynge):
    assert Klynge.id_check("ecd") is True
    with pytest.raises(klynge.Error) as raised:
        Klynge.id_check("bad id")
    assert raised.value.code == klynge.Error.BAD_ID and "“bad id”" in raised.value.message


def test_valid_records_are_made_as_before(Klynge):
    organisation = Klynge.Organisation.new("o-1", Klynge.OrganisationKind.CLUSTER, "O")
    assert (organisation.get_id(), organisation.get_name()) == ("o-1", "O")
    assert type(organisation) is Klynge.Organisation


# --- get_kind_name -----------------------------------------------------------------

def test_get_kind_name_is_the_record_kind_as_the_xml_names_it(full, Klynge, data_path):
    root = ElementTree.parse(str(data_path("valid", "full.xml"))).getroot()
    elements = {child.get("id"): child.tag.split("}")[1]
                for section in root for child in section if child.get("id")}
    assert elements
    for record in full:
        assert record.get_kind_name() == elements[record.get_id()], record
    # which is not what an organisation is
    organisation = next(full.organisations())
    assert organisation.get_kind_name() == "organisation"
    assert organisation.get_kind().value_nick != "organisation"


def test_get_kind_name_says_what_it_returns(Klynge):
    doc = Klynge.Record.get_kind_name.__doc__
    assert "XML element" in doc
    assert "Klynge.Organisation.get_kind()" in doc
