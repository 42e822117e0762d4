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
    "tag:yaml.org,2002:bool": "是/否值",
    "tag:yaml.org,2002:null": "空值（null）",
    "tag:yaml.org,2002:int": "数字",
    "tag:yaml.org,2002:float": "数字",
    "tag:yaml.org,2002:timestamp": "日期",
}
# PyYAML's and libyaml's own words for a syntax error (the C loader words them differently),
# each as what it means for the editor: (pattern of the parser's text, explanation, hint).
# The hint is given when _hint finds nothing more particular on the line.
_SYNTAX: tuple[tuple[re.Pattern[str], str, str], ...] = tuple((re.compile(p), e, h) for p, e, h in (
    (r"expected '-' indicator|expected <block end>, but found '\?'",
     "这里应是列表的下一项（以「- 」开头），却不是",
     "同一列表的各项都以「- 」开头、缩进对齐；列表后面的字段退回到列表所属字段的缩进"),
    (r"did not find expected key|expected <block end>",
     "这一行与上文的缩进对不上，或一个值的后面多出了文字",
     "同一层的字段用空格缩进、左端对齐；值里有引号或括号时，把整个值放进双引号"),
    (r"mapping values are not allowed",
     "这里不能出现「: 」（冒号加空格）",
     "检查这一行是否比上一行多缩进了；文字里要写「: 」时，把整段文字放进双引号"),
    (r"could not find expected ':'",
     "这一行缺少「: 」",
     "字段写成「字段名: 值」（冒号后有一个空格）；列表项写成「- 值」"),
    (r"expected ',' or '\]'",
     "方括号列表 [ ] 没有正确结束",
     "各项之间用英文逗号「,」分隔，最后写上「]」"),
    (r"expected ',' or '\}'",
     "花括号 { } 没有正确结束",
     "各字段之间用英文逗号「,」分隔，最后写上「}」"),
    (r"unexpected end of stream",
     "文件在引号里结束：有一个引号没有配对",
     "给文字补上结尾的引号"),
    (r"expected node content|expected the node content",
     "这里缺少值",
     "在「: 」或「- 」后面写上值"),
    (r"tab character",
     "缩进里有制表符（Tab）",
     "缩进只用空格，不用制表符"),
    (r"cannot start any token",
     "这一行有一个字符不能用作值的开头（如 @、`、%、制表符）",
     "把这个值放进双引号"),
    (r"alphabetic or numeric character|undefined alias",
     "以 * 或 & 开头的文字被 YAML 当作引用（别名或锚点）",
     "以 * 开头的文字（如隐去的数字）要放进双引号"),
    (r"unknown escape character",
     "双引号里有 YAML 不认识的反斜杠转义（\\）",
     "双引号里的反斜杠写成 \\\\，或删去它"),
    (r"another document|single document|document separator|document indicator",
     "文件里有第二份文档（「---」或「...」一行之后）",
     "一个文件只写一份内容：删去「---」或「...」一行"),
    (r"sequence entries are not allowed",
     "这里不能开始「- 」列表项",
     "列表项写在所属字段的下一行，并比字段多缩进"),
    (r"tag",
     "以 ! 开头的文字被 YAML 当作类型标签",
     "把这个值放进双引号"),
))
_CONTEXT = (  # what YAML was reading when it stopped, started on an earlier line
    ("flow sequence", "这个方括号列表 [ ] "), ("flow mapping", "这组花括号 { } "),
    ("quoted scalar", "这段引号里的文字"), ("block collection", "这个列表"),
    ("block mapping", "这一层字段"), ("simple key", "这个字段名"), ("plain scalar", "这段文字"),
)
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
        problem = exc.problem or str(exc)
        what, usual = syntax_error(problem)
        start = exc.context_mark
        if exc.context and start and mark and start.line != mark.line:
            inside = next((zh for en, zh in _CONTEXT if en in exc.context), "这部分内容")
            what += f"（{inside}从第 {start.line + 1} 行开始）"
        lines = text.split("\n")
        at = lines[mark.line] if mark and mark.line < len(lines) else ""
        rest = "\n".join([at[mark.column:], *lines[mark.line + 1:]]) if mark else text
        above = next((ln for ln in reversed(lines[: mark.line]) if ln.strip()), "") if mark else ""
        hint = _hint(at, mark, rest) or (_INDENT.search(problem) and _misaligned(at, above)) or \
            (f"；{usual}" if usual else "")
        return None, [Problem(path, line, whole, f"YAML 语法错误：{what}{hint}")]
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (NUL, most controls, U+FFFE): the pure-Python reader
        # reports it with a multi-line text and an offset, not a line.
        char = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
        # libyaml counts the offset in UTF-8 bytes, PyYAML's reader in characters.
        if _YamlLoader is yaml.SafeLoader:
            line = text[: exc.position].count("\n") + 1
        else:
            line = text.encode("utf-8", "surrogatepass")[: exc.position].count(b"\n") + 1
        return None, [Problem(path, line, whole, f"含有 YAML 不允许的字符（U+{char:04X}，"
                              "不可见字符或控制字符）；重新输入它前后的文字")]
    except yaml.YAMLError as exc:
        what, usual = syntax_error(" ".join(str(exc).split()))
        return None, [Problem(path, 0, whole, f"YAML 语法错误：{what}" + (f"；{usual}" if usual else ""))]
    if node is None:
        return None, [Problem(path, 1, whole, "文件是空的" + (f"；请写入{holds}" if holds else ""))]
    problems: list[Problem] = []
    try:
        return _build(node, path, "", problems, set(), whole, 0), problems
    except _Refused as refused:
        return None, [Problem(path, refused.line, refused.where or whole, refused.message)]


