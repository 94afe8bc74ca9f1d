"""`briefing extract --jsonl` and `briefing stories --jsonl`: the scriptable interfaces the
benchmarks drive. Keep them stable.

Input, one JSON object a line: {"id", "text"} (used as is), {"id", "pasted"} (cleaned like a
.txt article) or {"id", "html"} (read like a saved page). Output, one line per input:
{"id", "text", "title", "published", "sentences", "key_points", "quotes", "open_questions"},
every start/end a Python string index into that "text".
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from generator.curate.duplicates import group_duplicates
from generator.curate.stories import Story, StoryInput, stories
from generator.errors import Problem
from generator.extract import Extractors, extract
from generator.extract.fingerprint import fingerprint
from generator.extract.sentences import sentences as split_into_sentences
from generator.load.readers import ReaderError
from generator.load.readers.html import html_text
from generator.load.readers.text import pasted_text
from generator.model import Article

INPUT_KINDS = ("text", "pasted", "html")
SOURCE = "<stdin>"


def record_output(record_id: object, text: str, title: str | None, published: str | None, extractors) -> dict:
    """Extract from one text and shape the output record."""
    ex = extract(str(record_id), text, extractors)
    return {
        "id": record_id,
        "text": text,
        "title": title,
        "published": published,
        "sentences": [{"id": s.id, "start": s.start, "end": s.end} for s in ex.sentences],
        "key_points": [
            {"sentence_id": k.sentence_id, "start": k.start, "end": k.end, "text": k.text} for k in ex.key_points
        ],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "sentence_id": q.sentence_id,
                "kind": q.kind,
                "attribution": q.attribution,
            }
            for q in ex.quotes
        ],
        "open_questions": [
            {
                "question": q.question,
                "raised_by": q.raised_by,
                "cue": q.cue,
                "evidence": [{"sentence_id": e.sentence_id, "start": e.start, "end": e.end, "text": e.text} for e in q.evidence],
            }
            for q in ex.questions
        ],
    }


def read_record(record: dict) -> tuple[str, str | None, str | None]:
    """Turn one input record into (text, title, published)."""
    kinds = [k for k in INPUT_KINDS if k in record]
    if len(kinds) != 1:
        raise ValueError(f"expected exactly one of {', '.join(INPUT_KINDS)}, got {len(kinds)}")
    kind = kinds[0]
    value = record[kind]
    if not isinstance(value, str):
        raise ValueError(f"{kind!r} must be a string")
    if kind == "text":
        return value, record.get("title") if isinstance(record.get("title"), str) else None, None
    result = pasted_text(value) if kind == "pasted" else html_text(value)
    published = result.meta.get("published")
    return result.text, result.meta.get("title"), published.isoformat() if published else None


def records(lines: Iterable[str], problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    """The JSON objects with an "id", one per non-blank line, with their line numbers; a bad line
    is added to problems and skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(SOURCE, number, f"invalid JSON ({exc.msg}); one JSON object per line expected"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str | int) or isinstance(record.get("id"), bool):
            problems.append(Problem(SOURCE, number, 'expected an object with an "id" (string or number)'))
            continue
        try:
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            message = "a string holds a lone surrogate (\\ud800–\\udfff); expected valid Unicode text"
            problems.append(Problem(SOURCE, number, message))
            continue
        yield number, record


def run_jsonl(lines: Iterable[str], out: TextIO, extractors: Extractors | None = None) -> list[Problem]:
    """Process JSONL records; write one output line per good record; return the problems."""
    problems: list[Problem] = []
    ex = extractors or Extractors()
    for number, record in records(lines, problems):
        try:
            text, title, published = read_record(record)
        except (ValueError, ReaderError) as exc:
            problems.append(Problem(SOURCE, number, str(getattr(exc, "message", exc))))
            continue
        out.write(json.dumps(record_output(record["id"], text, title, published, ex), ensure_ascii=False))
        out.write("\n")
        out.flush()
    return problems


# --- `briefing stories --jsonl` -------------------------------------------------------------------

STORY_FIELDS = ("title", "outlet", "published", "url")


def story_input(record: dict) -> StoryInput:
    """One article record as grouping and key points need it; its text is used as is."""
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError('expected "text", the article text (a string)')
    for key in STORY_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ValueError(f"{key!r} must be a string or null")
    slug = str(record["id"])
    sents = split_into_sentences(slug, text)
    return StoryInput(
        slug=slug,
        title=record.get("title") or "",
        text=text,
        sentences=sents,
        published=_date(record.get("published")),
        outlet=record.get("outlet"),
        key_points=tuple(k.sentence_id for k in _KEY_POINTS.extract(text, sents)),
    )


_KEY_POINTS = Extractors().key_points  # the article's own key points, as the site has them


def _date(value: str | None) -> datetime.date | None:
    """'2024-05-06' → a date; a month alone ('2025-10') or anything else says no day."""
    if not value or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def run_stories_jsonl(lines: Iterable[str], out: TextIO) -> list[Problem]:
    """Read article records, group them into stories and write one JSON line per story."""
    problems: list[Problem] = []
    inputs: list[StoryInput] = []
    seen: set[str] = set()
    for number, record in records(lines, problems):
        if str(record["id"]) in seen:
            problems.append(Problem(SOURCE, number, f"id {record['id']!r} given twice; ids must be unique"))
            continue
        try:
            inputs.append(story_input(record))
        except ValueError as exc:
            problems.append(Problem(SOURCE, number, str(exc)))
            continue
        seen.add(str(record["id"]))
    for story in stories(with_copies(inputs)):
        out.write(json.dumps(story_record(story), ensure_ascii=False))
        out.write("\n")
    return problems


def with_copies(inputs: list[StoryInput]) -> list[StoryInput]:
    """Mark wire copies and rewrites (the duplicate groups) with the original they copy."""
    articles = [
        Article(a.slug, Path(a.slug), "txt", a.title or a.slug, a.text, (), a.outlet, None, a.published)
        for a in inputs
    ]
    prints = {a.slug: fingerprint(a.sentences) for a in inputs}
    copy_of = {d.slug: g.canonical for g in group_duplicates(articles, prints) for d in g.duplicates}
    return [replace(a, copy_of=copy_of.get(a.slug)) for a in inputs]


def story_record(story: Story) -> dict:
    """A story as the stories benchmark's scorer reads it: offsets into each article's text."""
    return {
        "id": story.id,
        "title": story.headline,
        "articles": list(story.articles),
        "outlets": story.outlets,
        "key_points": [
            {
                "text": p.shown.text,
                "outlets": p.outlets,
                "sources": [{"article": s.article, "start": s.start, "end": s.end} for s in p.sources],
            }
            for p in story.points
        ],
    }
