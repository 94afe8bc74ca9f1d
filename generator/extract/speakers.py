"""Who said each quote: candidate mentions around it, ranked by a model learned from annotated news.

For every quote the candidates are the mentions of its paragraph and the paragraph before (and
the speaker chosen for the previous quote, wherever it was), plus "nobody". Each candidate is
described by features that used to be hand-written rules (the side of the quote it stands on, how
far, whether it is the subject of a speech verb or its object, whether it opens its clause,
whether it spoke the quote before, its form and kind, the words around it, how often the article
names it) and scored by a linear model; the best candidate is the speaker. When that is a
pronoun, a second model picks the entity it refers to among those named before it. Both models
are trained by train/speakers.py on the training split of the quote benchmark and ship as JSON
weights in generator/extract/models/; scoring here is plain Python.

Features are names (binary): what does not depend on the quote is worked out once per mention.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from generator.extract.mentions import (
    DOCUMENT,
    GROUP,
    LABEL,
    NAME,
    NOMINAL,
    ORGANISATION,
    PERSON,
    PLACE,
    PRONOUN,
    UNKNOWN,
    Discourse,
    Mention,
    word_after,
    word_before,
)
from generator.extract.patterns import MEDIA_AFTER as _MEDIA_AFTER
from generator.extract.patterns import MEDIA_BEFORE as _MEDIA_BEFORE
from generator.extract.patterns import PARTICIPLE_RE, REPORTING_VERB_RE, REPORTING_VERBS

MODELS = Path(__file__).resolve().parent / "models"
MAX_CANDIDATES = 14  # the nearest mentions a quote is compared with
MAX_ANTECEDENTS = 12
NONE = -1  # the candidate "nobody said it"
MIN_ANTECEDENT_PROBABILITY = 0.3  # below it a pronoun speaker stays unresolved: say less

_VERB = rf"(?:{REPORTING_VERB_RE}|{PARTICIPLE_RE})"
_ACCORDING_ANYWHERE = re.compile(r"\b[Aa]ccording to\b")
_VERB_ANYWHERE = re.compile(rf"(?<![\w’'-]){_VERB}(?![\w’'-])")
_ADVERB_WORDS = frozenset(
    "also later then once still often simply recently previously repeatedly further again earlier had has have "
    "was is would will could did does not never".split()
)
_INVERSION_OPENERS = frozenset([",", "”", '"', "’", "'", "^", ":", "—", "–", "(", "and", "but", "also"])
_SPEECH_NOUN_AFTER = re.compile(
    r"(?:\s+[a-z-]+){0,2}?\s+(?:references?|remarks?|words?|comments?|statements?|claims?|calls?|promises?|pledges?|"
    r"vows?|descriptions?|phrases?|slogans?|warnings?|assertions?|insistence|description|characteri[sz]ations?|"
    r"accusations?|threats?|demands?|message|rhetoric|language|talk)\b"
)
_VERB_WORDS = frozenset(w for w in REPORTING_VERBS if " " not in w)
_PARTICLES_AFTER = frozenset("out on in up back".split())  # "pointed out", "went on", "chimed in"
_ACCORDING_ENDS = ("according to ", "in the words of ", " per ")
_OBJECT_WORDS = frozenset(
    "to told tell tells telling with by for from about against at on of asked urged thanked met than and called "
    "criticised criticized accused blamed praised between among toward towards into over under after before "
    "like as in".split()
)
_SPEECH_ANY = re.compile(rf"\b{_VERB}\b|\b[Aa]ccording to\b")
_COLON_END = re.compile(r":\s*$")
_CLAUSE_LEAD = re.compile(r"(?:,|\band|\bbut|\bwhile|\bas)\s*$")
_NAMED_AS = re.compile(
    r"(?:so-called|dubbed|called|known as|termed|branded|labell?ed|the word|the term|nicknamed|titled)\s*$", re.I
)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|any|no)\s*$", re.I)
_POSSESSIVE_BEFORE = re.compile(r"[’']s\s*$")
_NEWLINE = re.compile("\n")
_FIRST_PERSON = frozenset("i we me us my our i'm we're i’m we’re".split())
_CLAUSE_WORDS = frozenset(
    "is are was were will would has have had can could must should do does did it’s it's don't don’t "
    "can't can’t won't won’t".split()
)
_SMALL = frozenset("a an the of and or to in on for".split())


@dataclass(frozen=True, slots=True)
class Site:
    """A quote and where it stands: what the features look at."""

    start: int
    end: int
    open_at: int
    close_at: int  # just past the closing mark, or the end of the paragraph when left open
    para_start: int
    para_end: int
    direct: bool
    sentence_start: int
    sentence_end: int
    looks_like_term: bool = False  # the old rules' verdict: a title, nickname or scare quote


@dataclass(frozen=True, slots=True)
class Local:
    """What a mention's own surroundings say, whatever the quote: worked out once per mention."""

    sentence: int
    paragraph: int
    verb_after: int  # where a speech verb right after the mention starts, or -1
    verb_after_end: int
    verb_before: int  # where a speech verb right before the mention starts, or -1
    static: tuple[str, ...]  # the features that do not depend on the quote
    form: str  # "name", "nominal", "pron_he", …


