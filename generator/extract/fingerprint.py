"""An article's fingerprint for near-duplicate detection (generator/curate/duplicates.py): a MinHash
signature of its content words, the content words of each sentence, and its word 3-shingles.

Computed once per article beside its extraction, and cached with it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from generator.extract.text_stats import content_words
from generator.model import Sentence

SIGNATURE = 64
MIN_SENTENCE_WORDS = 4  # shorter sentences ("Read more.") say nothing about sameness
_MASK = (1 << 64) - 1


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection needs of one article."""

    signature: tuple[int, ...]
    words: int  # distinct content words
    sentences: tuple[tuple[str, ...], ...]  # content words of each sentence long enough to compare
    shingles: frozenset[str]  # word 3-shingles



def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")


def minhash(words: set[str]) -> tuple[int, ...]:
    """A one-permutation MinHash signature of a word set, densified so no bin is empty."""
    bins: list[int | None] = [None] * SIGNATURE
    for w in words:
        h = _hash(w)
        b, value = h % SIGNATURE, h // SIGNATURE
        current = bins[b]
        if current is None or value < current:
            bins[b] = value
    if all(v is None for v in bins):
        return ()
    filled = []
    for b in range(SIGNATURE):  # an empty bin borrows the next filled bin's value, marked by distance
        step = 0
        while (found := bins[(b + step) % SIGNATURE]) is None:
            step += 1
        filled.append((found + step * 0x9E3779B97F4A7C15) & _MASK)
    return tuple(filled)


def fingerprint(sentences: tuple[Sentence, ...]) -> Fingerprint:
    """Fingerprint an article from its sentences."""
    words = [content_words(s.text) for s in sentences]
    vocabulary = {w for ws in words for w in ws}
    tokens = [t for s in sentences for t in re.findall(r"\w+", s.text.lower())]
    return Fingerprint(
        signature=minhash(vocabulary),
        words=len(vocabulary),
        sentences=tuple(tuple(ws) for ws in words if len(ws) >= MIN_SENTENCE_WORDS),
        shingles=frozenset(" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2)),
    )
