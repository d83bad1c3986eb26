# SPDX-License-Identifier: LGPL-2.1-or-later
"""klynge.plot: pictures of a landscape for notebooks, with matplotlib.

``funding_by_year(landscape)``
    funding per source and calendar year as stacked bars (the figures of
    ``klynge funding --by source,year`` and ``klynge summary``);
``active_by_year(landscape, kinds=None, start=2000, end=None)``
    the organisations active at the end of each year, by kind;
``lineage(landscape, id=None)``
    each body a bar over its life, with the mergers, absorptions,
    transfers and renames between them drawn as arrows: of one
    organisation, or of every organisation a merger touches.

Each function draws on *ax* (a matplotlib ``Axes``) when one is given and
otherwise on a new figure, and returns the figure; in a notebook it shows
as a picture, elsewhere ``fig.savefig("funding.png")`` writes it.  The
figures are the library's own (``funding_totals_checked()``,
``list_organisations()`` with an active-on filter, ``list_ancestors()``);
the drawing is deterministic: sorted orders, fixed colours, no
randomness.

matplotlib is imported on the first call, not with ``klynge``; without it
the call raises :class:`ImportError` saying what to install.  A new
figure is made with ``matplotlib.pyplot``; when nothing (``MPLBACKEND``, a
``matplotlibrc``, ``matplotlib.use()`` or an imported ``pyplot``) has
chosen a backend, this module chooses the non-interactive ``Agg``, and
leaves any other choice alone.
"""

import sys

from ._errors import Error
from ._gi import Klynge
from . import _notebook

__all__ = ["funding_by_year", "active_by_year", "lineage", "funding_table", "active_table",
           "lineage_table", "format_dkk"]

_MISSING = ("klynge.plot needs matplotlib, which is not installed "
            "(Debian: apt-get install python3-matplotlib; elsewhere: pip install matplotlib)")

# a fixed palette, so that the same landscape gives the same picture
_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf")

# beyond this many bodies a lineage drops the names and the arrowheads
_LABELLED_BODIES = 400
# inches: at matplotlib's 100 dpi, well below the 2**16 pixels an image holds
_TALLEST = 160.0

_MERGER_COLOURS = {"merger": "#d62728", "absorption": "#9467bd", "transfer": "#2ca02c",
                   "rename": "#7f7f7f"}


def _pyplot():
    """matplotlib.pyplot, choosing ``Agg`` only when no backend is
    chosen; :class:`ImportError` with what to install when matplotlib is
    missing."""
    try:
        import matplotlib
    except ImportError as error:
        raise ImportError(_MISSING) from error
    if "matplotlib.pyplot" not in sys.modules and not _backend_chosen(matplotlib):
        matplotlib.use("Agg")
    try:
        import matplotlib.pyplot as pyplot
    except ImportError as error:
        raise ImportError(_MISSING) from error
    return pyplot


def _backend_chosen(matplotlib):
    getter = getattr(matplotlib.rcParams, "_get_backend_or_none", None)
    if getter is not None:
        return getter() is not None
    import matplotlib.rcsetup
    return (dict.__getitem__(matplotlib.rcParams, "backend")
            is not getattr(matplotlib.rcsetup, "_auto_backend_sentinel", None))


def _axes(ax, size):
    """(figure, axes): *ax* and its figure, or a new figure of *size*
    inches."""
    if ax is not None:
        return ax.figure, ax
    figure, ax = _pyplot().subplots(figsize=size)
    return figure, ax


def format_dkk(value, position=None):
    """An amount in kroner as the tool writes it, grouped by thousands
    with ``","``: ``format_dkk(1234567.5)`` is ``"1,234,568"``; a tick
    formatter for matplotlib (``FuncFormatter(format_dkk)``)."""
    return "{:,.0f}".format(value)


def _dkk_axis(axis):
    from matplotlib.ticker import FuncFormatter
    axis.set_major_formatter(FuncFormatter(format_dkk))


# --- funding ------------------------------------------------------------------

