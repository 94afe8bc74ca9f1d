"""The built site in a real browser: Debian's Chromium driven by Playwright.

Runs whenever /usr/bin/chromium is there; in CI (CI=true) a missing Chromium is a failure, not a
skip. The fixture corpus, hostile article included, is built once and served on loopback.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from bench.browser import CHROMIUM_ARGS, pagefind_query
from generator.pipeline import run
from tests.helpers import CORPUS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "build" / "vendor" / "axe.min.js"
QUERY_BUDGET = 250_000  # bytes a Pagefind query may transfer, all requests included (bench/scale.py: at 3,000 articles)
# The pages axe-core checks: one of each kind.
AXE_PAGES = (
    "", "articles/ceasefire-plan-published/", "people/maria-okafor/", "questions/", "topics/port-security/",
    "stories/", "stories/st-aid-convoy-reaches-town/",
)
STORIES = ROOT / "tests" / "fixtures" / "stories"

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run installs it with apt-get", pytrace=False)
    pytest.skip("no /usr/bin/chromium here (apt-get install chromium); browser tests skipped", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def built_and_served(root: Path):
    """Build the project at root and serve its site on 127.0.0.1; yield the base URL."""
    cwd = os.getcwd()
    os.chdir(root)
    try:
        run(root)
    finally:
        os.chdir(cwd)
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture corpus built into a site and served on 127.0.0.1; yields the base URL."""
    root = tmp_path_factory.mktemp("browser") / "corpus"
    shutil.copytree(CORPUS, root)
    yield from built_and_served(root)


@pytest.fixture(scope="module")
def stories_site(tmp_path_factory):
    """The stories fixture corpus (one event told by three outlets and a wire copy, …), served."""
    root = tmp_path_factory.mktemp("stories") / "project"
    shutil.copytree(STORIES / "content", root / "content")
    yield from built_and_served(root)


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    """The fixture corpus with `search: pagefind`, served. (A large site, where `search: auto` picks
    Pagefind, is built, queried and measured by bench/scale.py.)"""
    root = tmp_path_factory.mktemp("pagefind") / "corpus"
    shutil.copytree(CORPUS, root)
    config = root / "content" / "briefing.yml"
    config.write_text(config.read_text(encoding="utf-8") + "search: pagefind\n", encoding="utf-8")
    yield from built_and_served(root)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    """A fresh page that records every request, dialog and page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests, pg.dialogs, pg.errors = [], [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def search(page, site, query: str) -> list[str]:
    """Type a query into Material's search box; return the result titles."""
    page.goto(site)
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.locator(".md-search-result__item").all_inner_texts()


def test_search_finds_an_article_by_a_rare_word_and_a_person_by_name(page, site):
    results = search(page, site, "shelling")
    assert any("Mediators publish a three-stage ceasefire plan" in r for r in results), results
    results = search(page, site, "Okafor")
    assert any(r.strip().startswith("Maria Okafor") for r in results), results


def test_a_quote_source_link_lands_on_the_highlighted_sentence(page, site):
    page.goto(site + "people/tomas-lindqvist/")
    link = page.get_by_role("link", name="in the text").first
    href = link.get_attribute("href")
    assert href and "#s-" in href
    link.click()
    page.wait_for_load_state()
    anchor = urlsplit(page.url).fragment
    assert re.fullmatch(r"s-[0-9a-f]{10}", anchor)
    sentence = page.locator(f"#{anchor}")
    assert "This plan gives both sides a way out" in sentence.inner_text()
    assert sentence.evaluate("el => el.matches(':target')")
    assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 224, 130)"
    box = sentence.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]


PAGES = (
    "", "articles/", "articles/hostile-input/", "articles/aid-corridor-opens/", "people/", "people/ivo/",
    "stories/", "stories/st-hostile-input/",
    "questions/", "topics/", "topics/port-security/", "timeline/", "outlets/", "whats-new/",
)


