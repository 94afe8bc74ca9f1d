"""Open-question candidates: statements of explicit uncertainty, put as plain questions."""

from __future__ import annotations

import re

from generator.extract.patterns import DEMAND_VERBS, NAME_RE, NOT_NAMES, UNCERTAINTY_CUES
from generator.extract.text_stats import content_words
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
    "unlikely", "unable", "knows", "not clear", "whether", "so far", "to date",
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


def _subject_before(sentence: str, index: int, previous: str = "") -> str:
    """The subject of the clause ending at index: its last proper name, else its last word;
    'it' or 'they' become the latest named subject before them."""
    words = re.split(r"[\s,]+", sentence[:index].strip())[-3:]
    tail = " ".join(words)
    names = [m.group(0) for m in NAME_RE.finditer(tail) if m.group(0).split()[-1] not in NOT_NAMES]
    if names:
        return " ".join(w for w in names[-1].split() if w not in NOT_NAMES)
    word = words[-1] if words and words[-1] else "it"
    if word.lower() in ("it", "they"):
        return _antecedent(sentence, index, previous) or word
    return word


def _base_verb(ing: str) -> str:
    """'making' → 'make', 'taking' → 'take', 'building' → 'build'."""
    stem = ing[:-3]
    consonant_vowel_consonant = (
        len(stem) > 2 and stem[-1] not in "aeiouyw" and stem[-2] in "aeiou" and stem[-3] not in "aeiou"
    )
    return stem + "e" if stem.endswith(("k", "v", "z", "c")) or consonant_vowel_consonant else stem


def phrase_questions(sentence: str, previous: str = "") -> list[tuple[str, bool]]:
    """Phrase the uncertainty stated by a sentence as plain questions.

    Returns (question, uses_previous) pairs; uses_previous is True when the question also rests
    on the sentence before ("Blinken called on Israel to engage … ¶ So far, that has been lacking")."""
    sentence = _DASH_ASIDE.sub(" ", sentence)  # "preparations – including food and shelter – ahead of …"
    cue = find_cue(sentence)
    if not cue:
        return []
    tail = sentence[cue.start() :]
    if m := _WHETHER.search(tail):
        clause = m.group("clause")
        question = invert(clause)
        if question:
            return [(_resolve_it(question, sentence, cue.start() + m.start(), previous), False)]
        return [(f"Whether {_tidy(clause)}?", False)]
    if m := _DECISION.search(sentence):
        subj = _subject_before(sentence, m.start())
        return [(f"Has {subj} made a final decision {_tidy(m.group('rest'))}".strip() + "?", False)]
    if m := _YET_TO.search(sentence):
        subj = _subject_before(sentence, m.start())
        return [(f"Will {subj} {_tidy(m.group('rest'))}?", False)]
    if m := _UNABLE.search(sentence):
        subj = _subject_before(sentence, m.start(), previous)
        return [(f"Can {subj} {_tidy(m.group('rest'))}?", False)]
    if m := _NOT_CLOSE.search(sentence):
        subj = _subject_before(sentence, m.start(), previous)
        return [(f"Will {subj} {_base_verb(m.group('verb').lower())} {_tidy(m.group('rest'))}?", False)]
    if m := _VIEWS.search(sentence):
        subj = _subject_before(sentence, m.start()) if m.start() else "it"
        rest = m.group("rest").split(":", 1)[-1]
        rest = _tidy(re.split(r"[;]|[.?!][”\"’]*\s*$", rest)[0])
        matters = _WH_SPLIT.split(rest)
        out = [(f"What is {subj}’s position on {matters[0]}?", False)]
        return out + [(_first_upper(_tidy(wh)) + "?", False) for wh in matters[1:]]
    if _UNMET.search(sentence):
        for text, uses_previous in ((sentence, False), (previous, True)):
            if m := _DEMAND.search(text):
                action = _TRAILING_TIME.sub("", _tidy(m.group("action")))
                return [(f"Will {m.group('who')} {action}?", uses_previous)]
    return []


def phrase_question(sentence: str) -> str | None:
    """The first question phrased from a sentence on its own, if any."""
    found = phrase_questions(sentence)
    return found[0][0] if found else None