def funding_table(landscape, period=None):
    """The figures :func:`funding_by_year` draws: ``(sources, years,
    amounts, unknown)``, *sources* the funding sources' ids in landscape
    order (then any a share names that is not a funding source), *years*
    sorted, ``amounts[source][year]`` in øre and ``unknown[source]`` the
    number of contracts of unknown amount per source-year, summed:
    ``landscape.funding_totals_checked()`` by source and year."""
    from ._reports import _period
    grouping = Klynge.FundingGrouping(int(Klynge.FundingGrouping.SOURCE)
                                      | int(Klynge.FundingGrouping.YEAR))
    totals = list(landscape.funding_totals_checked(grouping, _period(period)))
    sources = [s.get_id() for s in landscape.list(Klynge.FundingSource.__gtype__)]
    for total in totals:
        if total.get_source() not in sources:
            sources.append(total.get_source())
    amounts = {source: {} for source in sources}
    unknown = {source: 0 for source in sources}
    for total in totals:
        amounts[total.get_source()][total.get_year()] = total.get_amount()
        unknown[total.get_source()] += total.get_n_unknown()
    sources = [s for s in sources if amounts[s]]
    years = sorted({total.get_year() for total in totals})
    return sources, years, {s: amounts[s] for s in sources}, {s: unknown[s] for s in sources}


def funding_by_year(landscape, ax=None, period=None, title=None):
    """Funding per source and calendar year as stacked bars, in DKK.

    One bar per calendar year; each funding source a segment of its own
    colour, sources stacked in landscape order; a contract's amount is
    pro-rated by day over its period and split by its shares, exactly as
    ``klynge funding --by source,year`` and ``klynge summary`` count it
    (``landscape.funding_totals_checked()``).  A source with contracts of
    unknown amount says so in the legend (they add nothing).

    *ax*
        a matplotlib ``Axes`` to draw on, or ``None`` for a new figure;
    *period*
        ``None`` for every day, or the days to count, as
        :func:`klynge.funding_frame` takes them;
    *title*
        the title, or ``None`` for the default.

    Returns the :class:`matplotlib.figure.Figure`.  Each segment is a
    bar of the container labelled with the source's id (``ax.containers``),
    with the gid ``"funding:<source>:<year>"``.
    Raises :class:`klynge.Error` (``LIMIT_EXCEEDED``) when a total would
    overflow.
    """
    sources, years, amounts, unknown = funding_table(landscape, period)
    new = ax is None
    figure, ax = _axes(ax, (11, 5))
    bottoms = [0.0] * len(years)
    legend = []
    for index, source in enumerate(sources):
        heights = [amounts[source].get(year, 0) / 100 for year in years]
        record = landscape.get(source)
        name = record.get_name() if isinstance(record, Klynge.FundingSource) else source
        label = "%s (%s)" % (name, source)
        if unknown[source]:
            label += ", plus %d of unknown amount" % unknown[source]
        bars = ax.bar(years, heights, bottom=bottoms, color=_COLOURS[index % len(_COLOURS)],
                      label=source, width=0.8)
        for bar, year in zip(bars.patches, years):
            bar.set_gid("funding:%s:%d" % (source, year))
        legend.append((bars, label))
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    ax.set_xlabel("Calendar year")
    ax.set_ylabel("DKK (contracts pro-rated by day)")
    _dkk_axis(ax.yaxis)
    if years:
        ax.set_xticks(years)
        ax.set_xticklabels([str(year) for year in years],
                           rotation=45 if len(years) > 12 else 0)
        # beside the bars, not over them
        ax.legend([bars for bars, _ in legend], [label for _, label in legend],
                  title="Funding source", fontsize="small", loc="upper left",
                  bbox_to_anchor=(1.01, 1.0))
    else:
        ax.text(0.5, 0.5, "no contracts", transform=ax.transAxes, ha="center", va="center")
    ax.set_title(title if title is not None else "Funding by source and calendar year")
    if new:
        figure.tight_layout()
    return figure


# --- organisations active -------------------------------------------------------

