"""Direct and partial quotations with their speakers.

Spans come from paired quote marks (curly, straight, or the '' pairs of archive text); a paragraph
that opens a quote without closing it runs on to the next. The speaker is decided by an ordered
chain of small functions: the quote's own sentence (a transcript's "PENCE:" label, a "― Name"
credit line, an attribution after the quote, then one before it), the quote right after it, the
continuation of the previous quote, a pronoun resolved to the latest person of a compatible sex
named as a speaker or as the subject of a clause, or nobody.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from generator.extract.first_names import first_name_gender
from generator.extract.patterns import (
    GROUP_NOUNS,
    HONORIFIC_GENDER,
    MEDIA_AFTER,
    MEDIA_BEFORE,
    NAME_RE,
    NOT_NAME_WORDS,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    NOT_SPEAKER_LABELS,
    NOT_SPEECH_ED,
    OFFICE_WORDS,
    PARTICIPLE_RE,
    PLACES,
    POSSESSIVE_BEFORE,
    PRONOUNS,
    ROLE_NOUNS,
    SCARE_PRECEDERS,
    SOURCE_NOUNS,
    SPEECH_VERB_RE,
    SPEECH_VERBS,
    SUBJECT_PHRASE_WORDS,
    TITLE_TOKENS,
)
from generator.extract.sentences import ABBREVIATIONS
from generator.model import Quote, Sentence

MAX_UNATTRIBUTED_PHRASE = 4  # words
_SMALL_WORDS = frozenset("a an the of and or to in on at for by with from as is it".split())
_STOPWORDS = frozenset(
    "the a an this that these those one two and or but said says told of to in on at for by with "
    "from as who which while when after before according".split()
)
_NAME = NAME_RE.pattern
_ADVERB_WORD = r"(?:also|later|then|once|still|often|simply|recently|previously|repeatedly|further|again|[a-z]+ly)"
_ANY_VERB = rf"(?:{SPEECH_VERB_RE}|[a-z]{{3,}}ed)"  # in the slot right after a quote, any past tense
_PRONOUN = r"(?:he|she|they|it|He|She|They|It)"
_DETERMINER = (
    r"(?:a|an|the|one|another|two|three|four|some|several|many|most|other|this|that|these|those|his|her|"
    r"their|its|our|my|your|A|An|The|One|Another|Two|Three|Some|Several|Many|Most|Other|This|That|These|"
    r"Those|His|Her|Their|Its|Our|My|Your)"
)
_NOMINAL = rf"{_DETERMINER}(?:,?\s+[\w’'.&-]+){{1,7}}?"
_NOMINAL_END = r"(?=\s*(?:[,.;:)]|$)|\s+(?:who|which|that|on|in|at|during|after|before|when|of|from|to|for)\b)"
_POSSESSIVE_NOMINAL = rf"{_NAME}[’']s(?:\s+[a-z][\w-]*){{1,2}}"
# ", 58," (an age) and ", the mayor of X," (an appositive) after a name
_APPOSITIVE = r"(?:,\s*\d{1,3}\s*(?=,))?(?:,\s*(?P<appos>[^,“”\"]{2,100}?(?:,\s*[A-Z][\w.]*\.?)?),)?"
_INTRO = re.compile(
    r"^(?:(?:In|On|At|After|Before|During|When|While|Since|As|Meanwhile|Later|Earlier|Still|But|And|Yet|So|"
    r"However|Asked|Speaking|Last|This|Earlier|Then|Of|For|To|With|About|From|Unlike|Like|Despite|Among|"
    r"Under|Without|Regarding|Told|Pressed|Outside|Inside|Across|Within|Beyond|Near|Around|Along|Amid|"
    r"Amidst|Throughout|Behind|Upon|Toward|Towards|Following|Ahead|Instead|Now|Here|There|Recently|Today|"
    r"Yesterday|[A-Z][a-z]+ly)\b[^,]{0,80},\s*)"
)
_EXCERPT_INTRO = re.compile(r"[”\"],?\s*by\s+[^“”\":]{1,60}:\s*$")
_NAME_END = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.)\s$")
_NAME_START = re.compile(r"^\s[A-Z][a-z]")
_RELATIVE_TAIL = re.compile(
    r"^[^,;:!?“”\"]+?\s(?:who|that)\s[^;:!?“”\"]+?(?=\s*(?:[;:!?“”\"]|,\s*(?:and|but|saying|adding)\b|$))"
)
_PARENTHETICAL = re.compile(r"\s*\((?:[^()“”\"]{1,40})\)")  # "(R-Fla.)", "(D-Mo.)"
_AFTER_VERB_BREAK = re.compile(r"\s*[,;:!?(]\s*|\s+(?:who|which|whose|when|after|before|during|in an?|on|at)\s+")
_CLAUSE_OPENERS = re.compile(r"(?:^|[.;:!?]\s+|,\s+(?:but|and|while|as|though|although|because|so|yet)\s+)")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,“”\"]*,")
_CLAUSE_BREAK = re.compile(r"[;:.!?]\s|\s[―—–]\s|[―—]")

_TRAILING_ADVERBS = re.compile(rf"(?:\s+{_ADVERB_WORD})+$")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|as|while|when)\s+", re.I)
_NOMINAL_FULL = re.compile(rf"{_NOMINAL}|{_POSSESSIVE_NOMINAL}")
_PRONOUN_START = re.compile(rf"^{_PRONOUN}\b")
_DETERMINER_START = re.compile(rf"{_DETERMINER}\s")
_ENDS_WITH_VERB = re.compile(rf"(?:{SPEECH_VERB_RE}|{PARTICIPLE_RE})$")
_VERB_FIRST = re.compile(rf"^(?P<verb>{_ANY_VERB})\b\s*")
_FIRST_VERB = re.compile(rf"\s(?P<verb>{_ANY_VERB})\b")
_LISTED_VERB = re.compile(rf"\b(?P<verb>{SPEECH_VERB_RE})\b")
_THE_NAME = re.compile(rf"(?P<nom>(?:the|The)\s+{_NAME})\b")
_NOMINAL_BE = re.compile(rf"(?P<nom>{_NOMINAL})\s+(?:is|was|has|had|were|are)\b")
_VERB_FIRST_INTRO = re.compile(rf"(?:^|[.!?]\s+)(?:{SPEECH_VERB_RE.title()}|Says|Said)\s+(?P<rest>[^:“”\"]+):\s*$")
_LEADING_TAIL = r"(?:\s+[\w’']+){0,3})\s*[:,]?\s*$"
_LEADING = re.compile(
    rf"(?:\b(?P<verb>{SPEECH_VERB_RE})\b[^“”\"]{{0,90}}?|,\s*(?:while\s+|before\s+|after\s+)?(?P<part>{PARTICIPLE_RE})"
    + _LEADING_TAIL
)
# "She says Trump’s early-morning tweets accusing X of … are “…”": a verb further back, when the near one says nothing
_LEADING_FAR = re.compile(rf"\b(?P<verb>{SPEECH_VERB_RE})\b[^“”\"]{{0,160}}?\s*[:,]?\s*$")
_NAME_PARTICIPLE = re.compile(
    rf"(?:^|,\s|\b(?:of|with|shows?|showed|showing|featuring)\s)(?P<name>{_NAME})\s+(?P<part>{PARTICIPLE_RE})\b"
    rf"(?:\s+[\w’']+){{0,5}}\s*[,:]?\s*$"
)
# "John Dickey, the chief executive of Ora Media -- the company that owns … -- told me,"
_DASHED_ASIDE = re.compile(r"\s(?:--|[―—–])\s[^―—–“”\"]*?\s(?:--|[―—–])\s")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+(?P<rest>[^“”\"]+?)\s*,?\s*$")
_ACCORDING_ANY = re.compile(r"\b[Aa]ccording to\s+(?P<rest>[^,;“”\"]+)")
_PRE_NAME = re.compile(rf"^(?P<pre>(?:[\w’'.&$-]+\s+){{0,6}}?)(?P<name>{_NAME}){_APPOSITIVE}\s*$")
# '” ― Julie A. Diaz Martinez.' up to the end of the paragraph: a credit line after a quote
_CREDIT = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<who>[^\s―—–“”\"][^―—–“”\"]{1,118}?)[\s.]*$")
_TRANSCRIPT_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
_NAME_OF = re.compile(rf"^(?P<name>{_NAME})\s+(?P<appos>(?:of|from|at|with)\s+(?:the\s+)?{_NAME})$")
_NOMINAL_RE = re.compile(rf"^(?P<nom>{_NOMINAL}|{_POSSESSIVE_NOMINAL}){_NOMINAL_END}")


@dataclass(frozen=True, slots=True)
class Span:
    """The text between a pair of quote marks (or to the end of a paragraph left open)."""

    start: int  # content start, after the opening mark
    end: int  # content end, before the closing mark
    open_at: int  # index of the opening mark
    close_at: int | None  # index just past the closing mark, None when the paragraph leaves it open
    para_start: int
    para_end: int
    single: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote's own sentence says spoke it."""

    speaker: str
    role: str | None
    kind: str  # "name", "pronoun" or "nominal"


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Full names introduced in an article, the roles written beside them, and genders shown by
    honorifics (Mr. / Ms. / Mrs.)."""

    full_names: tuple[str, ...]
    roles: dict
    genders: dict
    headlines: tuple[tuple[int, int], ...] = ()  # title-case lines, whose capitals name nobody

    def gender(self, name: str) -> str | None:
        """'m', 'f' or None for a full name or its surname."""
        return self.genders.get(name) or first_name_gender(name) or self.genders.get(name.split()[-1])

    def resolve(self, name: str, gender: str | None = None) -> str:
        """Resolve a surname ("Campbell") to the full name introduced in the article; with a
        gender (from "Mrs."), to a full name that can bear it ("Mrs. Clinton" is not Bill)."""
        if " " in name:
            return name
        for full in self.full_names:
            if full.split()[-1] == name and (gender is None or first_name_gender(full) in (None, gender)):
                return full
        return name


# --- spans ---------------------------------------------------------------------------------------

_MARK = re.compile(r"“|”|\"|''")


def find_spans(text: str) -> list[Span]:
    """Find quote spans: curly, straight and '' double quotes, and single quotes in headlines."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.start(), para.end()
        open_at: int | None = None
        open_len = 0
        for m in _MARK.finditer(text, p0, p1):
            mark, i = m.group(0), m.start()
            if open_at is None:
                if (mark == "”" and i != p0) or (mark not in "“”" and not _opens(text, i, p0)):
                    continue
                open_at, open_len = i, len(mark)
            elif mark == "“" or (mark != "”" and _opens(text, i, p0) and not _closes(text, m.end(), p1)):
                open_at, open_len = i, len(mark)  # a stray opener: restart from the new one
            else:
                if i > open_at + open_len:
                    spans.append(Span(open_at + open_len, i, open_at, m.end(), p0, p1))
                open_at = None
        if open_at is not None and p1 - open_at > 2:
            end = p1
            while end > open_at + open_len and text[end - 1].isspace():
                end -= 1
            spans.append(Span(open_at + open_len, end, open_at, None, p0, p1))
        if not any(s.para_start == p0 for s in spans) and _is_headline(text[p0:p1]):
            for m in re.finditer(r"(?:(?<=\s)|^)‘([^‘’]{2,120})’(?!\w)", text[p0:p1]):
                spans.append(Span(p0 + m.start(1), p0 + m.end(1), p0 + m.start(), p0 + m.end(), p0, p1, True))
    return spans


