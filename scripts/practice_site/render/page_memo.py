"""Practice and report pages rendered again only when something they show changed (``mkdocs serve``).

A practice page (render_practice) shows its record, what the linker found for it (source
sentences, relations declared on other records, backlinks), its suggestions and campaigns,
the name (and theme, summary) of every practice it names or links, and site-wide tables.
The memo keys each page by all of these, by value:

- site-wide, compared once per build: reports, themes, tags, kinds, relation kinds,
  honours, glossary (and whether the glossary page is linked), every practice's names
  (the auto-linker's), the site URL; any change renders every page again;
- per page: its record, evidence, inverse relations, backlinks, suggestions, campaigns,
  and the record of every practice it refers to (related, inverse, backlinks, suggested,
  campaigns);
- the practices the auto-linker linked while the page was rendered (their summary is the
  link's tooltip), recorded then and compared on reuse.

A report page (render_report) is the report with every mention linked: keyed by the report,
the site-wide tables and the practices it links. So an edited summary renders its own page
and the pages that show it; the other pages are reused. The site's suggestions are worked
out again only when something they are computed from changed (``suggestions``).
``tests/test_load_reuse.py`` compares them with a fresh render after every kind of edit.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from practice_site.corpus.model import Corpus, Practice, Report
from practice_site.link.graph import Links
from practice_site.link.suggest import Suggestion, suggest
from practice_site.render.autolink import Annotator, PageText
from practice_site.render.page import Page
from practice_site.render.practice import render_practice
from practice_site.render.report import render_report
from practice_site.render.urls import uris


@dataclass(frozen=True)
class _Page:
    key: tuple
    linked: tuple[tuple[str, Practice | None], ...]
    page: Page


class _Recording(Annotator):
    """The site's annotator, keeping each page state it hands out (to read what it linked)."""

    def __init__(self, annotator: Annotator):
        self.__dict__.update(annotator.__dict__)
        self.texts: list[PageText] = []

    def page(self, me: str, self_id: str | None = None, *, every: bool = False) -> PageText:
        text = super().page(me, self_id, every=every)
        self.texts.append(text)
        return text


class PageMemo:
    """Annotated pages (practices, reports) of the last build, reused while their inputs are equal."""

    def __init__(self) -> None:
        self._site: tuple | None = None
        self._last: dict[str, _Page] = {}
        self._now: dict[str, _Page] = {}
        self._annotator: Annotator | None = None
        self._suggested: tuple[tuple, dict[str, list[Suggestion]]] | None = None
        self.reused = 0

    def begin(self, corpus: Corpus, site_url: str, annotator: Annotator) -> None:
        site = (site_url, corpus.reports, corpus.themes, corpus.tags, corpus.kinds, corpus.relation_kinds,
                corpus.honours, corpus.glossary, annotator.glossary_uri,
                tuple((p.id, p.names) for p in sorted(corpus.practices.values(), key=lambda p: p.id)))
        if site != self._site:
            self._last = {}
        self._site, self._now, self.reused, self._annotator = site, {}, 0, annotator

    def suggestions(self, corpus: Corpus, links: Links) -> dict[str, list[Suggestion]]:
        """``suggest``'s answer, reused while everything it reads is equal: the reports (their
        sections), the mentions the linker found, relations both ways, backlinks, and each
        practice's id, kind, tags and relations, in order. An edited summary or quote leaves
        them all as they were (at 1,000 practices suggest is a tenth of a serve rebuild)."""
        key = (corpus.reports, links.mentions, links.inverse, links.backlinks,
               tuple((p.id, p.kind, p.tags, p.related) for p in corpus.practices.values()))
        if self._suggested is None or self._suggested[0] != key:
            self._suggested = (key, suggest(corpus, links))
        return self._suggested[1]

    def practice(self, p: Practice, corpus: Corpus, links: Links, site_url: str, annotator: Annotator,
                 suggestions: list[Suggestion], campaigns: dict[str, list[str]],
                 directory_urls: bool = True) -> Page:
        """``render_practice``'s page, reused while its inputs are equal."""
        mine = {cid: m for cid, m in campaigns.items() if p.id in m or cid == p.id}
        shown = {r.target for r in p.related} | {src for src, _, _ in links.inverse[p.id]}
        shown |= set(links.backlinks[p.id]) | {s.target for s in suggestions}
        shown |= {r.value[0] for s in suggestions for r in s.reasons if r.kind == "campaign"}
        shown |= set(mine) | {m for members in mine.values() for m in members}
        key = (p, tuple(links.evidence[p.id]), tuple(links.inverse[p.id]), tuple(links.backlinks[p.id]),
               tuple(suggestions), tuple((c, tuple(m)) for c, m in mine.items()),
               tuple((i, corpus.practices.get(i)) for i in sorted(shown)), directory_urls)
        return self._page(uris.practice(p.id), key, corpus, lambda a: render_practice(
            p, corpus, links, site_url, a, suggestions, campaigns, directory_urls))

    def report(self, report: Report, corpus: Corpus, links: Links, annotator: Annotator,
               directory_urls: bool = True) -> Page:
        """``render_report``'s page: the report, its mentions (names: site-wide) and the
        practices it links (their summary is the tooltip)."""
        return self._page(uris.report(report.id), (report, directory_urls), corpus,
                          lambda a: render_report(report, corpus, links, a, directory_urls))

    def _page(self, uri: str, key: tuple, corpus: Corpus, render: Callable[[Annotator], Page]) -> Page:
        seen = self._last.get(uri)
        if (seen is not None and seen.key == key
                and all(corpus.practices.get(i) == was for i, was in seen.linked)):
            self._now[uri] = seen
            self.reused += 1
            return seen.page
        assert self._annotator is not None, "begin() first"
        recording = _Recording(self._annotator)
        page = render(recording)
        linked = sorted({i for t in recording.texts for i in t.linked})
        self._now[uri] = _Page(key, tuple((i, corpus.practices.get(i)) for i in linked), page)
        return page

    def end(self) -> None:
        """Keep this build's pages (deleted records dropped) for the next."""
        self._last = self._now
