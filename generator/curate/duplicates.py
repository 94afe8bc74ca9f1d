"""Near-duplicate articles: wire copy under another headline, and rewrites of one story.

Two steps, as in web-scale deduplication:

1. Candidates. Each article gets a MinHash signature of its content words (one-permutation hashing:
   one hash per word, the minimum kept in each of SIGNATURE bins, empty bins filled from their
   neighbours). Signatures are cut into bands for locality-sensitive hashing, and two articles
   that agree on a whole band become a candidate pair. With two rows a band, a pair whose word
   sets overlap by a quarter (Jaccard 0.25) is a candidate nine times in ten, so that comparing
   thousands of articles never means comparing every pair.
2. Verification. A candidate pair is a duplicate when most sentences of the shorter article have
   a counterpart in the longer one (TF-IDF cosine at least COUNTERPART). A syndicated copy with
   trimmed paragraphs, or a rewrite that paraphrases the story, covers almost all of the shorter
   article; two stories on the same topic share words but few sentences.

A duplicate is a wire copy when most of the shorter article's word 3-shingles occur verbatim in
the longer one, a rewrite otherwise. Rewrites declared in a sidecar (`rewrite_of`) always count.
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import dataclass

from generator.extract.fingerprint import SIGNATURE, Fingerprint
from generator.extract.text_stats import cosine, tfidf_vectors
from generator.model import Article

ROWS = 2  # rows per band: the candidate threshold is about (ROWS / SIGNATURE) ** (1 / ROWS)
MIN_JACCARD = 0.15  # estimated from the signatures: below it a pair is not worth verifying
MIN_CONTAINMENT = 0.5  # estimated share of the smaller word set found in the larger
COUNTERPART = 0.25  # cosine at which a sentence counts as a counterpart of another
COVERAGE = 0.7  # share of the shorter article's sentences with a counterpart in a duplicate
VERBATIM = 0.5  # share of the shorter article's word 3-shingles found in the longer: a wire copy
WIRE, REWRITE = "wire copy", "rewrite"
_NO_DATE = datetime.date.max


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article in a group that is not the group's canonical article."""

    slug: str
    relation: str  # WIRE or REWRITE


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Articles that tell one story in one text: the canonical one and its copies."""

    canonical: str
    duplicates: tuple[Duplicate, ...]


def similar_enough(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether the signatures suggest enough shared words to be worth verifying.

    The share of agreeing bins estimates the Jaccard index J; with the set sizes it also gives the
    share of the smaller set found in the larger, which a copy with trimmed paragraphs keeps high."""
    if not a.signature or not b.signature:
        return False
    jaccard = sum(map(operator.eq, a.signature, b.signature)) / SIGNATURE  # both SIGNATURE long
    shared = jaccard * (a.words + b.words) / (1 + jaccard)
    return jaccard >= MIN_JACCARD and shared / max(1, min(a.words, b.words)) >= MIN_CONTAINMENT


def candidate_pairs(prints: dict[str, Fingerprint]) -> set[tuple[str, str]]:
    """Pairs of slugs whose signatures agree on at least one band and look similar enough."""
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = {}
    for slug, fp in prints.items():
        for band in range(0, len(fp.signature), ROWS):
            buckets.setdefault((band, fp.signature[band : band + ROWS]), []).append(slug)
    pairs = set()
    for slugs in buckets.values():
        for i, a in enumerate(slugs):
            for b in slugs[i + 1 :]:
                pairs.add((min(a, b), max(a, b)))
    return {(a, b) for a, b in pairs if similar_enough(prints[a], prints[b])}


def coverage(shorter: Fingerprint, longer: Fingerprint) -> float:
    """Share of the shorter article's sentences with a counterpart in the longer one."""
    if not shorter.sentences or not longer.sentences:
        return 0.0
    vectors = tfidf_vectors([list(s) for s in shorter.sentences + longer.sentences])
    mine, theirs = vectors[: len(shorter.sentences)], vectors[len(shorter.sentences) :]
    matched = sum(1 for v in mine if any(cosine(v, w) >= COUNTERPART for w in theirs))
    return matched / len(mine)


def copy_kind(a: Fingerprint, b: Fingerprint) -> str:
    """WIRE when most of the shorter text's 3-shingles occur verbatim in the other, else REWRITE."""
    shorter, longer = (a, b) if len(a.shingles) <= len(b.shingles) else (b, a)
    verbatim = len(shorter.shingles & longer.shingles) / max(1, len(shorter.shingles))
    return WIRE if verbatim >= VERBATIM else REWRITE


def relation(a: Fingerprint, b: Fingerprint) -> str | None:
    """WIRE or REWRITE when a and b are one story in one text, else None."""
    shorter, longer = (a, b) if len(a.sentences) <= len(b.sentences) else (b, a)
    if coverage(shorter, longer) < COVERAGE:
        return None
    return copy_kind(a, b)


def group_duplicates(articles: list[Article], prints: dict[str, Fingerprint]) -> tuple[DuplicateGroup, ...]:
    """Group near-duplicate articles; declared rewrites join their original's group.

    The canonical article of a group is the declared original if there is one, else the earliest
    published, then the longest. Every other member says how it relates to the canonical one."""
    by_slug = {a.slug: a for a in articles}
    parent = {a.slug: a.slug for a in articles}

    def root(slug: str) -> str:
        while parent[slug] != slug:
            parent[slug] = parent[parent[slug]]
            slug = parent[slug]
        return slug

    found: dict[tuple[str, str], str] = {}
    for x, y in sorted(candidate_pairs(prints)):
        rel = relation(prints[x], prints[y])
        if rel is not None:
            found[(x, y)] = rel
            parent[root(x)] = root(y)
    for a in articles:
        if a.rewrite_of in by_slug:
            parent[root(a.slug)] = root(a.rewrite_of)
    members: dict[str, list[Article]] = {}
    for a in articles:
        members.setdefault(root(a.slug), []).append(a)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        canonical = min(group, key=lambda a: _canonical_rank(a, prints))
        duplicates = tuple(
            Duplicate(a.slug, _relation_to(a, canonical, found, prints))
            for a in sorted(group, key=lambda a: (a.published or _NO_DATE, a.slug))
            if a is not canonical
        )
        groups.append(DuplicateGroup(canonical.slug, duplicates))
    return tuple(sorted(groups, key=lambda g: g.canonical))


def _canonical_rank(a: Article, prints: dict[str, Fingerprint]) -> tuple:
    return (a.rewrite_of is not None, a.published or _NO_DATE, -len(prints[a.slug].sentences), a.slug)


def _relation_to(a: Article, canonical: Article, found: dict[tuple[str, str], str], prints) -> str:
    if a.rewrite_of is not None:
        return REWRITE
    pair = (min(a.slug, canonical.slug), max(a.slug, canonical.slug))
    return found.get(pair) or copy_kind(prints[a.slug], prints[canonical.slug])