def _opens(text: str, i: int, para_start: int) -> bool:
    return i == para_start or text[i - 1].isspace() or text[i - 1] in "([{―—–-/:"


def _closes(text: str, after: int, para_end: int) -> bool:
    return after >= para_end or text[after].isspace() or text[after] in ",.;:!?)]―—–-"


def _is_headline(line: str) -> bool:
    return len(line.split()) <= 20 and not re.search(r"[.!?:][”\"’)]*\s*$", line)


def _is_title_case(line: str, first: bool = False) -> bool:
    """A headline in title case: most of its words capitalised. The article's first line may end
    with a full stop ("Washington Post Hit Piece Exploits Trump Supporter.")."""
    if first:
        line = line.rstrip().removesuffix(".")
    if len(line) > 240 or not _is_headline(line):
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# --- names and roles -------------------------------------------------------------------------------


def name_index(text: str) -> NameIndex:
    """Collect the full names (two words or more) of the article and any title written before them."""
    names: list[str] = []
    roles: dict[str, str] = {}
    genders: dict[str, str] = {}
    headlines = [(h.start(), h.end()) for h in re.finditer(r"[^\n]+", text) if _is_title_case(h.group(0), h.start() == 0)]
    for m in NAME_RE.finditer(text):
        if any(start <= m.start() < end for start, end in headlines):
            continue  # "Gold Star Mom Corners Obama": a headline's capitals are no name
        title, name = split_title(m.group(0))
        honorific = HONORIFIC_GENDER.get((title or "").split(" ")[0]) if title else None
        if honorific and name:
            genders.setdefault(name, honorific)
            genders.setdefault(name.split()[-1], honorific)
        if len(name.split()) < 2 or name.split()[0] in NOT_NAMES:
            continue
        if name not in names:
            names.append(name)
        if name not in roles:
            role = title or _role_before(text[max(0, m.start() - 80) : m.start()])
            if role:
                roles[name] = role
    return NameIndex(tuple(names), roles, genders, tuple(headlines))


