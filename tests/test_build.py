"""One real `mkdocs build --strict` of the fixture corpus and of the seed content."""

import html as html_lib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.pipeline import run
from tests.helpers import run_briefing, tree_digest, write_files

# Attributes through which a page loads something (as opposed to a link a reader may click).
LOADING_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                 ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}


class PageScan(HTMLParser):
    """Collect what matters for safety: scripts, handlers, link schemes, loaded URLs, ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.handlers, self.bad_links, self.loads, self.ids, self.inline_scripts = [], [], [], set(), []
        self._in_script = False
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            scheme = re.match(r"\s*(javascript|data|vbscript):", value, re.I)
            if name in ("href", "src", "action", "formaction", "data") and scheme:
                self.bad_links.append((tag, value))
            if (tag, name) in LOADING_ATTRS and not (tag == "link" and dict(attrs).get("rel") in ("canonical", "alternate")):
                self.loads.append(value)
            if name == "id":
                self.ids.add(value)
        self._in_script = tag == "script"
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_script = self._in_title = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)
        if self._in_title:
            self.title += data


def scan(path: Path) -> PageScan:
    p = PageScan()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory):
    import shutil

    from tests.helpers import CORPUS

    root = tmp_path_factory.mktemp("built") / "corpus"
    shutil.copytree(CORPUS, root)
    before = tree_digest(root / "content")
    proc = run_briefing("build", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root, before


def test_build_writes_site_and_leaves_content_alone(built_corpus):
    root, before = built_corpus
    assert (root / "site/index.html").is_file()
    assert (root / "site/articles/harbour-talks-stall/index.html").is_file()
    assert (root / "site/search/search_index.json").is_file()
    assert tree_digest(root / "content") == before


def test_every_sentence_link_has_its_anchor(built_corpus):
    root, _ = built_corpus
    for md in (root / "build/docs").rglob("*.md"):
        for target, anchor in re.findall(r"\]\(([^)#]*)#(s-[0-9a-f]{10})\)", md.read_text()):
            page = (md.parent / target) if target else md
            html = root / "site" / page.relative_to(root / "build/docs").with_suffix("") / "index.html"
            if page.name == "index.md":
                html = root / "site" / page.relative_to(root / "build/docs").parent / "index.html"
            assert anchor in scan(html).ids, f"{md.name} links to missing #{anchor} in {html}"


def test_hostile_text_renders_literally(built_corpus):
    root, _ = built_corpus
    for html in (root / "site").rglob("*.html"):
        page = scan(html)
        assert page.handlers == [], html
        assert page.bad_links == [], html
        for script in page.inline_scripts:
            assert "alert" not in script, html
    hostile = root / "site/articles/hostile-input/index.html"
    page = scan(hostile)
    assert page.title.startswith("<script>alert('title')</script> {{ title }}")
    text = hostile.read_text()
    assert "&lt;script&gt;alert(&#x27;body&#x27;)&lt;/script&gt;" in text or "&lt;script&gt;alert('body')&lt;/script&gt;" in text
    assert "{{ config.site_name }}" in text.replace("&#123;", "{").replace("&#125;", "}")
    assert "--8&lt;--" in text


def test_every_page_links_the_feed_for_feed_readers(built_corpus):
    root, _ = built_corpus
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 10
    feed_link = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]+)">')
    for html in pages:
        links = feed_link.findall(html.read_text())
        assert len(links) == 1, html
        title, href = links[0]
        assert title == "Harbour Town briefing: what's new"
        if html.name == "404.html":  # served at any address: its links start at the site's root
            assert href == "/feed.xml"
            continue
        assert (html.parent / href).resolve() == (root / "site/feed.xml").resolve(), (html, href)


def test_the_brief_is_self_contained_escaped_and_links_into_the_site(built_corpus, monkeypatch):
    from generator.curate.briefing import curate
    from generator.escape import html_text as esc
    from generator.load.content import load
    from generator.pipeline import extract_all

    root, _ = built_corpus
    brief = root / "site/brief.html"
    page = scan(brief)
    assert page.loads == [] and page.inline_scripts == [] and page.handlers == [] and page.bad_links == []
    text = brief.read_text(encoding="utf-8")
    assert "<script" not in text and "<style>" in text and "@media print" in text
    monkeypatch.chdir(root)
    content = load(root)
    b = curate(content, extract_all(content))
    for st in b.stories:  # every story, and every published key point with its sources
        assert esc(st.headline) in text
        for p in st.points:
            assert esc(p.text) in text
    for person in b.speakers:  # every quote of a named speaker, under the speaker
        section = text.split(f">{esc(person.name)}</a>", 1)[1]
        for s in person.quotes:
            assert esc(s.item.text) in section
    for q in b.questions:
        assert (esc(q.question) in text) == (q.status == "open")
    assert "<script>alert" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text  # hostile names stay text
    for href in re.findall(r'href="([^"]+)"', text):  # every link leads to a page and sentence of the site
        assert not re.match(r"[a-z]+:|//", href), href
        path, _, anchor = href.partition("#")
        target = root / "site" / path
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), href
        if anchor:
            assert anchor in scan(target).ids, href


def test_the_brief_of_a_large_briefing_stays_brief(tmp_path, monkeypatch):
    from bench.synthetic import write_project
    from generator.render.pages import BRIEF_LIMITS

    root = tmp_path / "large"
    write_project(root, 150)
    monkeypatch.chdir(root)
    result = run(root, build=False)
    text = (root / "build/docs/brief.html").read_text(encoding="utf-8")
    b = result.briefing
    assert len(b.stories) > BRIEF_LIMITS["stories"] and len(b.speakers) > BRIEF_LIMITS["speakers"]
    told = text.split("<h2>Stories</h2>")[1].split("<h2>")[0]
    assert told.count("<h3>") == BRIEF_LIMITS["stories"]
    assert told.count("<li>") == sum(len(st.points) for st in b.stories[: BRIEF_LIMITS["stories"]])
    assert f"{len(b.stories) - BRIEF_LIMITS['stories']} more stories on the site" in told
    quotes = text.split("<h2>Quotes</h2>")[1].split("<h2>")[0]
    assert quotes.count("<h3>") <= BRIEF_LIMITS["speakers"] + 1  # and the unnamed sources
    assert "more people quoted on the site" in quotes
    assert len(text) < 400_000


def test_site_loads_nothing_from_other_hosts(built_corpus):
    root, _ = built_corpus
    for html in (root / "site").rglob("*.html"):
        for url in scan(html).loads:
            assert not re.match(r"(https?:)?//", url), f"{html} loads {url}"
    for css in (root / "site").rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", css.read_text(errors="ignore")), css
    assert "fonts.googleapis" not in (root / "site/index.html").read_text()


def test_failed_build_keeps_previous_site(built_corpus):
    root, _ = built_corpus
    before = tree_digest(root / "site")
    # A project template that links to a page that does not exist makes the strict build fail.
    write_files(root, {"templates/questions.md.j2": "# Broken\n\n[missing](nowhere.md)\n"})
    try:
        proc = run_briefing("build", cwd=root)
        assert proc.returncode == 1
        assert "mkdocs build --strict failed; site/ was left as it was" in proc.stderr
        assert "Traceback" not in proc.stderr
        assert tree_digest(root / "site") == before
    finally:
        (root / "templates/questions.md.j2").unlink()


def test_bad_content_fails_before_touching_site(built_corpus):
    root, _ = built_corpus
    before = tree_digest(root / "site")
    docs_before = tree_digest(root / "build/docs")
    bad = root / "content/articles/zz-broken.yml"
    bad.write_text("title: [\n")
    try:
        with pytest.raises(BriefingError):
            run(root)
        assert tree_digest(root / "site") == before
        assert tree_digest(root / "build/docs") == docs_before
    finally:
        bad.unlink()


def test_seed_site_search_finds_sinwar(seed_project):
    proc = run_briefing("build", cwd=seed_project)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((seed_project / "site/search/search_index.json").read_text())
    hits = [d["location"] for d in index["docs"] if "Sinwar" in d["text"]]
    assert any(loc.startswith("articles/us-assesses-israel-amassed-troops-rafah/") for loc in hits)
    home = (seed_project / "site/index.html").read_text()
    for name in ("Jake Sullivan", "Kurt Campbell", "Antony Blinken", "Matt Miller"):
        assert name in (seed_project / "site/people/index.html").read_text()
    assert "US assesses Israel has amassed enough troops" in home
    article = (seed_project / "site/articles/us-assesses-israel-amassed-troops-rafah/index.html").read_text()
    assert "Exit mobile version" not in article and "create an account" not in article


def test_hostile_site_settings_render_literally(make_project):
    root = make_project(
        {
            "content/briefing.yml": (
                "title: \"</title><script>alert('site')</script>\"\n"
                "description: '\" onload=\"alert(1)'\n"
                "topic: \"{{ 7*7 }} {% if 1 %}x{% endif %}\"\n"
            ),
            "content/articles/a.txt": "A headline\n\nA body sentence that says enough to be a key point here.\n",
        }
    )
    proc = run_briefing("build", cwd=root)
    assert proc.returncode == 0, proc.stderr
    for html in (root / "site").rglob("*.html"):
        page = scan(html)
        assert page.handlers == [] and all("alert" not in s for s in page.inline_scripts), html
    home = (root / "site/index.html").read_text()
    assert scan(root / "site/index.html").title.startswith("</title><script>alert('site')</script>")
    assert "{{ 7*7 }} {% if 1 %}x{% endif %}" in html_lib.unescape(home) and "49" not in home
