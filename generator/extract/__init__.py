"""The extract stage: sentences with stable ids, then key points, quotes and question candidates.

Each extractor sits behind a small interface (an object with `version` and `extract(text,
sentences)`), so that later work can swap one without touching the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from generator.extract.keypoints import LearnedKeyPoints
from generator.extract.questions import CueQuestions
from generator.extract.quotes import extract_quotes
from generator.extract.sentences import sentences as split_into_sentences
from generator.model import Extraction, KeyPoint, QuestionCandidate, Quote, Sentence


class KeyPointExtractor(Protocol):
    version: str

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[KeyPoint, ...]: ...


class QuoteExtractor(Protocol):
    version: str

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]: ...


class QuestionExtractor(Protocol):
    version: str

    def extract(
        self, text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...] | None = None
    ) -> tuple[QuestionCandidate, ...]: ...


class LearnedQuotes:
    """Quote marks for spans; speakers chosen among the article's mentions by a learned ranker, a
    pronoun resolved by a learned resolver (generator/extract/speakers.py, models/*.json)."""

    version = "learned-speakers-1"

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
        """Return the quotes of text with their speakers."""
        return extract_quotes(text, sentences)


@dataclass(frozen=True)
class Extractors:
    """The extractors one run uses."""

    key_points: KeyPointExtractor = field(default_factory=LearnedKeyPoints)
    quotes: QuoteExtractor = field(default_factory=LearnedQuotes)
    questions: QuestionExtractor = field(default_factory=CueQuestions)

    @property
    def version(self) -> str:
        """Identify this combination of extractors, for caches."""
        return "+".join((self.key_points.version, self.quotes.version, self.questions.version))


def extract(article_id: str, text: str, extractors: Extractors | None = None) -> Extraction:
    """Split text into sentences and run every extractor over them."""
    ex = extractors or Extractors()
    sents = split_into_sentences(article_id, text)
    quotes = ex.quotes.extract(text, sents)
    return Extraction(
        text=text,
        sentences=sents,
        key_points=ex.key_points.extract(text, sents),
        quotes=quotes,
        questions=ex.questions.extract(text, sents, quotes),  # a question asked in a quote is its speaker's
    )
