"""Curation files: `briefing curate` merges, editors decide, the build publishes what they decided."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.curate.curation import STALE_LINE, merge, suggestions
from generator.errors import BriefingError
from generator.extract import extract
from generator.pipeline import curate_project, run
from generator.project import Project
from generator.yamlio import parse_yaml
from tests.helpers import run_briefing, run_cli, tree_digest, write_files

STORY = (
    "---\ntitle: Harbour reopens\noutlet: Bay Post\npublished: 2025-03-06\n---\n\n"
    "Port officials said the harbour would reopen on Monday after three weeks of closure.\n\n"
    "“We will rebuild the pier within a month,” said Maria Okafor, the mayor of Harbour Town.\n\n"
    "Engineers warned that the breakwater could collapse in a winter storm.\n\n"
    "“Nothing is agreed until everything is agreed,” Tomas Lindqvist told reporters on Tuesday.\n\n"
    "It is not yet clear whether the council will pay for the reconstruction of the port.\n"
)
PEOPLE = "people:\n  - name: Maria Okafor\n    role: Mayor of Harbour Town\n  - name: Tomas Lindqvist\n"
CURATION = "content/curation/harbour-reopens.yml"


@pytest.fixture
def project(make_project, monkeypatch):
    root = make_project({"content/articles/harbour-reopens.md": STORY, "content/people.yml": PEOPLE})
    monkeypatch.chdir(root)
    return root


def curated(root) -> str:
    return (root / CURATION).read_text(encoding="utf-8")


def edit(root, old: str, new: str) -> None:
    text = curated(root)
    assert old in text, old
    (root / CURATION).write_text(text.replace(old, new, 1), encoding="utf-8")


def item_block(text: str, needle: str) -> str:
    """The lines of the item holding needle, from its '- id:' line."""
    start = text.rindex("  - id:", 0, text.index(needle))
    end = text.find("  - id:", start + 1)
    return text[start:end if end >= 0 else len(text)]


def page(root, rel="articles/harbour-reopens.md") -> str:
    return (Project(root).docs / rel).read_text(encoding="utf-8")


def test_curate_lists_every_suggestion_and_a_second_run_changes_nothing(project):
    report = curate_project(project)
    assert report.created == (str(project / CURATION), str(Project(project).stories_file))
    doc = yaml.safe_load(curated(project))
    for section in ("key_points", "quotes", "questions"):
        assert doc[section], section
        for item in doc[section]:
            assert item["status"] == "suggested"
            assert re.fullmatch(r"s-[0-9a-f]{10}", item["sentence"])
            assert item["id"] and item["text"]
    speakers = {q["speaker"] for q in doc["quotes"]}
    assert speakers == {"Maria Okafor", "Tomas Lindqvist"}
    before = tree_digest(project / "content")
    again = run_cli("curate", "-C", str(project))
    assert again.exit_code == 0 and "0 created, 0 merged, 1 unchanged" in again.stdout
    assert tree_digest(project / "content") == before


def test_human_lines_survive_new_suggestions_and_stale_marks(project):
    curate_project(project)
    edit(project, "    status: suggested\n", "    status: approved   # checked with the desk\n")
    edit(project, "key_points:\n", "key_points:\n\n  # the lead, keep it first\n")
    edit(project, 'text: "Port officials said', 'pinned: true\n    text: "Port officials say')
    quote = item_block(curated(project), "Nothing is agreed")
    edit(project, quote, quote.replace('speaker: "Tomas Lindqvist"', "speaker: Lindqvist, the mediator"))
    human = curated(project)
    # The article changes: one sentence goes, one comes.
    story = (project / "content/articles/harbour-reopens.md").read_text(encoding="utf-8")
    story = story.replace("Engineers warned that the breakwater could collapse in a winter storm.",
                          "“The breakwater will not survive the winter,” engineer Lena Park said on Wednesday.")
    (project / "content/articles/harbour-reopens.md").write_text(story, encoding="utf-8")
    report = curate_project(project)
    merged = curated(project)
    assert (report.stats.stale, report.stats.added, report.stats.originals) == (1, 1, 2)
    assert_subsequence(human.splitlines(), merged.splitlines())
    assert STALE_LINE in item_block(merged, "Engineers warned")
    assert 'original: "Port officials said' in item_block(merged, "Port officials say")
    assert 'original_speaker: "Tomas Lindqvist"' in item_block(merged, "Nothing is agreed")
    new_quote = item_block(merged, "will not survive the winter")
    assert merged.index(new_quote) < merged.index("questions:")  # appended at the end of its own list
    assert 'speaker: "Lena Park"' in new_quote and "status: suggested" in new_quote
    # Running again changes nothing; the sentence coming back removes the machine's stale mark.
    assert curate_project(project).updated == ()
    (project / "content/articles/harbour-reopens.md").write_text(STORY, encoding="utf-8")
    revived = curate_project(project)
    assert (revived.stats.revived, revived.stats.stale) == (1, 1)
    assert STALE_LINE not in item_block(curated(project), "Engineers warned")
    assert STALE_LINE in item_block(curated(project), "will not survive the winter")
    assert_subsequence(human.splitlines(), curated(project).splitlines())


def assert_subsequence(old: list[str], new: list[str]) -> None:
    it = iter(new)
    for line in old:
        assert any(line == n for n in it), f"line lost or moved: {line!r}"


def test_publishing_policy_all_marks_unreviewed_and_never_shows_rejected(project):
    curate_project(project)
    doc = yaml.safe_load(curated(project))
    lead, second = doc["key_points"][0], doc["key_points"][1]
    edit(project, f"id: {lead['id']}\n    status: suggested", f"id: {lead['id']}\n    status: approved")
    edit(project, f"id: {second['id']}\n    status: suggested", f"id: {second['id']}\n    status: rejected")
    run(project, build=False)
    text = page(project)
    points = text.split("## Key points")[1].split("## Quotes")[0]
    assert lead["text"] in points and second["text"] not in points
    approved_line = next(ln for ln in points.splitlines() if lead["text"] in ln)
    assert "unreviewed" not in approved_line
    others = [ln for ln in points.splitlines() if re.match(r"\d\. ", ln) and lead["text"] not in ln]
    assert others and all("briefing-unreviewed" in ln for ln in others)


def test_publishing_policy_approved_shows_approved_items_only(project):
    (project / "content/briefing.yml").write_text("title: Test briefing\npublish: approved\n", encoding="utf-8")
    curate_project(project)
    doc = yaml.safe_load(curated(project))
    quote = doc["quotes"][0]
    edit(project, f"id: {quote['id']}\n    status: suggested", f"id: {quote['id']}\n    status: approved\n    featured: true")
    run(project, build=False)
    text = page(project)
    assert text.count("> “") == 1 and quote["text"] in text
    assert "No key points found." in text and "unreviewed" not in text
    home = page(project, "index.md")
    assert quote["text"] in home.split("## Featured quotes")[1]


def test_edited_text_and_speaker_are_published_and_pinned_items_lead(project):
    curate_project(project)
    doc = yaml.safe_load(curated(project))
    last = doc["key_points"][-1]
    edit(project, f"id: {last['id']}\n    status: suggested", f"id: {last['id']}\n    status: approved\n    pinned: true")
    edit(project, f'text: {yaml_str(last["text"])}', 'text: "Who pays to rebuild the port is still open."')
    quote = item_block(curated(project), '"We will rebuild the pier within a month,"')  # the quote, not a key point
    edit(project, quote, quote.replace('speaker: "Maria Okafor"', 'speaker: "Tomas Lindqvist"')
         .replace('"We will rebuild the pier within a month,"', '"rebuild the pier within a month"'))
    run(project, build=False)
    text = page(project)
    assert text.split("## Key points")[1].lstrip().startswith("1. Who pays to rebuild the port is still open.")
    assert "“rebuild the pier within a month”" in text
    block = text.split("“rebuild the pier within a month”")[1].split("\n\n")[0]
    assert "Tomas Lindqvist" in block and "Mayor" not in block  # the machine's role was Okafor's


def yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_check_reports_a_quote_edited_away_from_the_source(project):
    curate_project(project)
    quote = item_block(curated(project), "Nothing is agreed")
    edit(project, quote, quote.replace("Nothing is agreed", "Nothing was agreed").replace('"Tomas Lindqvist"', '"Tom Lindqvist"'))
    line = curated(project).splitlines().index(next(ln for ln in curated(project).splitlines() if "Nothing was agreed" in ln)) + 1
    before = tree_digest(project / "content")
    proc = run_briefing("check", cwd=project)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{CURATION}:{line}: q-" in proc.stderr and "not found verbatim" in proc.stderr
    assert "warning: speaker 'Tom Lindqvist' is not in content/people.yml" in proc.stderr
    assert tree_digest(project / "content") == before


def test_references_to_nothing_are_warnings(project):
    curate_project(project)
    doc = yaml.safe_load(curated(project))
    kp = doc["key_points"][0]
    edit(project, f"sentence: {kp['sentence']}", "sentence: s-0000000000")
    write_files(project, {"content/curation/gone-article.yml": "key_points: []\n"})
    result = run_cli("check", "-C", str(project))
    assert result.exit_code == 0
    assert "sentence s-0000000000 is not in the article" in result.stderr
    assert "gone-article.yml: warning: no article 'gone-article'" in result.stderr
    assert run_cli("check", "--strict", "-C", str(project)).exit_code == 1


def test_bad_curation_files_are_located_errors(project):
    write_files(project, {CURATION: "quotes:\n  - id: q-1\n    status: maybe\n    sentence: s-12\n    text: x\n  - id: kp-2\n"})
    result = run_cli("check", "-C", str(project))
    assert result.exit_code == 1
    for expected in (f"{CURATION}:3: status: expected one of suggested, approved, rejected",
                     f"{CURATION}:4: sentence: expected a sentence id",
                     f"{CURATION}:6: missing required key 'sentence'"):
        assert expected in result.stderr


def test_a_flow_list_that_must_grow_is_an_error_and_nothing_is_written(project):
    curate_project(project)
    text = curated(project)
    start = text.index("quotes:\n")
    end = text.index("questions:")
    (project / CURATION).write_text(text[:start] + "quotes: [] # none for now\n\n" + text[end:], encoding="utf-8")
    before = tree_digest(project / "content")
    result = run_cli("curate", "-C", str(project))
    assert result.exit_code == 1 and "quotes: written as a [flow] list" in result.stderr
    assert tree_digest(project / "content") == before


def test_crlf_and_byte_order_mark_are_kept(project):
    curate_project(project)
    text = curated(project)
    cut = text.index("quotes:")
    data = ("\ufeff" + text[:cut] + "quotes:\n").replace("\n", "\r\n").encode("utf-8")
    (project / CURATION).write_bytes(data)
    curate_project(project)
    after = (project / CURATION).read_bytes()
    assert after.startswith(data) and b"\n" not in after.replace(b"\r\n", b"")


def test_build_generate_and_check_never_write_content(project):
    curate_project(project)
    before = tree_digest(project / "content")
    for command in ("check", "generate"):
        assert run_cli(command, "-C", str(project)).exit_code == 0
    assert tree_digest(project / "content") == before


def test_merge_appends_into_a_null_list_and_keeps_comments():
    ex = extract("a", "“We stay,” said Ann Lee, the mayor.\n\nThe port opened on Monday after a long closure.")
    items = suggestions(ex)
    text = "# mine\nkey_points:   # none yet\n  # keep me\nquotes:\nquestions: []\n"
    merged, stats = merge(text, items, {s.id for s in ex.sentences})
    assert stats.added == len(items)
    assert_subsequence(["# mine", "key_points:   # none yet", "  # keep me", "quotes:"], merged.splitlines())
    doc = yaml.safe_load(merged)
    assert [i["id"] for s in ("key_points", "quotes") for i in doc[s]] == [s.id for s in items]
    assert merge(merged, items, {s.id for s in ex.sentences})[0] == merged


def test_an_editors_own_stale_key_is_left_alone():
    ex = extract("a", "The port opened on Monday after a long closure.")
    (kp,) = [s for s in suggestions(ex) if s.section == "key_points"]
    text = f"key_points:\n  - id: {kp.id}\n    status: approved\n    sentence: s-0123456789\n    stale: false\n    text: x\n"
    merged, stats = merge(text, [kp], {s.id for s in ex.sentences})
    assert stats.stale == 0 and STALE_LINE not in merged
    parse_yaml(merged)  # no duplicate key


def test_values_that_look_like_other_types_stay_text():
    ex = extract("a", "“No,” said Ann Lee. “Yes.”\n\nOfficials said the port would reopen.")
    text, _ = merge("", suggestions(ex), {s.id for s in ex.sentences})
    for item in yaml.safe_load(text)["quotes"]:
        assert isinstance(item["text"], str)


def test_merge_error_names_the_file(tmp_path):
    ex = extract("a", "“We stay,” said Ann Lee, the mayor.")
    with pytest.raises(BriefingError) as err:
        merge("key_points: []\nquotes: [{id: q-1}]\n", suggestions(ex), set(), tmp_path / "x.yml")
    assert "x.yml:2: quotes: written as a [flow] list" in str(err.value)


def test_seeds_curate_end_to_end(seed_project, monkeypatch):
    """The README walkthrough: curate, approve, edit, feature, publish approved only, build strictly."""
    monkeypatch.chdir(seed_project)
    assert run_cli("curate").exit_code == 0
    path = seed_project / "content/curation/us-assesses-israel-amassed-troops-rafah.yml"
    text = path.read_text(encoding="utf-8")
    block = item_block(text, "It has not yet occurred.")
    approved = block.replace("status: suggested", "status: approved\n    featured: true  # the news line")
    text = text.replace(block, approved)
    kp = item_block(text, "The Biden administration has assessed")
    text = text.replace(kp, kp.replace("status: suggested", "status: approved"))
    path.write_text(text, encoding="utf-8")
    briefing_yml = seed_project / "content/briefing.yml"
    briefing_yml.write_text(briefing_yml.read_text(encoding="utf-8") + "publish: approved\n", encoding="utf-8")
    result = run_cli("build")
    assert result.exit_code == 0, result.stderr
    home = (seed_project / "site/index.html").read_text(encoding="utf-8")
    assert "It has not yet occurred." in home and "The Biden administration has assessed" in home
    assert "Kurt Campbell" not in home and "unreviewed" not in home
    assert (seed_project / "site/feed.xml").is_file() and (seed_project / "site/whats-new/index.html").is_file()
    assert run_cli("curate").stdout.endswith("0 edit(s) given their original\n")


TYPO_STORY = STORY.replace("whether the council will pay", "whether the councill will pay").replace(
    "told reporters on Tuesday", "told reporters on Tusday"
).replace("after three weeks of closure", "after three weeks of closrue")


def test_a_typo_fix_carries_the_editors_work_as_fuzzy(make_project, monkeypatch):
    root = make_project({"content/articles/harbour-reopens.md": TYPO_STORY, "content/people.yml": PEOPLE,
                         "content/briefing.yml": "title: T\npublish: approved\n"})
    monkeypatch.chdir(root)
    curate_project(root)
    # The editor rewords and approves the question, approves the lead key point and a quote.
    question = item_block(curated(root), "Will the councill pay")
    edit(root, question, question.replace("status: suggested", "status: approved").replace(
        'text: "Will the councill pay for the reconstruction of the port?"', 'text: "Who pays to rebuild the port?"'))
    lead = item_block(curated(root), "Port officials said")
    edit(root, lead, lead.replace("status: suggested", "status: approved"))
    quote = item_block(curated(root), "Nothing is agreed")
    edit(root, quote, quote.replace("status: suggested", "status: approved"))
    assert curate_project(root).stats.originals == 1  # the machine's wording beside the editor's
    human = curated(root)
    # The typos are fixed: three sentences change a little, so their anchors change.
    (root / "content/articles/harbour-reopens.md").write_text(STORY, encoding="utf-8")
    report = curate_project(root)
    merged = curated(root)
    old_ids = {s.id for s in extract("harbour-reopens", TYPO_STORY.split("---\n", 2)[2]).sentences}
    changed = old_ids - {s.id for s in extract("harbour-reopens", STORY.split("---\n", 2)[2]).sentences}
    on_changed = sum(human.count(f"sentence: {sid}") for sid in changed)
    assert len(changed) == 3 and on_changed >= 3  # every item on them, suggested ones too
    assert (report.stats.fuzzy, report.stats.stale, report.stats.added) == (on_changed, 0, 0)
    assert_subsequence(human.splitlines(), merged.splitlines())  # appended to, never rewritten
    assert STALE_LINE not in merged
    ex = extract("harbour-reopens", STORY.split("---\n", 2)[2])
    for needle, fixed in (("Who pays to rebuild", "whether the council will pay"), ("Port officials said", "weeks of closure."),
                          ("Nothing is agreed", "reporters on Tuesday")):
        sentence = next(s for s in ex.sentences if fixed in s.text)
        assert f"fuzzy: true  # its sentence was edited a little and is now {sentence.id}" in item_block(merged, needle)
    assert merged.count("- id: oq-") == 1 and merged.count("- id: kp-") == human.count("- id: kp-")
    assert curate_project(root).updated == ()  # a second run changes nothing
    # Still published, in the editor's wording, linked to the edited sentences; no warning, no error.
    result = run_cli("build")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr
    text = page(root)
    assert "Who pays to rebuild the port?" in text and "Will the council pay" not in text
    assert "Nothing is agreed until everything is agreed" in text.split("## Quotes")[1].split("## Open questions")[0]
    assert "Port officials said the harbour would reopen" in text.split("## Key points")[1].split("## Quotes")[0]
    # The editor checks it and says so; a real removal still makes an item stale.
    edit(root, "fuzzy: true  # its sentence was edited a little", "fuzzy: false  # checked; was: fuzzy: true  #")
    assert curate_project(root).updated == ()
    (root / "content/articles/harbour-reopens.md").write_text(
        STORY.replace("It is not yet clear whether the council will pay for the reconstruction of the port.\n", ""),
        encoding="utf-8")
    assert curate_project(root).stats.stale >= 1
    assert STALE_LINE in item_block(curated(root), "Who pays to rebuild")


def test_an_item_marked_stale_before_follows_its_edited_sentence(project):
    curate_project(project)
    story = (project / "content/articles/harbour-reopens.md").read_text(encoding="utf-8")
    lead = item_block(curated(project), "Port officials said")
    sentence = re.search(r"sentence: (s-\w+)", lead).group(1)
    edit(project, lead, lead.replace(f"sentence: {sentence}\n", f"sentence: {sentence}\n    {STALE_LINE}\n"))
    (project / "content/articles/harbour-reopens.md").write_text(story.replace("three weeks", "three full weeks"),
                                                                 encoding="utf-8")
    report = curate_project(project)
    assert (report.stats.revived, report.stats.fuzzy) == (1, 1)
    assert STALE_LINE not in item_block(curated(project), "Port officials said")
