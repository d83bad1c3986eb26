#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A worked analysis of the Danish cluster landscape with the klynge package.

    python3 examples/analyst.py                       # the built-in data
    python3 examples/analyst.py --landscape FILE.xml  # a landscape file

Three questions an analyst of the cluster programme asks:

1. Consolidation timeline: which national clusters the programmes
   designated, for which areas; which clusters and networks merged into
   which (or gave parts to, or were renamed), when; and how many
   organisations were active and designated at the start of each year.
2. Funding per funder and year: what each funding source paid, pro-rated
   by days over the contract periods (exact, in kroner).
3. Member overlap: how many members each pair of organisations shares
   (the count and the Jaccard index), as a matrix; exact only where both
   member lists are stated complete.

It uses pandas for the tables when it is installed and plain Python
otherwise; the numbers are the same.  The built-in data cites public
sources and has no members (member lists of clusters are not public), so
the overlap matrix is empty there; run it on a landscape file with members
to see one.
"""

import argparse
import sys
from decimal import Decimal

import klynge
from klynge import Klynge


def kroner(ore):
    """øre (an int) as kroner with thousands separated by spaces."""
    return Klynge.money_to_grouped_string(ore).replace(",", " ")


def designated_national_clusters(landscape):
    """The national clusters designated when the latest programme started,
    with their areas and how long each designation lasted."""
    national = klynge.designations(landscape, role="national-cluster")
    if not national:
        return
    first = max(d.get_start() for d in national)
    print("  national clusters designated from %s:" % first)
    for designation in national:
        if str(designation.get_start()) != str(first):
            continue
        end = designation.get_end()
        print("    %-16s %-40s %s – %s" % (designation.get_organisation(),
                                         designation.get_area() or "",
                                         designation.get_start(), end if end else ""))
    print()


def consolidation_timeline(landscape):
    print("1. Consolidation timeline")
    print("-------------------------")
    designated_national_clusters(landscape)
    mergers = sorted(klynge.to_records(landscape, "merger"),
                     key=lambda m: (m["effective"], m["id"]))
    for merger in mergers:
        effective = klynge.format_date(merger["effective"], merger["effective_precision"])
        print("  %-10s %-10s %-9s %s <- %s" % (effective, merger["kind"], merger["status"],
                                             merger["successor"],
                                             ", ".join(merger["predecessors"])))
    if not mergers:
        print("  (no mergers)")
    organisations = klynge.to_records(landscape, "organisation")
    years = sorted({o["founded"].year for o in organisations if o["founded"]}
                   | {m["effective"].year for m in mergers}
                   | {d["end"].year for d in klynge.to_records(landscape, "designation") if d["end"]})
    if years:
        print()
        print("  on 1 January: clusters and networks active / all active / national clusters designated:")
        # up to the last year the data covers: no claim about later years
        for year in range(max(years[0], years[-1] - 12), years[-1] + 1):
            view = Klynge.LandscapeView.new(landscape, Klynge.Date.new(year, 1, 1))
            active = [o for o in landscape.organisations() if view.is_active(o.get_id())]
            clusters = [o for o in active
                        if o.get_kind() in (Klynge.OrganisationKind.CLUSTER,
                                            Klynge.OrganisationKind.INNOVATION_NETWORK)]
            date = "%d-01-01" % year
            designated = klynge.designations(landscape, on=date, role="national-cluster")
            print("    %d  %3d / %3d / %3d  %s" % (year, len(clusters), len(active), len(designated),
                                                  "#" * len(clusters)))
    print()


def funding_per_funder_and_year(landscape):
    print("2. Funding per funder and year (DKK, pro-rated by days)")
    print("--------------------------------------------------------")
    grouping = Klynge.FundingGrouping.SOURCE | Klynge.FundingGrouping.YEAR
    totals = landscape.funding_totals(grouping, None)
    table = {}
    for total in totals:
        table.setdefault(total.get_source(), {})[total.get_year()] = total.get_amount()
    years = sorted({year for row in table.values() for year in row})
    if not table:
        print("  (no contracts)")
        print()
        return
    try:
        import pandas
    except ImportError:
        pandas = None
    if pandas is not None:
        frame = pandas.DataFrame(
            {year: [Decimal(table[s].get(year, 0)) / 100 for s in table] for year in years},
            index=list(table))
        frame.index.name = "source"
        frame["total"] = frame.sum(axis=1)
        # DataFrame.map is pandas >= 2.1; applymap before
        each_cell = frame.map if hasattr(pandas.DataFrame, "map") else frame.applymap
        with pandas.option_context("display.width", 200, "display.max_columns", 20):
            print(each_cell(lambda v: "%.0f" % v).to_string())
    else:
        print("  %-10s" % "source" + "".join("%14d" % y for y in years) + "%16s" % "total")
        for source, row in table.items():
            print("  %-10s" % source + "".join("%14s" % kroner(row.get(y, 0)).split(".")[0]
                                              for y in years)
                  + "%16s" % kroner(sum(row.values())).split(".")[0])
    grand = sum(t.get_amount() for t in totals)
    contracts = sum(c["amount_ore"] or 0 for c in klynge.to_records(landscape, "contract"))
    print("  all sources, all years: DKK %s (the contracts total DKK %s)"
          % (kroner(grand), kroner(contracts)))
    assert grand == contracts, "pro-rating must add up to the contracts"
    print()


def member_overlap_matrix(landscape):
    print("3. Member overlap (shared members / Jaccard)")
    print("--------------------------------------------")
    overlaps = landscape.member_overlaps(1)
    members = klynge.to_records(landscape, "membership")
    print("  %d memberships of %d members" % (len(members),
                                              len({m["member"] for m in members})))
    if not overlaps:
        print("  no two organisations share a member")
        print()
        return
    names = sorted({o.get_a() for o in overlaps} | {o.get_b() for o in overlaps})
    cell = {}
    for overlap in overlaps:
        known, jaccard = overlap.get_exact_jaccard()
        if known:
            value = "%d/%.2f" % (overlap.get_shared(), jaccard)
        else:
            # a member list not stated complete: at least the shared members
            # recorded, and no Jaccard index
            value = "%d+/?" % overlap.get_shared()
        cell[overlap.get_a(), overlap.get_b()] = cell[overlap.get_b(), overlap.get_a()] = value
    if any(not overlap.is_exact() for overlap in overlaps):
        print("  N+/? = at least N shared, Jaccard not known (member lists not stated complete)")
    width = max(10, max(len(n) for n in names))
    print("  " + " " * width + "".join("%*s" % (width + 1, n) for n in names))
    for a in names:
        print("  %-*s" % (width, a) + "".join(
            "%*s" % (width + 1, "-" if a == b else cell.get((a, b), ".")) for b in names))
    print()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--landscape", metavar="FILE",
                        help="a landscape XML file instead of the built-in data")
    args = parser.parse_args(argv)
    try:
        landscape = klynge.load(args.landscape) if args.landscape else klynge.default()
    except klynge.Error as error:
        print("analyst.py: %s" % error, file=sys.stderr)
        return 1
    print("klynge %s: %r" % (klynge.__version__, landscape))
    print()
    consolidation_timeline(landscape)
    funding_per_funder_and_year(landscape)
    member_overlap_matrix(landscape)
    return 0


if __name__ == "__main__":
    sys.exit(main())
