"""Messages an editor can act on: YAML indentation, dates, unknown speakers, suggested aliases."""

import pytest

from generator.curate.briefing import SpeakerBriefing, suggest_people
from generator.dates import date_problem
from generator.model import Person
from generator.pipeline import curate_project
from tests.helpers import run_cli


@pytest.mark.parametrize(
    ("text", "line", "message", "shown"),
    [
        ("people:\n  - name: Ana Berg\n     role: Mayor\n", 3,
         "line 3 is indented more than the item above it (5 spaces where line 2 has 4 spaces)",
         ["    2 |   - name: Ana Berg", "    3 |      role: Mayor"]),
        ("people:\n  - name: Ana Berg\n    aliases: [Berg]\n   role: Mayor\n", 4,
         "line 4 is indented less than the item above it (3 spaces where line 3 has 4 spaces)",
         ["    3 |     aliases: [Berg]", "    4 |    role: Mayor"]),
        ("people:\n  - name: Ana Berg\n    role: Mayor\n - name: Tom Reyes\n", 4,
         "line 4 is indented less than the item above it (1 space where the “-” on line 2 has 2 spaces)",
         ["    2 |   - name: Ana Berg", "    4 |  - name: Tom Reyes"]),
        ("people:\n  - name: Ana Berg\n\trole: Mayor\n", 3, "line 3 is indented with a tab; indent with spaces only",
         ["    3 | \trole: Mayor"]),
        ("people:\n  - name: Ana Berg\n    role: Mayor: of the port\n", 3,
         "line 3 has a value with “: ” in it; put the value in quotes",
         ["    3 |     role: Mayor: of the port"]),
    ],
)
def test_a_yaml_mistake_is_explained_in_words_with_its_lines(make_project, monkeypatch, text, line, message, shown):
    root = make_project({"content/people.yml": text})
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert result.exit_code == 1
    first, *rest = result.stderr.splitlines()
    assert first.startswith(f"content/people.yml:{line}: invalid YAML: {message}")
    for expected in shown:
        assert expected in rest


def test_front_matter_lines_are_numbered_in_the_file(make_project, monkeypatch):
    root = make_project({"content/articles/a.md": "---\ntitle: A\n  outlet: B\n---\nBody text.\n"})
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert "content/articles/a.md:3: front matter: invalid YAML: line 3 is indented more than the line above it" in result.stderr
    assert "    3 |   outlet: B" in result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-06-31", "2025-06-31: June has 30 days"),
        ("2025-02-29", "2025-02-29: February 2025 has 28 days"),
        ("2025-13-01", "2025-13-01: there is no month 13"),
        ("May 6, 2024", "May 6, 2024: write 2024-05-06"),
        ("6 May 2024", "6 May 2024: write 2024-05-06"),
        ("13/05/2024", "13/05/2024: write 2024-05-13"),
        ("05/06/2024", "05/06/2024: is it 5 June or 6 May? write 2024-06-05 or 2024-05-06"),
        ("soon", "expected a date as YYYY-MM-DD, got 'soon'"),
    ],
)
def test_a_date_error_says_what_was_wrong(value, message):
    assert date_problem(value) == message


def test_a_bad_date_in_a_sidecar_is_reported_in_words(make_project, monkeypatch):
    root = make_project({"content/articles/a.txt": "Body text.\n", "content/articles/a.yml": "published: 2025-06-31\n"})
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert "content/articles/a.yml:1: published: 2025-06-31: June has 30 days" in result.stderr.splitlines()


STORY = (
    "Talks resume\n\n"
    "“We have not yet seen a credible plan for the civilians of the city,” Jake Sullivan told reporters.\n"
)


def test_an_unknown_speaker_gets_a_did_you_mean(make_project, monkeypatch):
    root = make_project({
        "content/articles/talks.txt": STORY,
        "content/people.yml": "people:\n  - name: Jake Sullivan\n    aliases: [Sullivan]\n  - name: Ana Berg\n",
    })
    monkeypatch.chdir(root)
    curate_project(root)
    path = root / "content/curation/talks.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('speaker: "Jake Sullivan"', 'speaker: "Jake Sulivan"'), encoding="utf-8")
    result = run_cli("check")
    assert result.exit_code == 0
    assert ("warning: speaker 'Jake Sulivan' is not in content/people.yml; did you mean 'Jake Sullivan'? "
            "If not, add the person (or an alias) there") in result.stderr
    path.write_text(text.replace('speaker: "Jake Sullivan"', 'speaker: "Omar Haddad"'), encoding="utf-8")
    far = run_cli("check")
    assert "speaker 'Omar Haddad' is not in content/people.yml; add the person" in far.stderr


def speaker(name: str) -> SpeakerBriefing:
    return SpeakerBriefing(name, name.lower().replace(" ", "-"), None, (), known=False)


def test_suggested_aliases_are_never_common_words_or_shared_names():
    people = tuple(speaker(n) for n in (
        "Karine Jean-Pierre", "White House", "New York Times", "Hussein Ahmed", "Ahmed Fouad Alkhatib",
        "Yahya Sinwar", "Tom Brown", "Dana Levi",
    ))
    known = (Person("Dan Levi", aliases=("Levi",)),)
    texts = ("The brown envelope was on the table.",)
    got = {s.name: s.aliases for s in suggest_people(people, known, texts)}
    assert got == {
        "Karine Jean-Pierre": ("Jean-Pierre",),
        "White House": (),  # "House": an institution's word
        "New York Times": (),  # "Times"
        "Hussein Ahmed": (),  # "Ahmed" is also the first name of another speaker
        "Ahmed Fouad Alkhatib": ("Alkhatib",),
        "Yahya Sinwar": ("Sinwar",),
        "Tom Brown": (),  # the articles write "brown" as an ordinary word
        "Dana Levi": (),  # "Levi" is already someone else's alias
    }
