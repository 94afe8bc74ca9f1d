"""Property test: random human edits and random article changes, with `briefing curate` in between.

Whatever happens, every line in a curation file before a curate is still there afterwards, in the
same order (apart from the machine's own removable lines: a `stale: true` mark whose sentence came
back, the `[]` of a list that gained items); no suggestion is listed twice; a second curate changes
nothing; and the project still loads.
"""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.curate.curation import STALE_LINE, suggestions
from generator.errors import Diagnostics
from generator.extract import Extraction, extract
from generator.load.content import load
from generator.pipeline import curate_project
from generator.project import Project
from tests.helpers import write_files

SENTENCES = (
    "Port officials said the harbour would reopen on Monday after three weeks of closure.",
    "“We will rebuild the pier within a month,” said Maria Okafor, the mayor of Harbour Town.",
    "Engineers warned that the breakwater could collapse in a winter storm.",
    "“Nothing is agreed until everything is agreed,” Tomas Lindqvist told reporters on Tuesday.",
    "It is not yet clear whether the council will pay for the reconstruction of the port.",
    "The council voted to extend the curfew by two weeks.",
    "Okafor said the curfew would be reviewed “every single week.”",
    "Officials did not say whether the ferry service would resume before the summer.",
    "“The water plant is our first priority,” Lindqvist said.",
    "Fishermen have not been able to go out to sea since January.",
    "The mediators will meet again in Geneva next week to discuss the port.",
    "“No,” said Ann Lee, a fisherman. “We cannot wait another month.”",
)
SLUGS = ("harbour", "pier", "curfew")
REMOVABLE = re.compile(r"^(key_points|quotes|questions): \[\]$")


@functools.cache
def extraction(slug: str, text: str) -> Extraction:
    return extract(slug, text)


def article(slug: str, picks: list[int]) -> str:
    body = "\n\n".join(SENTENCES[i] for i in picks)
    return f"---\ntitle: Story {slug}\npublished: 2025-03-06\n---\n\n{body}\n"


sentence_lists = st.lists(st.integers(0, len(SENTENCES) - 1), min_size=1, max_size=6, unique=True)
article_ops = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(SLUGS), sentence_lists),  # add or change an article
    st.tuples(st.just("remove"), st.sampled_from(SLUGS), st.just([])),
)
human_ops = st.tuples(
    st.sampled_from(("status", "text", "speaker", "comment", "blank", "pin", "reorder")),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)
steps = st.lists(st.one_of(article_ops, human_ops), min_size=2, max_size=10)


def human_edit(lines: list[str], op: str, a: int, b: int) -> list[str]:
    """One edit a person might make; returns the new lines (unchanged when it does not apply)."""
    lines = list(lines)

    def pick(pattern: str) -> int | None:
        hits = [i for i, ln in enumerate(lines) if re.match(pattern, ln)]
        return hits[a % len(hits)] if hits else None

    if op == "status" and (i := pick(r"\s+status: suggested$")) is not None:
        lines[i] = lines[i].replace("suggested", ("approved", "rejected  # off topic")[b % 2])
    elif op == "text" and (i := pick(r"\s+text: ")) is not None:
        lines[i] = lines[i][: lines[i].index("text:")] + f'text: "edited by hand {b}"'
    elif op == "speaker" and (i := pick(r"\s+speaker: ")) is not None:
        lines[i] = lines[i][: lines[i].index("speaker:")] + ("speaker: Someone Else", "speaker: null")[b % 2]
    elif op == "comment":
        lines.insert(a % (len(lines) + 1), " " * (2 * (b % 3)) + f"# note {b}")
    elif op == "blank":
        lines.insert(a % (len(lines) + 1), "")
    elif op == "pin" and (i := pick(r"\s*- id: ")) is not None and not any("pinned:" in ln for ln in item(lines, i)):
        lines.insert(i + 1, " " * (lines[i].index("-") + 2) + "pinned: true")
    elif op == "reorder":
        lines = move_item(lines, a, b)
    return lines


def item(lines: list[str], i: int) -> list[str]:
    """The lines of the item starting at line i."""
    end = next((k for k in range(i + 1, len(lines)) if re.match(r"\s*- id: |[a-z_]+:", lines[k])), len(lines))
    return lines[i:end]


def move_item(lines: list[str], a: int, b: int) -> list[str]:
    """Move one item (its '- id:' line up to the next item or list) elsewhere in its own list."""
    starts = [i for i, ln in enumerate(lines) if re.match(r"\s*- id: ", ln)]
    if len(starts) < 2:
        return lines
    tops = [i for i, ln in enumerate(lines) if re.match(r"[a-z_]+:", ln)]

    def end_of(i: int) -> int:
        nxt = [s for s in starts + tops if s > i]
        return min(nxt) if nxt else len(lines)

    def section_of(i: int) -> int:
        return max(t for t in tops if t < i)

    src = starts[a % len(starts)]
    same = [s for s in starts if section_of(s) == section_of(src) and s != src]
    if not same:
        return lines
    block = lines[src:end_of(src)]
    dst = same[b % len(same)]
    rest = lines[:src] + lines[end_of(src):]
    at = dst if dst < src else dst - len(block)
    return rest[:at] + block + rest[at:]


def assert_kept(old: list[str], new: list[str]) -> None:
    it = iter(new)
    for line in old:
        if line.strip() == STALE_LINE or REMOVABLE.match(line):
            continue
        assert any(line == n for n in it), f"line lost or moved: {line!r}"


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_curate_keeps_every_human_line_and_never_duplicates(ops):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_files(root, {"content/briefing.yml": "title: Property\n"})
        curation = root / "content" / "curation"
        for op, x, y in ops:
            if op == "write":
                write_files(root, {f"content/articles/{x}.md": article(x, y)})
            elif op == "remove":
                (root / f"content/articles/{x}.md").unlink(missing_ok=True)
            else:
                files = sorted(curation.glob("*.yml")) if curation.is_dir() else []
                if files:
                    path = files[x % len(files)]
                    old = path.read_text(encoding="utf-8").splitlines()
                    edited = human_edit(old, op, x, y)
                    if edited != old:
                        event(f"human edit: {op}")
                    path.write_text("\n".join(edited) + "\n", encoding="utf-8")
                continue
            curate_and_check(root, curation)


def curate_and_check(root: Path, curation: Path) -> None:
    before = {p: p.read_text(encoding="utf-8") for p in curation.glob("*.yml")} if curation.is_dir() else {}
    report = curate_project(root)
    for kind in ("added", "stale", "revived", "originals"):
        if getattr(report.stats, kind):
            event(f"curate: {kind}")
    after = {p: p.read_text(encoding="utf-8") for p in curation.glob("*.yml")}
    assert set(before) <= set(after)  # no file is ever deleted
    for path, old in before.items():
        assert_kept(old.splitlines(), after[path].splitlines())
    content = load(root, Diagnostics(project=Project(root)))
    articles = {a.slug: a for a in content.articles}
    for path, text in after.items():
        doc = yaml.safe_load(text) or {}
        ids = [item["id"] for section in ("key_points", "quotes", "questions") for item in (doc.get(section) or [])]
        assert len(ids) == len(set(ids)), f"an item is listed twice in {path.name}"
        if path.stem in articles:
            a = articles[path.stem]
            assert {s.id for s in suggestions(extraction(a.slug, a.text))} <= set(ids)
    assert curate_project(root).updated == ()  # a second run changes nothing
