#!/usr/bin/env python3
# fuzz/make-tables-seeds.py: writes the seeds of fuzz/fuzz-tables.c
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   make-tables-seeds.py KLYNGE OUTPUT-DIRECTORY FIXTURE.xml... [TABLES-DIRECTORY...]
#
# KLYNGE is the built command-line tool (tools/klynge). Each fixture is
# exported with `klynge export --format csv --all`; each directory of
# tables (such as tests/data/tables) is taken as it is. Every set of
# tables becomes one seed in the format fuzz/fuzz-tables.c reads: a flags
# byte ('0': none), then chunks separated by 0x1E, each a table's selector
# byte ('a' + its index in KINDS) and its CSV text. Tables with a header
# and no row are left out (the loader needs only organisation, member
# and membership), which keeps the seeds small.
import os
import subprocess
import sys
import tempfile

# klynge_landscape_export_csv_kinds(), in its order (lib/klynge-tables.c)
KINDS = ["organisation", "member", "membership", "funding-source", "contract", "share",
         "programme", "envelope", "designation", "merger", "initiative", "location",
         "focus-area", "label", "predecessor", "participant", "source", "identifier"]
ALWAYS = {"organisation", "member", "membership"}
SEPARATOR = b"\x1e"


def seed_of(directory):
    chunks = []
    for i, kind in enumerate(KINDS):
        path = os.path.join(directory, kind + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            csv = f.read()
        if kind not in ALWAYS and csv.count(b"\n") <= 1:
            continue
        chunks.append(bytes([ord("a") + i]) + csv)
    return b"0" + SEPARATOR.join(chunks)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__ or "usage: make-tables-seeds.py KLYNGE OUTPUT FIXTURE...")
    klynge, output, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(output, exist_ok=True)
    for source in sources:
        name = os.path.basename(source.rstrip("/"))
        if os.path.isdir(source):
            seed = seed_of(source)
            name = "tables-dir-" + name
        else:
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "t")
                subprocess.run([klynge, "export", "--format", "csv", "--all",
                                "--landscape", source, "--output", out], check=True)
                seed = seed_of(out)
            name = os.path.splitext(name)[0]
        write(output, name, seed)
        # the other paths of the harness: the _with_problems variant
        # (flag '1'), small caps ('3'), and a chunk that is no table ('s')
        if name == "full":
            write(output, "full-with-problems", b"1" + seed[1:])
        if name == "tables-dir-tables":
            write(output, "tables-dir-tables-small-caps", b"3" + seed[1:])
            write(output, "tables-dir-tables-and-one-that-is-no-table",
                  b"1" + seed[1:] + SEPARATOR + b"sid,name\r\nx,y\r\n")


def write(directory, name, data):
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
