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


def parse_yaml(text: str) -> YamlDoc:
    """Parse one YAML document into a YamlDoc; raise YamlProblem with a line on any problem."""
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlProblem(line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    doc = YamlDoc(None)
    if node is None:
        return doc
    doc.value = _construct(node, (), doc, loader)
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
