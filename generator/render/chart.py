"""The coverage chart: articles per day, week or month by outlet, as an inline, accessible SVG,
with an HTML legend and the same counts as a table.

Drawn at build time into the page itself: no JavaScript, no library, nothing fetched. The SVG has a
title and a description (role="img", aria-labelledby), every bar a tooltip, and every value from
content/ is escaped. Long spans are counted per week or month so that bars stay legible on a phone
(390 px wide); the axis names the months; the legend and the table are HTML, so they keep the
page's text size whatever the chart is scaled to.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from generator.escape import html_text
from generator.model import Article

# Tableau 10's first seven, in its order: neighbours in the legend and in a stacked bar stay far apart
# (every pair at least 30 apart in CIELAB, tests/test_topics_timeline.py). More outlets share OTHER.
PALETTE = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1")
OTHER_COLOUR = "#9C755F"
OTHER = "Other outlets"
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 230, 34, 8, 12, 46
FONT = 13  # at 390 px the chart is drawn at 0.7 of its size: still about 9 px
MAX_BARS = 40  # more periods than this and the span is counted per a longer period
MIN_LABEL_GAP = 64  # viewBox units between two month labels
DAY, WEEK, MONTH = "day", "week", "month"


@dataclass(frozen=True, slots=True)
class Coverage:
    """The chart's counts: one row per period, one column per shown outlet (and OTHER)."""

    unit: str  # DAY, WEEK or MONTH
    periods: tuple[dt.date, ...]  # the first day of each period, oldest first
    outlets: tuple[str, ...]  # shown outlets, most articles first, OTHER last when used
    counts: dict[tuple[int, str], int]  # (period index, outlet) -> articles
    by_outlet: tuple[tuple[str, int], ...]  # every outlet and its dated articles, most first
    dated: int
    first: dt.date  # the earliest and latest publication dates
    last: dt.date

    def colour(self, outlet: str) -> str:
        """The outlet's colour."""
        return OTHER_COLOUR if outlet == OTHER else PALETTE[self.outlets.index(outlet)]

    def total(self, period: int) -> int:
        """Articles in one period."""
        return sum(n for (p, _), n in self.counts.items() if p == period)


def _label(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b')} {d.year}"


def period_label(unit: str, d: dt.date) -> str:
    """How a period is named: '4 Mar 2025', 'Week of 3 Mar 2025', 'March 2025'."""
    if unit == MONTH:
        return f"{d.strftime('%B')} {d.year}"
    return f"Week of {_label(d)}" if unit == WEEK else _label(d)


def _start(unit: str, d: dt.date) -> dt.date:
    if unit == MONTH:
        return d.replace(day=1)
    return d - dt.timedelta(days=d.weekday()) if unit == WEEK else d


def _next(unit: str, d: dt.date) -> dt.date:
    if unit == MONTH:
        return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return d + dt.timedelta(days=7 if unit == WEEK else 1)


def coverage(articles: list[Article]) -> Coverage | None:
    """Count dated articles per period and outlet; None when no article is dated."""
    dated = [a for a in articles if a.published]
    if not dated:
        return None
    dates = [a.published for a in dated if a.published]  # every one of them, as dt.date for the type checker
    first, last = min(dates), max(dates)
    days = (last - first).days + 1
    unit = DAY if days <= MAX_BARS else WEEK if days <= 7 * MAX_BARS else MONTH
    periods = [_start(unit, first)]
    while _next(unit, periods[-1]) <= last:
        periods.append(_next(unit, periods[-1]))
    index = {p: i for i, p in enumerate(periods)}
    by_outlet = sorted(Counter(a.source for a in dated).items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    names = [o for o, _ in by_outlet]
    shown = names if len(names) <= len(PALETTE) else names[: len(PALETTE) - 1]
    counts: Counter[tuple[int, str]] = Counter()
    for a, published in zip(dated, dates, strict=True):
        counts[(index[_start(unit, published)], a.source if a.source in shown else OTHER)] += 1
    outlets = tuple(shown) + ((OTHER,) if len(shown) < len(names) else ())
    return Coverage(unit, tuple(periods), outlets, dict(counts), tuple(by_outlet), len(dated), first, last)


def _axis_labels(cov: Coverage, x_of) -> list[tuple[float, str]]:
    """Month names along the axis, spaced out, with the year at the first and wherever it changes."""
    if cov.unit == DAY:  # a few weeks at most: name days, "3 Mar", spaced out
        ticks = list(cov.periods)
    else:
        ticks = []
        d = cov.periods[0].replace(day=1)
        while d <= cov.periods[-1]:
            if d >= cov.periods[0] or cov.unit == MONTH:
                ticks.append(d)
            d = _next(MONTH, d)
        ticks = ticks or [cov.periods[0]]
    labels, last_x, last_year = [], -1e9, None
    for d in ticks:
        x = x_of(d) + (x_of(_next(DAY, d)) - x_of(d)) / 2 if cov.unit == DAY else x_of(d)
        if x - last_x < MIN_LABEL_GAP:
            continue
        text = (f"{d.day} " if cov.unit == DAY else "") + d.strftime("%b") + (f" {d.year}" if d.year != last_year else "")
        labels.append((x, text))
        last_x, last_year = x, d.year
    return labels


def coverage_svg(articles: list[Article] | Coverage | None, chart_id: str = "coverage") -> str:
    """An SVG of how many articles each outlet published per period; '' when none is dated."""
    cov = articles if isinstance(articles, Coverage | None) else coverage(articles)
    if cov is None:
        return ""
    e = html_text  # also escapes braces: no template syntax from content/ reaches the page
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(cov.periods)
    bar_w = min(slot * 0.8, 36.0)
    peak = max(cov.total(i) for i in range(len(cov.periods)))
    busiest = cov.periods[next(i for i in range(len(cov.periods)) if cov.total(i) == peak)]
    first = cov.periods[0]
    n_out = len(cov.by_outlet)
    when = period_label(MONTH, busiest) if cov.unit == MONTH else f"the {cov.unit} of {_label(busiest)}"
    description = (
        f"{cov.dated} dated article{'s' if cov.dated != 1 else ''} from {n_out} outlet{'s' if n_out != 1 else ''}, "
        f"{_label(cov.first)} to {_label(cov.last)}, counted per {cov.unit}. Most in {when}: {peak}. "
        + "; ".join(f"{o}: {n}" for o, n in cov.by_outlet)
        + "."
    )

    def x_of(d: dt.date) -> float:
        """The x of a date: where its period's slot starts, plus the share of the period gone by."""
        i = max(k for k, p in enumerate(cov.periods) if p <= d) if d >= first else 0
        span = (_next(cov.unit, cov.periods[i]) - cov.periods[i]).days
        return LEFT + slot * (i + min((d - cov.periods[i]).days / span, 1.0))

    base = TOP + plot_h
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">Articles per {cov.unit} by outlet</title>',
        f'<desc id="{chart_id}-desc">{e(description)}</desc>',
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="currentColor"/>',
        f'<text x="{LEFT - 5}" y="{TOP + FONT - 2}" text-anchor="end" font-size="{FONT}" fill="currentColor">{peak}</text>',
        f'<text x="{LEFT - 5}" y="{base}" text-anchor="end" font-size="{FONT}" fill="currentColor">0</text>',
    ]
    for i, period in enumerate(cov.periods):
        y: float = base
        x = LEFT + slot * i + (slot - bar_w) / 2
        for outlet in cov.outlets:
            n = cov.counts.get((i, outlet), 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            label = f"{period_label(cov.unit, period)}, {outlet}: {n}"
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(bar_w, 1):.1f}" height="{h:.1f}" '
                f'fill="{cov.colour(outlet)}"><title>{e(label)}</title></rect>'
            )
    anchor = ' text-anchor="middle"' if cov.unit == DAY else ""
    for x, text in _axis_labels(cov, x_of):
        out.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 5}" stroke="currentColor"/>')
        out.append(
            f'<text x="{x:.1f}" y="{base + 5 + FONT + 2}"{anchor} font-size="{FONT}" fill="currentColor">{e(text)}</text>'
        )
    out.append(
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 4}" text-anchor="end" font-size="{FONT}" '
        f'fill="currentColor">articles per {cov.unit}</text>'
    )
    out.append("</svg>")
    return "".join(out)


