"""What's new: each build records what it published, and what changed becomes a page and a feed.

history/ (beside content/, never inside it) holds two generated files:

- published.json: the ids of every article, key point and quote the last build published, and the
  status of every question, with the feed's own id;
- changes.jsonl: one record per build date that published something new: new articles, new key
  points and quotes, and changes in question status. Builds on the same date add to its record.

Both are written only when something changed, and only after the site was built, so a failed
build records nothing. The date is today's, or SOURCE_DATE_EPOCH's when set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from generator import escape
from generator.curate import Briefing, question_status
from generator.curation import key_point_id, quote_id
from generator.errors import BriefingError, Problem

HISTORY_DIR = Path("history")
SNAPSHOT_FILE = HISTORY_DIR / "published.json"
CHANGES_FILE = HISTORY_DIR / "changes.jsonl"
PAGE_DATES = 30  # build dates shown on the What's new page
FEED_ENTRIES = 20
LIST_CAP = 50  # items of one kind listed per date; the rest are counted
ATOM = "http://www.w3.org/2005/Atom"


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True, slots=True)
class History:
    """The build history with this build's changes folded in, and the files that record it."""

    records: tuple[dict, ...]  # oldest first
    feed_id: str
    snapshot_text: str
    changes_text: str

    def write(self, root: Path) -> list[str]:
        """Record this build; return the files written."""
        from generator.render import write_if_changed

        written = []
        for rel, text in ((SNAPSHOT_FILE, self.snapshot_text), (CHANGES_FILE, self.changes_text)):
            if write_if_changed(root / rel, text):
                written.append(rel.as_posix())
        return written

    @property
    def newest_first(self) -> tuple[dict, ...]:
        return tuple(reversed(self.records))


def snapshot(briefing: Briefing) -> dict:
    """The ids of what this briefing publishes, and each question's status."""
    items = [(ab.article.slug, ab.extraction) for ab in briefing.articles]
    return {
        "articles": sorted(slug for slug, _ in items),
        "key_points": sorted(f"{slug}#{key_point_id(k)}" for slug, ex in items for k in ex.key_points),
        "quotes": sorted(f"{slug}#{quote_id(q)}" for slug, ex in items for q in ex.quotes),
        "questions": {q.id: question_status(q) for q in briefing.questions},
    }


def changes(old: dict, new: dict, briefing: Briefing) -> dict:
    """What the new snapshot publishes that the old one did not, with the texts to show."""
    seen_articles, seen_kp, seen_q = set(old.get("articles", ())), set(old.get("key_points", ())), set(old.get("quotes", ()))
    out: dict = {"articles": [], "key_points": [], "quotes": [], "questions": []}
    for ab in briefing.articles:
        a = ab.article
        if a.slug not in seen_articles:
            published = a.published.isoformat() if a.published else None
            out["articles"].append({"slug": a.slug, "title": a.title, "outlet": a.publisher, "published": published})
        for k in ab.extraction.key_points:
            if f"{a.slug}#{key_point_id(k)}" not in seen_kp:
                out["key_points"].append({"article": a.slug, "sentence": k.sentence_id, "text": k.text})
        for q in ab.extraction.quotes:
            if f"{a.slug}#{quote_id(q)}" not in seen_q:
                out["quotes"].append(
                    {"article": a.slug, "sentence": q.sentence_id, "speaker": q.speaker, "text": q.text, "kind": q.kind}
                )
    before = old.get("questions", {})
    for q in briefing.questions:
        status = new["questions"][q.id]
        if before.get(q.id) != status:
            out["questions"].append({"id": q.id, "question": q.question, "from": before.get(q.id), "to": status})
    return out


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _read_records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            record = json.loads(line)
            dt.date.fromisoformat(record["date"])
        except (ValueError, KeyError, TypeError):
            raise BriefingError(
                Problem(str(path), n, "not a build record (a JSON object with a date); delete history/ to start afresh")
            ) from None
        records.append(record)
    return records


def update(root: Path, briefing: Briefing, today: dt.date) -> History:
    """Fold this build's changes into the history (nothing is written here)."""
    snap_path = root / SNAPSHOT_FILE
    old: dict = {}
    if snap_path.exists():
        try:
            old = json.loads(snap_path.read_text(encoding="utf-8"))
            assert isinstance(old, dict)
            uuid.UUID(str(old.get("feed_id", uuid.NAMESPACE_URL)).removeprefix("urn:uuid:"))
        except (ValueError, AssertionError):
            raise BriefingError(Problem(str(snap_path), None, "not a snapshot (JSON); delete history/ to start afresh")) from None
    records = _read_records(root / CHANGES_FILE)
    feed_id = old.get("feed_id") or uuid.uuid5(uuid.NAMESPACE_URL, "briefing:" + briefing.content.config.title).urn
    new = snapshot(briefing)
    found = changes(old, new, briefing)
    if any(found.values()):
        if records and records[-1]["date"] == today.isoformat():
            last = records[-1]
            for key, items in found.items():
                last[key] = list(last.get(key, [])) + items
        else:
            records.append({"date": today.isoformat(), **found})
    snapshot_text = json.dumps({"feed_id": feed_id, **new}, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    changes_text = "".join(_dump(r) + "\n" for r in records)
    return History(tuple(records), feed_id, snapshot_text, changes_text)


# ---------------------------------------------------------------------------------------------
# The page's view of the records: links only to what still exists


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
        more = {k: max(0, len(v) - cap) for k, v in {**kinds, "questions": questions}.items()}
        out.append(
            Day(dt.date.fromisoformat(r["date"]), *(tuple(v[:cap]) for v in kinds.values()), tuple(questions[:cap]), more)
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
