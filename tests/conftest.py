"""Shared fixtures: temporary projects built from a dict of files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import CORPUS, MINIMAL_BRIEFING, ROOT, write_files


@pytest.fixture
def make_project(tmp_path):
    """Build a temporary project from a dict of files (a minimal briefing.yml unless given)."""

    def make(files: dict[str, str | bytes], with_briefing: bool = True) -> Path:
        root = tmp_path / "project"
        root.mkdir(exist_ok=True)
        if with_briefing and "content/briefing.yml" not in files:
            files = {"content/briefing.yml": MINIMAL_BRIEFING, **files}
        return write_files(root, files)

    return make


@pytest.fixture
def corpus_project(tmp_path) -> Path:
    """A copy of the fixture corpus project."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    return root


@pytest.fixture
def seed_project(tmp_path) -> Path:
    """A copy of this repository's own content/ (the seed articles)."""
    root = tmp_path / "seeds"
    shutil.copytree(ROOT / "content", root / "content")
    return root
