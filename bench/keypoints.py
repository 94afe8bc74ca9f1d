#!/usr/bin/env python3
"""Key-point benchmark: score the first 3 key points of `briefing extract --jsonl` with ROUGE.

    .venv/bin/python bench/keypoints.py [--outlet all|cnn|dm] [--baseline] [-k 3]

Runs ../shared/bench/keypoints/eval_keypoints.py with --batch-cmd over this script's adapter, which
feeds the articles to `briefing extract --jsonl` and returns each article's key points in rank order.
With --baseline, Lead-3 is scored too and the two are printed side by side. The key-point model is
fitted on these very articles (train/keypoints.py), so these figures are in-sample; its
cross-validated figures are what `make train` prints. Needs the bench extra
(`pip install -e .[bench]`: rouge-score and pysbd, used by the shared scorer). The data is read from
../shared/bench/ and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "keypoints"
BRIEFING = [sys.executable, "-m", "generator", "extract", "--jsonl"]
ROWS = ("cnn", "dm", "all", "test-wtd")


def adapt(timing: Path) -> int:
    """Batch command for the scorer: {"id","article"} lines in, {"id","sentences"} lines out.

    Writes the extraction time per article (the command's start-up excluded) to the timing file."""
    records = [json.loads(line) for line in sys.stdin if line.strip()]
    payload = "".join(json.dumps({"id": r["id"], "text": r["article"]}) + "\n" for r in records)
    started = time.perf_counter()
    subprocess.run(BRIEFING, input="", capture_output=True, text=True, cwd=ROOT, check=True)
    startup = time.perf_counter() - started
    started = time.perf_counter()
    proc = subprocess.run(BRIEFING, input=payload, capture_output=True, text=True, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - started - startup
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        return 1
    for line in proc.stdout.splitlines():
        out = json.loads(line)
        print(json.dumps({"id": out["id"], "sentences": [k["text"] for k in out["key_points"]]}))
    per_article = 1000 * elapsed / max(1, len(records))
    timing.write_text(f"briefing extract: {len(records)} articles, {per_article:.1f} ms per article\n", encoding="utf-8")
    return 0


def evaluate(system: list[str], k: int, outlet: str) -> tuple[dict, str]:
    """Run the shared scorer; return its summary table (by subset) and its printed output."""
    with tempfile.NamedTemporaryFile(suffix=".json") as summary:
        cmd = [sys.executable, str(DATA / "eval_keypoints.py"), *system, "-k", str(k), "--outlet", outlet]
        proc = subprocess.run([*cmd, "--json", summary.name], capture_output=True, text=True, cwd=ROOT, check=False)
        if proc.returncode != 0:
            sys.exit(f"eval_keypoints.py failed:\n{proc.stderr}{proc.stdout}")
        table = json.loads(Path(summary.name).read_text(encoding="utf-8"))
    return {r["label"]: r for r in table["results"]}, proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--adapt", type=Path, metavar="TIMING_FILE", help=argparse.SUPPRESS)
    ap.add_argument("-k", type=int, default=3)
    ap.add_argument("--outlet", choices=("all", "cnn", "dm"), default="all")
    ap.add_argument("--baseline", action="store_true", help="score Lead-3 too and print the difference")
    a = ap.parse_args()
    if a.adapt:
        return adapt(a.adapt)
    with tempfile.NamedTemporaryFile(suffix=".txt") as timing:
        adapter = shlex.join([sys.executable, str(Path(__file__).resolve()), "--adapt", timing.name])
        ours, log = evaluate(["--batch-cmd", adapter], a.k, a.outlet)
        extraction = Path(timing.name).read_text(encoding="utf-8")
    lead = evaluate(["--system", "lead3"], a.k, a.outlet)[0] if a.baseline else {}
    print(f"key points, first {a.k} scored: ROUGE F1 x 100 (R1 / R2 / RLsum)")
    print(f"{'subset':9} {'n':>4}  {'briefing':>20}  {'Lead-3':>20}  {'R1 gain':>7}")
    for label in ROWS:
        if label not in ours:
            continue
        r = ours[label]
        mine = f"{r['rouge1']:.1f} / {r['rouge2']:.1f} / {r['rougeLsum']:.1f}"
        base = lead.get(label)
        theirs = f"{base['rouge1']:.1f} / {base['rouge2']:.1f} / {base['rougeLsum']:.1f}" if base else ""
        gain = f"{r['rouge1'] - base['rouge1']:+.2f}" if base else ""
        print(f"{label:9} {r['n']:>4}  {mine:>20}  {theirs:>20}  {gain:>7}")
    print("in-sample: the key-point model was fitted on these articles; held-out figures: train/keypoints.py (5-fold CV)")
    print(extraction.strip())
    for line in log.splitlines():
        if line.startswith("time per article"):
            print(line.replace("time per article", "scorer's batch time per article (start-up included)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
