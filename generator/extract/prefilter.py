"""A cheap gate before an expensive pattern: the words every match of the pattern must contain.

`required_words(pattern)` reads a compiled pattern's syntax tree and returns a set of lower-case
words such that every match of the pattern holds at least one of them, whatever the case of its
letters; None when the tree says of no such words. `gated(pattern, flags)` compiles a pattern
and, when it has such words, wraps it in a `Gated` that looks for them with `in` (far cheaper
than running a regex over a sentence) and runs the pattern only when one is there. The answer is
always the pattern's own: the gate only skips texts where no match can be.

Case: the text is folded to lower case once (and kept for the next pattern asked about the same
text). Besides the ASCII letters, re.IGNORECASE matches four letters to an ASCII one: 'K'
(U+212A, whose lower case is 'k' anyway), 'İ' (U+0130) and 'ı' (U+0131) to i, 'ſ' (U+017F) to s;
the fold turns these into their ASCII letter first, so a word matched in any case is found.
"""

from __future__ import annotations

import re
import string
import sys
from importlib import import_module

# The pattern parser re itself uses (private, hence looked up by name; an unknown tree shape gives no gate).
sre = import_module("re._constants")
sre_parse = import_module("re._parser")

_ODD_CASES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_ODD_CASE = re.compile("[İıſ]")
_LETTERS = frozenset(string.ascii_letters)
_last: tuple[str, str] = ("", "")  # the text folded last, and its fold


def folded(text: str) -> str:
    """text in lower case, the letters re.IGNORECASE takes for ASCII ones made ASCII."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = text.translate(_ODD_CASES).lower() if not text.isascii() and _ODD_CASE.search(text) else text.lower()
    _last = (text, low)
    return low


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case words of which every match of pattern holds one, or None when none are known."""
    try:
        return _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (TypeError, ValueError):  # a bytes pattern, or a tree of another Python's making
        return None


def _sequence(items) -> frozenset[str] | None:
    """Of a sequence of items, every one of which a match holds: the most selective requirement
    among its runs of literal letters and its items' own."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and chr(av) in _LETTERS:
            run.append(chr(av).lower())
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN:
            need = _sequence(av[-1])
        elif op is sre.BRANCH:
            alternatives = [_sequence(branch) for branch in av[1]]
            known = [a for a in alternatives if a is not None]
            need = frozenset[str]().union(*known) if len(known) == len(alternatives) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            need = _sequence(av[2]) if av[0] >= 1 else None
        else:
            need = None  # classes, anchors, look-arounds: no word of their own
        if need:
            found.append(need)
    if run:
        found.append(frozenset(["".join(run)]))
    return max(found, key=lambda words: (min(map(len, words)), -len(words)), default=None)


class Gated:
    """A compiled pattern behind the gate of its required words (see the module's docstring)."""

    __slots__ = ("regex", "words")

    def __init__(self, regex: re.Pattern, words: frozenset[str]):
        self.regex = regex
        self.words = tuple(sorted(words, key=len, reverse=True))

    def may_match(self, text: str) -> bool:
        """Whether text holds one of the words without which the pattern cannot match."""
        last = _last
        low = last[1] if last[0] is text else folded(text)
        for w in self.words:
            if w in low:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.regex.search(text, pos, endpos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.regex.match(text, pos, endpos) if self.may_match(text) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.regex.fullmatch(text, pos, endpos) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.finditer(text, pos, endpos) if self.may_match(text) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.regex.findall(text, pos, endpos) if self.may_match(text) else []

    def __getattr__(self, name: str):
        return getattr(self.regex, name)  # .pattern, .flags, .groupindex, .sub …: the pattern's own


def gated(pattern: str, flags: int = 0) -> re.Pattern | Gated:
    """re.compile(pattern, flags), behind a gate of its required words when it has some."""
    regex = re.compile(pattern, flags)
    words = required_words(regex)
    return Gated(regex, words) if words and min(map(len, words)) >= 2 else regex
