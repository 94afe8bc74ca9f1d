"""Key points: lead position combined with centrality, demoting quotes, attribution and questions.

Each feature is a named function so that the scorer can be tested and tuned piece by piece.
"""

from __future__ import annotations

import re

from generator.extract.text_stats import content_words, cosine, tfidf_vectors
from generator.model import KeyPoint, Sentence

# Tuned on the CNN/DailyMail dev set of bench/keypoints.py, keeping to the middle of the region
# where small changes do not move the score (pw 0.65-0.75, decay 0.1-0.2, MMR 0.55-0.65).
POSITION_WEIGHT = 0.7
CENTRALITY_WEIGHT = 0.3
POSITION_DECAY = 0.1
MMR_LAMBDA = 0.6
MIN_WORDS = 8
MIN_KEY_POINTS = 3  # always this many, when the article has them; more only if they stand alone
# A key point is read on its own: past this many words a sentence is usually a run-on, or a
# caption glued to the next sentence by a missing full stop.
LONG_WORDS = 30
LONG_SPAN = 30

_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_ATTRIBUTION_ONLY = re.compile(
    r"^[^“\"]{0,80}\b(said|says|told|added|according to)\b[^“\"]{0,60}[.:]$", re.IGNORECASE
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(\([A-Za-z ]+\))?\s*[—–-]\s*$")


def position_score(index: int, count: int) -> float:
    """Lead bias: the first sentence scores 1, later ones decay."""
    return 1.0 / (1.0 + POSITION_DECAY * index)


def quote_fraction(sentence: str) -> float:
    """Share of the sentence's characters inside quote marks."""
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(sentence))
    if sentence.lstrip().startswith(("“", '"')) and not _QUOTED.search(sentence):
        return 1.0  # a quote running on from the previous sentence
    return quoted / max(1, len(sentence))


def is_attribution_only(sentence: str) -> bool:
    """A sentence that only says who said something ("So far, Blinken said.")."""
    return len(sentence.split()) <= 14 and bool(_ATTRIBUTION_ONLY.match(sentence.strip()))


def is_question(sentence: str) -> bool:
    """A sentence that asks rather than tells."""
    return sentence.rstrip("”\"’' ").endswith("?")


def is_fragment(sentence: str) -> bool:
    """Too short to stand alone, a subhead without closing punctuation, or a dateline."""
    s = sentence.strip()
    return len(s.split()) < MIN_WORDS or not re.search(r"[.!?][”\"’')]*$", s) or bool(_DATELINE.match(s))


def overlength(sentence: str) -> float:
    """0 up to LONG_WORDS words, rising to 1 at LONG_WORDS + LONG_SPAN."""
    return min(1.0, max(0, len(sentence.split()) - LONG_WORDS) / LONG_SPAN)


def stands_alone(sentence: str) -> bool:
    """A statement a reader can take without context: not a fragment, a question or mostly a quote."""
    return not (is_fragment(sentence) or is_question(sentence) or quote_fraction(sentence) >= 0.5)


def penalty(sentence: str, lead: bool = False) -> float:
    """Sum the demotions that apply to a sentence. A news lead is written to be read alone,
    so the first sentence is not demoted for its length."""
    p = 0.6 * quote_fraction(sentence) + (0.0 if lead else 0.4 * overlength(sentence))
    if is_attribution_only(sentence):
        p += 0.5
    if is_question(sentence):
        p += 0.4
    if is_fragment(sentence):
        p += 0.8
    return p


def centrality(vectors: list[dict[str, float]]) -> list[float]:
    """Degree centrality over TF-IDF cosine similarity, scaled to 0..1.

    For unit vectors the sum of cosines to all others is v·(Σ v) − v·v, which is linear in the
    number of sentences instead of quadratic.
    """
    total: dict[str, float] = {}
    for vec in vectors:
        for w, v in vec.items():
            total[w] = total.get(w, 0.0) + v
    scores = [cosine(vec, total) - cosine(vec, vec) for vec in vectors]
    top = max(scores, default=0.0) or 1.0
    return [max(0.0, s) / top for s in scores]


class LeadCentralityKeyPoints:
    """Rank sentences by lead position and centrality, then pick diverse ones with MMR."""

    version = "lead-centrality-2"

    def __init__(self, count: int = 4):
        self.count = count

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[KeyPoint, ...]:
        """Return up to count key points in rank order."""
        if not sentences:
            return ()
        tokens = [content_words(s.text) for s in sentences]
        vectors = tfidf_vectors(tokens)
        central = centrality(vectors)
        n = len(sentences)
        scores = [
            POSITION_WEIGHT * position_score(i, n) + CENTRALITY_WEIGHT * central[i] - penalty(s.text, lead=i == 0)
            for i, s in enumerate(sentences)
        ]
        chosen: list[int] = []
        candidates = [i for i in range(n) if tokens[i]]
        overlap = dict.fromkeys(candidates, 0.0)  # highest similarity to anything chosen so far
        while candidates and len(chosen) < self.count:
            best = max(candidates, key=lambda i: (MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * overlap[i], -i))
            if len(chosen) >= MIN_KEY_POINTS and not stands_alone(sentences[best].text):
                break
            chosen.append(best)
            candidates.remove(best)
            for i in candidates:
                overlap[i] = max(overlap[i], cosine(vectors[i], vectors[best]))
        return tuple(
            KeyPoint(sentences[i].id, sentences[i].start, sentences[i].end, sentences[i].text, round(scores[i], 4))
            for i in chosen
        )
