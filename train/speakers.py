#!/usr/bin/env python3
"""Train the speaker models on the training split of the quote benchmark.

    .venv/bin/python train/speakers.py [--folds 5] [--l2 1.0] [--no-write]

Two conditional logit models (multinomial logistic regression over each quote's candidates):

- speaker-ranker: which mention around a quote (or nobody) is its source. Gold: the mention
  that overlaps the annotated source span; "nobody" for quoted spans annotated as unattributed
  (scare quotes, titles, nicknames).
- pronoun-resolver: which entity named before a pronoun source it refers to. Gold: the entity
  matching the benchmark's antecedent of that pronoun.

Prints 5-fold cross-validation on train (folds by article; mean, standard deviation and range of
candidate accuracy and of the scorer's quote+speaker resolved F1 on the held-out fold), the
figures on train itself (the seen-text side of the gap), then writes the models fitted on all of
train to generator/extract/models/ (plain JSON; the same data gives byte-identical files).
The benchmark data is read from ../shared/bench/quotes/ and never copied into the project.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "quotes"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(DATA))

import score  # noqa: E402  the shared scorer: speaker matching and the F1 we report

from generator.extract.quotes import MAX_UNATTRIBUTED_PHRASE, RANKER, RESOLVER, extract_quotes, prepare  # noqa: E402
from generator.extract.sentences import sentences  # noqa: E402
from generator.extract.speakers import (  # noqa: E402
    MODELS,
    PRONOUN,
    LinearModel,
    Previous,
    antecedent_options,
    features,
    none_features,
    site_candidates,
)

_FORM_ORDER = {"label": 0, "name": 0, "nominal": 1, "pronoun": 2}
_APPOSITION = re.compile(r",|\(|\bwho\b|\bwhich\b|\s[—–]\s")


def _head_candidate(text: str, doc, cands: list[int], span: tuple[int, int]) -> int | None:
    """The candidate that heads an annotated source span. Before any apposition ("Kurt Campbell, the
    deputy secretary"), the last person's name of the pre-modified phrase ("White House press
    secretary Josh Earnest", "Cruz constituent Dan Golvach"), else the first name, description or
    pronoun in it."""
    cut = _APPOSITION.search(text, span[0], span[1])
    head_end = cut.start() if cut else span[1]
    inside = [
        (k, doc.mentions[i]) for k, i in enumerate(cands) if _overlap((doc.mentions[i].start, doc.mentions[i].end), span) > 0
    ]
    if not inside:
        return None
    before = [(k, m) for k, m in inside if m.start < head_end]
    people = [(k, m) for k, m in before if m.form in ("name", "label") and m.kind in ("person", "unknown")]
    if people:
        return max(people, key=lambda km: km[1].start)[0]
    pool = before or inside
    return min(pool, key=lambda km: (_FORM_ORDER.get(km[1].form, 3), km[1].start))[0]


@dataclass
class Group:
    """One choice: the candidates' feature dicts and the index of the right one."""

    article: str
    feats: list[list[str]]
    gold: int
    short: bool = False  # a partial quote or a short phrase: kept only when someone likely said it


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(site, golds: list[dict]) -> dict | None:
    """The gold quote a site stands for: overlap of at least half the longer span (the scorer's rule)."""
    best, best_ov = None, 0
    for g in golds:
        ov = _overlap((site.start, site.end), (g["start"], g["end"]))
        longest = max(site.end - site.start, g["end"] - g["start"], 1)
        if ov >= 0.5 * longest and ov > best_ov:
            best, best_ov = g, ov
    return best


def _names_of(doc, e: int) -> list[str]:
    ent = doc.entities[e]
    return [ent.name] + [doc.mentions[j].text for j in ent.mentions]


def build(records: list[dict]) -> tuple[list[Group], list[Group], dict]:
    """Ranker and resolver examples from annotated articles, and coverage counts."""
    rank_groups: list[Group] = []
    res_groups: list[Group] = []
    stats = {"sites": 0, "gold": 0, "no_candidate": 0, "none": 0, "pronoun": 0, "pronoun_found": 0}
    for r in records:
        text = r["text"]
        prep = prepare(text, sentences(r["id"], text))
        ctx, doc = prep.context, prep.doc
        golds = r["quotes"]
        negatives = r.get("unattributed_quoted", [])
        prev = Previous()
        for site in prep.sites:
            stats["sites"] += 1
            prev.before(ctx, site)
            prev_mention, prev_entity = prev.mention, prev.entity
            g = _match(site, golds)
            cands, labels = site_candidates(ctx, site, prev_mention)
            if g is None:
                if labels or _match(site, negatives) is None:
                    continue  # neither annotated as a quote nor as a non-quote: no label
                gold = len(cands)  # the last candidate is "nobody"
                stats["none"] += 1
            else:
                stats["gold"] += 1
                sp = (g.get("speaker_start"), g.get("speaker_end"))
                if sp[0] is None:
                    continue
                gold = _head_candidate(text, doc, cands, sp)
                if gold is None:
                    stats["no_candidate"] += 1
                    prev.mention = prev.entity = None
                    continue
            feats = [features(text, ctx, site, i, prev_entity, k) for k, i in enumerate(cands)]
            if not labels:
                feats.append(none_features(text, ctx, site, len(cands)))
            short = not site.direct or len(text[site.start : site.end].split()) <= MAX_UNATTRIBUTED_PHRASE
            rank_groups.append(Group(r["id"], feats, gold, short))
            if gold == len(cands):
                continue
            mention = cands[gold]
            entity = doc.entity_of[mention]
            m = doc.mentions[mention]
            if m.form == PRONOUN:
                stats["pronoun"] += 1
                ante = g.get("speaker_antecedent_heuristic")
                ents, res_feats = antecedent_options(text, ctx, mention, prev_entity)
                label = next(
                    (k for k, e in enumerate(ents) if ante and any(score.speaker_ok(ante, n) for n in _names_of(doc, e))),
                    None,
                )
                entity = ents[label] if label is not None else -1
                if label is not None:
                    stats["pronoun_found"] += 1
                    res_groups.append(Group(r["id"], res_feats, label))
            prev.after(ctx, site, mention, entity)
    return rank_groups, res_groups, stats


def fit(groups: list[Group], l2: float, min_count: int = 2) -> dict[str, float]:
    """Fit a conditional logit model: softmax over each group's candidates, L2-regularised."""
    counts: dict[str, int] = {}
    for g in groups:
        for c in g.feats:
            for f in c:
                counts[f] = counts.get(f, 0) + 1
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows, cols, vals, gold_rows, bounds = [], [], [], [], [0]
    row = 0
    for g in groups:
        for k, c in enumerate(g.feats):
            for j in sorted({vocab[f] for f in c if f in vocab}):
                rows.append(row)
                cols.append(j)
                vals.append(1.0)
            if k == g.gold:
                gold_rows.append(row)
            row += 1
        bounds.append(row)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(row, len(vocab)))
    starts = np.array(bounds[:-1])
    sizes = np.diff(np.array(bounds))
    group_of = np.repeat(np.arange(len(groups)), sizes)
    gold = np.array(gold_rows)

    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group_of])
        z = np.add.reduceat(e, starts)
        p = e / z[group_of]
        nll = float(np.sum(np.log(z) + top - s[gold]))
        y = np.zeros_like(p)
        y[gold] = 1.0
        grad = x.T @ (p - y) + l2 * w
        return nll + 0.5 * l2 * float(w @ w), grad

    result = optimize.minimize(objective, np.zeros(len(vocab)), jac=True, method="L-BFGS-B",
                               options={"maxiter": 2000, "gtol": 1e-6})
    inverse = sorted(vocab, key=vocab.get)
    return {f: round(float(w), 4) for f, w in zip(inverse, result.x, strict=True) if abs(w) >= 1e-4}


