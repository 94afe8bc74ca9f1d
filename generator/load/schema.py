"""Declared schemas for the YAML files in content/, validated with every problem collected.

Each field is a typed option that validates itself (after MkDocs' config_options): a wrong type,
a missing field or a bad value is an error at the value's line; an unknown key is a warning with
a "did you mean" suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.dates import date_problem
from generator.errors import Diagnostics
from generator.escape import is_linkable
from generator.yamlio import YamlDoc


class Invalid(Exception):
    """A value that does not fit its field; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a mapping: how to check it and what to use when it is absent."""

    check: Callable[[object], object]
    required: bool = False
    default: object = None


def text(max_len: int = 2000, allow_empty: bool = False) -> Callable[[object], str]:
    """Accept a single-line string (numbers are taken as their text)."""

    def check(value: object) -> str:
        if isinstance(value, bool) or value is None or not isinstance(value, str | int | float):
            raise Invalid(f"expected text, got {_kind(value)}")
        value = " ".join(str(value).split())
        if not value and not allow_empty:
            raise Invalid("expected non-empty text")
        if len(value) > max_len:
            raise Invalid(f"expected at most {max_len} characters, got {len(value)}")
        return value

    return check


def text_list(max_items: int = 200, max_len: int = 300) -> Callable[[object], tuple[str, ...]]:
    """Accept a list of strings (a single string is taken as a one-item list)."""
    item = text(max_len)

    def check(value: object) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise Invalid(f"expected a list of text, got {_kind(value)}")
        if len(value) > max_items:
            raise Invalid(f"expected at most {max_items} items, got {len(value)}")
        out = []
        for i, v in enumerate(value):
            try:
                out.append(item(v))
            except Invalid as exc:
                raise Invalid(f"item {i + 1}: {exc}") from None
        return tuple(out)

    return check


def date(value: object) -> dt.date:
    """Accept a YYYY-MM-DD date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise Invalid(date_problem(value))
    raise Invalid(f"expected a date as YYYY-MM-DD, got {value!r}")


_URL_BREAKERS = re.compile(r"[\s<>\"'`\\]")  # white space and quotes have no place in a pasted URL


def url(value: object) -> str:
    """Accept an absolute http(s) URL; every other scheme (javascript:, data:, …) is refused."""
    if not isinstance(value, str) or not is_linkable(value.strip()) or _URL_BREAKERS.search(value.strip()):
        raise Invalid(f"expected an http:// or https:// URL, got {value!r}")
    return value.strip()


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def slug(value: object) -> str:
    """Accept an article slug: lowercase letters, digits and hyphens."""
    if not isinstance(value, str) or not _SLUG.match(value):
        raise Invalid(f"expected a slug (lowercase letters, digits, hyphens), got {value!r}")
    return value


def integer(low: int, high: int) -> Callable[[object], int]:
    """Accept a whole number between low and high."""

    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"expected a whole number from {low} to {high}, got {value!r}")
        return value

    return check


def choice(*options: str) -> Callable[[object], str]:
    """Accept one of a fixed set of words."""

    def check(value: object) -> str:
        if value not in options:
            raise Invalid(f"expected one of {', '.join(options)}, got {value!r}")
        return value

    return check


def boolean(value: object) -> bool:
    """Accept true or false."""
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {value!r}")
    return value


def pattern(regex: str, what: str) -> Callable[[object], str]:
    """Accept a string matching regex (anchored); `what` says what was expected."""
    compiled = re.compile(regex)

    def check(value: object) -> str:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise Invalid(f"expected {what}, got {value!r}")
        return value

    return check


def optional_text(max_len: int) -> Callable[[object], str | None]:
    """Accept text, or nothing (an explicit null)."""
    check_text = text(max_len)
    return lambda value: None if value is None else check_text(value)


def regex_list(value: object) -> tuple[str, ...]:
    """Accept a list of regular expressions that compile."""
    patterns = text_list(max_items=500, max_len=500)(value)
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise Invalid(f"pattern {p!r} is not a valid regular expression: {exc}") from None
    return patterns


def _kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def validate(
    doc: YamlDoc,
    schema: dict[str, Field],
    path: Path,
    diag: Diagnostics,
    prefix: tuple = (),
    what: str = "file",
) -> dict[str, Any]:
    """Check the mapping at prefix against schema; return the clean values, defaults filled in.

    Each value has the type its Field converts to (the schema is the type's one statement)."""
    value: Any = doc.value  # nested mappings and lists, walked by the keys and indexes in prefix
    for key in prefix:
        value = value[key]
    if value is None:
        value = {}
    if not isinstance(value, dict):
        diag.error(path, doc.line(prefix), f"expected a mapping of keys for this {what}, got {_kind(value)}")
        return {k: f.default for k, f in schema.items()}
    out: dict[str, object] = {}
    for key, field in schema.items():
        if key not in value or value[key] is None:
            if field.required:
                diag.error(path, doc.line(prefix), f"missing required key {key!r}")
            out[key] = field.default
            continue
        try:
            out[key] = field.check(value[key])
        except Invalid as exc:
            diag.error(path, doc.line(prefix + (key,)), f"{key}: {exc}")
            out[key] = field.default
    for key in value:
        if key not in schema:
            hint = difflib.get_close_matches(str(key), list(schema), n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(schema)}"
            diag.warn(path, doc.line(prefix + (key,)), f"unknown key {key!r}{suggestion}")
    return out


