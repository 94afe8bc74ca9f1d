"""The whole run in order: load → extract → curate → render → build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.build import mkdocs_build, project_lock
from generator.curate import Briefing, curate
from generator.errors import Diagnostics, Problem
from generator.extract import Extractors, extract
from generator.load import load
from generator.model import Content, Extraction
from generator.render import DOCS_DIR, WriteReport, render, render_mkdocs_yml, write_if_changed, write_pages


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run did."""

    briefing: Briefing
    report: WriteReport | None  # None for check, which writes nothing
    warnings: tuple[Problem, ...]
    site: Path | None


def extract_all(content: Content, extractors: Extractors | None = None) -> dict[str, Extraction]:
    """Run the extractors over every article; the article's slug seeds its sentence ids."""
    return {a.slug: extract(a.slug, a.text, extractors) for a in content.articles}


def run(root: Path, *, write: bool = True, build: bool = True, strict: bool = False) -> RunResult:
    """Load and validate content/, extract, curate, render, and build the site.

    write=False only checks (nothing is written anywhere); build=False stops after the Markdown.
    Nothing is ever written into content/.
    """
    diag = Diagnostics(root=root)
    content = load(root, diag)
    diag.raise_if_errors(strict=strict)
    briefing = curate(content, extract_all(content))
    pages = render(briefing, root)
    mkdocs_yml = render_mkdocs_yml(briefing, root)
    if not write:
        return RunResult(briefing, None, tuple(diag.warnings), None)
    with project_lock(root):
        report = write_pages(pages, root / DOCS_DIR)
        if write_if_changed(root / "mkdocs.yml", mkdocs_yml):
            report = WriteReport(report.written + ("mkdocs.yml",), report.unchanged, report.removed)
        site = mkdocs_build(root) if build else None
    return RunResult(briefing, report, tuple(diag.warnings), site)
