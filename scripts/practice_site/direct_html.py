"""The HTML of a generated page, written directly instead of by Python-Markdown.

Python-Markdown is about half of the cost of a build without the page cache, and almost all
of that is spent on pages we generate ourselves from a handful of constructs (headings with
attribute lists, paragraphs, tight lists, tables, admonitions, ``markdown`` HTML blocks,
links, code spans, escapes). ``convert`` renders exactly that subset, byte for byte as
Python-Markdown does with the site's extensions (toc permalinks, attr_list, md_in_html,
admonition, tables, pymdownx.escapeall) and MkDocs' link rewriting, and raises ``Declined``
at the first thing it does not model, so the caller converts the page the usual way. Pages
editors write by hand (``docs/``) simply decline.

``tests/test_direct_html.py`` holds it to that: every generated page of today's data, of a
synthetic corpus and of the layout fixtures is converted both ways and compared; a page must
either be declined or give the same HTML, table of contents, title, anchors and links.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable


class Declined(Exception):
    """The Markdown uses something this module does not render; convert it the usual way."""


@dataclass
class Converted:
    content: str
    toc: list = field(default_factory=list)
    """``[[title, id, level, children], ...]``, as ``cached_build.toc_data``."""
    title: str | None = None
    anchors: set[str] = field(default_factory=set)
    ids: dict[str, str] = field(default_factory=dict)
    """Heading ids generated after the page was read: placeholder -> id (in ``link`` calls)."""


_PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'
_RE_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.I)
_ENTITY = r"&(?:\#[0-9]+|\#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);"
_INLINE_TAGS = {"span", "abbr", "small", "strong", "em", "b", "i", "u", "s", "mark", "sub", "sup",
                "kbd", "q", "bdi", "br", "wbr", "del", "ins", "cite", "dfn", "time", "var"}
"""Raw inline tags Python-Markdown passes through verbatim (``a`` and ``img`` are rewritten by
MkDocs, so they decline)."""
_ATTRS = r'(?:\s+[a-zA-Z_:][\w:.-]*="[^"\\<>&`\[\]{}*]*")*'
# One inline token at a time; plain text between tokens is checked by ``_text``.
_TOKEN = re.compile(
    r"\\(?P<esc>[^\n])"
    r"|`(?P<code>[^`\s](?:[^`]*[^`\s])?)`(?!`)"
    r"|\[(?P<ltext>(?:\\[^\n]|[^\\\[\]\n])*)\]\((?P<href>[^\s()<>\"\\`]*)(?: \"(?P<ltitle>(?:[^\"\\&<>`]|" + _ENTITY + r")*)\")?\)"
    r"(?:\{(?P<lattrs>[^{}\n\\]*)\})?"
    r"|<(?P<tag>/?[a-z]+)(?P<tattrs>" + _ATTRS + r")\s*>"
    r"|(?P<entity>" + _ENTITY + r")"
    r"|\*\*(?P<strong>[^\s*_\\`\[\]<>{}](?:[^*_\\`\[\]<>{}\n]*[^\s*_\\`\[\]<>{}])?)\*\*(?![*\w])"
)
_TEXT_UNSAFE = re.compile(r"[\\`*_\[\]{}<!]|&(?!" + _ENTITY[1:] + r")|  \n|\n ")
_BLOCKISH = re.compile(
    r"(?:[ ]{0,3}(?:#|>|[-*+] |[-*+]$|\d+[.)](?: |$)|\||!!!|\?\?\?|[=~`]|[-*_](?:[ ]*[-*_]){2})|[ ]{4}|\s*$)")
"""A line that would start (or, inside a paragraph, split off) another kind of block."""
_BLOCK_TAGS = {"address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl",
               "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
               "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
               "section", "table", "ul", "canvas", "math", "iframe", "noscript", "output", "script",
               "style", "video", "audio", "object", "svg", "summary", "tbody", "td", "th", "thead",
               "tfoot", "tr", "ins", "del", "map", "center", "colgroup", "embed", "legend",
               "optgroup", "option", "progress", "body", "html", "head", "title", "search"}
_HEADING = re.compile(r"(#{1,6}) (\S(?:.*\S)?)$")
_HEADING_ATTRS = re.compile(r"(.*\S) \{([^{}\n]*)\}$")
_ATTR_ITEM = re.compile(r'\s*(?:#([\w-]+)|\.([\w-]+)|([a-zA-Z_][\w.:-]*)="([^"&<>\\{}]*)"|([a-zA-Z_][\w.:-]*))\s*')
_HTML_OPEN = re.compile(r'<([a-z][a-z0-9]*)((?:\s+[a-zA-Z_:][\w:.-]*(?:="[^"<>&]*")?)*)\s*>')
_HTML_ATTR = re.compile(r'\s+([a-zA-Z_:][\w:.-]*)(?:="([^"<>&]*)")?')
_ADMONITION = re.compile(r'!!! ([\w-]+) "([^"\\&<>`*_\[\]{}]+)"$')
_LIST_ITEM = re.compile(r"(?:([-*+])|(\d+)\.) (\S.*)$")
_TABLE_RULE = re.compile(r"\|(?: *-{3,} *\|)+$")


def escape_cdata(text: str) -> str:
    """As Python-Markdown's serializer escapes text (an ``&`` of an entity is kept)."""
    if "&" in text:
        text = _RE_AMP.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    return escape_cdata(text).replace('"', "&quot;")


