"""Stories: articles grouped by the development they report, with key points every source backs.

A story is one development (a decision, an attack, an announcement, a speech, a round of talks)
reported by one or more outlets. Two stages:

1. Grouping, online. Articles are taken in date order (then by id, so the result never depends
   on the order files are read); each joins the story it is most similar to, on average over the
   story's articles, when that similarity reaches SIMILARITY and the story's dated articles stay
   within MAX_SPREAD_DAYS of each other; else it starts a story. Similarity is TF-IDF cosine of
   the words, the title and lead weighted up (LEAD_WEIGHT of the title-and-lead vectors, the rest
   of the whole texts: names and numbers are words too); a pair sharing fewer than
   MIN_SHARED_WORDS content words is unrelated, and two leads naming different days lose
   NAMED_DAY_PENALTY. Wire copies and rewrites (the duplicate groups) always share their
   original's story. The thresholds come from the stories dev set (../shared/bench/stories/) and
   the project's fixture corpus, from the middle of the flat region of B-cubed F1
   (bench/stories.py --sweep).

2. Key points across the story's articles: every sentence that is not page furniture (a caption,
   a credit, a promotion, a dateline, which is cut off) is a candidate; its support is the set of
   other articles with a sentence that states the same fact, found by paraphrase-tolerant
   matching (weighted overlap of content words, names and numbers, spelled-out numbers read as
   digits). Points are chosen by how many outlets back them, then by centrality among all the
   story's sentences and lead position, redundancy removed, 3 to 6 a story; a story of one
   original article leads with that article's own key points. Each point shows one
   verbatim source sentence and cites every supporting article at its own sentence; outlets are
   counted once each, a wire copy or a rewrite adding its sentence but never another outlet.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from generator.curate.timeline import WEEKDAYS, weekday_date
from generator.extract.furniture import on_furniture
from generator.extract.keypoints import is_attribution_only, is_credit_only, is_question, key_point_start
from generator.extract.quotes import find_spans
from generator.extract.text_stats import STOPWORDS, content_words, cosine, summed, tfidf_vectors
from generator.model import CuratedStory, Sentence

SIMILARITY = 0.12  # average-link similarity to join a story: the middle of the flat top (dev B-cubed 0.950 from 0.10 to 0.14)
LEAD_WEIGHT = 0.3  # share of the title-and-lead similarity in an article pair's similarity
MAX_SPREAD_DAYS = 1  # a story's dated articles lie within this many days of each other
NAMED_DAY_PENALTY = 0.12  # off a pair's similarity when both leads name days and they differ (dev, fixture: flat 0.05–0.2)
LEAD_SENTENCES = 3
MIN_SHARED_WORDS = 3  # two articles sharing fewer content words are not one development, however short (dev: flat 2-5)
CANDIDATE_DAYS = 2  # dated articles are compared with the stories of the days around theirs
SUPPORT = 0.25  # share of a point's weighted terms another article's sentence must state to support it
MIN_POINTS, MAX_POINTS = 3, 6
MIN_POINT_WORDS, MAX_POINT_WORDS = 8, 60
REDUNDANT = 0.45  # a candidate this close to a chosen point says the same thing

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozen": 12, "dozens": 24,
}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?"
    r"|\b(" + "|".join(_NUMBER_WORDS) + r")\b(?:\s+(thousand|million|billion))?",
    re.I,
)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_WEEKDAY_NAME = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_QUOTES = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What grouping and key points need of one article."""

    slug: str
    title: str
    text: str
    sentences: tuple[Sentence, ...]
    published: dt.date | None
    outlet: str | None  # who published it (the outlet stated, else the site of its URL): one outlet, however many articles
    copy_of: str | None = None  # the original this article is a wire copy or rewrite of
    key_points: tuple[str, ...] = ()  # the article's own key points (sentence ids), best first


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence of one article that states a point; start/end may skip a dateline."""

    article: str
    sentence_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class StoryPoint:
    """A key point of a story: the sentence shown and every article's sentence that states it."""

    shown: Source
    sources: tuple[Source, ...]  # the shown one first, then in article order
    outlets: int  # distinct outlets among the sources, copies counted with their original
    score: float