@functools.lru_cache(maxsize=65536)
def split_title(run: str) -> tuple[str | None, str]:
    """Split "Secretary of State Antony Blinken" into ("Secretary of State", "Antony Blinken")."""
    tokens = run.split()
    while tokens and tokens[0] in NOT_NAMES:
        tokens = tokens[1:]
    if tokens:
        tokens[-1] = re.sub(r"[’']s$", "", tokens[-1])
    i = 0
    while i < len(tokens) - 1 and tokens[i] in TITLE_TOKENS:
        i += 1
    # "South Carolina Democratic Party Chairman Jaime Harrison": the name follows the last title word
    later = [k for k in range(i, len(tokens) - 1) if tokens[k] in OFFICE_WORDS]
    if later:
        i = later[-1] + 1
        while i < len(tokens) - 1 and tokens[i] in TITLE_TOKENS:
            i += 1  # "Republican Secretary of State Jon Husted"
    while i > 0 and tokens[i - 1] in {"of", "the", "and", "for"}:
        i -= 1
    return " ".join(tokens[:i]) or None, " ".join(tokens[i:])


def _role_before(before: str) -> str | None:
    """Return a role written just before a name ("national security adviser"), if any."""
    words: list[str] = []
    for word in reversed(before.split()):
        if word[-1] in ",.;:”\"’)" or word.lower() in _STOPWORDS or len(words) >= 6:
            break
        words.insert(0, word)
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return None
    return " ".join(words)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip(" ,"), flags=re.I)
    return role or None


def _person(name_run: str, pre: str, appos: str | None, names: NameIndex) -> Attribution | None:
    """A named speaker: the name made full, the role from a title, an appositive or words before it."""
    title, name = split_title(name_run)
    if not name or name.split()[0] in NOT_NAMES or name.lower() in PRONOUNS:
        return None
    if " " not in name and name.lower() in NOT_NAME_WORDS:
        return None
    owned = _OWNER.match(name)
    if owned:  # "Gallup’s Jeffrey M. Jones": the person is the one after the possessive
        if any(w in PLACES or w.lower() in NOT_PERSON_WORDS for w in owned.group("name").split()):
            return None  # "Mr. King's Russia Today (programming)": a thing of someone's
        name, title = owned.group("name"), title or owned.group("owner")
    if title is None and " " not in name and name in TITLE_TOKENS:
        return None  # "Republican (claims)": a title alone names nobody
    if " " not in name and name.endswith("ly") and " " not in names.resolve(name) and not first_name_gender(name + " x"):
        return None  # "Recently", "Reportedly": an adverb opening the sentence, not a Kelly or an Emily
    full = names.resolve(name, HONORIFIC_GENDER.get((title or "").split(" ")[0]))
    role = _clean_role(appos) if appos and not NAME_RE.fullmatch(appos.strip()) else None
    role = role or title or _role_before(pre) or names.roles.get(full)
    return Attribution(full, _clean_role(role), "name")


# --- the speaker chain, step 1: the quote's own sentence -------------------------------------------


def subject(phrase: str, names: NameIndex) -> Attribution | None:
    """Read the subject of a speech verb: a pronoun, a (titled) name, or a noun phrase."""
    phrase = _RELATIVE_CLAUSE.sub(",", phrase)
    phrase = re.sub(
        r"(?:\s+(?:will|would|could|can|might|may|did|does|has|have|had|must|should|is|was|are|were|been|be))+$",
        "",
        phrase.strip(" ,"),
    )
    phrase = _TRAILING_ADVERBS.sub("", phrase).strip()
    phrase = strip_intro(_LEADING_CONJUNCTION.sub("", phrase))
    if not phrase:
        return None
    if phrase.lower() in PRONOUNS or phrase.lower() == "it":
        return Attribution(phrase.lower(), None, "pronoun")
    last = phrase.rsplit(" ", 1)[-1]
    if last in ("he", "she", "they") and not _CLAUSE_BREAK.search(phrase):
        return Attribution(last, None, "pronoun")  # "but even now at 86 she (still says)"
    m = _PRE_NAME.match(phrase + ",") if "," in phrase else None  # "X, the mayor of Y," keeps its appositive
    m = m if m and m.group("appos") else _PRE_NAME.match(phrase)
    if m and _ENDS_PREPOSITION.search(m.group("pre")):  # "in her hometown of Miami": Miami is no subject
        m = _NAME_OF.match(phrase)  # but "Mr. Morgan of the Sierra Club" is Mr. Morgan
        if m:
            return _person(m.group("name"), "", m.group("appos"), names)
    elif m:
        person = _person(m.group("name"), m.group("pre"), m.group("appos"), names)
        if person:
            return person
    if _NOMINAL_FULL.fullmatch(phrase) and len(phrase.split()) <= 8:
        return Attribution(phrase, None, "nominal")
    words = phrase.split()
    if words[0][:1].isupper() and words[0].lower() in GROUP_NOUNS and len(words) <= 6:
        return Attribution(phrase, None, "nominal")  # "Protesters marching through the streets (chanted)"
    return None


