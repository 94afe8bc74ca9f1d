"""Stories: grouping articles by development, key points that cite every source, stories.yml."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest
import yaml

from generator.curate import stories as stories_module
from generator.curate.briefing import curate, story_inputs
from generator.curate.stories import StoryInput, compatible, event_day, fact_terms, numbers
from generator.load.content import load
from generator.pipeline import extract_all, run
from tests.helpers import FIXTURES, run_cli

STORIES = FIXTURES / "stories"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The stories fixture corpus (15 invented articles, 6 outlets), curated, with its answers."""
    root = tmp_path_factory.mktemp("stories")
    shutil.copytree(STORIES / "content", root / "content")
    content = load(root)
    expected = yaml.safe_load((STORIES / "expected.yml").read_text(encoding="utf-8"))
    return curate(content, extract_all(content)), expected


def story_named(briefing, expected, name):
    slugs = next(s["articles"] for s in expected["stories"] if s["name"] == name)
    return {briefing.story_of(slug).id for slug in slugs}, briefing.story_of(slugs[0])


def test_three_outlets_and_a_wire_copy_of_one_event_are_one_story(corpus):
    briefing, expected = corpus
    ids, story = story_named(briefing, expected, "rafah-evacuation-order")
    assert len(ids) == 1 and len(story.articles) == 4
    assert story.outlets == 3  # the wire copy is one source with its original
    assert any(p.outlets == 3 for p in story.points)  # a point "reported by 3 outlets"
    copies = {s.article.slug for p in story.points for s in p.sources if s.copy}
    assert copies <= {"israel-orders-rafah-families-cedar"}


def test_developments_on_one_topic_stay_apart(corpus):
    briefing, expected = corpus
    evacuation, _ = story_named(briefing, expected, "rafah-evacuation-order")
    crossing, _ = story_named(briefing, expected, "rafah-crossing-seized")  # the next day, same place
    levi, _ = story_named(briefing, expected, "levi-hostage-video")  # the same day, another matter
    assert evacuation.isdisjoint(crossing) and evacuation.isdisjoint(levi)
    cairo, _ = story_named(briefing, expected, "cairo-talks-round")
    vote, _ = story_named(briefing, expected, "war-cabinet-framework-vote")  # ten days later, same names
    assert cairo.isdisjoint(vote)


def test_points_cite_only_their_story_and_never_page_furniture(corpus):
    briefing, expected = corpus
    furniture: dict[str, list[dict]] = {}
    for f in expected["furniture"]:
        furniture.setdefault(f["article"], []).append(f)
    for story in briefing.stories:
        slugs = {ab.article.slug for ab in story.articles}
        assert len(story.points) <= 6 and (len(story.points) >= 3 or len(story.articles) == 1)
        for p in story.points:
            assert p.sources and p.sources[0] is p.shown
            assert {s.article.slug for s in p.sources} <= slugs
            for s in p.sources:
                for f in furniture.get(s.article.slug, ()):
                    if f["kind"] == "dateline":
                        assert not s.source.text.startswith(f["text"])  # the prefix is cut
                    else:
                        assert f["text"] not in s.source.text and s.source.text not in f["text"], f


def test_the_seeds_form_one_story(seed_project):
    content = load(seed_project)
    briefing = curate(content, extract_all(content))
    assert len(briefing.stories) == 1
    assert {ab.article.slug for ab in briefing.stories[0].articles} == {a.slug for a in content.articles}


def test_grouping_does_not_depend_on_the_order_articles_are_read(corpus):
    briefing, _ = corpus
    inputs = story_inputs(list(briefing.articles))
    forward = stories_module.group(inputs)
    backward = stories_module.group(list(reversed(inputs)))
    assert sorted(map(sorted, forward)) == sorted(map(sorted, backward))


def test_a_story_keeps_its_id_when_a_later_article_joins(tmp_path):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    late = tmp_path / "content/articles/rafah-evacuation-order-gow.txt"
    moved = tmp_path / "late.txt", tmp_path / "late.yml"
    late.rename(moved[0])
    late.with_suffix(".yml").rename(moved[1])
    content = load(tmp_path)
    before = curate(content, extract_all(content)).story_of("eastern-rafah-evacuation-levant").id
    moved[0].rename(late)
    moved[1].rename(late.with_suffix(".yml"))
    content = load(tmp_path)
    after = curate(content, extract_all(content))
    assert after.story_of("rafah-evacuation-order-gow").id == after.story_of("eastern-rafah-evacuation-levant").id == before