def _attributes(pairs: dict[str, str | None]) -> str:
    return "".join(f" {k}" if v is None else f' {k}="{escape_attribute(v)}"' for k, v in sorted(pairs.items()))


def _attr_list(text: str, into: dict[str, str | None]) -> None:
    """attr_list's ``{#id .class key="value" word}``, in the forms our pages use."""
    pos = 0
    while pos < len(text):
        m = _ATTR_ITEM.match(text, pos)
        if not m or m.end() == pos:
            raise Declined(f"attribute list {{{text}}}")
        ident, cls, key, value, word = m.groups()
        if ident:
            into["id"] = ident
        elif cls:
            into["class"] = f"{into['class']} {cls}" if into.get("class") else cls
        elif key:
            if key in ("id", "class"):
                raise Declined(f"attribute list {{{text}}}")
            into[key] = value
        else:
            into[word] = None
        pos = m.end()


class _Page:
    """One conversion: the page's links go through ``link`` (MkDocs' rewriting)."""

    def __init__(self, link: Callable[[str], str], slugify: Callable[[str, str], str]):
        self.link, self.slugify = link, slugify
        self.anchors: set[str] = set()
        self.headings: list[tuple[int, str, str]] = []  # level, id, name
        self.pending: list[tuple[int, str]] = []  # headings still to get an id: (index, name)
        self.ids: dict[str, str] = {}  # placeholder -> the id given once all are known

    # -- inline -------------------------------------------------------------------------
    def inline(self, text: str) -> str:
        out, pos = [], 0
        for m in _TOKEN.finditer(text):
            out.append(_text(text[pos:m.start()]))
            pos = m.end()
            if m.group("esc") is not None:
                char = m.group("esc")
                if char == "&":
                    raise Declined("escaped &")
                out.append(escape_cdata(char))
            elif m.group("code") is not None:
                out.append("<code>" + m.group("code").replace("&", "&amp;").replace("<", "&lt;")
                           .replace(">", "&gt;") + "</code>")
            elif m.group("ltext") is not None:
                attrs: dict[str, str | None] = {"href": self.link(m.group("href"))}
                if m.group("ltitle") is not None:
                    attrs["title"] = m.group("ltitle")
                if m.group("lattrs") is not None:
                    _attr_list(m.group("lattrs"), attrs)
                    if "id" in attrs:
                        self.anchors.add(attrs["id"] or "")
                out.append(f"<a{_attributes(attrs)}>{self.inline(m.group('ltext'))}</a>")
            elif m.group("tag") is not None:
                name = m.group("tag").lstrip("/")
                if name not in _INLINE_TAGS:
                    raise Declined(f"inline <{m.group('tag')}>")
                for key, value in _HTML_ATTR.findall(m.group("tattrs")):
                    if key == "id":
                        self.anchors.add(value)
                out.append(m.group(0))
            elif m.group("entity") is not None:
                out.append(m.group("entity"))
            else:
                out.append(f"<strong>{self.inline(m.group('strong'))}</strong>")
        out.append(_text(text[pos:]))
        return "".join(out)

    # -- blocks -------------------------------------------------------------------------
    def blocks(self, lines: list[str]) -> list[str]:
        chunks: list[list[str]] = []
        for line in lines:
            if line.strip():
                if chunks and chunks[-1]:
                    chunks[-1].append(line)
                else:
                    chunks.append([line])
            elif chunks and chunks[-1]:
                chunks.append([])
        chunks = [c for c in chunks if c]
        out: list[str] = []
        i = 0
        while i < len(chunks):
            chunk = chunks[i]
            i += 1
            first = chunk[0]
            if first.startswith("    "):
                raise Declined("indented block")
            if first.startswith("#"):
                out.append(self.heading(chunk))
            elif first.startswith("!!! "):
                body = chunk[1:]
                while i < len(chunks) and chunks[i][0].startswith("    "):
                    body += [""] + chunks[i]
                    i += 1
                out.append(self.admonition(first, body))
            elif _LIST_ITEM.match(first):
                if i < len(chunks) and (_LIST_ITEM.match(chunks[i][0]) or chunks[i][0].startswith(" ")):
                    raise Declined("loose list")
                out.append(self.list(chunk))
            elif first.startswith("|"):
                out.append(self.table(chunk))
            elif first.startswith("<") and (m := _HTML_OPEN.match(first)) and m.group(1) in _BLOCK_TAGS:
                out.append(self.html_block(chunk, m))
            else:
                out.append(self.paragraph(chunk))
        return out

    def paragraph(self, chunk: list[str], attrs: str = "") -> str:
        for k, line in enumerate(chunk):
            if _BLOCKISH.match(line) or _TABLE_RULE.match(line.strip()) or (
                    k and line.startswith("<") and (m := _HTML_OPEN.match(line)) and m.group(1) in _BLOCK_TAGS):
                raise Declined(f"paragraph line {line!r}")
            if line.endswith(" ") or line.startswith(" "):
                raise Declined("leading or trailing space")
        if chunk[-1].lstrip().startswith("{"):
            raise Declined("block attribute list")
        return f"<p{attrs}>{self.inline(chr(10).join(chunk))}</p>"

    def heading(self, chunk: list[str]) -> str:
        m = _HEADING.match(chunk[0])
        if len(chunk) > 1 or not m:
            raise Declined(f"heading {chunk[0]!r}")
        level, text = len(m.group(1)), m.group(2)
        attrs: dict[str, str | None] = {}
        if a := _HEADING_ATTRS.match(text):
            text = a.group(1)
            _attr_list(a.group(2), attrs)
        if text.endswith("#") or "{" in text or "}" in text:
            raise Declined(f"heading {chunk[0]!r}")
        inner = self.inline(text)
        name = " ".join(re.sub(r"<[^>]*>", "", inner).split())
        if re.search(r"\\[<>&\\]", text) or "<a " in inner:
            raise Declined(f"heading with markup {text!r}")  # names and slugs of those: not modelled
        index = len(self.headings)
        ident = attrs.get("id")
        if ident is None:
            self.pending.append((index, name))
            ident = f"\x00{index}\x00"  # filled in once every explicit id is known
        self.headings.append((level, ident, name))
        attrs["id"] = ident
        self.link("#" + ident)  # the permalink is a link to the page itself, as MkDocs records it
        return f"<h{level}{_attributes(attrs)}>{inner}{_PERMALINK.format(ident)}</h{level}>"

    def admonition(self, first: str, body: list[str]) -> str:
        m = _ADMONITION.match(first)
        if not m or any(line and not line.startswith("    ") for line in body) or not body:
            raise Declined(f"admonition {first!r}")
        inner = self.blocks([line[4:] for line in body])
        title = f'<p class="admonition-title">{self.inline(m.group(2))}</p>'
        return "\n".join([f'<div class="admonition {m.group(1)}">', title, *inner, "</div>"])

    def list(self, chunk: list[str]) -> str:
        kind = None
        items = []
        for number, line in enumerate(chunk, 1):
            m = _LIST_ITEM.match(line)
            if not m:
                raise Declined(f"list line {line!r}")
            this = "ul" if m.group(1) else "ol"
            if kind is None:
                kind = this
                if this == "ol" and m.group(2) != "1":
                    raise Declined("ordered list not starting at 1")
            elif this != kind:
                raise Declined("mixed list")
            text = m.group(3)
            if _BLOCKISH.match(text) or text.endswith(" ") or text.startswith("<"):
                raise Declined(f"list item {text!r}")
            items.append(f"<li>{self.inline(text)}</li>")
        return "\n".join([f"<{kind}>", *items, f"</{kind}>"])

    def table(self, chunk: list[str]) -> str:
        if len(chunk) < 2 or not _TABLE_RULE.match(chunk[1]):
            raise Declined("table")
        width = chunk[1].count("|") - 1
        rows = []
        for line in chunk[:1] + chunk[2:]:
            if not line.endswith("|") or "\\|" in line or "`" in line:
                raise Declined(f"table row {line!r}")
            cells = [c.strip() for c in line[1:-1].split("|")]
            if len(cells) != width:
                raise Declined(f"table row {line!r}")
            rows.append(cells)
        out = ["<table>", "<thead>", "<tr>"]
        out += [f"<th>{self.inline(c)}</th>" for c in rows[0]]
        out += ["</tr>", "</thead>", "<tbody>"]
        for row in rows[1:]:
            out += ["<tr>", *[f"<td>{self.inline(c)}</td>" for c in row], "</tr>"]
        out += ["</tbody>", "</table>"]
        return "\n".join(out)

    def html_block(self, chunk: list[str], m: re.Match) -> str:
        """A ``<tag … markdown>`` element (md_in_html), whole in one chunk."""
        tag = m.group(1)
        attrs: dict[str, str | None] = {}
        for key, value in _HTML_ATTR.findall(m.group(2)):
            attrs[key] = value
        marked = _HTML_ATTR.findall(m.group(2))
        if ("markdown", "") not in marked or tag not in ("div", "nav", "p", "section", "aside"):
            raise Declined(f"raw HTML block <{tag}>")
        if any(value == "" and key != "markdown" for key, value in marked) or len(marked) != len(attrs):
            raise Declined(f"HTML attributes of <{tag}>")
        del attrs["markdown"]
        if "id" in attrs:
            self.anchors.add(attrs["id"] or "")
        close = f"</{tag}>"
        first_rest = chunk[0][m.end():]
        if len(chunk) == 1:
            if not first_rest.endswith(close):
                raise Declined(f"<{tag}> not closed on its line")
            body = [first_rest[: -len(close)]]
        else:
            if first_rest or chunk[-1] != close:
                raise Declined(f"<{tag}> block layout")
            body = chunk[1:-1]
        if any(f"<{tag}" in line or close in line for line in body) or not body or not body[0].strip():
            raise Declined(f"nested <{tag}>")
        if tag == "p":  # md_in_html reads a <p> as a span: its content is inline
            if len(body) > 1:
                raise Declined("multi-line <p markdown>")
            return f"<p{_attributes(attrs)}>{self.inline(body[0])}</p>"
        return "\n".join([f"<{tag}{_attributes(attrs)}>", self.paragraph(body), close])

    # -- whole page ---------------------------------------------------------------------
    def page(self, markdown: str) -> Converted:
        if any(c in markdown for c in "\t\r\x02\x03\x00") or "<!--" in markdown:
            raise Declined("tabs, control characters or comments")
        blocks = self.blocks(markdown.split("\n"))
        content = "\n".join(blocks)
        used = {ident for _, ident, _ in self.headings if not ident.startswith("\x00")} | self.anchors
        counters: dict[str, int] = {}
        from markdown.extensions.toc import unique  # the exact rule for repeated ids
        for index, name in self.pending:
            ident = unique(self.slugify(html.unescape(name), "-"), used, counters)
            level, placeholder, _ = self.headings[index]
            self.headings[index] = (level, ident, name)
            content = content.replace(placeholder, ident)
            self.ids[placeholder] = ident
        title = None
        if blocks and blocks[0].startswith("<h1"):
            title = self.headings[0][2]
        return Converted(content, _nest(self.headings), title,
                         self.anchors | {ident for _, ident, _ in self.headings}, self.ids)


def _text(text: str) -> str:
    """Plain text between inline tokens: anything Markdown would read as syntax declines."""
    if text and _TEXT_UNSAFE.search(text):
        raise Declined(f"text {text[:40]!r}")
    return escape_cdata(text)


def _nest(headings: list[tuple[int, str, str]]) -> list:
    """Headings as a nested table of contents, by Python-Markdown's own rule."""
    from markdown.extensions.toc import nest_toc_tokens

    def data(tokens: list) -> list:
        return [[t["name"], t["id"], t["level"], data(t["children"])] for t in tokens]
    return data(nest_toc_tokens([{"level": lv, "id": i, "name": n} for lv, i, n in headings]))


def convert(markdown: str, link: Callable[[str], str], slugify: Callable[[str, str], str]) -> Converted:
    """The page's HTML as Python-Markdown and MkDocs would write it, or ``Declined``.
    ``link(url)`` returns the rewritten URL of a link (or raises ``Declined``)."""
    return _Page(link, slugify).page(markdown)
