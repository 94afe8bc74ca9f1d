import datetime as dt
import os

import pytest

from generator.errors import BriefingError
from generator.load.content import load, slugify
from generator.project import Project


def problems(root):
    with pytest.raises(BriefingError) as err:
        load(root)
    return [str(p) for p in err.value.problems]


def test_loads_all_three_formats(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    content = load(corpus_project)
    by_slug = {a.slug: a for a in content.articles}
    assert set(by_slug) == {
        "harbour-talks-stall",
        "ceasefire-plan-published",
        "aid-corridor-opens",
        "aid-convoy-reaches-town",
        "hostile-input",
    }
    txt = by_slug["harbour-talks-stall"]
    assert txt.title == "Harbour talks stall over port security, officials say"  # first-line headline
    assert txt.outlet == "Harbour Gazette" and txt.published == dt.date(2025, 3, 4)
    assert "Skip to content" not in txt.text and "More from" not in txt.text
    assert "daily digest" not in txt.text  # the project's own boilerplate pattern
    md = by_slug["ceasefire-plan-published"]
    assert md.title == "Mediators publish a three-stage ceasefire plan"
    assert md.authors == ("Lee Chen",)
    assert "**" not in md.text and "three-stage plan" in md.text
    assert "[Coastal Wire](" not in md.text and "seen by Coastal Wire." in md.text
    html = by_slug["aid-corridor-opens"]
    assert html.title == "Aid corridor opens to Harbour Town"
    assert html.outlet == "Bay Post" and html.published == dt.date(2025, 3, 6)
    assert html.authors == ("Sam Idris",)
    assert "Subscribe" not in html.text and "Twelve trucks" in html.text
    assert [p.name for p in content.people] == ["Maria Okafor", "Tomas Lindqvist"]


def test_every_error_is_reported_with_its_line(make_project, monkeypatch):
    root = make_project(
        {
            "content/briefing.yml": "title: T\nlanguage: klingon\ntitel: typo\n",
            "content/articles/a.txt": "Body text of a.\n",
            "content/articles/a.yml": "title: A\npublished: 2024-13-45\nurl: javascript:alert(1)\nauthors: {x: 1}\n",
            "content/articles/b.md": "---\ntitle: B\npublished: yesterday\n---\nBody.\n",
            "content/articles/Bad Name.txt": "x\n",
            "content/articles/orphan.yml": "title: nobody\n",
        }
    )
    monkeypatch.chdir(root)
    got = problems(root)
    assert "content/briefing.yml:2: language: expected one of en, de, fr, es, it, nl, pt, ar, he, got 'klingon'" in got
    # warnings are listed with the errors, marked as such, so one run shows everything to fix
    assert "content/briefing.yml:3: warning: unknown key 'titel'; did you mean 'title'?" in got
    assert "content/articles/a.yml:2: published: 2024-13-45: there is no month 13" in got
    assert "content/articles/a.yml:3: url: expected an http:// or https:// URL, got 'javascript:alert(1)'" in got
    assert any(p.startswith("content/articles/a.yml:4: authors: expected a list of text") for p in got)
    assert "content/articles/b.md:3: published: expected a date as YYYY-MM-DD, got 'yesterday'" in got
    assert any(p.startswith("content/articles/Bad Name.txt: file name is not a valid slug") for p in got)
    assert "content/articles/orphan.yml: sidecar without an article: no orphan.txt, .md or .html beside it" in got


def test_unknown_key_warns_with_suggestion(make_project, monkeypatch):
    from generator.errors import Diagnostics

    root = make_project({"content/briefing.yml": "title: T\ndescripton: x\n", "content/articles/a.txt": "Some body.\n"})
    monkeypatch.chdir(root)
    diag = Diagnostics(project=Project(root))
    load(root, diag)
    assert [str(w) for w in diag.warnings] == [
        "content/briefing.yml:2: warning: unknown key 'descripton'; did you mean 'description'?"
    ]


def test_duplicate_slugs_and_bad_bytes(make_project, monkeypatch):
    root = make_project(
        {
            "content/articles/same.txt": "One.\n",
            "content/articles/same.md": "Two.\n",
            "content/articles/latin.txt": b"Caf\xe9 ok\nline two \xff\n",
            "content/articles/binary.txt": b"abc\x00def",
            "content/articles/empty.txt": b"",
        }
    )
    monkeypatch.chdir(root)
    got = problems(root)
    assert "content/articles/same.txt: duplicate slug 'same': same.md has it too" in got
    assert "content/articles/latin.txt:1: invalid UTF-8 byte 0xe9; a UTF-8 text file expected" in got
    assert "content/articles/binary.txt:1: NUL byte: this looks like a binary file, a text article expected" in got
    assert "content/articles/empty.txt: no article text left after removing boilerplate; an article body expected" in got


def test_utf16_with_bom_is_read(make_project, monkeypatch):
    root = make_project({"content/articles/wide.txt": "Wide headline\n\nA body sentence here.\n".encode("utf-16")})
    monkeypatch.chdir(root)
    (article,) = load(root).articles
    assert article.title == "Wide headline" and article.text == "A body sentence here."


def test_symlink_outside_content_is_refused(make_project, tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret text.\n")
    root = make_project({})
    (root / "content/articles").mkdir(parents=True)
    os.symlink(secret, root / "content/articles/leak.txt")
    monkeypatch.chdir(root)
    assert problems(root) == ["content/articles/leak.txt: is a link to a file outside content/; a regular file expected"]


def test_rewrite_of_must_name_an_article(make_project, monkeypatch):
    root = make_project({"content/articles/a.txt": "Body.\n", "content/articles/a.yml": "rewrite_of: nope\n"})
    monkeypatch.chdir(root)
    assert problems(root) == ["content/articles/a.yml: rewrite_of: no article with the slug 'nope'"]


def test_missing_briefing_yml(make_project, monkeypatch):
    root = make_project({"content/articles/a.txt": "Body.\n"}, with_briefing=False)
    monkeypatch.chdir(root)
    assert problems(root) == [
        "content/briefing.yml: not found; a briefing project needs content/briefing.yml (run briefing in the project folder)"
    ]


def test_url_without_host_is_refused_at_load(make_project, monkeypatch):
    root = make_project({"content/articles/a.txt": "Body.\n", "content/articles/a.yml": "url: http:///nowhere\n"})
    monkeypatch.chdir(root)
    assert problems(root) == ["content/articles/a.yml:1: url: expected an http:// or https:// URL, got 'http:///nowhere'"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Israel ceasefire begins as troops pull back and Hamas frees hostages",
         "israel-ceasefire-begins-as-troops-pull-back"),
        ("Netanyahu meets Trump in Washington as talks on the plan stall",
         "netanyahu-meets-trump-in-washington-as-talks"),
        ("UN says the pace of aid deliveries is far too slow", "un-says-the-pace-of-aid-deliveries"),
        ("Short title of", "short-title-of"),  # a whole title is never cut
    ],
)
def test_slugs_end_where_a_phrase_ends(title, slug):
    assert slugify(title) == slug


def test_long_slugs_are_cut_between_words():
    slug = slugify("Counterinsurgency " * 6, max_words=20)
    assert slug == "-".join(["counterinsurgency"] * 4)  # 71 characters: a fifth word would pass 80
