"""The one slug rule: ids are lowercase ASCII words joined by hyphens.

An id is a file stem and a URL path segment, so it must be safe as both: no ``..``, no
slash, no space, no capital (case-insensitive file systems), no Chinese (URLs stay
readable when copied into a course document).
"""
from __future__ import annotations

import re

ID_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 60


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a valid id, or None."""
    if not ID_RULE.match(value):
        return (f"「{value}」不是有效的 id：只用小写字母 a-z、数字和单个连字符 -"
                "（例如 zu-anxin）")
    if len(value) > MAX_ID:
        return f"id 长 {len(value)} 个字符；不要超过 {MAX_ID} 个"
    return None


def safe_uri(uri: str) -> bool:
    """Whether a generated page's path (``practices/zu-anxin.md``) stays inside the site:
    relative, no ``..``, every folder and the file stem an id. MkDocs itself would write
    ``practices/../../x.md`` outside ``site/``, so writers check this as well as the loader."""
    *folders, name = uri.split("/")
    return (name.endswith(".md") and ID_RULE.match(name[:-3]) is not None
            and all(ID_RULE.match(f) for f in folders))
