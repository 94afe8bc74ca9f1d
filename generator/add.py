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

from generator.dates import parse_written
from generator.errors import Diagnostics, Problem
from generator.load import schema
from generator.load.content import load_config, slugify
from generator.load.readers import READERS, ReaderError
from generator.model import ReadResult
from generator.project import Project
from generator.yamlio import one_line

SIDECAR_KEYS = ("title", "outlet", "url", "published", "authors", "tags")
# What `briefing add --title/--outlet/--url/--published` may set, each checked like the sidecar key.
GIVEN_KEYS = ("title", "outlet", "url", "published")
_OUTLET_TRAILER = re.compile(r"^for more (?P<outlet>[A-Z][\w&.' -]{1,30}?) news\b", re.I)

# A publication date is taken only from where a page states it: its metadata, a publication line
# ("Published 10 October 2025", "Updated: Oct 10, 2025 3:04 PM") or a dateline (a line that is a date,
# or "CAIRO, Oct. 10, 2025 (Reuters) —"). A date in a sentence ("its attack on October 7, 2023") is
# an event, never the article's date.
_TIME = re.compile(
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?)?(?=\W|$)", re.I
)
PUBLICATION_LABEL = re.compile(
    r"(?:^|[|·•—–]\s*)(?P<label>(?:first\s+|originally\s+)?(?:published|posted)|(?:last\s+)?(?:updated|modified))"
    r"(?:\s+on)?\s*:?", re.I
)
WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*(?P<date>.{6,40}?)\s*(?:\([\w .]+\)\s*)?[—–-]\s")
MAX_DATELINE_WORDS = 4  # words left on a dateline once its date and time are taken away ("Flash Brief")
DATELINE_LINES = 10  # a dateline stands near the top


@dataclass(frozen=True, slots=True)
class Added:
    """One article added: where it went, what was guessed from its text and what is left to fill in."""

    source: Path
    article: Path
    sidecar: Path
    missing: tuple[str, ...]
    guessed: tuple[str, ...] = ()  # "published 2025-10-10 (line 3: …)": read from the text, for a person to check


@dataclass(frozen=True, slots=True)
class Inferred:
    """Metadata a file gives, and for each value read from its text rather than its metadata, where."""

    meta: dict
    guessed: dict  # key -> (line, the line's text)


def _dateline_date(line: str) -> dt.date | None:
    """The date of a line that is only a date (and a time, a weekday, a word or two)."""
    parsed = parse_written(line)
    if parsed is None:
        return None
    date, m = parsed
    rest = _TIME.sub(" ", line[: m.start()] + " " + line[m.end() :])
    if len(re.findall(r"[^\W\d_]+", rest)) <= MAX_DATELINE_WORDS and not re.search(r"[.!?]\s*$", rest.strip()):
        return date
    wire = WIRE_DATELINE.match(line)
    if wire and m.start() >= wire.start("date") and m.end() <= wire.end("date") + 1:
        return date
    return None


def publication_date(lines: list[tuple[int, str]]) -> tuple[dt.date, int, str] | None:
    """The date a page states it was published: a labelled publication line (published or posted
    before updated), else a dateline near the top; with its line number and text."""
    labelled = []
    for number, line in lines:
        if len(line.split()) > 25:
            continue
        label = PUBLICATION_LABEL.search(line)
        parsed = parse_written(line[label.end() :]) if label else None
        if label and parsed:
            rank = 0 if re.search(r"published|posted", label.group("label"), re.I) else 1
            labelled.append((rank, number, parsed[0], line))
    if labelled:
        _, number, date, line = min(labelled, key=lambda x: (x[0], x[1]))
        return date, number, line
    for number, line in lines[:DATELINE_LINES]:
        day = _dateline_date(line) if len(line.split()) <= 25 or WIRE_DATELINE.match(line) else None
        if day:
            return day, number, line
    return None


