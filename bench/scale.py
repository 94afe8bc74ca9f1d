"""Scale and speed: the generator on synthetic corpora of N articles, against bare MkDocs.

For each N (100, 1000 and 3000 unless given), in a fresh temporary project of synthetic articles
(bench/synthetic.py), it measures:

- extraction throughput on one core (every article extracted in this process, no cache);
- stories on one core: grouping and every story's key points, in this process, no cache;
- a cold `briefing build` (no build/, site/ or history/);
- a warm `briefing build` (nothing changed) against a bare `mkdocs build --strict` of the same
  generated Markdown and mkdocs.yml, alternated ROUNDS times; the ratio of the medians;
- `briefing generate` with nothing changed: wall time and files written;
- `briefing generate` after one new article: wall time, files written, and how many stories'
  key points were worked out again (the others come from build/cache/stories/);
- with Pagefind (from 250 articles), the bytes one query transfers in Chromium;
- the generator's peak memory: the largest resident set of a cold `briefing generate` process
  or of any of its extraction workers (MkDocs does not run in generate).

Files written are counted from the generated tree itself (build/docs, build/theme, mkdocs.yml):
every file whose size or modification time changed, appeared or disappeared.

    .venv/bin/python bench/scale.py                 # N = 100, 1000, 3000
    .venv/bin/python bench/scale.py 100 1000 --rounds 3
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from bench.browser import CHROMIUM, CHROMIUM_ARGS, pagefind_query  # noqa: E402
from bench.synthetic import write_article, write_project  # noqa: E402
from generator.build.mkdocs import pagefind_index, uses_pagefind  # noqa: E402
from generator.curate.briefing import curate, story_inputs  # noqa: E402
from generator.curate.stories import stories  # noqa: E402
from generator.extract.cache import analyse  # noqa: E402
from generator.load.content import load  # noqa: E402
from generator.project import Project  # noqa: E402

BIN = Path(sys.executable).parent
BRIEFING = [str(BIN / "briefing")]
MKDOCS = [sys.executable, "-m", "mkdocs"]
GENERATED = ("build/docs", "build/theme", "mkdocs.yml")


@dataclass
class Timed:
    seconds: float
    peak_mib: float
    output: str


def timed(cmd: list[str], cwd: Path) -> Timed:
    """Run cmd, return its wall time, the peak RSS of it or its largest descendant, and its output."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{out}")
    return Timed(seconds, usage.ru_maxrss / 1024, out)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Size and mtime of every generated file."""
    out = {}
    for name in GENERATED:
        path = root / name
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path] if path.exists() else []
        for f in files:
            st = f.stat()
            out[f.relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return out


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def with_material_search(root: Path) -> Path | None:
    """When the generated mkdocs.yml uses Pagefind, a copy that uses Material's search instead."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    if not uses_pagefind(root / "mkdocs.yml"):
        return None
    config["plugins"] = ["search"]
    config.pop("extra", None)
    config.pop("extra_javascript", None)
    config["extra_css"] = [c for c in config["extra_css"] if not c.startswith("pagefind/")]
    path = root / "mkdocs.material-search.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def pagefind_index_of(site: Path) -> None:
    """Index a copy of the built site with Pagefind again, to time it alone."""
    if (site / "pagefind").is_dir():
        copy = site.parent / "site.pagefind-timing"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site, copy)
        try:
            pagefind_index(copy)
        finally:
            shutil.rmtree(copy, ignore_errors=True)


