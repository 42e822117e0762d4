"""Reading YAML values against the record schema, one message per mistake.

Each reader takes a ``Value`` and the dotted field name, appends Problems and returns
the plain value (or None). The text rules live here once: text is a YAML string,
not empty, without HTML or control characters, and of bounded length.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from practice_site.corpus.problems import Problem, field_name, quoted
from practice_site.corpus.yamlnodes import Value, tag_word

MAX_TEXT = 2000
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|<\s*[A-Za-z]+")
# C0 controls (escape sequences, NUL) and the bidirectional overrides that make text
# display in an order other than the one it is stored in ("Trojan source").
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@dataclass
class FieldReader:
    """Reads the fields of one file; ``problems`` gathers what is wrong."""

    path: str
    problems: list[Problem]
    whole: str = "文件"
    """The field of a problem of the whole file: what the file is (``practice record``)."""

    def problem(self, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, where, message))

    def mapping(self, v: Value | None, where: str, required: tuple[str, ...],
                optional: tuple[str, ...] = (), fill: dict[str, str] | None = None) -> dict[str, Value] | None:
        """A mapping with known keys: report missing ones and unknown ones. ``fill``: for a
        missing key, the line to write (``id: jiayi``) when it is known."""
        if v is None:
            return None
        if not isinstance(v.value, dict):
            self.problem(v.line, where or self.whole, f"这里应是一组字段（映射），却是{_what(v)}")
            return None
        known = required + optional
        for key, line in v.key_lines.items():
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"；是不是想写{quoted(close[0])}？" if close else \
                    f"；删去这个字段（可用的字段：{', '.join(known)}）"
                self.problem(line, _join(where, key), f"未知字段{hint}")
        for key in required:
            if key not in v.value:
                written = (fill or {}).get(key)
                self.problem(v.line, _join(where, key), "缺少必填字段；" +
                             (f"补上这一行：{quoted(written)}" if written else "补上这一项"))
        return {k: x for k, x in v.value.items() if k in known}

    def wrong_shape(self, v: Value, holds: str) -> None:
        """The file's top value is not the shape the file must have."""
        self.problem(v.line, self.whole, f"这里应是{holds}，却是{_what(v)}")

    def text(self, v: Value | None, where: str, *, one_line: bool = True,
             max_len: int = MAX_TEXT) -> str | None:
        if v is None:
            return None
        if v.tag != "str":
            if v.tag in ("map", "list"):
                self.problem(v.line, where, f"这里应是文字，却是{_what(v)}")
            elif v.tag == "null":
                self.problem(v.line, where, "值是空的；写上文字")
            else:
                self.problem(v.line, where, f"{v.value!s} 会被读成{tag_word(v.tag)}，"
                             f"不是文字；把它放进引号：\"{v.value!s}\"")
            return None
        s: str = v.value
        if not s.strip():
            self.problem(v.line, where, "值是空的；写上文字")
            return None
        if len(s) > max_len:
            self.problem(v.line, where, f"长 {len(s)} 个字符，超过上限 {max_len}；删短")
            return None
        if m := CONTROL.search(s):
            self.problem(v.line, where, f"含有不可见的控制字符（U+{ord(m.group(0)):04X}）；"
                         "重新输入它前后的文字")
            return None
        if one_line and "\n" in s.strip():
            self.problem(v.line, where, "只能写一行；删去换行")
            return None
        if m := _HTML.search(s):
            self.problem(v.line, where, f"含有 HTML{quoted(m.group(0))}；写纯文字，"
                         "网站会把它原样显示出来")
            return None
        return s.strip()

    def integer(self, v: Value | None, where: str) -> int | None:
        if v is None:
            return None
        if v.tag != "int" or isinstance(v.value, bool):
            self.problem(v.line, where, f"这里应是整数，却是{_what(v)}")
            return None
        return int(v.value)

    def items(self, v: Value | None, where: str) -> list[Value]:
        """A list; a single scalar is not silently turned into one."""
        if v is None:
            return []
        if not isinstance(v.value, list):
            self.problem(v.line, where, f"这里应是列表（以「- 」开头的各行），却是{_what(v)}")
            return []
        return v.value

    def text_list(self, v: Value | None, where: str) -> list[str]:
        out = []
        for i, item in enumerate(self.items(v, where)):
            s = self.text(item, f"{where}[{i}]")
            if s is not None:
                out.append(s)
        return out


def _join(where: str, key: str) -> str:
    return f"{where}.{field_name(key)}" if where else field_name(key)


def _what(v: Value) -> str:
    if v.tag == "map":
        return "一组字段（映射）"
    if v.tag == "list":
        return "列表"
    if v.tag == "str":
        return f"文字{quoted(v.value)}"
    return f" {v.value!s}（{tag_word(v.tag)}）"


def plain(v: Any) -> Any:
    """A Value tree as plain Python (for tests and tools)."""
    if isinstance(v, Value):
        # What the YAML means, so that writing it back reads the same: `true` a bool (the
        # builder keeps the word as written), `~` None. A YAML 1.1 word (`no`) stays text.
        if v.tag == "bool" and str(v.value).lower() in ("true", "false"):
            return str(v.value).lower() == "true"
        if v.tag == "null":
            return None
        return plain(v.value)
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v