def coverage_legend(articles: list[Article] | Coverage | None) -> str:
    """The chart's legend as an HTML list: a colour swatch and each outlet's name at text size."""
    cov = articles if isinstance(articles, Coverage | None) else coverage(articles)
    if cov is None:
        return ""
    items = "".join(
        f'<li><span class="briefing-swatch" style="background-color:{cov.colour(o)}" aria-hidden="true"></span>'
        f"{html_text(o)}</li>"
        for o in cov.outlets
    )
    return f'<ul class="briefing-legend" aria-label="Outlets in the chart">{items}</ul>'


def coverage_table(articles: list[Article] | Coverage | None) -> str:
    """The chart's counts as an HTML table: a row per period with articles, a column per outlet."""
    cov = articles if isinstance(articles, Coverage | None) else coverage(articles)
    if cov is None:
        return ""
    e = html_text
    head = "".join(f'<th scope="col">{e(o)}</th>' for o in cov.outlets)
    rows = []
    for i, period in enumerate(cov.periods):
        total = cov.total(i)
        if not total:
            continue
        cells = "".join(f"<td>{cov.counts.get((i, o), 0) or ''}</td>" for o in cov.outlets)
        rows.append(f'<tr><th scope="row">{e(period_label(cov.unit, period))}</th>{cells}<td>{total}</td></tr>')
    unit = {DAY: "Day", WEEK: "Week", MONTH: "Month"}[cov.unit]
    return (  # no class on the table: Material styles plain tables; the wrapper scrolls on a phone
        f'<div class="briefing-table-scroll" tabindex="0"><table><caption>Articles per {cov.unit} by outlet</caption>'
        f'<thead><tr><th scope="col">{unit}</th>{head}<th scope="col">Total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


@dataclass(frozen=True, slots=True)
class CoverageParts:
    """The outlets page's coverage figure: the SVG chart, its legend and its table (empty: no dates)."""

    svg: str
    legend: str
    table: str


def coverage_parts(articles: list[Article]) -> CoverageParts:
    """The chart of articles per day, week or month by outlet, with its legend and table."""
    chart = coverage(articles)
    return CoverageParts(coverage_svg(chart), coverage_legend(chart), coverage_table(chart))
