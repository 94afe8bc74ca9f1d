"""Direct and partial quotations with their speakers.

Spans come from paired quote marks (curly, straight, or the '' pairs of archive text); a paragraph
that opens a quote without closing it runs on to the next. A quote is direct when it opens its
sentence or follows "said:" with a capital, partial when it is a fragment inside the reporter's
own sentence.

Who said it is decided by the speaker model (generator/extract/speakers.py) over the article's
mentions and entities (generator/extract/mentions.py): the speaker shown is an entity's fullest
name, with the role the article gives it and its kind (person, organisation, group, document, or
an unnamed source). A short quoted phrase that the model gives to nobody is a scare quote or a
title and is left out; a longer direct quote stays, unattributed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.extract.mentions import DOCUMENT, GROUP, ORGANISATION, PLACE, Discourse, analyse, quote_regions
from generator.extract.patterns import (
    MEDIA_AFTER,
    MEDIA_BEFORE,
    PARTICIPLE_RE,
    POSSESSIVE_BEFORE,
    SCARE_PRECEDERS,
    SPEECH_VERB_RE,
)
from generator.extract.speakers import NONE, Choice, Context, Site, choose, context, load_model
from generator.model import Quote, Sentence

MAX_UNATTRIBUTED_PHRASE = 4  # words: a shorter quoted phrase nobody is said to have spoken is left out
RANKER, RESOLVER = "speaker-ranker", "pronoun-resolver"
_PROPER_WORD = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+")
_HOW = {"name": "name", "nominal": "description", "pronoun": "pronoun", "label": "label"}
_SMALL_WORDS = frozenset("a an the of and or to in on at for by with from as is it".split())
_ENDS_WITH_VERB = re.compile(rf"(?:{SPEECH_VERB_RE}|{PARTICIPLE_RE})$")
_EXCERPT_INTRO = re.compile(r"[”\"],?\s*by\s+[^“”\":]{1,60}:\s*$")
_NAME_END = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.)\s$")
_NAME_START = re.compile(r"^\s[A-Z][a-z]")


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


# --- spans ---------------------------------------------------------------------------------------

_MARK = re.compile(r"‘‘|’’|“|”|\"|''")
_AS_DOUBLE = {"‘‘": "“", "’’": "”"}  # two single marks typed for one double


def find_spans(text: str) -> list[Span]:
    """Find quote spans: curly, straight, '' and ‘‘ ’’ double quotes, and single quotes in headlines."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.start(), para.end()
        before = len(spans)
        open_at: int | None = None
        open_len = 0
        for m in _MARK.finditer(text, p0, p1):
            i = m.start()
            mark = _AS_DOUBLE.get(m.group(0), m.group(0))
            if open_at is None:
                if (mark == "”" and i != p0) or (mark not in "“”" and not _opens(text, i, p0)):
                    continue
                open_at, open_len = i, len(m.group(0))
            elif mark == "“" or (mark != "”" and _opens(text, i, p0) and not _closes(text, m.end(), p1)):
                open_at, open_len = i, len(m.group(0))  # a stray opener: restart from the new one
            else:
                if i > open_at + open_len:
                    spans.append(Span(open_at + open_len, i, open_at, m.end(), p0, p1))
                open_at = None
        if open_at is not None and p1 - open_at > 2:
            end = p1
            while end > open_at + open_len and text[end - 1].isspace():
                end -= 1
            spans.append(Span(open_at + open_len, end, open_at, None, p0, p1))
        if len(spans) == before and _is_headline(text[p0:p1]):  # no quote in the paragraph so far
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




