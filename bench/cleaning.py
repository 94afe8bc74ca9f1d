#!/usr/bin/env python3
"""Boilerplate benchmark: the .txt cleaner on the labelled lines of ../shared/bench/stories.

    .venv/bin/python bench/cleaning.py [--misses N]

Runs the pasted-text reader (generator/load/readers/text.py, boilerplate.py) on each article's text and
scores it as the data's README ("Boilerplate lines") says: whitespace collapsed in the labelled
lines, the cleaned text and the extracted title alike; a boilerplate line is kept when its text is
in the output and no body line of its article contains it (the lines a body line contains are left
out of the count); a body line is lost when its text is in neither the output nor the title.

The rules were developed on half of the articles (sorted ids, even positions: "dev"); the other half
("held out") checks that they were not fitted to it. Prints kept-boilerplate and lost-body rates for
dev, held out and all, and the misses by kind. The data is read from ../shared/ and never copied.
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from generator.load.readers.text import pasted_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "stories"
TARGET_KEPT, TARGET_LOST = 0.15, 0.01


def norm(text: str) -> str:
    """Collapse runs of white space, as the scoring rules say."""
    return " ".join(text.split())


def load() -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Article texts and labelled lines by id."""
    texts = {r["id"]: r["text"] for r in map(json.loads, (DATA / "articles.jsonl").read_text("utf-8").splitlines())}
    lines = {r["id"]: r["lines"] for r in map(json.loads, (DATA / "lines.jsonl").read_text("utf-8").splitlines())}
    return texts, lines


def splits(ids: list[str]) -> dict[str, list[str]]:
    """Dev: even positions of the sorted ids; held out: odd ones."""
    ordered = sorted(ids)
    return {"dev": ordered[0::2], "held out": ordered[1::2], "all": ordered}


def score(ids: list[str], texts: dict[str, str], labelled: dict[str, list[dict]]) -> dict:
    """Kept boilerplate and lost body lines over the given articles, with the misses."""
    kept, lost = [], []
    boilerplate = body = 0
    for aid in ids:
        result = pasted_text(texts[aid])
        output = norm(result.text)
        title = norm(result.meta.get("title") or "")
        lines = labelled[aid]
        bodies = [norm(x["text"]) for x in lines if x["label"] == "body"]
        for x in lines:
            t = norm(x["text"])
            if x["label"] == "boilerplate":
                if any(t in b for b in bodies):
                    continue  # contained in a body line: cannot count as kept (README)
                boilerplate += 1
                if t in output:
                    kept.append((aid, x))
            else:
                body += 1
                if t not in output and t not in title:
                    lost.append((aid, x))
    return {"boilerplate": boilerplate, "kept": kept, "body": body, "lost": lost}


def report(name: str, s: dict, misses: int) -> None:
    kept_rate = len(s["kept"]) / s["boilerplate"] if s["boilerplate"] else 0.0
    lost_rate = len(s["lost"]) / s["body"] if s["body"] else 0.0
    print(
        f"{name:>9}: boilerplate kept {len(s['kept']):>2}/{s['boilerplate']:<3} {kept_rate:6.1%}   "
        f"body lost {len(s['lost']):>2}/{s['body']:<3} {lost_rate:5.1%}"
    )
    if misses:
        for label, items in (("kept", s["kept"]), ("lost", s["lost"])):
            for kind, n in collections.Counter(x["kind"] for _, x in items).most_common():
                print(f"           {label} {kind}: {n}")
            for aid, x in items[:misses]:
                print(f"             {aid} n={x['n']}: {x['text'][:110]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", type=int, default=3, help="misses to list per split and label (default 3)")
    args = parser.parse_args()
    texts, labelled = load()
    started = time.perf_counter()
    results = {name: score(ids, texts, labelled) for name, ids in splits(list(labelled)).items()}
    elapsed = time.perf_counter() - started
    print(f"Cleaner on {len(labelled)} articles of ../shared/bench/stories/lines.jsonl "
          f"(targets: boilerplate kept <= {TARGET_KEPT:.0%}, body lost <= {TARGET_LOST:.0%})")
    for name, s in results.items():
        report(name, s, args.misses if name != "all" else 0)
    a = results["all"]
    print(f"all misses by kind: kept {dict(collections.Counter(x['kind'] for _, x in a['kept']))}, "
          f"lost {dict(collections.Counter(x['kind'] for _, x in a['lost']))}")
    print(f"{elapsed:.2f} s for the three scorings")


if __name__ == "__main__":
    main()