@dataclass(frozen=True, slots=True)
class Story:
    """One development and the articles that report it."""

    id: str
    headline: str
    articles: tuple[str, ...]  # newest first
    points: tuple[StoryPoint, ...]
    first: dt.date | None
    last: dt.date | None
    outlets: int


# --- grouping --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventDay:
    """When an article's development happened, as far as the article tells."""

    date: dt.date | None  # from the lead's own date phrase ("on Sunday"), else the publication date
    exact: bool  # the lead named the day
    weekday: int | None  # an undated article's lead may still name the weekday


def event_day(a: StoryInput) -> EventDay:
    """The day of the development: the first weekday the lead names (outside quotes), resolved
    against the publication date; else the publication date; an undated article keeps the weekday.
    Explicit dates in a lead are left out: they are as often a timestamp or a past event
    ("October 7") as the day of the news."""
    lead = [s for s in a.sentences if not on_furniture(a.text, s.start)][:LEAD_SENTENCES]
    lead_text = " ".join(s.text for s in lead)
    m = _WEEKDAY_NAME.search(_QUOTES.sub(" ", lead_text))
    if a.published is not None:
        if m:  # a weekday in a lead names the day of the news: "on Sunday", "late Thursday"
            return EventDay(weekday_date(m.group(1), None, a.published), True, None)
        return EventDay(a.published, False, None)
    return EventDay(None, False, WEEKDAYS.index(m.group(1)) if m else None)


def compatible(a: EventDay, b: EventDay) -> bool:
    """Whether two articles can report one development by their days: named days at most a day
    apart (outlets in other time zones name the next or the previous day; such a pair needs more
    textual evidence, see NAMED_DAY_PENALTY), a publication up to a day after a named day,
    publications a day apart; an undated article's weekday must be the other's."""
    if a.date and b.date:
        gap = abs((a.date - b.date).days)
        if a.exact and b.exact:
            return gap <= MAX_SPREAD_DAYS
        if a.exact or b.exact:
            named, published = (a.date, b.date) if a.exact else (b.date, a.date)
            return 0 <= (published - named).days <= MAX_SPREAD_DAYS
        return gap <= MAX_SPREAD_DAYS
    dated, undated = (a, b) if a.date else (b, a)
    if dated.date and undated.weekday is not None:
        days = {dated.date.weekday()} if dated.exact else {dated.date.weekday(), (dated.date.weekday() - 1) % 7}
        return undated.weekday in days
    if a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return True


def _lead_words(a: StoryInput) -> list[str]:
    lead = " ".join(s.text for s in a.sentences[:LEAD_SENTENCES])
    return content_words(a.title) * 3 + content_words(lead) * 2


def _full_words(a: StoryInput) -> list[str]:
    return content_words(a.title) * 2 + content_words(a.text)


