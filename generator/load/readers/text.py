"""Reader for .txt: text pasted from a web page, boilerplate and all."""

from __future__ import annotations

from collections.abc import Iterable

from generator.load.readers.base import decode
from generator.load.readers.boilerplate import clean_pasted
from generator.model import ReadResult


def read_pasted(data: bytes, extra_patterns: Iterable[str] = ()) -> ReadResult:
    """Read a pasted page: strip boilerplate, take a first-line headline as the title."""
    return pasted_text(decode(data), extra_patterns)


def pasted_text(raw: str, extra_patterns: Iterable[str] = ()) -> ReadResult:
    """Clean already-decoded pasted text into a ReadResult."""
    cleaned = clean_pasted(raw, extra_patterns)
    meta = {"title": cleaned.headline} if cleaned.headline else {}
    return ReadResult(
        text="\n\n".join(text for _, text in cleaned.paragraphs),
        paragraph_lines=tuple(line for line, _ in cleaned.paragraphs),
        meta=meta,
        meta_lines={"title": cleaned.headline_line} if cleaned.headline else {},
        removed=tuple((cl.line, cl.category or "", cl.text) for cl in cleaned.removed),
    )
