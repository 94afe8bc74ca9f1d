"""Direct and partial quotations with their speakers.

Spans come from paired quote marks; a paragraph that opens a quote without closing it runs on to
the next. The speaker is decided by an ordered chain of small functions: the same sentence, the
neighbouring quote, the continuation of the previous quote, a pronoun resolved to the last named
speaker, or nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.extract.patterns import (
    NAME_RE,
    NOT_NAMES,
    POSSESSIVE_BEFORE,
    PRONOUNS,
    ROLE_NOUNS,
    SCARE_PRECEDERS,
    SPEECH_VERB_RE,
    TITLE_TOKENS,
)
from generator.model import Quote, Sentence

OPENERS = "“\""
_SMALL_WORDS = frozenset("a an the of and or to in on at for by with from as is it".split())
_STOPWORDS = frozenset(
    "the a an this that these those one two and or but said says told of to in on at for by with "
    "from as who which while when after before according".split()
)
_ADVERB = r"(?:\w+ly\s+)?"
_NAME = NAME_RE.pattern
_APPOSITIVE = r"(?:,\s*(?P<appos>[^,“”\"]{3,90}?),)?"
_TRAILING_NAME_VERB = re.compile(
    rf"^\s*,?\s*(?P<pre>(?:[a-z][\w’'-]*\s+){{0,5}}?)(?P<name>{_NAME}){_APPOSITIVE}\s+{_ADVERB}(?P<verb>{SPEECH_VERB_RE})\b"
)
_TRAILING_VERB_NAME = re.compile(rf"^\s*,?\s*(?P<verb>{SPEECH_VERB_RE})\s+(?P<name>{_NAME}){_APPOSITIVE}")
_PRONOUN_VERB = re.compile(rf"\b(?P<pron>[Hh]e|[Ss]he|[Tt]hey)\s+{_ADVERB}(?P<verb>{SPEECH_VERB_RE})\b")
_VERB_PRONOUN = re.compile(rf"\b(?P<verb>{SPEECH_VERB_RE})\s+(?P<pron>he|she|they)\b")
_NAME_VERB = re.compile(rf"(?P<name>{_NAME}){_APPOSITIVE}\s+{_ADVERB}(?P<verb>{SPEECH_VERB_RE})\b")
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording to\s+(?:the\s+)?(?P<name>{_NAME})")
_NOMINAL_VERB = re.compile(
    rf"\b(?P<nom>(?:a|an|the|one of the|this|that|another|two|three|several)\s+(?:[\w’'-]+\s+){{0,4}}?"
    rf"(?:{'|'.join(sorted(ROLE_NOUNS))}|source|sources|officials))\s+{_ADVERB}(?P<verb>{SPEECH_VERB_RE})\b"
)


@dataclass(frozen=True, slots=True)
class Span:
    """The text between a pair of quote marks (or to the end of a paragraph left open)."""

    start: int  # content start, after the opening mark
    end: int  # content end, before the closing mark
    open_at: int  # index of the opening mark
    close_at: int | None  # index of the closing mark, None when the paragraph leaves it open
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
    """Full names introduced in an article, and the roles written beside them."""

    full_names: tuple[str, ...]
    roles: dict

    def resolve(self, name: str) -> str:
        """Resolve a surname ("Campbell") to the full name introduced in the article."""
        if " " in name:
            return name
        for full in self.full_names:
            if full.split()[-1] == name:
                return full
        return name


def find_spans(text: str) -> list[Span]:
    """Find quote spans: curly and straight double quotes, and single quotes in headlines."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.start(), para.end()
        open_at: int | None = None
        for i in range(p0, p1):
            ch = text[i]
            if ch == "“" or (ch == '"' and open_at is None and _opens_straight(text, i, p0)):
                if open_at is None:
                    open_at = i
            elif ch in "”\"" and open_at is not None:
                if i > open_at + 1:
                    spans.append(Span(open_at + 1, i, open_at, i, p0, p1))
                open_at = None
        if open_at is not None and p1 - open_at > 2:
            end = p1
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            spans.append(Span(open_at + 1, end, open_at, None, p0, p1))
        if not any(s.para_start == p0 for s in spans) and _is_headline(text[p0:p1]):
            for m in re.finditer(r"(?:(?<=\s)|^)‘([^‘’]{2,120})’(?!\w)", text[p0:p1]):
                spans.append(Span(p0 + m.start(1), p0 + m.end(1), p0 + m.start(), p0 + m.end() - 1, p0, p1, True))
    return spans