# --- putting it together -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article's quote sites and everything the speaker model reads about them."""

    spans: tuple[Span, ...]
    sites: tuple[Site, ...]
    sentences: tuple[Sentence | None, ...]  # per site
    doc: Discourse
    context: Context


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Title-case lines (a headline's capitals name nobody in particular)."""
    return [(h.start(), h.end()) for h in re.finditer(r"[^\n]+", text) if _is_title_case(h.group(0), h.start() == 0)]


def prepare(text: str, sents: tuple[Sentence, ...]) -> Prepared:
    """Find the quote spans of text, the mentions and entities around them, and each quote's site."""
    spans = find_spans(text)
    quoted = [(s.open_at, s.close_at if s.close_at is not None else s.end) for s in spans]
    doc = analyse(text, quoted, headline_lines(text), quote_regions(text, quoted))
    starts = [s.start for s in sents]
    ctx = context(text, doc, starts, quoted)
    sites, owners = [], []
    for span in spans:
        sentence = _sentence_at(sents, starts, span.open_at)
        s_start, s_end = (sentence.start, sentence.end) if sentence else (span.para_start, span.para_end)
        direct = is_direct(text, span, s_start) and not span.single
        close = span.close_at if span.close_at is not None else span.end
        term = is_title_or_scare(text, span, direct)
        sites.append(Site(span.start, span.end, span.open_at, close, span.para_start, span.para_end, direct,
                          s_start, max(s_end, close), term))
        owners.append(sentence)
    return Prepared(tuple(spans), tuple(sites), tuple(owners), doc, ctx)


def speaker_kind(doc: Discourse, entity: int) -> str:
    """How the site lists a speaker: a person, an organisation or a group it can give a page to; a
    document whose author the article does not give; or a source, described but not named ("a
    senior official", "the ministry", "residents"). A body described with a proper name in the
    description ("the Israeli military", "the Levi family") is a body, not an unnamed source."""
    ent = doc.entities[entity]
    if ent.kind == DOCUMENT:
        return "document"
    if not ent.named:
        if ent.kind in (ORGANISATION, GROUP) and _PROPER_WORD.search(ent.name):
            return ent.kind
        return "source"
    if ent.kind in (ORGANISATION, PLACE):
        return "organisation"
    if ent.kind == GROUP:
        return "group"
    return "person"


def extract_quotes(text: str, sents: tuple[Sentence, ...], ranker=None, resolver=None) -> tuple[Quote, ...]:
    """Return every direct and attributed partial quote of text, in order, with its speaker
    (the shipped models unless others are given, as training's cross-validation does)."""
    prepared = prepare(text, sents)
    ranker = ranker or load_model(RANKER)
    resolver = resolver or load_model(RESOLVER)
    choices = choose(text, prepared.context, list(prepared.sites), ranker, resolver)
    return tuple(q for q in (_quote(text, prepared, k, c, ranker.threshold) for k, c in enumerate(choices)) if q is not None)


def _quote(text: str, prepared: Prepared, k: int, choice: Choice, threshold: float) -> Quote | None:
    site, sentence = prepared.sites[k], prepared.sentences[k]
    words = len(text[site.start : site.end].split())
    short = not site.direct or words <= MAX_UNATTRIBUTED_PHRASE
    if short and (choice.probability < threshold or choice.contested):
        return None  # a phrase nobody surely said (a scare quote, a term, a title), or someone else's words
    if choice.mention == NONE or choice.entity < 0:
        if not site.direct or words <= MAX_UNATTRIBUTED_PHRASE:
            return None  # a scare quote, a title or a term: nobody said it
        speaker = role = kind = None
    else:
        ent = prepared.doc.entities[choice.entity]
        speaker, role, kind = ent.name, ent.role, speaker_kind(prepared.doc, choice.entity)
    how = "none" if speaker is None else "continuation" if choice.carried else _HOW[prepared.doc.mentions[choice.mention].form]
    return Quote(
        start=site.start,
        end=site.end,
        text=text[site.start : site.end],
        sentence_id=sentence.id if sentence else "",
        speaker=speaker,
        role=role,
        kind="direct" if site.direct else "partial",
        attribution=how,
        speaker_kind=kind,
    )


def _sentence_at(sents: tuple[Sentence, ...], starts: list[int], offset: int) -> Sentence | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sents[i].start <= offset < sents[i].end:
        return sents[i]
    return sents[i + 1] if 0 <= i + 1 < len(sents) and sents[i + 1].start <= offset + 1 else None