def _kinds(landscape, kinds):
    values = Klynge.OrganisationKind.__enum_values__
    every = [values[v] for v in sorted(values)]
    if kinds is None:
        present = {o.get_kind() for o in landscape.list(Klynge.Organisation.__gtype__)}
        return [kind for kind in every if kind in present]
    chosen = []
    by_nick = {kind.value_nick: kind for kind in every}
    for kind in kinds:
        if isinstance(kind, str):
            if kind not in by_nick:
                raise ValueError("%r is not an organisation kind (one of %s)"
                                 % (kind, ", ".join(by_nick)))
            kind = by_nick[kind]
        chosen.append(Klynge.OrganisationKind(kind))
    return chosen


def active_table(landscape, kinds=None, start=2000, end=None):
    """The figures :func:`active_by_year` draws: ``(years, kinds,
    counts)``, ``counts[kind][i]`` the organisations of *kind* (a nick)
    active on 31 December of ``years[i]``, as the library tells their
    status (``list_organisations()`` with an active-on filter: those
    whose status that day is not known are not counted)."""
    if end is None:
        last = _notebook.data_span(landscape)[1]
        end = last.year if last is not None else Klynge.Date.init_today().year
    if end < start:
        raise ValueError("end (%d) is before start (%d)" % (end, start))
    kinds = _kinds(landscape, kinds)
    years = list(range(start, end + 1))
    counts = {kind.value_nick: [] for kind in kinds}
    wanted = {kind: kind.value_nick for kind in kinds}
    for year in years:
        # one query a year; the library decides who is active
        active = Klynge.Filter.new()
        active.set_active_on(Klynge.Date.new(year, 12, 31))
        tally = dict.fromkeys(kinds, 0)
        for organisation in landscape.list_organisations(active):
            kind = organisation.get_kind()
            if kind in tally:
                tally[kind] += 1
        for kind in kinds:
            counts[wanted[kind]].append(tally[kind])
    return years, [kind.value_nick for kind in kinds], counts


