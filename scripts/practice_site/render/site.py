"""All generated pages as {source path: Page} (HTML, table of contents, links). Pure: no files, no MkDocs."""
from __future__ import annotations

from practice_site.corpus.model import Corpus
from practice_site.link.graph import Links, link_corpus
from practice_site.link.suggest import campaign_members, suggest
from practice_site.render.autolink import Annotator
from practice_site.render.browse import named_by_report, render_browse, render_report_practices, render_reports_index
from practice_site.render.drafts import render_drafts
from practice_site.render.glossary import render_glossary
from practice_site.render.handouts import render_collection, render_collections_index
from practice_site.render.index_pages import render_az, render_home, render_tags, render_theme, render_themes_index
from practice_site.render.listings import render_campaigns, render_honours
from practice_site.render.map import render_map
from practice_site.render.page import Page
from practice_site.render.page_memo import PageMemo
from practice_site.render.practice import render_practice
from practice_site.render.report import render_report
from practice_site.render.urls import uris

GLOSSARY = "glossary.md"
"""The glossary page (made by its own module, if present); terms link there by id."""


def glossary_target(pages: dict[str, Page], corpus: Corpus) -> str | None:
    """The glossary page if it exists and has an anchor for every term id (else no link:
    a link to a missing page or anchor would break ``mkdocs build --strict``)."""
    page = pages.get(GLOSSARY)
    if page is None or not set(corpus.glossary) <= page.ids:
        return None
    return GLOSSARY


def render_site(corpus: Corpus, links: Links | None = None, site_url: str = "",
                directory_urls: bool = True, memo: PageMemo | None = None) -> dict[str, Page]:
    """``directory_urls``: MkDocs' ``use_directory_urls`` (links are written as built URLs).
    ``memo`` (``mkdocs serve``): practice and report pages whose inputs are those of the
    last build with this memo are reused (page_memo.py)."""
    links = links or link_corpus(corpus)
    pages = {
        uris.home: render_home(corpus, directory_urls=directory_urls),
        uris.themes: render_themes_index(corpus, directory_urls=directory_urls),
        uris.tags: render_tags(corpus, directory_urls=directory_urls),
        uris.practices: render_az(corpus, directory_urls=directory_urls),
        uris.reports: render_reports_index(corpus, links, directory_urls=directory_urls),
        uris.browse: render_browse(corpus, links, directory_urls=directory_urls),
        uris.glossary: render_glossary(corpus, directory_urls=directory_urls),
        uris.honours: render_honours(corpus, directory_urls=directory_urls),
        uris.campaigns: render_campaigns(corpus, directory_urls=directory_urls),
        uris.collections: render_collections_index(corpus, directory_urls=directory_urls),
    }
    for cid, c in corpus.collections.items():
        pages[uris.collection(cid)] = render_collection(c, corpus, site_url, directory_urls=directory_urls)
    for tid in corpus.themes:
        pages[uris.theme(tid)] = render_theme(tid, corpus, directory_urls=directory_urls)
    pages[uris.map] = render_map(corpus, directory_urls)
    if any(p.draft for p in corpus.practices.values()):
        pages[uris.drafts] = render_drafts(corpus, directory_urls=directory_urls)
    # Last: auto-linked pages link to the glossary only if it was rendered above.
    annotator = Annotator(corpus, links, glossary_target(pages, corpus), directory_urls)
    suggestions = memo.suggestions(corpus, links) if memo is not None else suggest(corpus, links)
    campaigns = campaign_members(corpus)
    named = named_by_report(corpus, links)
    if memo is not None:
        memo.begin(corpus, site_url, annotator)
    for rid, report in corpus.reports.items():
        pages[uris.report(rid)] = (memo.report(report, corpus, links, annotator, directory_urls) if memo is not None
                                   else render_report(report, corpus, links, annotator, directory_urls))
        pages[uris.report_practices(rid)] = render_report_practices(report, corpus, links, named, directory_urls)
    for pid, p in corpus.practices.items():
        if memo is not None:
            pages[uris.practice(pid)] = memo.practice(p, corpus, links, site_url, annotator, suggestions[pid], campaigns,
                                                    directory_urls)
        else:
            pages[uris.practice(pid)] = render_practice(p, corpus, links, site_url, annotator,
                                                        suggestions[pid], campaigns, directory_urls)
    if memo is not None:
        memo.end()
    return pages
