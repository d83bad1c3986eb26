# SPDX-License-Identifier: LGPL-2.1-or-later
"""What a notebook shows: a landscape's headline figures and a record's
fields as HTML tables (``_repr_html_``), the figures those of ``klynge
summary``, every text escaped, the markup well-formed."""

import html.parser
import os
import re
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

# the landscapes whose headline figures are checked against the tool
SUMMARISED = [None, ("valid", "full.xml"), ("valid", "programmes.xml"),
              ("valid", "mergers.xml"), ("valid", "contracts.xml")]


@pytest.fixture(scope="session")
def tool(builddir, srcdir):
    """Runs the klynge tool of the build tree; returns its standard output."""
    path = os.environ.get("KLYNGE_TOOL")
    candidates = [path] if path else [builddir / "tools" / "klynge", srcdir / "tools" / "klynge"]
    for candidate in candidates:
        if candidate and os.access(str(candidate), os.X_OK):
            break
    else:
        pytest.fail("the klynge tool is not built (tried %s)" % ", ".join(map(str, candidates)))

    def run(*args):
        completed = subprocess.run([str(candidate), *map(str, args)], capture_output=True,
                                   text=True, timeout=120, check=False)
        assert completed.returncode == 0, completed.stderr
        return completed.stdout
    return run


def _ore(text):
    """"1,234.50" (the tool's DKK) → 123450 øre."""
    return int(text.replace(",", "").replace(".", ""))


def parse_summary(text):
    """The headline figures ``klynge summary`` prints."""
    figures = {"date": re.search(r" as of (\S+)", text).group(1), "kinds": {},
               "national": 0, "funding_ore": None, "envelope_ore": 0, "recorded_ore": 0}
    section = None
    for line in text.splitlines():
        if line and not line.startswith(" "):
            section = line.split()[0]
            continue
        if section == "Organisations":
            count = re.match(r"^  ([a-z-]+)\s+(\d+)(?: active, (\d+) not known)?$", line)
            if count and count.group(1) != "total":
                figures["kinds"][count.group(1)] = (int(count.group(2)),
                                                    int(count.group(3) or 0))
            national = re.match(r"^  designated national clusters, with area and programme "
                                r"\((\d+)\):$", line)
            if national:
                figures["national"] = int(national.group(1))
        elif section == "Funding":
            total = re.match(r"^  total\s+([\d,]+\.\d\d)", line)
            if total:
                figures["funding_ore"] = _ore(total.group(1))
        elif section == "Coverage:":
            row = re.match(r"^  \S*\s+(\d{4})\s+([\d,]+\.\d\d)\s+([\d,]+\.\d\d)\s+(.*)$", line)
            if row and row.group(4) != "no envelope":
                figures["envelope_ore"] += _ore(row.group(2))
                figures["recorded_ore"] += _ore(row.group(3))
    return figures


