"""One speaker, one entity across articles: the names the articles give, linked into canonical ones.

Within an article the extractor already shows every speaker by the fullest name that article
gives (generator/extract/mentions.py). Across articles the same person still comes in several
forms ("Tony Blinken" and "Antony Blinken", "Abdallah al-Dardari" and "Abdullah Al Dardari",
"Guterres" in an article that never gives his first name). This module links them:

1. people.yml wins: a name or alias listed there is that person.
2. Names fold to keys (mentions.name_key: case, accents, particles such as al-/bin/ben,
   Arabic transliteration vowels, nicknames): equal keys are one speaker.
3. Two full names with the same last word are one person when their first words agree (the
   same, a nickname, an initial) and neither has a word the other lacks before the surname, except
   middle names and initials; different first names are different people ("Hillary Clinton" is
   not "Bill Clinton").
4. A surname alone joins the one full name that ends with it; with two candidates it stays apart.
5. An acronym joins the one body whose name it abbreviates.

The name shown is people.yml's, else the full form used by the most quotes (then the longest).
Kinds never mix: a person is never linked to an organisation of the same name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.extract.mentions import name_key
from generator.model import Person

LINKED_KINDS = ("person", "organisation", "group")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A speaker name as one quote gives it."""

    name: str
    kind: str


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper() and w.lower() not in ("the", "of", "for", "and")]
    return "".join(w[0] for w in words).upper()


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full-name keys with the same last word can be one person."""
    if a == b:
        return True
    if a[-1] != b[-1] or len(a) < 2 or len(b) < 2:
        return False
    fa, fb = a[0], b[0]
    if fa != fb and not (len(fa) == 1 and fb.startswith(fa)) and not (len(fb) == 1 and fa.startswith(fb)):
        return False
    short, long_ = sorted((a, b), key=len)
    # the shorter's words are in the longer one ("joseph biden" / "joseph r biden")
    return all(w in long_ or len(w) == 1 for w in short)


class _Union:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def canonical_names(occurrences: list[Occurrence], people: tuple[Person, ...] = ()) -> dict[Occurrence, str]:
    """Map every speaker occurrence to the name of the entity it belongs to across articles."""
    counts = Counter(occurrences)
    listed: dict[str, Person] = {}
    for p in people:
        for alias in (p.name, *p.aliases):
            listed[alias.casefold()] = p
    names = sorted(counts, key=lambda o: (o.kind, o.name))
    union = _Union(range(len(names)))
    by_kind: dict[str, list[int]] = {}
    for i, o in enumerate(names):
        by_kind.setdefault(o.kind, []).append(i)
    for kind, members in by_kind.items():
        if kind not in LINKED_KINDS:
            continue
        keys = {i: name_key(_bare(names[i].name)) for i in members}
        # people.yml: all forms of one listed person are one entity
        by_person: dict[str, int] = {}
        for i in members:
            person = listed.get(names[i].name.casefold())
            if person is not None:
                if person.name in by_person:
                    union.union(by_person[person.name], i)
                else:
                    by_person[person.name] = i
        full = [i for i in members if len(keys[i]) >= 2]
        # equal keys, then compatible full names with the same last word
        by_last: dict[str, list[int]] = {}
        for i in full:
            by_last.setdefault(keys[i][-1], []).append(i)
        for group in by_last.values():
            for x, i in enumerate(group):
                for j in group[x + 1 :]:
                    if (kind == "person" and _compatible(keys[i], keys[j])) or keys[i] == keys[j]:
                        union.union(i, j)
        for i in members:
            if len(keys[i]) != 1:
                continue
            word = keys[i][0]
            same = [j for j in members if j != i and keys[j] == keys[i]]
            for j in same:
                union.union(i, j)
            if kind == "person":
                # a surname alone joins the one person whose full name ends with it
                owners = {union.find(j) for j in by_last.get(word, [])}
            else:
                # an acronym joins the one body it abbreviates
                owners = {union.find(j) for j in full if _initials(names[j].name) == names[i].name.replace(".", "").upper()}
            if len(owners) == 1:
                union.union(i, owners.pop())
    clusters: dict[int, list[int]] = {}
    for i in range(len(names)):
        clusters.setdefault(union.find(i), []).append(i)
    out: dict[Occurrence, str] = {}
    for members in clusters.values():
        shown = _shown(members, names, counts, listed)
        for i in members:
            out[names[i]] = shown
    return out


def _bare(name: str) -> str:
    """A body's name without its article: 'The Daily Ledger' is keyed as 'Daily Ledger'."""
    return name[4:] if name.startswith(("The ", "the ")) else name


def _shown(members: list[int], names: list[Occurrence], counts: Counter, listed: dict[str, Person]) -> str:
    """The name an entity is shown by: people.yml's, else the full form most quoted, then longest."""
    for i in members:
        p = listed.get(names[i].name.casefold())
        if p is not None:
            return p.name
    return max(
        (names[i] for i in members),
        key=lambda o: (len(o.name.split()) >= 2, counts[o], len(o.name), o.name),
    ).name
