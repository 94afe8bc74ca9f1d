"""The key points of each story, cached by what they are worked out from (build/cache/stories/)."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from generator.curate.stories import StoryInput, StoryPoint, story_points
from generator.files import code_digest, write_atomic
from generator.project import Project

# The code a story's key points come from: the stories module, the key-point rules and text
# statistics it uses, the boilerplate lines it skips, the records.
STORY_CODE = ("curate/stories.py", "extract", "load/readers", "model.py")


class StoryPointCache:
    """A story's key points by what they are worked out from (its articles, in order, with their
    sentences, and the editors' decisions on those sentences), one small file each under
    build/cache/stories/: after one new article only the story it joins is worked out again.
    Pass its points method to generator.curate.stories.stories."""

    def __init__(self, project: Project, *, writable: bool = True):
        self.folder = project.story_cache
        self.version = code_digest(STORY_CODE)
        self.writable = writable
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, members: list[StoryInput], first: frozenset[tuple[str, str]], never: frozenset[tuple[str, str]]) -> str:
        h = hashlib.sha256(self.version.encode())
        slugs = {a.slug for a in members}
        for a in members:
            fields = (a.slug, a.title, a.text, a.published.isoformat() if a.published else "", a.outlet or "", a.copy_of or "")
            h.update("\0".join(fields).encode("utf-8", "surrogatepass") + b"\1")
            h.update(repr([(s.id, s.start, s.end, s.paragraph) for s in a.sentences]).encode() + b"\1")
            h.update(repr(a.key_points).encode() + b"\1")
        for tag, pairs in (("first", first), ("never", never)):
            h.update(tag.encode() + repr(sorted(p for p in pairs if p[0] in slugs)).encode())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def points(
        self, members: list[StoryInput], first: frozenset[tuple[str, str]], never: frozenset[tuple[str, str]]
    ) -> tuple[StoryPoint, ...]:
        """story_points(members, first, never), from the cache when it has them."""
        key = self.key(members, first, never)
        self.used.add(key)
        try:
            value = pickle.loads(self._path(key).read_bytes())
            if isinstance(value, tuple) and all(isinstance(p, StoryPoint) for p in value):
                self.hits += 1
                return value
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass
        self.misses += 1
        value = story_points(members, first, never)
        if self.writable:
            try:
                write_atomic(self._path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:
                self.writable = False
        return value

    def prune(self) -> None:
        """Remove the entries of stories that are no more (after a run that wrote)."""
        if not self.writable or not self.folder.is_dir():
            return
        for f in self.folder.iterdir():
            if f.name.removesuffix(".pickle") not in self.used:
                f.unlink(missing_ok=True)
