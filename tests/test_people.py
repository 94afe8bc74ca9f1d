"""people.yml: canonical names, aliases, roles over time, suggestions and person pages."""

import datetime as dt
import shutil
from dataclasses import replace

import pytest
import yaml

from generator.curate.briefing import check_verbatim, curate
from generator.errors import BriefingError
from generator.extract import extract
from generator.load.content import load
from generator.model import Person, RoleSpan
from generator.pipeline import extract_all, run
from tests.helpers import ROOT
from tests.quote_quality import same_speaker

ARTICLE = (
    "Port talks resume\n\n"
    "“We will reopen the port this week,” said Mayor Ana Berg. “The ships are waiting.”\n\n"
    "Harbour master Tom Reyes said the cranes were ready. “Give us two days,” Reyes said.\n"
)


def test_role_on_a_date():
    p = Person("Ana Berg", roles=(RoleSpan("deputy mayor", None, dt.date(2024, 1, 1)), RoleSpan("mayor", dt.date(2024, 1, 1))))
    assert p.role_on(dt.date(2023, 6, 1)) == "deputy mayor"
    assert p.role_on(dt.date(2024, 6, 1)) == "mayor"
    assert p.role_on(None) == "mayor"


def test_people_yml_renames_and_dates_roles(make_project, monkeypatch):
    root = make_project(
        {
            "content/articles/port.txt": ARTICLE,
            "content/articles/port.yml": "published: 2025-03-02\n",
            "content/people.yml": (
                "people:\n"
                "  - name: Anna Berg-Lund\n"
                "    aliases: [Ana Berg]\n"
                "    roles:\n"
                "      - {role: Deputy mayor, until: 2025-01-01}\n"
                "      - {role: Mayor of Port Town, since: 2025-01-01}\n"
            ),
        }
    )
    monkeypatch.chdir(root)
    content = load(root)
    b = curate(content, extract_all(content))
    quotes = b.articles[0].extraction.quotes
    assert [(q.speaker, q.role) for q in quotes[:2]] == [("Anna Berg-Lund", "Mayor of Port Town")] * 2
    assert [s.name for s in b.speakers] == ["Anna Berg-Lund", "Tom Reyes"]
    assert [(s.name, s.aliases) for s in b.suggestions] == [("Tom Reyes", ("Reyes",))]


def test_bad_role_spans_are_errors(make_project, monkeypatch):
    root = make_project(
        {
            "content/articles/port.txt": ARTICLE,
            "content/people.yml": (
                "people:\n  - name: X Y\n    roles:\n"
                "      - {role: a, since: 2025-02-01, until: 2025-01-01}\n      - {since: 2025-01-01}\n"
            ),
        }
    )
    monkeypatch.chdir(root)
    with pytest.raises(BriefingError) as err:
        load(root)
    assert [str(p) for p in err.value.problems] == [
        "content/people.yml:4: until must come after since",
        "content/people.yml:5: missing required key 'role'",
    ]


def test_build_writes_suggestions_and_person_pages_not_content(make_project, monkeypatch):
    from tests.helpers import tree_digest

    root = make_project({"content/articles/port.txt": ARTICLE})
    monkeypatch.chdir(root)
    before = tree_digest(root / "content")
    run(root, build=False)
    assert tree_digest(root / "content") == before
    suggested = (root / "build/people.suggested.yml").read_text()
    assert '- name: "Ana Berg"  # 2 quote(s)' in suggested and '- name: "Tom Reyes"  # 1 quote(s)' in suggested
    person = (root / "build/docs/people/ana-berg.md").read_text()
    assert "# Ana Berg" in person and "We will reopen the port this week" in person
    assert "](../articles/port.md#s-" in person
    article = (root / "build/docs/articles/port.md").read_text()
    assert "[**Ana Berg**](../people/ana-berg.md)" in article


def test_unnamed_sources_get_no_page(make_project, monkeypatch):
    root = make_project({"content/articles/a.txt": "Talks\n\n“It will not last,” a senior official said.\n"})
    monkeypatch.chdir(root)
    result = run(root, build=False)
    assert result.briefing.speakers == ()
    assert [s.item.speaker for s in result.briefing.sources] == ["a senior official"]
    assert "## Unnamed sources" in (root / "build/docs/people/index.md").read_text()


def test_a_quote_not_in_its_source_is_an_error(make_project, monkeypatch):
    root = make_project({"content/articles/port.txt": ARTICLE})
    monkeypatch.chdir(root)
    content = load(root)
    b = curate(content, extract_all(content))
    ab = b.articles[0]
    assert check_verbatim(b.articles) == []
    first = ab.extraction.quotes[0]
    edited = replace(first, text="We will never reopen the port")  # as a careless edit would
    bad = replace(ab, extraction=replace(ab.extraction, quotes=(edited,)))
    (problem,) = check_verbatim((bad,))
    assert str(problem).endswith("port.txt:3: quote not found verbatim in the article: “We will never reopen the port”")
    # quote marks and white space are not differences
    folded = replace(first, text="We  will reopen the port this week,")
    ok = replace(ab, extraction=replace(ab.extraction, quotes=(folded,)))
    assert check_verbatim((ok,)) == []


