"""Scale: the extraction cache, skipping unchanged runs, exact fast story grouping, search engines,
and the same site built by ProperDocs. Speed itself is measured by bench/scale.py, never here."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bench.synthetic import write_article, write_project
from generator.build.state import output_stats
from generator.curate import stories as stories_module
from generator.curate import story_cache
from generator.curate.briefing import curate, story_inputs
from generator.extract import Extractors
from generator.extract import cache as cache_module
from generator.extract.cache import ExtractionCache, analyse
from generator.load.content import load
from generator.pipeline import run
from generator.project import Project
from generator.render.memo import PageMemo
from generator.render.pages import PAGEFIND_FROM, search_engine
from tests.helpers import run_briefing


def test_the_cache_returns_what_the_extractors_return_and_misses_only_changed_texts(corpus_project):
    content = load(corpus_project)
    items = [(a.slug, a.text) for a in content.articles]
    first = ExtractionCache(Project(corpus_project))
    analyses = first.analyse_all(items)
    assert (first.hits, first.misses) == (0, len(items))
    assert analyses == {slug: analyse(slug, text) for slug, text in items}
    again = ExtractionCache(Project(corpus_project))
    assert again.analyse_all(items) == analyses and (again.hits, again.misses) == (len(items), 0)
    slug, text = items[0]
    edited = ExtractionCache(Project(corpus_project))
    edited.analyse_all([(slug, text + "\n\nOne more sentence was added."), *items[1:]])
    assert (edited.hits, edited.misses) == (len(items) - 1, 1)


def test_another_extractor_version_or_a_damaged_entry_is_a_miss(corpus_project):
    content = load(corpus_project)
    items = [(a.slug, a.text) for a in content.articles]
    ExtractionCache(Project(corpus_project)).analyse_all(items)
    other = Extractors()
    newer_version = other.quotes.version + "-next"  # whatever the current version is, another one
    other_quotes = replace(other, quotes=type("Q", (), {"version": newer_version, "extract": other.quotes.extract})())
    newer = ExtractionCache(Project(corpus_project), other_quotes, writable=False)
    newer.analyse_all(items)
    assert newer.misses == len(items)
    for f in (Project(corpus_project).extract_cache).rglob("*.pickle"):
        f.write_bytes(f.read_bytes()[:20])  # truncated, as by a crash
    damaged = ExtractionCache(Project(corpus_project))
    assert damaged.analyse_all(items) == {s: analyse(s, t) for s, t in items} and damaged.misses == len(items)


def test_worker_processes_give_the_same_analyses(tmp_path, monkeypatch):
    write_project(tmp_path, 12)
    items = [(a.slug, a.text) for a in load(tmp_path).articles]
    monkeypatch.setattr(cache_module, "PARALLEL_MIN", 2)
    monkeypatch.setattr(cache_module.os, "cpu_count", lambda: 2)
    assert cache_module._compute([(s, t, None) for s, t in items]) == [analyse(s, t) for s, t in items]


def test_check_reads_the_cache_but_never_writes_it(corpus_project):
    run_briefing("check", cwd=corpus_project)
    assert not (Project(corpus_project).extract_cache).exists()


def test_a_run_with_nothing_changed_writes_nothing_and_says_so(corpus_project):
    first = run_briefing("generate", cwd=corpus_project)
    assert first.returncode == 0, first.stderr
    stats = output_stats(Project(corpus_project))
    article = corpus_project / "content/articles/aid-convoy-reaches-town.md"
    article.write_bytes(article.read_bytes())  # a new mtime, the same bytes: still nothing to do
    again = run_briefing("generate", cwd=corpus_project)
    assert again.returncode == 0, again.stderr
    assert "no input changed" in again.stdout and " 0 file(s) written" in again.stdout
    assert output_stats(Project(corpus_project)) == stats
    assert first.stderr == again.stderr  # the warnings are reported again


@pytest.mark.parametrize("change", ["edit article", "edit output", "delete output", "edit template"])
def test_any_changed_input_or_output_runs_the_pipeline_again(corpus_project, monkeypatch, change):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    page = Project(corpus_project).docs / "articles/aid-convoy-reaches-town.md"
    expected = page.read_text("utf-8")
    article = corpus_project / "content/articles/aid-convoy-reaches-town.md"
    if change == "edit article":
        article.write_text(article.read_text("utf-8") + "\nThe convoy left again on Friday.\n", "utf-8")
    elif change == "edit output":
        page.write_text("tampered\n", "utf-8")
    elif change == "delete output":
        page.unlink()
    else:
        (corpus_project / "templates").mkdir(exist_ok=True)
        (corpus_project / "templates/README.txt").write_text("a project template folder", "utf-8")
    result = run(corpus_project, build=False)
    assert not result.skipped
    if change == "edit article":
        assert "The convoy left again on Friday." in page.read_text("utf-8")
    else:
        assert page.read_text("utf-8") == expected


def test_a_failed_run_leaves_no_state_to_skip_with(corpus_project, monkeypatch):
    monkeypatch.chdir(corpus_project)
    run(corpus_project, build=False)
    assert Project(corpus_project).state_file.exists()
    (corpus_project / "content/people.yml").write_text("people: [\n", "utf-8")
    assert run_briefing("generate", cwd=corpus_project).returncode == 1
    (corpus_project / "content/people.yml").write_text("people: []\n", "utf-8")
    assert not run(corpus_project, build=False).skipped


def test_one_new_article_rewrites_only_the_pages_it_changes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_project(tmp_path, 40)
    run(tmp_path, build=False)
    before = output_stats(Project(tmp_path))
    write_article(tmp_path, 40)
    result = run(tmp_path, build=False)
    written = set(result.report.written)
    after = output_stats(Project(tmp_path))
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert {f"build/docs/{p}" for p in written} | {"build/people.suggested.yml"} >= changed
    new_page = next(p for p in written if p.startswith("articles/2024-"))
    assert {"articles/index.md", "index.md", "whats-new.md", new_page} <= written
    assert len(written) <= 22  # 20 before stories; a new article now also changes its story page and the stories index
    assert not any(p.startswith("articles/2024-") and p != new_page for p in written)


def test_indexed_story_grouping_equals_comparing_every_story(tmp_path, monkeypatch):
    write_project(tmp_path, 150)
    content = load(tmp_path)
    briefing = curate(content, {a.slug: analyse(a.slug, a.text).extraction for a in content.articles})
    inputs = story_inputs(list(briefing.articles))
    indexed = stories_module.group(inputs)
    original = stories_module._best_story

    def every_story(i, stories, lead, full, candidates, days, spans):  # no index, no cheap date test
        return original(i, stories, lead, full, range(len(stories)), days, [None] * len(stories))

    monkeypatch.setattr(stories_module, "_best_story", every_story)
    assert stories_module.group(inputs) == indexed
    assert any(len(g) > 1 for g in indexed)  # the corpus does group


def test_one_new_article_works_out_only_its_story_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_project(tmp_path, 40)
    run(tmp_path, build=False)
    computed = []
    original = story_cache.story_points

    def counting(members, first, never):
        computed.append([a.slug for a in members])
        return original(members, first, never)

    monkeypatch.setattr(story_cache, "story_points", counting)
    write_article(tmp_path, 40)
    result = run(tmp_path, build=False)
    new = next(ab.article.slug for ab in result.briefing.articles if "-00040-" in ab.article.slug)
    assert len(computed) == 1  # the story the new article joins (or starts); every other one from the cache
    assert set(computed[0]) == {ab.article.slug for ab in result.briefing.story_of(new).articles}
    uncached = curate(load(tmp_path), {a.article.slug: a.extraction for a in result.briefing.articles})
    assert [(s.id, s.points) for s in uncached.stories] == [(s.id, s.points) for s in result.briefing.stories]


def test_pagefind_from_a_size_or_when_asked():
    assert search_engine("auto", PAGEFIND_FROM - 1) == "material"
    assert search_engine("auto", PAGEFIND_FROM) == "pagefind"
    assert search_engine("pagefind", 3) == "pagefind" and search_engine("material", 10_000) == "material"


def set_search(project: Path, engine: str) -> None:
    config = project / "content/briefing.yml"
    config.write_text(config.read_text("utf-8") + f"\nsearch: {engine}\n", "utf-8")


@pytest.mark.parametrize("engine", ["material", "pagefind"])
def test_properdocs_builds_the_same_site(corpus_project, tmp_path, engine):
    """The generated Markdown and mkdocs.yml build with ProperDocs, strictly, into the same pages."""
    set_search(corpus_project, engine)
    assert run_briefing("build", cwd=corpus_project).returncode == 0
    config = (corpus_project / "mkdocs.yml").read_text("utf-8")
    assert ("briefing_search: pagefind" in config) == (engine == "pagefind")
    out = tmp_path / "properdocs-site"
    proc = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=corpus_project, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    site = corpus_project / "site"
    assert pages == {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts}
    article = (out / "articles/aid-convoy-reaches-town/index.html").read_text("utf-8")
    assert 'class="briefing-sentence" id="s-' in article
    assert ('id="briefing-search"' in article) == (engine == "pagefind")
    if engine == "pagefind":
        assert (site / "pagefind/pagefind-ui.js").is_file() and not (site / "search/search_index.json").exists()


def test_a_cache_that_cannot_be_written_only_costs_time(corpus_project):
    blocker = Project(corpus_project).extract_cache
    blocker.parent.mkdir(parents=True)
    blocker.write_text("not a folder", "utf-8")  # every entry's folder fails to be made
    items = [(a.slug, a.text) for a in load(corpus_project).articles]
    assert ExtractionCache(Project(corpus_project)).analyse_all(items) == {s: analyse(s, t) for s, t in items}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("seed", [1])
def test_incremental_runs_give_the_pages_of_a_cold_run(tmp_path, monkeypatch, seed):
    """Random add / remove / edit sequences: every cache (load, extraction, story points, pages)
    warm, the generated tree is byte for byte what a run from nothing gives."""
    rng = random.Random(seed)
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    monkeypatch.chdir(tmp_path)
    write_project(warm, 30)
    run(warm, build=False)
    next_article = 30
    for _ in range(3):
        articles = sorted((warm / "content/articles").glob("*.md"))
        action = rng.choice(["add", "remove", "edit"])
        if action == "add":
            write_article(warm, next_article)
            next_article += 1
        elif action == "remove":
            rng.choice(articles).unlink()
        else:
            victim = rng.choice(articles)
            victim.write_text(victim.read_text("utf-8") + "\nOfficials said the talks would resume on Monday.\n", "utf-8")
        run(warm, build=False)
        shutil.rmtree(cold, ignore_errors=True)
        shutil.copytree(warm / "content", cold / "content")
        run(cold, build=False)
        history = {"whats-new.md", "feed.xml"}  # what earlier builds published: the cold copy has none
        same = {k: v for k, v in _tree(Project(warm).docs).items() if k not in history}
        assert same == {k: v for k, v in _tree(Project(cold).docs).items() if k not in history}, action


def test_a_page_is_rendered_again_only_when_its_own_context_changed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_project(tmp_path, 30)
    run(tmp_path, build=False)
    rendered: list[str] = []
    original = PageMemo.render

    def counting(self, env, template, jobs):
        pages = original(self, env, template, jobs)
        rendered.extend(p.path for p in pages if p.text is not None)
        return pages

    monkeypatch.setattr(PageMemo, "render", counting)
    write_article(tmp_path, 30)
    result = run(tmp_path, build=False)
    new = next(ab for ab in result.briefing.articles if "-00030-" in ab.article.slug)
    assert f"articles/{new.article.slug}.md" in rendered
    assert len([p for p in rendered if p.startswith("articles/")]) <= 3  # the new one, and copies it joins
    assert len(rendered) < 15


def test_the_same_input_gives_the_same_pages_whatever_the_hash_seed(tmp_path):
    """Sets iterate in an order that changes with PYTHONHASHSEED; no output may depend on it."""
    write_project(tmp_path / "a", 60)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    for name, seed in (("a", "1"), ("b", "2")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=tmp_path / name, env=env, check=True,
                       capture_output=True)
    assert _tree(Project(tmp_path / "a").docs) == _tree(Project(tmp_path / "b").docs)
