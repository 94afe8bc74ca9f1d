"""Open questions: what an article flags as unknown, disputed or pending, put as questions that
stand alone.

Three steps per sentence, each a chain of small functions:

1. **Cues** (patterns in question_cues.py), tried in order: a stated unknown with the clause it
   bears on ("it is unclear whether …", "did not say how many …"), something not done yet ("has
   yet to", "has not received"), no decision, a possible outcome under a condition ("could … if"),
   a fear ("many fear that … may"), a claim that cannot be verified or that another side denies,
   an investigation or talks under way, a vote or deadline ahead, a fate in doubt, issues left
   unresolved, a demand (a call on someone to act; "so far, to little effect").
2. **Phrasing**: the clause becomes a question by inversion ("the blaze had spread" → "Had the
   blaze spread …?", "Israel launched" → "Did Israel launch …?"), a wh-word leads its own clause
   ("how the plan will be funded" → "How will the plan be funded?"), or a template of the cue
   ("Will there be an independent inquiry into …?", "What will happen to …?").
3. **Standing alone**: pronouns and "the group", "the plan", "the deal" are replaced by what the
   article names (its entities, generator/extract/mentions.py; the subject of the sentence or of the
   one before; a document named with its modifiers), "we" in a quote by the speaker's body. A
   question that still holds a pronoun without its antecedent, or does not open with a question
   word or an auxiliary, is dropped: a wrong question is worse than none.

A question raised inside a quote is "raised by" the quote's speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from generator.extract import question_cues as C
from generator.extract.furniture import on_furniture
from generator.extract.lexicon import GROUP_HEADS, PERSON_HEADS
from generator.extract.patterns import NAME_RE, NOT_NAMES, REPORTING_VERBS
from generator.extract.text_stats import content_words
from generator.model import Evidence, QuestionCandidate, Quote, Sentence

MAX_PER_SENTENCE = 2
MAX_QUESTION_WORDS = 40
_DETERMINERS = frozenset("the a an this that these those some any many most several both all no each every".split())
_LEADING_ADVERBS = re.compile(
    r"^(?:(?:however|still|meanwhile|but|and|so|yet|also|now|instead|indeed|separately|nonetheless|nevertheless|"
    r"in\s+response|in\s+private|in\s+public|on\s+\w+day|on\s+\w+|by\s+contrast|so\s+far|to\s+date|for\s+now|for\s+its\s+part)"
    r",?\s+)+",
    re.I,
)
_SUBJECT_STOP = frozenset(
    "that said says told if whether but while because after when although though as since and before which who where than".split()
)
_PREPOSITIONS = frozenset("of in on at for to from with by about over into under after before during near".split())
_ANIMATE = PERSON_HEADS | GROUP_HEADS | frozenset(h + "s" for h in PERSON_HEADS)
_CONTRACTED = {
    "doesn't": "does",
    "don't": "do",
    "didn't": "did",
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "won't": "will",
    "wouldn't": "would",
    "can't": "can",
    "couldn't": "could",
    "shouldn't": "should",
}
_SUBJECT_AUX = re.compile(
    rf"(?P<name>{NAME_RE.pattern})\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|[a-z]+ed)\b"
)
_QUOTE_MARKS = re.compile(r"[“”\"]")
_ABSOLUTE = frozenset("with amid despite after before as without".split())  # "with Trump reportedly giving …"
# Verbs that end a subject read backwards ("… officials believe Israel will be unable …").
_REPORTING = frozenset(v for v in REPORTING_VERBS if v.endswith("ed") or " " in v) | frozenset(
    "said told thought found knew believes thinks says insists argues warns suggests acknowledges maintains knows "
    "including suggesting saying adding believe think".split()
)
_TRAILING_TIME = re.compile(
    r"\s+(?:over|during|at|on|in|this|last|earlier|later|next)\s+(?:the\s+)?"
    r"(?:weekend|week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


# --- verbs -----------------------------------------------------------------------------------------


def _a(phrase: str) -> str:
    """A noun phrase with its indefinite article: 'an independent inquiry', 'a deal'."""
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def base_of_ing(ing: str) -> str:
    """'making' → 'make', 'taking' → 'take', 'building' → 'build', 'firing' → 'fire'."""
    stem = ing[:-3]
    if stem.endswith("ee"):
        return stem  # "seeing" → "see", "agreeing" → "agree"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # "stopping" → "stop"
    return _restore_e(stem)


def base_of_past(word: str) -> str | None:
    """The base form of a past tense: 'launched' → 'launch', 'approved' → 'approve', 'took' → 'take'."""
    lw = word.lower()
    if lw in C.IRREGULAR_PAST:
        return C.IRREGULAR_PAST[lw]
    if not lw.endswith("ed") or len(lw) < 5 or lw in C.NOT_VERB_ED:
        return None
    if lw.endswith("ied"):
        return lw[:-3] + "y"
    if lw.endswith("eed"):
        return lw[:-1]  # "agreed" → "agree", "freed" → "free"
    stem = lw[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]  # "stopped" → "stop", "occurred" → "occur"
    if len(stem) >= 6 and stem.endswith("ll") and stem[-3] in "aeiou" and stem[-4] not in "aeiou":
        return stem[:-1]  # "controlled" → "control", "cancelled" → "cancel" ("killed", "shelled" keep theirs)
    return _restore_e(stem)


def _restore_e(stem: str) -> str:
    vowels = "aeiou"
    if stem + "e" in C.E_VERBS:
        return stem + "e"
    if len(stem) < 2:
        return stem
    last, before = stem[-1], stem[-2]
    single_vowel = before in vowels and (len(stem) < 3 or stem[-3] not in vowels)
    if last in "vcz" or stem.endswith(("dg", "ang", "uir", "iat", "uat")):  # "negotiat", "evaluat"
        return stem + "e"
    if last == "u":
        return stem + "e"  # "argu" → "argue"
    if last == "s" and before in vowels and stem[-3:] != "ous" and not stem.endswith(("cus", "bus")):
        return stem + "e"  # "caus", "us", "clos", "propos" (not "focus": "accuse" is in E_VERBS)
    # a single vowel before the last consonant: "decid", "creat", "vot", "nam", "provok", "shap",
    # "describ", "engag", "secur", "declin", "ignor"; not "open", "enter", "target", "develop", "visit"
    keeps_e = not (last == "n" and before in "eo") and not (last in "tpr" and before == "e")
    keeps_e = keeps_e and not (last == "p" and before == "o" and len(stem) >= 5) and not (last == "t" and before == "i")
    if single_vowel and last in "dtmkpbglrn" and keeps_e:
        return stem + "e"
    return stem


# --- turning a clause into a question ----------------------------------------------------------------


def _words(clause: str) -> list[str]:
    return _QUOTE_MARKS.sub("", clause).split()


def _lower_subject(words: list[str]) -> list[str]:
    if words and (words[0].lower() in _DETERMINERS or words[0].lower() in C.ALL_PRONOUNS) and words[0] != "I":
        return [words[0].lower()] + words[1:]
    return words


def clause_end(text: str, start: int = 0) -> int:
    """Where the clause starting at start ends: punctuation, a quote mark, 'but', 'said' …"""
    m = C.CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def invert(clause: str, backshift: bool = True) -> str | None:
    """A clause as a yes/no question: 'senior Hamas leaders are present in Rafah' → 'Are senior
    Hamas leaders present in Rafah?'; 'Israel launched X' → 'Did Israel launch X?'; 'there were
    any casualties' → 'Were there any casualties?'. None when no finite verb is found early."""
    words = _words(clause.strip(" ,.;:"))
    if len(words) < 2:
        return None
    first = words[0].lower()
    if first == "there" and words[1].lower() in C.AUXILIARIES:
        aux = words[1].lower()
        return _ask(_backshift(aux) if backshift else aux, ["there"], words[2:])
    if first in C.QUESTION_WORDS or first in C.AUXILIARIES or first in _PREPOSITIONS or first in _SUBJECT_STOP:
        return None
    for i, word in enumerate(words[1:10], start=1):
        lw = word.lower().replace("’", "'")
        if not re.fullmatch(r"[a-z'-]+", lw):
            if lw.strip(",;") != lw:
                return None
            continue
        subject, rest = words[:i], words[i + 1 :]
        if lw in _CONTRACTED:
            return _ask(_backshift(_CONTRACTED[lw]) if backshift else _CONTRACTED[lw], subject, rest)
        if lw in C.AUXILIARIES:
            if rest and rest[0].lower() == "not":
                rest = rest[1:]
            if lw in ("do", "does", "did") and not rest:
                return None
            return _ask(_backshift(lw) if backshift else lw, subject, rest)
        base = base_of_past(lw)
        if base and i + 1 < len(words) and words[i + 1].lower() == "by":
            continue  # "the bill passed by the Senate …": a participle, not the verb
        if base and words[i - 1].lower() not in _DETERMINERS | C.POSSESSIVE_PRONOUNS:
            return _ask("did", subject, [base] + rest)
        if lw in _SUBJECT_STOP - {"and"} or lw in ("to", "not"):
            return None
    return None