class _Rows(html.parser.HTMLParser):
    """The caption and the (header, cell) rows of an HTML table, as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.caption, self.rows, self.tags = "", [], []
        self._where = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append(["", ""])
        self._where = tag

    def handle_endtag(self, tag):
        self._where = None

    def handle_data(self, data):
        if self._where == "caption":
            self.caption += data
        elif self._where == "th":
            self.rows[-1][0] += data
        elif self._where == "td":
            self.rows[-1][1] += data


def read_table(markup):
    parser = _Rows()
    parser.feed(markup)
    parser.close()
    return parser


def _load(klynge, data_path, which):
    return klynge.default() if which is None else klynge.load(data_path(*which))


@pytest.mark.parametrize("which", SUMMARISED, ids=lambda w: "built-in" if w is None else w[1])
def test_headline_figures_are_those_of_klynge_summary(klynge, data_path, tool, which):
    landscape = _load(klynge, data_path, which)
    printed = parse_summary(tool("summary") if which is None
                            else tool("summary", "--landscape", data_path(*which)))
    figures = klynge.headline(landscape)

    assert str(figures["date"]) == printed["date"]
    assert len(figures["national_clusters"]) == printed["national"]
    national_by_kind = {}
    for id in figures["national_clusters"]:
        kind = landscape[id].get_kind().value_nick
        national_by_kind[kind] = national_by_kind.get(kind, 0) + 1
    assert set(figures["others"]) == set(printed["kinds"])
    for kind, (active, not_known) in printed["kinds"].items():
        assert figures["others"][kind] == (active - national_by_kind.get(kind, 0), not_known), kind
    assert figures["funding_ore"] == (printed["funding_ore"] or 0)
    if figures["coverage"] is None:
        assert printed["envelope_ore"] == 0
    else:
        assert figures["coverage"]["envelope_ore"] == printed["envelope_ore"]
        assert figures["coverage"]["recorded_ore"] == printed["recorded_ore"]


@pytest.mark.parametrize("on", ["2014", "2019-12-31", "2021-06-30"])
def test_headline_figures_on_a_date_are_those_of_klynge_summary_as_of_it(klynge, builtin, tool,
                                                                        on):
    printed = parse_summary(tool("summary", "--as-of", on))
    figures = klynge.headline(builtin, on=on)
    assert str(figures["date"]) == printed["date"] == on
    assert len(figures["national_clusters"]) == printed["national"]
    for kind, (active, not_known) in printed["kinds"].items():
        national = sum(1 for id in figures["national_clusters"]
                       if builtin[id].get_kind().value_nick == kind)
        assert figures["others"][kind] == (active - national, not_known), kind


def test_the_landscape_table_shows_the_figures_of_klynge_summary(klynge, builtin, tool):
    printed = parse_summary(tool("summary"))
    table = read_table(builtin._repr_html_())
    rows = dict(table.rows)
    assert table.caption.startswith("Cluster landscape as of %s" % printed["date"])
    assert rows["Designated national clusters on %s" % printed["date"]] == str(printed["national"])
    # the built-in landscape has no clusters active beside the national ones
    assert rows["Other organisations active: cluster"] == "%d active, %d not known" % (
        printed["kinds"]["cluster"][0] - printed["national"], printed["kinds"]["cluster"][1])
    assert rows["Other organisations active: agency"] == "0"

    def dkk(ore):
        return "%s DKK" % klynge.Klynge.money_to_grouped_string(ore)
    assert rows["Funding in the data"].startswith(dkk(printed["funding_ore"]) + ", ")
    coverage = rows["Coverage of the programmes' envelopes"]
    assert coverage.startswith("%s of %s, " % (dkk(printed["recorded_ore"]),
                                               dkk(printed["envelope_ore"])))
    assert re.search(r"\((\d+\.\d\d) %\)$", coverage)


def test_counts_of_members_say_not_known_or_at_least_unless_lists_are_complete(klynge, builtin,
                                                                               full, Klynge):
    # the built-in landscape records no member and states no member list
    rows = dict(read_table(builtin._repr_html_()).rows)
    assert rows["Members"] == "not known"
    assert rows["Memberships"] == "not known"
    assert rows["Member lists of organisations"] == "0 complete, 0 partial, %d not known" % (
        builtin.count(Klynge.Organisation.__gtype__))
    # full.xml records two memberships and states no list complete
    rows = dict(read_table(full._repr_html_()).rows)
    assert rows["Memberships"] == "at least %d" % full.count_memberships()
    for organisation in full.organisations():
        organisation.set_member_list(Klynge.MemberList.COMPLETE)
    rows = dict(read_table(full._repr_html_()).rows)
    assert rows["Memberships"] == "%d" % full.count_memberships()
    assert rows["Members"] == "%d" % full.count(Klynge.Member.__gtype__)


def test_a_date_given_replaces_the_default(klynge, builtin):
    figures = klynge.headline(builtin, on="2021-06-30")
    assert str(figures["date"]) == "2021-06-30" and figures["date_note"] == "given"
    designated = {d.get_organisation() for d in klynge.designations(
        builtin, on="2021-06-30", role="national-cluster")}
    assert set(figures["national_clusters"]) <= designated
    assert figures["national_clusters"]


def _well_formed(markup):
    """Parses *markup* as XML inside one element; returns the tree."""
    return ElementTree.fromstring("<div>%s</div>" % markup)


ALLOWED_TAGS = {"div", "table", "caption", "tbody", "tr", "th", "td"}


def _check_markup(markup):
    tree = _well_formed(markup)
    for element in tree.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= {"class", "scope", "style"}, element.attrib
        for value in element.attrib.values():
            assert "url(" not in value and "http" not in value
    return tree


def test_every_display_is_well_formed_markup_with_no_script_or_resource(klynge, builtin, full):
    for landscape in (builtin, full):
        _check_markup(landscape._repr_html_())
        for record in landscape:
            _check_markup(record._repr_html_())


HOSTILE = ('<script>alert("x")</script> & <img src=x onerror=alert(1)> '
           "'quoted' ]]> <!-- c -->")


def test_hostile_names_and_notes_are_escaped(klynge, Klynge):
    escaped = (HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    document = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="1">
  <funding-sources>
    <funding-source id="fs" kind="regional"><name>%s</name><note>%s</note></funding-source>
  </funding-sources>
  <organisations>
    <organisation id="org" kind="cluster" founded="2020">
      <name>%s</name>
      <website>https://x.example/?a=1&amp;b=&lt;2&gt;</website>
      <focus-area>%s</focus-area>
      <note>%s</note>
    </organisation>
  </organisations>
</landscape>
""" % ((escaped,) * 5)
    landscape = klynge.loads(document)
    for record in (landscape["org"], landscape["fs"]):
        markup = record._repr_html_()
        assert "<script" not in markup and "<img" not in markup and "<!--" not in markup
        tree = _check_markup(markup)
        cells = {th.text: td.text for th, td in (tr for tr in tree.iter("tr"))}
        assert cells["name"] == HOSTILE
        assert cells["note"] == HOSTILE
    cells = dict(read_table(landscape["org"]._repr_html_()).rows)
    assert cells["website"] == "https://x.example/?a=1&b=<2>"
    assert cells["focus areas"] == HOSTILE
    _check_markup(landscape._repr_html_())