def test_stories_yml_decisions_survive_regeneration(tmp_path, monkeypatch):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert run_cli("curate").exit_code == 0
    path = tmp_path / "content/stories.yml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    evacuation = next(s for s in data["stories"] if "eastern-rafah-evacuation-levant" in s["articles"])
    crossing = next(s for s in data["stories"] if "rafah-crossing-seized-courier" in s["articles"])
    # the editor renames one story and moves the crossing article into it
    text = text.replace(f'headline: "{evacuation["headline"]}"', 'headline: "Rafah: evacuation, then the crossing"')
    text = text.replace("      - rafah-crossing-seized-courier\n", "", 1)
    first = "      - eastern-rafah-evacuation-levant\n"
    text = text.replace(first, first + "      - rafah-crossing-seized-courier\n", 1)
    path.write_text(text, encoding="utf-8")
    content = load(tmp_path)
    briefing = curate(content, extract_all(content))
    story = briefing.story_of("rafah-crossing-seized-courier")
    assert story.id == evacuation["id"] and story.headline == "Rafah: evacuation, then the crossing"
    assert crossing["id"] not in {st.id for st in briefing.stories}  # it had no other article
    # curate again: nothing an editor wrote changes
    assert run_cli("curate").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith(text.rstrip("\n").rsplit("\n", 1)[0])


def test_merge_into_joins_two_stories(tmp_path, monkeypatch):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    run_cli("curate")
    path = tmp_path / "content/stories.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cairo = next(s for s in data["stories"] if "cairo-talks-round-courier" in s["articles"])
    vote = next(s for s in data["stories"] if "war-cabinet-backs-framework-levant" in s["articles"])
    entry = f"  - id: {vote['id']}\n"
    text = path.read_text(encoding="utf-8").replace(entry, entry + f"    merge_into: {cairo['id']}\n")
    path.write_text(text, encoding="utf-8")
    content = load(tmp_path)
    briefing = curate(content, extract_all(content))
    assert briefing.story_of("war-cabinet-backs-framework-levant").id == cairo["id"]


def test_check_reports_missing_articles_and_stories_with_their_lines(tmp_path, monkeypatch):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    (tmp_path / "content/stories.yml").write_text(
        "stories:\n"
        "  - id: st-one\n"
        "    articles:\n"
        "      - no-such-article\n"
        "      - dardari-profile-meridian\n"
        "  - id: st-two\n"
        "    merge_into: st-nowhere\n"
        "    articles:\n"
        "      - dardari-profile-meridian\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert result.exit_code == 1
    assert "content/stories.yml:4: warning: no article with the slug 'no-such-article'" in result.stderr
    assert "content/stories.yml:9: article 'dardari-profile-meridian' is already in the story on line 5" in result.stderr
    assert "content/stories.yml:7: warning: merge_into: no story 'st-nowhere'" in result.stderr


def test_a_story_id_too_long_for_a_page_is_a_located_error(tmp_path, monkeypatch):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    long_id = "st-" + "a" * 100
    (tmp_path / "content/stories.yml").write_text(
        f"stories:\n  - id: {long_id}\n    articles:\n      - dardari-profile-meridian\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "content/stories.yml:2:" in result.stderr


def test_stories_jsonl_interface(tmp_path):
    records = []
    for path in sorted((STORIES / "content/articles").glob("*.txt")):
        meta = yaml.safe_load(path.with_suffix(".yml").read_text(encoding="utf-8"))
        records.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "title": meta["title"],
                        "outlet": meta["outlet"], "published": str(meta["published"])})
    stdin = "".join(json.dumps(r) + "\n" for r in records) + "not json\n"
    result = run_cli("stories", "--jsonl", stdin=stdin)
    assert result.exit_code == 1 and "<stdin>:16: invalid JSON" in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(a for s in out for a in s["articles"]) == sorted(r["id"] for r in records)
    texts = {r["id"]: r["text"] for r in records}
    for story in out:
        assert set(story) >= {"id", "title", "articles", "key_points"}
        for kp in story["key_points"]:
            assert kp["sources"]
            first = kp["sources"][0]
            assert texts[first["article"]][first["start"] : first["end"]] == kp["text"]
            assert all(s["article"] in story["articles"] for s in kp["sources"])


def test_event_days_from_the_lead():
    base = StoryInput("a", "", "", (), None, None)
    import datetime as dt

    from generator.extract.sentences import sentences

    def day(text, published):
        return event_day(replace(base, text=text, sentences=sentences("a", text), published=published))

    monday = dt.date(2024, 5, 6)
    assert day("Israel ordered families out on Sunday.", monday).date == dt.date(2024, 5, 5)
    assert day("Israel ordered families out.", monday) == stories_module.EventDay(monday, False, None)
    sunday_only = day("Officials met on Sunday.", None)
    assert sunday_only.date is None and sunday_only.weekday == 6
    assert compatible(day("It happened on Sunday.", monday), sunday_only)
    assert not compatible(day("It happened on Saturday.", monday), sunday_only)


