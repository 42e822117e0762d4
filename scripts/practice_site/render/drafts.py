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
from practice_site.render.markup import front_matter, link, md_text, uris

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


def banner(p: Practice) -> str:
    """The notice on a draft's page (empty for a published record)."""
    if not p.draft:
        return ""
    return (f'!!! warning "{BANNER}"\n'
            f"    本页由 add-report 根据报告自动起草，名称、要点、数据和分类都未经编辑审核，"
            f"不会出现在正式发布的网站上。编辑核对 `data/practices/{p.id}.yml` 后，删去其中的 "
            "`status: draft` 一行即可发布。\n")


def render_drafts(corpus: Corpus) -> str:
    """The editor's list of drafts, by the report they come from, then by id."""
    me = uris.drafts
    drafts = [p for p in corpus.practices.values() if p.draft]
    out = [front_matter(title="草稿", description="待编辑审核的草稿记录"), "# 草稿（待编辑审核） {#drafts}\n",
           f"共 {len(drafts)} 条草稿。逐条核对原文后，删去记录中的 `status: draft` 一行即发布；"
           "不是做法的，删除记录文件，并在 `data/coverage.yml` 中说明原因。\n"]
    def source(p: Practice) -> str:
        return p.how[0].report if p.how else ""

    if drafts:
        out.append("| 草稿 | 出自 | 记录文件 | 主题 | 类型 |\n| --- | --- | --- | --- | --- |")
        for p in sorted(drafts, key=lambda p: (source(p), p.id)):
            theme = corpus.themes[p.theme]
            rid = source(p)
            report = link(me, uris.report(rid), corpus.reports[rid].title) if rid in corpus.reports else ""
            out.append(f"| {link(me, uris.practice(p.id), p.name)} | {report} | `data/practices/{p.id}.yml` | "
                       f"{link(me, uris.theme(theme.id), theme.name)} | {md_text(corpus.kinds[p.kind].name)} |")
    return "\n".join(out) + "\n"
