"""Mentions of people and bodies in one article, linked into entities.

A mention is a stretch of text that can refer to someone who speaks: a name (with the title
written before it split off: "Defence Minister | Yoav Gallant"), a description ("the defence
minister", "a senior Hamas official", "the ministry", "the family", "the flier"), a pronoun, or a
transcript's speaker label ("PENCE:"). Mentions of one entity are linked within the article:

- a surname, or a title and a surname ("DM Gallant", "Mr. Morgan"), to the full name given
  anywhere in the article, before or after; transliterations and nicknames fold together;
- an acronym to the name it abbreviates ("Israel Defense Forces (IDF)");
- a description to the person or body introduced with that role or name ("the defence minister"
  to "Defence Minister Yoav Gallant", "the ministry" to "the Health Ministry"), to the name in
  apposition beside it ("Israel's defence minister, Yoav Gallant,"), or, for a document, to whose
  it is ("leaflets dropped by the IDF").

Pronouns stay unlinked here: which person a "he said" means is decided per quote, by the speaker
model. An entity is shown by its fullest name, with the role the article gives it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.extract.first_names import first_name_gender
from generator.extract.furniture import furniture_lines, on_furniture
from generator.extract.lexicon import (
    DETERMINERS,
    DOCUMENT_HEADS,
    GENERIC_BODY_HEADS,
    GENERIC_ROLE_HEADS,
    GROUP_HEADS,
    HEAD_SYNONYMS,
    KNOWN_ORGANISATIONS,
    NAME_PARTICLES,
    NICKNAMES,
    NOMINAL_HEADS,
    NOT_MODIFIERS,
    ORGANISATION_HEADS,
    OUTLET_WORDS,
    PERSON_HEADS,
    PLACE_WORDS,
    PLURAL_HEADS,
    ROLE_HEADS,
    STATE_BODY_WORDS,
    TITLE_WORDS,
)
from generator.extract.patterns import (
    HONORIFIC_GENDER,
    NAME_RE,
    NAME_TOKEN,
    NOT_NAME_WORDS,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    NOT_SPEAKER_LABELS,
    OFFICE_WORDS,
    PLACES,
    REPORTING_VERB_RE,
    ROLE_NOUNS,
    TITLE_TOKENS,
)

# Mention forms
NAME, NOMINAL, PRONOUN, LABEL = "name", "nominal", "pronoun", "label"
# Entity kinds
PERSON, ORGANISATION, GROUP, DOCUMENT, PLACE, UNKNOWN = "person", "organisation", "group", "document", "place", "unknown"

_BODY_WORDS = ORGANISATION_HEADS | NOT_PERSON_WORDS
REGION_PARAGRAPHS = 4  # paragraphs before a quote where its speaker's descriptions and pronouns are read
_NEWLINE = re.compile("\n")
FORWARD_REACH = 600  # characters: how far after a description its person's name may come
PRONOUN_FEATURES = {
    "he": ("m", False), "she": ("f", False), "they": (None, True), "it": (None, False),
    "we": (None, True), "i": (None, False),
}
# A capitalised run: name words joined by spaces, name particles ("Rasha al-Nahal"), or "of (the)",
# "for" and "and" inside the names of bodies ("Relief and Works Agency for Palestinian Refugees").
_NAME_RUN = re.compile(
    rf"{NAME_TOKEN}(?:(?:[ \t\xa0]+(?:(?:al|bin|ibn|abu|de|van|von|der|da|di|el|la|le|ben)[- ])?"
    rf"|[ \t\xa0]+(?:of|for|and)[ \t\xa0]+(?:the[ \t\xa0]+)?){NAME_TOKEN}){{0,9}}"
)
_PERSON_OF = re.compile(
    rf"^(?P<person>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+|{NAME_TOKEN}\s+)*?{NAME_TOKEN})\s+(?:of|for)\s+(?=[A-Z]|the\s)"
)
_INNER_POSSESSIVE = re.compile(r"[’']s\s+(?=[A-Z])")
_DATELINE_AFTER = re.compile(r"[,/]|\s*\(|\s+[—–-]\s|\s+[A-Z]{2,}")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|t|s)$")
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b(?![’'-])")
_REPORTING = re.compile(REPORTING_VERB_RE)
# What follows a description's head and belongs to it: "for the defence minister", "in Cairo",
# "involved in the mediation", "marching through the old town", "dropped by the army".
# What a time phrase opens with: "on Saturday", "in May", "at night", "by 2030".
_TIME_OBJECT = (
    r"(?:(?:early|late|last|next|this)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
    r"|July|August|September|October|November|December|today|tonight|yesterday|tomorrow|weekend|morning|afternoon"
    r"|evening|night|week|month|year|\d)\b"
)
_PP_AFTER = re.compile(
    r"^(?:\s+(?:involved|briefed|familiar|close|[a-z]{3,}ing|based|stationed|gathered|displaced)"
    r"(?=\s+(?:in|on|with|to|at|through|from|near|outside|along|into)\b)"
    r"|\s+(?:dropped|issued|released|published|signed|posted|sent|shared|circulated)(?=\s+by\b))?"
    r"\s+(?:of|for|at|in|with|from|to|on|by|through|near|outside|along|into|across)\s+(?:the\s+|[A-Z][\w]*[’']s\s+)?"
    rf"(?!{_TIME_OBJECT})"  # "the minister on Saturday": a time, not part of who they are
    r"(?P<what>(?:[A-Z][\w’'.-]*|[a-z][\w-]*)(?:\s+(?:of\s+|for\s+|the\s+)?(?:[A-Z][\w’'.-]*|[a-z][\w-]*)){0,4}?)"
    rf"(?=\s*(?:[,.;:)—–]|\s(?:{REPORTING_VERB_RE}|who|which|that|and|was|is|has|had|would|will)\b|$))"
)
_GROUP_OF = re.compile(r"\s+of\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,7}s?|[A-Z](?:\.[A-Z])+\.?)$")
_ACRONYM_DEFINED = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]{1,7})\)")
_AGE_AFTER = re.compile(r",\s*\d{1,3},")
_LABEL_RE = re.compile(r"\s*(?P<label>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
_NATIONALITY = re.compile(r"(?:i|ian|ese|ish|an|ean|ic)$")
_FOLD = str.maketrans({"’": "'", "‘": "'", "-": " ", "‐": " "})
_SKELETON_VOWELS = re.compile(r"[aeiouy]")
_ARTICLES = frozenset("al el".split())  # the Arabic article: never a name of its own
_HONORIFICS = frozenset("Mr. Mrs. Ms. Miss Dr. Mr Mrs Ms Dr Prof. Sir Dame Lord".split())
# Short titles written in headlines: "DM Gallant", "PM Netanyahu", "FM Katz".
_TITLE_ABBREVIATIONS = frozenset("PM DM FM VP CEO Gen Lt Col Maj Capt Sgt Adm Brig".split())
_BACK_TOKEN = re.compile(r"(?:[A-Z]\.)+|[\w’'-]+|[^\w\s]")
_PP_STARTS = frozenset(
    "of for at in with from to on by through near outside along into across involved briefed familiar close "
    "based stationed gathered displaced dropped issued released published signed posted sent shared circulated".split()
)
_KEEP_ED = frozenset({"retired", "united", "armed", "acting", "leading"})
_NUMBERS = frozenset("two three four five six seven eight nine ten".split())
_AMBIGUOUS_HEADS = frozenset("firm chief general official head principal senior".split())
_INDEFINITE = frozenset("a an one another some several many".split())
_LOCATIVES = frozenset("in from near at outside across into toward towards inside around between".split())
_NICKNAME_GAP = re.compile(r"\s+[“\"‘][A-Z][\w’'.-]*[”\"’]\s+")
_DASH_SPACE = re.compile(r"[\s-]+")
_APPOSED_AFTER = re.compile(r"^,\s*$")
_CAPITALS_AFTER = re.compile(r"\s+(?:[A-Z][\w.’'-]+\s+){0,3}[A-Z][\w’'-]+")
_POSSESSIVE_S = re.compile(r"[’']s\b")
_LOWER_NEXT = re.compile(r"\s+([a-z][\w-]*)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_FEMALE_HEADS = frozenset(
    "woman mother daughter sister wife aunt grandmother girl spokeswoman chairwoman queen princess congresswoman".split()
)
_MALE_HEADS = frozenset("man father son brother husband uncle grandfather boy spokesman chairman king prince congressman".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """Words of the text that can refer to a speaker."""

    start: int  # the referring words: a name without its title, the whole description, the pronoun
    end: int
    text: str
    form: str  # NAME, NOMINAL, PRONOUN or LABEL
    kind: str  # PERSON, ORGANISATION, GROUP, DOCUMENT, PLACE or UNKNOWN
    head: str  # lower case: a name's last word, a description's head noun, the pronoun itself
    phrase_start: int  # where the phrase opens, title, owner or determiner included
    phrase_end: int  # where it ends, a "for the Israeli military" complement included
    role: str | None = None  # a title written before a name, or the words of a description
    gender: str | None = None  # "m" or "f" when a first name, honorific or pronoun says so
    plural: bool = False
    quoted: bool = False  # inside quotation marks
    headline: bool = False  # on a headline line
    possessive: bool = False  # "Gallant's office": the name owns something
    definite: bool = False  # a description with "the", a possessive or a demonstrative


@dataclass(frozen=True, slots=True)
class Entity:
    """One person or body of the article with all its mentions."""

    name: str  # the fullest name, or the description when it has none
    kind: str
    role: str | None
    gender: str | None
    mentions: tuple[int, ...]  # indices into Discourse.mentions, in text order
    named: bool  # it has a proper name ("a senior official" has not)


@dataclass(frozen=True, slots=True)
class Discourse:
    """An article's mentions, their entities and where its sentences and paragraphs start."""

    text: str
    mentions: tuple[Mention, ...]
    entity_of: tuple[int, ...]  # per mention: its entity, or -1 (pronouns)
    entities: tuple[Entity, ...]
    starts: tuple[int, ...]  # mention starts, for bisect

    def entity(self, mention: int) -> Entity | None:
        """The entity a mention belongs to, if it was linked."""
        e = self.entity_of[mention]
        return self.entities[e] if e >= 0 else None

    def between(self, start: int, end: int) -> range:
        """Indices of the mentions that start in [start, end)."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


# --- words around a position ---------------------------------------------------------------------


def word_before(text: str, pos: int) -> tuple[str, int]:
    """The word (or mark) just before pos, lower-cased, and where it starts; '^' at a line start."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return "^", k
    end = k
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "’'-"):
        k -= 1
    if k == end:
        return text[k - 1], k - 1
    return text[k:end].lower(), k


