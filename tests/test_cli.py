"""The command line through click's CliRunner (and once through the real entry point)."""

import json

import pytest

from tests.helpers import run_briefing, run_cli, tree_digest


@pytest.mark.parametrize("command", [[], ["build"], ["generate"], ["check"], ["serve"], ["add"], ["extract"], ["new"]])
def test_help_everywhere(command):
    result = run_cli(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_check_reports_every_error_without_traceback(make_project, monkeypatch):
    root = make_project(
        {
            "content/briefing.yml": "title: [unclosed\n",
            "content/articles/a.txt": "Body.\n",
            "content/articles/a.yml": "published: 13/05/2024\n",
        }
    )
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/articles/a.yml:1: published: 13/05/2024: write 2024-05-13",
        "content/briefing.yml:2: invalid YAML: expected ',' or ']', but got '<stream end>'",
        "briefing: stopped with 2 problem(s)",
    ]
    proc = run_briefing("check", cwd=root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("content/articles/a.yml:1: published:")


def test_strict_turns_warnings_into_errors(make_project, monkeypatch):
    root = make_project({"content/briefing.yml": "title: T\ncolour: red\n", "content/articles/a.txt": "Body text.\n"})
    monkeypatch.chdir(root)
    assert run_cli("check").exit_code == 0
    strict = run_cli("check", "--strict")
    assert strict.exit_code == 1
    assert "content/briefing.yml:2: warning: unknown key 'colour'" in strict.stderr


def test_generate_and_check_never_write_into_content(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    before = tree_digest(corpus_project / "content")
    assert run_cli("check").exit_code == 0
    assert not (corpus_project / "build").exists() and not (corpus_project / "mkdocs.yml").exists()
    assert run_cli("generate").exit_code == 0
    assert tree_digest(corpus_project / "content") == before


def test_extract_jsonl_all_three_kinds():
    records = [
        {"id": "t1", "text": "“We are ready,” said Ana Ruiz. It remains unclear whether talks will resume."},
        {"id": 2, "pasted": "Skip to content\nTalks resume in Doha\nAdvertisement\nNegotiators met on Sunday.\n"},
        {
            "id": "h",
            "html": "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
            "<p>The port reopened on Friday after three weeks, officials said on the quay.</p>"
            "<p>Fishing boats were the first to leave the harbour in the morning.</p></article></body></html>",
        },
    ]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    result = run_cli("extract", "--jsonl", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["t1", 2, "h"]
    first = out[0]
    assert set(first) == {"id", "text", "title", "published", "sentences", "key_points", "quotes", "open_questions"}
    assert first["text"] == records[0]["text"]
    (quote,) = first["quotes"]
    assert quote["speaker"] == "Ana Ruiz" and first["text"][quote["start"] : quote["end"]] == quote["text"] == "We are ready,"
    assert quote["sentence_id"] == first["sentences"][0]["id"]
    (question,) = first["open_questions"]
    assert question["question"] == "Will talks resume?"
    assert first["text"][question["evidence"][0]["start"] : question["evidence"][0]["end"]] == question["evidence"][0]["text"]
    for s in first["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(first["text"])
    for kp in first["key_points"]:
        assert first["text"][kp["start"] : kp["end"]] == kp["text"]
    assert out[1]["title"] == "Talks resume in Doha" and out[1]["text"] == "Negotiators met on Sunday."
    assert out[2]["title"] == "Port reopens" and "Fishing boats" in out[2]["text"]


def test_extract_jsonl_bad_lines_are_reported_and_the_rest_processed():
    stdin = '{"id": "a", "text": "Fine text here."}\nnot json\n{"text": "no id"}\n{"id": "b", "text": "x", "html": "y"}\n'
    result = run_cli("extract", "--jsonl", stdin=stdin)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.splitlines()[:3] == [
        "<stdin>:2: invalid JSON (Expecting value); one JSON object per line expected",
        '<stdin>:3: expected an object with an "id" (string or number)',
        "<stdin>:4: expected exactly one of text, pasted, html, got 2",
    ]


def test_add_copies_and_writes_a_sidecar(make_project, tmp_path, monkeypatch):
    root = make_project({})
    src = tmp_path / "Some Article.txt"
    src.write_text(
        "Exit mobile versionPort reopens after three weeks\n\nThe port reopened on Friday, officials said.\n\n"
        "For more Bay Post news and newsletters create an account at\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    result = run_cli("add", str(src))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "added content/articles/port-reopens-after-three-weeks.txt with content/articles/port-reopens-after-three-weeks.yml",
        "  read from the text, check: outlet Bay Post (line 5: “For more Bay Post news and newsletters create an account at”)",
        "  left to fill in: url, published, authors",
    ]
    sidecar = (root / "content/articles/port-reopens-after-three-weeks.yml").read_text()
    assert 'title: "Port reopens after three weeks"' in sidecar and 'outlet: "Bay Post"' in sidecar
    assert (root / "content/articles/port-reopens-after-three-weeks.txt").read_bytes() == src.read_bytes()
    again = run_cli("add", str(src))  # a second copy gets its own slug, nothing is overwritten
    assert "port-reopens-after-three-weeks-2.txt" in again.stdout
    assert run_cli("check").exit_code == 0
    taken = run_cli("add", "--slug", "port-reopens-after-three-weeks", str(src))
    assert taken.exit_code == 1 and "exists already" in taken.stderr


def test_add_reports_all_bad_paths_and_writes_nothing(make_project, tmp_path, monkeypatch):
    root = make_project({})
    good = tmp_path / "good.txt"
    good.write_text("A body.\n")
    monkeypatch.chdir(root)
    result = run_cli("add", str(good), str(tmp_path / "missing.txt"), str(tmp_path / "x.pdf"))
    assert result.exit_code == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith(str(tmp_path))]) == 2
    assert not (root / "content/articles").exists()


STORY = (
    "Hamas frees the last living hostages\n\n"
    "Two years after its attack on Israel on October 7, 2023, Hamas freed the last 20 living hostages.\n\n"
    "Crowds gathered in Tel Aviv on Monday, October 13, 2025, to watch the handover.\n"
)


def test_add_never_takes_the_date_from_a_date_in_the_story(make_project, tmp_path, monkeypatch):
    root = make_project({})
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(root)
    result = run_cli("add", str(src))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["  left to fill in: outlet, url, published, authors"]
    sidecar = (root / "content/articles/hamas-frees-the-last-living-hostages.yml").read_text()
    assert "# published: YYYY-MM-DD" in sidecar and "2023" not in sidecar


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Updated: Oct 10, 2025 3:04 PM", "2025-10-10"),
        ("Published 10 October 2025", "2025-10-10"),
        ("Friday, October 10, 2025", "2025-10-10"),
        ("By Dana Levi | Published 2025-10-10 14:03 GMT", "2025-10-10"),
    ],
)
def test_add_takes_a_stated_publication_date_and_lists_it_to_check(make_project, tmp_path, monkeypatch, line, date):
    root = make_project({})
    src = tmp_path / "story.txt"
    headline, rest = STORY.split("\n\n", 1)
    src.write_text(f"{headline}\n\n{line}\n\n{rest}", encoding="utf-8")
    monkeypatch.chdir(root)
    result = run_cli("add", str(src))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        f"  read from the text, check: published {date} (line 3: “{line}”)",
        "  left to fill in: outlet, url, authors",
    ]
    sidecar = (root / "content/articles/hamas-frees-the-last-living-hostages.yml").read_text()
    assert f"published: {date}  # guessed from line 3 of the article: “{line}”; check it" in sidecar
    assert run_cli("check").exit_code == 0


