"""Key points: a learned linear score over cheap sentence features, then MMR for diversity.

Each feature is a named function of one sentence seen in its article (FEATURES lists them). The
weights are fitted by train/keypoints.py on the CNN/DailyMail dev set (`make train`) and ship as
models/keypoints.json; scoring here is plain Python. Three things are rules, not weights: a caption
credit is never a key point; a line without closing punctuation (a headline, subhead, byline or
dateline) ranks after every real sentence, as the dev set has none to learn from; and a sentence
that does not stand alone (a fragment, a question, mostly a quote) ranks after every one that does,
since a key point is read on its own (on the dev set this costs about 0.1 ROUGE-1).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generator.extract.patterns import CREDIT_ONLY, DATELINE_PREFIX
from generator.extract.text_stats import content, cosine, summed, tfidf_vectors, words
from generator.model import KeyPoint, Sentence

MODEL_PATH = Path(__file__).resolve().parent / "models" / "keypoints.json"
MIN_WORDS = 8
MIN_KEY_POINTS = 3  # always this many, when the article has them; more only if they stand alone
LEAD_SENTENCES = 3  # "the lead" that lead_similarity compares with
# A key point is read on its own: past this many words a sentence is usually a run-on, or a
# caption glued to the next sentence by a missing full stop.
LONG_WORDS = 30
LONG_SPAN = 30

_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_ATTRIBUTION_ONLY = re.compile(
    r"^[^“\"]{0,80}\b(said|says|told|added|according to)\b[^“\"]{0,60}[.:]$", re.IGNORECASE
)
_ATTRIBUTION_WORDS = (" said", " says", " told", "according to")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(\([A-Za-z ]+\))?\s*[—–-]\s*$")
_DATELINE_MARKS = ("(", "—", "–", "-")  # one of these is in every dateline prefix
_NUMBER = re.compile(r"\d+")
_CAPITALISED = re.compile(r" [A-Z]")
_FIRST_PERSON_WORDS = frozenset({"i", "me", "my", "mine", "myself", "we", "our", "ours", "ourselves"})  # not "us": US
# Openers that lean on the sentence before: a pronoun, a connective.
_ANAPHORIC_OPENER = re.compile(
    r"^[“\"‘']?(He|She|It|They|His|Her|Its|Their|This|That|These|Those|But|And|So|Yet|Also|However|"
    r"Still|Instead|Meanwhile|Then|There)\b"
)


# ---------------------------------------------------------------------------------------------
# What a sentence is, independent of its article


def key_point_start(sentence: Sentence, opens_paragraph: bool) -> int:
    """Where a sentence's key point starts: past a dateline prefix ("GAZA CITY, Oct 5 (AP) — ")
    when the sentence opens a paragraph, else at the sentence's start."""
    if not opens_paragraph or not any(c in sentence.text[:100] for c in _DATELINE_MARKS):
        return sentence.start
    m = DATELINE_PREFIX.match(sentence.text)
    if not m or len(sentence.text[m.end() :].split()) < 3:
        return sentence.start
    return sentence.start + m.end()


def is_credit_only(sentence: str) -> bool:
    """A sentence that is only a caption credit ("REUTERS/Some Name", "AFP via Getty Images")."""
    s = sentence.strip()
    return len(s) <= 160 and len(s.split()) <= 12 and bool(CREDIT_ONLY.match(s))


def is_dateline_only(sentence: str) -> bool:
    """A dateline standing alone ("RAFAH, Gaza Strip —")."""
    return bool(_DATELINE_ONLY.match(sentence.strip()))


def is_unpunctuated(sentence: str) -> bool:
    """A line without closing punctuation: a headline, subhead, byline or dateline."""
    return not sentence.rstrip().rstrip("”\"’')").endswith((".", "!", "?"))


def quote_fraction(sentence: str) -> float:
    """Share of the sentence's characters inside quote marks."""
    if "“" not in sentence and '"' not in sentence:
        return 0.0
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(sentence))
    if sentence.lstrip().startswith(("“", '"')) and not _QUOTED.search(sentence):
        return 1.0  # a quote running on from the previous sentence
    return quoted / max(1, len(sentence))


