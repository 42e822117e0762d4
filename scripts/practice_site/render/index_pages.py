"""Entry pages: home, themes, tags, the A–Z list (pinyin order). Templates: home.html,
themes.html, theme.html, tags.html, az.html."""
from __future__ import annotations

from functools import cache

from pypinyin import Style, lazy_pinyin

from practice_site.corpus.model import Corpus, Practice
from practice_site.render.page import Page, render_page
from practice_site.render.urls import uris
from practice_site.text.terms import sort_core


@cache  # pypinyin is slow; index pages sort the same names again and again
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key in pinyin order; quotation marks are ignored (“三鹰” sorts under S)."""
    return (" ".join(lazy_pinyin(sort_core(name), style=Style.NORMAL)).lower(), name)


def by_theme(corpus: Corpus, tid: str) -> list[Practice]:
    return sorted((p for p in corpus.practices.values() if p.theme == tid),
                  key=lambda p: pinyin_key(p.name))


def _themes(corpus: Corpus) -> list:
    return [(t, len(by_theme(corpus, t.id))) for t in corpus.themes.values()]


def render_home(corpus: Corpus, directory_urls: bool = True) -> Page:
    return render_page(
        "home.html", uris.home, {"title": "首页", "hide": ["navigation"]}, directory_urls,
        heading="公安工作做法知识库", n_reports=len(corpus.reports), n_practices=len(corpus.practices),
        drafts=sum(p.draft for p in corpus.practices.values()), themes=_themes(corpus),
        reports=sorted(corpus.reports.values(), key=lambda r: (-r.year, r.id)))


def render_themes_index(corpus: Corpus, directory_urls: bool = True) -> Page:
    return render_page("themes.html", uris.themes, {"title": "主题"}, directory_urls,
                       heading="主题", themes=_themes(corpus))


def render_theme(tid: str, corpus: Corpus, directory_urls: bool = True) -> Page:
    t = corpus.themes[tid]
    parts = []
    for rid, num in t.parts:
        part = corpus.reports[rid].parsed.top(num)
        assert part is not None  # checked by the loader
        parts.append((rid, part))
    return render_page("theme.html", uris.theme(tid), {"title": t.name, "description": t.description},
                       directory_urls, heading=t.name, theme=t, parts=parts,
                       practices=by_theme(corpus, tid), kinds=corpus.kinds)


def render_tags(corpus: Corpus, directory_urls: bool = True) -> Page:
    tags = []
    for tag in sorted(corpus.tags.values(), key=lambda t: pinyin_key(t.name)):
        practices = sorted((p for p in corpus.practices.values() if tag.name in p.tags),
                           key=lambda p: pinyin_key(p.name))
        if practices:
            tags.append((tag, practices))
    return render_page("tags.html", uris.tags, {"title": "标签索引"}, directory_urls,
                       heading="标签索引", tags=tags, kinds=corpus.kinds)


def render_az(corpus: Corpus, directory_urls: bool = True) -> Page:
    groups: dict[tuple[str, str], list[Practice]] = {}
    for p in sorted(corpus.practices.values(), key=lambda p: pinyin_key(p.name)):
        first = pinyin_key(p.name)[0][:1].upper()
        # A name starting with a digit (“1＋3＋N”…) sorts first, under 0–9.
        key = (first, first.lower()) if "A" <= first <= "Z" else ("0–9", "digits")
        groups.setdefault(key, []).append(p)
    return render_page("az.html", uris.practices, {"title": "全部做法（A–Z）"}, directory_urls,
                       heading="全部做法（按拼音排序）", kinds=corpus.kinds,
                       groups=[(letter, anchor, ps) for (letter, anchor), ps in groups.items()])
