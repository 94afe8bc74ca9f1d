"""A Pagefind query in Chromium, and what it transferred: shared by bench/scale.py (the budget at
3,000 articles) and tests/test_browser.py (the same query on the small fixture site)."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def transferred(requests) -> int:
    """Bytes of headers and bodies of finished requests."""
    return sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in requests)


def pagefind_query(page, url: str, query: str):
    """Open url, type query into the Pagefind box; return the result links (a Playwright locator)
    and the bytes the query transferred once the page had loaded (every request included)."""
    finished = []
    page.on("requestfinished", lambda r: finished.append(r))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator(".md-search__input").count() == 0  # Material's search is off
    finished.clear()
    page.locator(".briefing-pagefind .pagefind-ui__search-input").click()
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".pagefind-ui__result", timeout=20_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # results render in batches; let the last fragments arrive
    return page.locator(".pagefind-ui__result-link"), transferred(finished)
