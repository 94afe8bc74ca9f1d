"""Topic tagging: the taxonomy in briefing.yml, matched by keyword.

A keyword matches as a whole word or phrase, case-insensitively; a space or hyphen in it also
matches the other ("post-war" finds "post war" and "post-war").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.model import Article, Topic

ARTICLE_MIN_MENTIONS = 2  # an article is about a topic it mentions twice, or once in its title


class Tagger:
    """Tag texts with the topics whose keywords they mention."""

    def __init__(self, topics: Iterable[Topic]):
        self.topics = tuple(topics)
        self._patterns = [(t, _pattern(t.keywords)) for t in self.topics]
        self._by_name = {t.name: p for t, p in self._patterns}

    def tags(self, *texts: str) -> tuple[Topic, ...]:
        """The topics mentioned in any of the texts, in taxonomy order."""
        return tuple(t for t, p in self._patterns if any(p.search(x) for x in texts if x))

    def mentions(self, topic: Topic, *texts: str) -> bool:
        """Whether any of the texts mentions one of the topic's keywords."""
        pattern = self._by_name[topic.name]
        return any(pattern.search(x) for x in texts if x)

    def article_tags(self, article: Article) -> tuple[Topic, ...]:
        """The topics an article is about: mentioned in its title or tags, or twice in its text."""
        tags = {x.casefold() for x in article.tags}
        found = []
        for t, p in self._patterns:
            if t.name.casefold() in tags or p.search(article.title) or _at_least(p, article.text, ARTICLE_MIN_MENTIONS):
                found.append(t)
        return tuple(found)


def _pattern(keywords: tuple[str, ...]) -> re.Pattern:
    parts = []
    for k in sorted(keywords, key=len, reverse=True):
        words = re.split(r"[\s\-‐–]+", k.strip())
        parts.append(r"[\s\-‐–]+".join(re.escape(w) for w in words if w))
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def _at_least(pattern: re.Pattern, text: str, n: int) -> bool:
    for count, _ in enumerate(pattern.finditer(text), start=1):
        if count >= n:
            return True
    return False
