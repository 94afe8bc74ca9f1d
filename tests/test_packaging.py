"""Packaging: the dependency list resolves cleanly, and the wheel works outside this repository."""

import subprocess
import sys
from importlib import metadata

from tests.helpers import ROOT


def test_dependencies_resolve_without_warnings():
    """No requirement asks for an extra its package does not provide (as an old pip reads lxml's)."""
    runtime = [r.split(";")[0].strip() for r in metadata.requires("briefing") or () if "extra ==" not in r]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "--disable-pip-version-check",
         "-c", str(ROOT / "constraints.txt"), *runtime],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "does not provide the extra" not in proc.stdout + proc.stderr
