"""Shared text statistics for the extractors: tokens, TF-IDF vectors and cosine similarity."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says also would us mr mrs ms one two new
    """.split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    """Lowercased words of text, curly apostrophes made straight."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def content(tokens: list[str]) -> list[str]:
    """The tokens that are not stopwords, without possessive endings."""
    return [w[:-2] if w.endswith("'s") else w for w in tokens if w not in STOPWORDS and len(w) > 1]


def content_words(text: str) -> list[str]:
    """Lowercased words of text without stopwords and possessive endings."""
    return content(words(text))


def tfidf_vectors(docs: Sequence[list[str]]) -> list[dict[str, float]]:
    """Return a unit-length TF-IDF vector for each tokenised document."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + d) + 1) for w, d in df.items()}
    vectors = []
    for doc in docs:
        tf = Counter(doc)
        vec = {w: (1 + math.log(c)) * idf[w] if c > 1 else idf[w] for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def summed(vectors) -> dict[str, float]:
    """The sum of sparse vectors: the dot product with it is the summed cosine with each of them."""
    total: dict[str, float] = {}
    for vec in vectors:
        for w, v in vec.items():
            total[w] = total.get(w, 0.0) + v
    return total


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)  # same order, the zeros skipped: the same sum
