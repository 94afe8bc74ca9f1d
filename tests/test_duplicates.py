"""Near-duplicate articles: wire copies and rewrites group together, other stories do not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from generator.curate import curate
from generator.duplicates import REWRITE, WIRE, candidate_pairs, fingerprint, group_duplicates, relation
from generator.extract.sentences import sentences
from generator.load import load
from generator.model import Article
from generator.pipeline import extract_all
from tests.helpers import FIXTURES

STORIES = FIXTURES / "duplicates"
WIRE_STORY = (STORIES / "wire-story.txt").read_text(encoding="utf-8")
# The wire story under another outlet's headline, its last two paragraphs trimmed.
WIRE_COPY = (STORIES / "wire-copy.txt").read_text(encoding="utf-8")
# A different story on the same topic: same town, same war, other events.
OTHER_STORY = (STORIES / "other-story.txt").read_text(encoding="utf-8")


def _print(slug: str, text: str):
    return fingerprint(sentences(slug, text))


def test_wire_copies_with_different_headlines_form_one_group(make_project, monkeypatch):
    root = make_project(
        {
            "content/articles/pipeline-repairs-begin.md": (
                "---\ntitle: Repairs begin on Harbour Town water pipeline\noutlet: Coastal Wire\n"
                "published: 2025-05-06\n---\n" + WIRE_STORY
            ),
            "content/articles/engineers-race-to-restore-water.md": (
                "---\ntitle: Engineers race to restore water to besieged town\noutlet: Bay Post\n"
                "published: 2025-05-07\n---\n" + WIRE_COPY
            ),
            "content/articles/schools-to-reopen.md": (
                "---\ntitle: Harbour Town schools to reopen\noutlet: Bay Post\npublished: 2025-05-07\n---\n"
                + OTHER_STORY
            ),
        }
    )
    monkeypatch.chdir(root)
    content = load(root)
    briefing = curate(content, extract_all(content))
    by_slug = {ab.article.slug: ab for ab in briefing.articles}
    original, copy = by_slug["pipeline-repairs-begin"], by_slug["engineers-race-to-restore-water"]
    assert [(a.slug, rel) for a, rel in original.copies] == [("engineers-race-to-restore-water", WIRE)]
    assert copy.copy_of[0].slug == "pipeline-repairs-begin" and copy.copy_of[1] == WIRE
    assert not by_slug["schools-to-reopen"].copies and by_slug["schools-to-reopen"].copy_of is None
    # The copy's key points add sources to the original's clusters but never another outlet.
    for cluster in briefing.clusters:
        slugs = {s.article.slug for s in cluster.sources}
        if "engineers-race-to-restore-water" in slugs:
            assert "pipeline-repairs-begin" in slugs
            assert cluster.independent == 1
            assert cluster.copies == {"engineers-race-to-restore-water"}


def test_two_stories_on_one_topic_are_not_duplicates():
    assert relation(_print("a", WIRE_STORY), _print("b", OTHER_STORY)) is None


def test_the_seed_rewrite_is_found_without_its_declaration(seed_project, monkeypatch):
    monkeypatch.chdir(seed_project)
    content = load(seed_project)
    extractions = extract_all(content)
    prints = {a.slug: fingerprint(extractions[a.slug].sentences) for a in content.articles}
    original, rewrite = "us-assesses-israel-amassed-troops-rafah", "rafah-incursion-concerns-rewrite"
    assert relation(prints[original], prints[rewrite]) == REWRITE
    assert (min(original, rewrite), max(original, rewrite)) in candidate_pairs(prints)
    undeclared = [replace(a, rewrite_of=None) for a in content.articles]
    groups = group_duplicates(undeclared, prints)
    assert len(groups) == 1
    assert groups[0].canonical == original  # the earlier, longer article
    assert [(d.slug, d.relation) for d in groups[0].duplicates] == [(rewrite, REWRITE)]


def test_a_declared_rewrite_joins_its_original_even_when_texts_differ():
    story, other = _print("a", WIRE_STORY), _print("b", OTHER_STORY)
    a = _article("a", dt.date(2025, 5, 6))
    b = _article("b", dt.date(2025, 5, 7), rewrite_of="a")
    groups = group_duplicates([a, b], {"a": story, "b": other})
    assert [(g.canonical, [(d.slug, d.relation) for d in g.duplicates]) for g in groups] == [("a", [("b", REWRITE)])]


def test_grouping_is_deterministic_and_order_free():
    prints = {"x": _print("x", WIRE_STORY), "y": _print("y", WIRE_COPY), "z": _print("z", OTHER_STORY)}
    arts = [_article(s, dt.date(2025, 5, 6)) for s in "xyz"]
    first = group_duplicates(arts, prints)
    assert first == group_duplicates(list(reversed(arts)), prints)
    assert first[0].canonical == "x"  # same date: the longer article is canonical


def _article(slug: str, published: dt.date, rewrite_of: str | None = None) -> Article:
    return Article(slug, Path(f"{slug}.md"), "md", slug, "", (), published=published, rewrite_of=rewrite_of)


def test_independent_outlets_corroborate_a_point(make_project, monkeypatch):
    lead = "Engineers began repairing the main water pipeline into Harbour Town on Tuesday, officials said.\n\n"
    root = make_project(
        {
            "content/articles/pipeline-repairs-begin.md": (
                "---\ntitle: Repairs begin\noutlet: Coastal Wire\npublished: 2025-05-06\n---\n" + WIRE_STORY
            ),
            "content/articles/schools-to-reopen.md": (
                "---\ntitle: Schools to reopen\noutlet: Harbour Gazette\npublished: 2025-05-07\n---\n" + lead + OTHER_STORY
            ),
        }
    )
    monkeypatch.chdir(root)
    content = load(root)
    top = curate(content, extract_all(content)).clusters[0]
    assert top.independent == 2 and not top.copies
    assert {s.article.outlet for s in top.sources} == {"Coastal Wire", "Harbour Gazette"}
    assert "pipeline" in top.best.item.text