@pytest.mark.parametrize("id, expected", [
    ("org-a", {"name": "Klynge A", "name-en": "Cluster A", "kind": "cluster",
               "founded": "2014-05-09", "dissolved": "2020-06-30", "cvr": "24256790",
               "focus areas": "energy; water",
               "sources": "https://example.org/a; https://example.org/a-2"}),
    ("c-hub-2019", {"holder": "org-hub", "period": "2019-10-01..2021-09-30",
                    "amount": "8,000,000.00 DKK", "shares": "fs-a 50.00 %; fs-b 50.00 %"}),
    ("mg-2020", {"successor": "org-c", "status": "completed", "effective": "2020-07-01",
                 "predecessors": "org-a; org-b"}),
    ("m-1", {"name": "Eksempel ApS", "cvr": "13748136", "size": "sme", "kind": "company"}),
    ("fs-a", {"name": "Styrelse A", "parent": "Ministerium A", "kind": "national-agency"}),
    ("i-camp", {"title": "Innovationslejr", "host": "org-hub", "start": "2019",
                "participants": "org-a"}),
])
def test_a_record_shows_its_fields(full, id, expected):
    record = full[id]
    table = read_table(record._repr_html_())
    assert table.caption == "%s %s" % (record.get_kind_name(), id)
    rows = table.rows
    assert rows[0] == ["id", id]
    names = [name for name, _ in rows]
    assert len(names) == len(set(names)), names
    fields = dict(rows)
    for name, text in expected.items():
        assert fields[name] == text, name
    assert "line" not in fields


def test_a_programme_shows_its_envelopes_and_designations(klynge, builtin):
    programme = builtin["klyngeprogram-2021"]
    fields = dict(read_table(programme._repr_html_()).rows)
    designations = fields["designations"].split("; ")
    assert len(designations) == len(list(programme.get_designations()))
    assert designations[0].startswith(programme.get_designations()[0].get_organisation())
    assert "DKK" in fields["envelopes"]


UNKNOWN_AMOUNT = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <funding-sources><funding-source id="fs" kind="regional"><name>F</name></funding-source></funding-sources>
  <organisations><organisation id="org" kind="cluster" founded="2020"><name>O</name></organisation></organisations>
  <contracts>
    <contract id="k" holder="org" start="2021" end="2022"><share source="fs" percent="100"/>
      <note>The amount is not published.</note></contract>
  </contracts>
</landscape>
"""


def test_a_contract_of_unknown_amount_says_so_and_adds_nothing(klynge):
    landscape = klynge.loads(UNKNOWN_AMOUNT)
    assert not landscape["k"].has_amount()
    fields = dict(read_table(landscape["k"]._repr_html_()).rows)
    assert fields["amount"] == "not known"
    rows = dict(read_table(landscape._repr_html_()).rows)
    assert rows["Funding in the data"] == "0.00 DKK, 2021–2022 plus 1 grant of unknown amount"
