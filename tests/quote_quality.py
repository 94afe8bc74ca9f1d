"""Score the quote extractor on the project's own annotated fixtures (tests/fixtures/quotes/).

Used by tests/test_quote_quality.py (pinned floors) and bench/quotes.py (the figures). A predicted
quote matches a gold one when they overlap by at least half of the longer span, as the shared
scorers do; a speaker is right when, titles and case aside, the names agree ("Marom" is
"Ilan Marom"; "Israeli military" is "Israel Defense Forces" only if the article said so).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.extract import extract

CASES = Path(__file__).resolve().parent / "fixtures" / "quotes" / "cases.jsonl"
_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt adm the a an president minister justice judge".split()
)


def load_cases(path: Path = CASES) -> list[dict]:
    """The annotated articles."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tokens(name: str | None) -> list[str]:
    if not name:
        return []
    folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = [re.sub(r"'s$", "", w.strip(".'")) for w in re.findall(r"[\w.'-]+", folded)]
    return [w for w in words if w and w not in _TITLES]


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted speaker names the gold one: equal, or one's words within the other's
    with the same last word ("Marom" and "Ilan Marom"; not "Sami Haddad" and "Rami Haddad")."""
    g, p = _tokens(gold), _tokens(predicted)
    if not g or not p:
        return not g and not p
    if g == p:
        return True
    return g[-1] == p[-1] and (set(p) <= set(g) or set(g) <= set(p))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov > 0 and ov >= 0.5 * max(a[1] - a[0], b[1] - b[0])


@dataclass
class QuoteScore:
    """Counts over the fixture set."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    false: int = 0  # predicted quotes matching no gold quote
    speaker_right: int = 0
    not_quotes: int = 0
    not_quotes_extracted: int = 0
    by_style: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / max(self.gold, 1)

    @property
    def precision(self) -> float:
        return (self.predicted - self.false) / max(self.predicted, 1)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / max(self.found, 1)


def score(cases: list[dict]) -> QuoteScore:
    """Run the extractor over every case and count what it found, missed and got wrong."""
    out = QuoteScore()
    for case in cases:
        text = case["text"]
        quotes = extract(case["id"], text).quotes
        spans = [(q.start, q.end) for q in quotes]
        used: set[int] = set()
        for g in case["quotes"]:
            start = text.find(g["text"])
            gold_span = (start, start + len(g["text"]))
            out.gold += 1
            hit = next((k for k, s in enumerate(spans) if k not in used and _overlaps(s, gold_span)), None)
            if hit is None:
                out.errors.append(f"MISSED  {case['id']}: {g['text'][:60]!r} ({g['speaker']})")
                continue
            used.add(hit)
            out.found += 1
            if same_speaker(g["speaker"], quotes[hit].speaker):
                out.speaker_right += 1
                out.by_style[case["style"]] += 1
            else:
                out.errors.append(f"SPEAKER {case['id']}: {g['text'][:50]!r} gold={g['speaker']!r} got={quotes[hit].speaker!r}")
        out.predicted += len(quotes)
        for k, q in enumerate(quotes):
            if k not in used:
                out.false += 1
                out.errors.append(f"FALSE   {case['id']}: {q.text[:60]!r} ({q.speaker})")
        for n in case.get("not_quotes", []):
            out.not_quotes += 1
            start = text.find(n)
            out.not_quotes_extracted += any(_overlaps(s, (start, start + len(n))) for s in spans)
    return out
