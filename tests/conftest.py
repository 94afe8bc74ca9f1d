"""Shared fixtures: temporary projects built from a dict of files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import CORPUS, MINIMAL_BRIEFING, ROOT, write_files

BUILD_EPOCH = "1717200000"  # 2024-06-01: the build date What's new records, fixed so output is reproducible


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch):
    """Every test builds on the same date (SOURCE_DATE_EPOCH), whatever the calendar says."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)


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
