"""The timeline: dated events from the articles' sentences.

Dates come from three places: each article's publication date, explicit dates in the text
("13 May 2024", "May 13", "October 7") and relative ones resolved against the publication date
("on Sunday", "Monday", "yesterday", "last week", "earlier this month", "over the weekend").
Dates inside quotation marks are skipped: a speaker's "today" is not an event.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from generator.model import Article, Sentence

DAY, WEEK, WEEKEND, MONTH = "day", "week", "weekend", "month"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted((m.title() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
FUTURE_SLACK = dt.timedelta(days=2)  # an explicit date this much after publication is last year's

# In order of preference; each finds (date, precision) from a match and the publication date.
_EXPLICIT = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?!\s+(?:19|20)\d\d)"),
    re.compile(rf"\b(?:in\s+){_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"),
]
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|next|this|on|since)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
_RELATIVE = {
    re.compile(r"\byesterday\b", re.I): lambda p: (p - dt.timedelta(days=1), DAY),
    re.compile(r"\blast\s+week\b", re.I): lambda p: (_monday(p) - dt.timedelta(days=7), WEEK),
    re.compile(r"\b(?:earlier|later)\s+this\s+week\b", re.I): lambda p: (_monday(p), WEEK),
    re.compile(r"\b(?:over\s+the|last|this\s+past)\s+weekend\b", re.I): lambda p: (_saturday_before(p), WEEKEND),
    re.compile(r"\b(?:earlier|later)\s+this\s+month\b", re.I): lambda p: (p.replace(day=1), MONTH),
    re.compile(r"\blast\s+month\b", re.I): lambda p: ((p.replace(day=1) - dt.timedelta(days=1)).replace(day=1), MONTH),
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a sentence: the phrase, the date it means, and how precise it is."""

    phrase: str
    date: dt.date  # the first day of the period for a week, weekend or month
    precision: str


@dataclass(frozen=True, slots=True)
class Event:
    """A dated sentence of an article."""

    date: dt.date
    precision: str
    article: Article
    sentence: Sentence | None  # None for the article's publication
    phrase: str


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _saturday_before(d: dt.date) -> dt.date:
    back = (d.weekday() - 5) % 7 or 7  # the weekend before, never the publication day itself
    return d - dt.timedelta(days=back)


def weekday_date(name: str, which: str | None, published: dt.date) -> dt.date:
    """'Sunday' in an article of a Monday is the day before; 'Monday' is that same Monday."""
    target = WEEKDAYS.index(name)
    back = (published.weekday() - target) % 7
    if which == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if which == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _explicit(m: re.Match, published: dt.date) -> tuple[dt.date, str] | None:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else published.year
    if not groups.get("day"):
        return dt.date(year, month, 1), MONTH
    try:
        date = dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None  # "February 30"
    if not groups.get("year") and date > published + FUTURE_SLACK:
        date = date.replace(year=year - 1) if not (month == 2 and date.day == 29) else date
    return date, DAY


def find_dates(text: str, published: dt.date) -> list[DateMention]:
    """Every date a sentence mentions outside quotation marks, resolved against publication."""
    masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, DateMention]] = []

    def add(m: re.Match, resolved: tuple[dt.date, str] | None) -> None:
        if resolved is None or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((m.start(), DateMention(m.group(0), resolved[0], resolved[1])))

    for pattern in _EXPLICIT:
        for m in pattern.finditer(masked):
            add(m, _explicit(m, published))
    for pattern, resolve in _RELATIVE.items():
        for m in pattern.finditer(masked):
            add(m, resolve(published))
    for m in _WEEKDAY.finditer(masked):
        add(m, (weekday_date(m.group("weekday"), m.group("which"), published), DAY))
    return [d for _, d in sorted(found, key=lambda f: f[0])]


def events(articles: list[tuple[Article, tuple[Sentence, ...]]]) -> tuple[Event, ...]:
    """All dated events of the articles, in date order (publication of an article first on its day).

    Pass no sentences for an article whose events should not be repeated (a wire copy)."""
    out: list[Event] = []
    for article, sentences in articles:
        if article.published is None:
            continue  # relative dates need a publication date to resolve against
        out.append(Event(article.published, DAY, article, None, "published"))
        for s in sentences:
            seen = set()
            for mention in find_dates(s.text, article.published):
                if (mention.date, mention.precision) in seen:
                    continue
                seen.add((mention.date, mention.precision))
                out.append(Event(mention.date, mention.precision, article, s, mention.phrase))
    return tuple(
        sorted(out, key=lambda e: (e.date, e.sentence is not None, e.article.slug, e.sentence.start if e.sentence else 0))
    )