def _backshift(aux: str) -> str:
    """Reported speech moves tenses back; the question asks forward: 'would' → 'will'."""
    return {"would": "will"}.get(aux, aux)


def _ask(aux: str, subject: list[str], rest: list[str]) -> str | None:
    rest = [w for w in rest if w]
    if not rest or not subject:
        return None
    head = subject[-1].strip(",")
    if head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        aux = {"has": "have", "is": "are", "was": "were", "does": "do"}.get(aux, aux)  # "IDF soldiers has" → "Have …"
    text = " ".join([aux.capitalize(), *_lower_subject(subject), *rest])
    return text.rstrip(" ,.;:!?") + "?"


def wh_question(wh: str, clause: str) -> str | None:
    """A wh-clause as a question: 'who will replace him' → 'Who will replace him?'; 'how the plan
    will be funded' → 'How will the plan be funded?'."""
    words = _words(clause.strip(" ,.;:"))
    wh_words = wh.split()
    if not words:
        return None
    lead = [w.lower() for w in wh_words]
    k = 0
    if lead[0] in ("which", "what") or lead[-1] in ("many", "much"):
        while k < len(words) and k < 4 and words[k].lower() not in C.AUXILIARIES and not base_of_past(words[k]):
            k += 1  # "how many residents", "which ministry"
        if k == len(words):
            return None
    head, rest = words[:k], words[k:]
    if not rest:
        return None
    r0 = rest[0].lower().replace("’", "'")
    if r0 in C.AUXILIARIES or r0 in _CONTRACTED or (base_of_past(r0) and (k or lead[0] in ("who", "what"))):
        verb = _backshift(r0) if r0 == "would" else rest[0]
        text = " ".join([*lead, *head, verb, *rest[1:]])
        return (text[:1].upper() + text[1:]).rstrip(" ,.;:") + "?"
    inverted = invert(" ".join(rest))
    if inverted is None:
        return None
    body = inverted[0].lower() + inverted[1:]
    return " ".join([*lead, *head]).capitalize() + " " + body


def whether_question(clause: str, how: bool = False) -> str | None:
    """A whether-clause as a question; 'how or whether' adds ', and how?'."""
    q = invert(clause)
    if q and how:
        q = q[:-1] + ", and how?"
    return q


# --- the article around a sentence ---------------------------------------------------------------


