"""Generated pages as MkDocs pages: their HTML and headings come from our templates
(render/page.py), so MkDocs has nothing to convert.

MkDocs builds a page by setting up Python-Markdown with every extension of the site and
converting the page's source (``Page.render``): for a generated page an empty source, about
0.4 ms a page for nothing (0.25 s of a serve refresh at 1,000 practices). A plugin may give a
file its own page before the nav is made (MkDocs checks only that it is a ``Page``; Material's
blog plugin does this for its posts): ``TemplatePage.render`` puts the template's HTML and
table of contents in instead.
"""
from __future__ import annotations

import html
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from practice_site.render.page import Heading
from practice_site.render.page import Page as GeneratedPage


def toc(headings: tuple[Heading, ...]) -> TableOfContents:
    """A generated page's headings nested by level, as MkDocs nests a Markdown page's."""
    root: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for h in headings:
        link = AnchorLink(html.escape(h.title, quote=False), h.id, h.level)
        while stack and stack[-1].level >= h.level:
            stack.pop()
        (stack[-1].children if stack else root).append(link)
        stack.append(link)
    return TableOfContents(root)


def nav_titles(nav: Any) -> dict[str, str]:
    """The titles mkdocs.yml's ``nav`` gives pages (``- 主题: themes/index.md``), by source
    path: MkDocs passes them to the pages it makes, so the pages made here take them too."""
    titles: dict[str, str] = {}

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else []:
            for title, value in item.items() if isinstance(item, dict) else ():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    walk(value)

    walk(nav)
    return titles


class TemplatePage(Page):
    """A page whose HTML and toc are a generated page's (render/page.py)."""

    def __init__(self, title: str | None, file: Any, config: Any, generated: GeneratedPage,
                 contents: TableOfContents) -> None:
        super().__init__(title, file, config)
        self.generated = generated
        self.contents = contents

    def render(self, config: Any, files: Any) -> None:
        self.content = self.generated.html
        self.toc = self.contents

    @property
    def present_anchor_ids(self) -> set[str]:  # type: ignore[override]  # read-only: render sets none
        """The anchors a hand-written page may link to (``validation: anchors``): read only
        when one does, so not worked out for every page."""
        return self.generated.ids