def group(inputs: list[StoryInput]) -> list[list[str]]:
    """Group articles into stories; each story lists its slugs in the order they joined."""
    order = sorted(inputs, key=lambda a: (a.published or dt.date.max, a.slug))
    index = {a.slug: i for i, a in enumerate(order)}
    lead = tfidf_vectors([_lead_words(a) for a in order])
    full = tfidf_vectors([_full_words(a) for a in order])
    days = [event_day(a) for a in order]
    stories: list[list[int]] = []
    spans: list[tuple[dt.date, dt.date] | None] = []  # per story: its dated members' first and last day
    story_of: dict[str, int] = {}
    by_day: dict[dt.date, set[int]] = {}  # publication day → stories with an article of that day
    by_word: dict[str, set[int]] = {}  # word → stories using it; an article is compared with those of its rarest words
    undated: set[int] = set()  # stories with no dated article: any date is compatible
    for i, a in enumerate(order):
        if a.copy_of and a.copy_of in story_of:
            k: int | None = story_of[a.copy_of]  # a copy goes with its original
        else:
            candidates = set(undated) | {k for w in _rarest(full[i]) for k in by_word.get(w, ())}
            if a.published:
                for d in range(-CANDIDATE_DAYS, CANDIDATE_DAYS + 1):
                    candidates |= by_day.get(a.published + dt.timedelta(days=d), set())
            k = _best_story(i, stories, lead, full, sorted(candidates), days, spans)
        if k is None:
            stories.append([])
            spans.append(None)
            k = len(stories) - 1
            undated.add(k)
        stories[k].append(i)
        day = days[i].date
        if day:
            lo_hi = spans[k]
            spans[k] = (min(lo_hi[0], day), max(lo_hi[1], day)) if lo_hi else (day, day)
        story_of[a.slug] = k
        if a.published:
            by_day.setdefault(a.published, set()).add(k)
            undated.discard(k)
        for w in full[i]:
            by_word.setdefault(w, set()).add(k)
    # a copy read before its original (undated, or dated earlier) joins the original's story
    for a in order:
        if a.copy_of and a.copy_of in story_of and story_of[a.slug] != story_of[a.copy_of]:
            old, new = story_of[a.slug], story_of[a.copy_of]
            stories[old].remove(index[a.slug])
            stories[new].append(index[a.slug])
            story_of[a.slug] = new
    return [[order[i].slug for i in members] for members in stories if members]


def _shared_words(a: dict[str, float], b: dict[str, float]) -> int:
    return len(a.keys() & b.keys())


def _day_penalty(a: EventDay, b: EventDay) -> float:
    """Two leads that name different days (a day apart) are less likely one development."""
    return NAMED_DAY_PENALTY if a.exact and b.exact and a.date != b.date else 0.0


def _rarest(vector: dict[str, float], n: int = 12) -> list[str]:
    """An article's most telling words (highest TF-IDF weight)."""
    return [w for w, _ in sorted(vector.items(), key=lambda x: (-x[1], x[0]))[:n]]


def _best_story(i: int, stories: list[list[int]], lead, full, candidates, days, spans) -> int | None:
    best: tuple[float, int] | None = None
    day = days[i].date
    for k in candidates:
        members = stories[k]
        if day and spans[k] and ((day - spans[k][0]).days > MAX_SPREAD_DAYS or (spans[k][1] - day).days > MAX_SPREAD_DAYS):
            continue  # two dated articles more than a day apart are never compatible: the cheap test first
        if not all(compatible(days[i], days[j]) for j in members):
            continue  # another day: another development
        sims = [
            LEAD_WEIGHT * cosine(lead[i], lead[j]) + (1 - LEAD_WEIGHT) * cosine(full[i], full[j]) - _day_penalty(days[i], days[j])
            if _shared_words(full[i], full[j]) >= MIN_SHARED_WORDS
            else 0.0
            for j in members
        ]
        score = sum(sims) / len(sims)
        if score >= SIMILARITY and (best is None or score > best[0]):
            best = (score, k)
    return best[1] if best else None


# --- matching sentences ------------------------------------------------------------------------------


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def numbers(text: str) -> set[int]:
    """The numbers a sentence states, however written: '100,000', '100 thousand', 'four'."""
    out = set()
    for m in _NUMBER.finditer(text):
        if m.group(1):
            try:
                value = float(m.group(1).replace(",", ""))
            except ValueError:
                continue
            scale = _SCALE.get((m.group(2) or "").lower(), 1)
        else:
            value = _NUMBER_WORDS[m.group(3).lower()]
            scale = _SCALE.get((m.group(4) or "").lower(), 1)
        n = int(value * scale)
        if not 1900 <= n <= 2100:  # a year says when, not how many
            out.add(n)
    return out