@dataclass
class Context:
    """What phrasing and resolution read of the whole article."""

    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    _doc: object = None
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    @property
    def doc(self):
        """The article's mentions and entities, analysed once, on first need."""
        if self._doc is None:
            from generator.extract.mentions import analyse
            from generator.extract.quotes import find_spans, headline_lines

            spans = find_spans(self.text)
            quoted = [(s.open_at, s.close_at if s.close_at is not None else s.end) for s in spans]
            self._doc = analyse(self.text, quoted, headline_lines(self.text))
        return self._doc

    def quote_at(self, pos: int) -> Quote | None:
        """The quote whose text holds a position."""
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def is_name_at(self, word: str, pos: int) -> bool:
        """Whether a capitalised word is a name: written capitalised somewhere in the article where
        no sentence opens (the sentence splitter's starts, so "U.S. Defense" is inside one), or a
        name the article's mentions hold."""
        for m in re.finditer(rf"\b{re.escape(word)}\b", self.text):
            opening = self.text[self.sentences[self.sentence_index(m.start())].start : m.start()] if self.sentences else ""
            if opening.strip(" “\"‘'(\n"):
                return True
        return any(m.form == "name" and m.text.split()[0] == word for m in self.doc.mentions)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    # -- antecedents

    def entity_before(self, pos: int, kinds: tuple[str, ...], gender: str | None = None) -> str | None:
        """The named entity of these kinds mentioned last before pos (within the article)."""
        doc = self.doc
        for i in reversed(range(0, bisect.bisect_left(doc.starts, pos))):
            m = doc.mentions[i]
            ent = doc.entity(i)
            if ent is None or not ent.named or ent.kind not in kinds or m.form == "pronoun" or m.quoted:
                continue
            if gender and ent.gender and ent.gender != gender:
                continue
            return ent.name
        return None

    def body_before(self, pos: int) -> str | None:
        """The body named last before pos: an organisation entity, or a capitalised name ending in
        a body's word ('the Northern Workers' Front')."""
        best: tuple[int, str] | None = None
        for m in _BODY_NAME.finditer(self.text, 0, pos):
            if m.group("head").lower() in C.BODY_NAME_HEADS and len(m.group("name").split()) > 1:
                best = (m.start(), m.group("name"))
        doc = self.doc
        for i in reversed(range(0, bisect.bisect_left(doc.starts, pos))):
            m = doc.mentions[i]
            ent = doc.entity(i)
            if ent is not None and ent.named and ent.kind in ("organisation", "group") and m.form == "name" and not m.quoted:
                if best is None or m.start > best[0]:
                    best = (m.start, ent.name)
                break
        return best[1] if best else None

    def subject(self, k: int) -> str | None:
        """The subject of sentence k's main clause, as a phrase that stands alone."""
        if not 0 <= k < len(self.sentences):
            return None
        return subject_phrase(self.sentences[k].text)

    def pronoun(self, pron: str, pos: int, quote: Quote | None) -> str | None:
        """What a pronoun at pos refers to, in words that stand alone; None when unsure."""
        p = pron.lower()
        if p in ("we", "us", "our"):
            return _speaker_body(quote) if quote else None
        if p in ("i", "me", "my", "you", "your"):
            return quote.speaker if quote and p in ("i", "me", "my") and quote.speaker_kind == "person" else None
        k = self.sentence_index(pos)
        sentence = self.sentences[k]
        if p in ("he", "him", "his", "she", "her"):
            return self.entity_before(pos, ("person",), "m" if p in ("he", "him", "his") else "f")
        before = self.text[sentence.start : pos]
        if p in ("it", "its"):
            names = [m.group("name") for m in _SUBJECT_AUX.finditer(before) if m.group("name").split()[0] not in NOT_NAMES]
            if names:
                return _strip_title(names[-1])
            own = subject_phrase(before)
            if own and not _plural(own) and not _is_person_phrase(own):
                return own
            if not before.strip(' “"'):  # the sentence's own subject: the body or place named last
                return self.entity_before(pos, ("organisation", "place"))
            return None
        if p in ("they", "them", "their"):
            own = subject_phrase(before)
            if own and _plural(own):
                return own
            for text in (before, self.sentences[k - 1].text if k else ""):
                found = _animate_plural(text)
                if found:
                    return found
                if text is not before:
                    prev = self.subject(k - 1)
                    if prev and _plural(prev):
                        return prev
        return None

    def description(self, head: str, pos: int) -> str | None:
        """What 'the group' or 'the plan' at pos stands for: the body named last (a group), or the
        same noun written earlier with its modifiers ('the comprehensive 20-point plan')."""
        if head in C.BODY_ANAPHORS:
            return self.body_before(pos)
        before = self.text[:pos]
        pattern = re.compile(rf"\b(?:the|a|an|its|their|this|[A-Z][\w-]*[’']s)\s+((?:[\w-]+\s+){{0,3}}[\w-]+)\s+{head}\b", re.I)
        found = [m.group(1) for m in pattern.finditer(before)]
        for mods in reversed(found):
            if mods.lower() not in ("same", "new", "other", "whole", "entire") and not set(mods.lower().split()) & _SUBJECT_STOP:
                return f"the {mods} {head}"
        return None


_BODY_NAME = re.compile(r"(?P<name>(?:[A-Z][\w-]*(?:s[’']|[’']s)?\s+){0,4}(?P<head>[A-Z][\w-]*))")


def _speaker_body(quote: Quote) -> str | None:
    """Whom 'we' means in a quote: the speaker's body ('leader of the Green Alliance'), or the
    speaker when it is a body."""
    if quote.speaker_kind in ("organisation", "group") and quote.speaker:
        return quote.speaker
    if quote.role:
        m = re.search(r"\b(?:of|for|at)\s+(?P<body>the\s+[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,5})", quote.role)
        if m:
            return m.group("body")
        m = re.search(r"(?P<body>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})[’']s\b", quote.role)
        if m and m.group("body").split()[-1].lower() in C.BODY_NAME_HEADS:
            return "the " + m.group("body")
    return None


def _strip_title(name: str) -> str:
    return " ".join(w for w in name.split() if w not in NOT_NAMES)


def _plural(phrase: str) -> bool:
    head = phrase.split()[-1].lower().strip("’'")
    return (head.endswith("s") and not head.endswith(("ss", "us", "is"))) or head in GROUP_HEADS or " and " in phrase


def _is_person_phrase(phrase: str) -> bool:
    return phrase.split()[-1].lower() in PERSON_HEADS


def _animate_plural(text: str) -> str | None:
    """The last plural description of people in text: 'the soldiers', 'three climbers'."""
    found = None
    for m in re.finditer(r"\b(?:the|three|four|five|six|two|several|many|\d+)\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]+s)\b", text):
        if m.group("head") in _ANIMATE:
            found = m.group(0)
    return _definite(found) if found else None


def _definite(phrase: str) -> str:
    """'Three climbers' → 'the three climbers'; 'A passenger jet' → 'the passenger jet'."""
    words = phrase.split()
    first = words[0].lower()
    if first in ("a", "an", "some", "one"):
        return " ".join(["the", *words[1:]])
    if first == "the":
        return " ".join(["the", *words[1:]])
    numeral = first.isdigit() or first in (
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "many",
    )
    if numeral and not (len(words) > 1 and words[1].lower() == "of"):
        return " ".join(["the", first, *words[1:]])
    return phrase


def subject_phrase(clause: str) -> str | None:
    """The subject of a clause: the words before its first finite verb ('Three climbers went
    missing' → 'the three climbers'); None for a pronoun, a quote or nothing clear."""
    clause = _LEADING_ADVERBS.sub("", _QUOTE_MARKS.sub("", clause).strip())
    if "," in clause[:60]:
        head, _, tail = clause.partition(",")
        if len(head.split()) <= 4 and head.split()[0].lower() in _PREPOSITIONS | {"after", "before", "as", "while", "when"}:
            clause = tail.strip()
    words = clause.split()
    for i, word in enumerate(words[:13]):
        lw = word.lower().strip(",")
        if word.endswith(",") and i < 8:
            return None if i == 0 else _subject_words(words[: i + 1])
        verb = lw in C.AUXILIARIES or lw in _CONTRACTED or lw in C.PRESENT_VERBS
        if i and (verb or (base_of_past(lw) and words[i - 1].lower() not in _DETERMINERS)):
            return _subject_words(words[:i])
        if lw in _SUBJECT_STOP:
            return None
    return None


def _subject_words(words: list[str]) -> str | None:
    words = [w.strip(",") for w in words]
    if not words or (words[0].lower() in C.ALL_PRONOUNS and words[0] != "US") or words[0].lower() in _PREPOSITIONS:
        return None
    if any(w.lower() in ("who", "which", "that") for w in words):
        return None
    return _definite(" ".join(words))


# --- standing alone ------------------------------------------------------------------------------


_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