def subject_after_verb(rest: str, names: NameIndex) -> Attribution | None:
    """Read the subject written after its verb: 'said Kurt Campbell, the …', 'said a senior official'."""
    m = _PRONOUN_START.match(rest)
    if m:
        return Attribution(m.group(0).lower(), None, "pronoun")
    sentence = _cut_sentence(rest)
    chunks = _AFTER_VERB_BREAK.split(sentence, maxsplit=2)
    head = chunks[0]
    if _DETERMINER_START.match(head) and 1 < len(head.split()) <= 12:
        if len(chunks) > 1 and NAME_RE.fullmatch(chunks[1].strip()):
            # "another Twitter user, Johanna Bayer": the name in the appositive
            return _person(chunks[1].strip(), "", head, names) or Attribution(head, None, "nominal")
        described = _RELATIVE_TAIL.match(sentence)  # "a Mexican official who was not authorized …"
        if described and len(described.group(0).split()) <= 20:
            return Attribution(described.group(0).strip(), None, "nominal")
        placed = _PLACED_TAIL.match(sentence[len(head) :])  # "one Democratic source on the panel"
        return Attribution(head + placed.group(0) if placed else head, None, "nominal")
    runs = [m for m in NAME_RE.finditer(head) if split_title(m.group(0))[1]]
    if runs and re.match(r"[a-z]+ing\s", head):
        runs = []  # "tweets accusing Alicia Machado": the name is no subject of a verb that was a noun
    if runs:
        # The name that ends the phrase ("Idaho … executive Frank VanderSloot"), else the one
        # that opens it ("Robert Antonacci of the New York delegation").
        last = runs[-1] if not head[runs[-1].end() :].strip() else runs[0]
        if last is not runs[0] and _ENDS_PREPOSITION.search(head[: last.start()]):
            last = runs[-2]  # "wrote Cameron Easley for Morning Consult": the outlet is no speaker
        appos = chunks[1] if len(chunks) > 1 and chunks[1][:1].islower() else None
        person = _person(last.group(0), head[: last.start()], appos, names)
        if person:
            return person
    m = _NOMINAL_RE.match(rest)
    if m:
        if len(chunks) > 1 and NAME_RE.fullmatch(chunks[1].strip()):
            # "another Twitter user, Johanna Bayer": the name in the appositive
            return _person(chunks[1].strip(), "", m.group("nom"), names) or Attribution(m.group("nom"), None, "nominal")
        return Attribution(m.group("nom"), None, "nominal")
    return None


def _cut_sentence(text: str) -> str:
    """Cut text at the first full stop that ends a sentence (not 'Sen.', 'Mr.' or an initial)."""
    for m in re.finditer(r"\.(?=\s|$)", text):
        if not _ends_abbreviation(text[: m.end()]):
            return text[: m.start()]
    return text


def attribution_after(segment: str, names: NameIndex) -> Attribution | None:
    """Read an attribution that follows a quote: ', Campbell fumed', ', said Kurt Campbell', ', he said'."""
    seg = _PARENTHETICAL.sub("", segment).lstrip(" ,―—–-")
    m = _VERB_FIRST.match(seg)
    if m and _is_speech(m.group("verb")):
        return subject_after_verb(seg[m.end() :], names)
    head = _cut_sentence(re.split(r"[;:!?“”\"]|''", seg, maxsplit=1)[0])[:200]
    for m in _FIRST_VERB.finditer(head):
        if not _is_speech(m.group("verb")):
            continue
        before = _RELATIVE_CLAUSE.sub(",", head[: m.start()])
        return subject(before, names) or _subject_at_clause_end(before, names)
    return None


def credit_line(segment: str, names: NameIndex) -> Attribution | None:
    """A quote credited by a dash, as in lists of readers' reactions and epigraphs:
    '“…” ― Julie A. Diaz Martinez.' or '“…” — Lee Chen, a teacher in Ohio'."""
    m = _CREDIT.match(segment)
    if not m:
        return None
    who = subject(m.group("who"), names)
    return who if who is not None and who.kind != "pronoun" else None


def transcript_label(content: str, names: NameIndex) -> Attribution | None:
    """A quoted transcript turn that names its speaker in capitals: '"PENCE: Well, look, …'."""
    m = _TRANSCRIPT_LABEL.match(content)
    if not m or any(w.strip("'’.") in NOT_SPEAKER_LABELS for w in m.group("label").split()):
        return None
    label = " ".join(w.capitalize() for w in m.group("label").split())
    return _person(label, "", None, names)


def attribution_before(segment: str, names: NameIndex) -> Attribution | None:
    """Read an attribution that introduces a quote: 'Campbell said:', 'according to X,', '…, writing'.
    An aside between dashes is read past when the attribution cannot be read with it."""
    segment = _PARENTHETICAL.sub("", segment)
    found = _attribution_before(segment, names)
    if found is None and _DASHED_ASIDE.search(segment):
        found = _attribution_before(_DASHED_ASIDE.sub(" ", segment), names)
    return found


def _attribution_before(segment: str, names: NameIndex) -> Attribution | None:
    m = _NAME_PARTICIPLE.search(segment)
    if m:  # "footage of Hillary Clinton asking, “…”"
        return _person(m.group("name"), "", None, names)
    m = _ACCORDING_TO.search(segment)
    if m:
        return subject(m.group("rest"), names) or subject_after_verb(m.group("rest"), names)
    m = _VERB_FIRST_INTRO.search(segment)
    if m:
        return subject_after_verb(m.group("rest"), names)
    found = _leading(segment, _LEADING, names) or _leading(segment, _LEADING_FAR, names)
    if found is None and segment.rstrip().endswith(":"):
        clause = strip_intro(_CLAUSE_BREAK.split(segment.rstrip()[:-1])[-1].strip())
        pronoun = _PRONOUN_START.match(clause)
        if pronoun:  # "He also played up his strength in a general election: “…”"
            return Attribution(pronoun.group(0).lower(), None, "pronoun")
        return clause_subject(clause, names, nominal=True)
    return found


