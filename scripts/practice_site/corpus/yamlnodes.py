"""YAML read as a node tree so every value keeps its line number.

PyYAML's constructor forgets lines, silently keeps the last of two duplicate keys and
turns ``no`` into False or ``2022-01-01`` into a date. We compose nodes (C loader when
available: ~8x faster on many small files) and build plain values ourselves: strings
stay strings unless a schema asks for a number, and every such surprise is a Problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from practice_site.corpus.problems import Problem, field_name

_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG_WORD = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}
# YAML 1.1 booleans that YAML 1.2 and most editors read as text.
_YAML11_BOOL = {"y", "n", "yes", "no", "on", "off"}
MAX_DEPTH = 40
"""Nesting levels a data file may use (a record needs four). Building deeper values would
exhaust Python's stack long before libyaml's own limit of 1,000 levels."""
# The value part of a line: after "- " and/or "key: ".
_VALUE = re.compile(r"^\s*(?:-\s+)*(?:[^\s:\"'][^:]*:\s+)?(.*)$")


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


def parse_yaml(text: str, path: str, whole: str = "file",
               holds: str = "") -> tuple[Value | None, list[Problem]]:
    """Parse one YAML document; syntax errors and duplicate keys become Problems. ``whole``
    is the field of a problem of the whole file (what the file is: ``practice record``),
    ``holds`` what it must hold (said when it is empty)."""
    try:
        node = yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or str(exc)
        start = exc.context_mark
        if exc.context and start and mark and start.line != mark.line:
            what += f" ({exc.context} that starts on line {start.line + 1})"
        lines = text.split("\n")
        at = lines[mark.line] if mark and mark.line < len(lines) else ""
        rest = "\n".join([at[mark.column:], *lines[mark.line + 1:]]) if mark else text
        return None, [Problem(path, line, whole, f"YAML syntax error: {what}{_hint(at, mark, rest)}")]
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (NUL, most controls, U+FFFE): the pure-Python reader
        # reports it with a multi-line text and an offset, not a line.
        char = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
        # libyaml counts the offset in UTF-8 bytes, PyYAML's reader in characters.
        if _YamlLoader is yaml.SafeLoader:
            line = text[: exc.position].count("\n") + 1
        else:
            line = text.encode("utf-8", "surrogatepass")[: exc.position].count(b"\n") + 1
        return None, [Problem(path, line, whole, f"contains a character YAML does not allow "
                              f"(U+{char:04X}, invisible or a control character); retype the "
                              "text around it")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 0, whole, "YAML syntax error: " + " ".join(str(exc).split()))]
    if node is None:
        return None, [Problem(path, 1, whole, "the file is empty" + (f"; write {holds}" if holds else ""))]
    problems: list[Problem] = []
    try:
        return _build(node, path, "", problems, set(), whole, 0), problems
    except _Refused as refused:
        return None, [Problem(path, refused.line, refused.where or whole, refused.message)]


class _Refused(Exception):
    """A document refused whole (aliases, runaway nesting): one problem, no values."""

    def __init__(self, line: int, where: str, message: str):
        self.line, self.where, self.message = line, where, message


def _hint(line: str, mark: yaml.Mark | None, rest: str) -> str:
    """What the editor most likely did, from the line YAML stopped at and the text after it."""
    if not rest.strip():
        # A save cut off half-way (an editor's autosave, a full disk) ends inside [ { or ".
        return ("; the file ends before a [ , { or \" opened above is closed: it looks "
                "truncated (saved half-written?)")
    if "\t" in line[: (mark.column if mark else 0) + 1]:
        return " (a tab character); indent with spaces, never tabs"
    value = _VALUE.match(line)
    text = value.group(1) if value else ""
    # `"" in "*&..."` is True: a blank line (a file cut off inside an open [) has no first
    # character to blame.
    if text and text[0] in "*&!@`%":
        return (f"; text that starts with {text[0]} (a mask, for example) must be in "
                f"double quotes: \"{text.strip()}\"")
    if ": " in text:
        return "; text that contains ': ' must be in double quotes"
    return ""


def _build(node: yaml.Node, path: str, where: str, problems: list[Problem],
           seen: set[int], whole: str, depth: int) -> Value:
    line = node.start_mark.line + 1
    if id(node) in seen:
        # Only an alias (*name) reaches a node twice; expanding aliases of aliases is how a
        # few lines of YAML become a billion values. Records never need them.
        raise _Refused(line, where, "YAML anchors and aliases (&name, *name) are not allowed; "
                       "write the value out")
    if depth > MAX_DEPTH:
        top = re.match(r"[^.\[]*", where).group(0)  # type: ignore[union-attr]  # the field, not 40 [0]s
        raise _Refused(line, top, f"nested more than {MAX_DEPTH} levels deep (lists in lists "
                       "or mappings in mappings); a data file needs a few levels: check the "
                       "brackets and indentation")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Value] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                # `? [a, b]` or `{id: x}: 1`: str() of it would put YAML's node objects
                # in the message.
                problems.append(Problem(path, key_line, where or whole, "a key must be a plain "
                                        "word, not a list or mapping; write 'key: value'"))
                continue
            key = str(key_node.value)
            child = f"{where}.{field_name(key)}" if where else field_name(key)
            if key in items:
                problems.append(Problem(path, key_line, child,
                    f"duplicate key (first on line {key_lines[key]}); keep one of them"))
                continue
            key_lines[key] = key_line
            items[key] = _build(value_node, path, child, problems, seen, whole, depth + 1)
        return Value(items, line, "map", key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Value([_build(n, path, f"{where}[{i}]", problems, seen, whole, depth + 1)
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
