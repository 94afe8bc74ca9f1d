"""What's new: the build history in history/, its page and its Atom feed."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator import pipeline
from generator.errors import BriefingError
from generator.pipeline import run
from generator.project import Project
from tests.helpers import run_cli, tree_digest

A = "{http://www.w3.org/2005/Atom}"
JUNE_1, JUNE_3 = "1717200000", "1717372800"
LATE_STORY = (
    "---\ntitle: Port reopens to ferries\noutlet: Bay Post\npublished: 2025-03-09\n---\n\n"
    "The port of Harbour Town reopened to ferries on Sunday for the first time since January.\n\n"
    "“The first ferry left on time,” said Maria Okafor, the town's mayor.\n"
)


def feed(root):
    return ET.fromstring((Project(root).docs / "feed.xml").read_text(encoding="utf-8"))


def records(root):
    return [json.loads(line) for line in (Project(root).changes_file).read_text(encoding="utf-8").splitlines()]


def test_first_build_records_everything_and_a_rebuild_records_nothing(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    (first,) = records(corpus_project)
    assert first["date"] == "2024-06-01"
    assert len(first["articles"]) == 5 and first["key_points"] and first["quotes"]
    assert {q["to"] for q in first["questions"]} >= {"open", "suggested"}
    history = tree_digest(corpus_project / "history")
    again = run(corpus_project, build=False)
    assert again.report.written == ()
    assert tree_digest(corpus_project / "history") == history


def test_a_later_build_adds_a_dated_entry_for_what_is_new(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    first_id = feed(corpus_project).find(f"{A}entry/{A}id").text
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_3)
    (corpus_project / "content/articles/port-reopens.md").write_text(LATE_STORY, encoding="utf-8")
    questions = corpus_project / "content/questions.yml"
    text = questions.read_text(encoding="utf-8")
    assert "status: open" in text
    questions.write_text(text.replace("status: open", "status: moot", 1), encoding="utf-8")
    result = run(corpus_project, build=False)
    assert "whats-new.md" in result.report.written and "feed.xml" in result.report.written
    latest = records(corpus_project)[-1]
    assert latest["date"] == "2024-06-03"
    assert [a["slug"] for a in latest["articles"]] == ["port-reopens"]
    assert {k["article"] for k in latest["key_points"]} == {"port-reopens"}
    assert [q["text"] for q in latest["quotes"]] == ["The first ferry left on time,"]
    assert [(q["from"], q["to"]) for q in latest["questions"]] == [("open", "moot")]
    page = (Project(corpus_project).docs / "whats-new.md").read_text(encoding="utf-8")
    assert page.index("## 3 June 2024") < page.index("## 1 June 2024")
    assert "[Port reopens to ferries](articles/port-reopens.md)" in page
    assert "open → moot" in page
    entries = feed(corpus_project).findall(f"{A}entry")
    assert [e.find(f"{A}updated").text for e in entries] == ["2024-06-03T00:00:00Z", "2024-06-01T00:00:00Z"]
    assert entries[1].find(f"{A}id").text == first_id  # entry ids are stable


def test_feed_is_valid_atom(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    root = feed(corpus_project)
    assert root.tag == f"{A}feed"
    for required in ("id", "title", "updated", "author/" + A + "name"):
        assert root.find(A + required) is not None, required
    rfc3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    assert rfc3339.match(root.find(f"{A}updated").text)
    (self_link,) = root.findall(f"{A}link[@rel='self']")  # no site_url: relative to the feed itself
    assert self_link.get("href") == "feed.xml" and self_link.get("type") == "application/atom+xml"
    ids = set()
    for entry in root.findall(f"{A}entry"):
        for required in ("id", "title", "updated", "content", "link"):
            assert entry.find(A + required) is not None, required
        assert entry.find(f"{A}id").text.startswith("urn:uuid:")
        assert rfc3339.match(entry.find(f"{A}updated").text)
        assert entry.find(f"{A}content").get("type") == "html"
        ids.add(entry.find(f"{A}id").text)
        html = entry.find(f"{A}content").text
        assert "<script" not in html and "onerror=" not in html.replace("onerror&#x3D;", "")  # hostile fixture title
        assert "&lt;script&gt;" in html
    assert len(ids) == len(root.findall(f"{A}entry"))


def test_a_failed_build_records_nothing(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)

    def failing(_root):
        raise BriefingError("mkdocs build --strict failed")

    monkeypatch.setattr(pipeline, "mkdocs_build", failing)
    with pytest.raises(BriefingError):
        run(corpus_project)
    assert not (corpus_project / "history").exists()


def test_a_damaged_history_is_a_located_error(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    with (Project(corpus_project).changes_file).open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    result = run_cli("generate", "-C", str(corpus_project))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "history/changes.jsonl:2: not a build record" in result.stderr
    (Project(corpus_project).changes_file).unlink()
    (Project(corpus_project).snapshot_file).write_text("[]", encoding="utf-8")
    result = run_cli("generate", "-C", str(corpus_project))
    assert result.exit_code == 1 and "not a snapshot" in result.stderr