def test_add_options_set_the_metadata(make_project, tmp_path, monkeypatch):
    root = make_project({})
    src = tmp_path / "story.txt"
    src.write_text(STORY.split("\n\n", 1)[1], encoding="utf-8")  # no headline
    monkeypatch.chdir(root)
    result = run_cli(
        "add", "--title", "Last hostages freed", "--outlet", "Bay Post", "--url", "https://baypost.example/a",
        "--published", "2025-10-13", str(src),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "added content/articles/last-hostages-freed.txt with content/articles/last-hostages-freed.yml",
        "  left to fill in: authors",
    ]
    sidecar = (root / "content/articles/last-hostages-freed.yml").read_text()
    for expected in ('title: "Last hostages freed"', 'outlet: "Bay Post"', 'url: "https://baypost.example/a"',
                     "published: 2025-10-13\n"):
        assert expected in sidecar
    bad = run_cli("add", "--published", "13/10/2025", "--url", "ftp://x", str(src))
    assert bad.exit_code == 1
    assert "briefing add: --published: 13/10/2025: write 2025-10-13" in bad.stderr
    assert "briefing add: --url: expected an http:// or https:// URL" in bad.stderr
    two = run_cli("add", "--title", "One title", str(src), str(src))
    assert two.exit_code == 1 and "--title names one article; give one file with it" in two.stderr


def test_jsonl_text_that_is_not_unicode_is_a_located_problem():
    result = run_briefing("extract", "--jsonl", stdin='{"id": "a", "text": "A \\ud800 b."}\n{"id": "b", "text": "Fine."}\n')
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "<stdin>:1: a string holds a lone surrogate" in result.stderr
    assert '"id": "b"' in result.stdout
