"""Pages rendered only when what they show changed.

The page of one article, story, person or outlet is rendered from a small context of its own: the
item, and `Links` holding just the page ids it links to (its outlet, its story, its speakers), not
the whole briefing. The context is pickled and hashed with the render code and the templates; the
memo (build/cache/pages.json) keeps, per page, that key and the size and time of the file written
from it. When both still match, the file on disk is what rendering would give again, and the page
is not rendered. Equal pickles mean equal contexts, so a hit is always right; a miss only costs
the rendering.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator import escape
from generator.curate.briefing import ArticleBriefing, Briefing, StoryBriefing
from generator.files import code_digest, tree_digest, write_if_changed
from generator.project import PACKAGE_TEMPLATES, Project

RENDER_CODE = ("render", "escape.py")  # under generator/


@dataclass(frozen=True, slots=True)
class Page:
    """One generated file: its path under the docs folder and its text (None: the file as written
    before is still right; see PageMemo)."""

    path: str
    text: str | None


@dataclass(frozen=True, slots=True)
class StoryLink:
    id: str
    headline: str


@dataclass(frozen=True, slots=True)
class Links:
    """The page ids one page links to, looked up the way Briefing looks them up."""

    people: tuple[tuple[str, str | None], ...] = ()
    outlets: tuple[tuple[str, str | None], ...] = ()
    stories: tuple[tuple[str, StoryLink | None], ...] = ()

    def person_page(self, name: str | None) -> str | None:
        return dict(self.people).get(name) if name is not None else None

    def outlet_page(self, name: str | None) -> str | None:
        return dict(self.outlets).get(name or "")

    def story_of(self, slug: str) -> StoryLink | None:
        return dict(self.stories).get(slug)

    @staticmethod
    def of_article(briefing: Briefing, ab: ArticleBriefing) -> Links:
        a = ab.article
        story = briefing.story_of(a.slug)
        speakers = sorted({q.speaker for q in ab.extraction.quotes if q.speaker is not None})
        return Links(
            people=tuple((name, briefing.person_page(name)) for name in speakers),
            outlets=((a.source or "", briefing.outlet_page(a.source)),),
            stories=((a.slug, StoryLink(story.id, story.headline) if story else None),),
        )

    @staticmethod
    def of_story(briefing: Briefing, st: StoryBriefing) -> Links:
        speakers = sorted({s.item.speaker for _, quotes in st.quotes for s in quotes if s.item.speaker is not None})
        return Links(people=tuple((name, briefing.person_page(name)) for name in speakers))


class PageMemo:
    """What each memoised page was last rendered from; see the module docstring."""

    def __init__(self, file: Path | None, docs: Path | None, salt: bytes = b""):
        self.file, self.docs, self.salt = file, docs, salt
        self.before: dict[str, list] = {}
        if file is not None:
            try:
                loaded = json.loads(file.read_text("utf-8"))
                self.before = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                pass
        self.keys: dict[str, str] = {}

    @staticmethod
    def none() -> PageMemo:
        """No memo: every page is rendered."""
        return PageMemo(None, None)

    @staticmethod
    def of(project: Project) -> PageMemo:
        """The project's memo, salted with the render code and every template folder."""
        h = hashlib.blake2b(code_digest(RENDER_CODE).encode())
        for folder, label in ((project.templates, "project"), (PACKAGE_TEMPLATES, "bundled")):
            tree_digest(h, folder, label)
        return PageMemo(project.page_memo, project.docs, h.digest())

    def _key(self, template: str, context: dict) -> str | None:
        """The hash of the pickled context. Without the pickle memo (fast mode, fine for acyclic
        records), an object reached twice is written twice: the bytes depend on the values only,
        not on which equal objects happen to be shared (a cached story point is a copy)."""
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        try:
            pickler.dump(context)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None
        return hashlib.blake2b(self.salt + template.encode() + b"\0" + out.getvalue(), digest_size=20).hexdigest()

    def _fresh(self, path: str, key: str) -> bool:
        record = self.before.get(path)
        if self.docs is None or not isinstance(record, list) or len(record) != 3 or record[0] != key:
            return False
        try:
            st = (self.docs / path).stat()
        except OSError:
            return False
        return [st.st_size, st.st_mtime_ns] == record[1:]

    def render(self, env: jinja2.Environment, template: str, jobs: list[tuple[str, dict]]) -> list[Page]:
        """Pages for (path, context) jobs of one template: rendered, or None text when still fresh."""
        compiled = env.get_template(template)
        pages = []
        for path, context in jobs:
            key = self._key(template, context) if self.file is not None else None
            if key is not None:
                self.keys[path] = key
                if self._fresh(path, key):
                    pages.append(Page(path, None))
                    continue
            pages.append(Page(path, compiled.render(base=escape.trusted("../"), **context)))
        return pages

    def save(self) -> None:
        """Record the key and the file's size and time of every memoised page, once written."""
        if self.file is None or self.docs is None:
            return
        docs = self.docs
        records = {}
        for path, key in sorted(self.keys.items()):
            try:
                st = (docs / path).stat()
            except OSError:
                continue
            records[path] = [key, st.st_size, st.st_mtime_ns]
        write_if_changed(self.file, json.dumps(records, sort_keys=True, separators=(",", ":")))
