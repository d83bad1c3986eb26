#!/usr/bin/env python3
# fuzz/make-api-seeds.py: writes the seed programs of fuzz/fuzz-api.c
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   make-api-seeds.py [DIRECTORY]     (default: fuzz/seeds-api beside it)
#
# Each seed is a program of operations in the byte format that
# fuzz/fuzz-api.c reads; the helpers below write operands the way the
# harness reads them, so a seed reaches the code it is meant for (records
# that refer to each other, a merger that applies, funding that overflows)
# instead of being refused at once. Keep them in step with the harness:
# the tables and operation codes are copied from it.
import os
import sys

SOME_IDS = ["a", "b", "c", "org-1", "org-2", "m1", "m2", "siu", "eu", "c-1", "c-2",
            "merger-1", "i-1", "x9",
            "", "A", "1a", "a b", "-a", "a-", "a--b", "a_b", "a.b", "\u00e6", "a\n", "\\xc0\\xaf"]
SOME_TEXTS = ["Name", "\u00c6r\u00f8 Klynge", "", " ", " lead", "trail ", "a\tb", "two\nlines",
              "<&>\"'", "]]>", "a\rb", "\x01", "\x7f", "\\xc3", "\\xc0\\xaf",
              "\\xef\\xbf\\xbe", "\\xed\\xa0\\x80", "\\xf4\\x8f\\xbf\\xbf", "https://example.org/x?a=1&b=2",
              "29190909", "29190908", "12345678", "DK29190909"]

# operation codes (the byte modulo 12)
NEW, SET, MEMBERSHIP, REMOVE, MERGER, HISTORY, QUERIES, FUNDING, EXPORTS, SAVE = 0, 3, 4, 5, 6, 7, 8, 9, 10, 11
# record kinds of NEW
ORGANISATION, MEMBER, SOURCE, CONTRACT, MERGER_RECORD, INITIATIVE, PROGRAMME = range(7)


def fixed_id(name):
    """One of the harness's fixed ids, whether or not ids were used before."""
    return [130 + SOME_IDS.index(name)]


def raw_id(text):
    data = text.encode()
    return [0xe0, len(data)] + list(data)


def text(name):
    return [SOME_TEXTS.index(name)]


def raw_text(value):
    data = value.encode()
    return [0xc0, len(data)] + list(data)


def huge_text():
    return [0xff]


def no_date():
    return [0]


def year(y):
    return [1, y - 1990]


def month(y, m):
    return [4, y - 1990, m]


def day(y, m, d):
    return [2, y - 1990, m, d]


def period(start, end):
    return [1] + start + end


def no_period():
    return [0]


def amount_max():
    return [2]


def amount_hundreds(n):
    """n × 100 øre, n below 65536"""
    return [7, n >> 8, n & 0xff]


def organisation(id_, name="Name", setters=()):
    return [NEW, ORGANISATION] + id_ + text(name) + [0, len(setters)] + [b for s in setters for b in s]


def member(id_, name="Name"):
    return [NEW, MEMBER] + id_ + text(name) + [0, 0]


def source(id_, name="Name"):
    return [NEW, SOURCE] + id_ + text(name) + [0, 0]


def contract(id_, holder, amount, when, setters=()):
    return ([NEW, CONTRACT] + id_ + text("Name") + holder + amount + when
            + [len(setters)] + [b for s in setters for b in s])


def programme(id_, name="Name", setters=()):
    return [NEW, PROGRAMME] + id_ + text(name) + [0, len(setters)] + [b for s in setters for b in s]


def programme_dates(start, end):
    return [2, 1, 1] + start + end


def envelope(source_id, when, amount):
    return [3] + source_id + when + amount


def designation(organisation_id, role, area, start, end=None):
    return ([4] + organisation_id + [role] + ([1] + text(area) if area else [0])
            + start + (end if end else no_date()) + [1 if end else 0])


def contract_programme(programme_id):
    return [6, 1] + programme_id


def share(source_id, basis_points):
    return [4] + source_id + [1, basis_points >> 8, basis_points & 0xff]


def initiative(id_, host, setters=()):
    return ([NEW, INITIATIVE] + id_ + text("Name") + host + [0, 0] + [len(setters)]
            + [b for s in setters for b in s])


