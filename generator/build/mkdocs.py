"""The build stage: `mkdocs build --strict` into a side folder, then swap it in as site/.

A failed build leaves the previous site/ untouched; a lock keeps two builds from mixing.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from generator.errors import BriefingError, Problem
from generator.project import Project

MKDOCS_COMMAND = (sys.executable, "-m", "mkdocs")


@contextlib.contextmanager
def project_lock(project: Project, wait: bool = True) -> Iterator[None]:
    """Hold the project's build lock; wait for another run (saying so) or refuse."""
    path = project.lock_file
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                busy = "another briefing build is running in this project; try again when it ends"
                raise BriefingError(Problem(project.shown(path), None, busy)) from None
            print("waiting for another briefing build in this project to finish…", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def uses_pagefind(mkdocs_yml: Path) -> bool:
    """Whether the generated mkdocs.yml asks for Pagefind (extra.briefing_search)."""
    import yaml

    config = yaml.safe_load(mkdocs_yml.read_text("utf-8")) or {}
    return (config.get("extra") or {}).get("briefing_search") == "pagefind"


def pagefind_index(site: Path) -> None:
    """Index a built site with Pagefind into site/pagefind/ (only the page content, not the chrome)."""
    from pagefind_bin import get_executable

    proc = subprocess.run(
        [str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--root-selector",
         "article.md-content__inner", "--exclude-selectors", ".headerlink", "--force-language", "en", "--quiet"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        shutil.rmtree(site, ignore_errors=True)
        detail = "\n  ".join((proc.stderr or proc.stdout).strip().splitlines()[-10:])
        raise BriefingError(Problem("mkdocs.yml", None, f"pagefind failed; site/ was left as it was:\n  {detail}"))


def mkdocs_build(project: Project, command: tuple[str, ...] = MKDOCS_COMMAND) -> Path:
    """Build the site strictly into build/site.new, then swap it in as site/; return site/."""
    staging = project.build / "site.new"
    old = project.build / "site.old"
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    # Never `-q` with `--strict`: quiet mode hides the warnings that strict mode counts.
    proc = subprocess.run(
        [*command, "build", "--strict", "--clean", "--config-file", str(project.mkdocs_yml), "--site-dir", str(staging)],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        lines = [ln for ln in proc.stderr.splitlines() if ln.startswith(("WARNING", "ERROR", "Error", "Aborted"))]
        detail = "\n  ".join(lines[-30:] or proc.stderr.strip().splitlines()[-10:])
        raise BriefingError(Problem("mkdocs.yml", None, f"mkdocs build --strict failed; site/ was left as it was:\n  {detail}"))
    if uses_pagefind(project.mkdocs_yml):
        pagefind_index(staging)
    site = project.site
    if site.exists():
        os.rename(site, old)
    os.rename(staging, site)
    shutil.rmtree(old, ignore_errors=True)
    return site
