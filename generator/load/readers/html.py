"""Reader for .html: a saved web page, read offline with trafilatura."""

from __future__ import annotations

import datetime as dt

from generator.load.readers.base import ReaderError, decode
from generator.load.readers.boilerplate import clean_lines
from generator.model import ReadResult


def read_html(data: bytes, extra_patterns=()) -> ReadResult:
    """Extract the main text and metadata (title, date, author, site name) of a saved page."""
    return html_text(decode(data), extra_patterns)


def html_text(html: str, extra_patterns=()) -> ReadResult:
    """Extract from already-decoded HTML."""
    import trafilatura  # heavy: imported only when an HTML article is read

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,  # its cache is process-wide: a second read of a page would come back empty
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        raise ReaderError(None, f"cannot extract the article from this HTML page ({exc})") from None
    assert not isinstance(doc, dict)  # a dict only with as_dict=True
    if doc is None or not doc.text or not doc.text.strip():
        raise ReaderError(None, "no article text found in this HTML page; a saved news article expected")
    lines = clean_lines(doc.text, extra_patterns)
    paragraphs = [cl.text for cl in lines if cl.category is None]
    meta: dict = {}
    if doc.title:
        meta["title"] = " ".join(doc.title.split())
    if doc.sitename:
        meta["outlet"] = " ".join(doc.sitename.split())
    if doc.author:
        meta["authors"] = [a.strip() for a in doc.author.split(";") if a.strip()]
    if doc.date:
        try:
            meta["published"] = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            pass
    if doc.url and doc.url.startswith(("http://", "https://")):
        meta["url"] = doc.url
    if paragraphs and meta.get("title") and paragraphs[0] == meta["title"]:
        paragraphs = paragraphs[1:]
    return ReadResult(
        text="\n\n".join(paragraphs),
        paragraph_lines=tuple(0 for _ in paragraphs),  # positions in the page are not kept
        meta=meta,
        meta_lines={},
        removed=tuple((cl.line, cl.category or "", cl.text) for cl in lines if cl.category),
    )
