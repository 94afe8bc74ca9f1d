"""`briefing serve`: MkDocs' live-reloading server, regenerating when content/ or templates/ change."""

from __future__ import annotations

import sys
import threading
import time

from generator.errors import BriefingError
from generator.pipeline import run
from generator.project import Project

POLL_SECONDS = 1.0


def snapshot(project: Project) -> dict[str, int]:
    """Modification times of every input file (content/ and templates/)."""
    stamps = {}
    for folder in project.inputs:
        for f in folder.rglob("*"):
            if f.is_file():
                try:
                    stamps[str(f)] = f.stat().st_mtime_ns
                except OSError:
                    pass
    return stamps


def regenerate(project: Project) -> None:
    """Regenerate the Markdown, printing problems instead of stopping the server."""
    try:
        result = run(project, build=False)
    except BriefingError as exc:
        print(f"{exc}\n(serving the last good pages)", file=sys.stderr)
        return
    for w in result.warnings:
        print(w, file=sys.stderr)
    if result.report and result.report.written:
        print(f"regenerated {len(result.report.written)} file(s)", file=sys.stderr)


def watch(project: Project, stop: threading.Event) -> None:
    """Poll the watched folders and regenerate on change; only changed pages are rewritten."""
    last = snapshot(project)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(project)
        if now != last:
            last = now
            time.sleep(0.2)  # let an editor finish saving
            regenerate(project)


def serve(project: Project, dev_addr: str) -> None:
    """Generate once, then serve with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    run(project, build=False)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(project, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(project.mkdocs_yml), livereload=True, dev_addr=dev_addr, strict=False)
    finally:
        stop.set()
