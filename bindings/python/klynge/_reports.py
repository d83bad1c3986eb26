# SPDX-License-Identifier: LGPL-2.1-or-later
"""The library's reports as DataFrames and dicts: funding totals, due
diligence and lineage.  Every figure comes from the library's own call
(klynge_landscape_funding_totals_checked(), klynge_landscape_due_diligence(),
klynge_landscape_list_ancestors() ...); this module only lays it out."""

import datetime

from . import _sugar
from ._dataframe import need_pandas
from ._errors import raises_klynge_error
from ._gi import Klynge
from ._tables import PRECISIONS

__all__ = ["funding_frame", "due_diligence", "due_diligence_dict", "due_diligence_frames",
           "lineage_frame"]

# by= words → (grouping flag, column, how to read it off a FundingTotal)
_FUNDING_KEYS = {
    "source": ("SOURCE", lambda t: t.get_source()),
    "holder": ("HOLDER", lambda t: t.get_holder()),
    "year": ("YEAR", lambda t: t.get_year()),
    "kind": ("KIND", lambda t: t.get_kind_name()),
    "designation": ("DESIGNATION", lambda t: t.get_designation_role_name()),
}


def _date(value):
    """A :class:`Klynge.Date` from a date, an ISO text or a Klynge.Date:
    the package's one conversion (_sugar)."""
    return _sugar._as_date(value)


@raises_klynge_error
def _period(period):
    """A :class:`Klynge.Period` (or ``None``) as the package converts
    them (_sugar): a period, its text or a ``(start, end)`` pair."""
    if period is None:
        return None
    return _sugar._as_period(tuple(period) if isinstance(period, list) else period)


@raises_klynge_error
def _totals(landscape, grouping, within):
    return list(landscape.funding_totals_checked(grouping, within))


def funding_frame(landscape, by="source", period=None):
    """The funding totals of *landscape* as a tidy :class:`pandas.DataFrame`:
    one row per group, the library's own figures
    (``landscape.funding_totals_checked()``), in its order.

    *by*
        ``"source"``, ``"holder"``, ``"year"``, ``"kind"`` (of the holder
        organisation), ``"designation"`` (the role the holder was
        designated in on the days paid for), a list of them (``["source",
        "year"]``), or ``None``/``[]`` for one grand total;
    *period*
        ``None`` for every day, or the days to count: a ``(start, end)``
        pair of :class:`datetime.date`, ISO texts (``"2021"``,
        ``"2021-06-30"``) or :class:`Klynge.Date`, a text
        ``"2021-01-01..2021-12-31"``, one date's text (``"2021"``: all its
        days) or a :class:`Klynge.Period`; a contract's amount is pro-rated
        by days.

    Columns: the keys of *by* in its order (``year`` an ``int64``, the
    others strings), then ``amount_ore``, the total in øre (``Int64``,
    exact: each share of a contract is split to the øre as the library
    does), and ``n_unknown``, how many contracts of unknown amount the
    group has (their amounts are in no total).  Raises
    :class:`klynge.Error` (``LIMIT_EXCEEDED``) when a total would overflow
    and :class:`ValueError` for an unknown *by*.
    """
    pandas = need_pandas("funding_frame()")
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    grouping = 0
    for key in keys:
        if key not in _FUNDING_KEYS:
            raise ValueError("funding_frame(by=%r): by is one of %s" % (
                key, ", ".join(sorted(_FUNDING_KEYS))))
        grouping |= int(getattr(Klynge.FundingGrouping, _FUNDING_KEYS[key][0]))
    totals = _totals(landscape, Klynge.FundingGrouping(grouping), _period(period))
    columns = {key: [_FUNDING_KEYS[key][1](t) for t in totals] for key in keys}
    frame = pandas.DataFrame({key: pandas.Series(values, dtype="int64" if key == "year"
                                                 else "string")
                              for key, values in columns.items()})
    frame["amount_ore"] = pandas.array([t.get_amount() for t in totals], dtype="Int64")
    frame["n_unknown"] = pandas.array([t.get_n_unknown() for t in totals], dtype="int64")
    return frame


@raises_klynge_error
def due_diligence(landscape, organisations, on):
    """The due-diligence report (:class:`Klynge.DueDiligence`) on merging
    *organisations* (ids) on the day *on* (a :class:`datetime.date`, an
    ISO text or a :class:`Klynge.Date`)."""
    return landscape.due_diligence(list(organisations), _date(on))


def _count(count):
    """A :class:`Klynge.Count` as a dict: value and ``"exact"``,
    ``"at-least"`` or ``"unknown"``."""
    return {"value": count.value, "certainty": count.certainty.value_nick}


def _period_dict(period):
    if period is None:
        return None
    return {"start": period.start.to_date(), "end": _last_day(period.end)}