def test_no_page_requests_another_host_and_hostile_text_stays_text(page, site):
    origin = urlsplit(site).netloc
    for path in PAGES:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => document.querySelectorAll('a[href^=\"javascript:\" i], [onerror], [onload]').length") == 0
    search(page, site, "Okafor")  # the search worker and its index load from the site too
    foreign = [u for u in page.requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != origin]
    assert foreign == []
    assert page.dialogs == [] and page.errors == []
    page.goto(site + "articles/hostile-input/")
    text = page.locator("article").inner_text()
    assert "<script>alert('title')</script>" in text  # shown literally, never run
    assert page.evaluate("() => window.__pwned === undefined")


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violations(page, site, path):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make test` fetches it (tests/browser/fetch_axe.py)", pytrace=False)
    page.goto(site + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], bad


# Print: what is visible on paper (A4's printable width at 96 dpi, about 700 CSS pixels).
PRINT_CHECK = """(root) => {
  const visible = (el) => { const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
    return cs.display !== 'none' && cs.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
  const chrome = [];
  for (const el of document.querySelectorAll('header, nav, input, form, button, label, [role=search], .md-sidebar, .md-footer')) {
    if (visible(el) && !el.closest(root)) chrome.push(el.tagName + '.' + el.className);
  }
  const width = document.documentElement.clientWidth, clipped = [];
  for (const el of document.querySelectorAll(root + ' *')) {
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    if (el.getBoundingClientRect().right > width + 1) clipped.push('past the page: ' + el.tagName + '.' + el.className);
    if (['hidden', 'auto', 'scroll', 'clip'].includes(cs.overflowX) && el.scrollWidth > el.clientWidth + 1)
      clipped.push('clipped: ' + el.tagName + '.' + el.className);
  }
  return {chrome, clipped, text: document.querySelector(root).innerText.length};
}"""


def printed(browser, url: str, root: str = "article") -> dict:
    """Load a page as a printer sees it: print media, the width of a sheet of paper."""
    context = browser.new_context(viewport={"width": 700, "height": 1000})
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    found = page.evaluate(PRINT_CHECK, root)
    found["pdf"] = page.pdf(format="A4")
    found["requests"] = requests
    context.close()
    return found


@pytest.mark.parametrize("path", ["", "articles/harbour-talks-stall/", "articles/hostile-input/", "outlets/"])
def test_pages_print_without_navigation_search_or_cut_off_text(browser, site, path):
    found = printed(browser, site + path)
    assert found["chrome"] == [] and found["clipped"] == []
    assert found["text"] > 200 and found["pdf"].startswith(b"%PDF")


def test_the_brief_is_one_printable_page_that_loads_nothing(browser, site):
    found = printed(browser, site + "brief.html", root="main")
    assert found["clipped"] == [] and found["text"] > 500 and found["pdf"].startswith(b"%PDF")
    assert found["requests"] == [site + "brief.html"]  # no stylesheet, script, font or image


def test_a_pagefind_site_prints_without_its_search_box(browser, pagefind_site):
    found = printed(browser, pagefind_site + "articles/")
    assert found["chrome"] == [] and found["clipped"] == []


def test_a_pagefind_site_searches_offline_within_the_transfer_budget(browser, pagefind_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    urls, errors = [], []
    page.on("request", lambda r: urls.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    assert page.request.get(pagefind_site + "search/search_index.json").status == 404  # Material's index is off
    results, query_bytes = pagefind_query(page, pagefind_site + "articles/", "Okafor")
    assert results.count() >= 1
    assert "Okafor" in page.locator(".pagefind-ui__results").inner_text()
    assert 0 < query_bytes <= QUERY_BUDGET
    origin = urlsplit(pagefind_site).netloc
    assert [u for u in urls if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != origin] == []
    href = results.first.get_attribute("href")
    page.goto(urljoin(pagefind_site, href))
    assert page.locator("h1").inner_text()  # a result leads to a page of the site
    assert errors == []
    context.close()


def test_the_front_page_leads_to_a_story_and_its_points_to_every_source_sentence(browser, stories_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(stories_site)
    sections = page.locator(".briefing-sections a")
    names = {sections.nth(i).inner_text() for i in range(sections.count())}
    assert {"Stories", "Articles", "People", "Open questions", "Topics", "Timeline", "Outlets", "What's new"} <= names
    assert all(sections.nth(i).is_visible() for i in range(sections.count()))  # no menu button to open first
    card = page.locator("h3 a", has_text="eastern Rafah").first
    card.click()
    page.wait_for_load_state()
    assert "/stories/st-" in page.url
    point = page.locator("article ol > li", has_text="Reported by 3 outlets").first
    links = point.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 3 and all("#s-" in h for h in hrefs)
    story_url = page.url
    for href in hrefs:
        page.goto(urljoin(story_url, href))
        anchor = urlsplit(page.url).fragment
        sentence = page.locator(f"#{anchor}")
        assert sentence.evaluate("el => el.matches(':target')")
        assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 224, 130)"
        assert len(sentence.inner_text().split()) >= 6
    context.close()