def accuracy(groups: list[Group], weights: dict[str, float]) -> float:
    """Share of groups whose best-scored candidate is the gold one (ties to the earliest)."""
    model = LinearModel("eval", weights)
    right = 0
    for g in groups:
        scores = [model.score(c) for c in g.feats]
        right += max(range(len(scores)), key=lambda k: (scores[k], -k)) == g.gold
    return right / max(len(groups), 1)


def speaker_probability(g: Group, weights: dict[str, float]) -> float:
    """The model's probability that someone said the quote (one minus that of "nobody")."""
    scores = [sum(weights.get(f, 0.0) for f in c) for c in g.feats]
    top = max(scores)
    z = sum(math.exp(x - top) for x in scores)
    return 1.0 - math.exp(scores[-1] - top) / z


def choose_threshold(scored: list[tuple[float, bool]]) -> tuple[float, list[tuple[float, float]]]:
    """The probability a short quote needs to be kept: F0.5 of keeping quotes someone said against
    keeping phrases nobody said (a wrong quote costs more than a missing one), taken from the
    middle of the region within 0.005 of the best."""
    grid = [round(0.05 * k, 2) for k in range(0, 20)]
    table = []
    for t in grid:
        tp = sum(1 for p, pos in scored if pos and p >= t)
        fp = sum(1 for p, pos in scored if not pos and p >= t)
        fn = sum(1 for p, pos in scored if pos and p < t)
        prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        table.append((t, 1.25 * prec * rec / max(0.25 * prec + rec, 1e-9)))
    best = max(f for _, f in table)
    flat = [t for t, f in table if f >= best - 0.005]
    return flat[len(flat) // 2], table


def end_to_end(records: list[dict], ranker: dict, resolver: dict, threshold: float = 0.0) -> dict:
    """The shared scorer's figures for extraction with these weights on these articles."""
    r_model, p_model = LinearModel(RANKER, ranker, threshold), LinearModel(RESOLVER, resolver)
    pred = {}
    for r in records:
        quotes = extract_quotes(r["text"], sentences(r["id"], r["text"]), r_model, p_model)
        pred[r["id"]] = {"id": r["id"], "quotes": [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in quotes]}
    return score.score({r["id"]: r for r in records}, pred)


def summary(values: list[float]) -> str:
    return f"{statistics.mean(values):.3f} ± {statistics.pstdev(values):.3f} (min {min(values):.3f}, max {max(values):.3f})"


def write_model(name: str, weights: dict[str, float], note: str, threshold: float = 0.0) -> None:
    body = json.dumps([threshold, dict(sorted(weights.items()))], ensure_ascii=False, sort_keys=True)
    version = hashlib.blake2b(body.encode(), digest_size=4).hexdigest()
    data = {"name": name, "version": version, "trained_on": note, "threshold": threshold,
            "weights": dict(sorted(weights.items()))}
    MODELS.mkdir(parents=True, exist_ok=True)
    (MODELS / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the ranker")
    parser.add_argument("--l2-resolver", type=float, default=1.0)
    parser.add_argument("--no-write", action="store_true", help="only report, do not write the model files")
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args()
    records = sorted((json.loads(line) for line in (DATA / "train.jsonl").open(encoding="utf-8")), key=lambda r: r["id"])
    ranks, resolves, stats = build(records)
    print(f"train: {len(records)} articles, {stats['sites']} quote sites; ranker examples {len(ranks)} "
          f"({stats['none']} nobody), gold source with no candidate {stats['no_candidate']}; "
          f"pronoun sources {stats['pronoun']}, antecedent among candidates {stats['pronoun_found']}")
    shipped = MODELS / f"{RANKER}.json"
    # without cross-validation the threshold it chose last stays (quick experiments only)
    threshold = json.loads(shipped.read_text(encoding="utf-8")).get("threshold", 0.5) if shipped.exists() else 0.5
    if not args.no_cv:
        folds = [[r for k, r in enumerate(records) if k % args.folds == f] for f in range(args.folds)]
        fitted, pooled = [], []
        rows: dict[str, list[float]] = {name: [] for name in (
            "ranker acc, unseen", "ranker acc, seen", "resolver acc, unseen", "resolver acc, seen",
            "resolved F1, unseen", "span F1 exact, unseen")}
        for held in folds:
            ids = {r["id"] for r in held}
            tr_rank = [g for g in ranks if g.article not in ids]
            tr_res = [g for g in resolves if g.article not in ids]
            w_rank, w_res = fit(tr_rank, args.l2), fit(tr_res, args.l2_resolver)
            fitted.append((held, ids, tr_rank, tr_res, w_rank, w_res))
            pooled += [(speaker_probability(g, w_rank), g.gold != len(g.feats) - 1)
                       for g in ranks if g.article in ids and g.short]
        threshold, table = choose_threshold(pooled)
        print("short quotes kept at each speaker probability (pooled unseen folds), F0.5:")
        print("  " + "  ".join(f"{t:.2f}:{f:.3f}" for t, f in table))
        print(f"  chosen threshold {threshold:.2f} (middle of the region within 0.005 of the best)")
        for f, (held, ids, tr_rank, tr_res, w_rank, w_res) in enumerate(fitted):
            rows["ranker acc, unseen"].append(accuracy([g for g in ranks if g.article in ids], w_rank))
            rows["ranker acc, seen"].append(accuracy(tr_rank, w_rank))
            rows["resolver acc, unseen"].append(accuracy([g for g in resolves if g.article in ids], w_res))
            rows["resolver acc, seen"].append(accuracy(tr_res, w_res))
            res = end_to_end(held, w_rank, w_res, threshold)
            rows["resolved F1, unseen"].append(res["quote+speaker resolved"]["f"])
            rows["span F1 exact, unseen"].append(res["exact"]["f"])
            print(f"  fold {f + 1}: ranker {rows['ranker acc, unseen'][-1]:.3f} (seen {rows['ranker acc, seen'][-1]:.3f})  "
                  f"resolver {rows['resolver acc, unseen'][-1]:.3f}  resolved F1 {rows['resolved F1, unseen'][-1]:.3f}")
        print(f"{args.folds}-fold cross-validation on train (mean ± std, range):")
        for name, values in rows.items():
            print(f"  {name:24s} {summary(values)}")
        for what in ("ranker", "resolver"):
            gap = statistics.mean(rows[f"{what} acc, seen"]) - statistics.mean(rows[f"{what} acc, unseen"])
            print(f"  {what} seen - unseen gap: {gap:+.3f}")
    w_rank, w_res = fit(ranks, args.l2), fit(resolves, args.l2_resolver)
    print(f"all of train: ranker acc {accuracy(ranks, w_rank):.3f}, resolver acc {accuracy(resolves, w_res):.3f}, "
          f"{len(w_rank)} + {len(w_res)} weights")
    if not args.no_write:
        note = f"../shared/bench/quotes/train.jsonl ({len(records)} articles), l2={args.l2}/{args.l2_resolver}"
        write_model(RANKER, w_rank, note, threshold)
        write_model(RESOLVER, w_res, note)
        print(f"wrote {MODELS / (RANKER + '.json')} and {MODELS / (RESOLVER + '.json')}")


if __name__ == "__main__":
    main()