class _Refused(Exception):
    """A document refused whole (aliases, runaway nesting): one problem, no values."""

    def __init__(self, line: int, where: str, message: str):
        self.line, self.where, self.message = line, where, message


def syntax_error(problem: str) -> tuple[str, str]:
    """(what the parser's ``problem`` means, the usual fix) in the editor's words; a text
    no pattern knows is shown as the parser wrote it, with no fix."""
    for pattern, explanation, fix in _SYNTAX:
        if pattern.search(problem):
            return explanation, fix
    return f"解析器报告「{problem}」", "对照上下几行检查缩进、引号和括号"


_INDENT = re.compile(r"expected key|'-' indicator|<block end>")
"""Syntax errors that a line indented unlike its neighbours causes."""


def _misaligned(line: str, above: str) -> str:
    """For a line YAML expected at another indentation: how far off it is from the line above."""
    def indent(s: str) -> int:
        return len(s) - len(s.lstrip(" "))
    if not line.strip() or not above or indent(line) == indent(above) or line.lstrip().startswith("- "):
        return ""
    return (f"；这一行缩进 {indent(line)} 个空格，上一行缩进 {indent(above)} 个：同一层的字段要"
            "左端对齐（用空格，不用制表符）")


def _hint(line: str, mark: yaml.Mark | None, rest: str) -> str:
    """What the editor most likely did, from the line YAML stopped at and the text after it."""
    if not rest.strip():
        # A save cut off half-way (an editor's autosave, a full disk) ends inside [ { or ".
        return ("；文件在上文某个 [、{ 或 \" 闭合之前就结束了：像是没有保存完整（保存到一半？）；"
                "把文件重新完整保存")
    if "\t" in line[: (mark.column if mark else 0) + 1]:
        return "；这一行有制表符（Tab）：缩进只用空格，不用制表符"
    value = _VALUE.match(line)
    text = value.group(1) if value else ""
    # `"" in "*&..."` is True: a blank line (a file cut off inside an open [) has no first
    # character to blame.
    if text and text[0] in "*&!@`%":
        return (f"；以 {text[0]} 开头的文字（例如隐去的数字）要放进双引号：\"{text.strip()}\"")
    if ": " in text:
        return "；含「: 」的文字要放进双引号"
    return ""


def _build(node: yaml.Node, path: str, where: str, problems: list[Problem],
           seen: set[int], whole: str, depth: int) -> Value:
    line = node.start_mark.line + 1
    if id(node) in seen:
        # Only an alias (*name) reaches a node twice; expanding aliases of aliases is how a
        # few lines of YAML become a billion values. Records never need them.
        raise _Refused(line, where, "不允许使用 YAML 锚点和别名（&名称、*名称）；把值完整写出")
    if depth > MAX_DEPTH:
        top = re.match(r"[^.\[]*", where).group(0)  # type: ignore[union-attr]  # the field, not 40 [0]s
        raise _Refused(line, top, f"嵌套超过 {MAX_DEPTH} 层（列表套列表或映射套映射）；"
                       "数据文件只需几层：检查括号和缩进")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Value] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                # `? [a, b]` or `{id: x}: 1`: str() of it would put YAML's node objects
                # in the message.
                problems.append(Problem(path, key_line, where or whole, "字段名必须是普通的词，"
                                        "不能是列表或映射；写成「字段名: 值」"))
                continue
            key = str(key_node.value)
            child = f"{where}.{field_name(key)}" if where else field_name(key)
            if key in items:
                problems.append(Problem(path, key_line, child,
                    f"字段重复（第一次在第 {key_lines[key]} 行）；只保留一个"))
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
