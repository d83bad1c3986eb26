# SPDX-License-Identifier: LGPL-2.1-or-later
"""Notebook display: ``_repr_html_`` of a landscape (its headline figures)
and of every record (its fields), and :func:`headline`, the figures as a
dict.

Every figure is the library's: the status of each organisation on the
date (``landscape.get_status()``), the designations in force
(``landscape.designations()``), the funding totals
(``funding_totals_checked()``) and the coverage of the envelopes
(``landscape.coverage()``), counted as ``klynge summary`` counts them.
The HTML is a plain table: every text escaped, no script, no style sheet,
nothing fetched from elsewhere.
"""

import html

from ._gi import GLib, Klynge

__all__ = ["headline", "data_span", "summary_date", "landscape_html", "record_html"]


# --- the date ``klynge summary`` uses -------------------------------------------
#
# The library holds the rule (klynge_landscape_get_date_span() and
# klynge_landscape_get_default_date()); these only name it for Python.

def data_span(landscape):
    r"""The first and last day of the dates *landscape* states
    (organisations' founding, dissolution and known-until dates,
    contracts, programmes and their designations, mergers, initiatives),
    as :class:`Klynge.Date`\\ s, or ``(None, None)`` when it states none:
    the span ``klynge summary`` prints as "Dates in the data"."""
    stated, first, last = landscape.get_date_span()
    if not stated:
        return None, None
    return first, last


def summary_date(landscape):
    """The date ``klynge summary`` describes without ``--as-of``, and why:
    ``(date, note)``, *note* being ``"today"``, ``"the latest date in the
    data"`` or ``"the earliest date in the data"``."""
    date = landscape.get_default_date()
    first, last = data_span(landscape)
    today = Klynge.Date.init_today()
    if first is not None and today.get_first_day() > last.get_last_day():
        return date, "the latest date in the data"
    if first is not None and today.get_first_day() < first.get_first_day():
        return date, "the earliest date in the data"
    return date, "today"


# --- the figures ------------------------------------------------------------------

def _nicks(enum):
    values = enum.__enum_values__
    return [values[v] for v in sorted(values)]


def _count_text(active, not_known):
    """``"12"`` or ``"12 active, 2 not known"``, as the tool words it."""
    if not_known == 0:
        return "%d" % active
    return "%d active, %d not known" % (active, not_known)


def _money(ore):
    return "%s DKK" % Klynge.money_to_grouped_string(ore)


def _unknown_grants(n):
    return "" if n == 0 else " plus %d grant%s of unknown amount" % (n, "" if n == 1 else "s")