def fact_terms(text: str) -> frozenset[str]:
    """What a sentence states, for matching it to a paraphrase: stemmed content words and numbers,
    however written ("100,000" and "100 thousand" are one number)."""
    words = {_stem(w.replace("’", "'")) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and not w.isdigit()}
    return frozenset(words | {f"#{n}" for n in numbers(text)})


def overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Weighted share of the shorter statement's terms found in the other (IDF weights)."""
    if not a or not b:
        return 0.0
    shared = math.fsum(idf.get(t, 1.0) for t in a & b)
    smaller = min(math.fsum(idf.get(t, 1.0) for t in a), math.fsum(idf.get(t, 1.0) for t in b))
    return shared / smaller if smaller else 0.0


# --- key points ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: str
    index: int  # sentence position in its article
    source: Source
    terms: frozenset[str]
    quoted: float  # share of its characters inside quote marks, a quote opened before it included


@lru_cache(maxsize=4096)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the article's quotations lie (quote marks included), as the quote extractor finds them."""
    return tuple((sp.open_at, sp.close_at if sp.close_at is not None else sp.para_end) for sp in find_spans(text))


def quoted_share(text: str, start: int, end: int) -> float:
    """Share of text[start:end] inside quotations of the article: a sentence that ends a quote opened
    in the sentence before ("… we will achieve this peace,” he said.") is mostly someone's words."""
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in _quoted_spans(text))
    return inside / max(1, end - start)


def point_source(slug: str, text: str, s: Sentence) -> Source:
    """A sentence as a point's source, its dateline prefix cut ('RAFAH, Gaza Strip (Reuters) – …')."""
    start = key_point_start(s, s.start == 0 or text[s.start - 1] == "\n")
    return Source(slug, s.id, start, s.end, text[start : s.end])


def _candidates(a: StoryInput) -> list[_Candidate]:
    """The sentences of an article that can be a story's point: no furniture, title, credit,
    question or quote; short attributed statements ("…, dock workers said.") only when the article
    has nothing else to say."""
    out: list[_Candidate] = []
    attributed: list[_Candidate] = []
    for k, s in enumerate(a.sentences):
        if on_furniture(a.text, s.start) or s.text.strip() == a.title.strip() or is_credit_only(s.text):
            continue
        src = point_source(a.slug, a.text, s)
        words = len(src.text.split())
        if not MIN_POINT_WORDS <= words <= MAX_POINT_WORDS or is_question(src.text) or not states_something(src.text):
            continue
        quoted = quoted_share(a.text, src.start, src.end)
        if quoted >= 0.5 or not re.search(r"[.!?][”\"’')]*\s*$", src.text):
            continue
        (attributed if is_attribution_only(src.text) else out).append(_Candidate(a.slug, k, src, fact_terms(src.text), quoted))
    return out or attributed


_SAYING = frozenset("said says say told tell added according adds asked stated noted".split())
MIN_STATED_WORDS = 4  # content words, besides who said it, for a sentence to state a fact


def states_something(sentence: str) -> bool:
    """Whether a sentence states something besides who said it: "The cranes have stood idle for a
    week, dock workers said." does; "So far, Blinken said." does not."""
    return sum(1 for w in content_words(sentence) if w not in _SAYING) >= MIN_STATED_WORDS