def _opens_straight(text: str, i: int, para_start: int) -> bool:
    return i == para_start or text[i - 1].isspace() or text[i - 1] in "([{—–-/"


def _is_headline(line: str) -> bool:
    return len(line.split()) <= 20 and not re.search(r"[.!?:][”\"’)]*\s*$", line)


def name_index(text: str) -> NameIndex:
    """Collect the full names (two words or more) of the article and any title written before them."""
    names: list[str] = []
    roles: dict[str, str] = {}
    for m in NAME_RE.finditer(text):
        run = m.group(0)
        title, name = split_title(run)
        if len(name.split()) < 2 or name.split()[0] in NOT_NAMES:
            continue
        if name not in names:
            names.append(name)
        role = title or _role_before(text[max(0, m.start() - 80) : m.start()])
        if role and name not in roles:
            roles[name] = role
    return NameIndex(tuple(names), roles)


def split_title(run: str) -> tuple[str | None, str]:
    """Split "Secretary of State Antony Blinken" into ("Secretary of State", "Antony Blinken")."""
    tokens = run.split()
    while tokens and tokens[0] in NOT_NAMES:
        tokens = tokens[1:]
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in TITLE_TOKENS or tokens[i].rstrip("’'s") in TITLE_TOKENS):
        i += 1
    while i > 0 and tokens[i - 1] in {"of", "the", "and", "for"}:
        i -= 1
    title = " ".join(tokens[:i]) or None
    return title, " ".join(tokens[i:])


def _role_before(before: str) -> str | None:
    """Return a role written just before a name ("national security adviser"), if any."""
    words: list[str] = []
    for word in reversed(before.split()):
        if word[-1] in ",.;:”\"’)" or word.lower() in _STOPWORDS or len(words) >= 6:
            break
        words.insert(0, word)
    while words and words[-1].lower() not in ROLE_NOUNS:
        return None
    return " ".join(words) if words else None


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip(" ,"), flags=re.I)
    return role or None


def _person(name_run: str, before: str, appos: str | None, names: NameIndex) -> Attribution | None:
    title, name = split_title(name_run)
    if not name or name.split()[0] in NOT_NAMES or name.lower() in PRONOUNS:
        return None
    full = names.resolve(name)
    role = _clean_role(appos) if appos and not NAME_RE.fullmatch(appos.strip()) else None
    role = role or title or _role_before(before) or names.roles.get(full)
    return Attribution(full, _clean_role(role), "name")


# --- the speaker chain, step 1: the quote's own sentence -------------------------------------------


def attribution_after(segment: str, names: NameIndex) -> Attribution | None:
    """Read an attribution that follows a quote: ', Campbell said', ', said Kurt Campbell', ', he said'."""
    m = _TRAILING_NAME_VERB.match(segment)
    if m:
        if m.group("name").lower() in PRONOUNS:
            return Attribution(m.group("name").lower(), None, "pronoun")
        return _person(m.group("name"), segment[: m.start("name")], m.group("appos"), names)
    m = _TRAILING_VERB_NAME.match(segment)
    if m and m.group("name").lower() not in PRONOUNS:
        return _person(m.group("name"), "", m.group("appos"), names)
    m = re.match(rf"^\s*,?\s*(?P<pron>he|she|they)\s+{_ADVERB}{SPEECH_VERB_RE}\b", segment) or re.match(
        rf"^\s*,?\s*{SPEECH_VERB_RE}\s+(?P<pron>he|she|they)\b", segment
    )
    if m:
        return Attribution(m.group("pron").lower(), None, "pronoun")
    m = _NOMINAL_VERB.match(segment.lstrip(" ,"))
    if m:
        return Attribution(m.group("nom"), None, "nominal")
    return None