def stand_alone_problems(question: str) -> list[str]:
    """Why a question does not stand alone: it must end in '?', open with a question word or an
    auxiliary, and hold no pronoun whose antecedent is not in the question."""
    out = []
    if not question.endswith("?"):
        out.append("does not end in '?'")
    words = question.split()
    first = words[0].lower() if words else ""
    if first not in C.QUESTION_WORDS and first not in C.AUXILIARIES:
        out.append(f"opens with {words[0] if words else 'nothing'!r}, not a question word or an auxiliary")
    tokens = re.findall(r"[\w’'-]+", question)
    for i, tok in enumerate(tokens):
        lw = tok.lower()
        if i == 1 and lw == "there":
            continue
        if lw in C.SUBJECT_PRONOUNS | C.OBJECT_PRONOUNS - {"her"}:
            out.append(f"pronoun {tok!r} without its antecedent")
        elif lw in C.POSSESSIVE_PRONOUNS | {"her"} and not _antecedent_in(tokens[:i], lw):
            out.append(f"pronoun {tok!r} without its antecedent")
        elif lw in C.BODY_ANAPHORS and i and tokens[i - 1].lower() == "the":
            out.append(f"'the {tok}' without the name it stands for")
        elif i == 1 and lw in C.ANAPHORIC_OPENERS:
            out.append(f"{tok!r} points back at something the question does not name")
    return out


def _antecedent_in(before: list[str], pron: str) -> bool:
    """Whether words before a possessive can be its antecedent: a name, or a plural for 'their'."""
    body = before[1:]
    if any(w[:1].isupper() and w.lower() not in NOT_NAMES_LOWER for w in body):
        return True
    if pron == "their":
        return any(w.lower().endswith("s") and len(w) > 3 for w in body)
    if pron == "its":
        return any(w.lower() == "the" for w in body)
    return False


NOT_NAMES_LOWER = frozenset(w.lower() for w in NOT_NAMES)


def make_stand_alone(question: str, ctx: Context, pos: int, quote: Quote | None) -> str | None:
    """Replace pronouns and 'the group'/'the plan' by what the article names; None when one
    cannot be resolved, or the question still does not stand alone."""
    tokens = _TOKEN.findall(question)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        lw = tok.lower()
        if lw in C.ALL_PRONOUNS:
            if lw in ("it", "them", "us") and i > 1 and tokens[i - 1].lower() not in C.AUXILIARIES | _SUBJECT_STOP:
                if not (lw == "her" and _noun_follows(tokens, i)):
                    return None  # an object pronoun: what it stands for is seldom the subject named last
            possessive = lw in C.POSSESSIVE_PRONOUNS and (lw != "her" or _noun_follows(tokens, i))
            if possessive and _antecedent_in([t for t in out if t[:1].isalnum()], lw):
                out.append(tok)
                i += 1
                continue
            ref = ctx.pronoun(lw, pos, quote)
            if not ref or ref.lower() in C.ALL_PRONOUNS:
                return None
            if possessive:
                ref = ref + ("’" if ref.endswith("s") else "’s")
            out.append(ref if len(out) > 1 or not ref[:1].islower() else ref)
        elif lw == "the" and (n := _anaphor_length(tokens, i)):
            ref = ctx.description(tokens[i + n].lower(), pos)
            if ref is None:
                return None
            out.append(ref)
            i += n + 1
            continue
        else:
            out.append(tok)
        i += 1
    if len(out) > 1 and out[1][:1].isupper() and out[1].lower() not in ("i",) and not ctx.is_name_at(out[1], pos):
        out[1] = out[1].lower()  # "Will Fighting resume …?": a sentence's first word, no name
    text = _join(out)
    text = text[:1].upper() + text[1:]
    if len(text.split()) > MAX_QUESTION_WORDS or stand_alone_problems(text) or _vague(text):
        return None
    return text


def _vague(question: str) -> bool:
    """A question about nothing in particular: 'How will things go?'."""
    return not any(len(w) > 3 and w not in C.VAGUE_WORDS for w in content_words(question))


def _anaphor_length(tokens: list[str], i: int) -> int:
    """How many words after 'the' make a description that points back: 'the group' (1), 'the
    militant group' (2); 0 when none does or the description says itself what it is."""
    for n in (1, 2):
        if i + n < len(tokens) and tokens[i + n].lower() in C.BODY_ANAPHORS | C.THING_ANAPHORS:
            if n == 2 and tokens[i + 1].lower() not in C.GENERIC_BODY_ADJECTIVES:
                return 0
            if n == 2 and tokens[i + 2].lower() in C.THING_ANAPHORS:
                return 0  # "the 20-point plan" names itself
            return 0 if _modified_after(tokens, i + n) else n
    return 0


def _noun_follows(tokens: list[str], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1][:1].isalpha() and tokens[i + 1].lower() not in _PREPOSITIONS | C.AUXILIARIES


def _modified_after(tokens: list[str], i: int) -> bool:
    """'the plan for Gaza', 'the group's leaders': the description says itself what it is."""
    return i + 1 < len(tokens) and tokens[i + 1].lower() in ("for", "of", "to", "on", "between", "that", "which")


def _join(tokens: list[str]) -> str:
    text = ""
    for t in tokens:
        if not text or re.fullmatch(r"[,.;:?!)\]’]", t) or text.endswith(("(", "[", "‘")) or t.startswith(("’s", "'s")):
            text += t
        else:
            text += " " + t
    text = re.sub(r"\s+([’'])s\b", r"\1s", text)
    text = re.sub(r"(\w)\s*-\s*(\w)", r"\1-\2", text)
    text = re.sub(r"(\d), (\d{3})\b", r"\1,\2", text)
    return text


# --- cues ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Raw:
    """A question as first phrased, with where in the sentence its cue is."""

    question: str
    at: int  # offset of the cue within the sentence
    cue: str
    uses_previous: bool = False


def _clause_at(s: str, start: int) -> str:
    """The clause from start; an aside between commas is skipped ('the crossing itself, one of
    the few crossings …, was the target')."""
    end = clause_end(s, start)
    clause = s[start:end]
    if end < len(s) and s[end] == "," and invert(clause) is None:
        close = s.find(",", end + 1, end + 160)
        if close > 0:
            after = s[close + 1 :].split()
            if after and (after[0].lower() in C.AUXILIARIES or base_of_past(after[0])):
                return clause + " " + s[close + 1 : clause_end(s, close + 1)].strip()
    return clause


_EMBEDDED = re.compile(rf"\b(?P<how>how\s+(?:or|and)\s+)?(?P<comp>whether(?:\s+(?:and|or)\s+how)?|if|{C.WH_WORDS})\s+", re.I)