def active_by_year(landscape, ax=None, kinds=None, start=2000, end=None, title=None):
    """The organisations active on 31 December of each year, by kind, as
    stacked bars.

    *kinds*
        organisation kinds (nicks such as ``"cluster"`` or
        :class:`Klynge.OrganisationKind` values) in the order to stack
        them, or ``None`` for every kind the landscape has, in the
        enumeration's order; an unknown nick raises :class:`ValueError`;
    *start*, *end*
        the first and last year; *end* ``None`` is the last year of the
        dates in the data (``klynge summary``'s "Dates in the data").

    An organisation counts in a year when the library shows it active on
    31 December (``landscape.get_status()`` is ``ACTIVE``): one whose
    status that day is not known (a partial founding date, no founding
    date) is not counted, and the title says so.  Returns the figure;
    each kind's bars are the container labelled with its nick, each bar
    with the gid ``"active:<kind>:<year>"``.
    """
    years, kinds, counts = active_table(landscape, kinds, start, end)
    new = ax is None
    figure, ax = _axes(ax, (10, 5))
    bottoms = [0] * len(years)
    for index, kind in enumerate(kinds):
        bars = ax.bar(years, counts[kind], bottom=bottoms, width=0.8,
                      color=_COLOURS[index % len(_COLOURS)], label=kind)
        for bar, year in zip(bars.patches, years):
            bar.set_gid("active:%s:%d" % (kind, year))
        bottoms = [b + c for b, c in zip(bottoms, counts[kind])]
    ax.set_xlabel("Year (organisations active on 31 December)")
    ax.set_ylabel("Organisations")
    from matplotlib.ticker import MaxNLocator
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if kinds:
        ax.legend(title="Kind", fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title(title if title is not None else
                 "Organisations active by kind, %d–%d (status not known: not counted)"
                 % (years[0], years[-1]))
    if new:
        figure.tight_layout()
    return figure


# --- lineage --------------------------------------------------------------------------

def _year_of_day(day_number, first=True):
    """A day number (klynge_date_get_first_day()) as a fractional year:
    the start of the day, or its end with *first* false."""
    date = Klynge.Date.init_from_day(day_number)
    import datetime
    value = datetime.date(date.year, date.month, date.day)
    start = datetime.date(date.year, 1, 1).toordinal()
    length = datetime.date(date.year + 1, 1, 1).toordinal() - start
    return date.year + (value.toordinal() - start + (0 if first else 1)) / length


def lineage_table(landscape, id=None):
    """The figures :func:`lineage` draws: ``(bodies, events)``.

    *bodies* is a list of dicts ``{"id", "name", "start", "end",
    "start_known", "end_known"}`` (fractional years; a start or end the
    data do not state is the edge of the data's dates, with ``*_known``
    false), sorted by end, then start, then id; *events* a list of dicts ``{"merger",
    "kind", "status", "effective", "successor", "predecessors"}`` in
    effective date order, then id, with only the predecessors among
    *bodies*.

    With *id*, the organisation, its ancestors and its descendants
    (``list_ancestors()``, ``list_descendants()``); without, every
    organisation a merger names.  An unknown *id* raises
    :class:`KeyError`, one of a record that is not an organisation
    :class:`klynge.Error` (``WRONG_REFERENCE_KIND``).
    """
    mergers = list(landscape.list(Klynge.Merger.__gtype__))
    if id is None:
        ids = set()
        for merger in mergers:
            ids.add(merger.get_successor())
            ids.update(merger.get_predecessors() or ())
    else:
        record = landscape.lookup(id)        # KeyError for an unknown id
        if not isinstance(record, Klynge.Organisation):
            raise Error(Klynge.Error.WRONG_REFERENCE_KIND,
                        "“%s” is a %s, not an organisation" % (id, record.get_kind_name()))
        ids = {id}
        for link in list(landscape.list_ancestors(id)) + list(landscape.list_descendants(id)):
            ids.add(link.get_organisation())
            ids.add(link.get_via())
    first, last = _notebook.data_span(landscape)
    edge_start = first.get_first_day() if first is not None else None
    edge_end = last.get_last_day() if last is not None else None

    bodies = []
    for body in sorted(ids):
        record = landscape.get(body)
        if not isinstance(record, Klynge.Organisation):
            continue
        founded, dissolved = record.get_founded(), record.get_dissolved()
        until = dissolved if dissolved else record.get_known_until()
        start_day = founded.get_first_day() if founded else edge_start
        end_day = until.get_last_day() if until else edge_end
        if start_day is None or end_day is None:
            continue
        bodies.append({"id": body, "name": record.get_name(),
                       "start": _year_of_day(start_day), "end": _year_of_day(end_day, False),
                       "start_known": bool(founded), "end_known": bool(dissolved)})
    # predecessors above their successors, which end last: the arrows run down
    bodies.sort(key=lambda b: (b["end"], b["start"], b["id"]))
    shown = {b["id"] for b in bodies}

    events = []
    for merger in mergers:
        effective = merger.get_effective()
        predecessors = [p for p in merger.get_predecessors() or () if p in shown]
        if merger.get_successor() not in shown or not predecessors or not effective:
            continue
        events.append({"merger": merger.get_id(), "kind": merger.get_kind().value_nick,
                       "status": merger.get_status().value_nick,
                       "effective": _year_of_day(effective.get_first_day()),
                       "successor": merger.get_successor(), "predecessors": predecessors})
    events.sort(key=lambda e: (e["effective"], e["merger"]))
    return bodies, events


def lineage(landscape, id=None, ax=None, title=None):
    """The consolidation as a picture, like a Gantt chart: each body a
    horizontal bar over its life (founded to dissolved; a date the data
    do not state is drawn hatched, from the edge of the data's dates), and
    each merger, absorption, transfer or rename an arrow at its effective
    date from every predecessor to the successor, coloured by kind (dashed
    when not completed).

    *id*
        an organisation: it, its ancestors and its descendants; ``None``:
        every organisation a merger names.  An unknown id raises
        :class:`KeyError`.

    Beyond 400 bodies the names are left out (the axis says how many)
    the bodies one collection (gid ``"organisations:known"`` and
    ``"organisations:partly-known"``) and the events plain lines, one
    collection per kind (gid ``"mergers:<kind>"``), so that a 10,000-organisation landscape still
    draws in seconds.

    Returns the figure.  Each body's bar has the gid
    ``"organisation:<id>"``, each arrow ``"merger:<merger>:<predecessor>"``
    (``artist.get_gid()``).
    """
    bodies, events = lineage_table(landscape, id)
    many = len(bodies) > _LABELLED_BODIES
    # a row of a third of an inch each, up to what an image can hold
    height = min(max(3.0, 0.35 * len(bodies) + 1.5), _TALLEST)
    new = ax is None
    figure, ax = _axes(ax, (10, height))
    row = {body["id"]: index for index, body in enumerate(bodies)}
    for known in (True, False):
        chosen = [b for b in bodies if (b["start_known"] and b["end_known"]) == known]
        if not chosen:
            continue
        if many:
            # one collection: thousands of separate bars take a minute
            from matplotlib.collections import PolyCollection
            boxes = PolyCollection(
                [[(b["start"], row[b["id"]] - 0.3), (b["end"], row[b["id"]] - 0.3),
                  (b["end"], row[b["id"]] + 0.3), (b["start"], row[b["id"]] + 0.3)]
                 for b in chosen],
                facecolors="#9ecae1", edgecolors="#3182bd", linewidths=0.3,
                hatch=None if known else "//")
            boxes.set_gid("organisations:%s" % ("known" if known else "partly-known"))
            ax.add_collection(boxes)
            continue
        bars = ax.barh([row[b["id"]] for b in chosen], [b["end"] - b["start"] for b in chosen],
                       left=[b["start"] for b in chosen], height=0.6, color="#9ecae1",
                       edgecolor="#3182bd", hatch=None if known else "//")
        for bar, body in zip(bars.patches, chosen):
            bar.set_gid("organisation:%s" % body["id"])
    if many:
        ax.set_xlim(min(b["start"] for b in bodies) - 0.5, max(b["end"] for b in bodies) + 0.5)
    from matplotlib.lines import Line2D
    drawn = set()
    if many:
        # thousands of arrows would take minutes to draw: lines, one
        # collection per kind
        from matplotlib.collections import LineCollection
        segments = {}
        for event in events:
            x, target = event["effective"], row[event["successor"]]
            segments.setdefault(event["kind"], []).extend(
                [(x, row[p]), (x, target)] for p in event["predecessors"])
        for kind in sorted(segments):
            lines = LineCollection(segments[kind], colors=_MERGER_COLOURS.get(kind, "black"),
                                   linewidths=0.5)
            lines.set_gid("mergers:%s" % kind)
            ax.add_collection(lines)
            drawn.add(kind)
    for event in ([] if many else events):
        colour = _MERGER_COLOURS.get(event["kind"], "black")
        style = "-" if event["status"] == "completed" else "--"
        target = row[event["successor"]]
        for predecessor in event["predecessors"]:
            arrow = ax.annotate("", xy=(event["effective"], target),
                                xytext=(event["effective"], row[predecessor]),
                                arrowprops={"arrowstyle": "-|>", "color": colour,
                                            "linestyle": style, "shrinkA": 2, "shrinkB": 2})
            arrow.set_gid("merger:%s:%s" % (event["merger"], predecessor))
        drawn.add(event["kind"])
    if many:
        ax.set_yticks([])
        ax.set_ylabel("%d organisations (names left out)" % len(bodies))
        ax.set_ylim(-1, len(bodies))
    else:
        ax.set_yticks(range(len(bodies)))
        ax.set_yticklabels(["%s (%s)" % (_short(b["name"]), b["id"]) for b in bodies],
                           fontsize="small")
    ax.invert_yaxis()
    ax.set_xlabel("Year")
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    handles = [Line2D([0], [0], color=_MERGER_COLOURS[kind], label=kind)
               for kind in _MERGER_COLOURS if kind in drawn]
    if handles:
        ax.legend(handles=handles, title="Event", fontsize="small", loc="lower left")
    if title is None:
        if id is None:
            title = "Consolidation: every organisation a merger names (%d)" % len(bodies)
        else:
            title = "Lineage of %s (%s)" % (landscape.get(id).get_name(), id)
    ax.set_title(title)
    if not bodies:
        ax.text(0.5, 0.5, "no mergers", transform=ax.transAxes, ha="center", va="center")
    if new:
        figure.tight_layout()
    return figure


def _short(name, width=40):
    return name if len(name) <= width else name[:width - 1] + "…"
