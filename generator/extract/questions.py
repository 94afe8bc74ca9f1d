"""Open-question candidates: statements of explicit uncertainty, put as plain questions."""

from __future__ import annotations

import re

from generator.extract.patterns import NAME_RE, NOT_NAMES, UNCERTAINTY_CUES
from generator.model import Evidence, QuestionCandidate, Sentence

AUXILIARIES = (
    "is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had", "should",
    "may", "might", "must", "does", "do", "did",
)
_CUE = re.compile("|".join(f"(?:{c})" for c in UNCERTAINTY_CUES), re.IGNORECASE)
# Every cue contains one of these; a sentence without any is skipped before the regex runs.
_CUE_WORDS = (
    "unclear", "uncertain", "unknown", "unsure", "undecided", "divided", "to be seen", "decision",
    "yet", "no clear", "no final", "no firm", "question", "anywhere close", "been decided",
    "been determined", "pending", "undetermined", "unresolved", "in doubt", "up in the air",
    "unlikely", "unable", "knows", "not clear",
)


def find_cue(sentence: str) -> re.Match | None:
    """The first uncertainty cue in a sentence, if any."""
    lower = sentence.lower()
    if not any(word in lower for word in _CUE_WORDS):
        return None
    return _CUE.search(sentence)
_WHETHER = re.compile(r"\b(?:whether|if)\s+(?P<clause>[^;:,]+?)(?=,|[;:]|[.?!]?[”\"]?$)", re.I)
_YET_TO = re.compile(r"\bha(?:s|ve|d)\s+(?:yet\s+to|not\s+yet)\s+(?P<rest>[^,;]+)", re.I)
_UNABLE = re.compile(
    r"\b(?:is|are|was|were|will\s+be|would\s+be)\s+(?:unlikely|unable)\s+to\s+(?P<rest>[^,;]+)", re.I
)
_DECISION = re.compile(r"\bha(?:s|ve|d)\s+not\s+(?:yet\s+)?made\s+a\s+(?:final\s+)?decision(?P<rest>[^,;]*)", re.I)
_VIEWS = re.compile(
    r"(?:\bha(?:s|ve|d)\s+(?:\w+\s+)?)?\bno\s+(?:clear|final|firm)\s+"
    r"(?P<what>views?|decision|answer|plan|timeline)\s+(?:on|for|about)\s+(?P<rest>.+)",
    re.I,
)
_NOT_CLOSE = re.compile(r"\bha(?:s|ve|d)\s+not\s+come\s+anywhere\s+close\s+to\s+(?P<verb>\w+ing)\s+(?P<rest>[^,;–—]+)", re.I)


def _tidy(clause: str) -> str:
    return " ".join(clause.strip(" ,.;:”\"’").split())


def invert(clause: str) -> str | None:
    """Turn 'senior Hamas leaders are present in Rafah' into 'Are senior Hamas leaders present in Rafah?'."""
    words = _tidy(clause).split()
    for i, word in enumerate(words[1:8], start=1):
        if word.lower() in AUXILIARIES:
            subject, rest = words[:i], words[i + 1 :]
            if not rest:
                return None
            return f"{word.capitalize()} {' '.join(subject)} {' '.join(rest)}?"
    return None


def _subject_before(sentence: str, index: int) -> str:
    """The subject of the clause ending at index: its last proper name, else its last word."""
    words = re.split(r"[\s,]+", sentence[:index].strip())[-3:]
    tail = " ".join(words)
    names = [m.group(0) for m in NAME_RE.finditer(tail) if m.group(0).split()[-1] not in NOT_NAMES]
    if names:
        return " ".join(w for w in names[-1].split() if w not in NOT_NAMES)
    return words[-1] if words and words[-1] else "it"


def _base_verb(ing: str) -> str:
    """'making' → 'make', 'taking' → 'take', 'building' → 'build'."""
    stem = ing[:-3]
    consonant_vowel_consonant = (
        len(stem) > 2 and stem[-1] not in "aeiouyw" and stem[-2] in "aeiou" and stem[-3] not in "aeiou"
    )
    return stem + "e" if stem.endswith(("k", "v", "z", "c")) or consonant_vowel_consonant else stem


def phrase_question(sentence: str) -> str | None:
    """Phrase the uncertainty stated by a sentence as a plain question."""
    cue = find_cue(sentence)
    if not cue:
        return None
    tail = sentence[cue.start() :]
    if m := _WHETHER.search(tail):
        return invert(m.group("clause")) or f"Whether {_tidy(m.group('clause'))}?"
    if m := _DECISION.search(sentence):
        subj = _subject_before(sentence, m.start())
        return f"Has {subj} made a final decision {_tidy(m.group('rest'))}".strip() + "?"
    if m := _YET_TO.search(sentence):
        subj = _subject_before(sentence, m.start())
        return f"Will {subj} {_tidy(m.group('rest'))}?"
    if m := _UNABLE.search(sentence):
        subj = _subject_before(sentence, m.start())
        return f"Can {subj} {_tidy(m.group('rest'))}?"
    if m := _NOT_CLOSE.search(sentence):
        subj = _subject_before(sentence, m.start())
        return f"Will {subj} {_base_verb(m.group('verb').lower())} {_tidy(m.group('rest'))}?"
    if m := _VIEWS.search(sentence):
        subj = _subject_before(sentence, m.start()) if m.start() else "it"
        rest = m.group("rest").split(":", 1)[-1]
        rest = _tidy(re.split(r"[;]|[.?!][”\"’]*\s*$", rest)[0])
        return f"What is {subj}’s position on {rest}?"
    return None


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


class CueQuestions:
    """Find sentences that state something is unresolved and phrase each as a question."""

    version = "cues-1"

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[QuestionCandidate, ...]:
        """Return the question candidates of an article, in text order, one per evidence sentence."""
        out = []
        seen: set[str] = set()
        for s in sentences:
            cue = find_cue(s.text)
            if not cue or s.text.lstrip().startswith(("“", '"')):
                continue  # a quoted speaker's doubt is a quote, not the article's open question
            question = phrase_question(s.text)
            if not question or question.lower() in seen:
                continue
            seen.add(question.lower())
            evidence = Evidence(s.id, s.start, s.end, s.text)
            out.append(QuestionCandidate(_first_upper(question), " ".join(cue.group(0).split()), (evidence,)))
        return tuple(out)