def _leading(segment: str, pattern: re.Pattern, names: NameIndex) -> Attribution | None:
    """The subject of a speech verb (or of the clause of a participle) that leads up to a quote."""
    m = pattern.search(segment)
    if not m:
        return None
    participle = m.groupdict().get("part")
    verb_at = m.start("part") if participle else m.start("verb")
    clause = _RELATIVE_CLAUSE.sub(",", _CLAUSE_BREAK.split(segment[:verb_at])[-1])
    if participle:
        clause = clause.split(",")[0]
    found = subject(clause, names) or _subject_at_clause_end(clause, names)
    if found is None and m.group("verb"):
        found = subject_after_verb(segment[m.end("verb") :].lstrip(), names)
    return found or clause_subject(clause, names)


_INTRO_MORE = re.compile(r"(?:on|in|at|during|after|before|since|last|this|earlier|later)\b[^,]{0,50},\s+(?=[A-Z0-9])")
_AGE = re.compile(r"\d{1,3}-year-old")
_PLACED_TAIL = re.compile(r"\s+(?:on|at|in|from|with)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?(?=\s*$)")
_PLACE_COMMA = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+")
_WORD_OR_MARK = re.compile(r"[^\s,;:()]+|[,;:()]")
_BEFORE_VERB_BREAK = re.compile(r"[;:.!?]\s|\bthat\b|\n")
_WORD_STOP = re.compile(r"([A-Za-z]+)\.$")
_CONJUNCTION_NAME = re.compile(r"(?:And|But|Yet|So|Or)\s+(?=[A-Z][a-z]*\.?\s+[A-Z])")


def strip_intro(clause: str) -> str:
    """Drop what opens a clause before its subject: 'But ', 'At a recent event in Coralville, Iowa, '."""
    conjunction = _CONJUNCTION_NAME.match(clause)  # "But Jeb Bush, like his brother, …": keep the name
    clause = clause[conjunction.end() :] if conjunction else _INTRO.sub("", clause)
    for _ in range(3):  # "At a rally in Portland, Maine, on Thursday afternoon, Trump …"
        place = _PLACE_COMMA.match(clause)
        if place and all(w in PLACES for w in place.group(1).split()):
            clause = clause[place.end() :]
            continue
        more = _INTRO_MORE.match(clause)
        if not more:
            break
        clause = clause[more.end() :]
    return clause


def clause_subject(clause: str, names: NameIndex, nominal: bool = False) -> Attribution | None:
    """The person a clause opens with, as its subject: 'Obama consultant Cornell Belcher, the …'.

    With nominal, a noun phrase such as 'the Illinois Board of Elections' also counts."""
    if nominal:
        m = _THE_NAME.match(clause)
        if m:
            return Attribution(m.group("nom"), None, "nominal")
        m = _NOMINAL_BE.match(clause)
        if m and len(m.group("nom").split()) <= 6:
            return Attribution(m.group("nom"), None, "nominal")
    words = []
    for m in _WORD_OR_MARK.finditer(clause.strip()):
        word = m.group(0)
        if word in ",;:()" or not (word[:1].isupper() or word.lower() in SUBJECT_PHRASE_WORDS or _AGE.fullmatch(word)):
            break
        words.append(word)
        if len(words) > 10:
            break
    phrase = " ".join(words)
    runs = [r for r in NAME_RE.finditer(phrase) if split_title(r.group(0))[1]]
    if not runs:
        return None
    last = runs[-1]
    if phrase[last.end() :].strip() or _POSSESSIVE_END.search(last.group(0)):
        return None  # the phrase goes on after the name, or "Carrier's management": not a plain subject
    title, name = split_title(last.group(0))
    described = _role_before(phrase[: last.start()]) is not None  # "Band member Flea"
    if " " not in name and not title and not described and " " not in names.resolve(name):
        return None  # a lone capitalised word opening a sentence ("Dismayed", "Millennials") is no name
    return _person(last.group(0), phrase[: last.start()], None, names)


def _subject_at_clause_end(clause: str, names: NameIndex) -> Attribution | None:
    """'At the meeting on Monday, the Christie supporter' → the last comma chunk, or name + appositive."""
    chunks = [c.strip() for c in clause.split(",") if c.strip()]
    if not chunks:
        return None
    if len(chunks) >= 2:
        first = subject(chunks[0], names)
        if first is not None and first.kind == "name" and all(_is_appositive(c) for c in chunks[1:]):
            return Attribution(first.speaker, first.role or _clean_role(chunks[1]), "name")
    last = subject(chunks[-1], names)
    if len(chunks) >= 2 and (last is None or last.kind == "nominal"):
        before = subject(chunks[-2], names)
        if before is not None and before.kind == "name":
            return Attribution(before.speaker, _clean_role(chunks[-1]) or before.role, "name")
    return last


_APPOSITIVE_OPENERS = frozenset("a an the who whose which one another both part among himself herself".split())


def _is_appositive(chunk: str) -> bool:
    """'the mayor of X', 'South Carolina director for Sanders', '58': a description, not a new subject."""
    words = chunk.split()
    return (
        chunk.isdigit()
        or bool(words)
        and (words[0].lower() in _APPOSITIVE_OPENERS or any(w.lower() in ROLE_NOUNS for w in words))
    )


def attribution_in(segment: str, names: NameIndex) -> Attribution | None:
    """Find an attribution anywhere in the non-quoted text of a sentence, nearest the quote last."""
    found: list[Attribution] = []
    for m in _LISTED_VERB.finditer(segment):
        before = re.split(r"[;:.!?]\s|\bthat\b", segment[: m.start()])[-1]
        who = subject(before, names) or _subject_at_clause_end(before, names)
        if who is None:
            who = subject_after_verb(segment[m.end() :].lstrip(), names)
        if who is not None:
            found.append(who)
    for m in _ACCORDING_ANY.finditer(segment):
        who = subject(m.group("rest"), names) or subject_after_verb(m.group("rest"), names)
        if who is not None:
            found.append(who)
    named = [f for f in found if f.kind == "name"]
    return (named or found or [None])[0]


def _is_speech(verb: str) -> bool:
    return verb not in NOT_SPEECH_ED and (verb in _LISTED_SET or verb.endswith("ed"))


