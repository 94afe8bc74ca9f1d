"""Source labels: who published an article, named from its metadata or URL, never by its title."""

import re

from generator.load.sites import registrable_domain, site_name
from generator.pipeline import run

FERRY = "Ferry service resumes after storm"
FILES = {
    "content/articles/stated.txt": "Port talks stall\n\nNegotiators met in the harbour on Monday, officials said.\n",
    "content/articles/stated.yml": "outlet: Harbour Gazette\nurl: https://www.harbourgazette.co.uk/a\npublished: 2024-05-13\n",
    "content/articles/same-site.txt": "Harbour cranes idle\n\nThe cranes have stood idle for a week, dock workers said.\n",
    "content/articles/same-site.yml": "url: https://news.harbourgazette.co.uk/b\npublished: 2024-05-14\n",
    "content/articles/wire.txt": "Envoys meet in Cairo\n\nThe envoys met in Cairo for a third round of talks.\n",
    "content/articles/wire.yml": "url: https://edition.cnn.com/2024/05/14/talks\npublished: 2024-05-14\n",
    "content/articles/courier.txt": "Bridge repairs begin\n\nRepairs to the old bridge began on Tuesday, the council said.\n",
    "content/articles/courier.yml": "url: https://www.example-courier.org/bridge\npublished: 2024-05-14\n",
    "content/articles/nothing.txt": (
        f"{FERRY}\n\n“The ferry will run every day from now on, weather permitting,” said Ana Ruiz.\n\n"
        "The crossing takes forty minutes.\n"
    ),
}


def test_registrable_domain_and_site_names():
    assert registrable_domain("https://edition.cnn.com/2024/x") == "cnn.com"
    assert registrable_domain("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert registrable_domain("http://127.0.0.1:8000/a") == "127.0.0.1"
    assert site_name("https://edition.cnn.com/2024/x") == "CNN"
    assert site_name("https://abcnews.go.com/x") == "ABC News"
    assert site_name("https://blog.example-courier.org/x") == "example-courier.org"
    assert site_name("https://a.harbourgazette.co.uk/x", {"harbourgazette.co.uk": "Harbour Gazette"}) == "Harbour Gazette"
    assert site_name(None) is None


def test_an_article_without_an_outlet_is_labelled_by_its_site_never_by_its_title(make_project, monkeypatch):
    root = make_project(FILES)
    monkeypatch.chdir(root)
    run(root, build=False)
    docs = root / "build" / "docs"

    def page(name):
        return (docs / name).read_text(encoding="utf-8")

    assert "- **Outlet:** [Harbour Gazette](../outlets/harbour-gazette.md) *(from the URL)*" in page("articles/same-site.md")
    assert "- **Outlet:** [Harbour Gazette](../outlets/harbour-gazette.md)\n" in page("articles/stated.md")
    assert "- **Outlet:** [CNN](../outlets/cnn.md) *(from the URL)*" in page("articles/wire.md")
    assert "[example-courier.org](../outlets/example-courier-org.md)" in page("articles/courier.md")
    assert "- **Outlet:** [Outlet not stated](../outlets/outlet-not-stated.md)\n" in page("articles/nothing.md")
    outlets = page("outlets/index.md")
    assert "[Harbour Gazette](harbour-gazette.md) · 2 articles" in outlets
    assert "Outlet not stated: 1" not in outlets  # the undated article is not in the chart
    assert "Harbour Gazette: 2" in outlets and "CNN: 1" in outlets and "example-courier.org: 1" in outlets
    assert "[Outlet not stated](outlet-not-stated.md) · 1 article" in outlets
    home = page("index.md")
    # Key-point sources and quotes name the source; the title only ever links to the article (and
    # heads its story's card, as the story's headline).
    shown = re.sub(rf"### \[{re.escape(FERRY)}\]\(stories/[\w-]+\.md\)", "", home)
    assert f"[{FERRY}](" not in shown.replace(f"- [{FERRY}](articles/nothing.md)", "")
    assert "[Outlet not stated](articles/nothing.md#s-" in home
    assert "[Harbour Gazette, 14 May 2024](articles/same-site.md#s-" in home
    assert f"- [{FERRY}](articles/nothing.md) — Outlet not stated" in home
    person = next(p for p in (docs / "people").glob("*.md") if "ruiz" in p.name)
    assert FERRY not in page(f"people/{person.name}").replace(f"## {FERRY}", "")