def cue_embedded(s: str, ctx: Context, k: int) -> list[Raw]:
    """'It is unclear whether/if/who/how many …', 'declined to say whether …', 'including whether …',
    'Whether … is an open question'."""
    out = []
    for m in _EMBEDDED.finditer(s):
        comp = m.group("comp").lower()
        before = s[: m.start()]
        if comp.startswith("whether"):
            if C.NOT_QUESTION_WHETHER.search(before):
                continue
            rest = s[m.end() :]
            if rest.lower().startswith(("or not", "in ", "at ", "by ", "from ")):
                continue
            if rest.lower().startswith("to "):
                q = _whether_to(s, m, ctx)
            else:
                end = min(_subject_clause_end(s, m.end()), clause_end(s, m.end()))
                clause = s[m.end() : end] if end < clause_end(s, m.end()) else _clause_at(s, m.end())
                q = whether_question(clause, bool(m.group("how")) or "how" in comp)
        elif comp == "if":
            if not C.UNKNOWN_BEFORE.search(before):
                continue
            q = invert(_clause_at(s, m.end()))
        else:
            if re.match(r"(?:things|it|this|that)\b", s[m.end() :]):
                continue
            if not C.UNKNOWN_BEFORE.search(before):
                continue
            q = wh_question(m.group("comp"), _clause_at(s, m.end()))
        if q:
            out.append(Raw(q, m.start(), "unknown"))
    return out


_MAIN_AFTER_WHETHER = re.compile(
    r"\s(?:is|was|remains?|would|will|could|may|might|depends?)\s+(?:\w+\s+){0,2}?"
    r"(?:unclear|uncertain|unknown|an?\s+(?:open\s+)?question|up\s+to|to\s+be\s+seen|in\s+doubt|depend|decided|determined|clear|another)",
    re.I,
)


def _subject_clause_end(s: str, start: int) -> int:
    m = _MAIN_AFTER_WHETHER.search(s, start)
    return m.start() if m else clause_end(s, start)


def _whether_to(s: str, m: re.Match, ctx: Context) -> str | None:
    """'Officials are divided over whether and how to compensate X' → 'Will officials compensate X, and how?'."""
    subject = subject_phrase(s[: m.start()]) or _pronoun_subject(s[: m.start()])
    if not subject:
        return None
    action = _clause_at(s, m.end() + 3)
    if not action.split():
        return None
    q = f"Will {subject} {action.strip()}?"
    return q[:-1] + ", and how?" if "how" in m.group(0).lower() else q


def _pronoun_subject(before: str) -> str | None:
    m = re.match(r"\s*[“\"]?(?P<p>We|They|He|She|It|I)\b", before)
    return m.group("p").lower() if m else None


def cue_not_done(s: str, ctx: Context, k: int) -> list[Raw]:
    """'X has yet to respond' → 'Will X respond?'; 'the group had not yet received the proposal' →
    'Has the group received the proposal?'."""
    out = []
    for m in C.STOPS_SHORT.finditer(s):
        subject = _subject_before(s, m.start())
        if subject:
            out.append(
                Raw(
                    f"Will {subject} {base_of_ing(m.group('verb').lower())}{_action(s, m.end('verb'))}?", m.start(), "stops short"
                )
            )
    for m in C.REPORTEDLY.finditer(s):
        aux = re.search(r"\b(?P<aux>is|are|was|were|has|have|had|will|would)\s+$", s[: m.start()])
        if aux:  # "the rockets were reportedly launched" → "Were the rockets launched …?"
            subject = _subject_before(s, aux.start())
            if subject and subject not in C.ALL_PRONOUNS:
                verb = _backshift(aux.group("aux").lower())
                out.append(
                    Raw(f"{verb.capitalize()} {subject} {m.group('verb')}{_action(s, m.end('verb'))}?", m.start(), "reportedly")
                )
            continue
        subject = _subject_before(s, m.start())
        verb = m.group("verb").lower()
        if verb == "being" and subject:
            out.append(
                Raw(f"{'Were' if _plural(subject) else 'Was'} {subject}{_action(s, m.end('verb'))}?", m.start(), "reportedly")
            )
            continue
        base = base_of_ing(verb) if verb.endswith("ing") else base_of_past(verb)
        if subject and base:
            out.append(Raw(f"Did {subject} {base}{_action(s, m.end('verb'))}?", m.start(), "reportedly"))
    for m in C.HAS_YET_TO.finditer(s):
        subject = _subject_before(s, m.start())
        rest = _action(s, m.end("verb"))
        if subject:
            out.append(Raw(f"Will {subject} {m.group('verb')}{rest}?", m.start(), "has yet to"))
    for m in C.NOT_YET_DONE.finditer(s):
        verb = m.group("verb").lower()
        if verb in ("decided",) and re.match(r"\s+(?:whether|if|how|who|what|when)\b", s[m.end() :]):
            continue  # the embedded clause says what is undecided
        if verb in ("made", "reached", "taken") and re.match(r"\s+a\s+(?:final\s+|firm\s+)?decision", s[m.end() :]):
            continue
        if not re.search(
            r"\b(?:yet|so\s+far|to\s+date|still)\b", m.group(0) + " " + s[: m.start()][-30:] + s[m.end() : m.end() + 60], re.I
        ):
            continue  # "has not contributed significantly" states a fact; "has not yet" leaves it open
        subject = _subject_before(s, m.start())
        if not subject or verb in ("been",):
            continue
        rest = _action(s, m.end("verb"))
        have = "have" if _plural(subject) and m.group("aux").lower() != "has" else "has"
        have = "have" if _plural(subject) else have
        out.append(Raw(f"{have.capitalize()} {subject} {verb}{rest}?", m.start(), "not yet"))
    return out


def _action(s: str, start: int) -> str:
    m = C.ACTION_END.search(s, start)
    rest = s[start : m.start() if m else len(s)].rstrip(" .")
    rest = _TRAILING_TIME.sub("", rest)
    rest = re.sub(r"\s+(?:yet|so\s+far|to\s+date)$", "", rest)
    return _QUOTE_MARKS.sub("", rest)


def _subject_before(s: str, index: int) -> str | None:
    """The subject of the clause whose verb starts at index: words back to a clause boundary."""
    before = _QUOTE_MARKS.sub("", s[:index]).rstrip()
    words = before.split()
    out: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip(",")
        if w.endswith(",") or lw in _SUBJECT_STOP or len(out) >= 12 or lw in _REPORTING or lw in _ABSOLUTE:
            break
        if lw.endswith("ing") and w.islower() and not (out and out[0][:1].islower() is False):
            break
        out.insert(0, w)
    while out and out[0].lower() in ("however", "still", "so", "yet", "meanwhile", "also", "now"):
        out = out[1:]
    while out and out[-1].lower() in C.AUXILIARIES:
        out = out[:-1]  # "Israel has offered no clear views": the subject is "Israel"
    if not out:
        return None
    first = out[0].lower()
    if first in C.ALL_PRONOUNS and out[0] != "US":
        return first if len(out) == 1 else None
    if first in _PREPOSITIONS or any(base_of_past(w) and i for i, w in enumerate(out)):
        return None
    return _definite(" ".join(out))