def initiative_dates(start, end=None):
    return [4] + start + (end if end else no_date()) + [1, 1 if end else 0]


def participant(id_):
    return [6] + id_


def member_participant(id_):
    return [7, 1] + id_


def participants_count(n):
    return [7, 2, n]


def founded(date):
    return [3] + date + [1]


def dissolved(date):
    return [4] + date + [1]


def membership(org, mem, since, until):
    return [MEMBERSHIP] + org + mem + since + until + [1, 1, 1]


def new_merger(id_, successor, effective, predecessors, apply=True):
    # MERGER looks the first id up; "x9" is never a merger in these seeds
    return ([MERGER] + fixed_id("x9") + id_ + successor + [len(predecessors)] + effective + [0]
            + [b for p in predecessors for b in p] + [1 if apply else 0])


def history(id_, date, dot=True):
    return [HISTORY] + id_ + date + [1 if dot else 0]


def queries_and_due_diligence(a, b, ids, date):
    return ([QUERIES] + a + b + [0, 0, 0] + no_date() + [0, 1, 1]
            + [len(ids)] + [x for i in ids for x in i] + date)


def funding(grouping, source_id=None, holder=None, within=None):
    out = [FUNDING, grouping]
    out += [1] + source_id if source_id else [0]
    out += [1] + holder if holder else [0]
    out += within if within else no_period()
    out += [1 if within else 0]
    return out


def exports(kind_index=0):
    return [EXPORTS, 1, kind_index]


