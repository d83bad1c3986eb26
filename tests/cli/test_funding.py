"""Tests of `klynge funding`: totals by source, holder, year, kind and designation."""

import csv
import io
import os
import pathlib
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

# the tool under test, as conftest.py finds it (imported by path there, not
# here: another suite's conftest may be the one named "conftest")
TOOL = os.environ.get("KLYNGE_TOOL", str(pathlib.Path(__file__).parents[2] / "tools" / "klynge"))

NS = "{urn:klynge:landscape:1}"

CED_LANDSCAPE = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="1">
  <funding-sources>
    <funding-source id="siu" kind="national-agency"><name>SIU</name></funding-source>
    <funding-source id="es" kind="national-agency"><name>Erhvervsstyrelsen</name></funding-source>
    <funding-source id="deb" kind="national-agency"><name>DEB</name></funding-source>
    <funding-source id="ufs" kind="national-agency"><name>UFS</name></funding-source>
  </funding-sources>
  <organisations>
    <organisation id="ced" kind="support-body" founded="2014"><name>Cluster Excellence Denmark</name></organisation>
    <organisation id="k" kind="cluster" founded="2014"><name>Klynge</name></organisation>
  </organisations>
  <contracts>
    <contract id="ced-2019" holder="ced" start="2019-10-01" end="2021-09-30" amount="8000000.00">
      <share source="siu" percent="50"/>
      <share source="es" percent="50"/>
    </contract>
    <contract id="ced-2021" holder="ced" start="2021-10-01" end="2022-09-30" amount="4000000.00" renews="ced-2019">
      <share source="deb" percent="50.00"/>
      <share source="ufs" percent="50.00"/>
    </contract>
    <contract id="k-2020" holder="k" start="2020" end="2020" amount="1000.01">
      <share source="siu" percent="100"/>
    </contract>
  </contracts>
