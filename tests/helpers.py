"""Test helpers: paths, temporary files, the CLI runner, tree digests."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "corpus"
MINIMAL_BRIEFING = "title: Test briefing\n"


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files under root from a {relative path: text or bytes} dict."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


class Result:
    """Exit code and the two output streams of a CLI run."""

    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr


def run_cli(*args: str, stdin: str | None = None) -> Result:
    """Run `briefing ARGS` in-process through click's CliRunner."""
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def run_briefing(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, input=stdin, capture_output=True, text=True
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Hash every file under folder, to prove a command left it byte-identical."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