def _last_day(date):
    """The last day a Klynge.Date stands for."""
    if not date.year:
        return None
    if date.day:
        return datetime.date(date.year, date.month, date.day)
    if date.month:
        following = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(date.year, 12, 31)


def _contract(contract):
    amount = contract.get_amount()
    period = contract.get_period()
    return {"id": contract.get_id(), "holder": contract.get_holder(),
            "start": period.start.to_date(), "end": _last_day(period.end),
            "amount_ore": amount if amount >= 0 else None}


def due_diligence_dict(report):
    """Everything a :class:`Klynge.DueDiligence` report says, as plain
    Python values (the same as ``report.to_dict()``)::

        {"organisations": [ids], "date": date, "exact": bool, "blocked": bool,
         "members": {id: {"value": n, "certainty": "exact"|"at-least"|"unknown"}},
         "combined_members": {"value": ..., "certainty": ...},
         "members_by_kind": {kind: count dict}, "members_by_size": {...},
         "members_by_role": {...},
         "overlaps": [{"a", "b", "shared", "union", "jaccard", "exact"}],
         "shared_members": [ids],
         "year_before": {"start", "end"}, "year_after": {...},
         "funding": [{"source", "before_ore", "after_ore",
                      "n_unknown_before", "n_unknown_after"}],
         "moving_contracts": [contract dicts], "ending_contracts": [...],
         "conflicts": [{"a", "b", "source", "start", "end"}],
         "focus_areas": {area: n}, "cities": {city: n},
         "problems": [{"code", "record", "message"}]}

    Counts of members carry their certainty: a member list that is not
    known to be complete gives "at-least" (or "unknown"), never a bare
    number that may be short.  A contract's ``amount_ore`` is ``None``
    when not known.
    """
    organisations = list(report.get_organisations())
    sources = list(report.get_funding_sources())

    def counts_by(enum, getter, skip=()):
        result = {}
        for value in sorted(enum.__enum_values__):
            member = enum.__enum_values__[value]
            if member.value_nick not in skip:
                result[member.value_nick] = _count(getter(member))
        return result

    return {
        "organisations": organisations,
        "date": report.get_date().to_date(),
        "exact": report.is_exact(),
        "blocked": report.is_blocked(),
        "members": {o: _count(report.get_member_count(o)) for o in organisations},
        "combined_members": _count(report.get_combined_member_count()),
        "members_by_kind": counts_by(Klynge.MemberKind, report.get_kind_count),
        "members_by_size": counts_by(Klynge.MemberSize, report.get_size_count),
        "members_by_role": counts_by(Klynge.MembershipRole, report.get_role_count),
        "overlaps": [{"a": o.get_a(), "b": o.get_b(), "shared": o.get_shared(),
                      "union": o.get_union(), "jaccard": o.get_jaccard(),
                      "exact": o.is_exact()} for o in report.get_overlaps()],
        "shared_members": [m.get_id() for m in report.list_shared_members()],
        "year_before": _period_dict(report.get_year_before()),
        "year_after": _period_dict(report.get_year_after()),
        "funding": [{"source": s,
                     "before_ore": report.get_funding_before(s),
                     "after_ore": report.get_funding_after(s),
                     "n_unknown_before": report.get_n_unknown_before(s),
                     "n_unknown_after": report.get_n_unknown_after(s)} for s in sources],
        "moving_contracts": [_contract(c) for c in report.list_moving_contracts()],
        "ending_contracts": [_contract(c) for c in report.list_ending_contracts()],
        "conflicts": [{"a": c.get_a(), "b": c.get_b(), "source": c.get_source(),
                       "start": c.get_period().start.to_date(),
                       "end": _last_day(c.get_period().end)} for c in report.get_conflicts()],
        "focus_areas": {f: report.count_focus_area(f) for f in report.get_focus_areas()},
        "cities": {c: report.count_city(c) for c in report.get_cities()},
        "problems": [{"code": Klynge.Error(p.get_code()).value_nick,
                      "record": p.get_record_id(), "message": p.get_message()}
                     for p in report.get_problems()],
    }