def attribution_in(segment: str, names: NameIndex) -> Attribution | None:
    """Find an attribution anywhere in the non-quoted text of a sentence, nearest the end first."""
    found: list[tuple[int, Attribution]] = []
    for m in _NAME_VERB.finditer(segment):
        person = _person(m.group("name"), segment[: m.start("name")], m.group("appos"), names)
        if person:
            found.append((m.start(), person))
    for m in _ACCORDING_TO.finditer(segment):
        person = _person(m.group("name"), "", None, names)
        if person:
            found.append((m.start(), person))
    for pattern in (_PRONOUN_VERB, _VERB_PRONOUN):
        for m in pattern.finditer(segment):
            found.append((m.start(), Attribution(m.group("pron").lower(), None, "pronoun")))
    for m in _NOMINAL_VERB.finditer(segment):
        found.append((m.start(), Attribution(m.group("nom"), None, "nominal")))
    if not found:
        return None
    named = [f for f in found if f[1].kind == "name"]
    return (named or found)[-1][1]


# --- classification ---------------------------------------------------------------------------------


def is_direct(text: str, span: Span, sentence_start: int) -> bool:
    """A direct quote opens a sentence, or follows 'said:' / 'said,' and starts with a capital."""
    content = text[span.start : span.end].lstrip()
    if not content[:1].isupper() and not content[:1].isdigit():
        return False
    before = text[sentence_start : span.open_at].rstrip()
    return not before or before[-1] in ":,—–" or bool(re.search(rf"{SPEECH_VERB_RE}$", before))


def is_title_or_scare(text: str, span: Span, direct: bool) -> bool:
    """Reject quoted names and phrases: a “total victory”, NBC’s “Meet the Press”, so-called “day after”."""
    before = text[max(span.para_start, span.open_at - 40) : span.open_at]
    content = text[span.start : span.end].strip(" .,;:!?")
    words = content.split()
    if POSSESSIVE_BEFORE.search(before):
        return True
    if not direct and SCARE_PRECEDERS.search(before) and len(words) <= 6:
        return True
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    titled = len(words) <= 8 and len(significant) >= 1 and all(w[:1].isupper() for w in significant)
    return titled and len(words) >= 2 and before.strip() != "" and not direct


# --- putting the chain together ----------------------------------------------------------------------