def word_after(text: str, pos: int) -> tuple[str, int, int]:
    """The word (or mark) just after pos, lower-cased, with its start and end; '$' at a line end."""
    n = len(text)
    k = pos
    while k < n and text[k] in " \t":
        k += 1
    if k >= n or text[k] == "\n":
        return "$", k, k
    start = k
    while k < n and (text[k].isalpha() or text[k] in "’'-"):
        k += 1
    if k == start:
        return text[k], k, k + 1
    return text[start:k].lower(), start, k


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or before.endswith(("\n", ". ", "? ", "! ", "“", '"')) or before.strip() == ""


def _in_spans(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# --- names ----------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Case, accents, apostrophes and hyphens folded: 'António Al-Naja' → 'antonio al naja'."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@lru_cache(maxsize=8192)
def name_key(name: str) -> tuple[str, ...]:
    """The tokens that identify a name across spellings: particles dropped, nicknames and Arabic
    transliterations folded ('Abdullah Al Dardari' and 'Abdallah al-Dardari' give one key). A
    particle that opens a name is part of it ('Ben Smith', 'Abu Obeida'), an article ('al') never."""
    tokens = [t.strip(".'") for t in fold(name).split()]
    tokens = [t for k, t in enumerate(tokens) if t and (t not in NAME_PARTICLES or (k == 0 and t not in _ARTICLES))]
    out = []
    for t in tokens:
        t = NICKNAMES.get(t, t)
        out.append(_skeleton(t) if len(t) > 3 else t)
    return tuple(out)


def _skeleton(token: str) -> str:
    """The first letter, the consonants after it and a closing vowel: 'abdallah' and 'abdullah' →
    'abdllh', while 'maria' and 'mario', 'martin' and 'martina' stay apart."""
    return token[0] + _SKELETON_VOWELS.sub("", token[1:-1]) + token[-1] if len(token) > 1 else token


@lru_cache(maxsize=8192)
def split_name(run: str) -> tuple[str | None, str]:
    """Split 'Secretary of State Antony Blinken' into ('Secretary of State', 'Antony Blinken')."""
    tokens = run.split()
    while tokens and (tokens[0] in NOT_NAMES or tokens[0].lower() in NOT_NAME_WORDS):
        tokens = tokens[1:]
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in TITLE_TOKENS or tokens[i] in _TITLE_ABBREVIATIONS or tokens[i] in _HONORIFICS):
        i += 1
    later = [k for k in range(i, len(tokens) - 1) if tokens[k] in OFFICE_WORDS]
    if later:  # "South Carolina Democratic Party Chairman Jaime Harrison"
        i = later[-1] + 1
        while i < len(tokens) - 1 and tokens[i] in TITLE_TOKENS:
            i += 1
    while i > 0 and tokens[i - 1] in {"of", "the", "and", "for"}:
        i -= 1
    if len(tokens) - i >= 3 and first_name_gender(tokens[i] + " x") is None:
        # "UN Mike Waltz", "Defiant Yoav Gallant": the first first name after the opening word starts the name
        k = next((k for k in range(i + 1, len(tokens) - 1) if first_name_gender(tokens[k] + " x")), None)
        if k is not None:
            i = k
    return " ".join(tokens[:i]) or None, " ".join(tokens[i:])