_DASH_ASIDE = re.compile(r"\s[–—]\s[^–—]{1,120}?\s[–—]\s")
_WH_SPLIT = re.compile(r",?\s+and\s+(?=(?:who|what|how|when|where|whether|which)\b)")
_UNMET = re.compile(UNCERTAINTY_CUES[-1], re.I)
_DEMAND = re.compile(rf"\b{DEMAND_VERBS}\s+(?P<who>{NAME_RE.pattern})\s+to\s+(?P<action>[^–—;:,.]+)")
_TRAILING_TIME = re.compile(
    r"\s+(?:over|during|at|on|in|this|last|earlier|later)\s+(?:the\s+)?"
    r"(?:weekend|week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)
_SUBJECT_AUX = re.compile(rf"(?P<name>{NAME_RE.pattern})\s+(?:has|have|had|is|are|was|were|will|would|can|could)\b")
_POSSESSOR = re.compile(r"\b([A-Z][a-z]+)[’']s\b")
_PRONOUN_SUBJECT = re.compile(r"^(?P<verb>\w+) (?P<pron>it|they) ")


def _antecedent(sentence: str, index: int, previous: str = "") -> str | None:
    """The latest proper name used as a subject ('Israel has …') before index, here or in previous."""
    for text in (sentence[:index], previous):
        names = [m.group("name") for m in _SUBJECT_AUX.finditer(text) if m.group("name").split()[0] not in NOT_NAMES]
        if names:
            return names[-1]
    owners = _POSSESSOR.findall(sentence[:index])  # "questioning Israel’s approach …, suggesting it is …"
    return owners[-1] if owners else None


def _resolve_it(question: str, sentence: str, index: int, previous: str) -> str:
    """'Has it made a final decision …?' → 'Has Israel made a final decision …?'."""
    m = _PRONOUN_SUBJECT.match(question)
    if not m:
        return question
    name = _antecedent(sentence, index, previous)
    return f"{m.group('verb')} {name} {question[m.end() :]}" if name else question


_STEM_SUFFIX = re.compile(r"(?:ance|ment|ing|ed|es|s|ly)$")


def stems(text: str) -> set[str]:
    """Crude stems of the content words of a text, for telling whether two questions are one."""
    return {_STEM_SUFFIX.sub("", w) if len(w) > 4 else w for w in content_words(text)}


def same_matter(a: str, b: str) -> bool:
    """Whether two questions ask the same thing: same question word, and most of the shorter
    one's stems in the other ('Can Israel completely destroy Hamas?' and 'Can Israel achieve its
    stated aim of destroying Hamas …?')."""
    if a.split()[:1] != b.split()[:1]:
        return False
    sa, sb = stems(a), stems(b)
    shared = len(sa & sb)
    return shared >= 3 and shared / max(1, min(len(sa), len(sb))) >= 0.6


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


class CueQuestions:
    """Find sentences that state something is unresolved and phrase each as a question."""

    version = "cues-2"

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[QuestionCandidate, ...]:
        """Return the question candidates of an article in text order; a matter raised twice is
        one candidate with both evidence sentences."""
        out: list[QuestionCandidate] = []
        for k, s in enumerate(sentences):
            cue = find_cue(s.text)
            if not cue or s.text.lstrip().startswith(("“", '"')):
                continue  # a quoted speaker's doubt is a quote, not the article's open question
            previous = sentences[k - 1] if k else None
            for question, uses_previous in phrase_questions(s.text, previous.text if previous else ""):
                question = _first_upper(question)
                evidence = tuple(
                    Evidence(e.id, e.start, e.end, e.text) for e in ((previous, s) if uses_previous and previous else (s,))
                )
                for i, earlier in enumerate(out):
                    if same_matter(earlier.question, question):
                        added = tuple(e for e in evidence if e not in earlier.evidence)
                        out[i] = QuestionCandidate(earlier.question, earlier.cue, earlier.evidence + added)
                        break
                else:
                    out.append(QuestionCandidate(question, " ".join(cue.group(0).split()), evidence))
        return tuple(out)
