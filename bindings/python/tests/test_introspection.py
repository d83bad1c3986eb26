# SPDX-License-Identifier: LGPL-2.1-or-later
"""The GIR is honest: lists of records come back as containers, every public
symbol is documented."""

import xml.etree.ElementTree as ET

import pytest

CORE = "{http://www.gtk.org/introspection/core/1.0}"
C = "{http://www.gtk.org/introspection/c/1.0}"
GLIB = "{http://www.gtk.org/introspection/glib/1.0}"


@pytest.fixture(scope="module")
def gir(builddir):
    path = builddir / "Klynge-1.0.gir"
    if not path.exists():
        pytest.skip("no Klynge-1.0.gir in %s (configured without introspection)" % builddir)
    return ET.parse(path).getroot()


def _callables(gir):
    for element in gir.iter():
        if element.tag in (CORE + "function", CORE + "method", CORE + "constructor"):
            yield element


def test_namespace_is_klynge_1_0_with_the_umbrella_header(gir):
    namespace = gir.find(CORE + "namespace")
    assert (namespace.get("name"), namespace.get("version")) == ("Klynge", "1.0")
    assert namespace.get("shared-library").startswith("libklynge-1.0.so")
    assert gir.find(C + "include").get("name") == "klynge/klynge.h"


def test_no_ptr_array_is_returned_with_transfer_full(gir):
    for function in _callables(gir):
        value = function.find(CORE + "return-value")
        array = value.find(CORE + "array") if value is not None else None
        if array is not None and array.get("name") == "GLib.PtrArray":
            name = function.get(C + "identifier")
            assert value.get("transfer-ownership") in ("container", "none"), name
            assert array.find(CORE + "type").get("name") != "gpointer", name


def test_every_callable_and_type_is_documented(gir):
    undocumented = []
    for element in gir.iter():
        if element.tag in (CORE + "function", CORE + "method", CORE + "constructor",
                           CORE + "class", CORE + "record", CORE + "enumeration",
                           CORE + "bitfield"):
            if element.get("introspectable") == "0" or element.get(GLIB + "is-gtype-struct-for"):
                continue
            # a getter's gtk-doc comment may be its Returns: line alone
            returns = element.find(CORE + "return-value")
            if element.find(CORE + "doc") is None and (
                    returns is None or returns.find(CORE + "doc") is None):
                undocumented.append(element.get(C + "identifier") or element.get("name"))
    assert undocumented == []


def test_the_error_domain_is_declared(gir):
    enum = [e for e in gir.iter(CORE + "enumeration") if e.get("name") == "Error"]
    assert enum and enum[0].get(GLIB + "error-domain") == \
        "klynge-error-quark"
