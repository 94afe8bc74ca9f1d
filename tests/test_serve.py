"""The serve loop's pieces: change detection and regeneration that reports instead of stopping."""

from generator.project import Project
from generator.serve import regenerate, snapshot


def test_snapshot_sees_changes(corpus_project):
    before = snapshot(Project(corpus_project))
    assert any(p.endswith("harbour-talks-stall.txt") for p in before)
    (corpus_project / "content/articles/new-one.txt").write_text("A new body sentence here.\n")
    assert snapshot(Project(corpus_project)) != before


def test_regenerate_reports_errors_and_keeps_pages(corpus_project, monkeypatch, capsys):
    monkeypatch.chdir(corpus_project)
    regenerate(Project(corpus_project))
    page = corpus_project / "build/docs/index.md"
    good = page.read_bytes()
    (corpus_project / "content/briefing.yml").write_text("title: [broken\n")
    regenerate(Project(corpus_project))
    err = capsys.readouterr().err
    assert "content/briefing.yml:2: invalid YAML" in err and "serving the last good pages" in err
    assert page.read_bytes() == good
