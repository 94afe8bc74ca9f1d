"""Sentence splitting with offsets, and stable sentence ids.

An id depends on the article and the sentence's own text (plus its occurrence number when the
same sentence repeats), so inserting or removing other sentences never changes it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from generator.model import Sentence

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cpl adm cmdr brig st jr sr rev hon
    pres supt insp det amb atty inc co corp ltd llc bros no nos vs etc al approx dept est fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ft mt ave blvd rd ph mph
    """.split()
)
# Dotted abbreviations ("U.S.", "a.m.") end a sentence only before a word that usually opens one.
SENTENCE_OPENERS = frozenset(
    "The A An But And It He She They We I In On At This That These Those There His Her Their "
    "Its Our As After Before When While If So Yet Still Meanwhile However".split()
)

_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9À-Ý—–-])")
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, paragraph index) of each sentence of text; paragraphs are lines."""
    for para_index, para in enumerate(_PARAGRAPH.finditer(text)):
        start = para.start()
        while start < para.end() and text[start].isspace():
            start += 1
        for match in _BOUNDARY.finditer(text, para.start(), para.end()):
            if _is_abbreviation(text, start, match):
                continue
            yield start, match.end(), para_index
            start = match.end()
            while start < para.end() and text[start].isspace():
                start += 1
        end = para.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end, para_index


def _is_abbreviation(text: str, sent_start: int, match: re.Match) -> bool:
    """Tell whether the period that matched ends an abbreviation, not a sentence."""
    if text[match.start()] != "." or match.end() - match.start() > 1:
        return False
    head = text[sent_start : match.start() + 1]
    following = text[match.end() :].lstrip()[:30].split(" ", 1)[0].strip("“\"‘'(")
    if _DOTTED.search(head):
        return following not in SENTENCE_OPENERS
    word = _WORD_BEFORE.search(head)
    if not word:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial, as in "John F. Kennedy"
    return token.lower() in ABBREVIATIONS and (token[0].isupper() or token.lower() in {"no", "vs", "etc"})


_ID_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalise_for_id(sentence: str) -> str:
    """Fold quote marks, dashes, case and white space so that cosmetic edits keep the id."""
    return " ".join(sentence.translate(_ID_FOLD).lower().split())


def sentence_id(article_id: str, sentence: str, occurrence: int = 1, normalised: str | None = None) -> str:
    """Return the stable id of a sentence: a hash of the article id and the sentence text."""
    key = f"{article_id}\x1f{normalised if normalised is not None else normalise_for_id(sentence)}"
    if occurrence > 1:
        key += f"\x1f{occurrence}"
    return "s-" + hashlib.blake2b(key.encode("utf-8"), digest_size=5).hexdigest()


def sentences(article_id: str, text: str) -> tuple[Sentence, ...]:
    """Split text into Sentence records with stable ids."""
    out = []
    seen: dict[str, int] = {}
    for start, end, para in split_sentences(text):
        body = text[start:end]
        key = normalise_for_id(body)
        seen[key] = seen.get(key, 0) + 1
        out.append(Sentence(sentence_id(article_id, body, seen[key], key), start, end, body, para))
    return tuple(out)
