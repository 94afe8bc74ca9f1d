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
from dataclasses import dataclass
from pathlib import Path

from generator.curate.briefing import Briefing, question_status
from generator.curate.curation import key_point_id, quote_id
from generator.errors import BriefingError, Problem
from generator.files import write_if_changed
from generator.project import Project


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

    def write(self, project: Project) -> list[str]:
        """Record this build; return the files written."""
        written = []
        for path, text in ((project.snapshot_file, self.snapshot_text), (project.changes_file, self.changes_text)):
            if write_if_changed(path, text):
                written.append(path.relative_to(project.root).as_posix())
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
    for qb in briefing.questions:
        status = new["questions"][qb.id]
        if before.get(qb.id) != status:
            out["questions"].append({"id": qb.id, "question": qb.question, "from": before.get(qb.id), "to": status})
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


def update(project: Project, briefing: Briefing, today: dt.date) -> History:
    """Fold this build's changes into the history (nothing is written here)."""
    snap_path = project.snapshot_file
    old: dict = {}
    if snap_path.exists():
        try:
            old = json.loads(snap_path.read_text(encoding="utf-8"))
            assert isinstance(old, dict)
            uuid.UUID(str(old.get("feed_id", uuid.NAMESPACE_URL)).removeprefix("urn:uuid:"))
        except (ValueError, AssertionError):
            raise BriefingError(Problem(str(snap_path), None, "not a snapshot (JSON); delete history/ to start afresh")) from None
    records = _read_records(project.changes_file)
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
