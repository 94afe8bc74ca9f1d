"""Reader for .md: YAML front matter plus a Markdown body, reduced to plain paragraphs."""

from __future__ import annotations

import re

from generator.load.readers.base import ReaderError, decode
from generator.model import ReadResult
from generator.yamlio import YamlProblem, parse_yaml

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(---|\.\.\.)[ \t]*(\n|\Z)", re.DOTALL)
_DEST = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"  # a link destination, one level of (…) inside
_IMAGE = re.compile(r"!\[([^\]]*)\]" + _DEST)
_LINK = re.compile(r"\[([^\]]+)\]" + _DEST)
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
_BLOCK_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def read_markdown(data: bytes, extra_patterns=()) -> ReadResult:
    """Read a Markdown article: front matter as metadata, the body as plain text paragraphs."""
    text = decode(data)
    meta: dict = {}
    meta_lines: dict = {}
    body_offset = 0
    match = _FRONT.match(text)
    if match:
        try:
            doc = parse_yaml(match.group(1) or "", offset=1)  # line 1 is the opening ---
        except YamlProblem as exc:
            raise ReaderError(exc.line or 1, f"front matter: {exc.message}") from None
        if doc.value is not None and not isinstance(doc.value, dict):
            raise ReaderError(2, "front matter must be a mapping of keys, like a sidecar .yml")
        meta = doc.value or {}
        meta_lines = {k: doc.lines[(k,)] + 1 for k in meta}  # +1 for the opening ---
        body_offset = text[: match.end()].count("\n")
        text = text[match.end() :]
    paragraphs = list(_plain_paragraphs(text, body_offset))
    if "title" not in meta and paragraphs and paragraphs[0][2]:
        # A leading "# Heading" is the title when the front matter has none.
        line, heading, _ = paragraphs.pop(0)
        meta["title"], meta_lines["title"] = heading, line
    return ReadResult(
        text="\n\n".join(p for _, p, _ in paragraphs),
        paragraph_lines=tuple(line for line, _, _ in paragraphs),
        meta=meta,
        meta_lines=meta_lines,
    )


def _plain_paragraphs(body: str, offset: int):
    """Yield (line, text, is_h1) for each block of the Markdown body, markup removed."""
    block: list[str] = []
    start = 0
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=offset + 1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and (not line.strip() or _RULE.match(line) or _REF_DEF.match(line)):
            if block:
                yield _finish(block, start)
                block = []
            continue
        if not block:
            start = number
        elif not in_fence and _BLOCK_PREFIX.match(line) and not line.lstrip().startswith(">"):
            yield _finish(block, start)
            block, start = [], number
        block.append(line)
    if block:
        yield _finish(block, start)


def _finish(lines: list[str], start: int) -> tuple[int, str, bool]:
    is_h1 = bool(re.match(r"^\s{0,3}#\s", lines[0]))
    text = " ".join(_BLOCK_PREFIX.sub("", line).strip() for line in lines)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    text = re.sub(r"\s+#+\s*$", "", text)  # closing hashes of an ATX heading
    return start, " ".join(text.split()), is_h1
