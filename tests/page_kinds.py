"""One built page of each kind the site has, for tests that must meet every template and
renderer (accessibility, HTML validity, the CSP, requests to other hosts).

When the site gains a kind of page (collections, …), add it to ``KINDS`` and ``page_kinds``: every test
that visits "each kind of page" picks it up. Data pages are taken from the corpus, not
named, so the list holds whatever reports and practices the data has.
"""
from __future__ import annotations

from practice_site.corpus.model import Corpus
from practice_site.render.urls import built_url, uris

KINDS = ("home", "practice", "report", "theme", "map", "glossary", "themes", "tags", "a-z", "campaigns",
         "honours", "reports", "report-practices", "browse", "about", "collections", "collection", "404")
"""Every kind, named before any data is read (tests are parametrised by these names)."""


def page_kinds(corpus: Corpus) -> dict[str, str]:
    """Kind of page -> its URL path under the site root (directory URLs, as built)."""
    sources = {
        "home": uris.home,
        "practice": uris.practice(min(corpus.practices)),
        "report": uris.report(min(corpus.reports)),
        "theme": uris.theme(min(corpus.themes)),
        "map": uris.map,
        "glossary": uris.glossary,
        "themes": uris.themes,
        "tags": uris.tags,
        "a-z": uris.practices,
        "campaigns": uris.campaigns,
        "honours": uris.honours,
        "reports": uris.reports,
        "report-practices": uris.report_practices(min(corpus.reports)),
        "browse": uris.browse,
        "about": uris.about,
        "collections": uris.collections,
    }
    if corpus.collections:
        sources["collection"] = uris.collection(min(corpus.collections))
    kinds = {kind: "" if uri == uris.home else built_url(uris.home, uri) for kind, uri in sources.items()}
    kinds["404"] = "404.html"
    return kinds
