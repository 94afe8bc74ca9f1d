"""The extraction cache: what the extractors found in an article, kept under build/cache/.

An entry's key is a hash of the extractor version, the source of the code that extracts (so that
a changed rule never serves an old result), the article's slug (it seeds the sentence ids) and its
cleaned text. Entries are pickles of our own frozen records in the project's own build/ folder,
never read from anywhere else. A missing, truncated or unreadable entry is recomputed; entries
no article uses any more are removed after a run that wrote.

Large batches of new articles are extracted in worker processes, one per core.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.extract import Extractors, extract
from generator.extract.fingerprint import Fingerprint, fingerprint
from generator.files import code_digest, write_atomic
from generator.model import Extraction
from generator.project import Project

# The code whose output is cached: the extractors (with their model files), the records they
# return, the fingerprints.
CODE = ("extract", "model.py")
PARALLEL_MIN = 96  # below this many new articles, starting workers costs more than it saves


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the extract stage knows of one article: its extraction and its duplicate fingerprint."""

    extraction: Extraction
    fingerprint: Fingerprint


def analyse(slug: str, text: str, extractors: Extractors | None = None) -> Analysis:
    """Extract one article and fingerprint it."""
    ex = extract(slug, text, extractors)
    return Analysis(ex, fingerprint(ex.sentences))


def _analyse_item(item: tuple[str, str, Extractors | None]) -> Analysis:
    return analyse(*item)


class ExtractionCache:
    """Analyses by article slug and text, in one small file each under build/cache/extract/."""

    def __init__(self, project: Project, extractors: Extractors | None = None, *, writable: bool = True):
        self.folder = project.extract_cache
        self.extractors = extractors
        self.version = f"{(extractors or Extractors()).version}:{code_digest(CODE)}"
        self.writable = writable
        self.hits = self.misses = 0

    def key(self, slug: str, text: str) -> str:
        h = hashlib.sha256(self.version.encode())
        h.update(b"\0" + slug.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.pickle"

    def get(self, key: str) -> Analysis | None:
        try:
            value = pickle.loads(self._path(key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return value if isinstance(value, Analysis) else None

    def put(self, key: str, value: Analysis) -> None:
        """Keep an entry; a cache that cannot be written (a full disk, a read-only build/) only costs time."""
        try:
            write_atomic(self._path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            self.writable = False

    def analyse_all(self, items: Iterable[tuple[str, str]]) -> dict[str, Analysis]:
        """Analyse (slug, text) pairs: from the cache when it has them, else now (in parallel if many)."""
        out: dict[str, Analysis] = {}
        todo: list[tuple[str, str, str]] = []
        keys = {}
        for slug, text in items:
            key = keys[slug] = self.key(slug, text)
            found = self.get(key)
            if found is None:
                todo.append((slug, text, key))
            else:
                out[slug] = found
        self.hits, self.misses = len(out), len(todo)
        for (slug, _, key), value in zip(todo, _compute([(s, t, self.extractors) for s, t, _ in todo]), strict=True):
            out[slug] = value
            if self.writable:
                self.put(key, value)
        if self.writable:
            self._prune(set(keys.values()))
        return out

    def _prune(self, keep: set[str]) -> None:
        """Remove the entries of texts no article has any more."""
        if not self.folder.is_dir():
            return
        for shard in self.folder.iterdir():
            for f in shard.iterdir() if shard.is_dir() else ():
                if shard.name + f.name.removesuffix(".pickle") not in keep:
                    f.unlink(missing_ok=True)  # leftover temporary files too


def _compute(items: list[tuple[str, str, Extractors | None]]) -> list[Analysis]:
    """Analyse the items, in worker processes (one per core) when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_MIN or workers < 2:
        return [_analyse_item(i) for i in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(_analyse_item, items, chunksize=max(1, len(items) // (workers * 4))))
