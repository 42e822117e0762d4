"""YAML read as a node tree so every value keeps its line number.

PyYAML's constructor forgets lines, silently keeps the last of two duplicate keys and
turns ``no`` into False or ``2022-01-01`` into a date. We compose nodes (C loader when
available: ~8x faster on many small files) and build plain values ourselves: strings
stay strings unless a schema asks for a number, and every such surprise is a Problem.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG_WORD = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}
# YAML 1.1 booleans that YAML 1.2 and most editors read as text.
_YAML11_BOOL = {"y", "n", "yes", "no", "on", "off"}


@dataclass(frozen=True)
class Value:
    """A plain value with where it came from."""

    value: Any
    """str, int, float, bool, None, list[Value] or dict[str, Value]."""
    line: int
    """1-based line of the value in its file."""
    tag: str = "str"
    """What a plain scalar resolved to: str, bool, null, int, float, date."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """For mappings: the line of each key (where a 'missing' or 'unknown' is reported)."""


def parse_yaml(text: str, path: str) -> tuple[Value | None, list[Problem]]:
    """Parse one YAML document; syntax errors and duplicate keys become Problems."""
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or str(exc)
        if "\t" in text and "found character '\\t'" in str(exc):
            what = "a tab character; indent with spaces"
        return None, [Problem(path, line, "-", f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 0, "-", f"YAML syntax error: {exc}")]
    if node is None:
        return None, [Problem(path, 1, "-", "the file is empty")]
    problems: list[Problem] = []
    return _build(node, path, "", problems), problems


def _build(node: yaml.Node, path: str, where: str, problems: list[Problem]) -> Value:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Value] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1
            child = f"{where}.{key}" if where else key
            if key in items:
                problems.append(Problem(path, key_line, child,
                    f"duplicate key (first on line {key_lines[key]}); keep one of them"))
                continue
            key_lines[key] = key_line
            items[key] = _build(value_node, path, child, problems)
        return Value(items, line, "map", key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Value([_build(n, path, f"{where}[{i}]", problems)
                      for i, n in enumerate(node.value)], line, "list")
    assert isinstance(node, yaml.ScalarNode)
    plain = not node.style  # the C loader says '' where the Python one says None
    if not plain or node.tag == "tag:yaml.org,2002:str":
        if plain and node.value.lower() in _YAML11_BOOL:
            return Value(node.value, line, "bool")
        return Value(node.value, line, "str")
    tag = {"tag:yaml.org,2002:bool": "bool", "tag:yaml.org,2002:null": "null",
           "tag:yaml.org,2002:int": "int", "tag:yaml.org,2002:float": "float",
           "tag:yaml.org,2002:timestamp": "date"}.get(node.tag, "str")
    value: Any = node.value
    if tag == "int":
        try:
            value = int(node.value.replace("_", ""), 0)
        except ValueError:
            tag = "str"
    return Value(value, line, tag)


def tag_word(tag: str) -> str:
    """How a resolved tag is named in a message."""
    return _TAG_WORD.get(f"tag:yaml.org,2002:{tag}" if tag != "date" else
                         "tag:yaml.org,2002:timestamp", tag)