def _title_gender(title: str | None) -> str | None:
    if not title:
        return None
    for word in title.split():
        if word in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[word]
    return None


def _name_kind(name: str, title: str | None, text: str, end: int, start: int) -> str:
    kind = _kind_of_name(name, title is not None)
    if kind != UNKNOWN:
        return kind
    if _AGE_AFTER.match(text, end):
        return PERSON  # "Hatem, 42,"
    if word_before(text, start)[0] in _LOCATIVES:
        return PLACE  # "a nurse from Bani Suheila", "near Wadi Gaza"
    return UNKNOWN


@lru_cache(maxsize=16384)
def _kind_of_name(name: str, titled: bool) -> str:
    """What a name's own words say it names."""
    tokens = name.split()
    lowered = {t.lower().strip(".’'") for t in tokens}
    if len(tokens) >= 2 and tokens[-1].lower() in PLACE_WORDS:
        return PLACE
    if lowered & NOT_PERSON_WORDS or lowered & ORGANISATION_HEADS or name in KNOWN_ORGANISATIONS:
        return ORGANISATION
    if len(tokens) == 1 and _ACRONYM.match(name) and name not in ("I", "A"):
        return ORGANISATION
    if all(t in PLACES for t in tokens):
        return PLACE
    if titled or first_name_gender(name + " x") or first_name_gender(name):
        return PERSON
    if len(tokens) >= 2 and tokens[-1].lower() in OUTLET_WORDS:
        return ORGANISATION
    return UNKNOWN


def _runs(text: str):
    """Capitalised runs as (start, end, owner, phrase start). A run is cut at a possessive inside it
    ("Israel’s | Foreign Ministry": the owner, then what it owns, whose phrase starts with the
    owner), at "and" between names that are not one body's ("Netanyahu and Gallant", but "Relief
    and Works Agency"), and at "of"/"for" after a person's name ("Mr. Okafor | of the Harbour
    Board", "Jane Doe | for Coastal Wire")."""
    for m in _NAME_RUN.finditer(text):
        run = m.group(0)
        if " " not in run:
            yield m.start(), m.end(), None, m.start()  # one word: nothing to cut
            continue
        pieces = [(m.start(), m.end())]
        if " and " in run and not set(run.lower().split()) & (ORGANISATION_HEADS | NOT_PERSON_WORDS):
            pieces, at = [], m.start()
            for part in run.split(" and "):
                pieces.append((at, at + len(part)))
                at += len(part) + 5
        cut = _PERSON_OF.match(run) if " of " in run or " for " in run else None
        if cut and not (first_name_gender(cut.group("person")) or cut.group("person").split()[0] in _HONORIFICS):
            cut = None  # "Secretary of State Antony Blinken", "Ministry of Health": one run
        if cut and len(pieces) == 1:
            rest = m.start() + cut.end()
            while text[rest : rest + 4] in ("the ", "The "):
                rest += 4
            pieces = [(m.start(), m.start() + cut.end("person")), (rest, m.end())]
        for s, e in pieces:
            owner, phrase = None, s
            for p in _INNER_POSSESSIVE.finditer(text, s, e) if "s " in text[s:e] else ():
                if all(w in TITLE_TOKENS for w in text[s : p.start()].split()) or " " not in text[p.end() : e].strip():
                    continue  # "Prime Minister’s Office", "Levant Children’s Fund": one body
                yield s, p.start() + 2, None, s
                owner, s = text[s : p.start() + 2], p.end()
            yield s, e, owner, phrase


def _role_before(text: str, start: int) -> str | None:
    """A role written in lower case just before a name: 'national security adviser Jake Sullivan',
    'pope Leo', 'Hamas official Basem Naim'."""
    word = word_before(text, start)[0]
    if word not in PERSON_HEADS and word not in ROLE_NOUNS:
        return None
    phrase_start, _ = _walk_back(text, start)
    words = text[phrase_start:start].split()
    if not words or words[-1].lower().strip(",") not in PERSON_HEADS | ROLE_NOUNS:
        return None
    return " ".join(words)


def _common_word(token: str, text: str, start: int, lower_words: frozenset[str]) -> bool:
    """A capitalised word that opens a sentence but is a common word: it is a description's head or
    a function word, or the article writes it in lower case elsewhere ("Photo", "Witnesses")."""
    low = token.lower()
    if low in NOMINAL_HEADS or low in DETERMINERS or low in NOT_MODIFIERS:
        return True
    if not _sentence_start(text, start) and not text[max(0, start - 2) : start].endswith(("\n", "(", "[")):
        return False
    if low.endswith(("ing", "ed", "ly")) and first_name_gender(token + " x") is None:
        return True  # "Recalling …", "Asked …", "Separately, …"
    return low in lower_words


def _is_modifier(token: str, after: str) -> bool:
    """'Israeli troops', 'Hamas fighters', 'UN official': a capitalised word before a description's head."""
    if not after[:1].isspace() or not after[1:2].islower():
        return False
    word = word_after(after, 0)[0]
    if word in NOMINAL_HEADS:
        return True
    # "Palestinian civilians", "Egyptian mediators": a nationality before a lower-case noun
    return bool(_NATIONALITY.search(token)) and token not in PLACES and word not in NOT_MODIFIERS and not word.endswith("ed")