# The keys of an article's metadata, in a sidecar <slug>.yml or a .md file's front matter.
ARTICLE_META = {
    "title": Field(text(300)),
    "outlet": Field(text(120)),
    "url": Field(url),
    "published": Field(date),
    "authors": Field(text_list(50, 120), default=()),
    "tags": Field(text_list(50, 60), default=()),
    "rewrite_of": Field(slug),
    "notes": Field(text(4000)),
}

SETTINGS = {
    "key_points": Field(integer(3, 5), default=4),
    "home_key_points": Field(integer(1, 50), default=8),
    "latest_articles": Field(integer(1, 100), default=10),
    "boilerplate": Field(regex_list, default=()),
}

_SENTENCE_REF = re.compile(r"^(?P<article>[a-z0-9][a-z0-9-]{0,79})#(?P<sentence>s-[0-9a-f]{10})$")


def sentence_ref(value: object) -> tuple[str, str]:
    """Accept a reference to a sentence: 'article-slug#s-0123456789' (the sentence's anchor)."""
    m = _SENTENCE_REF.match(value) if isinstance(value, str) else None
    if not m:
        raise Invalid(f"expected 'article-slug#s-…' (an article's slug and a sentence anchor), got {value!r}")
    return m.group("article"), m.group("sentence")


def sentence_refs(value: object) -> tuple[tuple[str, str], ...]:
    """Accept a list of sentence references."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise Invalid(f"expected a list of 'article-slug#s-…' references, got {_kind(value)}")
    return tuple(sentence_ref(v) for v in value)


TOPIC = {
    "name": Field(text(120), required=True),
    "keywords": Field(text_list(100, 80), default=()),
    "description": Field(text(1000), default=""),
}
QUESTION = {
    "id": Field(slug, required=True),
    "question": Field(text(500), required=True),
    "topic": Field(text(120)),
    "status": Field(choice("open", "answered", "moot"), default="open"),
    "raised": Field(date),
    "raised_in": Field(slug),
    "evidence": Field(sentence_refs, default=()),
    "answer": Field(text(4000)),
    "answer_source": Field(sentence_ref),
    "notes": Field(text(4000)),
    "possible_answer": Field(text(4000)),
    "possible_answer_source": Field(sentence_ref),
    "possible_answer_dismissed": Field(boolean, default=False),
}

BRIEFING = {
    "title": Field(text(200), required=True),
    "description": Field(text(1000), default=""),
    "topic": Field(text(300), default=""),
    "language": Field(choice("en", "de", "fr", "es", "it", "nl", "pt", "ar", "he"), default="en"),
    "site_url": Field(url),
    "publish": Field(choice("all", "approved"), default="all"),
    "search": Field(choice("auto", "material", "pagefind"), default="auto"),
    "settings": Field(lambda v: v, default=None),  # validated as its own mapping
    "topics": Field(lambda v: v, default=()),  # validated item by item as TOPIC
}

PERSON = {
    "name": Field(text(120), required=True),
    "aliases": Field(text_list(50, 120), default=()),
    "role": Field(text(300)),
    "roles": Field(lambda v: v, default=()),  # validated item by item as ROLE_SPAN
    "notes": Field(text(2000)),
}

# One role of a person over a period: roles change (a deputy becomes secretary).
ROLE_SPAN = {
    "role": Field(text(300), required=True),
    "since": Field(date),
    "until": Field(date),
}

# content/curation/<slug>.yml: one list per kind of item, each item as below.
CURATION = {
    "key_points": Field(lambda v: v, default=()),
    "quotes": Field(lambda v: v, default=()),
    "questions": Field(lambda v: v, default=()),
    "notes": Field(text(4000)),
}
ITEM_ID = r"(kp|q|oq)-[0-9a-z][0-9a-z-]{0,79}"
SENTENCE_ID = r"s-[0-9a-f]{10}"
CURATED_ITEM = {
    "id": Field(pattern(ITEM_ID, "an item id such as kp-…, q-… or oq-…"), required=True),
    "status": Field(choice("suggested", "approved", "rejected"), default="suggested"),
    "sentence": Field(pattern(SENTENCE_ID, "a sentence id such as s-0123456789"), required=True),
    "text": Field(text(4000), required=True),
    "speaker": Field(optional_text(120)),
    "kind": Field(choice("direct", "partial")),
    "pinned": Field(boolean, default=False),
    "featured": Field(boolean, default=False),
    "stale": Field(boolean, default=False),
    "fuzzy": Field(boolean, default=None),
    "original": Field(text(4000)),
    "original_speaker": Field(optional_text(120)),
    "notes": Field(text(4000)),
}

# content/stories.yml: the stories, each with its id, headline and articles.
STORY_ID = r"st-[a-z0-9][a-z0-9-]{0,97}"  # at most 101 characters: a safe page id (escape.ident)
STORY = {
    "id": Field(pattern(STORY_ID, "a story id such as st-rafah-evacuation-order"), required=True),
    "headline": Field(text(300)),
    "articles": Field(text_list(500, 80), default=()),
    "merge_into": Field(pattern(STORY_ID, "the id of another story, st-…")),
    "notes": Field(text(4000)),
}
