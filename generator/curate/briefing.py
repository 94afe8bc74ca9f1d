"""The curate stage: apply people.yml to speakers and assemble the cross-article briefing.

Machine output is merged with what people wrote in content/: canonical names and roles from
people.yml, relations between articles from the sidecars. Nothing here writes files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from generator.curate.curation import Policy, curation_warnings, publish, verbatim
from generator.curate.duplicates import group_duplicates
from generator.curate.entities import Occurrence, canonical_names
from generator.curate.questions import QuestionBriefing, merge_questions
from generator.curate.stories import PointsFn, Source, StoryInput, stories
from generator.curate.timeline import Event, article_events, in_order
from generator.curate.topics import Tagger
from generator.errors import Diagnostics, Problem
from generator.extract.fingerprint import Fingerprint, fingerprint
from generator.extract.patterns import NOT_PERSON_WORDS
from generator.load.content import slugify
from generator.model import NO_OUTLET, Article, Content, Extraction, Person, Quote, Topic

PEOPLE_KINDS = ("person",)
BODY_KINDS = ("organisation", "group")
UNNAMED_KINDS = ("source", "document")
FEATURED_QUOTES = 6
MAX_SLUG = 80


@dataclass(frozen=True, slots=True)
class ArticleBriefing:
    """One article with its extraction, speakers made canonical."""

    article: Article
    extraction: Extraction
    copies: tuple[tuple[Article, str], ...] = ()  # wire copies and rewrites of this canonical article
    copy_of: tuple[Article, str] | None = None  # the canonical article this one copies, and how
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True, slots=True)
class Sourced:
    """A quote together with the article it came from."""

    article: Article
    item: Quote


@dataclass(frozen=True, slots=True)
class PointSource:
    """One article's sentence that states a story's point."""

    article: Article
    source: Source
    copy: bool  # the article is a wire copy or rewrite of another one of the story


@dataclass(frozen=True, slots=True)
class StoryPointView:
    """A story's key point as the site shows it: one verbatim sentence, every source linked."""

    text: str
    sentence_id: str
    shown: PointSource
    sources: tuple[PointSource, ...]  # the shown one first
    outlets: int  # distinct outlets; copies counted with their original
    review: str = "suggested"  # "approved" when an editor approved that sentence as a key point
    pinned: bool = False


@dataclass(frozen=True, slots=True)
class StoryBriefing:
    """One development and everything the site shows of it."""

    id: str
    headline: str
    articles: tuple[ArticleBriefing, ...]  # newest first
    points: tuple[StoryPointView, ...]
    first: dt.date | None
    last: dt.date | None
    outlets: int
    quotes: tuple[tuple[str | None, tuple[Sourced, ...]], ...] = ()  # by speaker, most quoted first
    questions: tuple[QuestionBriefing, ...] = ()
    events: tuple[Event, ...] = ()
    topics: tuple[Topic, ...] = ()

    @property
    def pinned(self) -> bool:
        """Whether an editor pinned one of its points."""
        return any(p.pinned for p in self.points)


@dataclass(frozen=True, slots=True)
class SpeakerBriefing:
    """A person and every quote of theirs, newest first."""

    name: str
    anchor: str  # also the file name of the person's page: people/<anchor>.md
    role: str | None
    quotes: tuple[Sourced, ...]
    known: bool  # listed in content/people.yml
    kind: str = "person"  # or "organisation", "group"

    @property
    def by_article(self) -> tuple[tuple[Article, tuple[Quote, ...]], ...]:
        """The quotes grouped by article, newest article first, text order within one."""
        groups: dict[str, list] = {}
        articles: dict[str, Article] = {}
        for s in self.quotes:
            groups.setdefault(s.article.slug, []).append(s.item)
            articles[s.article.slug] = s.article
        return tuple((articles[slug], tuple(qs)) for slug, qs in groups.items())


@dataclass(frozen=True, slots=True)
class PersonSuggestion:
    """A named speaker not in people.yml yet, as an entry a person can copy into it."""

    name: str
    aliases: tuple[str, ...]
    role: str | None
    quotes: int


@dataclass(frozen=True, slots=True)
class TopicBriefing:
    """One topic's own briefing: its articles, key points, quotes and questions."""

    topic: Topic
    articles: tuple[ArticleBriefing, ...]
    stories: tuple[StoryBriefing, ...]
    quotes: tuple[Sourced, ...]
    questions: tuple[QuestionBriefing, ...]


STATUS_LABELS = ("Open", "Suggested", "Answered", "Moot")