def find_names(text: str, quoted: list[tuple[int, int]], headlines: list[tuple[int, int]], regions=None) -> list[Mention]:
    """Every capitalised name run, its title split off, as a NAME mention. Outside the regions
    given only runs of two words or more count: a full name there can still name a speaker."""
    qstarts = [s for s, _ in quoted]
    hstarts = [s for s, _ in headlines]
    rstarts = [s for s, _ in regions] if regions is not None else None
    lower_words = frozenset(_LOWER_WORD.findall(text))
    out = []
    held: list[tuple[int, int]] = []  # runs on headline lines, read once the body is known
    for start, run_end, owner, phrase_start in _runs(text):
        run = text[start:run_end]
        if rstarts is not None and " " not in run and not _in_spans(start, regions, rstarts):
            continue
        tokens = run.split()
        if _in_spans(start, headlines, hstarts) or (len(tokens) >= 3 and run.isupper()):
            held.append((start, run_end))  # "Glenn Beck Blasts Drudge", "RED STATES OUTNUMBER …"
            continue
        # sentence openers, numbers and weekday names are no part of a name
        while tokens and (tokens[0] in NOT_NAMES or tokens[0].lower() in NOT_NAME_WORDS or tokens[0].lower() in DETERMINERS):
            start = text.index(tokens[1], start + len(tokens[0])) if len(tokens) > 1 else run_end
            tokens = tokens[1:]
        if not tokens:
            continue
        end = run_end
        possessive = False
        if tokens[-1].endswith(("’s", "'s")):
            tokens[-1] = tokens[-1][:-2]
            end -= 2
            possessive = True
        elif tokens[-1].endswith("s’"):
            tokens[-1] = tokens[-1][:-1]
            end -= 1
            possessive = True
        while tokens and tokens[-1] in NOT_NAMES:
            end = start + len(" ".join(tokens[:-1])) if len(tokens) > 1 else start
            tokens = tokens[:-1]
        if not tokens:
            continue
        run = text[start:end]
        after = text[end : end + 40]
        if len(tokens) == 1 and (_is_modifier(tokens[0], after) or _common_word(tokens[0], text, start, lower_words)):
            continue  # "Israeli troops", "Hamas fighters": an adjective of a description; "Troops", "Photo"
        if any(_CONTRACTION.search(t) and not t.endswith("s") for t in tokens) or tokens[0] in _MONTHS:
            continue  # "I’m", "Oct"
        if run.isupper() and _DATELINE_AFTER.match(text, end) and _sentence_start(text, start):
            continue  # "DOHA, Qatar —", "KHAN YOUNIS (Reuters) –": a dateline
        joined = " ".join(tokens)
        if len(tokens) >= 2 and tokens[-1].lower() in _BODY_WORDS:
            title, name = None, joined  # "Foreign Ministry", "Israel Defense Forces": a body, no title to split
        else:
            title, name = split_name(joined)
        if not name or name in NOT_NAMES:
            continue
        name_start = start + run.rfind(name) if name in run else start
        # "Yoav Gallant of Israel", "Mr. Morgan of the Sierra Club": the person, then where from
        if " of " in name:
            left = name.split(" of ")[0]
            if title or first_name_gender(left) or " " in left:
                name = left
        name_end = name_start + len(name)
        if text[name_start:name_end] != name:
            name_start = text.find(name, start, end)
            if name_start < 0:
                continue
            name_end = name_start + len(name)
        if title is None and owner is None:
            title = _role_before(text, start)
        elif owner is not None and title:
            title = f"{owner} {title}"  # "Qatar’s Prime Minister"
        kind = _name_kind(name, title, text, name_end, phrase_start if owner else start)
        gender = _title_gender(title) or first_name_gender(name) if kind in (PERSON, UNKNOWN) else None
        out.append(
            Mention(
                start=name_start,
                end=name_end,
                text=name,
                form=NAME,
                kind=kind,
                head=fold(name.split()[-1]),
                phrase_start=phrase_start if owner else start,
                phrase_end=end + (2 if possessive else 0),
                role=title,
                gender=gender,
                plural=False,
                quoted=_in_spans(name_start, quoted, qstarts),
                headline=_in_spans(name_start, headlines, hstarts),
                possessive=possessive,
            )
        )
    out.extend(_headline_names(text, held, out, quoted, qstarts))
    return out


def _headline_names(text: str, held, body: list[Mention], quoted, qstarts) -> list[Mention]:
    """Names on a headline: a headline capitalises every word, so only words that name someone
    the body names count ("DM Marom", "Defiant Haddad": Marom, Haddad), as surnames."""
    known = {name_key(m.text)[-1]: m for m in body if m.kind in (PERSON, UNKNOWN, ORGANISATION) and name_key(m.text)}
    out = []
    for start, end in held:
        for w in re.finditer(r"[A-ZÀ-Þ][\w’'-]+", text[start:end]):
            word = w.group(0)
            possessive = word.endswith(("’s", "'s"))
            word = word[:-2] if possessive else word
            key = name_key(word)
            if not key or key[-1] not in known or word in NOT_NAMES:
                continue
            ref = known[key[-1]]
            at = start + w.start()
            out.append(Mention(at, at + len(word), word, NAME, ref.kind, fold(word), at, at + len(word),
                               None, None, False, _in_spans(at, quoted, qstarts), True, possessive))
    return out


def _merge_nicknames(text: str, names: list[Mention]) -> list[Mention]:
    """'Del. Marcia “Cia” Ruiz': a quoted nickname between two parts of one name makes one name."""
    names = sorted(names, key=lambda m: m.start)
    out: list[Mention] = []
    for m in names:
        if m.quoted and " " not in m.text and text[m.start - 1 : m.start] in "“\"‘" and text[m.end : m.end + 1] in "”\"’":
            continue  # the nickname itself
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in (PERSON, UNKNOWN)
            and not prev.possessive
            and _NICKNAME_GAP.fullmatch(text, prev.end, m.phrase_start)
        ):
            joined = f"{prev.text} {m.text}"
            out[-1] = replace(
                prev, end=m.end, text=joined, head=m.head, phrase_end=m.phrase_end, kind=PERSON,
                gender=prev.gender or first_name_gender(joined), possessive=m.possessive,
            )
            continue
        out.append(m)
    return out


# --- descriptions and pronouns ---------------------------------------------------------------------


