#!/usr/bin/env python3
"""Fit the key-point scorer on the CNN/DailyMail dev set; write generator/extract/models/keypoints.json.

    .venv/bin/python train/keypoints.py [--nested] [--check]

Every candidate sentence of every dev article (as the runtime sees it: our sentence splitter, the
dateline prefix removed) gets the runtime's features and a target from the reference highlights:
membership of the greedy ROUGE-1+2 oracle's 3 sentences (logistic regression) or its own ROUGE
(ridge regression). Model options (target, regularisation, feature set, MMR trade-off) are chosen by
5-fold cross-validation by article: each fold's model is fitted on the other four fifths, picks its
first 3 key points on the held-out fifth with the runtime's scoring and selection, and is scored with
the shared scorer's settings (rouge-score with Porter stemming; per outlet and re-weighted to the
official test mix). The options with the largest held-out R1 gain over Lead-3 (the smaller of the
CNN and test-mix gains, averaged over three partitions into folds) are fitted on all dev articles
and exported as plain JSON, byte-identical for the same data. --nested also cross-validates that
choice; --check fails if the shipped file would change.

Needs the train and bench extras (scikit-learn; rouge-score and pysbd for the shared scorer).
The data is read from ../shared/bench/keypoints/ and never copied into the project.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before numpy: one core, and the same sums every run
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from rouge_score import rouge_scorer, tokenizers  # noqa: E402
from sklearn.linear_model import LogisticRegression, Ridge  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "bench" / "keypoints"
sys.path.insert(0, str(DATA))

import eval_keypoints  # noqa: E402  the shared scorer: Lead-3 and the outlet weights

from generator.extract.keypoints import (  # noqa: E402
    FEATURES,
    MODEL_PATH,
    Candidates,
    KeyPointModel,
    LearnedKeyPoints,
    candidates,
    dump_model,
    feature_values,
    lead_first,
    select,
)
from generator.extract.sentences import sentences  # noqa: E402

FOLDS = 5
REPEATS = 3  # fold partitions whose mean chooses the options; the first (id order) is the one reported
K = 3  # key points scored, as bench/keypoints.py does
METRICS = ("rouge1", "rouge2", "rougeLsum")
SHORT = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}
SUBSETS = ("cnn", "dm", "test-wtd")
SIGNIFICANT = 6  # digits kept in the exported weights

# Feature sets tried by cross-validation.
POSITION = ("first", "second", "third", "fourth_to_sixth", "inverse_position", "relative_position")
OLD_SIGNALS = POSITION + ("central", "quoted", "attribution_only", "question", "short", "long")
FEATURE_SETS = {"all": tuple(FEATURES), "position+old": OLD_SIGNALS}


@dataclass(frozen=True)
class Options:
    """One choice of model options."""

    target: str  # "oracle" (greedy-oracle membership) or "r12" (the sentence's mean R1 and R2 F)
    strength: float  # ridge alpha, or 1/C for the logistic regression on "oracle"
    features: str  # a FEATURE_SETS key
    mmr_lambda: float

    def label(self) -> str:
        return f"{self.target:6} reg={self.strength:<5g} features={self.features:12} mmr={self.mmr_lambda}"


GRID = tuple(
    Options(target, strength, features, mmr)
    for target in ("oracle", "r12")
    for strength in (1.0, 10.0)
    for features in FEATURE_SETS
    for mmr in (0.4, 0.5, 0.6, 0.7)
)


@dataclass
class Article:
    """One dev article as the trainer needs it."""

    id: str
    outlet: str
    article: str
    reference: str  # the highlights, one per line, as the shared scorer joins them
    cands: Candidates
    rows: list[list[float]]  # every feature of FEATURES, per candidate
    targets: dict[str, list[float]]
    lead3: dict[str, float]


# ---------------------------------------------------------------------------------------------
# ROUGE: the shared scorer's settings


class LineCachedTokenizer(tokenizers.Tokenizer):
    """rouge-score's own tokenizer (lowercase, alphanumeric runs, Porter stemming), remembering each
    line it has seen: the same sentences are scored again and again. A text's tokens are its lines'
    tokens in order, since the tokenizer treats a line break as any other separator."""

    def __init__(self):
        self.inner = tokenizers.DefaultTokenizer(use_stemmer=True)
        self.lines: dict[str, list[str]] = {}

    def tokenize(self, text: str) -> list[str]:
        out: list[str] = []
        for line in text.split("\n"):
            if line not in self.lines:
                self.lines[line] = self.inner.tokenize(line)
            out.extend(self.lines[line])
        return out


TOKENIZER = LineCachedTokenizer()
SCORER = rouge_scorer.RougeScorer(list(METRICS), tokenizer=TOKENIZER)  # = use_stemmer=True, faster


def rouge(reference: str, sents: list[str]) -> dict[str, float]:
    """ROUGE F1 of the first K sentences, exactly as eval_keypoints.py scores them."""
    sents = [s.strip() for s in sents if s and s.strip()][:K]
    s = SCORER.score(reference, "\n".join(sents))
    return {m: s[m].fmeasure for m in METRICS}


def ngram_f(ref: Counter, tokens: list[str], n: int) -> float:
    """ROUGE-n F1 of a token list against reference n-gram counts (rouge-score's formula)."""
    pred = Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    overlap = sum(min(c, pred[g]) for g, c in ref.items())
    p, r = overlap / max(1, sum(pred.values())), overlap / max(1, sum(ref.values()))
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def targets(reference: str, texts: list[str]) -> dict[str, list[float]]:
    """Per candidate: the mean of its own ROUGE-1 and -2 F against the highlights, and greedy-oracle
    membership (add the candidate that most improves R1+R2 of the picks, up to K, as the shared
    oracle does)."""
    ref_tokens = TOKENIZER.tokenize(reference)
    ref1 = Counter((t,) for t in ref_tokens)
    ref2 = Counter(tuple(ref_tokens[i : i + 2]) for i in range(len(ref_tokens) - 1))
    tokens = [TOKENIZER.tokenize(t) for t in texts]
    r1 = [ngram_f(ref1, t, 1) for t in tokens]
    r2 = [ngram_f(ref2, t, 2) for t in tokens]
    chosen: list[int] = []
    best = 0.0
    for _ in range(K):
        pick = None
        for i in range(len(texts)):
            if i in chosen:
                continue
            joined = [w for j in sorted([*chosen, i]) for w in tokens[j]]
            value = ngram_f(ref1, joined, 1) + ngram_f(ref2, joined, 2)
            if value > best:
                best, pick = value, i
        if pick is None:
            break
        chosen.append(pick)
    oracle = [float(i in chosen) for i in range(len(texts))]
    return {"r12": [(a + b) / 2 for a, b in zip(r1, r2, strict=True)], "oracle": oracle}


def load_articles() -> list[Article]:
    """The dev articles in id order, with candidates, features, targets and Lead-3's scores."""
    docs = sorted(eval_keypoints.load(DATA / "cnndm-dev.jsonl", "all", None), key=lambda d: d["id"])
    out = []
    for d in docs:
        text = d["article"]
        cands = candidates(text, sentences(d["id"], text))
        reference = "\n".join(d["highlights"])
        out.append(
            Article(
                id=d["id"],
                outlet=d.get("outlet", d["id"].split("-")[0]),
                article=text,
                reference=reference,
                cands=cands,
                rows=[feature_values(v, tuple(FEATURES)) for v in cands.views],
                targets=targets(reference, [v.text for v in cands.views]),
                lead3=rouge(reference, eval_keypoints.split_sentences(text)[:K]),
            )
        )
    return out


def folds(articles: list[Article], repeat: int = 0) -> list[int]:
    """Each article's fold: within each outlet, articles are dealt out in turn, in id order for
    repeat 0 and in the order of a hash of the repeat number and the id for the others."""

    def order(a: Article) -> str:
        return a.id if repeat == 0 else hashlib.blake2b(f"{repeat}:{a.id}".encode(), digest_size=8).hexdigest()

    fold = {}
    for outlet in sorted({a.outlet for a in articles}):
        for i, a in enumerate(sorted((a for a in articles if a.outlet == outlet), key=order)):
            fold[a.id] = i % FOLDS
    return [fold[a.id] for a in articles]


# ---------------------------------------------------------------------------------------------
# Fitting and exporting


def fit(articles: list[Article], opt: Options) -> dict:
    """Fit one model on articles; return it as the JSON the runtime reads (weights rounded)."""
    names = FEATURE_SETS[opt.features]
    columns = [list(FEATURES).index(f) for f in names]
    x = np.array([[row[c] for c in columns] for a in articles for row in a.rows], dtype=float)
    y = np.array([t for a in articles for t in a.targets[opt.target]], dtype=float)
    scaler = StandardScaler().fit(x)
    xs = scaler.transform(x)
    if opt.target == "oracle":
        model = LogisticRegression(C=1.0 / opt.strength, solver="newton-cholesky", max_iter=200).fit(xs, y.astype(int))
        coef, intercept = model.coef_[0], float(model.intercept_[0])
    else:
        model = Ridge(alpha=opt.strength, solver="cholesky").fit(xs, y)
        coef, intercept = model.coef_, float(model.intercept_)
    raw = coef / scaler.scale_
    intercept -= float(np.dot(raw, scaler.mean_))
    return {
        "model": "linear",
        "link": "logistic" if opt.target == "oracle" else "identity",
        "target": {
            "r12": "each sentence's mean ROUGE-1/ROUGE-2 F against the highlights (ridge regression)",
            "oracle": "membership of the greedy ROUGE-1+2 oracle's 3 sentences (logistic regression, log-odds)",
        }[opt.target],
        "options": {"target": opt.target, "regularisation": opt.strength, "features": opt.features},
        "mmr_lambda": opt.mmr_lambda,
        "intercept": _round(intercept),
        "weights": {f: _round(float(w)) for f, w in zip(names, raw, strict=True)},
    }


def _round(x: float) -> float:
    return float(f"{x:.{SIGNIFICANT}g}") + 0.0  # + 0.0 turns -0.0 into 0.0


# ---------------------------------------------------------------------------------------------
# Cross-validation


def picks(model: KeyPointModel, a: Article) -> tuple[int, ...]:
    """The runtime's first K picks for one article (features computed once, scored and selected as
    LearnedKeyPoints.extract does)."""
    scores = [model.score_values(_project(row, model.features)) for row in a.rows]
    return tuple(lead_first(select(scores, a.cands, K, model.mmr_lambda), a.cands))


_COLUMN = {f: i for i, f in enumerate(FEATURES)}


def _project(row: list[float], names: tuple[str, ...]) -> list[float]:
    return [row[_COLUMN[f]] for f in names]


_ROUGE_CACHE: dict[tuple[str, tuple[int, ...]], dict[str, float]] = {}


def score_picks(a: Article, chosen: tuple[int, ...]) -> dict[str, float]:
    """ROUGE of an article's picks (remembered: many options pick the same)."""
    key = (a.id, chosen)
    if key not in _ROUGE_CACHE:
        _ROUGE_CACHE[key] = rouge(a.reference, [a.cands.views[j].text for j in chosen])
    return _ROUGE_CACHE[key]


def table(rows: list[tuple[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Mean scores by subset (cnn, dm) and re-weighted to the test mix, x 100."""
    out = {}
    for outlet in ("cnn", "dm"):
        mine = [s for o, s in rows if o == outlet]
        out[outlet] = {m: 100 * statistics.fmean(s[m] for s in mine) for m in METRICS}
    out["test-wtd"] = {m: sum(w * out[o][m] for o, w in eval_keypoints.TEST_MIX.items()) for m in METRICS}
    return out


@dataclass
class FoldResult:
    """One fold's scores by subset: held out, on the folds fitted on (when asked), and Lead-3's."""

    held_out: dict[str, dict[str, float]]
    train: dict[str, dict[str, float]]
    lead3: dict[str, dict[str, float]]


def evaluate(train: list[Article], test: list[Article], opt: Options, train_too: bool = False) -> FoldResult:
    """Fit on train; score the runtime's picks on test (and, with train_too, on train)."""
    model = KeyPointModel.from_json(fit(train, opt))
    return FoldResult(
        held_out=table([(a.outlet, score_picks(a, picks(model, a))) for a in test]),
        train=table([(a.outlet, score_picks(a, picks(model, a))) for a in train]) if train_too else {},
        lead3=table([(a.outlet, a.lead3) for a in test]),
    )


def split(articles: list[Article], fold_of: list[int], k: int) -> tuple[list[Article], list[Article]]:
    """The articles outside fold k and those in it."""
    pairs = list(zip(articles, fold_of, strict=True))
    return [a for a, f in pairs if f != k], [a for a, f in pairs if f == k]


def cross_validate(articles: list[Article], fold_of: list[int], opt: Options, train_too: bool = False) -> list[FoldResult]:
    """Fit on all folds but one and score on the fold left out; once per fold."""
    return [evaluate(*split(articles, fold_of, k), opt, train_too) for k in sorted(set(fold_of))]


def choose(articles: list[Article], verbose: bool = False) -> Options:
    """The options of GRID with the best objective, averaged over REPEATS partitions into folds
    (the first of equals)."""
    partitions = [folds(articles, r) for r in range(REPEATS)]
    best: tuple[float, Options] | None = None
    for opt in GRID:
        runs = [cross_validate(articles, p, opt) for p in partitions]
        value = statistics.fmean(objective(r) for r in runs)
        if verbose:
            cnn, wtd = (statistics.fmean(g for r in runs for g in gains(r, s)) for s in ("cnn", "test-wtd"))
            print(f"  {opt.label()}  cnn {cnn:+5.2f}  test-wtd {wtd:+5.2f}")
        if best is None or value > best[0]:
            best = (value, opt)
    assert best is not None
    return best[1]


def nested(articles: list[Article], fold_of: list[int]) -> list[FoldResult]:
    """The whole procedure, option choice included, cross-validated: for each fold, the options are
    chosen by CV on the other four, fitted on them and scored on the fold left out."""
    results = []
    for k in range(FOLDS):
        train, test = split(articles, fold_of, k)
        opt = choose(train)
        print(f"  fold {k}: chose {opt.label()}")
        results.append(evaluate(train, test, opt))
    return results


def gains(results: list[FoldResult], subset: str, metric: str = "rouge1") -> list[float]:
    """Each fold's held-out gain over Lead-3."""
    return [r.held_out[subset][metric] - r.lead3[subset][metric] for r in results]


def objective(results: list[FoldResult]) -> float:
    """What options are chosen by: the mean held-out R1 gain over Lead-3 on CNN or on the test mix,
    whichever is smaller, since the target asks for both."""
    return min(statistics.fmean(gains(results, "cnn")), statistics.fmean(gains(results, "test-wtd")))


def spread(values: list[float]) -> str:
    return f"{statistics.fmean(values):5.2f} ± {statistics.stdev(values):4.2f} ({min(values):5.2f}–{max(values):5.2f})"


def report(results: list[FoldResult], train: bool = True) -> None:
    """Print held-out mean and spread over folds beside Lead-3 on the same folds, and the train gap."""
    print(f"{FOLDS}-fold CV by article (folds dealt in id order within each outlet), first {K} key points,")
    print("ROUGE F1 x 100, mean ± std (min–max) over folds" + ("; gap: train minus held-out" if train else ""))
    header = f"{'subset':8} {'':5} {'held-out':>26} {'Lead-3':>26} {'gain over Lead-3':>26}"
    print(header + (f" {'train':>6} {'gap':>5}" if train else ""))
    for s in SUBSETS:
        for m in METRICS:
            held = [r.held_out[s][m] for r in results]
            lead = [r.lead3[s][m] for r in results]
            line = f"{s:8} {SHORT[m]:5} {spread(held):>26} {spread(lead):>26} {spread(gains(results, s, m)):>26}"
            if train:
                mean_train = statistics.fmean(r.train[s][m] for r in results)
                line += f" {mean_train:6.2f} {mean_train - statistics.fmean(held):+5.2f}"
            print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if re-training would change the shipped model file")
    ap.add_argument("--nested", action="store_true", help="also cross-validate the choice of options (slow)")
    args = ap.parse_args()
    started = time.perf_counter()
    articles = load_articles()
    fold_of = folds(articles)
    n_sent = sum(len(a.rows) for a in articles)
    outlets = Counter(a.outlet for a in articles)
    print(f"{len(articles)} dev articles ({outlets['cnn']} CNN, {outlets['dm']} Daily Mail), {n_sent} candidate "
          f"sentences, {len(FEATURES)} features; read in {time.perf_counter() - started:.1f} s")

    print(f"\nmodel options by {FOLDS}-fold CV over {REPEATS} partitions: mean held-out R1 gain over Lead-3 on CNN")
    print("and on the test mix; the smaller of the two chooses")
    best = choose(articles, verbose=True)
    print(f"chosen: {best.label()}")
    report(cross_validate(articles, fold_of, best, train_too=True))
    if args.nested:
        print("\nnested CV: the options chosen inside each training split, so the choice itself is held out")
        report(nested(articles, fold_of), train=False)

    model_json = fit(articles, best)
    model = KeyPointModel.from_json(model_json)
    final = table([(a.outlet, score_picks(a, picks(model, a))) for a in articles])
    lead = table([(a.outlet, a.lead3) for a in articles])
    print(f"\nfitted on all {len(articles)} dev articles; in-sample (not a held-out figure):")
    for s in SUBSETS:
        gain = final[s]["rouge1"] - lead[s]["rouge1"]
        print(f"  {s:8} R1 {final[s]['rouge1']:5.2f}  Lead-3 {lead[s]['rouge1']:5.2f}  gain {gain:+5.2f}")
    # The shortcut used above (features computed once) must pick what the extractor itself picks.
    extractor = LearnedKeyPoints(count=K, model=model)
    for a in articles:
        kps = extractor.extract(a.article, sentences(a.id, a.article))
        assert [k.text for k in kps] == [a.cands.views[j].text for j in picks(model, a)], a.id

    text = dump_model({"trained_on": f"{DATA.name}/cnndm-dev.jsonl: {len(articles)} articles, {n_sent} sentences", **model_json})
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print(f"\n{MODEL_PATH.relative_to(ROOT)}: {'unchanged' if same else 'WOULD CHANGE'}")
        return 0 if same else 1
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"\nwrote {MODEL_PATH.relative_to(ROOT)} ({len(text)} bytes) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
