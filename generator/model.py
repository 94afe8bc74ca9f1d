"""The data model: frozen, slotted records passed between the pipeline stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.project import Project

NO_OUTLET = "Outlet not stated"  # the source label of an article with neither an outlet nor a URL


@dataclass(frozen=True, slots=True)
class Settings:
    """Tunable numbers and extra boilerplate patterns from briefing.yml's settings."""

    key_points: int = 4
    home_key_points: int = 8
    latest_articles: int = 10
    boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefingConfig:
    """content/briefing.yml: what the site is about and how it is built."""

    title: str
    description: str = ""
    topic: str = ""
    language: str = "en"
    site_url: str | None = None
    publish: str = "all"  # "all": suggested items too, marked unreviewed; "approved": approved items only
    search: str = "auto"  # "material", "pagefind", or "auto": Pagefind from PAGEFIND_FROM articles on
    settings: Settings = field(default_factory=Settings)
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic of the editable taxonomy in briefing.yml; items mentioning a keyword are tagged with it."""

    name: str
    slug: str
    keywords: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader gets out of one article file, before metadata is merged."""

    text: str  # cleaned body: paragraphs separated by one blank line
    paragraph_lines: tuple[int, ...]  # source line of each paragraph, for path:line messages
    meta: dict  # metadata found in the file itself (headline, front matter, HTML metadata)
    meta_lines: dict  # line of each front-matter key, when the file has front matter
    removed: tuple[tuple[int, str, str], ...] = ()  # (line, category, text) of boilerplate dropped


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the briefing, cleaned and with its metadata merged."""

    slug: str
    path: Path  # the article file inside content/articles/
    format: str  # "txt", "md" or "html"
    title: str
    text: str
    paragraph_lines: tuple[int, ...]
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    rewrite_of: str | None = None
    notes: str | None = None
    site: str | None = None  # the name of the site its URL is on, when no outlet is stated (generator/load/sites.py)

    @property
    def publisher(self) -> str | None:
        """Who published it: the outlet stated, else the site its URL is on, else None."""
        return self.outlet or self.site

    @property
    def source(self) -> str:
        """How the site labels where an article came from: never its title."""
        return self.publisher or NO_OUTLET

    @property
    def sort_key(self) -> tuple:
        """Newest first, undated last, then by slug."""
        return (-(self.published.toordinal() if self.published else 0), self.slug)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article's text, with a stable id and character offsets into the text."""

    id: str
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """A ranked key sentence."""

    sentence_id: str
    start: int
    end: int
    text: str
    score: float
    review: str = "suggested"  # "suggested" (by the machine, unreviewed) or "approved" (by an editor)
    pinned: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or partial quotation with its speaker; text is verbatim text[start:end]."""

    start: int
    end: int
    text: str
    sentence_id: str
    speaker: str | None
    role: str | None
    kind: str  # "direct" or "partial"
    # which mention the speaker model chose: "name", "description" ("the defence minister"),
    # "pronoun" (resolved to an entity), "label" (a transcript's "PENCE:"), "continuation" (the
    # speaker of the quote before, named outside this quote's sentence), or "none"
    attribution: str
    # "person", "organisation", "group" (a family, protesters), "document" (a statement whose
    # author is not given) or "source" (a person described but not named: "a senior official")
    speaker_kind: str | None = None
    review: str = "suggested"
    pinned: bool = False
    featured: bool = False  # an editor put it on the home page


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that supports an open question."""

    sentence_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuestionCandidate:
    """An unresolved matter stated in the text, put as a plain question."""

    question: str
    cue: str
    evidence: tuple[Evidence, ...]
    review: str = "suggested"
    pinned: bool = False
    raised_by: str | None = None  # the speaker of the quote the question was raised in


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text."""

    text: str
    sentences: tuple[Sentence, ...]
    key_points: tuple[KeyPoint, ...]
    quotes: tuple[Quote, ...]
    questions: tuple[QuestionCandidate, ...]

    def sentence(self, sentence_id: str) -> Sentence:
        """Return the sentence with this id."""
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        raise KeyError(sentence_id)


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A reference to one sentence of one article, written 'article-slug#s-…' in YAML."""

    article: str
    sentence: str
    line: int | None = None  # where the reference was written, for messages


@dataclass(frozen=True, slots=True)
class CuratedQuestion:
    """An open question from content/questions.yml."""

    id: str
    question: str
    topic: str | None
    status: str  # "open", "answered" or "moot"
    raised: dt.date | None  # when it was first raised, if the editor says so
    raised_in: str | None  # in which article
    evidence: tuple[SentenceRef, ...]
    answer: str | None
    answer_source: SentenceRef | None
    notes: str | None = None
    line: int | None = None
    # what `briefing curate` found in a later article, for an editor to confirm (status: answered)
    # or dismiss (possible_answer_dismissed: true)
    possible_answer: str | None = None
    possible_answer_source: SentenceRef | None = None
    possible_answer_dismissed: bool = False


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role a person held from `since` until `until` (either end may be open)."""

    role: str
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A canonical person from content/people.yml."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    roles: tuple[RoleSpan, ...] = ()
    notes: str | None = None

    def role_on(self, day: dt.date | None) -> str | None:
        """The role held on a day: the dated role covering it, else the undated `role`."""
        if day is not None:
            for span in self.roles:
                if (span.since is None or span.since <= day) and (span.until is None or day < span.until):
                    return span.role
        return self.role or (self.roles[-1].role if self.roles and day is None else None)


@dataclass(frozen=True, slots=True)
class CuratedItem:
    """One item of a curation file (content/curation/<slug>.yml), as the editor left it."""

    section: str  # "key_points", "quotes" or "questions"
    id: str
    status: str  # "suggested", "approved" or "rejected"
    sentence: str
    text: str
    line: int
    text_line: int
    speaker: str | None = None
    speaker_given: bool = False  # the item has a speaker key (a null speaker means unattributed)
    speaker_line: int | None = None
    kind: str | None = None  # quotes: "direct" or "partial"
    pinned: bool = False
    featured: bool = False
    stale: bool = False  # set by `briefing curate` when the source sentence disappeared
    fuzzy: bool | None = None  # `briefing curate` sets it true when the source sentence was edited a little
    original: str | None = None
    original_speaker: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Curation:
    """An article's curation file: the editor's decisions on the machine's suggestions."""

    slug: str
    path: Path
    items: tuple[CuratedItem, ...]  # in file order

    def section(self, name: str) -> tuple[CuratedItem, ...]:
        """The items of one section, in file order."""
        return tuple(i for i in self.items if i.section == name)


@dataclass(frozen=True, slots=True)
class CuratedStory:
    """A story of content/stories.yml: which articles report one development, as an editor decided."""

    id: str
    headline: str | None  # the editor's headline, else the machine's
    articles: tuple[str, ...]  # slugs of the articles that exist
    merge_into: str | None = None  # another story this one is merged into
    notes: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Content:
    """Everything read and validated from content/."""

    project: Project
    config: BriefingConfig
    articles: tuple[Article, ...]
    people: tuple[Person, ...] = ()
    questions: tuple[CuratedQuestion, ...] = ()
    curations: tuple[Curation, ...] = ()
    stories: tuple[CuratedStory, ...] = ()