def test_very_long_names_still_get_a_page(make_project, monkeypatch):
    long_name = "Maximilian " * 9 + "Berg"  # 103 characters: its slug is longer than an id may be
    root = make_project(
        {
            "content/articles/port.txt": ARTICLE,
            "content/people.yml": f"people:\n  - name: {long_name}\n    aliases: [Ana Berg]\n",
        }
    )
    monkeypatch.chdir(root)
    run(root, build=False)
    (page,) = [p for p in (root / "build/docs/people").iterdir() if p.name.startswith("maximilian")]
    assert len(page.stem) <= 80


STORIES = ROOT / "tests" / "fixtures" / "stories"


@pytest.fixture(scope="module")
def stories_briefing(tmp_path_factory):
    """The stories fixture corpus (15 invented articles, name variants across them), curated."""
    root = tmp_path_factory.mktemp("stories")
    shutil.copytree(STORIES / "content", root / "content")
    content = load(root)
    expected = yaml.safe_load((STORIES / "expected.yml").read_text(encoding="utf-8"))
    return curate(content, extract_all(content)), expected


def test_one_page_per_person_across_name_variants(stories_briefing):
    briefing, expected = stories_briefing
    names = [p.name for p in briefing.speakers]
    with_page = 0
    for person in expected["people"]:
        pages = [n for n in names if same_speaker(person["name"], n)]
        assert len(pages) <= 1, f"{person['name']} has several pages: {pages}"
        with_page += bool(pages)
    assert with_page >= 12  # of the 14 quoted people
    # "Tony Blinken", "Abdullah Al Dardari", "Guterres", "Rear Admiral Daniel Hagari" are no pages of their own
    assert len(names) == len(set(names)) == with_page


def test_no_page_for_words_bodies_or_people_never_quoted(stories_briefing):
    briefing, expected = stories_briefing
    names = {p.name for p in briefing.speakers}
    assert not names & set(expected["never_people"])  # "DM Gallant", "Defiant Netanyahu", "Hebrew", "Minister"
    for word in expected["not_quoted"] + expected["places_as_speakers"]:
        assert not any(same_speaker(word, n) for n in names), word
    for body in expected["organisations"] + expected["groups"]:
        assert not any(same_speaker(body, n) for n in names), body
    assert {p.kind for p in briefing.bodies} <= {"organisation", "group"}
    assert any(same_speaker("Hamas", p.name) for p in briefing.bodies)


def test_people_index_lists_bodies_in_their_own_section(tmp_path):
    shutil.copytree(STORIES / "content", tmp_path / "content")
    run(tmp_path, build=False)
    page = (tmp_path / "build" / "docs" / "people" / "index.md").read_text(encoding="utf-8")
    people, bodies = page.split("## Organisations and groups")
    assert "Yoav Gallant" in people and "Hamas" not in people
    assert "Hamas" in bodies.split("## Unnamed sources")[0]


def test_roles_are_noun_phrases_or_absent():
    text = (
        "Aid trucks were hit near the crossing on Tuesday.\n\n"
        "“We could not reach them,” one man said.\n\n"
        "“Nobody came for six hours,” said Nebal Farsakh, of the Palestinian Red Crescent Society in Gaza.\n\n"
        "“The road is closed,” said Mohammed Haddad, a spokesman for the civil defence agency.\n"
    )
    roles = {q.speaker: q.role for q in extract("roles", text).quotes}
    assert roles["one man"] is None  # a description is the speaker's name, not a role
    assert roles["Nebal Farsakh"] is None  # "of the … Society" is a fragment, not a role
    assert roles["Mohammed Haddad"] == "spokesman for the civil defence agency"


def test_name_keys_join_spellings_but_keep_different_people_apart():
    from generator.extract.mentions import name_key

    assert name_key("Abdullah Al Dardari") == name_key("Abdallah al-Dardari")  # transliterations
    assert name_key("Mohammed Deif") == name_key("Muhammad Deif")
    for a, b in (("Paul Smith", "Paula Smith"), ("Maria Lopez", "Mario Lopez"), ("Martin Griffiths", "Martina Griffiths")):
        assert name_key(a) != name_key(b)
    assert name_key("Abu Obeida") != name_key("Obeida")  # a particle opening a name is part of it
    assert len(name_key("Ben Smith")) == 2
