"""What's new as a page and an Atom feed: the build history (generator/curate/whats_new.py) shown."""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator import escape
from generator.curate.briefing import Briefing
from generator.curate.whats_new import History

PAGE_DATES = 30  # build dates shown on the What's new page
FEED_ENTRIES = 20
LIST_CAP = 50  # items of one kind listed per date; the rest are counted
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True, slots=True)
class Shown:
    """One recorded item as the page shows it: its text, and its page and anchor while they exist."""

    record: dict
    page: str | None  # article slug, when the article is still there
    anchor: str | None  # sentence id, when the sentence is still there


@dataclass(frozen=True, slots=True)
class Day:
    """The changes of one build date."""

    date: dt.date
    articles: tuple[Shown, ...]
    key_points: tuple[Shown, ...]
    quotes: tuple[Shown, ...]
    questions: tuple[dict, ...]
    more: dict  # kind -> how many were left off the page


def days(history: History, briefing: Briefing, limit: int = PAGE_DATES, cap: int = LIST_CAP) -> tuple[Day, ...]:
    """The newest build dates for the page, each item linked where its article still is."""
    sentences = {ab.article.slug: {s.id for s in ab.extraction.sentences} for ab in briefing.articles}

    def shown(raw: dict, slug_key: str, sentence_key: str | None) -> Shown:
        rec = _clean(raw)
        slug = rec.get(slug_key)
        page = slug if slug in sentences else None
        anchor = rec.get(sentence_key) if page and sentence_key and rec.get(sentence_key) in sentences[page] else None
        return Shown(rec, page, anchor)

    out = []
    for r in history.newest_first[:limit]:
        kinds = {
            "articles": [shown(x, "slug", None) for x in r.get("articles", [])],
            "key_points": [shown(x, "article", "sentence") for x in r.get("key_points", [])],
            "quotes": [shown(x, "article", "sentence") for x in r.get("quotes", [])],
        }
        questions = [_clean(q) for q in r.get("questions", [])]
        lists: dict[str, list[Shown] | list[dict]] = {**kinds, "questions": questions}
        more = {k: max(0, len(v) - cap) for k, v in lists.items()}
        out.append(
            Day(
                dt.date.fromisoformat(r["date"]),
                tuple(kinds["articles"][:cap]),
                tuple(kinds["key_points"][:cap]),
                tuple(kinds["quotes"][:cap]),
                tuple(questions[:cap]),
                more,
            )
        )
    return tuple(out)


_FIELDS = ("id", "slug", "title", "outlet", "article", "sentence", "text", "speaker", "kind", "question", "from", "to")


def _clean(raw: object) -> dict:
    """A recorded item with every field the page reads, as text or None (history/ is a plain file)."""
    raw = raw if isinstance(raw, dict) else {}
    return {k: None if raw.get(k) is None else str(raw[k]) for k in _FIELDS}


def summary(r: dict) -> str:
    """A one-line count of a record, for titles."""
    parts = []
    for key, one, many in (
        ("articles", "new article", "new articles"),
        ("key_points", "new key point", "new key points"),
        ("quotes", "new quote", "new quotes"),
        ("questions", "question change", "question changes"),
    ):
        n = len(r.get(key, []))
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) or "no changes"


def feed_xml(history: History, briefing: Briefing) -> str:
    """The Atom feed (RFC 4287) of the newest build dates; entry ids are stable per date."""
    config = briefing.content.config
    base = config.site_url.rstrip("/") + "/" if config.site_url else ""
    ET.register_namespace("", ATOM)

    def el(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    feed = ET.Element(f"{{{ATOM}}}feed")
    el(feed, "id", history.feed_id)
    el(feed, "title", f"{config.title}: what's new")
    if config.description:
        el(feed, "subtitle", config.description)
    newest = history.records[-1]["date"] if history.records else "1970-01-01"
    el(feed, "updated", f"{newest}T00:00:00Z")
    el(el(feed, "author"), "name", config.title)
    el(feed, "link", rel="alternate", type="text/html", href=f"{base}whats-new/")
    # Without site_url the reference is relative: it resolves against the feed's own address.
    el(feed, "link", rel="self", type="application/atom+xml", href=f"{base}feed.xml")
    el(feed, "generator", "briefing")
    for day in days(history, briefing, limit=FEED_ENTRIES, cap=LIST_CAP):
        r = next(r for r in history.records if r["date"] == day.date.isoformat())
        entry = el(feed, "entry")
        el(entry, "id", uuid.uuid5(uuid.UUID(history.feed_id.removeprefix("urn:uuid:")), day.date.isoformat()).urn)
        el(entry, "title", f"{escape.date(day.date)}: {summary(r)}")
        el(entry, "updated", f"{day.date.isoformat()}T00:00:00Z")
        el(entry, "link", rel="alternate", type="text/html", href=f"{base}whats-new/#{day.date.isoformat()}")
        el(entry, "summary", summary(r))
        el(entry, "content", _entry_html(day, base), type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry_html(day: Day, base: str) -> str:
    """The HTML of one feed entry; every value escaped."""
    h = escape.html_text

    def link(s: Shown, label: str) -> str:
        if s.page is None:
            return h(label)
        anchor = f"#{s.anchor}" if s.anchor else ""
        return f'<a href="{h(base)}articles/{s.page}/{anchor}">{h(label)}</a>'

    def section(heading: str, items: list[str]) -> str:
        return f"<h3>{heading}</h3><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""

    return "".join((
        section("New articles", [link(s, s.record["title"] or s.record["slug"] or "") for s in day.articles]),
        section("New key points", [link(s, s.record["text"] or "") for s in day.key_points]),
        section("New quotes", [
            f"{link(s, '“' + (s.record['text'] or '') + '”')} — {h(s.record['speaker'] or 'unattributed')}" for s in day.quotes
        ]),
        section("Questions", [
            f"{h(q['question'] or q['id'] or '')}: {h(q['from'] or 'new')} → {h(q['to'] or 'removed')}" for q in day.questions
        ]),
    ))
