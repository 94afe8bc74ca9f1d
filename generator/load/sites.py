"""Who published an article whose metadata names no outlet: the site its URL is on.

The name is tried in order: the outlet other articles of the project on the same site give, a
well-known site's own name, then the registrable domain ("edition.cnn.com" → "cnn.com", from the
public suffix list that `tld` ships, read offline).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

from tld import get_fld

from generator.model import Article

# Sites whose registrable domain is not how readers name them. Host names first ("abcnews.go.com"),
# then registrable domains. Extend freely; an outlet named in a sidecar always wins.
KNOWN_SITES = {
    "abcnews.go.com": "ABC News",
    "news.sky.com": "Sky News",
    "aljazeera.com": "Al Jazeera",
    "apnews.com": "AP",
    "axios.com": "Axios",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "bloomberg.com": "Bloomberg",
    "cbsnews.com": "CBS News",
    "cnn.com": "CNN",
    "dw.com": "DW",
    "economist.com": "The Economist",
    "foxnews.com": "Fox News",
    "france24.com": "France 24",
    "ft.com": "Financial Times",
    "haaretz.com": "Haaretz",
    "i24news.tv": "i24NEWS",
    "independent.co.uk": "The Independent",
    "jpost.com": "The Jerusalem Post",
    "latimes.com": "Los Angeles Times",
    "middleeasteye.net": "Middle East Eye",
    "nbcnews.com": "NBC News",
    "npr.org": "NPR",
    "nytimes.com": "The New York Times",
    "politico.com": "Politico",
    "reuters.com": "Reuters",
    "telegraph.co.uk": "The Telegraph",
    "theguardian.com": "The Guardian",
    "thehill.com": "The Hill",
    "timesofisrael.com": "The Times of Israel",
    "usatoday.com": "USA Today",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "ynetnews.com": "Ynet News",
}


def host(url: str | None) -> str | None:
    """The URL's host name, lowercased, without a leading www."""
    if not url:
        return None
    try:
        name = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return None
    return name.removeprefix("www.") or None


def registrable_domain(url: str | None) -> str | None:
    """The domain a site registered ("cnn.com" for edition.cnn.com); the host itself when the public
    suffix list has no answer (an IP address, localhost)."""
    name = host(url)
    if name is None:
        return None
    return get_fld(name, fix_protocol=True, fail_silently=True) or name


def site_name(url: str | None, learned: dict[str, str] | None = None) -> str | None:
    """A readable name for the site a URL is on, or None without a URL."""
    name, domain = host(url), registrable_domain(url)
    if name is None or domain is None:
        return None
    learned = learned or {}
    return learned.get(name) or learned.get(domain) or KNOWN_SITES.get(name) or KNOWN_SITES.get(domain) or domain


def with_site_names(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Give each article without an outlet the name of its URL's site, as the other articles name it."""
    votes: dict[str, Counter[str]] = {}
    for a in articles:
        if a.outlet and a.url:
            for key in {k for k in (host(a.url), registrable_domain(a.url)) if k is not None}:
                votes.setdefault(key, Counter())[a.outlet] += 1
    learned = {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in votes.items()}
    return tuple(a if a.outlet or not a.url else replace(a, site=site_name(a.url, learned)) for a in articles)
