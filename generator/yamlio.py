"""Safe YAML reading with line numbers for every value, for schema validation and messages.

Aliases are refused (no billion laughs), only the standard tags are allowed (no python objects)
and duplicate keys are errors rather than silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

Path_ = tuple  # a key path into the document, e.g. ("authors", 0)

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


class YamlProblem(Exception):
    """A YAML document that cannot be read; carries the 1-based line."""

    def __init__(self, line: int | None, message: str):
        self.line = line
        self.message = message
        super().__init__(message)


@dataclass
class YamlDoc:
    """A parsed document: plain Python values plus the line of every key path."""

    value: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, path: tuple) -> int | None:
        """Return the line of path, or of its nearest located ancestor."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(event.start_mark.line + 1, "YAML aliases (*name) are not allowed")
        return super().compose_node(parent, index)


def content_line(line: str) -> bool:
    """Whether a line of YAML holds content: not blank, not only a comment."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def one_line(text: str, limit: int | None = None) -> str:
    """Text safe inside a YAML comment or a message: one line, printable, cut at limit characters."""
    text = "".join(c if c.isprintable() else " " for c in " ".join(text.split()))
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(n: int) -> str:
    return "1 space" if n == 1 else f"{n} spaces"


def _shown(lines: list[str], numbers: list[int], offset: int, column: int | None = None) -> str:
    """Lines of the file as an editor sees them, numbered, with a caret under a column."""
    width = len(str(max(numbers) + 1 + offset))
    out = [f"    {n + 1 + offset:>{width}} | {lines[n]}" for n in numbers]
    if column is not None:
        out.append(f"    {'':>{width}} | {' ' * column}^")
    return "\n".join(out)


def explain(text: str, exc: yaml.MarkedYAMLError, offset: int = 0) -> tuple[int | None, str]:
    """A YAML syntax error in words an editor can act on, with the lines concerned.

    Most errors in hand-edited YAML are indentation: a key indented more or less than the keys of
    the item above it, a tab, or a value holding ": " without quotes."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "not valid YAML"
    if mark is None:
        return None, f"invalid YAML: {problem}"
    lines = text.split("\n")
    k = min(mark.line, len(lines) - 1)
    bad = lines[k]
    number = k + 1 + offset
    if "\t" in bad[: len(bad) - len(bad.lstrip())]:
        shown = _shown(lines, [k], offset)
        return number, f"invalid YAML: line {number} is indented with a tab; indent with spaces only\n{shown}"
    above = next((j for j in range(k - 1, -1, -1) if content_line(lines[j])), None)
    if above is None or not content_line(bad):
        return number, f"invalid YAML: {problem}"
    prev = lines[above]
    item = prev.lstrip().startswith("- ")
    keys_at = _indent(prev) + (2 if item else 0)  # where the keys of the item above start
    what = "the item above it" if item or any(lines[j].lstrip().startswith("- ") for j in range(above)) else "the line above it"
    indent = _indent(bad)
    opens_block = prev.rstrip().endswith(":") and not item
    first_colon = bad.find(": ") if ": " in bad else bad.find(":")
    shown = _shown(lines, [above, k], offset, mark.column if mark.line == k else None)
    if bad.lstrip().startswith("- "):  # a list item: its dash goes under the dashes of its list
        dashes = [j for j in range(k - 1, -1, -1) if lines[j].lstrip().startswith("- ")]
        if dashes and _indent(lines[dashes[0]]) != indent:
            j = dashes[0]
            more = "more" if indent > _indent(lines[j]) else "less"
            return number, (f"invalid YAML: line {number} is indented {more} than the item above it ({_spaces(indent)} "
                            f"where the “-” on line {j + 1 + offset} has {_spaces(_indent(lines[j]))}); line up the dashes "
                            f"of one list\n{_shown(lines, [j, k], offset, mark.column if mark.line == k else None)}")
    if problem == "mapping values are not allowed here" and 0 <= first_colon < mark.column:
        return number, (f"invalid YAML: line {number} has a value with “: ” in it; put the value in quotes, "
                        f"as in text: \"…: …\"\n{shown}")
    if indent > keys_at and not opens_block:
        return number, (f"invalid YAML: line {number} is indented more than {what} ({_spaces(indent)} where "
                        f"line {above + 1 + offset} has {_spaces(keys_at)}); line up the keys of one item\n{shown}")
    if indent < keys_at and (problem.startswith("expected <block end>") or problem.startswith("mapping values")):
        return number, (f"invalid YAML: line {number} is indented less than {what} ({_spaces(indent)} where "
                        f"line {above + 1 + offset} has {_spaces(keys_at)}); line up the keys of one item\n{shown}")
    if problem.startswith("expected <block end>, but found '-'"):
        return number, (f"invalid YAML: line {number} starts a list item where the keys of {what} stand; "
                        f"put its “-” under the “-” of line {above + 1 + offset}\n{shown}")
    return number, f"invalid YAML: {problem}"


def parse_yaml(text: str, offset: int = 0) -> YamlDoc:
    """Parse one YAML document into a YamlDoc; raise YamlProblem with a line on any problem.

    offset: the lines before the text in its file (front matter), for line numbers in messages."""
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
    except YamlProblem as exc:
        raise YamlProblem(exc.line + offset if exc.line else None, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        line, message = explain(text, exc, offset)
        raise YamlProblem(line, message) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    doc = YamlDoc(None)
    if node is None:
        return doc
    try:
        doc.value = _construct(node, (), doc, loader)
    except YamlProblem as exc:
        raise YamlProblem(exc.line + offset if exc.line else None, exc.message) from None
    return doc


def _construct(node: yaml.Node, path: tuple, doc: YamlDoc, loader: yaml.SafeLoader) -> object:
    doc.lines[path] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        raise YamlProblem(node.start_mark.line + 1, f"the YAML tag {node.tag!r} is not allowed")
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "mapping keys must be plain scalars")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(key_node.start_mark.line + 1, "YAML merge keys (<<) are not allowed")
            key = _construct(key_node, path + ("<key>",), doc, loader)
            if not isinstance(key, str | int):
                key = str(key)
            if key in result:
                first = doc.lines.get(path + (key,))
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    f"duplicate key {key!r} (first defined on line {first})",
                )
            result[key] = _construct(value_node, path + (key,), doc, loader)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
        doc.lines.pop(path + ("<key>",), None)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path + (i,), doc, loader) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        # An impossible date such as 2024-13-45: keep the text, the schema says what was expected.
        return node.value