def extract_quotes(text: str, sents: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    """Return every direct and attributed partial quote of text, in order, with its speaker."""
    names = name_index(text)
    spans = find_spans(text)
    drafts: list[tuple[Span, Quote, Attribution | None]] = []
    for i, span in enumerate(spans):
        sentence = _sentence_at(sents, span.open_at)
        s_start, s_end = (sentence.start, sentence.end) if sentence else (span.para_start, span.para_end)
        direct = is_direct(text, span, s_start) and not span.single
        if is_title_or_scare(text, span, direct):
            continue
        attribution = _own_attribution(text, spans, i, s_start, s_end, names, direct)
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
    return tuple(_resolve_speakers(text, drafts, names, speech_mentions(text, spans, names)))


def _sentence_at(sents: tuple[Sentence, ...], offset: int) -> Sentence | None:
    for s in sents:
        if s.start <= offset < s.end:
            return s
    return None


def _own_attribution(text, spans, i, s_start, s_end, names, direct) -> Attribution | None:
    span = spans[i]
    if span.close_at is not None:
        nxt = next((s.open_at for s in spans[i + 1 :] if s.para_start == span.para_start), span.para_end)
        after = text[span.close_at + 1 : nxt]
        found = attribution_after(after, names)
        if found:
            return found
    if direct:
        before = text[s_start : span.open_at]
        prev_close = max((s.close_at or 0 for s in spans[:i] if s.para_start == span.para_start), default=0)
        if prev_close and prev_close >= s_start:
            before = text[prev_close + 1 : span.open_at]
        m = re.search(rf"{SPEECH_VERB_RE}[^“”\"]{{0,40}}[:,]\s*$", before)
        return attribution_in(before, names) if m or re.search(r"according to", before) else None
    outside = _mask_quotes(text, spans, s_start, s_end)
    return attribution_in(outside, names)


def _mask_quotes(text: str, spans: list[Span], start: int, end: int) -> str:
    """Return the sentence with quoted text replaced by spaces, so attributions are read outside quotes."""
    chars = list(text[start:end])
    for s in spans:
        lo, hi = max(s.open_at, start), min((s.close_at or s.end) + 1, end)
        for k in range(lo - start, hi - start):
            chars[k] = " "
    return "".join(chars)


def speech_mentions(text: str, spans: list[Span], names: NameIndex) -> list[tuple[int, Attribution]]:
    """Every 'NAME said' outside quotes, in text order: the candidates a later 'he said' refers to."""
    masked = _mask_quotes(text, spans, 0, len(text))
    found = []
    for m in _NAME_VERB.finditer(masked):
        person = _person(m.group("name"), masked[max(0, m.start() - 80) : m.start("name")], m.group("appos"), names)
        if person:
            found.append((m.start(), person))
    return found


def _resolve_speakers(text, drafts, names: NameIndex, mentions: list[tuple[int, Attribution]]):
    """Run the chain: own sentence → next quote in the paragraph → previous quote → pronoun → none."""
    previous: tuple[Span, Quote] | None = None
    resolved: list[Quote] = []
    for k, (span, quote, own) in enumerate(drafts):
        speaker, how = own, "sentence"
        if speaker is None:
            speaker, how = _from_next_in_paragraph(text, drafts, k), "sentence"
        if speaker is None and previous is not None and _continues(text, previous[0], span):
            prev_quote = previous[1]
            if prev_quote.speaker:
                speaker, how = Attribution(prev_quote.speaker, prev_quote.role, "name"), "continuation"
        if speaker is not None and speaker.kind == "pronoun":
            speaker, how = _resolve_pronoun(speaker, span, mentions, names, text), "pronoun"
        if speaker is None and quote.kind == "partial":
            echo = _echo(quote, resolved, drafts[k + 1 :])
            if echo is None:
                continue  # an unattributed quoted phrase is not a quote
            speaker, how = echo, "sentence"
        if speaker is not None and speaker.kind == "name":
            mentions.append((span.open_at, speaker))
            mentions.sort(key=lambda m: m[0])
        final = replace(
            quote,
            speaker=speaker.speaker if speaker else None,
            role=speaker.role if speaker else None,
            attribution=how if speaker else "none",
        )
        resolved.append(final)
        previous = (span, final)
    return _fill_roles(resolved)


def _fill_roles(quotes: list[Quote]) -> list[Quote]:
    """Give every quote of a speaker the role found for that speaker anywhere in the article."""
    roles: dict[str, str] = {}
    for q in quotes:
        if q.speaker and q.role:
            roles.setdefault(q.speaker, q.role)
    return [replace(q, role=roles.get(q.speaker)) if q.speaker and not q.role else q for q in quotes]


def _from_next_in_paragraph(text, drafts, k) -> Attribution | None:
    """'“A.” “B,” Campbell said.': A takes the attribution of the quote right after it."""
    span = drafts[k][0]
    for nxt_span, _, nxt_own in drafts[k + 1 : k + 2]:
        if nxt_span.para_start == span.para_start and span.close_at is not None:
            if not text[span.close_at + 1 : nxt_span.open_at].strip() and nxt_own is not None:
                return nxt_own
    return None


def _continues(text: str, prev: Span, span: Span) -> bool:
    """A quote continues the previous one in its paragraph, or opens the paragraph right after it."""
    if prev.para_start == span.para_start:
        return True
    between = text[prev.para_end : span.para_start]
    return between.count("\n") <= 2 and span.open_at == span.para_start


def _resolve_pronoun(pron: Attribution, span: Span, mentions, names: NameIndex, text: str):
    """Resolve 'he'/'she' to the latest named speaker before the quote, quoted or reported."""
    if pron.speaker not in ("he", "she"):
        return None
    earlier = [a for pos, a in mentions if pos < span.open_at]
    if earlier:
        return Attribution(earlier[-1].speaker, earlier[-1].role, "name")
    before = [n for n in names.full_names if text.rfind(n, 0, span.open_at) >= 0]
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