def cue_no_decision(s: str, ctx: Context, k: int) -> list[Raw]:
    """'No decision has been made on extending the night train' → 'Has a decision been made on
    extending the night train?'; 'Israel has not made a final decision' → 'Has Israel made a final
    decision …?'."""
    out = []
    for m in C.NO_DECISION.finditer(s):
        if m.group("prep"):
            on = _action(s, m.end())
            if on:
                out.append(Raw(f"Has a decision been made {m.group('prep').lower()} {on}?", m.start(), "no decision"))
            continue
        subject = _subject_before(s, m.start())
        if subject:
            rest = _action(s, m.end())
            rest = re.sub(r"^\s*yet\b", "", rest)
            final = "a final decision" if "final" in m.group(0).lower() else "a decision"
            out.append(Raw(f"Has {subject} made {final}{rest}?", m.start(), "no decision"))
    return out


def cue_conditional(s: str, ctx: Context, k: int) -> list[Raw]:
    """'The war could resume in March if no deal is reached' → 'Will the war resume in March if no
    deal is reached?'."""
    cond = C.CONDITION.search(s)
    if not cond:
        return []
    out = []
    for m in C.CONDITIONAL.finditer(s):
        if m.start() > cond.start() and not re.search(r",\s*$", s[: cond.start()]) and m.start() - cond.end() < 60:
            continue  # the modal sits inside the condition itself
        if m.group("verb").lower() in ("be", "not") and m.group("verb").lower() == "not":
            continue
        subject = _subject_before(s, m.start())
        if not subject or subject in ("i", "you"):
            continue
        end = C.ACTION_END.search(s, m.end("verb"))
        body = s[m.start("verb") : end.start() if end else len(s)]
        if cond.start() > m.start():
            tail = s[cond.start() : clause_end(s, cond.end())]
            if cond.start() > (end.start() if end else len(s)):
                body = body + " " + tail.strip()
        body = _QUOTE_MARKS.sub("", body).strip(" ,.")
        body = re.sub(r"^(?:soon|still|also|even|then|now|well)\s+", "", body)
        if len(body.split()) < 2:
            continue
        out.append(Raw(f"Will {subject} {body}?", m.start(), "could … if"))
        break
    return out


def cue_feared(s: str, ctx: Context, k: int) -> list[Raw]:
    """'Many fear that the dam may fail before …' → 'Will the dam fail before …?'."""
    out = []
    for m in C.FEARED.finditer(s):
        clause = s[m.end() :]
        mm = C.CONDITIONAL.search(clause)
        if not mm or mm.start() > 80:
            continue
        subject = _QUOTE_MARKS.sub("", clause[: mm.start()]).strip()
        if not subject or len(subject.split()) > 15 or subject.lower() in C.ALL_PRONOUNS or "," in subject:
            continue
        subject = _definite(subject)
        end = C.ACTION_END.search(clause, mm.end("verb"))
        body = clause[mm.start("verb") : end.start() if end else len(clause)].strip(" .,")
        body = re.sub(r"^(?:soon|still|also|even|then|now|well)\s+", "", body)
        if m.group(0).lower().startswith(("suggest", "signal", "raising")):
            body = _QUOTE_MARKS.sub("", body)
        out.append(Raw(f"Will {subject} {body}?", m.start(), "fear"))
    return out


def cue_unverified(s: str, ctx: Context, k: int) -> list[Raw]:
    """A figure or report nobody could verify: 'How many … were killed …?', or the report itself
    as a question; 'The exact method of the attack has not been confirmed' → 'What was the exact
    method of the attack?'."""
    m = C.UNVERIFIED.search(s)
    if not m:
        return []
    count = _count_question(s)
    if count:
        return [Raw(count, m.start(), "unverified")]
    reports = re.search(r"\breports?\s+that\s+", s)
    if reports and reports.start() < m.start() + 40:
        q = invert(_clause_at(s, reports.end()))
        return [Raw(q, m.start(), "unverified")] if q else []
    subject = _subject_before(s, m.start())
    if subject:
        heads = subject.split()
        if any(w.lower() in C.MATTER_HEADS for w in heads[:4]):
            verb = "were" if _plural(" ".join(heads[:3])) and " of " not in subject else "was"
            return [Raw(f"What {verb} {subject}?", m.start(), "unverified")]
    return []


def _count_question(s: str) -> str | None:
    m = C.COUNT_CLAUSE.search(s)
    if not m:
        return None
    noun = m.group("noun").strip()
    rest = s[m.start("rest") : clause_end(s, m.start("rest"))]
    verb = m.group("verb")
    return f"How many {noun} {verb} {rest.strip()}?"


def cue_disputed(s: str, ctx: Context, k: int) -> list[Raw]:
    """A claim another side denies: 'X denies that C' / 'X deny any shooting occurred' → C as a
    question; 'X denied the accusation' → the accusation of the sentence before ('accused Y of
    firing Z' → 'Did Y fire Z?'); 'X said C1, but Y said C2' → C1; a disputed figure → 'How many …?'."""
    out = []
    m = C.DENIED.search(s)
    if m:
        after = s[m.end() :]
        if re.match(r"\s+(?:that\s+)?(?:the\s+|a\s+|an\s+)?" + C.CLAIM_NOUNS, after, re.I) or re.match(
            r"\s+(?:it|them|this|that)\b", after
        ):
            prev = ctx.sentences[k - 1].text if k else ""
            for text, uses_previous in ((s[: m.start()], False), (prev, True)):
                acc = C.ACCUSED.search(text)
                if acc:
                    who = acc.group("who")
                    rest = _action(text, acc.end("verb"))
                    out.append(
                        Raw(
                            f"Did {_definite(who)} {base_of_ing(acc.group('verb').lower())}{rest}?",
                            m.start(),
                            "denied",
                            uses_previous,
                        )
                    )
                    break
            if not out and (count := _count_question(s)):
                out.append(Raw(count, m.start(), "disputed"))
        elif m.group(0).lower().startswith(("disput",)) and (count := _count_question(s)):
            out.append(Raw(count, m.start(), "disputed"))
        elif re.match(r"\s+(?:that\s+)?(?:any\s+|a\s+|the\s+)?[a-z]", after) and not re.match(
            r"\s+(?:entry|access|permission|visas?|bail)\b", after
        ):
            clause = re.sub(r"^\s*that\s+", "", after)
            q = invert(_clause_at(clause, 0), backshift=True)
            if q and not re.match(r"\s+(?:any\s+)?(?:wrongdoing|involvement|responsibility)\b", after):
                out.append(Raw(q, m.start(), "denied"))
    if not out and (mm := C.MAINTAINED.search(s)):
        q = invert(_clause_at(s, mm.end()))
        if q:
            out.append(Raw(q, mm.start(), "contested"))
    if not out and (b := C.BUT_OTHER_SAID.search(s)):
        said = re.search(r"\b(?:said|says|told|claimed|reported)\s+(?:[^,;]{0,60}?\s)?that\s+", s[: b.start()])
        if said:
            q = invert(s[said.end() : b.start()])
            if q:
                out.append(Raw(q, said.start(), "contested"))
    return out