_LISTED_SET = frozenset(SPEECH_VERBS)


# --- classification ---------------------------------------------------------------------------------


def is_direct(text: str, span: Span, sentence_start: int) -> bool:
    """A direct quote opens a sentence, or follows 'said:' / 'said,' and starts with a capital."""
    content = text[span.start : span.end].lstrip(" '‘")
    if not content[:1].isupper() and not content[:1].isdigit():
        return False
    before = text[sentence_start : span.open_at].rstrip()
    return (
        not before
        or before[-1] in ":,―—–.!?"  # the quote opens a sentence the splitter did not see end
        or bool(_ENDS_WITH_VERB.search(before))
    )


def is_title_or_scare(text: str, span: Span, direct: bool) -> bool:
    """Reject quoted names and phrases: a “total victory”, NBC’s “Meet the Press”, so-called “day after”."""
    before = text[max(span.para_start, span.open_at - 40) : span.open_at]
    after = text[span.close_at : span.close_at + 20] if span.close_at else ""
    content = text[span.start : span.end].strip(" .,;:!?")
    words = content.split()
    if POSSESSIVE_BEFORE.search(before) and len(words) <= 8:
        return True
    if MEDIA_AFTER.match(after) and after.lstrip(" ,").startswith(("by ", "(")):
        return True  # a linked story's headline (“…,” by Times' Ben Sisario) or a dated slogan (“…” (2008))
    if _EXCERPT_INTRO.search(before):
        return True  # “…,” by DNAinfo's Nicole Levy: “…” quotes a linked story, not a speaker
    if len(words) <= 10 and (MEDIA_BEFORE.search(before) or MEDIA_AFTER.match(after)):
        return True
    nickname = len(words) <= 2 and content == text[span.start : span.end].strip()
    if nickname and _NAME_END.search(before) and _NAME_START.match(after):
        return True  # a nickname inside a name: Gov. C.L. “Butch” Otter
    if not direct and len(words) == 1:
        return True  # a single quoted word inside a sentence is a scare quote: the “supermax” prison
    if not direct and SCARE_PRECEDERS.search(before) and len(words) <= 6:
        return True
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    titled = len(words) <= 8 and len(significant) >= 1 and all(w[:1].isupper() for w in significant)
    if titled and len(words) >= 2 and not re.search(r"[.!?,]$", text[span.start : span.end].strip()):
        return True  # “The Walking Dead” is an AMC drama: a name, with no sentence punctuation inside
    return titled and len(words) >= 2 and before.strip() != "" and not direct


# --- putting the chain together ----------------------------------------------------------------------


