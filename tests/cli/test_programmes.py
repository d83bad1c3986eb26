"""Tests of `klynge list --designated` and `klynge show` on programmes."""

import xml.etree.ElementTree as ET

import pytest

NATIONAL_CLUSTERS = ["nc%02d" % i for i in range(14, 0, -1)]   # the programme's order


def _landscape():
    """A version 2 landscape: 14 national clusters designated 2021-2024 (listed
    by the programme in the reverse of the organisations' order), an
    innovation-network programme that ended in 2020, a support body designated
    from a date known only to the year, and a contract naming the programme."""
    organisations = "\n".join(
        '    <organisation id="nc%02d" kind="cluster" founded="2015"><name>Klynge %d</name></organisation>'
        % (i, i) for i in range(1, 15))
    national = "\n".join(
        '      <designation organisation="%s" role="national-cluster" area="Område %s" '
        'start="2021-01-01" end="2024-12-31"/>' % (o, o[2:]) for o in NATIONAL_CLUSTERS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <funding-sources>
    <funding-source id="deb" kind="national-agency"><name>Danmarks Erhvervsfremmebestyrelse</name></funding-source>
  </funding-sources>
  <organisations>
    <organisation id="ced" kind="support-body" founded="2014"><name>Cluster Excellence Denmark</name></organisation>
{organisations}
    <organisation id="in01" kind="innovation-network" founded="2014"><name>Netværk 1</name></organisation>
  </organisations>
  <contracts>
    <contract id="nc01-2021" holder="nc01" start="2021-07-01" end="2022-06-30" amount="25.00" programme="kp-2021">
      <share source="deb" percent="100"/>
    </contract>
    <contract id="nc02-2022" holder="nc02" start="2022-01-01" end="2022-06-30" programme="kp-2021">
      <share source="deb" percent="100"/>
      <note>The grant letter gives no amount.</note>
    </contract>
  </contracts>
  <programmes>
    <programme id="inp-2018" kind="innovation-network-programme" start="2018-01-01" end="2020-12-31">
      <name>Innovationsnetværk 2018-2020</name>
      <designation organisation="in01" role="innovation-network" start="2018-01-01" end="2020-12-31"/>
    </programme>
    <programme id="kp-2021" kind="cluster-programme" start="2021-01-01" end="2024-12-31">
      <name>Klyngeprogram 2021-2024</name>
      <envelope source="deb" start="2021-07-01" end="2022-06-30" amount="100.00"/>
{national}
      <designation organisation="ced" role="support-body" start="2021" end="2024-12-31"/>
      <source href="https://example.org/kp-2021"/>
    </programme>
  </programmes>
</landscape>
"""


@pytest.fixture
def programmes_file(tmp_path):
    path = tmp_path / "programmes.xml"
    path.write_text(_landscape(), encoding="utf-8")
    return path


def _ids(result):
    assert result.status == 0, result
    return [line.split()[0] for line in result.stdout.splitlines()]


def test_designated_on_2021_06_01_are_the_14_in_order(klynge, programmes_file):
    result = klynge("list", "--designated", "--active-on", "2021-06-01",
                    "--landscape", programmes_file)
    assert _ids(result) == NATIONAL_CLUSTERS
    first = result.stdout.splitlines()[0].split()
    assert first == ["nc14", "national-cluster", "2021-01-01–2024-12-31", "kp-2021",
                     "Område", "14", "Klynge", "14"]


@pytest.mark.parametrize("options, expected", [
    ([], ["in01"] + NATIONAL_CLUSTERS + ["ced"]),
    (["--role", "support-body"], ["ced"]),
    (["--role", "innovation-network"], ["in01"]),
    (["--programme", "inp-2018"], ["in01"]),
    (["--programme", "no-such"], []),
    (["--area", "Område 07"], ["nc07"]),
    (["--area", "område 07"], ["nc07"]),
    (["--area", "de 07"], ["nc07"]),
    (["--active-on", "2020-12-31"], ["in01"]),
    # a start known only to the year is certain from its last day
    (["--role", "support-body", "--active-on", "2021-06-01"], []),
    (["--role", "support-body", "--active-on", "2021-12-31"], ["ced"]),
    # a month or a year: in force on every day of it
    (["--active-on", "2021-06"], NATIONAL_CLUSTERS),
    (["--active-on", "2024"], NATIONAL_CLUSTERS + ["ced"]),
    (["--active-on", "2025-01-01"], []),
])
def test_designated_filters(klynge, programmes_file, options, expected):
    result = klynge("list", "--designated", *options, "--landscape", programmes_file)
    assert _ids(result) == expected


def test_designations_without_an_area_show_a_dash(klynge, programmes_file):
    result = klynge("list", "--designated", "--role", "support-body", "--landscape", programmes_file)
    assert result.stdout.split() == ["ced", "support-body", "2021–2024-12-31", "kp-2021", "-",
                                     "Cluster", "Excellence", "Denmark"]


@pytest.mark.parametrize("options, message", [
    (["--designated", "--role", "national-clusters"], "“national-clusters” is not a role"),
    (["--role", "national-cluster"], "need --designated"),
    (["--programme", "kp-2021"], "need --designated"),
    (["--area", "Energi"], "need --designated"),
    (["--designated", "--kind", "cluster"], "do not go with --designated"),
    (["--designated", "--city", "Aalborg"], "do not go with --designated"),
    (["--designated", "--active-on", "2021-13-01"], "--active-on"),
])
def test_designated_usage_errors(klynge, programmes_file, options, message):
    result = klynge("list", *options, "--landscape", programmes_file)
    assert result.status == 2, result
    assert message in result.stderr
    assert "klynge list --help" in result.stderr
    assert result.stdout == ""


def test_list_help_describes_designated(klynge):
    result = klynge("list", "--help")
    assert result.status == 0
    for option in ("--designated", "--role=ROLE", "--programme=PROGRAMME", "--area=AREA"):
        assert option in result.stdout
    assert "national-cluster, innovation-network, support-body, other" in result.stdout
    assert result.stderr == ""


def test_designated_on_the_builtin_data_runs(klynge):
    result = klynge("list", "--designated", "--active-on", "2021-06-01")
    assert result.status == 0, result
    assert result.stderr == ""


def _fields(result):
    """The lines of `klynge show` as (label, value), continuation lines
    under the label above them."""
    assert result.status == 0, result
    fields, label = [], None
    for line in result.stdout.splitlines():
        if line.startswith(" "):
            fields.append((label, line.strip()))
        elif line and line[:15].strip() and len(line) > 15:
            label = line[:15].strip()
            fields.append((label, line[15:].strip()))
    return fields


def test_show_programme_gives_kind_period_envelopes_designations_and_coverage(klynge, programmes_file):
    fields = _fields(klynge("show", "kp-2021", "--landscape", programmes_file))
    values = lambda label: [v for k, v in fields if k == label]
    assert values("record") == ["programme"]
    assert values("kind") == ["cluster-programme"]
    assert values("name") == ["Klyngeprogram 2021-2024"]
    assert values("period") == ["2021-01-01–2024-12-31"]
    assert values("envelope") == ["deb (Danmarks Erhvervsfremmebestyrelse): "
                                  "2021-07-01..2022-06-30, 100.00 DKK"]
    designations = values("designation")
    assert len(designations) == 15
    assert designations[0] == "nc14 (Klynge 14): national-cluster for Område 14, 2021-01-01–2024-12-31"
    assert designations[-1] == "ced (Cluster Excellence Denmark): support-body, 2021–2024-12-31"
    # 184 of 365 days in 2021: 12.60 of 50.41 DKK; a grant of unknown
    # amount in 2022 makes that year's figure a lower bound
    assert values("coverage") == [
        "deb 2021: 12.60 DKK recorded of 50.41 DKK planned (24.99 %)",
        "deb 2022: 12.40 DKK recorded of 49.59 DKK planned (at least 25.00 %)"
        "  plus 1 grant of unknown amount",
    ]
    assert values("source") == ["https://example.org/kp-2021"]
    assert values("referred to by") == ["contract nc01-2021", "contract nc02-2022"]


def test_show_organisation_gives_its_designations_over_time(klynge, programmes_file):
    fields = _fields(klynge("show", "in01", "--landscape", programmes_file))
    assert [v for k, v in fields if k == "designated by"] == [
        "inp-2018 (Innovationsnetværk 2018-2020): innovation-network, 2018-01-01–2020-12-31"]
    fields = _fields(klynge("show", "nc01", "--landscape", programmes_file))
    assert [v for k, v in fields if k == "designated by"] == [
        "kp-2021 (Klyngeprogram 2021-2024): national-cluster for Område 01, 2021-01-01–2024-12-31"]


def test_show_contract_names_its_programme(klynge, programmes_file):
    fields = _fields(klynge("show", "nc01-2021", "--landscape", programmes_file))
    assert ("programme", "kp-2021 (Klyngeprogram 2021-2024)") in fields


def test_show_help_mentions_programmes(klynge):
    result = klynge("show", "--help")
    assert result.status == 0
    assert "programme" in result.stdout
    assert result.stderr == ""


def _summary_block(stdout, title):
    """The lines of the summary's block whose heading starts with `title`."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
    block = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        block.append(line.split())
    return lines[start], block


def test_summary_groups_organisations_by_their_designation_on_the_date(klynge, programmes_file):
    result = klynge("summary", "--as-of", "2021-06-01", "--landscape", programmes_file)
    assert result.status == 0, result
    heading, rows = _summary_block(result.stdout, "designated national clusters")
    assert heading.strip() == "designated national clusters, with area and programme (14):"
    assert [row[0] for row in rows] == NATIONAL_CLUSTERS
    assert rows[0] == ["nc14", "Klynge", "14", "Område", "14", "kp-2021"]
    # the network's programme ended in 2020: it is no network of a running programme
    heading, rows = _summary_block(result.stdout, "innovation networks with no running programme")
    assert [row[0] for row in rows] == ["in01"]
    assert "innovation networks of a running programme" not in result.stdout
    assert "other clusters" not in result.stdout


def test_summary_in_2020_shows_the_network_of_its_running_programme(klynge, programmes_file):
    result = klynge("summary", "--as-of", "2020-06-01", "--landscape", programmes_file)
    assert result.status == 0, result
    _, rows = _summary_block(result.stdout, "innovation networks of a running programme")
    assert rows == [["in01", "Netværk", "1", "inp-2018"]]
    _, rows = _summary_block(result.stdout, "other clusters")
    # by name, as every list of names in the summary
    assert [row[0] for row in rows] == sorted(("nc%02d" % i for i in range(1, 15)),
                                              key=lambda o: "Klynge %d" % int(o[2:]))
    assert "designated national clusters: none on 2020-06-01" in result.stdout


def test_summary_shows_coverage_beside_funding(klynge, programmes_file):
    result = klynge("summary", "--as-of", "2021-06-01", "--landscape", programmes_file)
    assert result.status == 0, result
    heading, rows = _summary_block(result.stdout, "Coverage:")
    assert rows[0] == ["source", "year", "envelope", "recorded", "coverage"]
    # 25.00 over 2021-07-01..2022-06-30 against an envelope of 100.00 over
    # the same days: 184 and 181 days of 365, each year's parts exact; the
    # ratio is truncated (12.60 / 50.41 is 24.995... %)
    assert rows[1] == ["deb", "2021", "50.41", "12.60", "24.99", "%"]
    assert rows[2] == ["2022", "49.59", "12.40", "at", "least", "25.00", "%", "plus", "1",
                       "grant", "of", "unknown", "amount"]


def test_summary_without_programmes_does_not_split_by_designation(klynge, fixture_path):
    # a version 1 landscape has no programmes
    result = klynge("summary", "--as-of", "2024-12-31", "--landscape", fixture_path("valid", "full.xml"))
    assert result.status == 0, result
    assert "designated national clusters" not in result.stdout
    assert "Coverage:" not in result.stdout


# --- the built-in landscape's programmes (issue 17) --------------------------------

def designated_ids(klynge, on):
    result = klynge("list", "--designated", "--role", "national-cluster", "--active-on", on)
    assert result.status == 0, result
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


def test_builtin_designates_14_national_clusters_in_2021_censec_among_them(klynge):
    ids = designated_ids(klynge, "2021-06-01")
    assert ids == ["ecd", "clean", "fbcd", "marlog", "dlsc", "wbd", "made", "digitallead",
                   "cphfintech", "odense-robotics", "ldc", "dsc", "vision-dk", "censec"]


def test_builtin_designates_13_national_clusters_in_2024_after_marlogs_bankruptcy(klynge):
    ids = designated_ids(klynge, "2024-06-01")
    assert len(ids) == 13
    assert "marlog" not in ids and "censec" in ids


def test_builtin_designates_no_innovation_network_after_2020(klynge):
    result = klynge("list", "--designated", "--role", "innovation-network", "--active-on", "2021-01-01")
    assert result.status == 0, result
    assert result.stdout.strip() == ""
    during = klynge("list", "--designated", "--role", "innovation-network", "--active-on", "2020-06-01")
    assert "robocluster" in during.stdout and "eic" in during.stdout


def test_builtin_funding_shows_the_sourced_grants_and_the_coverage_of_2021_to_2024(klynge):
    result = klynge("funding", "--by", "holder,source")
    assert result.status == 0, result
    rows = [line.split() for line in result.stdout.splitlines()]
    # DEB → DLSC 13 m, DEB → ECD 21 m, SIU → EIC and → RoboCluster 12 m each
    for holder, source in (("dlsc", "deb"), ("ecd", "deb"), ("eic", "siu"), ("robocluster", "siu")):
        assert any(row[:2] == [source, holder] for row in rows), (holder, source, result.stdout)
    coverage = klynge("funding").stdout.split("Coverage:", 1)[1]
    lines = [line.split() for line in coverage.splitlines()[2:]]
    source = None
    covered = set()
    for line in lines:
        if not line:
            continue
        if not line[0].isdigit():
            source, line = line[0], line[1:]
        covered.add((source, line[0]))
    for year in ("2021", "2022", "2023", "2024"):
        assert ("ufm", year) in covered and ("deb", year) in covered, (year, coverage)
    assert "80,000,000.00" in coverage


def last_evidence_year(tree, org):
    """The last year in which the data holds a source of the organisation's
    activity: its founding, dissolution or known-until date, a label, a
    contract it holds, a designation, a hosted initiative, or an event it
    takes part in."""
    ns = "{urn:klynge:landscape:1}"
    oid = org.get("id")
    dates = [org.get(a) for a in ("founded", "dissolved", "known-until")]
    dates += [label.get("awarded") for label in org.findall(f"{ns}label")]
    for contract in tree.iter(f"{ns}contract"):
        if contract.get("holder") == oid:
            dates += [contract.get("start"), contract.get("end")]
    for designation in tree.iter(f"{ns}designation"):
        if designation.get("organisation") == oid:
            dates += [designation.get("start"), designation.get("end")]
    for initiative in tree.iter(f"{ns}initiative"):
        if initiative.get("host") == oid:
            dates += [initiative.get("start"), initiative.get("end")]
    for merger in tree.iter(f"{ns}merger"):
        if merger.get("successor") == oid or any(p.get("ref") == oid for p in merger.findall(f"{ns}predecessor")):
            dates.append(merger.get("effective"))
    years = [int(d[:4]) for d in dates if d]
    return max(years) if years else None


def test_builtin_shows_no_organisation_active_in_a_year_without_a_source_of_its_activity(klynge, srcdir):
    tree = ET.parse(srcdir / "data" / "denmark.xml").getroot()
    orgs = {o.get("id"): o for o in tree.iter("{urn:klynge:landscape:1}organisation")}
    for year in range(2002, 2025):
        day = f"{year}-07-01"
        result = klynge("list", "--active-on", day)
        assert result.status == 0, result
        active = result.stdout.partition(f"\nNot known to be active on {day}")[0]
        for line in active.splitlines():
            if not line.strip() or line.split()[0] not in orgs:
                continue
            oid = line.split()[0]
            last = last_evidence_year(tree, orgs[oid])
            assert last is not None and last >= year, (oid, year, last)
