"""Problems are values: every stage gathers them and the caller reports all at once."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    """File the problem is in, relative to the project root where possible."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    field: str
    """Dotted field path (``outcomes[2].figure``), or what the file is (``practice record``)
    for a problem of the whole file."""
    message: str
    """What is wrong and what to do about it, written for the person editing the file."""

    def __str__(self) -> str:
        # One problem, one line, whatever the data held: a line break, a control character
        # or an undecodable file name is shown escaped.
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        return text if text.isprintable() else "".join(
            c if c.isprintable() else repr(c)[1:-1] for c in text)


class ProblemsFound(Exception):
    """Raised by entry points when a run gathered problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def field_name(key: str) -> str:
    """A YAML key as (part of) a field: as written when it is a plain word, quoted when it is
    empty, padded or holds a line break, so the field is never blank and never splits a line."""
    return key if key and key.strip() == key and key.isprintable() else repr(key)


def quoted(value: object) -> str:
    """A value the editor wrote (or must write), set off in a message: 「…」, never “…”,
    which the reports' own names hold (“甲乙”机制)."""
    return f"「{value}」"


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    lines.append(f"共 {len(problems)} 个问题，未生成网站。")
    return "\n".join(lines)


def display_path(path: Path, root: Path | None) -> str:
    """Path as the editor knows it: relative to the project root when inside it."""
    if root is not None:
        # abspath, not resolve(): no file system calls, and this runs for every file loaded.
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            pass
    return path.as_posix()
