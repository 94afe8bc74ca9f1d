"""Golden files: the generated Markdown of the fixture corpus, byte for byte.

After a deliberate rendering change, regenerate with `make golden` and review the diff.
"""

import os
import shutil

import pytest

from generator.pipeline import run
from generator.project import Project
from tests.helpers import FIXTURES

GOLDEN = FIXTURES / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def generated_tree(root):
    docs = Project(root).docs
    files = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*") if p.is_file()}
    files["mkdocs.yml"] = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return files


def test_generated_markdown_matches_golden(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    got = generated_tree(corpus_project)
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in got.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
        pytest.skip("golden files regenerated: review the diff")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(got) == sorted(expected)
    for rel in expected:
        assert got[rel] == expected[rel], f"{rel} differs from the golden file (make golden regenerates)"


def test_generation_is_deterministic_and_incremental(corpus_project, tmp_path, monkeypatch):
    monkeypatch.chdir(corpus_project)
    first = run(corpus_project, build=False)
    assert len(first.report.written) == len(generated_tree(corpus_project))
    again = run(corpus_project, build=False)
    assert again.report.written == () and again.report.removed == ()
    other = tmp_path / "elsewhere"
    shutil.copytree(FIXTURES / "corpus", other)
    run(other, build=False)
    assert generated_tree(other) == generated_tree(corpus_project)


def test_removed_article_removes_its_page(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    (corpus_project / "content/articles/aid-corridor-opens.html").unlink()
    result = run(corpus_project, build=False)
    # its page, and the page of the outlet it was the only article of
    assert result.report.removed == ("articles/aid-corridor-opens.md", "outlets/bay-post.md")
    assert "articles/index.md" in result.report.written