def is_attribution_only(sentence: str) -> bool:
    """A sentence that only says who said something ("So far, Blinken said.")."""
    return len(sentence.split()) <= 14 and bool(_ATTRIBUTION_ONLY.match(sentence.strip()))


def is_question(sentence: str) -> bool:
    """A sentence that asks rather than tells."""
    return sentence.rstrip("”\"’' ").endswith("?")


def is_fragment(sentence: str) -> bool:
    """Too short to stand alone, a subhead without closing punctuation, or a dateline."""
    return len(sentence.split()) < MIN_WORDS or is_unpunctuated(sentence) or is_dateline_only(sentence)


def stands_alone(sentence: str) -> bool:
    """A statement a reader can take without context: not a fragment, a question or mostly a quote."""
    return not (is_fragment(sentence) or is_question(sentence) or quote_fraction(sentence) >= 0.5)


# ---------------------------------------------------------------------------------------------
# Features: one named function each, of a sentence seen in its article


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A candidate sentence as the features see it: its key-point text and its place in the article."""

    index: int  # among the article's candidates (0 = the lead); a headline or credit does not count
    count: int  # candidates in the article
    text: str  # the key-point text: the sentence without a dateline prefix
    words: int
    tokens: list[str]  # words(text): lowercased
    centrality: float
    title_similarity: float
    lead_similarity: float


def first(s: SentenceView) -> float:
    """The lead sentence."""
    return float(s.index == 0)


def second(s: SentenceView) -> float:
    """The sentence after the lead."""
    return float(s.index == 1)


def third(s: SentenceView) -> float:
    """The third sentence."""
    return float(s.index == 2)


def fourth_to_sixth(s: SentenceView) -> float:
    """The fourth, fifth or sixth sentence."""
    return float(3 <= s.index < 6)


def inverse_position(s: SentenceView) -> float:
    """1 for the lead, decaying as 1 / (1 + index)."""
    return 1.0 / (1.0 + s.index)


def relative_position(s: SentenceView) -> float:
    """0 at the lead, 1 at the last sentence."""
    return s.index / max(1, s.count - 1)


def length(s: SentenceView) -> float:
    """Words, in units of 30, capped at 2."""
    return min(s.words, 60) / 30


def short(s: SentenceView) -> float:
    """Fewer than MIN_WORDS words."""
    return float(s.words < MIN_WORDS)


def long(s: SentenceView) -> float:
    """0 up to LONG_WORDS words, rising to 1 at LONG_WORDS + LONG_SPAN."""
    return min(1.0, max(0, s.words - LONG_WORDS) / LONG_SPAN)


def central(s: SentenceView) -> float:
    """Degree centrality: the summed TF-IDF cosine with every other sentence, scaled to 0..1."""
    return s.centrality


def title_similarity(s: SentenceView) -> float:
    """TF-IDF cosine with the headline line, or with the lead sentence when there is none."""
    return s.title_similarity


def lead_similarity(s: SentenceView) -> float:
    """Summed TF-IDF cosine with the other sentences of the lead (the first LEAD_SENTENCES)."""
    return s.lead_similarity


def quoted(s: SentenceView) -> float:
    """quote_fraction()."""
    return quote_fraction(s.text)


def attribution_only(s: SentenceView) -> float:
    """is_attribution_only()."""
    return float(s.words <= 14 and is_attribution_only(s.text))


def attributed(s: SentenceView) -> float:
    """Names a source: "said", "told", "according to"."""
    return float(any(w in s.text for w in _ATTRIBUTION_WORDS))


def question(s: SentenceView) -> float:
    """is_question()."""
    return float(is_question(s.text))


def anaphoric_opener(s: SentenceView) -> float:
    """Opens with a pronoun or connective that leans on the sentence before."""
    return float(bool(_ANAPHORIC_OPENER.match(s.text)))


def first_person(s: SentenceView) -> float:
    """Speaks as I or we: a quote or an opinion writer."""
    return float(not _FIRST_PERSON_WORDS.isdisjoint(s.tokens))


def number_density(s: SentenceView) -> float:
    """Runs of digits per word ("80,000" counts two): ages, dates, counts, amounts."""
    return len(_NUMBER.findall(s.text)) / max(1, s.words)


def name_density(s: SentenceView) -> float:
    """Capitalised words inside the sentence per word: names, places, organisations."""
    return len(_CAPITALISED.findall(s.text)) / max(1, s.words)


FEATURES: dict[str, Callable[[SentenceView], float]] = {
    f.__name__: f
    for f in (
        first, second, third, fourth_to_sixth, inverse_position, relative_position, length, short, long,
        central, title_similarity, lead_similarity, quoted, attribution_only, attributed, question,
        anaphoric_opener, first_person, number_density, name_density,
    )
}


def feature_values(view: SentenceView, names: tuple[str, ...]) -> list[float]:
    """The named features of one sentence, in order."""
    return [FEATURES[f](view) for f in names]


@dataclass(frozen=True, slots=True)
class Candidates:
    """An article's sentences that may become key points, with what the scorer and MMR need."""

    indices: tuple[int, ...]  # into the article's sentences, in text order
    starts: tuple[int, ...]  # each key point's start offset (past a dateline prefix)
    views: tuple[SentenceView, ...]
    vectors: tuple[dict[str, float], ...]
    furniture: tuple[bool, ...]  # a line without closing punctuation
    alone: tuple[bool, ...]  # stands_alone(): a reader can take it without its context


