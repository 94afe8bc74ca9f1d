"""The coverage chart: articles per day by outlet, as an inline, accessible SVG.

Drawn at build time into the page itself: no JavaScript, no library, nothing fetched. The SVG has a
title and a description (role="img", aria-labelledby), every bar a tooltip, and every value from
content/ is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from generator.escape import html_text
from generator.model import Article

# Okabe–Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOUR = "#999999"
OTHER = "Other outlets"
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 220, 36, 40, 10
MAX_DAYS = 120  # longer spans are drawn week by week


def _label(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b')} {d.year}"


def coverage_svg(articles: list[Article], chart_id: str = "coverage") -> str:
    """An SVG of how many articles each outlet published per day (or week); '' when none is dated."""
    dated = [a for a in articles if a.published]
    if not dated:
        return ""
    first, last = min(a.published for a in dated), max(a.published for a in dated)  # type: ignore[type-var]
    weekly = (last - first).days + 1 > MAX_DAYS
    if weekly:
        first = first - dt.timedelta(days=first.weekday())
    step = 7 if weekly else 1
    slots = (last - first).days // step + 1
    by_outlet = Counter(a.source for a in dated)
    named = [o for o, _ in sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]
    shown = named[: len(PALETTE)] if len(named) <= len(PALETTE) else named[: len(PALETTE) - 1]
    colours = {o: PALETTE[i] for i, o in enumerate(shown)}
    counts: Counter[tuple[int, str]] = Counter()
    for a in dated:
        outlet = a.source
        counts[((a.published - first).days // step, outlet if outlet in colours else OTHER)] += 1  # type: ignore[operator]
    totals = Counter()
    for (slot, _), n in counts.items():
        totals[slot] += n
    peak = max(totals.values())
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    bar_w = min(plot_w / slots, 48.0)  # a few days of coverage should not fill the chart with one bar
    unit = "week" if weekly else "day"
    busiest = min(s for s, n in totals.items() if n == peak)
    busiest_day = first + dt.timedelta(days=busiest * step)
    description = (
        f"{len(dated)} dated article{'s' if len(dated) != 1 else ''} from {len(named)} "
        f"outlet{'s' if len(named) != 1 else ''}, {_label(first)} to {_label(last)}, counted per {unit}. "
        f"Most in the {unit} of {_label(busiest_day)}: {peak}. "
        + "; ".join(f"{o}: {n}" for o, n in sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0].casefold())))
        + "."
    )
    e = html_text  # also escapes braces: no template syntax from content/ reaches the page
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">Articles per {unit} by outlet</title>',
        f'<desc id="{chart_id}-desc">{e(description)}</desc>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 8}" y2="{TOP + plot_h}" stroke="currentColor"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 8}" text-anchor="end" font-size="11" fill="currentColor">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="11" fill="currentColor">0</text>',
    ]
    order = [*shown, OTHER]
    for slot in range(slots):
        y = TOP + plot_h
        day = first + dt.timedelta(days=slot * step)
        for outlet in order:
            n = counts.get((slot, outlet), 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            colour = colours.get(outlet, OTHER_COLOUR)
            label = f"{'Week of ' if weekly else ''}{_label(day)}, {outlet}: {n}"
            out.append(
                f'<rect x="{LEFT + slot * bar_w + 1:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{e(label)}</title></rect>'
            )
    out.append(f'<text x="{LEFT}" y="{HEIGHT - BOTTOM + 16}" font-size="11" fill="currentColor">{e(_label(first))}</text>')
    out.append(
        f'<text x="{WIDTH - 8}" y="{HEIGHT - BOTTOM + 16}" text-anchor="end" font-size="11" '
        f'fill="currentColor">{e(_label(last))}</text>'
    )
    x, y = LEFT, HEIGHT - 14
    for outlet in order:
        if outlet == OTHER and not any(o == OTHER for _, o in counts):
            continue
        name = outlet if len(outlet) <= 24 else outlet[:23] + "…"
        width = 24 + 7 * len(name)
        if x + width > WIDTH and x > LEFT:  # wrap the legend onto another row
            x, y = LEFT, y + 16
        out.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{colours.get(outlet, OTHER_COLOUR)}"/>')
        out.append(f'<text x="{x + 14}" y="{y + 9}" font-size="11" fill="currentColor">{e(name)}</text>')
        x += width
    height = y + 14  # the legend may have wrapped onto more rows
    old_size = f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"'
    out[0] = out[0].replace(old_size, f'height="{height}" viewBox="0 0 {WIDTH} {height}"')
    out.append("</svg>")
    return "".join(out)
