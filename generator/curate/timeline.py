"""The timeline: dated events from the articles' sentences.

Dates come from three places: each article's publication date, explicit dates in the text
("13 May 2024", "May 13", "October 7") and relative ones resolved against the publication date
("on Sunday", "Monday", "yesterday", "last week", "earlier this month", "over the weekend").
The tense of the clause decides the direction of a weekday or a date without a year: "begins on
Monday", "will meet Monday", "is due on Monday" look forward, "met on Monday" back.
Dates inside quotation marks are skipped: a speaker's "today" is not an event.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from generator.model import Article, Sentence

DAY, WEEK, WEEKEND, MONTH = "day", "week", "weekend", "month"
FUTURE, PAST = "future", "past"

# Tense cues, one word each (words are runs of letters: "won't" is "won" "t", "they'll" "they" "ll").
FUTURE_WORDS = frozenset({"will", "shall", "would", "ll", "won", "tomorrow", "upcoming", "coming"})
BE_PRESENT = frozenset({"is", "are", "am", "s", "re", "be"})
SCHEDULED = frozenset({"due", "expected", "set", "scheduled", "slated", "planned", "poised", "going", "about", "likely"})
PLAN_VERBS = frozenset({"plan", "plans", "intend", "intends", "aim", "aims", "hope", "hopes", "prepare", "prepares",
                        "vow", "vows", "promise", "promises", "pledge", "pledges", "threaten", "threatens"})
SCHEDULING_VERBS = frozenset({"begin", "begins", "commence", "commences", "resume", "resumes", "reopen", "reopens",
                              "expire", "expires", "convene", "convenes", "starts", "opens", "ends", "closes",
                              "arrives", "departs", "falls", "runs", "takes", "meets", "travels", "leaves"})
PAST_WORDS = frozenset({
    "said", "told", "met", "went", "came", "took", "gave", "left", "began", "held", "spoke", "made", "saw", "found",
    "sent", "struck", "fled", "fell", "flew", "won", "lost", "wrote", "rose", "broke", "brought", "fought", "led",
    "ran", "shot", "stood", "was", "were", "had", "did", "has", "have", "got", "became", "kept", "ago", "sought",
    "thought", "heard", "knew", "paid", "sold", "drew", "drove", "ate", "hid", "slid", "swept", "wept", "woke",
})
NOT_PAST = frozenset({"indeed", "need", "speed", "proceed", "exceed", "succeed", "hundred", "sacred", "naked", "wicked",
                      "kindred", "breed", "greed", "shed", "embed", "bleed", "unarmed", "armed", "red", "bed"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that"})
_NOT_BEFORE_PAST = DETERMINERS | BE_PRESENT  # "the planned talks", "is scheduled": no past tense
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_BREAK = re.compile(r"[;:—–()]|,\s")
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


def weekday_date(name: str, which: str | None, published: dt.date, tense: str = PAST) -> dt.date:
    """'Sunday' in an article of a Monday is the day before; 'Monday' is that same Monday.

    The tense of the clause decides the direction: "begins on Monday" in a Friday article is the
    Monday after, "began on Monday" the one before. 'next' and 'last' say it themselves."""
    target = WEEKDAYS.index(name)
    back = (published.weekday() - target) % 7
    if which == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if which == "last" and back == 0:
        back = 7
    if which not in ("last", "since") and tense == FUTURE:
        return published + dt.timedelta(days=(target - published.weekday()) % 7)
    return published - dt.timedelta(days=back)


def tense_at(text: str, start: int, end: int) -> str:
    """FUTURE or PAST: the tense of the clause around text[start:end], from the nearest verb cue.

    Cues before the phrase are read first, nearest first ("that begins at nightfall on Monday"), then
    those after it ("On Sunday, the strikes killed…"); the phrase's own clause before the sentence.
    Without any cue the date is taken to be past: news mostly reports what happened."""
    words = [(m.start(), m.group(0).lower()) for m in _WORD.finditer(text)]
    before = [k for k, (pos, _) in enumerate(words) if pos < start]
    after = [k for k, (pos, _) in enumerate(words) if pos >= end]
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    next_break = _CLAUSE_BREAK.search(text, end)
    clause_end = next_break.start() if next_break else len(text)
    in_clause = [k for k in reversed(before) if words[k][0] >= clause_start] + [k for k in after if words[k][0] < clause_end]
    rest = [k for k in reversed(before) if words[k][0] < clause_start] + [k for k in after if words[k][0] >= clause_end]
    for k in in_clause + rest:
        cue = _cue([w for _, w in words], k)
        if cue:
            return cue
    return PAST


def _cue(words: list[str], k: int) -> str | None:
    """The tense word k marks, if any, given the words before it."""
    w, prev = words[k], words[k - 1] if k else ""
    if w in FUTURE_WORDS or (w == "to" and prev in BE_PRESENT) or (w in PLAN_VERBS and words[k + 1 : k + 2] == ["to"]):
        return FUTURE
    if prev in BE_PRESENT and (w in SCHEDULED or w.endswith("ing")):
        return FUTURE  # "is due", "are expected to", "is meeting"
    if w in SCHEDULING_VERBS:
        return FUTURE  # a timetable in the present: "the festival begins on Monday"
    if w in PAST_WORDS or (w.endswith("ed") and len(w) > 4 and w not in NOT_PAST and prev not in _NOT_BEFORE_PAST):
        return PAST
    return None


def _explicit(m: re.Match, published: dt.date, tense: str = PAST) -> tuple[dt.date, str] | None:
    month = MONTHS[m.group("month").lower().rstrip(".")]
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else published.year
    if not groups.get("day"):
        return dt.date(year, month, 1), MONTH
    try:
        date = dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None  # "February 30"
    if groups.get("year"):
        return date, DAY
    if tense == FUTURE and date < published:  # "will meet on January 5" in a December article
        date = _with_year(date, year + 1)
    elif tense != FUTURE and date > published + FUTURE_SLACK:
        date = _with_year(date, year - 1)
    return date, DAY


def _with_year(date: dt.date, year: int) -> dt.date:
    """The same day in another year; 29 February stays where it is when that year has none."""
    try:
        return date.replace(year=year)
    except ValueError:
        return date


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
            add(m, _explicit(m, published, tense_at(masked, m.start(), m.end())))
    for pattern, resolve in _RELATIVE.items():
        for m in pattern.finditer(masked):
            add(m, resolve(published))
    for m in _WEEKDAY.finditer(masked):
        tense = tense_at(masked, m.start(), m.end())
        add(m, (weekday_date(m.group("weekday"), m.group("which"), published, tense), DAY))
    return [d for _, d in sorted(found, key=lambda f: f[0])]


def article_events(article: Article, sentences: tuple[Sentence, ...]) -> tuple[Event, ...]:
    """The dated events of one article: its publication first, then each date its sentences name.
    None without a publication date (relative dates need one to resolve against)."""
    if article.published is None:
        return ()
    out = [Event(article.published, DAY, article, None, "published")]
    for s in sentences:
        seen = set()
        for mention in find_dates(s.text, article.published):
            if (mention.date, mention.precision) in seen:
                continue
            seen.add((mention.date, mention.precision))
            out.append(Event(mention.date, mention.precision, article, s, mention.phrase))
    return tuple(out)


def in_order(found: list[Event] | tuple[Event, ...]) -> tuple[Event, ...]:
    """Events in date order (publication of an article first on its day)."""
    return tuple(
        sorted(found, key=lambda e: (e.date, e.sentence is not None, e.article.slug, e.sentence.start if e.sentence else 0))
    )
