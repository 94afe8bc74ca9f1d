"""User-facing errors: one exception type, every problem located as path:line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.project import Project


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in the user's input."""

    path: str
    line: int | None
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


class BriefingError(Exception):
    """Bad input or a failed step; the CLI prints each problem and exits 1, without a traceback."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("briefing", None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str, project: Project | None = None) -> str:
    """Show a path as the user would type it: relative to the folder they run in when inside it."""
    p = Path(path)
    if project is None:
        return str(p)
    return project.shown(p if p.is_absolute() else project.root / p)


@dataclass
class Diagnostics:
    """Collects every problem of a stage so that all are reported together."""

    project: Project | None = None
    problems: list[Problem] = field(default_factory=list)

    def error(self, path: Path | str, line: int | None, message: str) -> None:
        """Record an error at path:line."""
        self.problems.append(Problem(display_path(path, self.project), line, message))

    def warn(self, path: Path | str, line: int | None, message: str) -> None:
        """Record a warning at path:line."""
        self.problems.append(Problem(display_path(path, self.project), line, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def raise_if_errors(self, strict: bool = False) -> None:
        """Raise BriefingError when there are errors (or warnings, when strict), listing every
        problem collected so far, warnings included."""
        if self.errors or (strict and self.problems):
            raise BriefingError(sorted(self.problems, key=lambda p: (p.path, p.line or 0)))