</landscape>
"""


@pytest.fixture
def ced_file(tmp_path):
    path = tmp_path / "ced.xml"
    path.write_text(CED_LANDSCAPE, encoding="utf-8")
    return path


def rows(result):
    """The CSV output as a list of dicts."""
    assert result.status == 0, result
    return list(csv.DictReader(io.StringIO(result.stdout)))


def builtin_contract_total(srcdir):
    """The sum of the contract amounts in the built-in data, in DKK."""
    tree = ET.parse(srcdir / "data" / "denmark.xml")
    return sum(Decimal(c.get("amount")) for c in tree.iter(NS + "contract"))


def test_per_year_totals_of_the_builtin_data_sum_to_the_contract_amounts(klynge, srcdir):
    result = klynge("funding", "--by", "year", "--format", "csv")
    table = rows(result)
    assert result.stdout.splitlines()[0] == "year,amount"
    years = [int(r["year"]) for r in table]
    assert years == sorted(years) and len(set(years)) == len(years)
    assert sum(Decimal(r["amount"]) for r in table) == builtin_contract_total(srcdir)


def test_every_grouping_of_the_builtin_data_sums_to_the_contract_amounts(klynge, srcdir):
    total = builtin_contract_total(srcdir)
    for by in ("total", "source", "holder", "kind", "year", "source,year",
               "source,holder,year,kind"):
        table = rows(klynge("funding", "--by", by, "--format", "csv"))
        assert sum(Decimal(r["amount"]) for r in table) == total, by


def test_builtin_ced_contract_pays_each_agency_half_split_exactly_by_year(klynge):
    table = rows(klynge("funding", "--by", "source,holder,year", "--format", "csv"))
    ced = {(r["year"], r["source"]): r["amount"] for r in table if r["holder"] == "ced"}
    assert ced[("2019", "siu")] == "503419.97"
    assert ced[("2020", "siu")] == "2002735.98"
    assert ced[("2021", "siu")] == "1493844.05"
    assert ced[("2019", "es")] == "503419.97"
    assert ced[("2020", "es")] == "2002735.98"
    assert ced[("2021", "es")] == "1493844.05"
    assert sum(Decimal(ced[(y, "siu")]) for y in ("2019", "2020", "2021")) == Decimal("4000000.00")


def test_default_grouping_is_by_source_and_year_sorted_by_year_then_landscape_order(klynge, ced_file):
    result = klynge("funding", "--landscape", ced_file, "--format", "csv")
    assert result.stdout.splitlines() == [
        "year,source,amount",
        "2019,siu,503419.97",
        "2019,es,503419.97",
        "2020,siu,2003735.99",
        "2020,es,2002735.98",
        "2021,siu,1493844.05",
        "2021,es,1493844.05",
        "2021,deb,504109.58",
        "2021,ufs,504109.58",
        "2022,deb,1495890.42",
        "2022,ufs,1495890.42",
    ]


def test_csv_columns_follow_the_xml_attribute_names(klynge, ced_file):
    result = klynge("funding", "--landscape", ced_file, "--by", "kind,holder,source,year",
                    "--format", "csv")
    assert result.stdout.splitlines()[0] == "year,source,holder,kind,amount"
    first = rows(result)[0]
    assert first == {"year": "2019", "source": "siu", "holder": "ced",
                     "kind": "support-body", "amount": "503419.97"}


def test_csv_lines_end_in_crlf(ced_file):
    out = subprocess.run([TOOL, "funding", "--landscape", str(ced_file), "--by", "total",
                          "--format", "csv"], capture_output=True, check=True).stdout
    assert out == b"amount\r\n12001000.01\r\n"


def test_repeated_by_options_combine(klynge, ced_file):
    once = klynge("funding", "--landscape", ced_file, "--by", "source,year", "--format", "csv")
    twice = klynge("funding", "--landscape", ced_file, "--by", "year", "--by", "source",
                   "--format", "csv")
    assert once.status == twice.status == 0
    assert once.stdout == twice.stdout


def test_text_output_is_an_aligned_table_with_thousands_separators_and_a_total(klynge, ced_file):
    result = klynge("funding", "--landscape", ced_file, "--by", "source")
    assert result.status == 0, result
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Source", "Amount", "(DKK)"]
    assert lines[1].split() == ["siu", "4,001,000.01"]
    assert lines[2].split() == ["es", "4,000,000.00"]
    assert lines[3].split() == ["deb", "2,000,000.00"]
    assert lines[4].split() == ["ufs", "2,000,000.00"]
    assert lines[5].split() == ["Total", "12,001,000.01"]
    assert len(lines) == 6
    # every line has the same width: the amounts are right-aligned
    assert len({len(line) for line in lines}) == 1


def test_text_grand_total_is_one_amount(klynge, ced_file):
    result = klynge("funding", "--landscape", ced_file, "--by", "total")
    assert result.status == 0, result
    assert result.stdout.splitlines()[-1].strip() == "12,001,000.01"


def test_from_and_to_count_only_the_days_of_the_period(klynge, ced_file):
    full = {(r["year"], r["source"]): r["amount"]
            for r in rows(klynge("funding", "--landscape", ced_file, "--format", "csv"))}
    clipped = rows(klynge("funding", "--landscape", ced_file, "--format", "csv",
                          "--from", "2021-01-01", "--to", "2021-12-31"))
    assert {r["year"] for r in clipped} == {"2021"}
    for r in clipped:
        assert full[(r["year"], r["source"])] == r["amount"]


def test_a_partial_to_date_means_its_last_day(klynge, ced_file):
    by_day = klynge("funding", "--landscape", ced_file, "--by", "total", "--format", "csv",
                    "--from", "2020-01-01", "--to", "2020-12-31")
    by_year = klynge("funding", "--landscape", ced_file, "--by", "total", "--format", "csv",
                     "--from", "2020", "--to", "2020")
    assert by_day.status == by_year.status == 0
    assert by_day.stdout == by_year.stdout


def test_from_or_to_alone_is_open_ended_and_the_halves_sum_to_the_whole(klynge, ced_file):
    def total(*args):
        table = rows(klynge("funding", "--landscape", ced_file, "--by", "total",
                            "--format", "csv", *args))
        return Decimal(table[0]["amount"])

    assert total("--to", "2021-03-14") + total("--from", "2021-03-15") == total()
    assert total() == Decimal("12001000.01")


def test_by_kind_uses_the_holders_organisation_kind(klynge, ced_file):
    table = rows(klynge("funding", "--landscape", ced_file, "--by", "kind", "--format", "csv"))
    assert table == [{"kind": "cluster", "amount": "1000.01"},
                     {"kind": "support-body", "amount": "12000000.00"}]


def test_a_period_without_contracts_gives_no_rows(klynge, ced_file):
    result = klynge("funding", "--landscape", ced_file, "--format", "csv", "--from", "2030")
    assert result.status == 0
    assert result.stdout.splitlines() == ["year,source,amount"]
    text = klynge("funding", "--landscape", ced_file, "--from", "2030")
    assert text.status == 0 and text.stdout.strip() != ""


@pytest.mark.parametrize("args, message", [
    (["--by", "colour"], "colour"),
    (["--by", "total,year"], "total"),
    (["--format", "xml"], "xml"),
    (["--from", "2021-13-01"], "--from"),
    (["--to", "yesterday"], "--to"),
    (["--from", "2022", "--to", "2021"], "before"),
    (["extra"], "extra"),
    (["--no-such-option"], "no-such-option"),
])
def test_bad_usage_exits_2_with_a_message_and_no_output(klynge, args, message):
    result = klynge("funding", *args)
    assert result.status == 2, result
    assert result.stdout == ""
    assert message in result.stderr
    assert "klynge funding --help" in result.stderr


def test_a_missing_landscape_file_exits_1(klynge, tmp_path):
    result = klynge("funding", "--landscape", tmp_path / "missing.xml")
    assert result.status == 1, result
    assert result.stdout == ""
    assert result.stderr.startswith("klynge: ")


def test_help_describes_the_options_with_examples(klynge):
    result = klynge("funding", "--help")
    assert result.status == 0, result
    for text in ("--by", "--from", "--to", "--format", "--landscape", "Examples:",
                 "klynge funding --by year --format csv"):
        assert text in result.stdout



# two contracts of the largest amount klynge accepts: their sum does not
# fit, and was shown as a negative figure
@pytest.mark.parametrize("by", ["total", "source,year", "holder"])
def test_totals_above_the_largest_amount_are_refused(klynge, fixture_path, by):
    path = fixture_path("valid", "largest-amounts.xml")
    for fmt in ("text", "csv"):
        result = klynge("funding", "--landscape", path, "--by", by, "--format", fmt)
        assert result.status == 1, result
        assert result.stdout == ""
        assert "exceeds the largest amount" in result.stderr


def test_summary_of_totals_above_the_largest_amount_shows_no_wrong_figure(klynge, fixture_path):
    result = klynge("summary", "--landscape", fixture_path("valid", "largest-amounts.xml"))
    assert result.status == 0, result
    assert "not shown: funding totals: the sum exceeds the largest amount" in result.stdout
    assert "-92" not in result.stdout


# --- grants of unknown amount (format version 2) -----------------------------------

UNKNOWN_LANDSCAPE = CED_LANDSCAPE.replace('version="1"', 'version="2"').replace(
    """    <contract id="k-2020" holder="k" start="2020" end="2020" amount="1000.01">
      <share source="siu" percent="100"/>
    </contract>""",
    """    <contract id="k-2020" holder="k" start="2020" end="2020" amount="1000.01">
      <share source="siu" percent="100"/>
    </contract>
    <contract id="k-2021" holder="k" start="2021-01-01" end="2022-12-31">
      <share source="deb" percent="50"/>
      <share source="ufs" percent="50"/>
      <note>The grant was announced without an amount.</note>
    </contract>""")


@pytest.fixture
def unknown_file(tmp_path):
    path = tmp_path / "unknown.xml"
    path.write_text(UNKNOWN_LANDSCAPE, encoding="utf-8")
    return path


def test_a_grant_of_unknown_amount_is_counted_not_added(klynge, ced_file, unknown_file):
    known = rows(klynge("funding", "--by", "source,year", "--format", "csv", "--landscape", ced_file))
    table = rows(klynge("funding", "--by", "source,year", "--format", "csv", "--landscape", unknown_file))
    # the amounts are the known contracts' alone; the grant is counted in
    # each row it has days in, once per source
    assert [(r["year"], r["source"], r["amount"]) for r in table if r["amount"] != "0.00"] == \
        [(r["year"], r["source"], r["amount"]) for r in known]
    unknown = {(r["year"], r["source"]): int(r["grants_of_unknown_amount"]) for r in table}
    assert unknown[("2021", "deb")] == unknown[("2022", "ufs")] == 1
    assert unknown[("2020", "siu")] == 0
    assert "grants_of_unknown_amount" not in rows(klynge("funding", "--format", "csv", "--landscape", ced_file))[0]


def test_the_funding_table_says_plus_n_grants_of_unknown_amount(klynge, unknown_file):
    result = klynge("funding", "--by", "year", "--landscape", unknown_file)
    assert result.status == 0, result
    lines = result.stdout.splitlines()
    assert [l for l in lines if l.startswith("2021")][0].endswith("plus 1 grant of unknown amount")
    assert [l for l in lines if l.startswith("2020")][0].endswith("4,006,471.97")  # nothing unknown
    assert lines[-1].startswith("Total") and lines[-1].endswith("plus 1 grant of unknown amount")


def test_the_summary_says_plus_n_grants_of_unknown_amount(klynge, unknown_file):
    result = klynge("summary", "--as-of", "2021-06-30", "--landscape", unknown_file)
    assert result.status == 0, result
    funding = result.stdout.split("Funding by source")[1].split("\n\n")[0].splitlines()
    assert any(l.split()[:1] == ["total"] and l.endswith("plus 1 grant of unknown amount") for l in funding)
    # the total; for deb and for ufs: 2021, 2022 and all
    assert sum(1 for l in funding if "plus 1 grant of unknown amount" in l) == 1 + 3 + 3


DESIGNATED_LANDSCAPE = """<?xml version="1.0" encoding="UTF-8"?>
<landscape xmlns="urn:klynge:landscape:1" version="2">
  <funding-sources>
    <funding-source id="siu" kind="national-agency"><name>SIU</name></funding-source>
  </funding-sources>
  <organisations>
    <organisation id="kb" kind="cluster" founded="2014"><name>Klynge B</name></organisation>
  </organisations>
  <contracts>
    <contract id="kb-2020" holder="kb" start="2020-07-01" end="2021-06-30" amount="1000000.00">
      <share source="siu" percent="100"/>
    </contract>
  </contracts>
  <programmes>
    <programme id="kp-2021" kind="cluster-programme" start="2021-01-01" end="2024-12-31">
      <name>Klyngeprogram 2021-2024</name>
      <designation organisation="kb" role="national-cluster" start="2021-01-01"/>
    </programme>
  </programmes>
