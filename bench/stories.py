#!/usr/bin/env python3
"""Stories benchmark: run `briefing stories --jsonl` over ../shared/bench/stories and score it.

    .venv/bin/python bench/stories.py [--misses N] [--sweep]

Prints the shared scorer's table (story grouping B-cubed beside its baselines, fact recall,
support recall, outlet-count accuracy, corroboration precision, key points without a source) and
the time the command took. With --sweep, the grouping threshold's B-cubed F1 over a range, the
flat region it is chosen from. The benchmark data is read from ../shared/bench/ and never copied
into the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "bench" / "stories"
BRIEFING = [sys.executable, "-m", "generator", "stories", "--jsonl"]


def records() -> list[dict]:
    """The articles as the scriptable interface reads them."""
    keys = ("id", "text", "title", "outlet", "published", "url")
    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{k: r.get(k) for k in keys} for r in rows]


def run(rows: list[dict]) -> tuple[str, float]:
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    started = time.perf_counter()
    proc = subprocess.run(BRIEFING, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        sys.exit(f"briefing stories failed:\n{proc.stderr}")
    return proc.stdout, time.perf_counter() - started


def score(output: str, misses: int = 0, as_json: bool = False) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write(output)
        path = fh.name
    cmd = [sys.executable, str(DATA / "score.py"), path]
    cmd += (["--misses", str(misses)] if misses else []) + (["--json"] if as_json else [])
    result = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    Path(path).unlink()
    return result


def sweep(rows: list[dict]) -> None:
    """B-cubed F1 of the grouping at each similarity threshold (in this process, the module's
    constant set for each run; the shipped value is generator.curate.stories.SIMILARITY)."""
    import io

    from generator.curate import stories
    from generator.jsonl import run_stories_jsonl

    shipped = stories.SIMILARITY
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    print(f"grouping threshold sweep (B-cubed F1; shipped {shipped:.2f}):")
    try:
        for t in (0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.20):
            stories.SIMILARITY = t
            out = io.StringIO()
            run_stories_jsonl(lines, out)
            res = json.loads(score(out.getvalue(), as_json=True))
            print(f"  {t:.2f}  {res['clustering']['f1']:.3f}")
    finally:
        stories.SIMILARITY = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", type=int, default=0, help="list N missed facts")
    parser.add_argument("--sweep", action="store_true", help="print the grouping threshold sweep")
    args = parser.parse_args()
    rows = records()
    out, elapsed = run(rows)
    print(score(out, args.misses))
    print(f"briefing stories --jsonl: {len(rows)} articles in {elapsed:.2f} s (start-up included)")
    if args.sweep:
        sweep(rows)


if __name__ == "__main__":
    main()