def test_named_days_a_day_apart_need_more_evidence_and_two_days_apart_never_join():
    import datetime as dt

    monday, tuesday, wednesday = (dt.date(2024, 5, d) for d in (6, 7, 8))
    named = [stories_module.EventDay(d, True, None) for d in (monday, tuesday, wednesday)]
    assert compatible(named[0], named[1]) and not compatible(named[0], named[2])
    assert stories_module._day_penalty(named[0], named[1]) > 0 == stories_module._day_penalty(named[0], named[0])
    published = stories_module.EventDay(tuesday, False, None)
    assert stories_module._day_penalty(named[0], published) == 0  # a publication date names no day


def test_a_story_of_one_article_leads_with_that_articles_key_points(corpus):
    briefing, _ = corpus
    single = [st for st in briefing.stories if len(st.articles) == 1]
    assert single
    for st in single:
        own = [k.sentence_id for k in st.articles[0].extraction.key_points]
        shown = [p.sentence_id for p in st.points]
        kept = [sid for sid in own if sid in shown]  # the article's key points the story may show
        assert shown[: len(kept)] == kept, st.id


def test_the_end_of_a_quote_opened_a_sentence_before_is_someones_words():
    text = "“We came to talk. And together we will achieve this peace,” he said. The envoys met for two hours."
    second = text.index("And together")
    third = text.index("The envoys")
    assert stories_module.quoted_share(text, second, third - 1) > 0.5
    assert stories_module.quoted_share(text, third, len(text)) == 0


def test_numbers_are_read_however_written():
    assert numbers("about 100,000 people") == numbers("roughly 100 thousand people") == {100000}
    assert numbers("four hostages, in 2024") == {4}
    assert "#4" in fact_terms("Four soldiers were killed.")


def test_the_site_has_story_pages_and_a_front_page(tmp_path, monkeypatch):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    run(tmp_path, build=False)
    docs = tmp_path / "build/docs"
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "## Stories" in home and "(stories/st-" in home and "3 outlets" in home
    for section in ("stories/index.md", "people/index.md", "topics/index.md", "timeline.md", "outlets/index.md", "whats-new.md"):
        assert f"]({section})" in home  # every section one click away
    page = next((docs / "stories").glob("st-eastern-rafah-evacuation-levant*.md")).read_text(encoding="utf-8")
    for heading in ("## Key points", "## Sources", "## Quotes", "## Open questions", "## Timeline"):
        assert heading in page
    assert "wire copy of" in page and "#s-" in page
    article = (docs / "articles/rafah-evacuation-order-gow.md").read_text(encoding="utf-8")
    assert "**Story:** [" in article


def test_curate_appends_articles_where_an_editor_left_the_file():
    from generator.curate.stories import Story
    from generator.curate.story_curation import merge

    def story(sid, *slugs):
        return Story(sid, "Headline", slugs, (), None, None, 1)

    edited = (
        "stories:\n"
        "  - id: st-a\n"
        "    headline: A\n"
        "    articles:\n"
        "      - a1\n"
        "    notes: checked by hand\n"
        "  - id: st-b\n"
        "    headline: B\n"
        "    articles:\n"
        "editor: someone\n"
    )
    after = merge(edited, (story("st-a", "a1", "a2"), story("st-b", "2024-05-13"), story("st-c", "0123")))
    assert after.startswith(edited.split("    notes:")[0])  # nothing above the first insertion changed
    doc = yaml.safe_load(after)
    by_id = {s["id"]: s for s in doc["stories"]}
    assert by_id["st-a"]["articles"] == ["a1", "a2"] and by_id["st-a"]["notes"] == "checked by hand"
    assert by_id["st-b"]["articles"] == ["2024-05-13"]  # a date-like slug stays text
    assert by_id["st-c"]["articles"] == ["0123"]
    assert doc["editor"] == "someone"
    assert merge(after, (story("st-a", "a1", "a2"), story("st-b", "2024-05-13"), story("st-c", "0123"))) == after


def test_a_flow_list_of_stories_is_a_located_error():
    from generator.curate.stories import Story
    from generator.curate.story_curation import merge
    from generator.errors import BriefingError

    with pytest.raises(BriefingError) as err:
        merge("stories: [{id: st-a, articles: [a1]}]\n", (Story("st-b", "B", ("b1",), (), None, None, 1),), "stories.yml")
    assert "stories.yml:1" in str(err.value)