def headline(landscape, on=None):
    r"""The headline figures of *landscape* as a dict, those its notebook
    display shows:

    ``date``, ``date_note``
        the date the organisations are counted on (a :class:`Klynge.Date`)
        and why: *on* if given (``"given"``), otherwise ``klynge
        summary``'s default (:func:`summary_date`);
    ``national_clusters``
        ids of the organisations active on the date and designated national
        clusters then, in the programmes' order, each once;
    ``others``
        ``{kind: (active, not_known)}`` for every organisation kind, in the
        enumeration's order: the other organisations active on the date and
        those whose status that day is not known;
    ``members``, ``memberships``
        how many members and memberships the landscape records;
    ``members_count``, ``memberships_count``
        the same as :class:`Klynge.Count`\ s: exact only when every
        organisation's member list is complete, otherwise "at least" what
        is recorded, and "not known" when nothing is;
    ``member_lists``
        ``{"complete": n, "partial": n, "unknown": n}``, organisations by
        how complete their recorded member list is;
    ``funding_ore``, ``funding_unknown``, ``funding_years``
        every contract's amount in øre, the number of contracts of unknown
        amount, and the first and last calendar year paid for (``None``
        without contracts); ``None`` for the amount when it would overflow;
    ``coverage``
        ``{"envelope_ore", "recorded_ore", "years"}``: the programmes'
        envelopes and what the contracts naming them hold, summed over the
        source-years that have an envelope (``None`` when no programme has
        one).
    """
    if on is None:
        date, note = summary_date(landscape)
    else:
        from ._sugar import _as_date
        date, note = _as_date(on), "given"
    ACTIVE = Klynge.OrganisationStatus.ACTIVE

    organisations_filter = Klynge.Filter.new()
    organisations_filter.set_active_on(date)
    organisations_filter.set_include_not_known(True)
    listed = list(landscape.list_organisations(organisations_filter))
    active = {o.get_id() for o in listed
              if landscape.get_status(o.get_id(), date)[0] == ACTIVE}

    in_force = Klynge.DesignationFilter.new()
    in_force.set_active_on(date)
    in_force.set_role(Klynge.DesignationRole.NATIONAL_CLUSTER)
    national = []
    for designation in landscape.designations(in_force):
        organisation = designation.get_organisation()
        if organisation in active and organisation not in national:
            national.append(organisation)

    kinds = _nicks(Klynge.OrganisationKind)
    others = {kind.value_nick: [0, 0] for kind in kinds}
    chosen = set(national)
    for organisation in listed:
        id = organisation.get_id()
        if id in chosen:
            continue
        others[organisation.get_kind().value_nick][0 if id in active else 1] += 1

    member_lists = {value.value_nick: 0 for value in _nicks(Klynge.MemberList)}
    for organisation in landscape.list(Klynge.Organisation.__gtype__):
        member_lists[organisation.get_member_list().value_nick] += 1
    n_memberships = landscape.count_memberships()
    incomplete = member_lists.get("partial", 0) + member_lists.get("unknown", 0)
    # exact only when every organisation states its list complete;
    # otherwise "at least n", or "not known" when none is recorded
    memberships_count = Klynge.Count.init(n_memberships, incomplete == 0)
    n_members = landscape.count(Klynge.Member.__gtype__)
    members_count = Klynge.Count.init(n_members, incomplete == 0)

    try:
        grand = list(landscape.funding_totals_checked(Klynge.FundingGrouping(0), None))
        funding_ore = grand[0].get_amount() if grand else 0
        funding_unknown = grand[0].get_n_unknown() if grand else 0
    except GLib.Error:
        funding_ore, funding_unknown = None, 0
    # None when a year's total would overflow, as the grand total above
    years = sorted({t.get_year() for t in landscape.funding_totals(
        Klynge.FundingGrouping.YEAR, None) or ()})

    try:
        rows = [row for row in landscape.coverage(None) if row.get_envelope() > 0]
    except GLib.Error:
        rows = []
    coverage = None
    if rows:
        coverage = {"envelope_ore": sum(r.get_envelope() for r in rows),
                    "recorded_ore": sum(r.get_recorded() for r in rows),
                    "years": (min(r.get_year() for r in rows), max(r.get_year() for r in rows))}

    return {
        "date": date, "date_note": note,
        "national_clusters": national,
        "others": {kind: tuple(counts) for kind, counts in others.items()},
        "members": n_members,
        "members_count": members_count,
        "memberships": n_memberships,
        "member_lists": member_lists,
        "memberships_count": memberships_count,
        "funding_ore": funding_ore,
        "funding_unknown": funding_unknown,
        "funding_years": (years[0], years[-1]) if years else None,
        "coverage": coverage,
    }


def _percent(part, whole):
    """part ÷ whole as ``"12.34 %"``, rounded half up to the basis point
    and written by the library (klynge_percent_to_string())."""
    basis_points = (part * 10000 * 2 + whole) // (2 * whole)
    return "%s %%" % Klynge.percent_to_string(basis_points, 2)


def _years(span):
    first, last = span
    return "%d" % first if first == last else "%d–%d" % (first, last)


# --- HTML ------------------------------------------------------------------------

def _table(caption, rows, css_class):
    """A two-column table; every text is escaped here and nowhere else."""
    out = ['<table class="%s">' % css_class]
    if caption:
        out.append("<caption>%s</caption>" % html.escape(caption))
    out.append("<tbody>")
    for name, value in rows:
        out.append('<tr><th scope="row" style="text-align:left">%s</th>'
                   '<td style="text-align:left">%s</td></tr>'
                   % (html.escape(name), html.escape(value)))
    out.append("</tbody></table>")
    return "".join(out)


