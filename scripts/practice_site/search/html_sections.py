"""Material's search parser, fed by one regular expression instead of ``html.parser``.

Material's search splits every page into sections with an ``html.parser.HTMLParser``
subclass; tokenizing is most of that cost (``HTMLParser.goahead``: a fifth of a build without
the page cache). The pages' HTML is what Python-Markdown or the page templates wrote: tags
with double-quoted attributes, no comments, scripts or CDATA. For HTML of that shape the same
events (start tag, end tag, character data with references decoded, in order) come out of a
single ``finditer``; they are handed to Material's own handlers, so the sections and entries
are Material's. Any other HTML (a ``<`` that is not such a tag, ``<!``, ``/>``, an element
whose content ``html.parser`` reads raw) goes to ``HTMLParser.feed`` as before.
``tests/test_html_sections.py`` compares the entries both ways on every generated page, and
the events with html.parser's on random HTML.
"""
from __future__ import annotations

import html
import re
import sys

_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-\w:.]*(?:="[^"<]*")?)*)\s*(/?)>')
_ATTR = re.compile(r'\s+([a-zA-Z_:][-\w:.]*)(="([^"<]*)")?')
_RAW = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        "noscript", "plaintext"}
"""Elements whose content ``html.parser`` reads as raw text (in some Python versions)."""
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
"""Elements without an end tag (Material's parser does not count them as open either)."""


def events(text: str) -> list[tuple] | None:
    """``[("start", tag, attrs) | ("end", tag) | ("data", text), ...]`` as ``HTMLParser``
    with ``convert_charrefs`` reports them, or None where the HTML is not of the simple shape.
    ``split`` hands over the text between tags and each tag's groups in one C call: no match
    object per tag (a page has a few hundred tags)."""
    out: list[tuple] = []
    parts = _TAG.split(text)
    unescape = html.unescape
    for i in range(0, len(parts) - 1, 5):
        data, close, name, attrs, empty = parts[i:i + 5]
        if data:
            if "<" in data:
                return None
            out.append(("data", unescape(data) if "&" in data else data))
        tag = name.lower()
        if tag in _RAW:
            return None
        if close:
            if attrs or empty:
                return None
            out.append(("end", tag))
        else:
            out.append(("start", tag, [(k.lower(), unescape(v) if "&" in v else v) if eq else (k.lower(), None)
                                       for k, eq, v in _ATTR.findall(attrs)] if attrs else []))
            if empty:  # <hr />: HTMLParser's handle_startendtag reports a start and an end
                out.append(("end", tag))
    data = parts[-1]
    if data:
        if "<" in data:
            return None
        out.append(("data", unescape(data) if "&" in data else data))
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
    """A subclass of Material's ``Parser`` whose ``feed`` uses ``events`` where it can, and
    then ``_sections`` instead of calling the handlers once per event."""
    module = sys.modules[base.__module__]

    class FastParser(base):
        def feed(self, data: str) -> None:
            found = events(data)
            fresh = not self.data and not self.context and self.section is None and all(
                isinstance(e, str) for e in self.skip)
            if found is None or not fresh:
                return super().feed(data)
            _sections(self, without_excluded_sections(found), module.Element, module.Section, module.void)
    return FastParser


_HEADLINK = ("class", "headerlink")


def _sections(parser, found: list[tuple], element: type, section_type: type, void: set[str]) -> None:
    """Material's ``handle_starttag`` / ``handle_endtag`` / ``handle_data`` over ``found``, with
    the same result in ``parser.data``. Material's elements compare (and hash) by tag name, so
    its ``skip`` set and its ``x in context`` tests are about tag names: here they are a set of
    names and a count of the open elements per name, instead of a scan of the open elements
    per event."""
    keep, skip = parser.keep, set(parser.skip)
    permanent = {"script", "style", "object"}
    context: list = []
    open_tags: dict[str, int] = {}
    links = 0  # open permalinks (a.headerlink): their text is not part of a title
    data: list = parser.data
    section = parser.section

    def skipped() -> bool:
        return any(open_tags.get(t) for t in skip)
    blocked = False  # skipped(), as of the last start or end tag (data changes neither)

    for event in found:
        kind = event[0]
        if kind == "data":
            if blocked:
                continue
            text = event[1]
            if not open_tags.get("pre"):
                text = text.replace("\n", " ") if not text.isspace() else " "
            if section is None:
                section = section_type(element("hx"))
                data.append(section)
            if open_tags.get(section.el.tag):
                if not links:
                    section.title.append(html.escape(text, quote=False))
            elif text.isspace():
                if not section.text or not section.text[-1].isspace():
                    section.text.append(text)
                elif open_tags.get("pre"):
                    section.text.append(text)
            else:
                section.text.append(html.escape(text, quote=False))
        elif kind == "start":
            tag, attrs = event[1], dict(event[2])
            if tag in void:
                continue
            el = element(tag, attrs)
            context.append(el)
            open_tags[tag] = open_tags.get(tag, 0) + 1
            if tag == "a" and attrs.get("class") == "headerlink":
                links += 1
            if tag in _HEADINGS and "id" in attrs:
                depth = len(context)
                if tag != "h1" and not data:
                    section = section_type(element("hx"), depth)
                    data.append(section)
                section = section_type(el, depth)
                if data:
                    section.id = attrs["id"]
                data.append(section)
            if section is None:
                section = section_type(element("hx"))
                data.append(section)
            if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                # Material stops at the first of the two in attribute order: either way, skipped
                skip.add(tag)
                blocked = True
                continue
            blocked = skipped()
            if tag in keep and not blocked:
                (section.title if open_tags.get(section.el.tag) else section.text).append(f"<{tag}>")
        else:
            tag = event[1]
            if not context or context[-1].tag != tag:
                continue
            if section.depth > len(context):
                for candidate in reversed(data):
                    if candidate.depth <= len(context):
                        section.depth = float("inf")
                        section = candidate
                        break
            el = context.pop()
            open_tags[tag] -= 1
            if tag == "a" and el.attrs.get("class") == "headerlink":
                links -= 1
            if tag in skip:
                if tag not in permanent:
                    skip.discard(tag)
                blocked = skipped()
                continue
            blocked = skipped()
            if tag in keep and not blocked:
                out = section.title if open_tags.get(section.el.tag) else section.text
                index = out.index(f"<{tag}>")
                if all(item.isspace() for item in out[index + 1:]):
                    del out[index:]
                else:
                    out.append(f"</{tag}>")
    parser.context, parser.section = context, section
    parser.skip = {t if t in permanent else element(t) for t in skip}
