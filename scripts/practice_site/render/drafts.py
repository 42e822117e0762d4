"""Draft records on the site: shown while editing, left out of the published site.

A record with ``status: draft`` (written by add-report) is shown by ``mkdocs serve`` with a
banner and listed on the drafts page; ``mkdocs build`` leaves it out, unless
``PRACTICE_SITE_DRAFTS=1`` (Material's blog plugin treats drafts the same way). Leaving
drafts out removes every reference to them too (relations, honours, coverage ``see``, handout
entries, themes only drafts use), so a published page never links to a page that is not built.
"""
from __future__ import annotations

from dataclasses import replace

from practice_site.corpus.model import Corpus, Practice
from practice_site.render.page import Page, render_page
from practice_site.render.urls import uris

ENV = "PRACTICE_SITE_DRAFTS"
BANNER = "草稿·待编辑审核"


def show_drafts(command: str | None, env: str | None) -> bool:
    """``PRACTICE_SITE_DRAFTS=1`` shows drafts, ``=0`` hides them; unset, ``mkdocs serve``
    shows them and ``mkdocs build`` (and the CLI) does not."""
    if env in ("0", "1"):
        return env == "1"
    return command == "serve"


def without_drafts(corpus: Corpus) -> Corpus:
    drafts = {pid for pid, p in corpus.practices.items() if p.draft}
    if not drafts:
        return corpus
    kept = {pid: replace(p, related=tuple(r for r in p.related if r.target not in drafts))
            for pid, p in corpus.practices.items() if pid not in drafts}
    used = {p.theme for p in kept.values()}
    draft_only = {corpus.practices[d].theme for d in drafts} - used
    return replace(
        corpus, practices=kept,
        themes={tid: t for tid, t in corpus.themes.items() if tid not in draft_only},
        honours={hid: replace(h, practices=tuple(x for x in h.practices if x not in drafts))
                 for hid, h in corpus.honours.items()},
        skipped=tuple(replace(k, see=tuple(x for x in k.see if x not in drafts)) for k in corpus.skipped),
        collections={cid: replace(c, items=tuple(i for i in c.items if i.practice not in drafts))
                     for cid, c in corpus.collections.items()})


def render_drafts(corpus: Corpus, directory_urls: bool = True) -> Page:
    """The editor's list of drafts, by the report they come from, then by id
    (a draft's own page shows templates/_draft_banner.html)."""
    def source(p: Practice) -> str:
        return p.how[0].report if p.how else ""

    drafts = [(p, corpus.reports.get(source(p))) for p in
              sorted((p for p in corpus.practices.values() if p.draft), key=lambda p: (source(p), p.id))]
    return render_page("drafts.html", uris.drafts, {"title": "草稿", "description": "待编辑审核的草稿记录"},
                       directory_urls, heading="草稿（待编辑审核）", heading_id="drafts", drafts=drafts,
                       themes=corpus.themes, kinds=corpus.kinds)
