# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python threads reading one landscape at once.

PyGObject lets go of the GIL around every call into klynge, so Python
threads run klynge's read functions truly at the same time; the
landscape's thread contract allows any number of readers. Each round
edits the landscape (leaving its index by member stale), then starts
eight threads together on it and compares what they saw with what one
thread sees."""

import threading

N_THREADS = 8
N_MEMBERS = 2000
N_ORGS = 20
N_ROUNDS = 8
N_LISTED = 150


def _document():
    # member m belongs to organisation o when (m + o) % 4 == 0
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<landscape xmlns="urn:klynge:landscape:1" version="1">', "<members>"]
    lines += ['<member id="m-%d" kind="company"><name>Member %d</name></member>' % (m, m)
              for m in range(N_MEMBERS)]
    lines.append("</members><organisations>")
    for o in range(N_ORGS):
        lines.append('<organisation id="org-%d" kind="cluster"><name>Org %d</name>' % (o, o))
        lines += ['<membership member="m-%d" since="2020-01-%02d"/>' % (m, 1 + m % 28)
                  for m in range(N_MEMBERS) if (m + o) % 4 == 0]
        lines.append("</organisation>")
    lines.append("</organisations></landscape>")
    return "\n".join(lines)


def _expected_memberships(Klynge, landscape):
    """Each member's memberships in the order list_memberships_of_member()
    gives them, gathered from the organisations' side so that the index
    by member stays stale."""
    expected = {}
    for org in landscape.list(Klynge.Organisation):
        for membership in landscape.list_memberships_of_organisation(org.get_id()):
            expected.setdefault(membership.get_member(), []).append(membership)
    return expected


def _read(landscape, thread, round_, barrier, expected, seen, failures):
    ids = ["m-%d" % m for m in range(N_MEMBERS)]
    start = thread * (N_MEMBERS // N_THREADS)
    try:
        barrier.wait()
        for k in range(N_LISTED):
            member = ids[(start + 7 * k) % N_MEMBERS]
            got = list(landscape.list_memberships_of_member(member))
            if got != expected.get(member, []):
                failures.append("%s: listed %r, expected %r" % (member, got, expected.get(member)))
        # members no thread has looked up yet, every thread the same ones
        for m in range(round_, N_MEMBERS, 13 * N_ROUNDS):
            record = landscape.lookup("m-%d" % m)
            if record.get_name() != "Member %d" % m:
                failures.append("m-%d: looked up %r" % (m, record.get_name()))
            seen.append(record)
        seen.append(len(landscape.member_overlaps(1)))
    except Exception as error:  # a failure in a thread must reach the test
        failures.append(repr(error))


def test_python_threads_reading_one_landscape_see_what_one_thread_sees(klynge, Klynge):
    landscape = klynge.loads(_document(), name="threads.xml")
    for round_ in range(N_ROUNDS):
        # an edit: the index by member is stale, a member is new
        org = (4 - round_ % 4) % 4 + 4 * (round_ // 4 % (N_ORGS // 4))
        assert landscape.remove_membership("org-%d" % org, "m-%d" % round_, None)
        assert landscape.add(Klynge.Member.new("new-%d" % round_, Klynge.MemberKind.COMPANY, "New"))
        expected = _expected_memberships(Klynge, landscape)
        barrier = threading.Barrier(N_THREADS)
        failures = []
        seen = [[] for _ in range(N_THREADS)]
        threads = [threading.Thread(target=_read,
                                    args=(landscape, t, round_, barrier, expected, seen[t], failures))
                   for t in range(N_THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        # one object per member, whichever thread made it; one overlap count
        assert all(len(s) == len(seen[0]) for s in seen)
        for t in range(1, N_THREADS):
            assert all(a is b for a, b in zip(seen[t][:-1], seen[0][:-1]))
            assert seen[t][-1] == len(landscape.member_overlaps(1))
