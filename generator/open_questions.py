"""Open questions across articles: the curated ones in content/questions.yml, merged with the
machine's candidates, each with every article that raised it in date order.

A candidate joins a curated question when one of its evidence sentences is among the question's
references, or when it asks the same thing (`same_matter`). Candidates that join none are merged
with each other the same way and shown as suggestions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.errors import Problem
from generator.extract.questions import same_matter, stems
from generator.load import slugify
from generator.model import Article, CuratedQuestion, Extraction, QuestionCandidate, Sentence, SentenceRef, Topic
from generator.topics import Tagger


@dataclass(frozen=True, slots=True)
class Raised:
    """One article raising a question, with the sentences that do."""

    article: Article
    sentences: tuple[Sentence, ...]


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


@dataclass
class _Entry:
    question: str
    curated: CuratedQuestion | None
    reviewed: bool = False
    sentences: dict[str, dict[str, Sentence]] = field(default_factory=dict)  # slug -> id -> sentence

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
                    questions_file, ref.line,
                    f"{ref.sentence} is not a sentence of {ref.article} (was the sentence edited?); "
                    "expected an anchor from that article's page",
                    severity="warning",
                )
            )
            return None

    entries = []
    for cq in curated:
        entry = _Entry(cq.question, cq)
        for ref in cq.evidence:
            if (sentence := resolve(ref)) is not None:
                entry.add(ref.article, sentence)
        entries.append(entry)
    oldest_first = sorted(articles, key=lambda pair: (pair[0].published or dt.date.max, pair[0].slug))
    for article, ex in oldest_first:
        for cand in ex.questions:
            target = _target(entries, article.slug, cand)
            if target is None:
                target = _Entry(cand.question, None)
                entries.append(target)
            target.reviewed |= cand.review == "approved"
            for ev in cand.evidence:
                target.add(article.slug, ex.sentence(ev.sentence_id))
    topics = {t.name.casefold(): t for t in tagger.topics}
    out, ids_used = [], {cq.id for cq in curated}
    for entry in entries:
        raised = tuple(
            Raised(by_slug[slug][0], tuple(sorted(sents.values(), key=lambda s: s.start)))
            for slug, sents in sorted(
                entry.sentences.items(), key=lambda kv: (by_slug[kv[0]][0].published or dt.date.max, kv[0])
            )
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
        if cq is None:
            qid = _unique(slugify(entry.question, max_words=10) or "question", ids_used)
        else:
            qid = cq.id
        out.append(
            QuestionBriefing(
                id=qid, question=entry.question, status=cq.status if cq else "open", topic=topic,
                curated=cq is not None, raised=raised, first_raised=first_date, first_article=first_article,
                answer=cq.answer if cq else None, answer_source=answer_source, notes=cq.notes if cq else None,
                reviewed=entry.reviewed,
            )
        )
    return tuple(out), problems


def _target(entries: list[_Entry], slug: str, cand: QuestionCandidate) -> _Entry | None:
    """The entry a candidate joins: a curated question asking the same thing, else the curated
    question citing its evidence (the closest in wording when several do), else a suggestion
    asking the same thing."""
    same = [e for e in entries if same_matter(e.question, cand.question)]
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
