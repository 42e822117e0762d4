"""The one escaping function for data text entering Markdown.

Reports mask names and figures with ``*`` (``**局长``, ``*****起``): unescaped, Markdown
reads them as emphasis, a lone ``***`` as a rule, ``* `` at line start as a list item,
``1~3月`` as subscript (pymdownx.tilde), ``#`` as a heading. Every ASCII punctuation
character is backslash-escaped (``pymdownx.escapeall`` makes any escape literal), and
``& < >`` become entities so that HTML in data is shown, never run.
"""
from __future__ import annotations

import re

_PUNCT = re.compile(r"([!\"#$%'()*+,\-./:;=?@\[\\\]^_`{|}~])")
_SPACE = re.compile(r"\s+")


def md_text(text: str) -> str:
    """Escape ``text`` so Markdown renders it literally, on one line."""
    text = _SPACE.sub(" ", text).strip()
    text = _PUNCT.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_attr(text: str) -> str:
    """Escape ``text`` for a double-quoted HTML attribute (``title="…"``)."""
    text = _SPACE.sub(" ", text).strip()
    return (
        text.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )
