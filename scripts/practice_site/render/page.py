"""A generated page as data: its HTML (from a Jinja template, autoescaped), its table of
contents (the headings the template wrote, in order) and the links it holds (checked by the
adapter, as MkDocs checks a Markdown page's links). Pure: no MkDocs.

Data text goes into templates as data: autoescaping makes ``<`` and ``&`` text, and
leaves the ``*`` that masks a figure (``**局长``) as it is. HTML built in Python (the
auto-linker's links, a sentence's span) is ``Markup``, made with ``markupsafe.escape`` of
every piece of data in it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape
from pymdownx.slugs import slugify

from practice_site.render.urls import built_url, uris
from practice_site.text.terms import in_quotes

TEMPLATES = Path(__file__).resolve().parent / "templates"
"""One template per page kind; ``_base.html`` and ``_macros.html`` are shared."""

_slug = slugify(case="lower")
PERMALINK_TEXT = "复制链接"
PERMALINK_TITLE = "复制本节的链接"
"""The heading link, as mkdocs.yml configures the toc extension for hand-written pages
(``permalink``, ``permalink_title``): one Chinese link per heading, made to copy the full
address by copy-link.js. Change both together (tests/test_site_chinese.py)."""
_TAGS = re.compile(r"<[^>]*>")
_IDS = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class Heading:
    """One entry of a page's table of contents."""

    level: int
    """1 for the page title, 2 for a section, 3 and deeper inside it."""
    id: str
    """The heading's anchor (``#outcomes``): fixed by the renderer, never derived from text
    but for the page title's."""
    title: str
    """The heading as plain text (no tags, not escaped)."""


@dataclass(frozen=True)
class Page:
    """A generated page, ready for MkDocs' theme."""

    meta: dict
    """What a hand-written page says in its front matter (title, description, hide, search)."""
    html: str
    """The page body, as Markdown conversion would have made it."""
    toc: tuple[Heading, ...]
    """Every heading of ``html`` in order (the adapter nests them by level)."""
    links: tuple[tuple[str, str], ...] = ()
    """(source path, anchor) of every link to a page of the site, for the adapter to check."""

    @functools.cached_property  # a report page has a thousand; every link into it asks
    def ids(self) -> set[str]:
        """Every ``id`` in the HTML: the anchors a link may point at."""
        return html_ids(self.html)


def html_ids(html: str) -> set[str]:
    """Every ``id`` attribute in ``html`` (double-quoted, as Markdown and the templates write them)."""
    return set(_IDS.findall(html))


def heading_id(title: str) -> str:
    """The page title's anchor, as the toc extension's slugify makes it for hand-written pages."""
    return _slug(title, "-")


@dataclass
class PageBuilder:
    """Handed to a template as ``page``: writes links relative to the page and headings with
    their permalink, and records both."""

    me: str
    """The page's source path (``practices/zu-anxin.md``)."""
    directory_urls: bool = True
    headings: list[Heading] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)

    def url(self, to: str, anchor: str = "") -> str:
        """The relative URL of page ``to`` (a source path) from this page, with ``#anchor``."""
        self.links.append((to, anchor))
        if to == self.me:
            return f"#{anchor}" if anchor else "./"
        target = built_url(self.me, to, self.directory_urls)
        return f"{target}#{anchor}" if anchor else target

    def link(self, to: str, text, anchor: str = "", title: str = "", **attrs: str) -> Markup:
        """``<a href>text</a>``; ``text`` is escaped unless it is ``Markup``."""
        extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items() if v)
        tip = f' title="{escape(title)}"' if title else ""
        return Markup(f'<a href="{escape(self.url(to, anchor))}"{extra}{tip}>{escape(text)}</a>')

    def source(self, report: str, sentence: str, text="原文", place: str = "") -> Markup:
        """A link to a sentence of a report (``data-place``: where it is, for print)."""
        return self.link(uris.report(report), text, sentence, title="在原文中查看这句话", data_place=place)

    def heading(self, level: int, ident: str | None, content, attrs: str = "") -> Markup:
        """``<hN id>content<a class="headerlink">复制链接</a></hN>``, as the toc extension
        writes a hand-written page's headings; ``ident`` None: the page title's slug."""
        text = _TAGS.sub("", str(escape(content)))
        plain = Markup(text).unescape()
        ident = ident or heading_id(plain)
        self.headings.append(Heading(level, ident, plain))
        return Markup(f'<h{level}{attrs} id="{escape(ident)}">{escape(content)}'
                      f'<a class="headerlink" href="#{escape(ident)}" title="{PERMALINK_TITLE}">{PERMALINK_TEXT}</a></h{level}>')


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def quoted(text) -> Markup:
    """``text`` in Chinese quotation marks, the marks inside nested (text/terms.py ``in_quotes``:
    转引自“‘三鹰’人才培育”). HTML (``Markup``: an auto-linked sentence) is nested in its text
    only, never inside a tag's attributes."""
    if not isinstance(text, Markup):
        return escape(in_quotes(str(text)))
    parts = _TAG_OR_TEXT.split(str(text))  # odd parts are tags
    inner = "".join(part if i % 2 else in_quotes(part)[1:-1] for i, part in enumerate(parts))
    return Markup(f"“{inner}”")


def _environment() -> jinja2.Environment:
    # The bytecode cache (Jinja's own, in the system's temp folder, keyed by template source)
    # spares every `mkdocs build` compiling the templates again: 0.2 s of today's site.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             bytecode_cache=jinja2.FileSystemBytecodeCache())
    env.globals["uris"] = uris
    env.filters["quoted"] = quoted
    return env


ENV = _environment()


def render_page(template: str, me: str, meta: dict, directory_urls: bool = True, **context) -> Page:
    """``template`` (a file under templates/) rendered for the page ``me``."""
    builder = PageBuilder(me, directory_urls)
    html = ENV.get_template(template).render(page=builder, **context)
    meta = {k: v for k, v in meta.items() if v is not None}
    return Page(meta, html.strip() + "\n", tuple(builder.headings), tuple(builder.links))


def broken_links(pages: dict[str, Page], others: set[str] | dict[str, set[str]]) -> list[str]:
    """Every link of ``pages`` to a page that is neither generated nor in ``others`` (the
    hand-written pages; as a dict, with their ids: then anchors into them are checked too),
    or to an anchor its target does not have, as ``source: target#anchor``: what
    ``mkdocs build --strict`` refuses in a Markdown page."""
    out = []
    for uri, page in pages.items():
        for to, anchor in dict.fromkeys(page.links):
            if to in pages:
                if anchor and anchor not in pages[to].ids:
                    out.append(f"{uri}: {to}#{anchor}（没有这个锚点）")
            elif to not in others:
                out.append(f"{uri}: {to}（没有这个页面）")
            elif anchor and isinstance(others, dict) and anchor not in others[to]:
                out.append(f"{uri}: {to}#{anchor}（没有这个锚点）")
    return out