def cue_counter_estimate(s: str, ctx: Context, k: int) -> list[Raw]:
    """'However, an official estimated the number of fighters at 60 to 80' after a sentence giving
    another figure: 'How many fighters …?' from the figure before."""
    if not k or not C.COUNTER_ESTIMATE.search(s):
        return []
    q = _count_question(ctx.sentences[k - 1].text)
    return [Raw(q, 0, "disputed figure", True)] if q else []


def cue_pending(s: str, ctx: Context, k: int) -> list[Raw]:
    """Investigations, reviews, talks, votes, deadlines and fates still open."""
    out = []
    if m := C.INVESTIGATING.search(s):
        what = _action(m.group("what"), 0)
        if what.split()[-1].lower() not in C.VAGUE_OBJECTS:
            out.append(Raw(f"What will the investigation into {what} find?", m.start(), "investigating"))
    if m := C.UNDER_REVIEW.search(s):
        subject = _subject_before(s, m.start())
        noun = (
            "investigation into"
            if "investigat" in m.group(0).lower()
            else "review of"
            if "review" in m.group(0).lower()
            else "examination of"
        )
        if subject and subject not in C.ALL_PRONOUNS:
            out.append(Raw(f"What will the {noun} {subject} find?", m.start(), "under review"))
    for m in C.INVESTIGATION_INTO.finditer(s):
        adj = (m.group("adj") or "").lower()
        into = m.group("into")
        if m.group(0).lower().startswith("call"):
            target = f" into {_QUOTE_MARKS.sub('', into).strip()}" if into else ""
            if not target:
                subject = subject_phrase(s)
                target = f" into {subject}" if subject else ""
            out.append(
                Raw(
                    f"Will there be {_a(adj + m.group('noun').lower())}{target}?",
                    m.start(),
                    "call for inquiry",
                )
            )
        elif into:
            out.append(
                Raw(
                    f"What will the {adj}{m.group('noun').lower()} into {_QUOTE_MARKS.sub('', into).strip()} find?",
                    m.start(),
                    "investigation",
                )
            )
    if m := C.NO_AGREEMENT.search(s):
        out.append(
            Raw(
                f"Will there be {_a(m.group('what').lower())} {m.group('prep').lower()} {_action(m.group('on'), 0)}?",
                m.start(),
                "no agreement",
            )
        )
    elif m := C.REACH_SETTLEMENT.search(s):
        out.append(
            Raw(
                f"Will {m.group('det').lower()} {m.group('what')} be reached that would {_action(m.group('rest'), 0)}?",
                m.start(),
                "talks",
            )
        )
    if m := C.DUE_TO_VOTE.search(s):
        subject = _subject_before(s, m.start())
        if subject:
            out.append(Raw(f"How will {subject} vote on {m.group('on')}?", m.start(), "vote ahead"))
    elif m := C.FACES_VOTE.search(s):
        subject = _subject_before(s, m.start())
        if subject:
            out.append(Raw(f"Will {subject} pass?", m.start(), "vote ahead"))
    if m := C.AWAITING.search(s):
        out.append(
            Raw(f"What will the {m.group('what')} {m.group('prep')} {_action(m.group('on'), 0)} be?", m.start(), "awaiting")
        )
    if m := C.HAS_UNTIL.search(s):
        subject = _subject_before(s, m.start())
        if subject:
            out.append(Raw(f"Will {subject} {_action(m.group('rest'), 0)} by {m.group('date')}?", m.start(), "deadline"))
    if m := C.FATE.search(s):
        if m.group("of"):
            of = _QUOTE_MARKS.sub("", m.group("of")).strip()
            out.append(Raw(f"What will happen to {of}?", m.start(), "fate"))
        else:
            subject = subject_phrase(s)
            if subject:
                out.append(Raw(f"What will happen to {subject}?", m.start(), "fate"))
    if m := C.PROSPECTS.search(s):
        out.append(Raw(f"Are there prospects for {m.group('of').strip()}?", m.start(), "prospects"))
    if m := C.UNRESOLVED.search(s):
        for item in _list_items(m.group("list")):
            out.append(Raw(f"How will the question of {item} be resolved?", m.start(), "unresolved"))
    if m := C.TALKS.search(s):
        if not any(r.cue in ("no agreement", "talks") for r in out):
            reach = re.search(r"\bto\s+(?:reach|find|secure)\s+(?P<what>(?:an?|the)\s+[^,;.]+)", s)
            if reach:
                out.append(
                    Raw(
                        f"Will the {m.group('talks').lower()} {s[reach.start() + 3 : clause_end(s, reach.start())]}?",
                        m.start(),
                        "talks",
                    )
                )
    return out


def _list_items(text: str) -> list[str]:
    text = _QUOTE_MARKS.sub("", text).strip()
    parts = re.split(r",\s+(?:and\s+)?|\s+and\s+(?=(?:a|an|the|[A-Z]|\w+['’]s)\b)", text)
    return [p.strip() for p in parts if len(p.split()) >= 2][:3]


def cue_no_indication(s: str, ctx: Context, k: int) -> list[Raw]:
    """'There was no indication that the crossing itself was the target' → 'Was the crossing itself the target …?'."""
    m = C.NO_INDICATION.search(s)
    if not m:
        return []
    q = invert(_clause_at(s, m.end()))
    return [Raw(q, m.start(), "no indication")] if q else []


def cue_unable(s: str, ctx: Context, k: int) -> list[Raw]:
    """'Israel will be unable to destroy Hamas' → 'Can Israel destroy Hamas?'; 'has not come anywhere
    close to making adequate preparations' → 'Will … make adequate preparations …?'."""
    out = []
    for m in list(C.UNABLE.finditer(s)) + list(C.MAY_NOT_ABLE.finditer(s)):
        subject = _subject_before(s, m.start())
        if subject:
            out.append(Raw(f"Can {subject} {m.group('verb')}{_action(s, m.end('verb'))}?", m.start(), "unable"))
    if m := C.NOT_CLOSE.search(s):
        subject = _subject_before(s, m.start())
        if subject:
            out.append(
                Raw(f"Will {subject} {base_of_ing(m.group('verb').lower())} {_action(s, m.end())}?", m.start(), "not close")
            )
    if m := C.CLEAR_VIEWS.search(s):
        subject = _subject_before(s, m.start())
        rest = s[m.end() :].split(":", 1)[-1]
        rest = re.split(r"[;]|[.?!][”\"’]*\s*$|,\s+[a-z]+ing\b", rest)[0].strip(" .")
        matters = re.split(r",?\s+and\s+(?=(?:who|what|how|when|where|whether|which)\b)", rest)
        if subject:
            out.append(Raw(f"What is {subject}’s position on {matters[0].strip()}?", m.start(), "no clear views"))
        for wh in matters[1:]:
            wm = re.match(rf"({C.WH_WORDS})\s+(.*)", wh.strip(), re.I)
            if wm and (q := wh_question(wm.group(1), wm.group(2))):
                out.append(Raw(q, m.start(), "no clear views"))
    return out