def due_diligence_frames(report):
    """The tables of a :class:`Klynge.DueDiligence` report as
    :class:`pandas.DataFrame`\\ s, by name:

    ``members``
        organisation, members, certainty (one row per organisation, then
        one for ``"combined"``)
    ``overlaps``
        a, b, shared, union, jaccard, exact
    ``shared_members``
        id
    ``funding``
        source, before_ore, after_ore (``Int64`` øre),
        n_unknown_before, n_unknown_after
    ``moving_contracts``, ``ending_contracts``
        id, holder, start, end, amount_ore
    ``conflicts``
        a, b, source, start, end
    ``coverage``
        what (``"focus_area"`` or ``"city"``), value, organisations

    The figures are :func:`due_diligence_dict`'s.
    """
    pandas = need_pandas("due_diligence_frames()")
    report_dict = due_diligence_dict(report)

    def frame(rows, columns, types=None):
        result = pandas.DataFrame(rows, columns=columns)
        for column, dtype in (types or {}).items():
            result[column] = result[column].astype(dtype)
        return result

    contract_types = {"start": "datetime64[ns]", "end": "datetime64[ns]", "amount_ore": "Int64"}
    members = [{"organisation": o, "members": c["value"], "certainty": c["certainty"]}
               for o, c in report_dict["members"].items()]
    combined = report_dict["combined_members"]
    members.append({"organisation": "combined", "members": combined["value"],
                    "certainty": combined["certainty"]})
    certainty = [Klynge.CountCertainty.__enum_values__[v].value_nick
                 for v in sorted(Klynge.CountCertainty.__enum_values__)]
    coverage = ([{"what": "focus_area", "value": k, "organisations": n}
                 for k, n in report_dict["focus_areas"].items()]
                + [{"what": "city", "value": k, "organisations": n}
                   for k, n in report_dict["cities"].items()])
    return {
        "members": frame(members, ["organisation", "members", "certainty"],
                         {"certainty": pandas.CategoricalDtype(certainty)}),
        "overlaps": frame(report_dict["overlaps"], ["a", "b", "shared", "union", "jaccard",
                                                    "exact"]),
        "shared_members": frame([{"id": i} for i in report_dict["shared_members"]], ["id"]),
        "funding": frame(report_dict["funding"], ["source", "before_ore", "after_ore",
                                                  "n_unknown_before", "n_unknown_after"],
                         {"before_ore": "Int64", "after_ore": "Int64"}),
        "moving_contracts": frame(report_dict["moving_contracts"],
                                  ["id", "holder", "start", "end", "amount_ore"], contract_types),
        "ending_contracts": frame(report_dict["ending_contracts"],
                                  ["id", "holder", "start", "end", "amount_ore"], contract_types),
        "conflicts": frame(report_dict["conflicts"], ["a", "b", "source", "start", "end"],
                           {"start": "datetime64[ns]", "end": "datetime64[ns]"}),
        "coverage": frame(coverage, ["what", "value", "organisations"]),
    }


@raises_klynge_error
def _links(landscape, organisation, direction):
    if direction == "ancestors":
        return list(landscape.list_ancestors(organisation))
    return list(landscape.list_descendants(organisation))


def lineage_frame(landscape, organisation, direction="ancestors"):
    """The lineage of *organisation* as a :class:`pandas.DataFrame`, one
    row per link in the library's order (``landscape.list_ancestors()`` or
    ``list_descendants()``):

    *direction*
        ``"ancestors"`` (the organisations it continues), ``"descendants"``
        (those that continue it) or ``"both"`` (ancestors, then
        descendants, with a ``direction`` column saying which).

    Columns: ``organisation`` (the ancestor or descendant), ``via`` (the
    organisation it is linked through), ``merger``, ``kind`` (categorical
    of the merger kinds), ``effective`` (``datetime64[ns]``, the first day)
    and ``effective_precision``, ``depth`` (1 for a direct link).  An
    unknown *organisation* raises :class:`klynge.Error`.
    """
    pandas = need_pandas("lineage_frame()")
    if direction not in ("ancestors", "descendants", "both"):
        raise ValueError("direction is 'ancestors', 'descendants' or 'both', not %r"
                         % (direction,))
    directions = ("ancestors", "descendants") if direction == "both" else (direction,)
    rows = []
    for which in directions:
        for link in _links(landscape, organisation, which):
            effective = link.get_effective()
            row = {"organisation": link.get_organisation(), "via": link.get_via(),
                   "merger": link.get_merger(), "kind": link.get_kind().value_nick,
                   "effective": effective.to_date(),
                   "effective_precision": effective.precision_name,
                   "depth": link.get_depth()}
            if direction == "both":
                row = {"direction": which, **row}
            rows.append(row)
    columns = (["direction"] if direction == "both" else []) + [
        "organisation", "via", "merger", "kind", "effective", "effective_precision", "depth"]
    frame = pandas.DataFrame(rows, columns=columns)
    kinds = Klynge.MergerKind.__enum_values__
    frame["kind"] = frame["kind"].astype(pandas.CategoricalDtype(
        [kinds[v].value_nick for v in sorted(kinds)]))
    frame["effective"] = frame["effective"].astype("datetime64[ns]")
    frame["effective_precision"] = frame["effective_precision"].astype(
        pandas.CategoricalDtype(list(PRECISIONS)))
    frame["depth"] = frame["depth"].astype("int64")
    for column in ("organisation", "via", "merger"):
        frame[column] = frame[column].astype("string")
    return frame


def install():
    """``report.to_dict()`` and ``report.to_frames()`` on
    :class:`Klynge.DueDiligence`."""
    Klynge.DueDiligence.to_dict = due_diligence_dict
    Klynge.DueDiligence.to_frames = due_diligence_frames