def find_nominals(text: str, names: list[Mention], quoted, headlines, regions=None) -> list[Mention]:
    """Descriptions ending in a head noun that can speak: 'the defence minister', 'officials', and
    a role set beside a name ('Hisham Mhanna, spokesperson for the Red Cross')."""
    qstarts = [s for s, _ in quoted]
    hstarts = [s for s, _ in headlines]
    name_spans = sorted((n.phrase_start, n.end) for n in names)
    nstarts = [s for s, _ in name_spans]
    out = []
    toks = [(m.start(), m.group(0)) for m in _finditer(_BACK_TOKEN, text, regions)]
    heads = [k for k, (_, word) in enumerate(toks) if word.lower() in NOMINAL_HEADS]
    for k in heads:
        at, head = toks[k]
        low = head.lower()
        m = _Match(at, at + len(head))
        if _in_spans(m.start(), name_spans, nstarts):
            continue  # "Defence Minister Yoav Gallant": a title, part of the name
        after = text[m.end() : m.end() + 60]
        if _CAPITALS_AFTER.match(after) and head[0].islower() and low in PERSON_HEADS:
            if NAME_RE.match(after.lstrip()) and not after.startswith(","):
                continue  # "Hamas official Basem Naim": a role written before a name
        if head[0].isupper() and low not in GROUP_HEADS and not _sentence_start(text, m.start()):
            continue  # "Minister", "Office" inside a capitalised name the name finder split
        if _POSSESSIVE_S.match(after) and low not in ORGANISATION_HEADS:
            continue  # "the minister's office": the owner, not the speaker
        if after[:1] == "-" or text[m.start() - 1 : m.start()] == "-":
            continue  # "minister-designate", "ex-minister" stay in their compound
        nxt = _LOWER_NEXT.match(after)
        if nxt and nxt.group(1) in NOMINAL_HEADS:
            continue  # "the militant group", "health officials": the next noun is the head
        if low in _AMBIGUOUS_HEADS and not _ends_phrase(text, m.end()):
            continue  # "the movement’s firm position", "chief negotiator": an adjective here
        plural = low in PLURAL_HEADS or (low.endswith("s") and low[:-1] in NOMINAL_HEADS)
        start, determiner = _walk_back_tokens(text, toks, k, plural)
        apposed = text[max(0, start - 2) : start] == ", " and low in PERSON_HEADS
        # "Sderot municipality said": a body named by the place it belongs to, with no article
        proper = low in ORGANISATION_HEADS and start < m.start() and text[start : start + 1].isupper()
        if determiner is None and not plural and not apposed and not proper:
            continue  # a bare singular noun ("minister") is no mention, unless set beside a name
        end = m.end()
        follower = word_after(text, end)[0]
        pp = _PP_AFTER.match(text[end : end + 80]) if follower in _PP_STARTS or follower.endswith("ing") else None
        phrase_end = end
        group_of = _GROUP_OF.match(text, end) if low in ("group", "delegation", "team", "crowd") else None
        if group_of:
            phrase_end = group_of.end()  # "a group of teenagers"
        elif pp and low in PERSON_HEADS | GROUP_HEADS | DOCUMENT_HEADS and not pp.group(0).strip().startswith("speaking"):
            phrase_end = end + pp.end()
        kind = (
            GROUP if group_of
            else DOCUMENT if low in DOCUMENT_HEADS
            else ORGANISATION if low in ORGANISATION_HEADS
            else GROUP if low in GROUP_HEADS
            else PERSON
        )
        out.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                form=NOMINAL,
                kind=kind,
                head=low,
                phrase_start=start,
                phrase_end=phrase_end,
                role=text[start:phrase_end],
                gender=_head_gender(low),
                plural=plural,
                quoted=_in_spans(start, quoted, qstarts),
                headline=_in_spans(start, headlines, hstarts),
                definite=determiner is not None and determiner.lower() not in _INDEFINITE,
            )
        )
    return out


def _head_gender(head: str) -> str | None:
    return "f" if head in _FEMALE_HEADS else "m" if head in _MALE_HEADS else None


def _ends_phrase(text: str, pos: int) -> bool:
    """Whether a noun at pos ends its phrase: punctuation, a function word or a verb follows."""
    word, _, _ = word_after(text, pos)
    return not word[:1].isalpha() or word in NOT_MODIFIERS or word.endswith(("ed", "s")) or _REPORTING.fullmatch(word) is not None


class _Match:
    """Where a head noun stands, as a regex match would say."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int):
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _walk_back_tokens(text: str, toks: list[tuple[int, str]], k: int, plural: bool) -> tuple[int, str | None]:
    """From the head noun toks[k] back over its modifiers to a determiner (see _walk_back), over
    the article's tokens already found."""
    head_start = toks[k][0]
    start = head_start
    edge = head_start
    for j in range(k - 1, max(-1, k - 7), -1):
        at, word = toks[j]
        if "\n" in text[at + len(word) : edge] or head_start - at > 80:
            break
        if not (word[0].isalnum() or word[0] in "’'"):
            break  # punctuation between words ends the phrase
        low = word.lower()
        if low in DETERMINERS and (plural or low not in _NUMBERS):
            return at, word
        if word[0].isupper() and (word.endswith("’s") or word.endswith("'s")):
            for i in range(j - 1, max(-1, j - 4), -1):  # "State Department’s", "the Health Ministry’s"
                p_at, prev = toks[i]
                if "\n" in text[p_at + len(prev) : at]:
                    break
                if prev[:1].isupper() and prev.lower() not in DETERMINERS:
                    at = p_at
                elif prev.lower() == "the":
                    at = p_at
                    break
                else:
                    break
            return at, word
        if low in NOT_MODIFIERS or (low.endswith(("ed", "ing")) and not word[0].isupper() and low not in _KEEP_ED):
            break
        start = at
        edge = at
    return start, None


def _walk_back(text: str, head_start: int, plural: bool = False) -> tuple[int, str | None]:
    """From a head noun back over its modifiers to a determiner: (phrase start, determiner). A
    number is a determiner only of a plural ("two officials", not "number two official"); a
    possessive name is one with all its words ("the State Department’s number two official")."""
    lo = max(0, head_start - 80)
    toks = [(m.start(), m.group()) for m in _BACK_TOKEN.finditer(text, lo, head_start)]
    return _walk_back_tokens(text, [*toks, (head_start, "")], len(toks), plural)


def find_pronouns(text: str, quoted, headlines, regions=None) -> list[Mention]:
    """He, she, they, it, we and I outside quotation marks."""
    qstarts = [s for s, _ in quoted]
    out = []
    for m in _finditer(_PRONOUN_RE, text, regions):
        if _in_spans(m.start(), quoted, qstarts):
            continue
        low = m.group(0).lower()
        gender, plural = PRONOUN_FEATURES[low]
        kind = PERSON if low in ("he", "she", "i") else UNKNOWN
        out.append(Mention(m.start(), m.end(), m.group(0), PRONOUN, kind, low, m.start(), m.end(), None, gender, plural))
    return out