def story_points(
    members: list[StoryInput], first: frozenset[tuple[str, str]] = frozenset(), never: frozenset[tuple[str, str]] = frozenset()
) -> tuple[StoryPoint, ...]:
    """Key points across a story's articles, each citing every article that states it. Sentences in
    `first` (an editor approved or pinned them as key points) come first; those in `never` (rejected)
    are no point."""
    family = _family(members)
    originals = [a for a in members if family[a.slug] == a.slug]
    outlet = {a.slug: _outlet(a) for a in members}
    cands = {a.slug: _candidates(a) for a in members}
    own_rank = {a.slug: {sid: r for r, sid in enumerate(a.key_points)} for a in members}
    # A story of one original article leads with that article's own key points, in their order (the
    # learned single-article scorer); with several outlets, what they share leads.
    single = len(originals) == 1
    if first:  # an editor's key point is a candidate even where the machine would not look
        for a in members:
            have = {c.source.sentence_id for c in cands[a.slug]}
            for k, sent in enumerate(a.sentences):
                if (a.slug, sent.id) in first and sent.id not in have:
                    src = point_source(a.slug, a.text, sent)
                    quoted = quoted_share(a.text, src.start, src.end)
                    cands[a.slug].append(_Candidate(a.slug, k, src, fact_terms(src.text), quoted))
    pool = [c for a in originals for c in cands[a.slug] if (a.slug, c.source.sentence_id) not in never]
    if not pool:
        return ()
    df: Counter[str] = Counter()
    every = [c for cs in cands.values() for c in cs]
    for c in every:
        df.update(c.terms)
    idf = {t: math.log((1 + len(every)) / (1 + n)) + 1 for t, n in df.items()}
    vectors = tfidf_vectors([content_words(c.source.text) for c in pool])
    total = summed(vectors)
    centrality = [max(0.0, cosine(v, total) - 1.0) for v in vectors]  # summed cosine with the others
    top = max(centrality) or 1.0
    scored = []
    for c, cen in zip(pool, centrality, strict=True):
        support = _support(c, members, cands, idf)
        origin = {outlet[family[s.article]] for s in support} | {outlet[c.article]}
        lead = 1.0 / (1.0 + c.index)
        rank = own_rank[c.article].get(c.source.sentence_id)
        own = 10.0 - rank if single and rank is not None and rank < 10 else 0.0  # above every other signal
        editor = 100.0 if (c.article, c.source.sentence_id) in first else 0.0
        quoted = c.quoted  # a point states a fact; a quote is someone's words
        score = editor + own + len(origin) + 0.5 * cen / top + 0.3 * lead - 0.5 * quoted
        scored.append((score, c, support, len(origin)))
    scored.sort(key=lambda x: (-x[0], x[1].article, x[1].index))
    chosen: list[tuple[float, _Candidate, list[Source], int]] = []
    for item in scored:
        if (item[1].article, item[1].source.sentence_id) in first:
            chosen.append(item)
            continue
        if len(chosen) >= MAX_POINTS:
            break
        if len(chosen) >= MIN_POINTS and item[3] < 2 and len(originals) > 1:
            break  # beyond the minimum, only points that several outlets state
        if any(overlap(item[1].terms, other[1].terms, idf) >= REDUNDANT for other in chosen):
            continue
        if any(s.sentence_id == item[1].source.sentence_id for other in chosen for s in other[2]):
            continue
        chosen.append(item)
    return tuple(
        StoryPoint(c.source, (c.source, *sorted(support, key=lambda s: s.article)), n, round(score, 4))
        for score, c, support, n in chosen
    )


def _support(c: _Candidate, members: list[StoryInput], cands: dict[str, list[_Candidate]], idf) -> list[Source]:
    """The sentence of every other article of the story that states the candidate's fact."""
    total = math.fsum(idf.get(t, 1.0) for t in c.terms)  # weighted share of c's terms a sentence states: its divisor
    out: list[Source] = []
    if not total:
        return out
    for a in members:
        if a.slug == c.article:
            continue
        best, found = 0.0, None
        for o in cands[a.slug]:
            shared = c.terms & o.terms
            if shared:
                weight = math.fsum(idf.get(t, 1.0) for t in shared)
                if weight > best:
                    best, found = weight, o
        if found is not None and best / total >= SUPPORT:
            out.append(found.source)
    return out


# --- stories -----------------------------------------------------------------------------------------