def extract_quotes(text: str, sents: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    """Return every direct and attributed partial quote of text, in order, with its speaker."""
    names = name_index(text)
    spans = find_spans(text)
    starts = [s.start for s in sents]
    drafts: list[tuple[Span, Quote, Attribution | None]] = []
    for i, span in enumerate(spans):
        sentence = _sentence_at(sents, starts, span.open_at)
        s_start, s_end = (sentence.start, sentence.end) if sentence else (span.para_start, span.para_end)
        direct = is_direct(text, span, s_start) and not span.single
        if is_title_or_scare(text, span, direct):
            continue
        attribution = own_attribution(text, spans, i, s_start, s_end, names, direct)
        quote = Quote(
            start=span.start,
            end=span.end,
            text=text[span.start : span.end],
            sentence_id=sentence.id if sentence else "",
            speaker=None,
            role=None,
            kind="direct" if direct else "partial",
            attribution="none",
        )
        drafts.append((span, quote, attribution))
    return tuple(_resolve_speakers(text, drafts, names, speech_mentions(text, spans, names, sents)))


def _sentence_at(sents: tuple[Sentence, ...], starts: list[int], offset: int) -> Sentence | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sents[i].start <= offset < sents[i].end:
        return sents[i]
    return sents[i + 1] if 0 <= i + 1 < len(sents) and sents[i + 1].start <= offset + 1 else None


def own_attribution(text, spans, i, s_start, s_end, names, direct) -> Attribution | None:
    """Step 1: the attribution in the quote's own sentence: a transcript's speaker label, a credit
    line after the quote, an attribution after the quote, then one before it."""
    span = spans[i]
    found = transcript_label(text[span.start : span.end], names)
    if found:
        return found
    if span.close_at is not None:
        segment = _segment_after(text, spans, i)
        found = credit_line(segment, names) or attribution_after(segment, names)
        if found:
            return found
    prev_close = max((s.close_at or 0 for s in spans[:i] if s.para_start == span.para_start), default=0)
    start = max(s_start, prev_close, span.para_start)
    found = attribution_before(text[start : span.open_at], names)
    if found or direct:
        return found
    return attribution_in(_mask_quotes(text, spans, s_start, s_end), names)


def _segment_after(text: str, spans: list[Span], i: int) -> str:
    """The text after quote i up to the next quote of its paragraph. A short quoted word inside
    it (Del. Marcia “Cia” Price) is part of the attribution: its marks are dropped, not a stop."""
    span = spans[i]
    parts, at = [], span.close_at
    for nxt in spans[i + 1 :]:
        if nxt.para_start != span.para_start:
            break
        if nxt.close_at is None or len(text[nxt.start : nxt.end].split()) > 2:
            return "".join(parts) + text[at : nxt.open_at]
        parts.append(text[at : nxt.open_at] + text[nxt.start : nxt.end])
        at = nxt.close_at
    return "".join(parts) + text[at : span.para_end]


def _mask_quotes(text: str, spans: list[Span], start: int, end: int) -> str:
    """Return text[start:end] with quoted text blanked, so attributions are read outside quotes."""
    chars = list(text[start:end])
    for s in spans:
        lo, hi = max(s.open_at, start), min(s.close_at or s.end, end)
        for k in range(lo - start, hi - start):
            chars[k] = " "
        if s.close_at and start <= s.end - 1 < end and text[s.end - 1] == ",":
            chars[s.end - 1 - start] = ","  # "At an event billed as “X,” Clinton said": the clause ends there
    return "".join(chars)


def speech_mentions(
    text: str, spans: list[Span], names: NameIndex, sents: tuple[Sentence, ...] = ()
) -> list[tuple[int, Attribution]]:
    """Every 'NAME said' and every sentence opening with a name, outside quotes, in text order:
    the candidates a later 'he said' refers to."""
    masked = _mask_quotes(text, spans, 0, len(text))
    found = []
    for m in _LISTED_VERB.finditer(masked):
        before = _BEFORE_VERB_BREAK.split(masked[max(0, m.start() - 150) : m.start()])[-1]
        if _POSSESSIVE_END.search(before):
            continue  # "responded to Calderon’s remarks": a noun, and Calderon is not its subject
        who = None
        if before.rstrip().endswith(","):  # "And Trump, said Sunshine, who …": the subject may follow
            after = masked[m.end() : m.end() + 150].lstrip()
            # not "…, said the Boeing was unusual" (what was said), "…, told me" (an object) nor
            # "X, the chairman, said Trump continued …" (the name opens what was said)
            run = NAME_RE.match(after)
            if run and after[run.end() :].lstrip()[:1] in (",", ".", ""):
                who = subject_after_verb(after, names)
        if who is None:
            who = subject(before, names) or _subject_at_clause_end(before, names)
        if who is not None and who.kind == "name" and not _names_no_person(who.speaker):
            found.append((m.start(), who))
    for m in _NAME_DOING.finditer(masked):  # "with Hillary Clinton — who … — lambasting Trump’s plan"
        who = _person(m.group("name"), "", None, names)
        if who is not None and _looks_like_person(who, names):
            found.append((m.start(), who))
    speakers = {who.speaker for _, who in found}
    for s in sents:
        sentence = masked[s.start : s.end]
        if any(start <= s.start < end for start, end in names.headlines):
            continue  # "Chris Christie Calls Hillary Clinton ‘A Disgrace’": a headline names no subject
        for opener in _CLAUSE_OPENERS.finditer(sentence):
            if sentence[opener.start() : opener.start() + 1] == "." and _ends_abbreviation(
                sentence[max(0, opener.start() - 12) : opener.start() + 1]
            ):
                continue  # "with Mr. Lew's raising": the full stop of "Mr." opens no clause
            clause = strip_intro(sentence[opener.end() :].lstrip())
            if not (clause[:1].isupper() or clause[:1].isdigit() or _LOWER_OPENER.match(clause)):
                continue  # "…, and then went home": no subject to read
            who = clause_subject(clause, names)
            if who is None:
                apposed = _APPOSED_NAME.match(clause)
                who = apposed and _person(apposed.group("name"), "", apposed.group("desc"), names)
            if who is not None and (who.speaker in speakers or _looks_like_person(who, names)):
                found.append((s.start + opener.end(), who))
    return sorted(found, key=lambda f: f[0])


def _looks_like_person(who: Attribution, names: NameIndex) -> bool:
    """A name that opens a clause is a person's when a first name, honorific or role says so:
    not "New Jersey", "San Jose" or "Trump University"."""
    if names.gender(who.speaker) is not None or who.role is not None:
        return True
    full = names.resolve(who.speaker)
    return " " in full and not _names_no_person(full)


def _names_no_person(name: str) -> bool:
    """'White House', 'Republican', 'New Jersey': an organisation, a party or a place."""
    if first_name_gender(name) is not None:
        return False  # "Senate Majority Whip John Cornyn": a first name inside is a person's
    tokens = name.split()
    return any(t.lower() in NOT_PERSON_WORDS for t in tokens) or all(t in PLACES for t in tokens)


_NAME_DOING = re.compile(rf"\bwith\s+(?P<name>{_NAME})(?:\s[―—–]\s[^―—–\n]{{1,120}}?\s[―—–])?\s+{PARTICIPLE_RE}\b")
_LOWER_OPENER = re.compile(rf"(?:his|her|their|the|an?|one)\s|(?:{'|'.join(sorted(SUBJECT_PHRASE_WORDS))})\b")
_APPOSED_NAME = re.compile(
    rf"^(?P<desc>(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne)\s[^,“”\"]{{2,60}}),\s*(?P<name>{_NAME}),\s+(?:who\b|[a-z]+(?:ed|s)\b)"
)
# "Del. Stacey Plaskett": a title inside an attribution (the sentence splitter keeps "Del." for Delaware)
_TITLE_ABBREVIATIONS = ABBREVIATIONS | {"del"}
_OWNER = re.compile(r"^(?P<owner>.+?)[’']s\s+(?P<name>[^’']+)$")
_ENDS_PREPOSITION = re.compile(r"\b(?:for|of|at|with|from|in|on|to|by)\s+(?:the\s+)?$")
_POSSESSIVE_END = re.compile(r"[A-Za-z][’']s\s*$")


def _ends_abbreviation(text: str) -> bool:
    """True when text ends with the full stop of 'Mr.', 'Sen.' or an initial."""
    word = _WORD_STOP.search(text)
    return bool(word) and (
        (len(word.group(1)) == 1 and word.group(1).isupper()) or word.group(1).lower() in _TITLE_ABBREVIATIONS
    )


def _resolve_speakers(text, drafts, names: NameIndex, mentions: list[tuple[int, Attribution]]):
    """Run the chain: own sentence → next quote in the paragraph → previous quote → pronoun → none."""
    previous: tuple[Span, Quote] | None = None
    resolved: list[Quote] = []
    for k, (span, quote, own) in enumerate(drafts):
        speaker, how = own, "sentence"
        if speaker is None:
            speaker, how = from_next_quote(text, drafts, k), "sentence"
        if speaker is None and previous is not None and continues(text, previous[0], span):
            prev_quote = previous[1]
            if prev_quote.speaker:
                speaker, how = Attribution(prev_quote.speaker, prev_quote.role, "name"), "continuation"
        if speaker is None:
            speaker, how = from_introduction(text, span, names), "sentence"
        if speaker is None and quote.kind == "direct" and len(quote.text.split()) > MAX_UNATTRIBUTED_PHRASE:
            speaker, how = from_reported_speech(text, span, mentions, [d[0] for d in drafts]), "reported"
        if speaker is not None and speaker.kind == "pronoun":
            speaker, how = resolve_pronoun(speaker, span, mentions, names, text), "pronoun"
        if speaker is None and quote.kind == "partial":
            echo = _echo(quote, resolved, drafts[k + 1 :])
            if echo is None:
                continue  # an unattributed quoted phrase is not a quote
            speaker, how = echo, "sentence"
        if quote.kind == "partial" and not _credible_source(speaker):
            continue  # "his sexual and political escapades" said nothing
        if own is None and len(quote.text.split()) <= 2 and how != "sentence" and not _next_sentence(text, previous, span):
            continue  # a lone word ("Related:", "Nooooo!") carried over from a neighbour is not a quote
        if speaker is None and len(quote.text.split()) <= MAX_UNATTRIBUTED_PHRASE:
            continue  # a short quoted phrase nobody is said to have spoken: a scare quote or a name
        if speaker is not None and speaker.kind == "name":
            bisect.insort(mentions, (span.open_at, speaker), key=lambda m: m[0])
        final = replace(
            quote,
            speaker=speaker.speaker if speaker else None,
            role=speaker.role if speaker else None,
            attribution=how if speaker else "none",
            speaker_kind=speaker.kind if speaker else None,
        )
        resolved.append(final)
        previous = (span, final)
    return _fill_roles(resolved)


def _next_sentence(text: str, previous: tuple[Span, Quote] | None, span: Span) -> bool:
    """'“…,” the president added. “We're America.”': a short quote that is a whole sentence right
    after the attribution of the quote before it continues that quote."""
    if previous is None or previous[0].para_start != span.para_start or previous[0].close_at is None:
        return False
    between = text[previous[0].close_at : span.open_at]
    content = text[span.start : span.end].strip()
    return len(between) <= 80 and between.rstrip().endswith(".") and content[:1].isupper() and content[-1:] in ".!?"


def _credible_source(who: Attribution | None) -> bool:
    """A partial quote needs a named person or a description that ends in a role ('a senior official')."""
    if who is None:
        return False
    if who.kind != "nominal":
        return True
    head = who.speaker.split()[-1].lower().strip(",")
    return head in ROLE_NOUNS or head in SOURCE_NOUNS




def _fill_roles(quotes: list[Quote]) -> list[Quote]:
    """Give every quote of a speaker the role found for that speaker anywhere in the article."""
    roles: dict[str, str] = {}
    for q in quotes:
        if q.speaker and q.role:
            roles.setdefault(q.speaker, q.role)
    return [replace(q, role=roles.get(q.speaker)) if q.speaker and not q.role else q for q in quotes]


def from_next_quote(text, drafts, k) -> Attribution | None:
    """Step 2: '“A.” “B,” Campbell said.' — A takes the attribution of the quote right after it."""
    span = drafts[k][0]
    for nxt_span, _, nxt_own in drafts[k + 1 : k + 2]:
        if nxt_span.para_start == span.para_start and span.close_at is not None:
            if not text[span.close_at : nxt_span.open_at].strip() and nxt_own is not None:
                return nxt_own
    return None


def continues(text: str, prev: Span, span: Span) -> bool:
    """Step 3: a quote continues the previous one in its paragraph, or opens the paragraph right after."""
    if prev.para_start == span.para_start:
        return True
    between = text[prev.para_end : span.para_start]
    return between.count("\n") <= 2 and span.open_at == span.para_start


def from_introduction(text: str, span: Span, names: NameIndex) -> Attribution | None:
    """A paragraph that is all quote, after a paragraph that ends 'He wrote:' or 'said in a statement:'."""
    if span.open_at != span.para_start:
        return None
    prev_para = text[: span.para_start].rstrip("\n")
    prev_para = prev_para[prev_para.rfind("\n") + 1 :]
    if not prev_para.rstrip().endswith(":"):
        return None
    return attribution_before(prev_para.rstrip(), names)


def from_reported_speech(text: str, span: Span, mentions, quoted: list[Span]) -> Attribution | None:
    """'Carter said that … would not happen. ¶ “That’s because …”': a quote that opens its paragraph
    after a paragraph of reported speech, or follows reported speech in its own, is that speaker's."""
    if span.open_at == span.para_start:
        prev_end = text.rfind("\n", 0, span.para_start)
        while prev_end > 0 and text[prev_end - 1] == "\n":
            prev_end -= 1
        window = (text.rfind("\n", 0, prev_end) + 1, prev_end)
    else:
        window = (span.para_start, span.open_at)
    if any(window[0] <= q.open_at < window[1] for q in quoted):
        return None  # that paragraph quotes someone itself: continuation decides, not this
    inside = [a for pos, a in mentions if window[0] <= pos < window[1] and a.kind == "name"]
    return inside[-1] if inside else None


def resolve_pronoun(pron: Attribution, span: Span, mentions, names: NameIndex, text: str):
    """Step 4: resolve 'he'/'she' to the latest named speaker before the quote, quoted or reported."""
    if pron.speaker not in ("he", "she"):
        return None
    wanted = "m" if pron.speaker == "he" else "f"
    earlier = [
        a for pos, a in mentions
        if pos < span.open_at and names.gender(a.speaker) in (None, wanted) and not _names_no_person(a.speaker)
    ]
    if earlier:
        return Attribution(earlier[-1].speaker, earlier[-1].role, "name")
    before = [
        n for n in names.full_names
        if text.rfind(n, 0, span.open_at) >= 0 and _looks_like_person(Attribution(n, None, "name"), names)
    ]
    if before:
        latest = max(before, key=lambda n: text.rfind(n, 0, span.open_at))
        return Attribution(latest, names.roles.get(latest), "name")
    return None


def _echo(quote: Quote, resolved: list[Quote], later) -> Attribution | None:
    """A quoted phrase with no attribution takes the speaker of another quote that contains it."""
    needle = quote.text.strip(" .,;:!?’'").lower()
    if len(needle) < 8:
        return None
    candidates = [(q.speaker, q.role, q.text) for q in resolved] + [
        (a.speaker, a.role, q.text) for _, q, a in later if a is not None and a.kind == "name"
    ]
    for speaker, role, text in candidates:
        if speaker and needle in text.lower():
            return Attribution(speaker, role, "name")
    return None
