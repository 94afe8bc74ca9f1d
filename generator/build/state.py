"""Skipping a run that has nothing to do, as make does.

After each successful generate or build, build/state.json records a digest of every input (the
generator's own code and templates, content/, the project's templates/, the build date and the
options, and history/ as the run left it) and the size and modification time of every file the
run produced. A later run whose inputs hash the same, and whose outputs are all still as that run
left them, has nothing to render: it prints the recorded summary and warnings and writes nothing. Anything else, from an
edited article to a deleted page under build/docs/, runs the whole pipeline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from generator.errors import Problem
from generator.files import tree_digest, write_atomic
from generator.project import PACKAGE_TEMPLATES, Project

PACKAGE = Path(__file__).resolve().parent.parent  # generator/


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts a run reports."""

    articles: int
    quotes: int
    speakers: int
    questions: int
    suggestions: int


@dataclass(frozen=True, slots=True)
class State:
    """What the last successful run saw and produced."""

    inputs: str
    outputs: dict[str, list[int]]
    summary: Summary
    warnings: tuple[Problem, ...]


@cache
def code_digest() -> str:
    """A hash of the generator's code and its own templates."""
    h = hashlib.sha256()
    tree_digest(h, PACKAGE, "generator")
    tree_digest(h, PACKAGE_TEMPLATES, "templates")
    return h.hexdigest()


def inputs_digest(project: Project, options: str) -> str:
    """A hash of what a run reads before it writes: code, content/, templates/ and the options
    (with the folder messages are shown from: recorded warnings are replayed as they were)."""
    h = hashlib.sha256(f"{code_digest()}\0{options}\0{project.shown_from or project.root}\0".encode())
    for folder in project.inputs:
        tree_digest(h, folder, folder.name)
    return h.hexdigest()


def with_history(project: Project, inputs: str) -> str:
    """inputs_digest with history/ folded in: read as a run starts, written when a build ends."""
    h = hashlib.sha256(inputs.encode())
    tree_digest(h, project.history, "history")
    return h.hexdigest()


def output_stats(project: Project) -> dict[str, list[int]]:
    """Size and modification time of every file the run generates (project.outputs)."""
    root = project.root
    stats = {}
    for path in project.outputs:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                st = f.stat()
            except OSError:
                continue
            stats[f.relative_to(root).as_posix()] = [st.st_size, st.st_mtime_ns]
    return stats


def load(project: Project) -> State | None:
    """The recorded state, or None when there is none or it cannot be read."""
    try:
        data = json.loads(project.state_file.read_text("utf-8"))
        return State(
            inputs=data["inputs"],
            outputs=data["outputs"],
            summary=Summary(**data["summary"]),
            warnings=tuple(Problem(**p) for p in data["warnings"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def unchanged(project: Project, inputs: str) -> State | None:
    """The recorded state when nothing changed since it was recorded, else None."""
    state = load(project)
    if state is None or state.inputs != inputs:
        return None
    return state if output_stats(project) == state.outputs else None


def save(project: Project, state: State) -> None:
    """Record the state of a successful run."""
    path = project.state_file
    data = {
        "inputs": state.inputs,
        "summary": asdict(state.summary),
        "warnings": [asdict(p) for p in state.warnings],
        "outputs": state.outputs,
    }
    write_atomic(path, json.dumps(data, sort_keys=True).encode("utf-8"))


def forget(project: Project) -> None:
    """Drop the recorded state (before a run that may fail half way)."""
    project.state_file.unlink(missing_ok=True)