def landscape_rows(figures):
    """The rows (label, text) of the headline table of *figures*
    (:func:`headline`)."""
    when = str(figures["date"])
    rows = [("Designated national clusters on %s" % when,
             "%d" % len(figures["national_clusters"]))]
    for kind, (active, not_known) in figures["others"].items():
        rows.append(("Other organisations active: %s" % kind, _count_text(active, not_known)))
    lists = figures["member_lists"]
    rows.append(("Members", figures["members_count"].format()))
    rows.append(("Memberships", figures["memberships_count"].format()))
    rows.append(("Member lists of organisations",
                 "%d complete, %d partial, %d not known" % (
                     lists.get("complete", 0), lists.get("partial", 0), lists.get("unknown", 0))))
    if figures["funding_ore"] is None:
        funding = "not known: a total would overflow"
    elif figures["funding_years"] is None:
        funding = "no contracts"
    else:
        funding = "%s, %s%s" % (_money(figures["funding_ore"]),
                                _years(figures["funding_years"]),
                                _unknown_grants(figures["funding_unknown"]))
    rows.append(("Funding in the data", funding))
    coverage = figures["coverage"]
    if coverage is None:
        rows.append(("Coverage of the programmes' envelopes", "no envelope"))
    else:
        rows.append(("Coverage of the programmes' envelopes",
                     "%s of %s, %s (%s)" % (
                         _money(coverage["recorded_ore"]), _money(coverage["envelope_ore"]),
                         _years(coverage["years"]),
                         _percent(coverage["recorded_ore"], coverage["envelope_ore"]))))
    return rows


def landscape_html(landscape, on=None):
    """The headline figures of *landscape* (:func:`headline`) as an HTML
    table: what a notebook shows for a landscape."""
    figures = headline(landscape, on)
    note = figures["date_note"]
    caption = "Cluster landscape as of %s%s" % (
        figures["date"], "" if note == "given" else " (%s)" % note)
    return _table(caption, landscape_rows(figures), "klynge-landscape")


# --- records -----------------------------------------------------------------------

def _value_text(name, value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "value_nick"):
        return value.value_nick
    if isinstance(value, int):
        if name == "amount":
            return _money(value) if value >= 0 else "not known"
        if name.endswith("-count"):
            return "%d" % value if value >= 0 else None
        return "%d" % value
    text = str(value)
    return text if text != "" else None


def _location_text(location):
    return repr(location)[len("<Klynge.Location "):-1]


def _label_text(label):
    return "%s %s" % (label.get_level().value_nick, label.get_awarded() or "")


def _designation_text(designation):
    return repr(designation)[len("<Klynge.Designation "):-1]


def _envelope_text(envelope):
    return "%s %s: %s" % (envelope.get_source(), envelope.get_period().to_string(),
                          _money(envelope.get_amount()))


def _share_text(share):
    return "%s %s %%" % (share.get_source(),
                         Klynge.percent_to_string(share.get_basis_points(), 2))


# the multi-valued fields: (label, getter, how to write one value)
_LISTS = (
    ("locations", "get_locations", _location_text),
    ("focus areas", "get_focus_areas", str),
    ("labels", "get_labels", _label_text),
    ("shares", "get_shares", _share_text),
    ("predecessors", "get_predecessors", str),
    ("participants", "get_participants", str),
    ("envelopes", "get_envelopes", _envelope_text),
    ("designations", "get_designations", _designation_text),
    ("identifiers", "get_identifiers", str),
)


def record_fields(record):
    """The fields of *record* that are set, as ``(name, text)`` pairs in
    the order of its properties (named as in the XML format), then its
    multi-valued fields and sources."""
    rows = []
    for spec in record.list_properties():
        if spec.name == "line":
            continue
        text = _value_text(spec.name, record.get_property(spec.name))
        if text is not None:
            rows.append((spec.name, text))
    for label, getter, write in _LISTS:
        method = getattr(record, getter, None)
        if method is None:
            continue
        values = list(method() or ())
        if values:
            rows.append((label, "; ".join(write(v) for v in values)))
    sources = [source.get_href() for source in record.get_sources() or ()]
    if sources:
        rows.append(("sources", "; ".join(sources)))
    return rows


def record_html(record):
    """*record*'s fields (:func:`record_fields`) as a two-column HTML
    table under its kind and id: what a notebook shows for a record."""
    return _table("%s %s" % (record.get_kind_name(), record.get_id()), record_fields(record),
                  "klynge-record")


def install():
    """``_repr_html_`` on :class:`Klynge.Landscape` and, once for every
    kind, :class:`Klynge.Record`."""
    Klynge.Landscape._repr_html_ = landscape_html
    Klynge.Record._repr_html_ = record_html
