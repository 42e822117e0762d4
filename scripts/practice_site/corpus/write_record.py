"""Write a practice record as YAML in the project's style (tools that draft records use it).

Every text is written double-quoted, so nothing an editor later reads back can turn into a
yes/no value, a date, a number or a mask-led alias (``*``); the loader reads the output back
to the same values (tested). Keys keep the order given (the order of data/README.md).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from practice_site.corpus.practices import OPTIONAL, REQUIRED

FIELD_ORDER = ("id", "former_ids", "status", "name", "aliases", "kind", "theme", "tags", "summary", "how",
               "outcomes", "related", "evidence")


def scalar(value: Any) -> str:
    """A YAML scalar: a number as is, any text double-quoted (JSON string syntax is valid
    YAML double-quoted syntax)."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"records hold text, numbers, lists and mappings, not {value!r}")
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{k}:")
                out.extend(_lines(v, indent + 2))
            else:
                out.append(f"{pad}{k}: {'[]' if v == [] else '{}' if v == {} else scalar(v)}")
        return out
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, dict) and item:
                first, *rest = _lines(item, indent + 2)
                out.append(f"{pad}- {first.lstrip()}")
                out.extend(rest)
            else:
                out.append(f"{pad}- {scalar(item)}")
        return out
    return [pad + scalar(value)]


def record_yaml(record: dict[str, Any], comment: str = "") -> str:
    """``record`` as YAML text; ``comment`` lines go on top (``# ...``)."""
    unknown = set(record) - set(FIELD_ORDER) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise ValueError(f"not record fields: {', '.join(sorted(unknown))}")
    ordered = {k: record[k] for k in FIELD_ORDER if k in record}
    head = "".join(f"# {line}\n" if line else "#\n" for line in comment.splitlines())
    return head + "\n".join(_lines(ordered, 0)) + "\n"


def write_record(folder: Path, record: dict[str, Any], comment: str = "") -> Path:
    """Write ``record`` to ``folder/<id>.yml``; refuses to overwrite an existing file."""
    path = folder / f"{record['id']}.yml"
    with path.open("x", encoding="utf-8", newline="\n") as f:
        f.write(record_yaml(record, comment))
    return path
