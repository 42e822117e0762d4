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
from collections.abc import Callable
from dataclasses import dataclass, field


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


PERMALINK_TEXT = "复制链接"
PERMALINK_TITLE = "复制本节的链接"
"""The heading link as mkdocs.yml configures the toc extension (``permalink``,
``permalink_title``); pages are converted here only under that configuration (cache_pages)."""
_PERMALINK = f'<a class="headerlink" href="#{{0}}" title="{PERMALINK_TITLE}">{PERMALINK_TEXT}</a>'
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
    r"|\[(?P<ltext>(?:\\[^\n]|[^\\\[\]\n])*)\]\((?P<href>[^\s()<>\"\\`]*)"
    r"(?: \"(?P<ltitle>(?:[^\"\\&<>`]|" + _ENTITY + r")*)\")?\)"
    r"(?:\{(?P<lattrs>[^{}\n\\]*)\})?"
    r"|<(?P<tag>/?[a-z]+)(?P<tattrs>" + _ATTRS + r")\s*>"
    r"|(?P<entity>" + _ENTITY + r")"
    r"|\*\*(?P<strong>[^\s*_](?:[^*_\n]*[^\s*_\\])?)\*\*(?![*\w])"
)
_SPECIAL = re.compile(r"[\\`*_\[\]{}<>&!]|  \n|\n ")
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
_ADMONITION = re.compile(r'(!!!|\?\?\?) ([\w-]+) "([^"\\&<>`*_\[\]{}]+)"$')
_LIST_ITEM = re.compile(r"(?:([-*+])|(\d+)\.) +(\S.*)$")
_RAW_UNSAFE = re.compile(r"markdown|<!|<\?|<(?:script|style|pre|textarea|code)[\s>]|<a\s[^>]*\bname=|\n\s*\n")
_RAW_ID = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"')
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})$")
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
        if not _SPECIAL.search(text):  # most list items and cells: plain text, nothing to do
            return text
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
                if (title := m.group("ltitle")) is not None:
                    if title != title.strip() or not title:
                        raise Declined("link title with spaces at an end")  # Markdown trims those
                    attrs["title"] = title
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
            if len(chunk) == 1 and _RULE.match(first):
                out.append("<hr />")
            elif first.startswith("#"):
                out.append(self.heading(chunk))
            elif first.startswith(("!!! ", "??? ")):
                body = chunk[1:]
                while i < len(chunks) and chunks[i][0].startswith("    "):
                    body += [""] + chunks[i]
                    i += 1
                out.append(self.admonition(first, body))
            elif first.startswith(">"):
                lines = list(chunk)
                while i < len(chunks) and chunks[i][0].startswith(">"):  # one quote, as Markdown joins them
                    lines += [""] + chunks[i]
                    i += 1
                out.append(self.blockquote(lines))
            elif m := _LIST_ITEM.match(first):
                if i < len(chunks) and (_LIST_ITEM.match(chunks[i][0]) or chunks[i][0].startswith(" ")):
                    items = [[chunk]]
                    while i < len(chunks) and (chunks[i][0].startswith("    ") or _LIST_ITEM.match(chunks[i][0])):
                        if chunks[i][0].startswith("    "):
                            items[-1].append(chunks[i])
                        else:
                            items.append([chunks[i]])
                        i += 1
                    out.append(self.loose_list(items))
                else:
                    out.append(self.tight_list(chunk))
            elif first.startswith("|"):
                out.append(self.table(chunk))
            elif first.startswith("<") and (m := _HTML_OPEN.match(first)) and m.group(1) in _BLOCK_TAGS:
                lines, depth = list(chunk), _depth(chunk, m.group(1))
                while depth and i < len(chunks):  # counted chunk by chunk, not over all so far
                    lines += [""] + chunks[i]
                    depth += _depth(chunks[i], m.group(1))
                    i += 1
                out.append(self.html_block(lines, m))
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
        """``!!! kind "title"`` (admonition) or ``??? kind "title"`` (pymdownx.details)."""
        m = _ADMONITION.match(first)
        if not m or any(line and not line.startswith("    ") for line in body) or not body:
            raise Declined(f"admonition {first!r}")
        inner = self.blocks([line[4:] for line in body])
        if m.group(1) == "???":
            return "\n".join([f'<details class="{m.group(2)}">', f"<summary>{self.inline(m.group(3))}</summary>",
                              *inner, "</details>"])
        title = f'<p class="admonition-title">{self.inline(m.group(3))}</p>'
        return "\n".join([f'<div class="admonition {m.group(2)}">', title, *inner, "</div>"])

    def blockquote(self, lines: list[str]) -> str:
        if any(line and not line.startswith("> ") for line in lines):
            raise Declined("blockquote layout")
        return "\n".join(["<blockquote>", *self.blocks([line[2:] for line in lines]), "</blockquote>"])

    def loose_list(self, items: list[list[list[str]]]) -> str:
        """A list whose items are separated by blank lines, each with indented paragraphs
        (the theme pages' cards): every item's content becomes paragraphs."""
        kind = None
        out = []
        for first, *more in items:
            m = _LIST_ITEM.match(first[0])
            this = "ul" if m and m.group(1) else "ol"
            if not m or len(first) > 1 or not more or (kind or this) != this or (this == "ol" and kind is None
                                                                                 and m.group(2) != "1"):
                raise Declined("loose list layout")
            kind = this
            lines = [m.group(3)]
            for chunk in more:
                if any(not line.startswith("    ") for line in chunk):
                    raise Declined("loose list layout")
                lines += [""] + [line[4:] for line in chunk]
            if _BLOCKISH.match(m.group(3)) or m.group(3).startswith("<"):
                raise Declined(f"list item {m.group(3)!r}")
            out += ["<li>", *self.blocks(lines), "</li>"]
        return "\n".join([f"<{kind}>", *out, f"</{kind}>"])

    def tight_list(self, chunk: list[str]) -> str:
        kind = None
        items = []
        for line in chunk:
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

    def html_block(self, lines: list[str], m: re.Match) -> str:
        """A block-level element: with ``markdown`` (md_in_html) its content is Markdown;
        without, Python-Markdown passes it through as written."""
        tag, close = m.group(1), f"</{m.group(1)}>"
        marked = _HTML_ATTR.findall(m.group(2))
        attrs: dict[str, str | None] = dict(marked)
        if not _closed(lines, tag) or not lines[-1].endswith(close):
            raise Declined(f"<{tag}> not closed at a line end")
        if ("markdown", "") not in marked:
            return self.raw_block(lines)
        if tag not in ("div", "nav", "p", "section", "aside") or len(marked) != len(attrs) or any(
                value == "" and key != "markdown" for key, value in marked):
            raise Declined(f"HTML attributes of <{tag}>")
        del attrs["markdown"]
        if "id" in attrs:
            self.anchors.add(attrs["id"] or "")
        first_rest = lines[0][m.end():]
        if len(lines) == 1:
            body = [first_rest[: -len(close)]]
        else:
            if first_rest or lines[-1] != close:
                raise Declined(f"<{tag}> block layout")
            body = lines[1:-1]
        if any(f"<{tag}" in line or close in line for line in body):
            raise Declined(f"nested <{tag}>")
        if not any(line.strip() for line in body) or not body[0].strip() and len(lines) == 1:
            raise Declined(f"empty <{tag}>")
        if tag == "p":  # md_in_html reads a <p> as a span: its content is inline
            if len(body) > 1:
                raise Declined("multi-line <p markdown>")
            return f"<p{_attributes(attrs)}>{self.inline(body[0])}</p>"
        return "\n".join([f"<{tag}{_attributes(attrs)}>", *self.blocks(body), close])

    def raw_block(self, lines: list[str]) -> str:
        text = "\n".join(lines)
        if _RAW_UNSAFE.search(text):
            raise Declined("raw HTML block with Markdown, comments, scripts or preformatted text")
        for m in _RAW_ID.finditer(text):
            if "&" in m.group(1):
                raise Declined("id with a character reference")
            self.anchors.add(m.group(1))
        return text + "\n"  # Python-Markdown leaves a blank line after a raw block

    # -- whole page ---------------------------------------------------------------------
    def page(self, markdown: str) -> Converted:
        if any(c in markdown for c in "\t\r\x02\x03\x00") or "<!--" in markdown:
            raise Declined("tabs, control characters or comments")
        blocks = self.blocks(markdown.split("\n"))
        content = "\n".join(blocks).strip()
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


def _depth(lines: list[str], tag: str) -> int:
    """How many more ``<tag>`` than ``</tag>`` ``lines`` hold (0: a raw block ends there)."""
    text = "\n".join(lines) + "\n"
    return len(re.findall(f"<{tag}[\\s>]", text)) - text.count(f"</{tag}>")


def _closed(lines: list[str], tag: str) -> bool:
    return _depth(lines, tag) == 0


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