def _status_label(q: QuestionBriefing) -> str:
    return q.status.capitalize() if q.curated or q.reviewed else "Suggested"


def question_status(q: QuestionBriefing) -> str:
    """A question's status as the site shows it: open, answered, moot, or suggested (unreviewed)."""
    return _status_label(q).lower()


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """The questions of one topic (None: no topic), by status."""

    topic: Topic | None
    by_status: tuple[tuple[str, tuple[QuestionBriefing, ...]], ...]


@dataclass(frozen=True, slots=True)
class OutletBriefing:
    """An outlet and its articles, newest first."""

    name: str
    slug: str  # the page: outlets/<slug>.md
    articles: tuple[ArticleBriefing, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything the render stage needs."""

    content: Content
    articles: tuple[ArticleBriefing, ...]
    stories: tuple[StoryBriefing, ...]  # ranked for the front page
    speakers: tuple[SpeakerBriefing, ...]  # named people, each with a page
    bodies: tuple[SpeakerBriefing, ...]  # named organisations and groups, each with a page
    sources: tuple[Sourced, ...]  # quotes from unnamed sources ("a senior official"), newest first
    questions: tuple[QuestionBriefing, ...]
    featured: tuple[Sourced, ...]
    suggestions: tuple[PersonSuggestion, ...]
    topics: tuple[TopicBriefing, ...] = ()
    timeline: tuple[Event, ...] = ()
    outlets: tuple[OutletBriefing, ...] = ()
    warnings: tuple[Problem, ...] = ()
    # Lookups the pages make once per article or quote, built once: speaker name → page, slug → story.
    _pages: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _stories: dict[str, StoryBriefing] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for p in reversed(self.speakers + self.bodies):  # the first of a name wins
            self._pages[p.name] = p.anchor
        for st in reversed(self.stories):
            for ab in st.articles:
                self._stories[ab.article.slug] = st

    def person_page(self, name: str | None) -> str | None:
        """The page id of a named speaker (a person, an organisation or a group), or None for an
        unnamed source."""
        return self._pages.get(name) if name is not None else None

    @property
    def question_groups(self) -> tuple[QuestionGroup, ...]:
        """Questions by topic (taxonomy order, untagged last), then by status."""
        order = [t.topic for t in self.topics] + [None]
        groups = []
        for topic in order:
            mine = [q for q in self.questions if q.topic == topic]
            by_status = tuple(
                (label, tuple(q for q in mine if _status_label(q) == label))
                for label in STATUS_LABELS
                if any(_status_label(q) == label for q in mine)
            )
            if by_status:
                groups.append(QuestionGroup(topic, by_status))
        return tuple(groups)

    def story_of(self, slug: str) -> StoryBriefing | None:
        """The story an article belongs to."""
        return self._stories.get(slug)

    def outlet_page(self, name: str | None) -> str | None:
        """The page id of an outlet (an article's `source`)."""
        return next((o.slug for o in self.outlets if o.name == (name or NO_OUTLET)), None)


def curate(
    content: Content,
    extractions: dict[str, Extraction],
    diag: Diagnostics | None = None,
    prints: dict[str, Fingerprint] | None = None,
    story_points: PointsFn | None = None,
) -> Briefing:
    """Merge extractions with the people, relations and curation files written in content/.

    Problems in the curation files (a quote no longer verbatim, a reference to nothing) go to diag.
    prints are the articles' duplicate fingerprints when the caller has them already; story_points
    works out a story's key points (a cache of them when the caller keeps one).
    """
    diag = diag or Diagnostics(project=content.project)
    canonical = _people_lookup(content.people)
    written = tuple((key, p.name) for p in content.people for key in (p.name, *p.aliases))
    policy = Policy(content.config.publish, frozenset(canonical), written)
    curations = {c.slug: c for c in content.curations}
    curation_warnings(content.curations, {a.slug for a in content.articles}, diag)
    by_slug = {a.slug: a for a in content.articles}
    if prints is None:
        prints = {a.slug: fingerprint(extractions[a.slug].sentences) for a in content.articles}
    copies: dict[str, list[tuple[Article, str]]] = {}
    copy_of: dict[str, tuple[Article, str]] = {}
    for group in group_duplicates(list(content.articles), prints):
        for d in group.duplicates:
            copies.setdefault(group.canonical, []).append((by_slug[d.slug], d.relation))
            copy_of[d.slug] = (by_slug[group.canonical], d.relation)
    tagger = Tagger(content.config.topics)
    published = [(a, publish(a, extractions[a.slug], curations.get(a.slug), policy, diag)) for a in content.articles]
    linked = canonical_names(
        [Occurrence(q.speaker, q.speaker_kind or "person") for _, ex in published for q in ex.quotes if q.speaker],
        content.people,
    )
    articles = []
    for article, ex in published:
        quotes = tuple(_canonical_speaker(q, canonical, article, linked) for q in ex.quotes)
        articles.append(
            ArticleBriefing(
                article,
                replace(ex, quotes=quotes),
                tuple(copies.get(article.slug, ())),
                copy_of.get(article.slug),
                tagger.article_tags(article),
            )
        )
    people = speakers(articles, content.people, PEOPLE_KINDS)
    bodies = speakers(articles, content.people, BODY_KINDS, taken={p.anchor for p in people})
    questions, warnings = merge_questions(
        [(ab.article, ab.extraction) for ab in articles],
        content.questions,
        tagger,
        str(content.project.questions_file),
    )
    dated = {ab.article.slug: article_events(ab.article, ab.extraction.sentences) for ab in articles}  # once for all pages
    told = story_briefings(articles, content, policy, questions, tagger, dated, story_points)
    return Briefing(
        content=content,
        articles=tuple(articles),
        stories=told,
        speakers=people,
        bodies=bodies,
        sources=tuple(
            Sourced(ab.article, q) for ab in articles for q in ab.extraction.quotes if q.speaker_kind in UNNAMED_KINDS
        ),
        questions=questions,
        featured=featured_quotes(articles),
        suggestions=suggest_people(people, content.people, tuple(a.text for a in content.articles)),
        topics=topic_briefings(tagger, articles, told, questions),
        timeline=in_order([e for ab in articles for e in _own_events(dated, ab, bool(ab.copy_of))]),
        outlets=outlets(articles),
        warnings=tuple(warnings),
    )


def topic_briefings(
    tagger: Tagger,
    articles: list[ArticleBriefing],
    told: tuple[StoryBriefing, ...],
    questions: tuple[QuestionBriefing, ...],
) -> tuple[TopicBriefing, ...]:
    """Each topic's own briefing, in taxonomy order: what mentions one of its keywords."""
    quoted = []  # each quote with the sentence it stands in, looked up once for all topics
    for ab in articles:
        sentences = {s.id: s.text for s in ab.extraction.sentences}
        quoted += [(Sourced(ab.article, q), sentences[q.sentence_id]) for q in ab.extraction.quotes]
    out = []
    for topic in tagger.topics:
        quotes = tuple(s for s, sentence in quoted if tagger.mentions(topic, sentence))
        out.append(
            TopicBriefing(
                topic=topic,
                articles=tuple(ab for ab in articles if topic in ab.topics),
                stories=tuple(st for st in told if topic in st.topics),
                quotes=quotes,
                questions=tuple(q for q in questions if q.topic == topic),
            )
        )
    return tuple(out)


def outlets(articles: list[ArticleBriefing]) -> tuple[OutletBriefing, ...]:
    """Articles grouped by outlet, outlets alphabetically, articles without one last."""
    groups: dict[str, list[ArticleBriefing]] = {}
    for ab in articles:
        groups.setdefault(ab.article.publisher or "", []).append(ab)
    out, used = [], set()
    for name in sorted(groups, key=lambda o: (o == "", o.casefold())):
        base = slugify(name or NO_OUTLET) or "outlet"
        slug, n = base, 2
        while slug in used or slug == "index":
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(OutletBriefing(name or NO_OUTLET, slug, tuple(groups[name])))
    return tuple(out)


def _people_lookup(people: tuple[Person, ...]) -> dict[str, Person]:
    lookup: dict[str, Person] = {}
    for p in people:
        for key in (p.name, *p.aliases):
            lookup[key.lower()] = p
    return lookup


def _canonical_speaker(q: Quote, lookup: dict[str, Person], article: Article, linked: dict[Occurrence, str]) -> Quote:
    """Name a speaker as people.yml does, with the role held on the article's date, else by the
    name that links the forms of that speaker across articles."""
    if not q.speaker:
        return q
    person = lookup.get(q.speaker.lower())
    if person is None:
        shown = linked.get(Occurrence(q.speaker, q.speaker_kind or "person"), q.speaker)
        return replace(q, speaker=shown) if shown != q.speaker else q
    return replace(q, speaker=person.name, role=person.role_on(article.published) or q.role, speaker_kind="person")


def person_slug(name: str) -> str:
    """A stable, safe page name for a person: people/<slug>.md."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:MAX_SLUG].strip("-") or "unnamed"
    return "person-index" if slug == "index" else slug


def speakers(
    articles: list[ArticleBriefing], people: tuple[Person, ...], kinds: tuple[str, ...], taken: set[str] | None = None
) -> tuple[SpeakerBriefing, ...]:
    """Every named speaker of these kinds with their quotes, newest first; the role is the latest
    one known. Page names avoid those already taken."""
    by_name: dict[str, list[Sourced]] = {}
    for ab in articles:  # articles come newest first
        for q in ab.extraction.quotes:
            if q.speaker and (q.speaker_kind or "person") in kinds:
                by_name.setdefault(q.speaker, []).append(Sourced(ab.article, q))
    listed = {p.name: p for p in people}
    out = []
    anchors: set[str] = set(taken or ())
    for name in sorted(by_name, key=lambda n: (n.split()[-1].lower(), n.lower())):
        quotes = tuple(by_name[name])
        person = listed.get(name)
        newest = quotes[0].article.published
        role = (person.role_on(newest) if person else None) or next((s.item.role for s in quotes if s.item.role), None)
        anchor, n = person_slug(name), 2
        while anchor in anchors:  # two names that fold to the same id
            anchor, n = f"{person_slug(name)}-{n}", n + 1
        anchors.add(anchor)
        kind = quotes[0].item.speaker_kind or "person"
        out.append(SpeakerBriefing(name, anchor, role if kind == "person" else None, quotes, known=person is not None, kind=kind))
    return tuple(out)


def suggest_people(
    people: tuple[SpeakerBriefing, ...], known: tuple[Person, ...] = (), texts: tuple[str, ...] = ()
) -> tuple[PersonSuggestion, ...]:
    """Entries for people.yml: every named speaker it does not list yet, most quoted first.

    The alias offered is the surname, and only when it can mean nobody else: never an ordinary word
    (one the articles also write in lowercase, or an institution's word such as "House" or "Times")
    nor a name two people share ("Ahmed")."""
    ordinary = {w for t in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", t)} | NOT_PERSON_WORDS
    # The words of each person's names, once per person: a word two people use is nobody's alias.
    listed = {p.name for p in known}
    persons = [{p.name} for p in people if " " in p.name and p.name not in listed]
    persons += [{person.name, *person.aliases} for person in known]
    uses = Counter(w.casefold() for names in persons for w in {w for n in names for w in n.split()})

    def alias(name: str) -> tuple[str, ...]:
        words = name.split()
        last = words[-1] if len(words) > 1 else ""
        if len(last) < 3 or not last[:1].isupper() or last.casefold() in ordinary or uses[last.casefold()] > 1:
            return ()
        return (last,)

    out = [PersonSuggestion(p.name, alias(p.name), p.role, len(p.quotes)) for p in people if not p.known]
    return tuple(sorted(out, key=lambda s: (-s.quotes, s.name)))


def check_verbatim(articles: tuple[ArticleBriefing, ...]) -> list[Problem]:
    """Every quote that will be shown must occur in its article's text; name file and line if not."""
    problems = []
    for ab in articles:
        source = verbatim(ab.article.text)
        for q in ab.extraction.quotes:
            if verbatim(q.text) not in source:
                line = _line_of(ab, q.sentence_id)
                problems.append(
                    Problem(str(ab.article.path), line, f"quote not found verbatim in the article: “{q.text[:80]}”")
                )
    return problems


def _line_of(ab: ArticleBriefing, sentence_id: str) -> int | None:
    """The source line of the paragraph a sentence sits in, when the reader kept it."""
    for s in ab.extraction.sentences:
        if s.id == sentence_id and s.paragraph < len(ab.article.paragraph_lines):
            return ab.article.paragraph_lines[s.paragraph] or None
    return None


def story_inputs(articles: list[ArticleBriefing]) -> list[StoryInput]:
    """What grouping and story key points need of every article."""
    return [
        StoryInput(
            ab.article.slug, ab.article.title, ab.article.text, ab.extraction.sentences, ab.article.published,
            ab.article.publisher, ab.copy_of[0].slug if ab.copy_of else None,
            tuple(k.sentence_id for k in ab.extraction.key_points),
        )
        for ab in articles
    ]


def _own_events(dated: dict[str, tuple[Event, ...]], ab: ArticleBriefing, copy: bool) -> tuple[Event, ...]:
    """An article's events; a copy's are only its publication (its dates are its original's)."""
    return dated[ab.article.slug][:1] if copy else dated[ab.article.slug]


def story_briefings(
    articles: list[ArticleBriefing],
    content: Content,
    policy: Policy,
    questions: tuple[QuestionBriefing, ...],
    tagger: Tagger,
    dated: dict[str, tuple[Event, ...]],
    points: PointsFn | None = None,
) -> tuple[StoryBriefing, ...]:
    """The stories with their key points, quotes, questions and timeline, ranked for the front page.

    An editor's decision on a sentence as an article's key point holds for it as a story's point:
    rejected (or stale) never shown, approved shown as reviewed, pinned first; with `publish:
    approved` only approved points are shown."""
    by_slug = {ab.article.slug: ab for ab in articles}
    decisions = {
        (c.slug, item.sentence): item for c in content.curations for item in c.section("key_points")
    }
    out = []
    chosen = frozenset(k for k, item in decisions.items() if item.status == "approved" or item.pinned)
    rejected = frozenset(k for k, item in decisions.items() if item.status == "rejected" or item.stale)
    raised_in: dict[str, list[int]] = {}  # article → the questions it raises (their positions)
    for k, q in enumerate(questions):
        for r in q.raised:
            raised_in.setdefault(r.article.slug, []).append(k)
    for story in stories(story_inputs(articles), content.stories, chosen, rejected, points):
        members = [by_slug[slug] for slug in story.articles]
        copies = {ab.article.slug for ab in members if ab.copy_of and ab.copy_of[0].slug in story.articles}
        views = []
        for p in story.points:
            item = decisions.get((p.shown.article, p.shown.sentence_id))
            if item is not None and (item.status == "rejected" or item.stale):
                continue
            review = "approved" if item is not None and item.status == "approved" else "suggested"
            if policy.publish == "approved" and review != "approved":
                continue
            sources = tuple(PointSource(by_slug[s.article].article, s, s.article in copies) for s in p.sources)
            views.append(
                StoryPointView(p.shown.text, p.shown.sentence_id, sources[0], sources, p.outlets, review,
                               bool(item is not None and item.pinned))
            )
        views.sort(key=lambda v: not v.pinned)
        slugs = set(story.articles)
        quoted: dict[str | None, list[Sourced]] = {}
        for ab in members:
            for quote in ab.extraction.quotes:
                if quote.speaker:
                    quoted.setdefault(quote.speaker, []).append(Sourced(ab.article, quote))
        by_speaker = sorted(quoted.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))  # most quoted first
        out.append(
            StoryBriefing(
                id=story.id,
                headline=story.headline,
                articles=tuple(members),
                points=tuple(views),
                first=story.first,
                last=story.last,
                outlets=story.outlets,
                quotes=tuple((who, tuple(said)) for who, said in by_speaker),
                questions=tuple(questions[k] for k in sorted({k for slug in slugs for k in raised_in.get(slug, ())})),
                events=in_order([e for ab in members for e in _own_events(dated, ab, ab.article.slug in copies)]),
                topics=tuple(t for t in tagger.topics if any(t in ab.topics for ab in members)),
            )
        )
    return rank_stories(out)


def rank_stories(told: list[StoryBriefing]) -> tuple[StoryBriefing, ...]:
    """Front-page order: pinned first, then by outlets discounted by age (a week halves them),
    then newest; undated stories last."""
    newest = max((st.last for st in told if st.last), default=None)

    def weight(st: StoryBriefing) -> float:
        if st.last is None or newest is None:
            return 0.0
        return st.outlets / (1.0 + (newest - st.last).days / 7.0)

    def key(st: StoryBriefing) -> tuple:
        return (not st.pinned, st.last is None, -weight(st), -(st.last.toordinal() if st.last else 0), st.id)

    return tuple(sorted(told, key=key))


def featured_quotes(articles: list[ArticleBriefing]) -> tuple[Sourced, ...]:
    """The home page's quotes: those an editor featured, then direct quotes with named speakers,
    newest first, one per speaker."""
    out = [Sourced(ab.article, q) for ab in articles for q in ab.extraction.quotes if q.featured]
    seen: set[str] = {s.item.speaker for s in out if s.item.speaker}
    if len(out) >= FEATURED_QUOTES:
        return tuple(out)
    for ab in articles:
        for q in ab.extraction.quotes:
            named = q.speaker_kind in PEOPLE_KINDS
            if q.speaker and q.kind == "direct" and named and q.speaker not in seen and len(q.text.split()) >= 8:
                out.append(Sourced(ab.article, q))
                seen.add(q.speaker)
    return tuple(out[:FEATURED_QUOTES])
