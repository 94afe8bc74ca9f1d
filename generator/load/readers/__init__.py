"""One reader per article format, chosen by file extension; each returns a ReadResult."""

from __future__ import annotations

from generator.load.readers.base import MAX_ARTICLE_BYTES, ReaderError, decode
from generator.load.readers.html import read_html
from generator.load.readers.markdown import read_markdown
from generator.load.readers.text import read_pasted

READERS = {
    ".txt": read_pasted,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}

__all__ = ["READERS", "MAX_ARTICLE_BYTES", "ReaderError", "decode"]
