#!/usr/bin/env python3
"""Open-questions benchmark: recall and precision by evidence, per set.

    .venv/bin/python bench/questions.py [--misses] [--all]

Sets:
- dev: the real-news questions of ../shared/bench/stories/questions.jsonl on their 12 articles
  (articles.jsonl), each article's text used as is through `briefing extract --jsonl`'s record
  (generator/jsonl.record_output), so the offsets are the interface's own;
- seed: the seed articles in content/articles/ against the seven questions curated by hand in
  content/questions.yml (their evidence sentence anchors);
- held out: tests/fixtures/questions/cases.jsonl, invented cue sentences and look-alikes written
  before the extractor was tuned; fresh: fresh.jsonl beside it, 24 more written after the tuning
  and never tuned on.

A predicted question matches a gold one when an evidence span of each overlaps the other by at
least half of the shorter. Recall: gold questions matched by some prediction; precision:
predictions matching some gold question (of the same article). Also checks that every question
produced on all 78 dev articles stands alone (ends in "?", opens with a question word or an
auxiliary, no pronoun without its antecedent in the question) and prints any that does not.
The benchmark data is read from ../shared/bench/ and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "bench" / "stories"
CASES = ROOT / "tests" / "fixtures" / "questions" / "cases.jsonl"
FRESH = ROOT / "tests" / "fixtures" / "questions" / "fresh.jsonl"  # written after tuning, never tuned on

from generator.extract import Extractors  # noqa: E402
from generator.extract.questions import stand_alone_problems  # noqa: E402
from generator.jsonl import record_output  # noqa: E402
from generator.project import Project  # noqa: E402

TARGET_RECALL, TARGET_PRECISION = 0.80, 0.60


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans overlap by at least half of the shorter."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def spans_of(text: str, evidence: list[str]) -> list[tuple[int, int]]:
    out = []
    for e in evidence:
        at = text.find(e)
        if at < 0:
            sys.exit(f"evidence not found verbatim: {e[:80]!r}")
        out.append((at, at + len(e)))
    return out


def score(gold: list[list[tuple[str, int, int]]], predicted: dict[str, list[dict]]) -> dict:
    """Recall and precision by evidence. gold: each question's evidence spans as (article, start,
    end); predicted: the questions of the articles that have gold questions listed."""

    def match(g: tuple[str, int, int], aid: str, e: dict) -> bool:
        return g[0] == aid and overlaps((g[1], g[2]), (e["start"], e["end"]))

    found = [any(match(g, aid, e) for aid, ps in predicted.items() for p in ps for e in p["evidence"] for g in q) for q in gold]
    misses = [k for k, f in enumerate(found) if not f]
    hits, wrong, n_pred = 0, [], 0
    for aid, ps in predicted.items():
        for p in ps:
            n_pred += 1
            if any(match(g, aid, e) for q in gold for g in q for e in p["evidence"]):
                hits += 1
            else:
                wrong.append((aid, p["question"]))
    return {
        "recall": sum(found) / len(gold) if gold else 1.0,
        "found": sum(found),
        "gold": len(gold),
        "precision": hits / n_pred if n_pred else 1.0,
        "hits": hits,
        "predicted": n_pred,
        "misses": misses,
        "wrong": wrong,
    }


def line(name: str, s: dict) -> str:
    return (
        f"{name:>9}: recall {s['found']:>2}/{s['gold']:<2} {s['recall']:.2f}   "
        f"precision {s['hits']:>2}/{s['predicted']:<2} {s['precision']:.2f}"
    )


def dev(ex: Extractors, show: bool, everything: bool) -> tuple[dict, list[tuple[str, str, list[str]]], int]:
    articles = [json.loads(x) for x in (DATA / "articles.jsonl").read_text("utf-8").splitlines() if x.strip()]
    gold_rows = [json.loads(x) for x in (DATA / "questions.jsonl").read_text("utf-8").splitlines() if x.strip()]
    texts = {a["id"]: a["text"] for a in articles}
    gold = [[(row["id"], *sp) for sp in spans_of(texts[row["id"]], row["evidence"])] for row in gold_rows]
    annotated = {row["id"] for row in gold_rows}
    predicted, problems, total = {}, [], 0
    for a in articles:
        rec = record_output(a["id"], a["text"], a.get("title"), a.get("published"), ex)
        if a["id"] in annotated:
            predicted[a["id"]] = rec["open_questions"]
        total += len(rec["open_questions"])
        for q in rec["open_questions"]:
            if bad := stand_alone_problems(q["question"]):
                problems.append((a["id"], q["question"], bad))
            if everything and a["id"] not in annotated:
                print(f"  [unscored] {a['id']}: {q['question']}")
    s = score(gold, predicted)
    if show:
        for k in s["misses"]:
            print(f"  missed {gold_rows[k]['id']}: {gold_rows[k]['question']}")
        for aid, q in s["wrong"]:
            print(f"  wrong  {aid}: {q}")
        for aid in sorted(annotated):
            for p in predicted[aid]:
                print(f"  asked  {aid}: {p['question']}")
    return s, problems, total


def seed(ex: Extractors, show: bool) -> dict:
    from generator.errors import Diagnostics
    from generator.load.content import load

    content = load(ROOT, Diagnostics(project=Project(ROOT)))
    predicted, sentences = {}, {}
    for a in content.articles:
        rec = record_output(a.slug, a.text, a.title, None, ex)
        predicted[a.slug] = rec["open_questions"]
        sentences[a.slug] = {s["id"]: (s["start"], s["end"]) for s in rec["sentences"]}
    gold = [[(r.article, *sentences[r.article][r.sentence]) for r in cq.evidence] for cq in content.questions]
    s = score(gold, predicted)
    if show:
        for aid, q in s["wrong"]:
            print(f"  wrong  {aid}: {q}")
        for k in s["misses"]:
            print(f"  missed {content.questions[k].question}")
    return s


def held_out(ex: Extractors, show: bool, path: Path = CASES) -> tuple[dict, int]:
    rows = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    gold, predicted, speakers_ok, speakers_total, ids = [], {}, 0, 0, []
    for r in rows:
        for q in r["questions"]:
            gold.append([(r["id"], *sp) for sp in spans_of(r["text"], [q["evidence"]])])
            ids.append(r["id"])
        rec = record_output(r["id"], r["text"], None, None, ex)
        predicted[r["id"]] = rec["open_questions"]
        for q in r["questions"]:
            if "raised_by" in q:
                speakers_total += 1
                speakers_ok += any(p.get("raised_by") == q["raised_by"] for p in rec["open_questions"])
        if show:
            for p in rec["open_questions"]:
                print(f"  asked  {r['id']}: {p['question']}  [{p.get('raised_by') or ''}]")
    s = score(gold, predicted)
    if show:
        for k in s["misses"]:
            print(f"  missed {ids[k]}")
        for aid, q in s["wrong"]:
            print(f"  wrong  {aid}: {q}")
    s["speakers"] = (speakers_ok, speakers_total)
    return s, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list misses, wrong and all asked questions")
    parser.add_argument("--all", action="store_true", help="also list the questions asked on unscored dev articles")
    args = parser.parse_args()
    ex = Extractors()
    started = time.perf_counter()
    d, problems, total = dev(ex, args.misses, args.all)
    print(line("dev", d) + f"   (targets ≥ {TARGET_RECALL:.2f}, ≥ {TARGET_PRECISION:.2f}; 12 annotated articles)")
    s = seed(ex, args.misses)
    print(line("seed", s) + "   (the curated questions of content/questions.yml)")
    h, n = held_out(ex, args.misses)
    ok, of = h["speakers"]
    print(line("held out", h) + f"   ({n} cases; raised_by right {ok}/{of})")
    f, n = held_out(ex, args.misses, FRESH)
    ok, of = f["speakers"]
    print(line("fresh", f) + f"   ({n} cases written after tuning; raised_by right {ok}/{of})")
    print(f"stand-alone check on all {total} questions of the 78 dev articles: {len(problems)} fail")
    for aid, q, bad in problems:
        print(f"  {aid}: {q}  <- {'; '.join(bad)}")
    print(f"time {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
