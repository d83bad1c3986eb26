"""Tests of `klynge export --format gexf` and `--format graphml` as NetworkX reads them.

The counts expected are the library's own, from its CSV tables; the types
are those an analyst gets back from networkx.read_gexf and read_graphml.
"""

import collections
import csv
import io
import os
import pathlib

import pytest

networkx = pytest.importorskip("networkx")
from networkx.readwrite import gexf as networkx_gexf  # noqa: E402

TOOL = os.environ.get("KLYNGE_TOOL", str(pathlib.Path(__file__).parents[2] / "tools" / "klynge"))
SRCDIR = pathlib.Path(os.environ.get("KLYNGE_TEST_SRCDIR", pathlib.Path(__file__).parents[2]))

GEXF_NAMESPACE = "http://gexf.net/1.3"

# None: the built-in landscape (no --landscape)
LANDSCAPES = [None, "tests/data/valid/full.xml", "tests/data/valid/events.xml", "tests/data/valid/programmes.xml"]


def read_gexf(path):
    """networkx.read_gexf() of a GEXF 1.3 file. NetworkX before 3.x knows
    GEXF 1.1 and 1.2 only (Debian 12 has 2.8); the elements and attributes
    the export writes are read the same way in 1.3, so an older NetworkX
    is told the 1.3 namespace, as newer ones know it."""
    versions = networkx_gexf.GEXF.versions
    version = next((v for v, d in versions.items() if d["NS_GEXF"] == GEXF_NAMESPACE), None)
    if version is None:
        versions["1.3"] = dict(
            versions["1.2draft"],
            NS_GEXF=GEXF_NAMESPACE,
            NS_VIZ=GEXF_NAMESPACE + "/viz",
            SCHEMALOCATION=f"{GEXF_NAMESPACE} {GEXF_NAMESPACE}/gexf.xsd",
            VERSION="1.3",
        )
        version = "1.3"
    return networkx.read_gexf(path, version=version)


def landscape_args(landscape):
    return [] if landscape is None else ["--landscape", SRCDIR / landscape]


def export(klynge, tmp_path, landscape, fmt):
    path = tmp_path / f"landscape.{fmt}"
    result = klynge("export", "--format", fmt, "--output", path, *landscape_args(landscape))
    assert result.status == 0, result
    return path


def table(klynge, landscape, kind):
    result = klynge("export", "--format", "csv", "--kind", kind, *landscape_args(landscape))
    assert result.status == 0, result
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def expected_counts(klynge, landscape):
    """Nodes and edges of each type, as the CSV tables count the records."""
    cancelled = {row["id"] for row in table(klynge, landscape, "merger") if row["status"] == "cancelled"}
    return {
        ("node", "organisation"): len(table(klynge, landscape, "organisation")),
        ("node", "member"): len(table(klynge, landscape, "member")),
        ("node", "funding-source"): len(table(klynge, landscape, "funding-source")),
        ("edge", "membership"): len(table(klynge, landscape, "membership")),
        ("edge", "merger"): sum(1 for row in table(klynge, landscape, "predecessor") if row["merger"] not in cancelled),
        ("edge", "funding"): len(table(klynge, landscape, "share")),
    }


def counts(graph):
    seen = collections.Counter(("node", data["type"]) for _, data in graph.nodes(data=True))
    seen.update(("edge", data["type"]) for _, _, data in graph.edges(data=True))
    return seen


def without_zeros(counter):
    return {key: n for key, n in counter.items() if n}


@pytest.mark.parametrize("landscape", LANDSCAPES)
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_has_a_node_and_an_edge_of_each_type_per_record(klynge, tmp_path, landscape, fmt):
    path = export(klynge, tmp_path, landscape, fmt)
    graph = read_gexf(path) if fmt == "gexf" else networkx.read_graphml(path)

    assert graph.is_directed()
    assert without_zeros(counts(graph)) == without_zeros(expected_counts(klynge, landscape))