def candidates(text: str, sentences: tuple[Sentence, ...]) -> Candidates:
    """The sentences that may become key points (not caption credits, not wordless), seen in their article."""
    indices, starts, bodies, tokens, contents, furniture = [], [], [], [], [], []
    paragraph = -1
    for i, s in enumerate(sentences):
        start = key_point_start(s, s.paragraph != paragraph)
        paragraph = s.paragraph
        body = s.text if start == s.start else text[start : s.end]
        if is_credit_only(body):
            continue
        toks = words(body)
        terms = content(toks)
        if not terms:
            continue
        indices.append(i)
        starts.append(start)
        bodies.append(body)
        tokens.append(toks)
        contents.append(terms)
        furniture.append(is_unpunctuated(body))  # a dateline alone ends in a dash: unpunctuated
    vectors = tfidf_vectors(contents)
    rank, seen = [], 0  # position among the real sentences
    for f in furniture:
        rank.append(seen)
        seen += not f
    lead = [j for j, f in enumerate(furniture) if not f][:LEAD_SENTENCES]
    # A first line of its own without closing punctuation is the headline.
    headline = bool(indices) and indices[0] == 0 and furniture[0] and len(sentences) > 1 and sentences[1].paragraph > 0
    title = vectors[0] if headline else vectors[lead[0]] if lead else {}
    total = summed(vectors)
    lead_sum = summed(vectors[j] for j in lead)
    degree, to_title, to_lead = [], [], []
    for j, vec in enumerate(vectors):
        # The sums of cosines with all sentences, with the lead, with the title, in one pass; for
        # unit vectors the sum over others is v·(Σ v) − v·v.
        d_total = d_self = d_lead = d_title = 0.0
        for w, v in vec.items():
            d_total += v * total[w]
            d_self += v * v
            d_lead += v * lead_sum.get(w, 0.0)
            d_title += v * title.get(w, 0.0)
        degree.append(d_total - d_self)
        to_title.append(d_title)
        to_lead.append(d_lead - (d_self if j in lead else 0.0))
    top = max(degree, default=0.0) or 1.0
    views = tuple(
        SentenceView(
            index=rank[j],
            count=seen,
            text=body,
            words=len(body.split()),
            tokens=tokens[j],
            centrality=max(0.0, degree[j]) / top,
            title_similarity=to_title[j],
            lead_similarity=to_lead[j],
        )
        for j, body in enumerate(bodies)
    )
    alone = tuple(stands_alone(v.text) for v in views)
    return Candidates(tuple(indices), tuple(starts), views, tuple(vectors), tuple(furniture), alone)


# ---------------------------------------------------------------------------------------------
# The model and the extractor