def pagefind_transfer(site: Path, query: str = "Haddad") -> str:
    """Requests and bytes one Pagefind query transfers on the built site, served on loopback and
    typed into Chromium (budget: 250 KB); '(no Chromium)' where there is none."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "(no playwright)"
    if not Path(CHROMIUM).exists():
        return "(no Chromium)"
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            results, size = pagefind_query(page, f"http://127.0.0.1:{server.server_address[1]}/articles/", query)
            found = results.count()
            browser.close()
    finally:
        server.shutdown()
    return f"{size / 1000:.0f} KB, {found} results"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(n: int, rounds: int, workdir: Path) -> dict[str, str]:
    """Every figure for a corpus of n articles."""
    root = workdir / f"n{n}"
    write_project(root, n)
    row: dict[str, str] = {}

    content = load(root)
    started = time.process_time()
    extractions = {a.slug: analyse(a.slug, a.text).extraction for a in content.articles}
    cpu = time.process_time() - started
    row["extraction, one core"] = f"{n / cpu:.0f} art/s"
    inputs = story_inputs(list(curate(content, extractions).articles))
    started = time.process_time()
    stories(inputs, content.stories)
    row["stories (grouping + key points), one core"] = f"{time.process_time() - started:.2f} s"

    memory = timed([*BRIEFING, "generate"], root)  # cold: no cache, no build/
    row["generator peak memory (cold generate)"] = f"{memory.peak_mib:.0f} MiB"
    row["cold generate"] = f"{memory.seconds:.2f} s"
    for folder in ("build", "site", "history"):
        shutil.rmtree(root / folder, ignore_errors=True)
    cold = timed([*BRIEFING, "build"], root)
    row["cold build"] = f"{cold.seconds:.2f} s"

    warm, bare = [], []
    bare_site = workdir / f"bare-{n}"
    for _ in range(rounds):
        warm.append(timed([*BRIEFING, "build"], root).seconds)
        bare.append(
            timed([*MKDOCS, "build", "--strict", "--clean", "-f", "mkdocs.yml", "-d", str(bare_site)], root).seconds
        )
    row["warm build (median)"] = f"{statistics.median(warm):.2f} s"
    row["bare mkdocs build (median)"] = f"{statistics.median(bare):.2f} s"
    row["warm / bare"] = f"{statistics.median(warm) / statistics.median(bare):.3f}×"
    searched = with_material_search(root)
    if searched:  # the site searches with Pagefind: also against bare MkDocs with its own search
        bare_search = [
            timed([*MKDOCS, "build", "--strict", "--clean", "-f", searched.name, "-d", str(bare_site)], root).seconds
            for _ in range(rounds)
        ]
        row["bare mkdocs + Material search"] = f"{statistics.median(bare_search):.2f} s"
        row["warm / bare with search"] = f"{statistics.median(warm) / statistics.median(bare_search):.3f}×"
    else:
        row["bare mkdocs + Material search"] = row["warm / bare with search"] = "(same as bare)"
    started = time.perf_counter()
    pagefind_index_of(root / "site")
    row["of which Pagefind indexing"] = f"{time.perf_counter() - started:.2f} s" if searched else "-"
    row["Pagefind query transfer (Chromium)"] = pagefind_transfer(root / "site") if searched else "-"

    before = snapshot(root)
    same = timed([*BRIEFING, "generate"], root)
    row["generate, no change"] = f"{same.seconds:.2f} s, {len(changed(before, snapshot(root)))} files"

    write_article(root, n)  # the next article of the same series: a new file
    before = snapshot(root)
    kept = set(os.listdir(Project(root).story_cache))
    one = timed([*BRIEFING, "generate"], root)
    files = changed(before, snapshot(root))
    row["generate, one new article"] = f"{one.seconds:.2f} s, {len(files)} files"
    now = set(os.listdir(Project(root).story_cache))
    row["stories worked out again (one new article)"] = f"{len(now - kept)} of {len(now)}"
    row["  files written"] = " ".join(f.removeprefix("build/docs/") for f in files)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 3000])
    parser.add_argument("--rounds", type=int, default=3, help="warm/bare build pairs per size (default 3)")
    parser.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="briefing-scale-"))
    rows = {}
    try:
        for n in args.sizes:
            print(f"N = {n}…", file=sys.stderr, flush=True)
            rows[n] = measure(n, args.rounds, workdir)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    labels = list(next(iter(rows.values())))
    width = max(map(len, labels))
    print(f"{'':{width}}  " + "  ".join(f"{f'N = {n}':>16}" for n in rows))
    for label in labels:
        if label.startswith("  "):
            continue
        print(f"{label:{width}}  " + "  ".join(f"{rows[n][label]:>16}" for n in rows))
    for n in rows:
        print(f"\nN = {n}, files written for one new article: {rows[n]['  files written']}")


if __name__ == "__main__":
    main()
