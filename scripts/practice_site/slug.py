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
        return (f"{value!r} is not a valid id: use lowercase letters a-z, digits and "
                "single hyphens (for example 'zu-anxin')")
    if len(value) > MAX_ID:
        return f"id is {len(value)} characters long; keep it to {MAX_ID}"
    return None
