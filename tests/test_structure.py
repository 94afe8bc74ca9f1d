"""The package shows its pipeline: five stage packages that depend only on earlier stages and on
the shared modules, and no import cycle among modules."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
STAGES = ("load", "extract", "curate", "render", "build")
SHARED = {"model", "errors", "dates", "yamlio", "escape", "files", "project"}  # below every stage
ENTRY = {"cli", "pipeline", "add", "new", "jsonl", "serve", "__main__", "__init__"}  # above every stage


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The generator modules a file imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if (PACKAGE.parent / sub.replace(".", "/")).with_suffix(".py").exists() else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
    return found


@cache
def modules() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py")) if "templates" not in p.parts}


def layer(module: str) -> int:
    """0 for shared modules, 1-5 for the stages in pipeline order, 6 for the entry points."""
    parts = module.split(".")
    if len(parts) == 1:
        return 6
    if parts[1] in STAGES:
        return 1 + STAGES.index(parts[1])
    if parts[1] in SHARED:
        return 0
    assert parts[1] in ENTRY, f"{module}: a module outside the five stages, the shared modules and the entry points"
    return 6


def test_the_package_has_the_five_stages_each_with_a_docstring():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), f"generator/{stage}/ is not a package"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"generator/{stage}/__init__.py says nothing"
    flat = {p.stem for p in PACKAGE.glob("*.py")}
    assert flat <= SHARED | ENTRY, f"modules outside the stages: {sorted(flat - SHARED - ENTRY)}"


def test_stages_depend_only_on_earlier_stages():
    wrong = [
        f"{m} imports {i}"
        for m, deps in modules().items()
        for i in deps
        if layer(i) > layer(m) and not (layer(m) == 6 and layer(i) == 6)
    ]
    assert not wrong, wrong


def test_no_import_cycle():
    known = modules()
    graph = {m: {d for d in deps if d in known and d != m} for m, deps in known.items()}
    graph = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}  # a package's own __init__
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(trail[trail.index(d):] + [d] if d in trail else [m, d])
            elif d not in state:
                visit(d, trail + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, cycles


def test_every_project_path_comes_from_the_project_value():
    """No module but project.py spells a project folder, and only the CLI asks for the current one."""
    folders = ("content", "build", "site", "history", "templates", "mkdocs.yml")
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "project.py" or "templates" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "cwd" and path.name != "cli.py":
                wrong.append(f"{path.name}:{node.lineno}: Path.cwd()")
            # a folder name joined to a path: `x / "content"`, Path("build")
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant):
                if str(node.right.value).split("/")[0] in folders:
                    wrong.append(f"{path.name}:{node.lineno}: / {node.right.value!r}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Path" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and str(arg.value).split("/")[0] in folders:
                    wrong.append(f"{path.name}:{node.lineno}: Path({arg.value!r})")
    assert not wrong, wrong
