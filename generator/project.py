"""Where a project keeps everything: one value, built once from the project folder and passed in.

Every path the generator reads or writes is a property here; no other module spells a folder name
or asks for the current directory. `shown_from` is the folder messages show paths relative to
(the user's shell, given by the CLI); without it paths are shown relative to the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    shown_from: Path | None = None

    @staticmethod
    def of(where: Project | Path | str) -> Project:
        """A Project for a folder (or the Project itself)."""
        return where if isinstance(where, Project) else Project(Path(where))

    # content/: the user's data, never written by build, generate or check
    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    @property
    def config_file(self) -> Path:
        return self.content / "briefing.yml"

    @property
    def people_file(self) -> Path:
        return self.content / "people.yml"

    @property
    def questions_file(self) -> Path:
        return self.content / "questions.yml"

    @property
    def stories_file(self) -> Path:
        """The stories, written by `briefing curate`, then the editors'."""
        return self.content / "stories.yml"

    @property
    def curation(self) -> Path:
        """content/curation/<slug>.yml: the editors' decisions, one file per article."""
        return self.content / "curation"

    @property
    def templates(self) -> Path:
        """The project's own templates, before the bundled ones."""
        return self.root / "templates"

    @property
    def inputs(self) -> tuple[Path, ...]:
        """The folders whose files make a run's input (besides history/ and the generator itself)."""
        return (self.content, self.templates)

    # build/: generated, disposable
    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def docs(self) -> Path:
        return self.build / "docs"

    @property
    def theme(self) -> Path:
        return self.build / "theme"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def suggestions(self) -> Path:
        return self.build / "people.suggested.yml"

    @property
    def cache(self) -> Path:
        return self.build / "cache"

    @property
    def extract_cache(self) -> Path:
        return self.cache / "extract"

    @property
    def story_cache(self) -> Path:
        return self.cache / "stories"

    @property
    def load_cache(self) -> Path:
        return self.cache / "load.pickle"

    @property
    def page_memo(self) -> Path:
        return self.cache / "pages.json"

    @property
    def state_file(self) -> Path:
        return self.build / "state.json"

    @property
    def lock_file(self) -> Path:
        return self.build / ".lock"

    @property
    def outputs(self) -> tuple[Path, ...]:
        """What generate writes: the Markdown tree, the theme overrides, mkdocs.yml, the suggestions."""
        return (self.docs, self.theme, self.mkdocs_yml, self.suggestions)

    # site/: the built site, swapped in whole
    @property
    def site(self) -> Path:
        return self.root / "site"

    # history/: what earlier builds published (kept, not disposable)
    @property
    def history(self) -> Path:
        return self.root / "history"

    @property
    def snapshot_file(self) -> Path:
        return self.history / "published.json"

    @property
    def changes_file(self) -> Path:
        return self.history / "changes.jsonl"

    def shown(self, path: Path) -> str:
        """path as messages show it: relative to shown_from (else the project) when inside it."""
        base = self.shown_from or self.root
        for b in (base, base.resolve()):  # the path itself is not resolved: it may be a link
            if path.is_relative_to(b):
                return str(path.relative_to(b))
        return str(path)


def bundled_templates() -> Path:
    """The templates briefing ships: generator/templates/ in an installed wheel, the top-level
    templates/ folder in a checkout (an editable install)."""
    package = Path(__file__).resolve().parent  # generator/
    inside = package / "templates"
    return inside if inside.is_dir() else package.parent / "templates"


PACKAGE_TEMPLATES = bundled_templates()
