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


# In an attribute, Markdown's inline patterns still run (a ``[a](b)`` in a raw
# ``<abbr title>`` becomes a link, a backslash is eaten): ASCII punctuation becomes a numeric
# character reference, which Markdown leaves alone and the browser decodes.
_ATTR_PUNCT = re.compile(r"[!'()*+,\-./:=?@\[\\\]^_`{|}~$%]")


def html_attr(text: str) -> str:
    """Escape ``text`` for a double-quoted HTML attribute (``title="…"``) in Markdown."""
    text = _SPACE.sub(" ", text).strip()
    text = (
        text.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )
    return _ATTR_PUNCT.sub(lambda m: f"&#{ord(m.group())};", text)