def infer_meta(result: ReadResult) -> Inferred:
    """Metadata the file itself gives: reader metadata, an outlet trailer, a stated publication date."""
    meta, guessed = dict(result.meta), {}
    for number, _, text in result.removed:
        m = _OUTLET_TRAILER.match(text)
        if m and "outlet" not in meta:
            meta["outlet"] = m.group("outlet").strip()
            guessed["outlet"] = (number, text)
    if "published" not in meta:
        paragraphs = result.text.split("\n\n") if result.text else []
        kept = list(zip(result.paragraph_lines, paragraphs, strict=False))
        lines = sorted(kept + [(number, text) for number, _, text in result.removed], key=lambda x: x[0])
        found = publication_date(lines)
        if found:
            meta["published"], number, line = found
            guessed["published"] = (number, line)
    return Inferred(meta, guessed)


def sidecar_text(meta: dict, guessed: dict | None = None) -> str:
    """Write a sidecar: known values filled in, missing ones as commented prompts, guesses marked."""
    guessed = guessed or {}
    lines = ["# Article metadata: edit freely. Missing values are commented out; fill them in."]
    for key in SIDECAR_KEYS:
        value = meta.get(key)
        if value in (None, (), []):
            hint = {"published": "YYYY-MM-DD", "authors": "[Name One, Name Two]", "tags": "[]"}.get(key, "")
            lines.append(f"# {key}: {hint}".rstrip())
            continue
        if isinstance(value, dt.date):
            line = f"{key}: {value.isoformat()}"
        elif isinstance(value, list | tuple):
            line = f"{key}: [{', '.join(json.dumps(v, ensure_ascii=False) for v in value)}]"
        else:
            line = f"{key}: {json.dumps(str(value), ensure_ascii=False)}"
        if key in guessed:
            number, text = guessed[key]
            line += f"  # guessed from line {number} of the article: “{one_line(text, 100)}”; check it"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _given(values: dict, diag: Diagnostics) -> dict:
    """The values given on the command line, each checked like the sidecar key it sets."""
    out = {}
    for key, value in values.items():
        if value is None:
            continue
        try:
            out[key] = schema.ARTICLE_META[key].check(value)
        except schema.Invalid as exc:
            diag.problems.append(Problem("briefing add", None, f"--{key}: {exc}"))
    return out


def add_articles(root: Project | Path, sources: list[Path], slug: str | None = None, given: dict | None = None) -> list[Added]:
    """Copy each source into content/articles/ under a slug and write its sidecar.

    given holds the values of --title, --outlet, --url and --published: they win over what the file
    says. A title or URL names one article, like a slug."""
    project = Project.of(root)
    diag = Diagnostics(project=project)
    folder = project.articles
    config = load_config(project.config_file, diag) if project.config_file.exists() else None
    given = _given({k: v for k, v in (given or {}).items() if k in GIVEN_KEYS}, diag)
    if len(sources) != 1:
        for option, value in (("--slug", slug), ("--title", given.get("title")), ("--url", given.get("url"))):
            if value:
                diag.problems.append(Problem("briefing add", None, f"{option} names one article; give one file with it"))
    plans: list[tuple[Path, Path, Path, Inferred]] = []
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
        inferred = infer_meta(result)
        inferred.meta.update(given)
        for key in given:
            inferred.guessed.pop(key, None)
        meta = inferred.meta
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
        plans.append((src, folder / f"{chosen}{'.html' if suffix == '.htm' else suffix}", folder / f"{chosen}.yml", inferred))
    diag.raise_if_errors()
    added = []
    folder.mkdir(parents=True, exist_ok=True)
    for src, dest, sidecar, inferred in plans:
        meta = inferred.meta
        shutil.copyfile(src, dest)
        sidecar.write_text(sidecar_text(meta, inferred.guessed), encoding="utf-8")
        missing = tuple(k for k in SIDECAR_KEYS if meta.get(k) in (None, (), []) and k != "tags")
        guessed = tuple(
            f"{key} {_shown(meta[key])} (line {number}: “{one_line(text, 60)}”)"
            for key, (number, text) in sorted(inferred.guessed.items())
        )
        added.append(Added(src, dest, sidecar, missing, guessed))
    return added


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
