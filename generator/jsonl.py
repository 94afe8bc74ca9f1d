"""`briefing extract --jsonl`: the scriptable interface the benchmarks drive. Keep it stable.

Input, one JSON object a line: {"id", "text"} (used as is), {"id", "pasted"} (cleaned like a
.txt article) or {"id", "html"} (read like a saved page). Output, one line per input:
{"id", "text", "title", "published", "sentences", "key_points", "quotes", "open_questions"},
every start/end a Python string index into that "text".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from generator.errors import Problem
from generator.extract import Extractors, extract
from generator.readers import ReaderError
from generator.readers.html import html_text
from generator.readers.text import pasted_text

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


def run_jsonl(lines: Iterable[str], out: TextIO, extractors: Extractors | None = None) -> list[Problem]:
    """Process JSONL records; write one output line per good record; return the problems."""
    problems: list[Problem] = []
    ex = extractors or Extractors()
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
            text, title, published = read_record(record)
        except (ValueError, ReaderError) as exc:
            problems.append(Problem(SOURCE, number, str(getattr(exc, "message", exc))))
            continue
        out.write(json.dumps(record_output(record["id"], text, title, published, ex), ensure_ascii=False))
        out.write("\n")
        out.flush()
    return problems
