"""The one escaping function for data text entering Markdown.

Reports mask names and figures with ``*`` (``**局长``, ``*****起``): unescaped, Markdown
reads them as emphasis, a lone ``***`` as a rule, ``* `` at line start as a list item,
``1~3月`` as subscript (pymdownx.tilde), ``#`` as a heading. Every ASCII punctuation
character is backslash-escaped (``pymdownx.escapeall`` makes any escape literal), and
``& < >`` become entities so that HTML in data is shown, never run.
"""
from __future__ import annotations

import functools
import re

_PUNCT = re.compile(r"([!\"#$%'()*+,\-./:;=?@\[\\\]^_`{|}~])")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)  # names, titles and places recur on every page that links them
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


# attr_list (``{data-x="…"}`` after a link) takes the value as written: no character
# reference or backslash escape is decoded, and inline patterns (emphasis, links, code) run
# over the braces first. So the characters those would act on are left out; this is for
# short derived labels (the place in a report, ``三、一是``), never for quoted text.
_ATTR_LIST_UNSAFE = re.compile(r'["{}\\*_`\[\]&<>]')


def attr_list_value(text: str) -> str:
    """``text`` as the double-quoted value of an attr_list attribute."""
    return _ATTR_LIST_UNSAFE.sub("", _SPACE.sub(" ", text).strip())
