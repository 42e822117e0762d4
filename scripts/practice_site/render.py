"""All generated pages as {source path: Markdown}. Pure: no files, no MkDocs."""
from __future__ import annotations

from .link import Links, link_corpus
from .markup import uris
from .model import Corpus
from .render_index import (render_az, render_home, render_reports_index, render_tags, render_theme,
                           render_themes_index)
from .render_practice import render_practice
from .render_report import render_report


def render_site(corpus: Corpus, links: Links | None = None, site_url: str = "") -> dict[str, str]:
    links = links or link_corpus(corpus)
    pages = {
        uris.home: render_home(corpus),
        uris.themes: render_themes_index(corpus),
        uris.tags: render_tags(corpus),
        uris.practices: render_az(corpus),
        uris.reports: render_reports_index(corpus),
    }
    for tid in corpus.themes:
        pages[uris.theme(tid)] = render_theme(tid, corpus)
    for rid, report in corpus.reports.items():
        pages[uris.report(rid)] = render_report(report, corpus, links)
    for pid, p in corpus.practices.items():
        pages[uris.practice(pid)] = render_practice(p, corpus, links, site_url)
    return pages