def find_labels(text: str, quote_spans: list[tuple[int, int]]) -> list[Mention]:
    """'"PENCE: Well, look, …': a transcript's speaker label opening a quote."""
    out = []
    for start, _end in quote_spans:
        m = _LABEL_RE.match(text, start + 1, min(len(text), start + 60))
        if not m or any(w.strip("'’.") in NOT_SPEAKER_LABELS for w in m.group("label").split()):
            continue
        label = m.group("label")
        s = m.start("label")
        head = fold(label.split()[-1])
        out.append(Mention(s, s + len(label), label, LABEL, PERSON, head, s, s + len(label) + 1, None, None, False, True))
    return out


# --- linking ----------------------------------------------------------------------------------------


def _finditer(pattern: re.Pattern, text: str, regions):
    """Matches of pattern in text, or only inside the regions given."""
    if regions is None:
        yield from pattern.finditer(text)
        return
    for start, end in regions:
        yield from pattern.finditer(text, start, end)


def quote_regions(text: str, quote_spans: list[tuple[int, int]], before: int = REGION_PARAGRAPHS) -> list[tuple[int, int]]:
    """The stretches where speakers are looked for: each quote's paragraph and the paragraphs
    before it (descriptions and pronouns elsewhere can speak for no quote)."""
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    out: list[tuple[int, int]] = []
    for open_at, _ in sorted(quote_spans):
        p = bisect.bisect_right(starts, open_at) - 1
        lo = starts[max(0, p - before)]
        nxt = text.find("\n", open_at)
        hi = len(text) if nxt < 0 else nxt
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def analyse(
    text: str, quote_spans: list[tuple[int, int]], headlines: list[tuple[int, int]], regions: list[tuple[int, int]] | None = None
) -> Discourse:
    """Find the mentions of text and link them into entities. Names are found everywhere (a full
    name may come long before its surname); descriptions and pronouns only in the regions given.
    Nothing on a line of page furniture is a mention: "… in Gaza Strip. Picture: Getty" names no one."""
    quoted = sorted(quote_spans)
    names = find_names(text, quoted, headlines, regions)
    nominals = find_nominals(text, names, quoted, headlines, regions)
    names = _outside(names, nominals)
    labels = find_labels(text, quoted)
    labelled = {m.start for m in labels}
    names = _merge_nicknames(text, [n for n in names if n.start not in labelled])
    pronouns = find_pronouns(text, quoted, headlines, regions)
    mentions = sorted(names + nominals + pronouns + labels, key=lambda m: (m.start, -m.end))
    if furniture_lines(text):
        mentions = [m for m in mentions if not on_furniture(text, m.start)]
    entity_of, entities = link(text, mentions)
    return Discourse(text, tuple(mentions), tuple(entity_of), tuple(entities), tuple(m.start for m in mentions))


def _outside(names: list[Mention], nominals: list[Mention]) -> list[Mention]:
    """The names that do not start inside a nominal phrase (which then holds them)."""
    spans = sorted((d.start, d.end) for d in nominals)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far
    out = []
    for n in names:
        k = bisect.bisect_right(starts, n.start)
        if not (k and reach[k - 1] > n.start):
            out.append(n)
    return out


class _Draft:
    """An entity while mentions are being linked to it."""

    __slots__ = ("kind", "keys", "members", "roles", "gender", "named", "_words")

    def __init__(self, kind: str, named: bool):
        self.kind, self.named = kind, named
        self.keys: list[tuple[str, ...]] = []
        self.members: list[int] = []
        self.roles: list[str] = []
        self.gender: str | None = None
        self._words: tuple[int, set[str]] = (0, set())

    def name_words(self, mentions: list[Mention]) -> set[str]:
        """The lower-cased words of its mentions (worked out again only when a mention joins)."""
        if self._words[0] != len(self.members):
            words = {w.lower() for j in self.members for w in _DASH_SPACE.split(mentions[j].text)}
            self._words = (len(self.members), words)
        return self._words[1]


def link(text: str, mentions: list[Mention]) -> tuple[list[int], list[Entity]]:
    """Group mentions into entities: names by their keys, acronyms by expansion, descriptions by role."""
    drafts: list[_Draft] = []
    entity_of = [-1] * len(mentions)
    by_last: dict[str, list[int]] = {}  # a full name's last word → its entities
    by_word: dict[str, list[int]] = {}  # the words a single name may match → entities
    initials: dict[str, list[int]] = {}  # "IDF" → the entity of "Israel Defense Forces"
    # 1. full names (two words or more), in text order: one entity per person or body
    for i, m in enumerate(mentions):
        if m.form not in (NAME, LABEL) or len(m.text.split()) < 2 or _descriptor_first(m):
            continue
        key = name_key(m.text)
        target = next((k for k in by_last.get(key[-1], ()) if _same_full_name(key, drafts[k])), None) if key else None
        if target is None:
            drafts.append(_Draft(m.kind, True))
            target = len(drafts) - 1
        _join(drafts[target], i, m, key)
        entity_of[i] = target
        if key:
            if target not in by_last.setdefault(key[-1], []):
                by_last[key[-1]].append(target)
            _index_words(by_word, key, target)
        capitals = [w for w in m.text.split() if w[:1].isupper()]
        if len(capitals) >= 2:
            initials.setdefault("".join(w[0] for w in capitals).upper(), []).append(target)
        acr = _ACRONYM_DEFINED.match(text, m.phrase_end if not m.possessive else m.end)
        if acr:
            initials.setdefault(acr.group("acr").upper(), []).insert(0, target)
    # 2. single names, labels and acronyms: to a full name with that last word (nearest before,
    #    else the first after), to the body an acronym abbreviates, else an entity of their own
    for i, m in enumerate(mentions):
        if m.form not in (NAME, LABEL) or entity_of[i] >= 0:
            continue
        key = name_key(m.text.split()[-1] if _descriptor_first(m) else m.text)
        target = _single_target(mentions, i, drafts, by_word, initials, key)
        if target is None:
            drafts.append(_Draft(m.kind, True))
            target = len(drafts) - 1
            if key:
                _index_words(by_word, key, target)
        _join(drafts[target], i, m, key)
        entity_of[i] = target
    # 3. appositions: "Israel's defence minister, Yoav Gallant," and "Yoav Gallant, the minister,"
    for i, m in enumerate(mentions):
        if m.form != NOMINAL:
            continue
        partner = _apposed(text, mentions, i)
        if partner is not None and entity_of[partner] >= 0:
            entity_of[i] = entity_of[partner]
            _join(drafts[entity_of[i]], i, m, None)
    # 4. other descriptions: to the entity introduced with that role or name, else their own
    for i, m in enumerate(mentions):
        if m.form != NOMINAL or entity_of[i] >= 0:
            continue
        target = None
        if i > 0 and m.kind == PERSON and not m.plural:
            prev = mentions[i - 1]  # "The UN official, a former deputy prime minister of Syria,"
            if prev.form == NOMINAL and prev.kind == PERSON and _APPOSED_AFTER.match(text[prev.phrase_end : m.phrase_start]):
                target = entity_of[i - 1] if entity_of[i - 1] >= 0 else None
        if target is None and (m.definite and not m.plural or m.kind == DOCUMENT):
            target = _described_target(mentions, i, drafts)
        if target is None and m.kind == DOCUMENT:
            target = _owner(mentions, i, entity_of)  # "a statement from Hamas", "leaflets dropped by the army"
        if target is None:
            drafts.append(_Draft(m.kind, False))
            target = len(drafts) - 1
        _join(drafts[target], i, m, None)
        entity_of[i] = target
    return entity_of, [_finish(d, mentions, text) for d in drafts]