</landscape>
"""


@pytest.fixture
def designated_file(tmp_path):
    path = tmp_path / "designated.xml"
    path.write_text(DESIGNATED_LANDSCAPE, encoding="utf-8")
    return path


def test_by_designation_gives_the_role_the_holder_had_on_the_days_paid_for(klynge, designated_file):
    # 184 of the contract's 365 days fall in 2020, before kb was designated
    result = klynge("funding", "--landscape", designated_file, "--by", "year,kind,designation",
                    "--format", "csv")
    assert result.stdout.splitlines() == [
        "year,kind,designation,amount",
        "2020,cluster,none,504109.58",
        "2021,cluster,national-cluster,495890.42",
    ]


def test_by_designation_in_text_has_a_designation_column_and_the_total(klynge, designated_file):
    result = klynge("funding", "--landscape", designated_file, "--by", "designation")
    assert result.status == 0, result
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Designation", "Amount", "(DKK)"]
    assert lines[1].split() == ["none", "504,109.58"]
    assert lines[2].split() == ["national-cluster", "495,890.42"]
    assert lines[3].split() == ["Total", "1,000,000.00"]


def test_an_unknown_grouping_names_designation_among_the_choices(klynge, designated_file):
    result = klynge("funding", "--landscape", designated_file, "--by", "programme")
    assert result.status != 0
    assert "source, holder, year, kind, designation or total" in result.stderr


def test_text_shows_coverage_of_the_envelopes_within_the_period(klynge, srcdir):
    landscape = os.path.join(srcdir, "tests", "data", "valid", "programmes.xml")
    result = klynge("funding", "--from", "2021", "--to", "2022", "--landscape", landscape)
    assert result.status == 0, result
    coverage = result.stdout.split("\nCoverage: ", 1)[1].splitlines()
    assert coverage[1].split() == ["source", "year", "envelope", "recorded", "coverage"]
    assert [line.split()[:2] for line in coverage[2:]] == [
        ["styrelse-x", "2021"], ["2022", "60,000,000.00"], ["region-y", "2021"], ["2022", "5,000,000.00"]]
    # a grant of unknown amount makes the ratio a lower bound
    assert coverage[2].split()[4:] == ["at", "least", "2.50", "%", "plus", "1", "grant", "of",
                                       "unknown", "amount"]
    assert coverage[4].split()[4:] == ["10.00", "%"]


def test_landscapes_without_envelopes_show_no_coverage(klynge, ced_file):
    result = klynge("funding", "--landscape", ced_file)
    assert result.status == 0, result
    assert "Coverage" not in result.stdout
    csv_result = klynge("funding", "--format", "csv", "--landscape", ced_file)
    assert "Coverage" not in csv_result.stdout
