"""Packaging: the dependency list resolves cleanly, and the wheel works outside this repository."""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

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


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_the_wheel_makes_builds_and_serves_a_project_outside_this_repository(tmp_path):
    """Build the wheel, install it in a fresh venv (offline: its dependencies come from this .venv,
    not from an index) and, in an empty folder, run briefing new, add and build."""
    src = tmp_path / "src"  # the sources a wheel is made of, away from this checkout's build/ folder
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
        "--disable-pip-version-check", "-w", tmp_path / "dist", src, cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("briefing-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    assert "generator/templates/home.md.j2" in names and "generator/templates/theme/main.html" in names
    assert "generator/templates/assets/briefing.css" in names and "generator/templates/brief.html.j2" in names
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")  # mkdocs & co., no index
    run(sys.executable, "-m", "pip", "--python", venv / "bin/python", "install", "--no-deps", "--no-index", "-q",
        "--disable-pip-version-check", wheel, cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    where = run(venv / "bin/python", "-c", "import generator.project as p; print(p.PACKAGE_TEMPLATES)", cwd=empty, env=env)
    assert Path(where.stdout.strip()).is_relative_to(site)  # the package's own templates, not this checkout's
    made = run("briefing", "new", "port-strike", "--title", "Port strike", "--topic", "The harbour strike", cwd=empty, env=env)
    assert "content/briefing.yml" in made.stdout
    project = empty / "port-strike"
    assert 'topic: "The harbour strike"' in (project / "content/briefing.yml").read_text()
    assert (project / "content/articles").is_dir() and not any((project / "content/articles").iterdir())
    story = empty / "story.txt"
    story.write_text("Dock workers strike for a second week\n\nPublished 3 June 2024\n\n"
                     "“We will stay out until the port listens,” said Ana Ruiz, a crane driver.\n\n"
                     "The strike has halted half of the country's container traffic, officials said.\n", encoding="utf-8")
    run("briefing", "add", story, cwd=project, env=env)
    (project / "templates/assets").mkdir(parents=True)
    (project / "templates/assets/briefing.css").write_text("/* the project's own */\n")  # still overrides
    built = run("briefing", "build", cwd=project, env=env)
    assert "built site/" in built.stdout
    assert "Dock workers strike for a second week" in (project / "site/index.html").read_text()
    assert (project / "site/brief.html").is_file() and (project / "site/feed.xml").is_file()
    assert (project / "site/assets/briefing.css").read_text() == "/* the project's own */\n"


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, monkeypatch):
    from tests.helpers import run_cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine\n")
    result = run_cli("new", "taken")
    assert result.exit_code == 1 and "taken: is not empty; briefing new makes a project in a new or empty folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]
    fresh = run_cli("new", "gaza-ceasefire")
    assert fresh.exit_code == 0, fresh.stderr
    assert 'title: "Gaza ceasefire"' in (tmp_path / "gaza-ceasefire/content/briefing.yml").read_text()
    assert run_cli("check", "-C", "gaza-ceasefire").exit_code == 0