def _owner(mentions: list[Mention], i: int, entity_of: list[int]) -> int | None:
    """Whose a document is, when its own phrase says: the body or person named inside it."""
    m = mentions[i]
    for j in range(i + 1, min(len(mentions), i + 6)):
        o = mentions[j]
        if o.start >= m.phrase_end:
            break
        if o.form in (NAME, NOMINAL) and o.kind in (PERSON, ORGANISATION, GROUP, UNKNOWN) and entity_of[j] >= 0:
            return entity_of[j]
    return None


def _join(d: _Draft, i: int, m: Mention, key: tuple[str, ...] | None) -> None:
    d.members.append(i)
    if key:
        d.keys.append(key)
    if m.role and m.form in (NAME, NOMINAL):
        d.roles.append(m.role)
    if m.gender and d.gender is None and m.form != PRONOUN:
        d.gender = m.gender
    if d.kind == UNKNOWN and m.kind not in (UNKNOWN, PLACE):
        d.kind = m.kind
    elif d.kind == PLACE and m.kind == ORGANISATION:
        d.kind = ORGANISATION


def _same_full_name(key: tuple[str, ...], d: _Draft) -> bool:
    """Two full names of one person: same last word, and the first words agree or one is absent."""
    for other in d.keys:
        if len(other) < 2:
            continue
        if key == other:
            return True
        if key[-1] != other[-1]:
            continue
        short, long_ = sorted((key, other), key=len)
        if set(short) <= set(long_) and short[0] == long_[0]:
            return True  # "Joseph R Biden" and "Joseph Biden"
        if short[0] == long_[0] or (len(short[0]) == 1 and long_[0].startswith(short[0])):
            return True
        if len(short) == len(long_) == 2 and short[0] != long_[0]:
            return False  # "Hillary Clinton" is not "Bill Clinton"
    return False


def _descriptor_first(m: Mention) -> bool:
    """'Defiant Haddad' on a headline, 'Beleaguered Netanyahu': a word before a surname that is no
    first name, written in capitals only because the headline is."""
    words = m.text.split()
    return m.headline and len(words) == 2 and first_name_gender(m.text) is None and not words[0].isupper()


def _single_target(
    mentions: list[Mention],
    i: int,
    drafts: list[_Draft],
    by_word: dict[str, list[int]],
    initials: dict[str, list[int]],
    key: tuple[str, ...],
) -> int | None:
    m = mentions[i]
    if not key:
        return None
    for k in initials.get(m.text.replace(".", "").rstrip("s").upper(), ()) if _ACRONYM.match(m.text) else ():
        return k  # "IDF" abbreviates "Israel Defense Forces"
    scored = []
    options = by_word.get(key[-1], [])
    if not options and len(key) == 1 and first_name_gender(m.text + " x"):
        # "Fadi" after "Fadi Hamdan": a first name alone, when one full name of the article begins with it
        firsts = [k for k, d in enumerate(drafts) if d.named and any(len(o) >= 2 and o[0] == key[0] for o in d.keys)]
        options = firsts if len(firsts) == 1 else []
    for k in options:
        d = drafts[k]
        if m.kind == PERSON and d.kind not in (PERSON, UNKNOWN) or m.gender and d.gender and m.gender != d.gender:
            continue
        positions = [mentions[j].start for j in d.members]
        before = [p for p in positions if p < m.start]
        # nearest full name before the mention, else the first one after it
        scored.append((0 if before else 1, (m.start - max(before)) if before else (min(positions) - m.start), k))
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[0][0] == scored[1][0] == 1:
        return None  # two people of that surname, both named only later: say nothing
    return scored[0][2]


def _index_words(by_word: dict[str, list[int]], key: tuple[str, ...], k: int) -> None:
    """Index a name's last word, and the inner words of long Arabic names ('Mohammed bin Abdulrahman
    Al-Thani' is also 'Al-Thani'), under the entity k."""
    words = {key[-1]} | (set(key[1:]) if len(key) >= 3 else set())
    for w in words:
        if k not in by_word.setdefault(w, []):
            by_word[w].append(k)


def _apposed(text: str, mentions: list[Mention], i: int) -> int | None:
    """The name beside a description, set off by a comma: 'Israel's defence minister, Yoav Gallant,'
    or 'Yoav Gallant, the defence minister,'."""
    m = mentions[i]
    if m.plural:
        return None
    if i + 1 < len(mentions):
        nxt = mentions[i + 1]
        if nxt.form == NAME and _APPOSED_AFTER.match(text[m.phrase_end : nxt.phrase_start]) and nxt.kind in (PERSON, UNKNOWN):
            return i + 1
    if i > 0:
        prev = mentions[i - 1]
        if prev.form == NAME and _APPOSED_AFTER.match(text[prev.phrase_end : m.phrase_start]) and prev.kind in (PERSON, UNKNOWN):
            if m.kind == PERSON:
                return i - 1
    return None


@lru_cache(maxsize=8192)
def _role_words(role: str) -> frozenset[str]:
    words = {w.lower().strip("’'.,") for w in _DASH_SPACE.split(role)}
    words = {w[:-2] if w.endswith(("’s", "'s")) else w for w in words}
    words = {TITLE_WORDS.get(w, w) for w in words}  # "Maj. Gen." says "general"
    return frozenset(w for w in words if w and w not in DETERMINERS and w not in NOT_MODIFIERS)