@dataclass(frozen=True, slots=True)
class KeyPointModel:
    """A linear model over named features, and the MMR trade-off used with its scores."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    link: str  # "logistic": the score is a probability; "identity": the linear value itself
    mmr_lambda: float
    functions: tuple[Callable[[SentenceView], float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "functions", tuple(FEATURES[f] for f in self.features))

    def score(self, view: SentenceView) -> float:
        """The model's score of one sentence: higher is more likely a key point."""
        return self.score_values([f(view) for f in self.functions])

    def score_values(self, values: list[float]) -> float:
        """The score of feature values given in the order of self.features."""
        z = self.intercept + sum(w * x for w, x in zip(self.weights, values, strict=True))
        if self.link == "logistic":
            return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0
        return z

    @classmethod
    def from_json(cls, data: dict) -> KeyPointModel:
        """Read a model as train/keypoints.py writes it; a feature this code does not know is an error."""
        weights = data["weights"]
        unknown = sorted(set(weights) - set(FEATURES))
        if unknown or data["link"] not in ("logistic", "identity"):
            raise ValueError(f"key-point model does not fit this code: link {data['link']!r}, features {unknown}")
        names = tuple(f for f in FEATURES if f in weights)
        weights_ = tuple(float(weights[f]) for f in names)
        return cls(names, weights_, float(data["intercept"]), data["link"], float(data["mmr_lambda"]))


@cache
def load_model(path: Path = MODEL_PATH) -> KeyPointModel:
    """The shipped model, read once per process."""
    return KeyPointModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def dump_model(data: dict) -> str:
    """A model file's text: keys in the order given, one weight a line, a final newline; the same
    model always gives the same bytes."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# Key points are read on their own: a sentence that does not stand alone (a fragment, a question,
# mostly a quote) ranks after every one that does, and furniture (headlines, bylines) after both.
TIER_SHIFT = 1000.0


def select(scores: list[float], cands: Candidates, count: int, mmr_lambda: float) -> list[int]:
    """Pick up to count candidates by MMR: λ·score − (1 − λ)·(highest similarity to a pick so far),
    sentences that stand alone first. Past MIN_KEY_POINTS a pick must stand alone.

    Exact without comparing every pair: a candidate's value is at most λ·score (similarities are
    never negative), so candidates are tried in score order until that bound cannot beat the best."""
    ranked = [
        s - TIER_SHIFT * (2 if cands.furniture[j] else 0 if cands.alone[j] else 1) for j, s in enumerate(scores)
    ]
    order = sorted(range(len(ranked)), key=lambda j: (-ranked[j], j))
    overlap = [0.0] * len(ranked)
    counted = [0] * len(ranked)  # how many picks overlap[j] accounts for; -1 once j is picked
    chosen: list[int] = []
    while len(chosen) < min(count, len(order)):
        best, best_value = -1, float("-inf")
        for j in order:
            if counted[j] < 0:
                continue
            bound = mmr_lambda * ranked[j]
            if bound < best_value:
                break
            for c in chosen[counted[j] :]:
                overlap[j] = max(overlap[j], cosine(cands.vectors[j], cands.vectors[c]))
            counted[j] = len(chosen)
            value = bound - (1 - mmr_lambda) * overlap[j]
            if value > best_value or (value == best_value and j < best):
                best, best_value = j, value
        if len(chosen) >= MIN_KEY_POINTS and not cands.alone[best]:
            break
        chosen.append(best)
        counted[best] = -1
    return chosen


def lead_first(chosen: list[int], cands: Candidates) -> list[int]:
    """The lead (the first candidate that is not furniture: no headline, no byline), when the model
    picked it among the first three, leads the list: it is written to be read first and alone.
    Which sentences are chosen does not change, only their order."""
    lead = next((j for j, f in enumerate(cands.furniture) if not f), None)
    if not chosen or lead is None or lead not in chosen[:3]:
        return chosen
    return [lead] + [j for j in chosen if j != lead]


class LearnedKeyPoints:
    """Score sentences with the learned linear model, then pick diverse ones with MMR."""

    version = "learned-2"

    def __init__(self, count: int = 4, model: KeyPointModel | None = None):
        self.count = count
        self.model = model or load_model()

    def extract(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[KeyPoint, ...]:
        """Return up to count key points in rank order."""
        cands = candidates(text, sentences)
        scores = [self.model.score(v) for v in cands.views]
        chosen = lead_first(select(scores, cands, self.count, self.model.mmr_lambda), cands)
        return tuple(
            KeyPoint(sentences[i].id, cands.starts[j], sentences[i].end, cands.views[j].text, round(scores[j], 4))
            for j in chosen
            for i in (cands.indices[j],)
        )
