"""Material's search parser, fed by one regular expression instead of ``html.parser``.

Material's search splits every page into sections with an ``html.parser.HTMLParser``
subclass; tokenizing is most of that cost (``HTMLParser.goahead``: a fifth of a build without
the page cache). The pages' HTML is what Python-Markdown or ``direct_html`` wrote: tags with
double-quoted attributes, no comments, scripts or CDATA. For HTML of that shape the same
events (start tag, end tag, character data with references decoded, in order) come out of a
single ``finditer``; they are handed to Material's own handlers, so the sections and entries
are Material's. Any other HTML (a ``<`` that is not such a tag, ``<!``, ``/>``, an element
whose content ``html.parser`` reads raw) goes to ``HTMLParser.feed`` as before.
``tests/test_search_parse.py`` compares the two on every page of built sites.
"""
from __future__ import annotations

import html
import re

_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-\w:.]*(?:="[^"<]*")?)*)\s*(/?)>')
_ATTR = re.compile(r'\s+([a-zA-Z_:][-\w:.]*)(?:="([^"<]*)")?')
_RAW = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        "noscript", "plaintext"}
"""Elements whose content ``html.parser`` reads as raw text (in some Python versions)."""
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
"""Elements without an end tag (Material's parser does not count them as open either)."""


def events(text: str) -> list[tuple] | None:
    """``[("start", tag, attrs) | ("end", tag) | ("data", text), ...]`` as ``HTMLParser``
    with ``convert_charrefs`` reports them, or None where the HTML is not of the simple shape."""
    out: list[tuple] = []
    pos = 0
    for m in _TAG.finditer(text):
        if m.start() > pos:
            data = text[pos:m.start()]
            if "<" in data:
                return None
            out.append(("data", html.unescape(data) if "&" in data else data))
        pos = m.end()
        tag = m.group(2).lower()
        if tag in _RAW:
            return None
        if m.group(1):
            if m.group(3) or m.group(4):
                return None
            out.append(("end", tag))
        else:
            attrs = [(a.group(1).lower(), a.group(2) if a.group(2) is None or "&" not in a.group(2)
                      else html.unescape(a.group(2))) for a in _ATTR.finditer(m.group(3))]
            out.append(("start", tag, attrs))
            if m.group(4):  # <hr />: HTMLParser's handle_startendtag reports a start and an end
                out.append(("end", tag))
    if pos < len(text):
        data = text[pos:]
        if "<" in data:
            return None
        out.append(("data", html.unescape(data) if "&" in data else data))
    return out


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def without_excluded_sections(found: list[tuple]) -> list[tuple]:
    """``found`` less the events of sections Material leaves out of the index anyway: from
    the end of a top-level heading marked ``data-search-exclude`` to the next top-level
    heading. What lies between is whole top-level elements, so the parser's state (its open
    elements) is the same without them; only the excluded section's text, which no entry
    uses, is not collected. Where that does not hold (an end tag that closes something else,
    a heading inside an element) ``found`` is returned as it is."""
    out: list[tuple] = []
    stack: list[str] = []
    skipping = excluded = False
    for event in found:
        kind = event[0]
        if kind == "start":
            tag = event[1]
            if tag in _HEADINGS:
                if stack:
                    return found  # a heading inside an element starts a section of its own
                skipping, excluded = False, any(k == "data-search-exclude" for k, _ in event[2])
            if tag not in _VOID:
                stack.append(tag)
        elif kind == "end":
            if event[1] not in _VOID:
                if not stack or stack.pop() != event[1]:
                    return found
            if not stack and event[1] in _HEADINGS and excluded:
                out.append(event)
                skipping = True
                continue
        if not skipping:
            out.append(event)
    return out


def parser_class(base: type) -> type:
    """A subclass of Material's ``Parser`` whose ``feed`` uses ``events`` where it can."""

    class FastParser(base):
        def feed(self, data: str) -> None:
            found = events(data)
            if found is None:
                return super().feed(data)
            found = without_excluded_sections(found)
            start, end, text = self.handle_starttag, self.handle_endtag, self.handle_data
            for event in found:
                if event[0] == "data":
                    text(event[1])
                elif event[0] == "start":
                    start(event[1], event[2])
                else:
                    end(event[1])
    return FastParser