@dataclass(frozen=True, slots=True)
class Context:
    """What every quote of one article shares: mentions, sentences, paragraphs, speech verbs."""

    doc: Discourse
    sentence_starts: tuple[int, ...]
    para_starts: tuple[int, ...]
    quoted: tuple[tuple[int, int], ...]  # every quote span (marks included), sorted
    text: str
    relations: tuple[tuple[int, int, int], ...]  # per mention: speech verb after (start, end), before
    said_count: tuple[int, ...]  # per entity: how many of its mentions are subjects of speech verbs
    cache: list  # per mention: its Local once asked for
    verbs: tuple[int, ...] = ()  # where every speech verb (and "according to") starts, sorted


# --- the model file ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Weights of a linear scorer: the score of a candidate is the sum of its features' weights."""

    name: str
    weights: dict
    threshold: float = 0.0  # the ranker: the probability that someone said a short quote for it to be kept

    def score(self, features: Iterable[str]) -> float:
        """Sum the weights of the active features."""
        return sum(map(self.weights.get, features, repeat(0.0)))


@lru_cache(maxsize=4)
def load_model(name: str) -> LinearModel:
    """Read generator/extract/models/<name>.json."""
    data = json.loads((MODELS / f"{name}.json").read_text(encoding="utf-8"))
    return LinearModel(data["name"], data["weights"], data.get("threshold", 0.0))


# --- context ----------------------------------------------------------------------------------------


