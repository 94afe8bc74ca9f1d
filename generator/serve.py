"""`briefing serve`: MkDocs' live-reloading server, regenerating when content/ or templates/ change."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from generator.errors import BriefingError
from generator.pipeline import run

POLL_SECONDS = 1.0
WATCHED = ("content", "templates")


def snapshot(root: Path) -> dict[str, float]:
    """Modification times of every watched file."""
    stamps = {}
    for name in WATCHED:
        for f in (root / name).rglob("*"):
            if f.is_file():
                try:
                    stamps[str(f)] = f.stat().st_mtime_ns
                except OSError:
                    pass
    return stamps


def regenerate(root: Path) -> None:
    """Regenerate the Markdown, printing problems instead of stopping the server."""
    try:
        result = run(root, build=False)
    except BriefingError as exc:
        print(f"{exc}\n(serving the last good pages)", file=sys.stderr)
        return
    for w in result.warnings:
        print(w, file=sys.stderr)
    if result.report and result.report.written:
        print(f"regenerated {len(result.report.written)} file(s)", file=sys.stderr)


def watch(root: Path, stop: threading.Event) -> None:
    """Poll the watched folders and regenerate on change; only changed pages are rewritten."""
    last = snapshot(root)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(root)
        if now != last:
            last = now
            time.sleep(0.2)  # let an editor finish saving
            regenerate(root)


def serve(root: Path, dev_addr: str) -> None:
    """Generate once, then serve with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    run(root, build=False)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(root, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, dev_addr=dev_addr, strict=False)
    finally:
        stop.set()
