"""Near-duplicate articles: wire copies and rewrites group together, other stories do not."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from generator.curate.briefing import curate
from generator.curate.duplicates import REWRITE, WIRE, candidate_pairs, group_duplicates, relation
from generator.extract.fingerprint import fingerprint
from generator.extract.sentences import sentences
from generator.load.content import load
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
    # The copy shares its original's story; its sentences add sources to the points, never an outlet.
    story = briefing.story_of("pipeline-repairs-begin")
    assert story is briefing.story_of("engineers-race-to-restore-water") and story.outlets == 1
    cited = [p for p in story.points if any(s.copy for s in p.sources)]
    assert cited and all(p.outlets == 1 for p in cited)
    assert {s.article.slug for p in cited for s in p.sources if s.copy} == {"engineers-race-to-restore-water"}


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


# The same development told independently by another outlet, in its own words.
OWN_ACCOUNT = (
    "Water pipeline repairs start in Harbour Town\n\n"
    "Repair crews from the regional water board started fixing the main water pipeline into Harbour Town "
    "on Tuesday, two weeks after shelling cut water to some 40,000 residents.\n\n"
    "The pipeline could carry water again by Friday if the truce holds and spare parts arrive from the "
    "capital, officials said.\n\n"
    "Queues at the town's few wells stretch for hours, residents said.\n\n"
    "A mother of four said she had walked two kilometres each morning to fill two jerrycans.\n\n"
    "The town's bakery closed last week for lack of water, its owner told Bay Post.\n\n"
    "Doctors at the clinic said cases of diarrhoea among children had doubled since the shelling.\n"
)


def test_independent_outlets_corroborate_a_point_of_their_story_only(make_project, monkeypatch):
    shared = "\n\nEngineers began repairing the main water pipeline into Harbour Town on Tuesday, officials said.\n"
    root = make_project(
        {
            "content/articles/pipeline-repairs-begin.md": (
                "---\ntitle: Repairs begin\noutlet: Coastal Wire\npublished: 2025-05-06\n---\n" + WIRE_STORY
            ),
            "content/articles/pipeline-repairs-start.md": (
                "---\ntitle: Water pipeline repairs start\noutlet: Bay Post\npublished: 2025-05-06\n---\n" + OWN_ACCOUNT
            ),
            "content/articles/schools-to-reopen.md": (
                "---\ntitle: Schools to reopen\noutlet: Harbour Gazette\npublished: 2025-05-07\n---\n" + OTHER_STORY + shared
            ),
        }
    )
    monkeypatch.chdir(root)
    content = load(root)
    briefing = curate(content, extract_all(content))
    story = briefing.story_of("pipeline-repairs-begin")
    assert story is briefing.story_of("pipeline-repairs-start") and story.outlets == 2
    assert briefing.story_of("schools-to-reopen") is not story  # another development, though it shares a sentence
    top = story.points[0]
    assert top.outlets == 2 and {s.article.outlet for s in top.sources} == {"Coastal Wire", "Bay Post"}
    cited = {s.article.slug for p in story.points for s in p.sources}
    assert "schools-to-reopen" not in cited  # a point never cites an article of another story