def _index(starts: tuple[int, ...] | list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _skip_apposition(text: str, pos: int) -> int:
    """Past ', 66,' or ', the defence minister,' or ', 71, who has lived there since 1982,' after a
    mention: up to three comma-bounded chunks, none with quote marks or a line break."""
    at = pos
    for _ in range(3):
        k = at
        while k < len(text) and text[k] == " ":
            k += 1
        if k >= len(text) or text[k] != ",":
            break
        close = text.find(",", k + 1, k + 92)
        if close < 0 or any(c in text[k + 1 : close] for c in "“”\"\n"):
            break
        at = close + 1
        if word_after(text, at)[0] in _VERB_WORDS:
            break
    return at


def _skip_complement(text: str, pos: int) -> int:
    """Past 'of the Harbour Board' after a name: a body the person belongs to, before the verb."""
    word, at, end = word_after(text, pos)
    if word not in ("of", "for", "from", "at", "with"):
        return pos
    steps = 0
    while steps < 7:
        nxt, n_at, n_end = word_after(text, end)
        if nxt in ("the", "of", "for", "and") or (n_at < len(text) and text[n_at : n_at + 1].isupper()):
            end = n_end
            steps += 1
            continue
        break
    return end if steps else pos


def context(text: str, doc: Discourse, sentence_starts: list[int], quoted: list[tuple[int, int]]) -> Context:
    """Precompute what the features of every quote of the article need: where each mention is the
    subject of a speech verb (for every mention, since it counts for its entity), and the rest of a
    mention's own features when a quote first asks for them."""
    para_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    verbs = {m.start(): m.end() for m in _VERB_ANYWHERE.finditer(text)}
    relations = [_verb_relations(text, m, verbs) for m in doc.mentions]
    cues = sorted([*verbs, *(m.start() for m in _ACCORDING_ANYWHERE.finditer(text))])
    said = [0] * len(doc.entities)
    for i, (va, _, vb) in enumerate(relations):
        e = doc.entity_of[i]
        if e >= 0 and (va >= 0 or vb >= 0):
            said[e] += 1
    return Context(
        doc, tuple(sentence_starts or [0]), tuple(para_starts), tuple(sorted(quoted)), text, tuple(relations),
        tuple(said), [None] * len(doc.mentions), tuple(cues),
    )


def _verb_relations(text: str, m: Mention, verbs: dict[int, int]) -> tuple[int, int, int]:
    """Where a speech verb right after the mention starts and ends (past an apposition and adverbs:
    "Gallant, 66, later told"), and where one right before it starts ("said Gallant"); -1 if none."""
    if m.quoted:
        return -1, -1, -1
    prv, prv_at = word_before(text, m.phrase_start)
    vb = prv_at if prv_at in verbs and verbs[prv_at] >= prv_at + len(prv) else -1
    if vb < 0 and prv in _PARTICLES_AFTER:
        at2 = word_before(text, prv_at)[1]
        vb = at2 if at2 in verbs else -1  # "pointed out Gallant"
    if vb >= 0 and word_before(text, vb)[0] not in _INVERSION_OPENERS:
        vb = -1  # "the US believes Hamas has …": Hamas opens what is believed; only "…,” said X" inverts
    at = _skip_complement(text, _skip_apposition(text, m.phrase_end))
    for _ in range(4):
        word, w_at, w_end = word_after(text, at)
        if w_at in verbs:
            return w_at, verbs[w_at], vb
        if word not in _ADVERB_WORDS and not word.endswith("ly"):
            break
        at = w_end
    return -1, -1, vb


def local(ctx: Context, i: int) -> Local:
    """Mention i's own features, worked out once."""
    cached = ctx.cache[i]
    if cached is not None:
        return cached
    text, doc = ctx.text, ctx.doc
    m = doc.mentions[i]
    va, va_end, vb = ctx.relations[i]
    prv, prv_at = word_before(text, m.phrase_start)
    nxt = word_after(text, m.phrase_end)[0]
    if prv in ("the", "a", "an"):
        prv = word_before(text, prv_at)[0]  # "of the Harbour Board": what stands before the article
    lead = text[max(0, m.phrase_start - 22) : m.phrase_start].lower()
    according = lead.endswith(_ACCORDING_ENDS)
    form = f"pron_{m.head}" if m.form == PRONOUN else m.form
    static = [f"form={form}", f"kind={m.kind}", f"w+1={nxt}", f"w-1={prv}"]
    if nxt == ",":
        ap_end = _skip_apposition(text, m.phrase_end)
        if ap_end > m.phrase_end:
            static.append(f"appos+1={word_after(text, ap_end)[0]}")
    if va >= 0:
        static += ["subj_verb", f"subj_verb|{form}", f"subj_verb={text[va:va_end].lower()}"]
    if vb >= 0:
        static += ["verb_subj", f"verb_subj|{form}", f"verb_subj={word_after(text, vb)[0]}"]
    if according:
        static.append("according")
    if vb < 0 and not according and prv in _OBJECT_WORDS:
        static += ["object", f"object|{form}"]
    if m.possessive:
        static.append("possessive")
        noun = _SPEECH_NOUN_AFTER.match(text, m.phrase_end)
        if noun:  # "Netanyahu’s repeated references to a “total victory”": the phrase is his
            static.append("possessive_speech_noun")
    if m.quoted:
        static.append("in_quote")
    if m.headline:
        static.append("headline")
    s = _index(ctx.sentence_starts, m.phrase_start)
    lead = text[ctx.sentence_starts[s] : m.phrase_start] if s >= 0 else ""
    if i > 0 and doc.entity_of[i - 1] == doc.entity_of[i] >= 0 and doc.mentions[i - 1].end >= m.phrase_start - 3:
        static.append("apposition")  # "Kurt Campbell, the deputy secretary": the name beside it is this entity
    elif not lead.strip(" “\"‘") or (len(lead) < 90 and _CLAUSE_LEAD.search(lead)):
        static.append("clause_subject")
    if m.form == NOMINAL:
        static.append(f"definite={m.definite}")
        if m.plural:
            static.append("plural_nominal")
    e = doc.entity_of[i]
    if e >= 0:
        ent = doc.entities[e]
        static += [f"salience={_bucket(len(ent.mentions), (1, 2, 4, 8))}", f"entity_kind={ent.kind}"]
        static.append(f"said={_bucket(ctx.said_count[e], (0, 1, 3))}")
    if m.kind == PLACE and m.form == NAME:
        static.append("place_name")
    found = Local(s, _index(ctx.para_starts, m.start), va, va_end, vb, tuple(static), form)
    ctx.cache[i] = found
    return found


def _mask(text: str, ctx: Context, start: int, end: int) -> str:
    """text[start:end] with quoted stretches blanked out."""
    if start >= end:
        return ""
    i = max(0, bisect.bisect_right(ctx.quoted, (start, 1 << 60)) - 1)
    out, at = [], start
    while i < len(ctx.quoted) and ctx.quoted[i][0] < end:
        qs, qe = ctx.quoted[i]
        if qe > at:
            lo = max(qs, at)
            out.append(text[at:lo])
            hi = min(qe, end)
            out.append(" " * (hi - lo))
            at = hi
        i += 1
    out.append(text[at:end])
    return "".join(out)


# --- candidates and features ---------------------------------------------------------------------------


def candidates(ctx: Context, site: Site, previous: int | None) -> list[int]:
    """The mentions a quote may be attributed to: those of its paragraph and the paragraph before
    it (the nearest first), its transcript label, and the previous quote's speaker."""
    p = _index(ctx.para_starts, site.open_at)
    lo = ctx.para_starts[p - 1] if p >= 1 else 0
    doc = ctx.doc
    found = []
    for i in doc.between(lo, site.para_end):
        m = doc.mentions[i]
        if site.open_at <= m.start < site.close_at:
            if m.form == LABEL and m.start <= site.start + 2:
                found.append((0, i))
            continue
        if m.form == LABEL:
            continue
        found.append((site.open_at - m.end if m.end <= site.open_at else m.start - site.close_at, i))
    found.sort()
    out = [i for _, i in found[:MAX_CANDIDATES]]
    if previous is not None and previous >= 0 and previous not in out:
        out.append(previous)
    return out


def _has_cue(ctx: Context, start: int, end: int) -> bool:
    """Whether a speech verb (or "according to") starts in text[start:end]."""
    k = bisect.bisect_left(ctx.verbs, start)
    return k < len(ctx.verbs) and ctx.verbs[k] < end


def features(text: str, ctx: Context, site: Site, i: int, previous_entity: int | None, rank: int) -> list[str]:
    """Describe candidate mention i for the quote at site."""
    loc = local(ctx, i)
    if ctx.doc.mentions[i].form == LABEL:
        return dynamic_features(text, ctx, site, i, previous_entity, rank)
    return list(loc.static) + dynamic_features(text, ctx, site, i, previous_entity, rank)


def dynamic_features(text: str, ctx: Context, site: Site, i: int, previous_entity: int | None, rank: int) -> list[str]:
    """The features of candidate i that depend on the quote (its own are in local(ctx, i).static)."""
    doc = ctx.doc
    m = doc.mentions[i]
    loc = local(ctx, i)
    q = "direct" if site.direct else "partial"
    if m.form == LABEL:
        return ["label", f"label|{q}"]
    before = m.end <= site.open_at
    side = "B" if before else "A"
    if before:
        s_q = _index(ctx.sentence_starts, site.open_at)
        gap_lo, gap_hi = m.phrase_end, site.open_at
    else:
        s_q = _index(ctx.sentence_starts, max(site.close_at - 1, site.open_at))
        gap_lo, gap_hi = site.close_at, m.phrase_start
    where = _where(side, abs(s_q - loc.sentence), abs(_index(ctx.para_starts, site.open_at) - loc.paragraph))
    form = loc.form
    near = gap_hi - gap_lo < 400
    gap = text[gap_lo:gap_hi] if near else ""
    if gap and ("“" in gap or "”" in gap or '"' in gap):
        gap = _mask(text, ctx, gap_lo, gap_hi)
    gap_words = len(gap.split()) if near else 99
    f = [
        "bias_cand",
        f"where={where}",
        f"where={where}|{form}",
        f"where={where}|{q}",
        f"form={form}|{q}",
        _RANK[min(rank, 6)],
        f"rank={min(rank, 6)}|{side}",
        f"gapw={_bucket(gap_words, (0, 2, 5, 10, 20, 40))}|{side}",
    ]
    lo, hi = min(gap_lo, gap_hi), max(gap_lo, gap_hi)
    between = 0
    for j in doc.between(lo, hi):
        if j != i and not doc.mentions[j].quoted:
            between += 1
            if between >= 3:
                break
    f.append(f"between={between}|{side}")
    if loc.verb_after >= 0:
        f += [f"subj_verb|{where}", f"subj_verb|{q}|{side}"]
        if before and loc.verb_after < site.open_at:
            tail = text[loc.verb_after_end : site.open_at]
            f += ["subj_verb_gap", f"subj_verb_gap_w={_bucket(len(tail.split()), (0, 1, 3, 8, 20))}"]
            if _COLON_END.search(tail):
                f.append("subj_verb_colon")
            if _has_cue(ctx, loc.verb_after_end, site.open_at):
                f.append("second_verb_after")
        if not before and not gap.strip(" ,.;:—–-\n"):
            f.append("quote_then_subj_verb")  # "“…,” Gallant said."
    if loc.verb_before >= 0:
        f.append(f"verb_subj|{where}")
        if not before and not text[site.close_at : loc.verb_before].strip(" ,.—–-\n"):
            f.append("quote_then_verb_subj")  # "“…,” said Gallant."
    static = loc.static
    if before and gap_words <= 6 and "possessive_speech_noun" in static:
        f.append("possessive_speech_noun_near")  # "… Netanyahu’s references to a “total victory”"
    if "according" in static:
        f.append(f"according|{where}")
    if "clause_subject" in static:
        f.append(f"clause_subject|{where}")
    if before and "\n" in gap:
        f.append("gap_paragraph")
    if gap and _has_cue(ctx, lo, hi):
        f.append(f"gap_has_verb|{side}")
    e = doc.entity_of[i]
    if e >= 0:
        if previous_entity is not None and e == previous_entity:
            f += ["prev_speaker", f"prev_speaker|{where}", f"prev_speaker|opens={site.open_at == site.para_start}"]
    elif m.form == PRONOUN:
        f.append(f"pron|{q}|{side}")
    if site.open_at == site.para_start:
        f.append(f"quote_opens_par|{where}")
    return f


_RANK = tuple(f"rank={r}" for r in range(7))


@lru_cache(maxsize=64)
def _where(side: str, sd: int, pd: int) -> str:
    return f"{side}s{min(sd, 3)}p{min(pd, 2)}"


def none_features(text: str, ctx: Context, site: Site, n_candidates: int) -> list[str]:
    """Describe the candidate "nobody said this": a scare quote, a title, a term."""
    content = text[site.start : site.end].strip()
    words = content.split()
    q = "direct" if site.direct else "partial"
    before = text[max(site.para_start, site.open_at - 40) : site.open_at]
    size = _bucket(len(words), (1, 2, 3, 4, 6, 10, 20))
    f = [
        f"none|w-1={word_before(text, site.open_at)[0]}",
        f"none|w+1={word_after(text, site.close_at)[0]}",
        "none",
        f"none|{q}",
        f"none|words={size}",
        f"none|words={size}|{q}",
        f"none|cands={_bucket(n_candidates, (0, 1, 3))}",
    ]
    significant = [w for w in words if w.lower() not in _SMALL]
    if significant and all(w[:1].isupper() for w in significant):
        f.append("none|title_case")
    if content[-1:] in ".!?,":
        f.append("none|punct_end")
    if _NAMED_AS.search(before):
        f.append("none|named_as")
    if _DETERMINER_BEFORE.search(before):
        f.append("none|determiner_before")
    if _POSSESSIVE_BEFORE.search(before):
        f.append("none|possessive_before")
    sentence = text[site.sentence_start : site.open_at] + " " + text[site.close_at : site.sentence_end]
    if not _SPEECH_ANY.search(sentence):
        f += ["none|no_speech_verb", f"none|no_speech_verb|{q}"]
    if site.open_at == site.para_start and site.close_at >= site.para_end - 2:
        f.append("none|whole_paragraph")
    if "?" in content or "!" in content:
        f.append("none|exclaims")
    if site.looks_like_term:
        f.append(f"none|term|{q}")
    lowered = {w.strip(",.;:!?’'\"").lower() for w in words}
    if lowered & _FIRST_PERSON:
        f += ["none|first_person", f"none|first_person|{q}"]  # "we will …": someone speaks
    if lowered & _CLAUSE_WORDS:
        f += ["none|clause_inside", f"none|clause_inside|{q}"]  # a verb inside: words said, not a term
    if _MEDIA_BEFORE.search(before) or _MEDIA_AFTER.match(text[site.close_at : site.close_at + 30]):
        f.append("none|media")
    return f


# --- decoding --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """The speaker chosen for one quote."""

    mention: int  # NONE when nobody
    entity: int  # -1 when the mention could not be linked (an unresolved pronoun)
    probability: float  # that someone said it at all (one minus that of "nobody")
    margin: float  # how far ahead of the runner-up
    carried: bool = False
    # another entity owns the words the quote sits in ("Netanyahu’s references to a “total
    # victory”" in a sentence Campbell speaks): who said it is in doubt
    contested: bool = False  # the speaker of the quote before, named outside this quote's sentence


def _static_score(ctx: Context, ranker: LinearModel, i: int, memo: dict[int, float]) -> float:
    """The ranker's score of a mention's own features, worked out once per article."""
    if i not in memo:
        memo[i] = 0.0 if ctx.doc.mentions[i].form == LABEL else ranker.score(local(ctx, i).static)
    return memo[i]


class Previous:
    """The speaker of the quote before, as it carries on to the next quote: the same for choosing
    (the speaker chosen) and for training (the gold speaker), so that features mean one thing."""

    def __init__(self) -> None:
        self.mention: int | None = None
        self.entity: int | None = None
        self.para = -10

    def before(self, ctx: Context, site: Site) -> None:
        """Forget a speaker from paragraphs ago: it no longer carries on."""
        if _index(ctx.para_starts, site.open_at) - self.para > 2:
            self.mention = self.entity = None

    def after(self, ctx: Context, site: Site, mention: int, entity: int) -> None:
        """Remember the quote's speaker, when there is one."""
        if mention != NONE and entity >= 0:
            self.mention, self.entity = mention, entity
            self.para = _index(ctx.para_starts, max(site.close_at - 1, site.open_at))


def site_candidates(ctx: Context, site: Site, previous: int | None) -> tuple[list[int], bool]:
    """The candidate mentions for a quote, and whether a transcript label inside it decides: then
    only labels are candidates, and "nobody" is not one ("BERG: It will reopen on Monday")."""
    cands = candidates(ctx, site, previous)
    labels = [i for i in cands if ctx.doc.mentions[i].form == LABEL and site.open_at <= ctx.doc.mentions[i].start < site.close_at]
    return (labels, True) if labels else (cands, False)


def choose(text: str, ctx: Context, sites: list[Site], ranker: LinearModel, resolver: LinearModel) -> list[Choice]:
    """Pick a speaker for every quote, in text order; a pronoun is resolved to an entity."""
    out: list[Choice] = []
    statics: dict[int, float] = {}
    prev = Previous()
    for site in sites:
        prev.before(ctx, site)
        previous_mention, previous_entity = prev.mention, prev.entity
        cands, labels = site_candidates(ctx, site, previous_mention)
        feats = [dynamic_features(text, ctx, site, i, previous_entity, r) for r, i in enumerate(cands)]
        scored = [(ranker.score(f) + _static_score(ctx, ranker, i, statics), i) for f, i in zip(feats, cands, strict=True)]
        owners = {ctx.doc.entity_of[i] for f, i in zip(feats, cands, strict=True) if "possessive_speech_noun_near" in f}
        if not labels:
            scored.append((ranker.score(none_features(text, ctx, site, len(cands))), NONE))
        scored.sort(key=lambda x: (-x[0], x[1]))
        best, mention = scored[0]
        margin = best - scored[1][0] if len(scored) > 1 else 10.0
        z = sum(math.exp(sc - best) for sc, _ in scored)
        nobody = sum(math.exp(sc - best) for sc, i in scored if i == NONE) / z
        entity = -1
        if mention != NONE:
            entity = ctx.doc.entity_of[mention]
            if ctx.doc.mentions[mention].form == PRONOUN:
                entity = resolve(text, ctx, mention, previous_entity, resolver)
        carried = mention != NONE and mention == previous_mention and not (
            site.sentence_start <= ctx.doc.mentions[mention].start < site.sentence_end
        )
        contested = bool(owners - {entity})
        out.append(Choice(mention, entity, 1.0 - nobody, margin, carried, contested))
        prev.after(ctx, site, mention, entity)
    return out


# --- pronouns ----------------------------------------------------------------------------------------

PRONOUN_KINDS = {
    "he": (PERSON,), "she": (PERSON,), "i": (PERSON,),
    "it": (ORGANISATION, DOCUMENT, PLACE), "they": (ORGANISATION, GROUP, PERSON), "we": (ORGANISATION, GROUP),
}


def antecedents(ctx: Context, pronoun: int, limit: int = MAX_ANTECEDENTS) -> list[int]:
    """Entities named before a pronoun (nearest last mention first): what it may refer to."""
    doc = ctx.doc
    last: dict[int, int] = {}
    for j in range(pronoun - 1, -1, -1):
        e = doc.entity_of[j]
        if e < 0 or e in last or doc.mentions[j].quoted:
            continue  # names inside quotes are what was said, not who says it
        last[e] = j
        if len(last) >= limit:
            break
    return sorted(last, key=lambda e: -last[e])


def agrees(ctx: Context, pronoun: int, entity: int) -> bool:
    """Whether an entity can be what the pronoun says: 'she' is a person who is not known to be a
    man, 'it' is no person, 'they' anyone."""
    p = ctx.doc.mentions[pronoun]
    ent = ctx.doc.entities[entity]
    if p.gender and ent.gender and p.gender != ent.gender:
        return False
    return ent.kind == UNKNOWN or ent.kind in PRONOUN_KINDS.get(p.head, ())


def antecedent_features(text: str, ctx: Context, pronoun: int, entity: int, rank: int, previous_entity: int | None) -> list[str]:
    """Describe an entity as what a pronoun may refer to (the entities offered agree with it in
    kind, number and sex: see agrees)."""
    doc = ctx.doc
    p = doc.mentions[pronoun]
    ent = doc.entities[entity]
    members = [j for j in ent.mentions if j < pronoun and not doc.mentions[j].quoted]
    j = members[-1]
    m = doc.mentions[j]
    loc = local(ctx, j)
    pron = p.head
    sd = local(ctx, pronoun).sentence - loc.sentence
    pd = local(ctx, pronoun).paragraph - loc.paragraph
    f = [
        "bias_ante",
        f"rank={min(rank, 6)}",
        f"rank={min(rank, 6)}|{pron}",
        f"sd={_bucket(sd, (0, 1, 2, 4, 8))}",
        f"pd={_bucket(pd, (0, 1, 2, 4))}",
        f"kind={ent.kind}|{pron}",
        f"named={ent.named}|{pron}",
        f"form={m.form}",
        f"mentions={_bucket(len(members), (1, 2, 4, 8))}",
        f"said={_bucket(ctx.said_count[entity], (0, 1, 3))}",
    ]
    if p.gender:
        f.append("gender_agree" if ent.gender else "gender_unknown")
    if loc.verb_after >= 0 or loc.verb_before >= 0:
        f.append("last_was_speaker")
    if any(ctx.relations[k][0] >= 0 or ctx.relations[k][2] >= 0 for k in members):
        f.append("ever_speaker")
    if m.quoted:
        f.append("last_in_quote")
    if m.possessive:
        f.append("last_possessive")
    if "clause_subject" in loc.static:
        f.append("last_subject")
    if previous_entity is not None and entity == previous_entity:
        f += ["prev_speaker", f"prev_speaker|{pron}"]
    if m.plural:
        f.append(f"plural|{pron}")
    return f


def antecedent_options(text: str, ctx: Context, pronoun: int, previous_entity: int | None) -> tuple[list[int], list[list[str]]]:
    """The entities a pronoun may refer to (those that agree with it), with their features."""
    ents = [e for e in antecedents(ctx, pronoun) if agrees(ctx, pronoun, e)]
    feats = [antecedent_features(text, ctx, pronoun, e, rank, previous_entity) for rank, e in enumerate(ents)]
    return ents, feats


def resolve(text: str, ctx: Context, pronoun: int, previous_entity: int | None, model: LinearModel) -> int:
    """The entity a pronoun speaker refers to, or -1 when none is likely enough."""
    doc = ctx.doc
    if doc.mentions[pronoun].head in ("i", "we") and doc.mentions[pronoun].quoted:
        return -1
    ents, feats = antecedent_options(text, ctx, pronoun, previous_entity)
    if not ents:
        return -1
    scores = [model.score(f) for f in feats]
    top = max(scores)
    z = sum(math.exp(s - top) for s in scores)
    best = min(range(len(ents)), key=lambda k: (-scores[k], k))
    return ents[best] if 1.0 / z >= MIN_ANTECEDENT_PROBABILITY else -1
