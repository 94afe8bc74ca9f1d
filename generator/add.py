"""`briefing add`: copy article files into content/articles/ and write sidecars of what they say.

Everything is read and checked before anything is written; existing files are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostics, Problem
from generator.load import ARTICLES_DIR, CONTENT_DIR, load_config, slugify
from generator.model import ReadResult
from generator.readers import READERS, ReaderError

SIDECAR_KEYS = ("title", "outlet", "url", "published", "authors", "tags")
_OUTLET_TRAILER = re.compile(r"^for more (?P<outlet>[A-Z][\w&.' -]{1,30}?) news\b", re.I)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(
    rf"\b(?:published|updated|posted)?\b[^\n]{{0,40}}?\b(?P<month>{_MONTHS})\.? (?P<day>\d{{1,2}}),? (?P<year>20\d\d)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Added:
    """One article added: where it went and what is left for a person to fill in."""

    source: Path
    article: Path
    sidecar: Path
    missing: tuple[str, ...]


def infer_meta(result: ReadResult) -> dict:
    """Metadata the file itself gives: reader metadata, an outlet trailer, a dateline with a date."""
    meta = dict(result.meta)
    for _, _, text in result.removed:
        m = _OUTLET_TRAILER.match(text)
        if m and "outlet" not in meta:
            meta["outlet"] = m.group("outlet").strip()
    if "published" not in meta:
        for line in result.text.split("\n")[:6]:
            m = _DATE_LINE.search(line)
            if m:
                month = _MONTHS.split("|").index(m.group("month").capitalize()) + 1
                try:
                    meta["published"] = dt.date(int(m.group("year")), month, int(m.group("day")))
                except ValueError:
                    continue
                break
    return meta


def sidecar_text(meta: dict) -> str:
    """Write a sidecar: known values filled in, missing ones as commented prompts."""
    lines = ["# Article metadata: edit freely. Missing values are commented out; fill them in."]
    for key in SIDECAR_KEYS:
        value = meta.get(key)
        if value in (None, (), []):
            hint = {"published": "YYYY-MM-DD", "authors": "[Name One, Name Two]", "tags": "[]"}.get(key, "")
            lines.append(f"# {key}: {hint}".rstrip())
        elif isinstance(value, dt.date):
            lines.append(f"{key}: {value.isoformat()}")
        elif isinstance(value, list | tuple):
            lines.append(f"{key}: [{', '.join(json.dumps(v, ensure_ascii=False) for v in value)}]")
        else:
            lines.append(f"{key}: {json.dumps(str(value), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def add_articles(root: Path, sources: list[Path], slug: str | None = None) -> list[Added]:
    """Copy each source into content/articles/ under a slug and write its sidecar."""
    diag = Diagnostics(root=root)
    folder = root / CONTENT_DIR / ARTICLES_DIR
    config = load_config(root / CONTENT_DIR / "briefing.yml", diag) if (root / CONTENT_DIR / "briefing.yml").exists() else None
    if slug and len(sources) != 1:
        diag.problems.append(Problem("briefing add", None, "--slug names one article; give one file with it"))
    plans: list[tuple[Path, Path, Path, dict]] = []
    taken = {p.stem for p in folder.glob("*")} if folder.is_dir() else set()
    for src in sources:
        suffix = src.suffix.lower()
        if not src.is_file():
            diag.error(src, None, "not found; a .txt, .md or .html article file expected")
            continue
        if suffix not in READERS:
            diag.error(src, None, f"unknown article format {suffix!r}; .txt, .md or .html expected")
            continue
        try:
            result = READERS[suffix](src.read_bytes(), config.settings.boilerplate if config else ())
        except ReaderError as exc:
            diag.error(src, exc.line, exc.message)
            continue
        except OSError as exc:
            diag.error(src, None, f"cannot be read: {exc.strerror}")
            continue
        meta = infer_meta(result)
        base = slug or slugify(str(meta.get("title") or "")) or slugify(src.stem) or "article"
        if slug and slugify(slug, max_words=20) != slug:
            message = f"--slug {slug!r}: lowercase letters, digits and hyphens expected"
            diag.problems.append(Problem("briefing add", None, message))
            continue
        chosen, n = base, 2
        while chosen in taken:
            if slug:
                diag.error(src, None, f"an article with the slug {slug!r} exists already; choose another --slug")
                break
            chosen, n = f"{base}-{n}", n + 1
        taken.add(chosen)
        plans.append((src, folder / f"{chosen}{'.html' if suffix == '.htm' else suffix}", folder / f"{chosen}.yml", meta))
    diag.raise_if_errors()
    added = []
    folder.mkdir(parents=True, exist_ok=True)
    for src, dest, sidecar, meta in plans:
        shutil.copyfile(src, dest)
        sidecar.write_text(sidecar_text(meta), encoding="utf-8")
        missing = tuple(k for k in SIDECAR_KEYS if meta.get(k) in (None, (), []) and k != "tags")
        added.append(Added(src, dest, sidecar, missing))
    return added