SEEDS = {
    # organisations, members, memberships, a contract: every query
    "basic": [0]
    + organisation(fixed_id("a"), setters=[founded(year(2014))])
    + organisation(fixed_id("b"), name="\u00c6r\u00f8 Klynge", setters=[founded(month(2015, 3))])
    + member(fixed_id("m1")) + member(fixed_id("m2"))
    + source(fixed_id("siu"))
    + membership(fixed_id("a"), fixed_id("m1"), year(2015), no_date())
    + membership(fixed_id("b"), fixed_id("m1"), day(2016, 2, 29), day(2030, 12, 31))
    + membership(fixed_id("b"), fixed_id("m2"), year(2016), no_date())
    + contract(fixed_id("c-1"), fixed_id("a"), amount_hundreds(36600),
               period(day(2020, 1, 1), day(2021, 6, 30)), setters=[share(fixed_id("siu"), 10000)])
    + funding(0b1111)
    + funding(0, fixed_id("siu"), fixed_id("a"), period(year(2020), year(2020)))
    + exports(0) + exports(1) + exports(2)
    + history(fixed_id("a"), day(2020, 6, 1))
    + queries_and_due_diligence(fixed_id("a"), fixed_id("b"), [fixed_id("a"), fixed_id("b")], day(2021, 1, 1))
    + [SAVE],
    # a merger of a and b into c that applies, then lineage and views
    "merger": [0]
    + organisation(fixed_id("a"), setters=[founded(year(2010))])
    + organisation(fixed_id("b"), setters=[founded(year(2011))])
    + organisation(fixed_id("c"), setters=[founded(day(2020, 1, 1))])
    + member(fixed_id("m1"))
    + membership(fixed_id("a"), fixed_id("m1"), year(2012), no_date())
    + new_merger(fixed_id("merger-1"), fixed_id("c"), day(2020, 1, 1), [fixed_id("a"), fixed_id("b")])
    + history(fixed_id("a"), day(2021, 1, 1))
    + history(fixed_id("c"), day(2019, 1, 1))
    + queries_and_due_diligence(fixed_id("a"), fixed_id("c"), [fixed_id("b"), fixed_id("c")], no_date())
    + [SAVE],
    # two contracts of the largest amount from one source: the sums are
    # refused (KLYNGE_ERROR_OVERFLOW), never negative
    "overflow": [0]
    + organisation(fixed_id("a"), setters=[founded(year(2014))])
    + organisation(fixed_id("b"), setters=[founded(year(2014))])
    + source(fixed_id("siu"))
    + contract(fixed_id("c-1"), fixed_id("a"), amount_max(), period(year(2020), year(2020)),
               setters=[share(fixed_id("siu"), 10000)])
    + contract(fixed_id("c-2"), fixed_id("b"), amount_max(), period(year(2020), year(2020)),
               setters=[share(fixed_id("siu"), 10000)])
    + funding(0) + funding(1, fixed_id("siu")) + funding(2)
    + queries_and_due_diligence(fixed_id("a"), fixed_id("b"), [fixed_id("a"), fixed_id("b")], day(2021, 1, 1))
    + [SAVE],
    # refusals: invalid ids, texts, dates, shares; removal of what others name
    "refusals": [0]
    + organisation(fixed_id("a"), setters=[founded(year(2014)), dissolved(year(2010)),
                                           [5] + [1] + text("29190908"), [0] + raw_text("x\x00y"),
                                           [7] + text("")])
    + [REMOVE] + raw_id("Bad Id")
    + member(fixed_id("m1"))
    + membership(fixed_id("a"), fixed_id("m1"), year(2015), year(2014))
    + membership(fixed_id("a"), raw_id("nobody"), year(2015), no_date())
    + [SET] + fixed_id("a") + [1, 1] + text("\\xc3")
    + [REMOVE] + fixed_id("m1")
    + [REMOVE] + fixed_id("A")
    + exports(0) + [EXPORTS, 0] + text("Name")
    + [REMOVE] + fixed_id("a")
    + [SAVE],
    # a programme with an envelope and designations, and a contract that
    # names it: saved as version 2 of the format
    "programme": [0]
    + source(fixed_id("siu"))
    + organisation(fixed_id("a"), setters=[founded(year(2014))])
    + organisation(fixed_id("b"), setters=[founded(year(2015))])
    + programme(raw_id("klyngeprogram"), setters=[
        programme_dates(year(2021), year(2024)),
        envelope(fixed_id("siu"), period(day(2021, 1, 1), day(2021, 12, 31)), amount_hundreds(800)),
        envelope(fixed_id("siu"), period(year(2022), year(2022)), amount_hundreds(700)),
        designation(fixed_id("a"), 0, "Name", month(2021, 1), day(2024, 12, 31)),
        designation(fixed_id("b"), 2, None, year(2021))])
    + contract(fixed_id("c-1"), fixed_id("a"), amount_hundreds(100), period(year(2021), year(2021)),
               setters=[share(fixed_id("siu"), 10000), contract_programme(raw_id("klyngeprogram"))])
    + [REMOVE] + raw_id("klyngeprogram")
    + [SAVE],
    # an initiative with an organisation and two members taking part and a
    # stated count (version 2); a member that takes part cannot be
    # removed; a count below the list is refused
    "participants": [0]
    + organisation(fixed_id("a"), setters=[founded(year(2014))])
    + member(fixed_id("m1")) + member(fixed_id("m2"))
    + initiative(fixed_id("i-1"), fixed_id("a"), setters=[
        initiative_dates(year(2020)), participant(fixed_id("a")),
        member_participant(fixed_id("m1")), member_participant(fixed_id("m2")),
        participants_count(5)])
    + initiative(raw_id("i-2"), fixed_id("a"), setters=[
        member_participant(fixed_id("m1")), member_participant(fixed_id("m2")),
        participants_count(1)])
    + [REMOVE] + fixed_id("m1")
    + exports(0)
    + [SAVE],
    # the built-in landscape, queried
    "default": [0xff]
    + funding(0b1111)
    + history(raw_id("ced"), day(2020, 6, 1))
    + queries_and_due_diligence(raw_id("ced"), raw_id("eic"), [raw_id("ced"), raw_id("eic")], day(2022, 1, 1))
    + exports(0)
    + [SAVE],
}


USAGE = "usage: make-api-seeds.py [DIRECTORY]  (default: fuzz/seeds-api beside it)"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    args = sys.argv[1:]
    # an option is never a directory: a mistyped --help once wrote seeds
    # into ./--help
    if len(args) > 1 or (args and args[0].startswith("-")):
        print(USAGE, file=sys.stderr if args[0] not in ("-h", "--help") else sys.stdout)
        sys.exit(0 if args[0] in ("-h", "--help") else 2)
    out = args[0] if args else os.path.join(here, "seeds-api")
    os.makedirs(out, exist_ok=True)
    for name, program in SEEDS.items():
        with open(os.path.join(out, "api-" + name), "wb") as f:
            f.write(bytes(program))


if __name__ == "__main__":
    main()