def _same_stem_in(word: str, words: set[str]) -> bool:
    """Whether words hold word or a form of it: "israeli" and "israel", "palestinian" and "palestine"."""
    if word in words:
        return True
    for w in words:
        n = min(len(w), len(word))
        if n >= 4 and w[: n - 1] == word[: n - 1]:
            return True
    return False


def _described_target(mentions: list[Mention], i: int, drafts: list[_Draft]) -> int | None:
    """The entity a definite description refers to: one introduced with those role words, for
    people; one whose name holds the head noun (or a word for the same kind of body), for bodies
    and documents; an earlier description with the same head."""
    m = mentions[i]
    head = m.head
    wanted = {head, *HEAD_SYNONYMS.get(head, ())}
    mods = _role_words(m.text) - {head} - {"senior", "top", "former", "new", "current", "then", "own"}
    best: tuple[int, int] | None = None
    for k, d in enumerate(drafts):
        if not d.members:
            continue
        if not d.named:
            # "the military" after "the Israeli military", "the official" after "a U.S. official
            # travelling with the envoy", "the leaflets" after "Leaflets dropped by the IDF"
            if d.kind != m.kind or mentions[d.members[0]].head not in wanted | {head + "s", head.rstrip("s")}:
                continue
            if mods and not all(_same_stem_in(w, d.name_words(mentions)) for w in mods):
                continue  # "the Israeli military" is not the "Hamas military" mentioned before
        elif m.kind == PERSON:
            if d.kind not in (PERSON, UNKNOWN) or (m.gender and d.gender and m.gender != d.gender):
                continue
            words = set().union(*(_role_words(r) for r in d.roles)) if d.roles else set()
            # "the UN official": a generic head, so the modifiers must be in the role ("UN Development
            # Programme regional director")
            generic = head in GENERIC_ROLE_HEADS and bool(mods) and bool(words)
            if not (words & wanted or generic) or not mods <= words | {w for key in d.keys for w in key}:
                continue
        elif m.kind == ORGANISATION:
            if d.kind not in (ORGANISATION, UNKNOWN):
                continue
            name_words = d.name_words(mentions)
            if not (name_words & wanted):
                generic = head in GENERIC_BODY_HEADS and d.kind == ORGANISATION
                if not generic or name_words & STATE_BODY_WORDS:
                    continue  # "the group" is a body that is not an organ of a state
            if d.named and not all(_same_stem_in(w, name_words) for w in mods):
                continue  # "the Israeli military" is not "Hamas military"; "the Israeli army" may be "Israel's army"
        elif m.kind == GROUP:
            if d.kind != GROUP or head not in {mentions[j].head for j in d.members}:
                continue
        elif m.kind == DOCUMENT:
            # "the report" after "the Integrated Hunger Review"
            if d.kind == PERSON:
                continue
            name_words = d.name_words(mentions)
            if not name_words & wanted:
                continue
        else:
            continue
        positions = [mentions[j].start for j in d.members if mentions[j].start < m.start]
        if positions:
            distance = m.start - max(positions)
        elif m.kind == PERSON and d.named and min(mentions[j].start for j in d.members) - m.start <= FORWARD_REACH:
            # "the UN spokeswoman told reporters …" with "UN spokeswoman Ingrid Solheim" a little later
            distance = FORWARD_REACH + min(mentions[j].start for j in d.members) - m.start
        else:
            continue  # a body named only later is another matter
        if best is None or distance < best[0]:
            best = (distance, k)
    return best[1] if best else None


def _finish(d: _Draft, mentions: list[Mention], text: str) -> Entity:
    members = tuple(sorted(d.members, key=lambda j: mentions[j].start))
    if d.named:
        name = display_name([mentions[j] for j in members if mentions[j].form in (NAME, LABEL)])
    else:
        first = mentions[members[0]]
        name = _description_name(text[first.start : first.phrase_end])
    role = _best_role(d.roles, name) if d.kind in (PERSON, UNKNOWN) or not d.named else None
    kind = d.kind
    if kind == UNKNOWN and d.named and any(mentions[j].kind == PERSON for j in members):
        kind = PERSON
    return Entity(name, kind, role, d.gender, members, d.named)


def display_name(names: list[Mention]) -> str:
    """The fullest form of a name: the most words, body text before headlines, a first name
    rather than a descriptor ('Benjamin Netanyahu', not 'Defiant Netanyahu')."""

    def rank(m: Mention) -> tuple:
        words = m.text.split()
        first_known = first_name_gender(m.text) is not None or len(words) > 2
        return (not m.headline, first_known or len(words) == 1, len(words), -m.start)

    best = max(names, key=rank)
    return best.text if best.form == NAME else " ".join(w.capitalize() for w in best.text.split())


_POSSESSIVE_PRONOUNS = frozenset("his her its their our my your".split())


def _description_name(words: str) -> str:
    """A description as written, its determiner in lower case: 'The mayor' → 'the mayor'; a
    possessive pronoun, which means nothing away from its sentence, becomes 'the': 'its 20-point
    plan' → 'the 20-point plan'."""
    first, _, rest = words.partition(" ")
    if rest and first.lower() in _POSSESSIVE_PRONOUNS:
        return f"the {rest}"
    return f"{first.lower()} {rest}" if rest and first.lower() in DETERMINERS else words


def _best_role(roles: list[str], name: str) -> str | None:
    """The role to show: a noun phrase naming an office ('Israeli military spokesman') before a bare
    rank or title ('Lt. Col.'), never 'one man' nor a fragment."""
    offices, titles = [], []
    for role in roles:
        role = _LEADING_ARTICLE.sub("", role.strip(" ,.;"))
        words = role.split()
        if not words or role == name or words[0].lower() in NOT_MODIFIERS or role in _HONORIFICS:
            continue
        if words[0].lower() in DETERMINERS and not words[0][0].isupper():
            continue  # "one man", "two officials"
        if any(part in ROLE_HEADS for w in words[:6] for part in w.lower().rstrip(",").split("-")):
            offices.append(role)
        elif any(w in TITLE_TOKENS and w not in _HONORIFICS and w not in {"of", "the", "and", "for"} for w in words):
            titles.append(role)
    # a description of two words or more says more than a one-word title ("Envoy")
    offices.sort(key=lambda r: len(r.split()) < 2)
    best = offices or titles
    return best[0] if best else None
