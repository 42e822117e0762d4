"""Pages for what the reports name that is not a practice: 荣誉与表彰 (honours) and the
专项行动 index (campaigns with a page, and campaigns the report only names)."""
from __future__ import annotations

from practice_site.corpus.honours import HONOUR_KINDS
from practice_site.corpus.model import Corpus, Skip
from practice_site.render.index_pages import pinyin_key
from practice_site.render.page import Page, render_page
from practice_site.render.urls import uris


def render_honours(corpus: Corpus, directory_urls: bool = True) -> Page:
    kinds = [(kind, heading, items) for kind, heading in HONOUR_KINDS.items()
             if (items := [h for h in corpus.honours.values() if h.kind == kind])]
    return render_page("honours.html", uris.honours,
                       {"title": "荣誉与表彰", "description": "报告列出的荣誉、表彰、推荐和媒体报道"},
                       directory_urls, heading="荣誉与表彰", kinds=kinds, practices=corpus.practices)


def _named_only(skip: Skip, corpus: Corpus) -> tuple[str, str] | None:
    """The first sentence naming a skipped campaign (quotation marks ignored)."""
    hits = corpus.quotes.find_unquoted(skip.term)
    return (hits[0][0], hits[0][1].id) if hits else None


def render_campaigns(corpus: Corpus, directory_urls: bool = True) -> Page:
    campaigns = sorted((p for p in corpus.practices.values() if p.kind == "campaign"),
                       key=lambda p: pinyin_key(p.name))
    named = [(k, _named_only(k, corpus)) for k in corpus.skipped if k.category == "campaign"]
    return render_page("campaigns.html", uris.campaigns,
                       {"title": "专项行动", "description": "报告中的专项行动、专项整治和专项工作"},
                       directory_urls, heading="专项行动", campaigns=campaigns, named=named, kinds=corpus.kinds)