def cue_demand(s: str, ctx: Context, k: int) -> list[Raw]:
    """A demand not known to be met: 'Blinken called on Israel to engage …' → 'Will Israel engage …?';
    'calls for an independent inquiry into X' → 'Will there be an independent inquiry into X?'. A
    pronoun in the demanded action stands for whoever made the demand."""
    out = []
    for m in list(C.DEMAND.finditer(s)) + list(C.DEMANDED_THAT.finditer(s)):
        who = m.group("who")
        if who.split()[0].lower() in C.ALL_PRONOUNS - {"them"} or who.lower() in ("them",):
            continue
        if re.search(r"\b(?:not|n[’']t|never|had)\s+(?:\w+\s+)?$", s[: m.start()]):
            continue  # a demand not made, or made before the news ("had urged")
        demander = subject_phrase(s[: m.start()] + " said") or _subject_before(s, m.start())
        action = f"{m.group('verb2')}{_action(s, m.end('verb2'))}"
        if demander:
            action = _own_pronouns(action, demander)
        out.append(Raw(f"Will {_definite(who)} {action}?", m.start(), "demand"))
    return out


def _own_pronouns(action: str, owner: str) -> str:
    """In a demanded action 'its', 'their' and 'them' are the demander's."""
    plural = _plural(owner)
    poss = owner + ("’" if owner.endswith("s") else "’s")
    action = re.sub(r"\bits\b" if not plural else r"\btheir\b", poss, action)
    if plural:
        action = re.sub(r"\bthem\b", owner, action)
    return action


def cue_unmet(s: str, ctx: Context, k: int) -> list[Raw]:
    """'So far, the engagement has been sorely lacking' after a demand in the sentence before."""
    if not C.UNMET.search(s) or not k:
        return []
    prev = ctx.sentences[k - 1].text
    return [Raw(r.question, 0, "demand unmet", True) for r in cue_demand(prev, ctx, k - 1)][:1]


CUES = (
    cue_embedded,
    cue_no_decision,
    cue_not_done,
    cue_unable,
    cue_no_indication,
    cue_unverified,
    cue_disputed,
    cue_counter_estimate,
    cue_pending,
    cue_feared,
    cue_conditional,
    cue_unmet,
    cue_demand,
)


# --- the extractor ---------------------------------------------------------------------------------


def _furniture(text: str, s: Sentence) -> bool:
    """A sentence on a caption, credit or widget line, or a headline without a full stop."""
    if on_furniture(text, s.start):
        return True
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    short = len(s.text.split()) < 15
    return short and not re.search(r"[.!?…][”\"’)]*\s*$", s.text.strip()) and line == s.text.strip()


def questions_of(
    text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...]
) -> list[tuple[Raw, int, Quote | None, str]]:
    """Every cue's question in text order, made to stand alone: (raw, sentence index, quote, question)."""
    ctx = Context(text, sentences, quotes)
    out = []
    last = len(text.rstrip())
    for k, s in enumerate(sentences):
        if s.text.rstrip('”"’ ').endswith("?"):
            continue
        body = s.text if "“" in s.text or '"' in s.text else _DASH_ASIDE.sub(" ", s.text)
        if s.end >= last and not re.search(r"[.!?…][”\"’)]*\s*$", body):
            body = _cut_off(body)  # an excerpt cut mid-sentence: keep what is whole
        raws = [raw for cue in CUES for raw in cue(body, ctx, k)]
        if not raws or _furniture(text, s):  # the cues first: most sentences have none
            continue
        asked: list[str] = []
        for raw in raws:
            pos = s.start + raw.at
            quote = ctx.quote_at(pos) or ctx.quote_at(pos + 1)
            question = make_stand_alone(_tidy(raw.question), ctx, pos, quote)
            if question and question not in asked and len(asked) < MAX_PER_SENTENCE:
                asked.append(question)
                out.append((raw, k, quote, question))
    return out


_DASH_ASIDE = re.compile(r"\s[–—]\s[^–—]{1,120}?\s[–—]\s")  # "preparations – including food and shelter – ahead of …"


def _cut_off(sentence: str) -> str:
    """A sentence cut off by the end of an excerpt, back to its last whole phrase."""
    m = list(re.finditer(r",\s|\s(?:and|or|but)\s", sentence))
    return sentence[: m[-1].start()] + "." if m else sentence


def _tidy(q: str) -> str:
    q = " ".join(q.split())
    q = re.sub(r"\s+([,?])", r"\1", q)
    q = re.sub(r",\?$", "?", q)
    if q.count("“") != q.count("”"):
        q = q.replace("“", "").replace("”", "")
    return q


_STEM_SUFFIX = re.compile(r"(?:ance|ment|ing|ed|es|s|ly)$")


def stems(text: str) -> set[str]:
    """Crude stems of the content words of a text, for telling whether two questions are one."""
    return {_STEM_SUFFIX.sub("", w) if len(w) > 4 else w for w in content_words(text)}


def same_matter(a: str, b: str) -> bool:
    """Whether two questions ask the same thing: the same question word, and most of the shorter one's stems in the other
    ('Can Israel completely destroy Hamas?' and 'Can Israel destroy Hamas and its leadership?')."""
    if a.split()[:1] != b.split()[:1]:
        return False  # "Will Israel engage …?" and "What is Israel's position …?" ask different things
    sa, sb = stems(a), stems(b)
    shared = len(sa & sb)
    return shared >= 3 and shared / max(1, min(len(sa), len(sb))) >= 0.6


def phrase_question(sentence: str) -> str | None:
    """The first question phrased from one sentence on its own, if any."""
    from generator.extract.sentences import sentences as split

    found = questions_of(sentence, split("t", sentence), ())
    return found[0][3] if found else None


class CueQuestions:
    """Find what each sentence flags as unknown, disputed or pending and phrase it as a question."""

    version = "cues-3"

    def extract(
        self, text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...] | None = None
    ) -> tuple[QuestionCandidate, ...]:
        """Return the question candidates of an article in text order; a matter raised twice is
        one candidate with both evidence sentences. quotes (the article's, with speakers) say who
        raised a question asked inside a quote."""
        if quotes is None:
            from generator.extract.quotes import extract_quotes

            quotes = extract_quotes(text, sentences)
        out: list[QuestionCandidate] = []
        for raw, k, quote, question in questions_of(text, sentences, quotes):
            s = sentences[k]
            chosen = (sentences[k - 1], s) if raw.uses_previous and k else (s,)
            evidence = tuple(Evidence(e.id, e.start, e.end, e.text) for e in chosen)
            raised_by = quote.speaker if quote is not None else None
            for i, earlier in enumerate(out):
                if same_matter(earlier.question, question):
                    added = tuple(e for e in evidence if e not in earlier.evidence)
                    out[i] = QuestionCandidate(
                        earlier.question, earlier.cue, earlier.evidence + added, raised_by=earlier.raised_by or raised_by
                    )
                    break
            else:
                out.append(QuestionCandidate(question, raw.cue, evidence, raised_by=raised_by))
        return tuple(out)
