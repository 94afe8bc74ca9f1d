"""Open questions across articles: the curated ones in content/questions.yml, merged with the
machine's candidates, each with every article that raised it in date order, and a possible answer
from a later article.

A candidate joins a curated question when one of its evidence sentences is among the question's
references, or when it asks the same thing. Candidates that join none are merged with each other
the same way and shown as suggestions. "The same thing" is the paraphrase-tolerant matching of
story facts (generator/curate/stories.py: stemmed content words and normalised numbers, IDF-weighted):
most of the shorter question's weighted terms in the other, or (an outlet's paraphrase of the same
sentence) evidence that states the same fact and half of the question's terms.

A later article may state the outcome: a sentence of an article published after the question was
first raised, stating something done (a past or perfect tense, no modal, no uncertainty cue, no
question), that names every name the question names and covers ANSWER_COVERAGE of its weighted
terms (names counting double; ANSWER_COVERAGE_UNNAMED when it names nothing) is its possible
answer. `briefing curate` writes it into content/questions.yml beside a curated question for an
editor to confirm (status: answered) or dismiss (possible_answer_dismissed: true); until then the
site shows it as "possible answer, unreviewed".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from generator.curate.stories import fact_terms, overlap
from generator.curate.topics import Tagger
from generator.errors import Problem
from generator.extract.questions import same_matter, stems
from generator.load.content import slugify
from generator.model import Article, CuratedQuestion, Extraction, QuestionCandidate, Sentence, SentenceRef, Topic

SAME_QUESTION = 0.6  # weighted share of the shorter question's terms the other must state
SAME_EVIDENCE = 0.7  # evidence sentences this alike state one fact (an outlet's paraphrase) …
SAME_EVIDENCE_QUESTION = 0.4  # … and then this much of the questions' terms is enough
ANSWER_COVERAGE = 0.5  # weighted share of a question's terms (names double) an answer must state
ANSWER_COVERAGE_UNNAMED = 0.75  # … when the question names nobody and nothing
_NAME = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-zA-Z’'-]+")
_OUTCOME_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|took|made|went|came|began|struck|fled|won|lost|fell|left|held|sent|met|paid|"
    r"rose|broke|shot|fought|led|gave|drew|chose|withdrew|sold|built|found|kept)\b"
)
_NOT_OUTCOME = re.compile(
    r"\?|\b(?:will|would|could|may|might|should|must|if|whether|unclear|unknown|uncertain|yet|not|no|never|"
    r"expected|plans?|planned|threaten\w*|fears?|warn\w*|calls?\s+for|urged|demand\w*|reportedly|allegedly)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Raised:
    """One article raising a question, with the sentences that do."""

    article: Article
    sentences: tuple[Sentence, ...]
    raised_by: tuple[str, ...] = ()  # speakers who raised it in a quote of this article


@dataclass(frozen=True, slots=True)
class QuestionBriefing:
    """An open question: curated or suggested, with how it developed across articles."""

    id: str
    question: str
    status: str  # "open", "answered" or "moot"
    topic: Topic | None
    curated: bool
    raised: tuple[Raised, ...]  # oldest article first
    first_raised: dt.date | None
    first_article: Article | None
    answer: str | None = None
    answer_source: tuple[Article, Sentence] | None = None
    notes: str | None = None
    reviewed: bool = False  # a suggestion an editor approved in an article's curation file
    possible_answer: PossibleAnswer | None = None  # shown "possible answer, unreviewed" until confirmed

    @property
    def outlets(self) -> int:
        """How many outlets raised it (an article without an outlet counts as its own)."""
        return len({(r.article.publisher or f"slug:{r.article.slug}").casefold() for r in self.raised})


@dataclass(frozen=True, slots=True)
class PossibleAnswer:
    """A sentence of a later article that may answer an open question."""

    text: str
    article: Article
    sentence: Sentence | None
    listed: bool = False  # written into content/questions.yml by `briefing curate`


@dataclass
class _Entry:
    question: str
    curated: CuratedQuestion | None
    reviewed: bool = False
    sentences: dict[str, dict[str, Sentence]] = field(default_factory=dict)  # slug -> id -> sentence
    speakers: dict[str, set[str]] = field(default_factory=dict)  # slug -> who raised it in a quote

    def add(self, slug: str, sentence: Sentence) -> None:
        self.sentences.setdefault(slug, {})[sentence.id] = sentence


def merge_questions(
    articles: list[tuple[Article, Extraction]],
    curated: tuple[CuratedQuestion, ...],
    tagger: Tagger,
    questions_file: str = "content/questions.yml",
) -> tuple[tuple[QuestionBriefing, ...], list[Problem]]:
    """Merge curated questions and candidates; return them with warnings about broken references."""
    by_slug = {a.slug: (a, ex) for a, ex in articles}
    problems: list[Problem] = []

    def resolve(ref: SentenceRef) -> Sentence | None:
        if ref.article not in by_slug:
            return None  # load() has warned about the missing article
        try:
            return by_slug[ref.article][1].sentence(ref.sentence)
        except KeyError:
            problems.append(
                Problem(
                    questions_file,
                    ref.line,
                    f"{ref.sentence} is not a sentence of {ref.article} (was the sentence edited?); "
                    "expected an anchor from that article's page",
                    severity="warning",
                )
            )
            return None

    asked = [c.question for _, ex in articles for c in ex.questions] + [cq.question for cq in curated]
    idf = _idf(asked, fact_terms)
    answer_idf = _idf(asked, _answer_terms)  # weights under the terms answers are matched by
    entries = []
    for listed in curated:
        entry = _Entry(listed.question, listed)
        for ref in listed.evidence:
            if (sentence := resolve(ref)) is not None:
                entry.add(ref.article, sentence)
        entries.append(entry)
    oldest_first = sorted(articles, key=lambda pair: (pair[0].published or dt.date.max, pair[0].slug))
    for article, ex in oldest_first:
        for cand in ex.questions:
            target = _target(entries, article.slug, cand, idf)
            if target is None:
                target = _Entry(cand.question, None)
                entries.append(target)
            target.reviewed |= cand.review == "approved"
            if cand.raised_by:
                target.speakers.setdefault(article.slug, set()).add(cand.raised_by)
            for ev in cand.evidence:
                target.add(article.slug, ex.sentence(ev.sentence_id))
    topics = {t.name.casefold(): t for t in tagger.topics}
    out, ids_used = [], {cq.id for cq in curated}
    outcomes: Outcomes | None = None
    for entry in entries:
        raised = tuple(
            Raised(
                by_slug[slug][0],
                tuple(sorted(sents.values(), key=lambda s: s.start)),
                tuple(sorted(entry.speakers.get(slug, ()))),
            )
            for slug, sents in sorted(entry.sentences.items(), key=lambda kv: (by_slug[kv[0]][0].published or dt.date.max, kv[0]))
        )
        cq = entry.curated
        evidence_text = [s.text for r in raised for s in r.sentences]
        topic = topics.get(cq.topic.casefold()) if cq and cq.topic else None
        topic = topic or next(iter(tagger.tags(entry.question, *evidence_text)), None)
        first_article = by_slug[cq.raised_in][0] if cq and cq.raised_in else (raised[0].article if raised else None)
        first_date = (cq.raised if cq else None) or (first_article.published if first_article else None)
        answer_source = None
        if cq and cq.answer_source and (sentence := resolve(cq.answer_source)) is not None:
            answer_source = (by_slug[cq.answer_source.article][0], sentence)
        status = cq.status if cq else "open"
        possible = None
        listed_source = None
        if cq and cq.possible_answer_source and (sentence := resolve(cq.possible_answer_source)) is not None:
            listed_source = (by_slug[cq.possible_answer_source.article][0], sentence)
        if cq and cq.possible_answer and not cq.possible_answer_dismissed:
            art, sent = listed_source or (None, None)
            possible = PossibleAnswer(cq.possible_answer, art, sent, listed=True) if art else None
        elif status == "open" and not (cq and (cq.possible_answer_dismissed or cq.answer)):
            if outcomes is None:  # worked out once, when a question first needs it
                outcomes = outcome_index(articles)
            possible = possible_answer(entry.question, raised, outcomes, answer_idf)
        answer = cq.answer if cq else None
        if status == "answered" and cq and cq.possible_answer and not cq.possible_answer_dismissed:
            answer = answer or cq.possible_answer  # the editor confirmed the machine's answer
            answer_source = answer_source or listed_source
        if status != "open":
            possible = None
        if cq is None:
            qid = _unique(slugify(entry.question, max_words=10) or "question", ids_used)
        else:
            qid = cq.id
        out.append(
            QuestionBriefing(
                id=qid,
                question=entry.question,
                status=status,
                topic=topic,
                curated=cq is not None,
                raised=raised,
                first_raised=first_date,
                first_article=first_article,
                answer=answer,
                answer_source=answer_source,
                notes=cq.notes if cq else None,
                reviewed=entry.reviewed,
                possible_answer=possible,
            )
        )
    return tuple(out), problems


def _idf(texts: list[str], terms) -> dict[str, float]:
    df: Counter[str] = Counter()
    for t in texts:
        df.update(terms(t))
    return {t: math.log((1 + len(texts)) / (1 + n)) + 1 for t, n in df.items()}


def same_question(
    a: str, b: str, idf: dict[str, float], evidence_a: tuple[str, ...] = (), evidence_b: tuple[str, ...] = ()
) -> bool:
    """Whether two questions ask the same thing, as story facts are matched: most of the shorter
    question's weighted terms stated by the other, or evidence sentences that state one fact
    (another outlet's paraphrase) and half as much of the question; three shared terms at least."""
    ta, tb = fact_terms(a), fact_terms(b)
    if len(ta & tb) < 3:
        return False
    score = overlap(ta, tb, idf)
    if score >= SAME_QUESTION:
        return True
    if score >= SAME_EVIDENCE_QUESTION:
        return any(overlap(fact_terms(x), fact_terms(y), idf) >= SAME_EVIDENCE for x in evidence_a for y in evidence_b)
    return False


def _target(entries: list[_Entry], slug: str, cand: QuestionCandidate, idf: dict[str, float]) -> _Entry | None:
    """The entry a candidate joins: a curated question asking the same thing, else the curated
    question citing its evidence (the closest in wording when several do), else a suggestion
    asking the same thing."""
    mine = tuple(e.text for e in cand.evidence)
    same = [
        e
        for e in entries
        if same_matter(e.question, cand.question)
        or same_question(e.question, cand.question, idf, tuple(s.text for ss in e.sentences.values() for s in ss.values()), mine)
    ]
    curated_same = [e for e in same if e.curated is not None]
    if curated_same:
        return curated_same[0]
    ids = {ev.sentence_id for ev in cand.evidence}
    citing = [e for e in entries if e.curated is not None and ids & set(e.sentences.get(slug, {}))]
    if citing:
        words = stems(cand.question)
        return max(citing, key=lambda e: len(words & stems(e.question)))  # the first of equals
    return same[0] if same else None


def _unique(base: str, used: set[str]) -> str:
    qid, n = base, 2
    while qid in used:
        qid, n = f"{base}-{n}", n + 1
    used.add(qid)
    return qid


# --- possible answers ---------------------------------------------------------------------------------


def _answer_terms(text: str) -> frozenset[str]:
    """Terms for matching an answer to its question: story-fact terms cut to six letters, so that
    "Israel" meets "Israeli" and "accept" meets "accepted"."""
    return frozenset(t if t.startswith("#") else t[:6] for t in fact_terms(text))


def _names(question: str) -> frozenset[str]:
    """The names a question names, as answer terms ('Will Israel launch … into Rafah?' → israel, rafah)."""
    return frozenset(m.group(0).lower()[:6] for m in _NAME.finditer(question, question.find(" ") + 1 or len(question)))


def _lower_terms(question: str) -> frozenset[str]:
    """The answer terms of a question's lower-case words (its verbs and nouns, not its names)."""
    words = question.split()[1:]
    return _answer_terms(" ".join(w for w in words if w[:1].islower()))


def is_outcome(sentence: str) -> bool:
    """Whether a sentence states something done: a past tense, and no modal, condition,
    uncertainty, negation, plan or demand."""
    return bool(_OUTCOME_VERB.search(sentence)) and not _NOT_OUTCOME.search(sentence)


@dataclass(frozen=True, slots=True)
class Outcomes:
    """Every sentence of a dated article that states something done, with its answer terms, and
    which of them hold each term: a question is compared only with the sentences that can answer it."""

    sentences: tuple[tuple[Article, dt.date, Sentence, frozenset[str]], ...]  # with the article's date
    postings: dict[str, tuple[int, ...]]


def outcome_index(articles: list[tuple[Article, Extraction]]) -> Outcomes:
    """The outcome sentences of the dated articles, indexed by their answer terms."""
    sentences: list[tuple[Article, dt.date, Sentence, frozenset[str]]] = []
    postings: dict[str, list[int]] = {}
    for article, ex in articles:
        published = article.published
        if published is None:
            continue
        for s in ex.sentences:
            if is_outcome(s.text):
                terms = _answer_terms(s.text)
                for t in terms:
                    postings.setdefault(t, []).append(len(sentences))
                sentences.append((article, published, s, terms))
    return Outcomes(tuple(sentences), {t: tuple(v) for t, v in postings.items()})


def possible_answer(
    question: str, raised: tuple[Raised, ...], outcomes: Outcomes, idf: dict[str, float]
) -> PossibleAnswer | None:
    """The sentence of a later article that best states an outcome of the question, if any."""
    dates = [r.article.published for r in raised if r.article.published]
    if not dates:
        return None
    first = min(dates)
    raising = {r.article.slug for r in raised}
    evidence = {s.text for r in raised for s in r.sentences}
    terms = _answer_terms(question)
    names = _names(question) & terms
    doing = _lower_terms(question) & terms  # what the question asks of them: its lower-case words
    weights = {t: (2.0 if t in names else 1.0) * idf.get(t, 1.0) for t in terms}
    total = math.fsum(weights.values())
    if not total:
        return None
    needed = ANSWER_COVERAGE if names else ANSWER_COVERAGE_UNNAMED  # naming nothing, it must say more
    if names:  # a sentence that can answer holds every name: the rarest name's sentences first
        rarest = min(names, key=lambda t: (len(outcomes.postings.get(t, ())), t))
        pool: tuple[int, ...] = outcomes.postings.get(rarest, ())
    else:
        pool = tuple(sorted({k for t in (doing or terms) for k in outcomes.postings.get(t, ())}))
    best: tuple[float, tuple, PossibleAnswer] | None = None
    for k in pool:
        article, published, s, found = outcomes.sentences[k]
        if article.slug in raising or published <= first or s.text in evidence:
            continue
        if not names <= found or (doing and not doing & found):
            continue  # it names who the question names, and says something of what they do
        score = math.fsum(w for t, w in weights.items() if t in found) / total
        if score < needed:
            continue
        key = (-score, article.published, article.slug, s.start)
        if best is None or key < best[1]:
            best = (score, key, PossibleAnswer(s.text, article, s))
    return best[2] if best else None