def typed_values(graph):
    """{name: set of Python types} over every node and edge value."""
    types = collections.defaultdict(set)
    for _, data in graph.nodes(data=True):
        for name, value in data.items():
            types["node " + name].add(type(value))
    for _, _, data in graph.edges(data=True):
        for name, value in data.items():
            types["edge " + name].add(type(value))
    return types


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_amounts_are_integers_kroner_and_percents_floats_and_flags_booleans(klynge, tmp_path, fmt):
    landscape = "tests/data/valid/programmes.xml"
    path = export(klynge, tmp_path, landscape, fmt)
    graph = read_gexf(path) if fmt == "gexf" else networkx.read_graphml(path)
    types = typed_values(graph)

    assert types["edge amount-ore"] == {int}
    assert types["edge amount-dkk"] == {float}
    assert types["edge percent"] == {float}
    assert types["edge amount-known"] == {bool}
    assert types["node member-list-complete"] == {bool}
    assert types["node name"] == {str}
    # the library's split: each share's øre, and the same in kroner
    shares = {(row["contract"], row["source"]): row for row in table(klynge, landscape, "share")}
    funding = [(source, data) for source, _, data in graph.edges(data=True) if data["type"] == "funding"]
    assert funding
    for source, data in funding:
        share = shares[(data["contract"], source)]
        if share["amount_ore"]:
            assert data["amount-ore"] == int(share["amount_ore"])
            assert round(data["amount-dkk"] * 100) == data["amount-ore"]
        else:
            assert data["amount-known"] is False
            assert "amount-ore" not in data
    # complete where the organisation's member list says so, and only where stated
    lists = {row["id"]: row["member_list"] for row in table(klynge, landscape, "organisation")}
    for node, data in graph.nodes(data=True):
        if data["type"] != "organisation":
            continue
        if lists[node] in ("complete", "partial"):
            assert data["member-list-complete"] is (lists[node] == "complete")
        else:
            assert "member-list-complete" not in data


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_a_membership_edge_carries_its_dates(klynge, tmp_path, fmt):
    landscape = "tests/data/valid/full.xml"
    path = export(klynge, tmp_path, landscape, fmt)
    graph = read_gexf(path) if fmt == "gexf" else networkx.read_graphml(path)
    # GEXF's timeline is the edge's start and end; GraphML's, time-start and time-end
    start, end = ("start", "end") if fmt == "gexf" else ("time-start", "time-end")
    rows = table(klynge, landscape, "membership")
    expected = sorted(
        (row["member"], row["organisation"], row["since"] or None, row["since_precision"] or None,
         row["until"] or None, row["until_precision"] or None)
        for row in rows
    )
    seen = sorted(
        (member, organisation, data.get(start), data.get("time-start-precision"),
         data.get(end), data.get("time-end-precision"))
        for member, organisation, data in graph.edges(data=True)
        if data["type"] == "membership"
    )

    assert seen == expected
    assert any(until is not None for *_, until, _ in seen)


def test_gexf_is_a_dynamic_graph_of_dates(klynge, tmp_path):
    graph = read_gexf(export(klynge, tmp_path, None, "gexf"))

    assert graph.graph["mode"] == "dynamic"
    organisations = table(klynge, None, "organisation")
    founded = {row["id"]: row["founded"] for row in organisations}
    dissolved = {row["id"]: row["dissolved"] for row in organisations}
    for node, data in graph.nodes(data=True):
        if data["type"] == "organisation":
            assert data.get("start") == (founded[node] or None)
            assert data.get("end") == (dissolved[node] or None)
            assert data["label"] == data["name"]


def test_the_built_in_graph_reads_back_the_same_in_both_formats(klynge, tmp_path):
    gexf = read_gexf(export(klynge, tmp_path, None, "gexf"))
    graphml = networkx.read_graphml(export(klynge, tmp_path, None, "graphml"))

    assert set(gexf.nodes) == set(graphml.nodes)
    assert sorted((u, v, d["type"]) for u, v, d in gexf.edges(data=True)) == sorted(
        (u, v, d["type"]) for u, v, d in graphml.edges(data=True)
    )


def test_gexf_to_standard_output_is_the_file(klynge, tmp_path):
    path = export(klynge, tmp_path, "tests/data/valid/full.xml", "gexf")
    result = klynge("export", "--format", "gexf", *landscape_args("tests/data/valid/full.xml"))

    assert result.status == 0, result
    assert result.stdout == path.read_text(encoding="utf-8")


def test_gexf_is_a_format_the_help_names(klynge):
    result = klynge("export", "--help")

    assert result.status == 0
    assert "gexf" in result.stdout
    assert "GEXF 1.3" in result.stdout


def test_gexf_into_a_missing_directory_fails_and_writes_nothing(klynge, tmp_path):
    result = klynge("export", "--format", "gexf", "--output", tmp_path / "missing" / "out.gexf")

    assert result.status != 0
    assert result.stderr
    assert list(tmp_path.iterdir()) == []
