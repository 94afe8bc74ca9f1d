"""Escaping of untrusted text for the places it lands: Markdown, raw HTML, YAML front matter, links.

Every filter returns Escaped; the template environment refuses to output anything else, so a
template that forgets to escape a value fails to render instead of injecting it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup


class Escaped(Markup):
    """Text already made safe for the context it is written into (a Markup, so Jinja keeps it as is)."""


# Characters that start Markdown or extension syntax anywhere in a line.
_MD_ANYWHERE = set("\\`*_{}[]<>&|~^=$!#:")
# Characters that start block syntax when they open a line (lists, quotes, headings, rules).
_MD_LINE_START = set("-+>#0123456789%")
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,100}$")


def one_line(text: str) -> str:
    """Fold all white space, newlines included, to single spaces."""
    return " ".join(str(text).split())


_MD_ENTITIES = str.maketrans({ch: f"&#{ord(ch)};" for ch in _MD_ANYWHERE})


def md(text: object) -> Escaped:
    """Escape text for inline Markdown: every character that could start markup becomes an entity."""
    s = one_line(str(text))
    if s and s[0] in _MD_LINE_START:
        return Escaped(f"&#{ord(s[0])};" + s[1:].translate(_MD_ENTITIES))
    return Escaped(s.translate(_MD_ENTITIES))


def html_text(text: object) -> Escaped:
    """Escape text for raw HTML (element content or a quoted attribute)."""
    s = html.escape(one_line(str(text)), quote=True)
    return Escaped(s.replace("{", "&#123;").replace("}", "&#125;"))


def title_meta(text: object) -> Escaped:
    """A page title for YAML front matter; themes print it into HTML raw, so it is HTML-escaped first."""
    return Escaped(json.dumps(str(html_text(text)), ensure_ascii=False))


def yaml_text(text: object) -> Escaped:
    """A YAML string for mkdocs.yml; the theme prints site_name raw, so it is HTML-escaped first."""
    return title_meta(text)


def is_linkable(url: str) -> bool:
    """Tell whether a URL may be linked: absolute http(s) with a host. The schema checks URLs with
    this when content is loaded, so that href() never refuses one when rendering."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def href(url: object) -> Escaped:
    """An http(s) URL for an href attribute; any other scheme is refused."""
    s = str(url).strip()
    if not is_linkable(s):
        raise ValueError(f"refusing to link to {s!r}: only http and https URLs are linked")
    safe = quote(s, safe=":/?#[]@!$&'()*+,;=%-._~")
    return Escaped(html.escape(safe, quote=True))


def ident(value: object) -> Escaped:
    """An id or slug made by the generator; checked, since it is written unescaped into links."""
    s = str(value)
    if not _SAFE_ID.match(s):
        raise ValueError(f"not a safe identifier: {s!r}")
    return Escaped(s)


def date(value: dt.date | None) -> Escaped:
    """A date as '13 May 2024', or 'undated'."""
    return Escaped(f"{value.day} {value:%B %Y}" if value else "undated")


def trusted(value: object) -> Escaped:
    """Mark generator-made text (never content) as safe."""
    return Escaped(str(value))


def quotation(text: object, partial: bool = False) -> Escaped:
    """A quote for Markdown, in curly quote marks; a partial quote gets ellipses around it."""
    body = f"“{md(text)}”"
    return Escaped(f"…{body}…" if partial else body)