def assemble(inputs: list[StoryInput], curated: tuple[CuratedStory, ...] = ()) -> list[tuple[str, str | None, list[str]]]:
    """The stories as (id, editor's headline or None, slugs): the editors' decisions in
    content/stories.yml first (which articles a story holds, merges), the machine's grouping for
    every article no story lists. An unlisted article joins the listed story most of its machine
    group went to; a machine group with no listed article is a new story, named after its first
    article, so that ids stay put as articles are added."""
    final = {c.id: c for c in curated}

    def target(sid: str) -> str:
        seen = set()
        while (into := final[sid].merge_into) is not None and into in final and sid not in seen:  # never round a cycle
            seen.add(sid)
            sid = into
        return sid

    known = {a.slug for a in inputs}
    members: dict[str, list[str]] = {}
    assigned: dict[str, str] = {}
    for c in curated:
        t = target(c.id)
        for slug in c.articles:
            if slug in known:
                members.setdefault(t, []).append(slug)
                assigned[slug] = t
    used = set(final)
    for group_slugs in group(inputs):
        rest = [s for s in group_slugs if s not in assigned]
        if not rest:
            continue
        listed = Counter(assigned[s] for s in group_slugs if s in assigned)
        if listed:
            sid = min(listed, key=lambda k: (-listed[k], k))
        else:
            sid = _new_id(rest[0], used)
            used.add(sid)
        members.setdefault(sid, []).extend(rest)
    out = []
    for sid, slugs in members.items():
        kept = final.get(sid)
        out.append((sid, kept.headline if kept else None, slugs))
    return out


PointsFn = Callable[[list[StoryInput], frozenset[tuple[str, str]], frozenset[tuple[str, str]]], tuple[StoryPoint, ...]]


def stories(
    inputs: list[StoryInput],
    curated: tuple[CuratedStory, ...] = (),
    first: frozenset[tuple[str, str]] = frozenset(),
    never: frozenset[tuple[str, str]] = frozenset(),
    points: PointsFn | None = None,
) -> tuple[Story, ...]:
    """Group the articles and give each story its key points; newest story first. `first` and
    `never` are (article, sentence id) pairs editors approved or rejected as key points; `points`
    works out a story's key points (story_points, or a cache of it: see generator/curate/story_cache.py)."""
    points = points or story_points
    by_slug = {a.slug: a for a in inputs}
    out = []
    for sid, headline, slugs in assemble(inputs, curated):
        members = [by_slug[s] for s in slugs]
        dates = sorted(a.published for a in members if a.published)
        newest = sorted(members, key=lambda a: (-(a.published.toordinal() if a.published else 0), a.slug))
        family = _family(members)
        outlets = {_outlet(a) for a in members if family[a.slug] == a.slug}
        told = points(members, first, never)
        out.append(
            Story(
                id=sid,
                headline=headline or _headline(members, told),
                articles=tuple(a.slug for a in newest),
                points=told,
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
                outlets=len(outlets),
            )
        )
    return tuple(sorted(out, key=lambda s: (-(s.last.toordinal() if s.last else 0), -s.outlets, s.id)))


def _family(members: list[StoryInput]) -> dict[str, str]:
    """Each article's original within the story: a wire copy or rewrite counts with it, unless an
    editor put the two in different stories (then the copy stands for its outlet here)."""
    slugs = {a.slug for a in members}
    return {a.slug: a.copy_of if a.copy_of in slugs else a.slug for a in members}


def _outlet(a: StoryInput) -> str:
    return (a.outlet or f"slug:{a.slug}").casefold()


def _new_id(slug: str, used: set[str]) -> str:
    base = "st-" + slug
    sid, n = base, 2
    while sid in used:
        sid, n = f"{base}-{n}", n + 1
    return sid


def _headline(members: list[StoryInput], points: tuple[StoryPoint, ...]) -> str:
    """The story's headline: the title of its earliest original article that has one; else its
    first key point (a sentence that states the development, its dateline cut); else its id."""
    ordered = sorted(members, key=lambda a: (a.copy_of is not None, a.published or dt.date.max, a.slug))
    for a in ordered:
        if a.title:
            return a.title
    return points[0].shown.text if points else ordered[0].slug
