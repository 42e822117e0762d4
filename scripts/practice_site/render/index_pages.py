"""Entry pages: home, themes, tags, the A–Z list (pinyin order)."""
from __future__ import annotations

from functools import cache

from pypinyin import Style, lazy_pinyin

from practice_site.corpus.model import Corpus, Practice
from practice_site.render.markup import front_matter, link, md_text, uris
from practice_site.text.terms import sort_core


@cache  # pypinyin is slow; index pages sort the same names again and again
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key in pinyin order; quotation marks are ignored (“三鹰” sorts under S)."""
    return (" ".join(lazy_pinyin(sort_core(name), style=Style.NORMAL)).lower(), name)


def card(me: str, p: Practice, corpus: Corpus) -> str:
    return f"- {link(me, uris.practice(p.id), p.name)}（{md_text(corpus.kinds[p.kind].name)}）：{md_text(p.summary)}"


def cards(me: str, practices: list[Practice], corpus: Corpus) -> str:
    """Material grid cards (CSS only, no script): one card per practice."""
    out = ['<div class="grid cards" markdown>\n']
    for p in practices:
        tags = "、".join(md_text(t) for t in p.tags)
        out.append(f"-   **{link(me, uris.practice(p.id), p.name)}**\n\n"
                   f"    <small>{md_text(corpus.kinds[p.kind].name)} · {tags}</small>\n\n"
                   f"    {md_text(p.summary)}\n")
    out.append("</div>\n")
    return "\n".join(out)


def by_theme(corpus: Corpus, tid: str) -> list[Practice]:
    return sorted((p for p in corpus.practices.values() if p.theme == tid),
                  key=lambda p: pinyin_key(p.name))


def render_home(corpus: Corpus) -> str:
    me = uris.home
    out = [front_matter(title="首页", hide=["navigation"]), "# 公安工作做法知识库\n",
           f"本站收录 {len(corpus.reports)} 份公安机关工作报告中的 {len(corpus.practices)} 项工作做法："
           "每项做法的要点、成效数据和原文出处，都可以追溯到报告中的原句。按主题浏览，"
           "按拼音查找，或在页面顶部的搜索框输入关键词（如“反诈”“网格”“落户”）。\n",
           "## 按主题浏览 {#themes}\n"]
    if drafts := sum(p.draft for p in corpus.practices.values()):
        out.insert(-1, f"!!! warning \"草稿·待编辑审核\"\n    本次预览含 {drafts} 条草稿："
                   f"{link(me, uris.drafts, '草稿列表')}。\n")
    for t in corpus.themes.values():
        n = len(by_theme(corpus, t.id))
        out.append(f"- {link(me, uris.theme(t.id), t.name)}（{n} 项）：{md_text(t.description)}")
    out.append("\n## 其他入口 {#entries}\n")
    out.append(f"- {link(me, uris.practices, '全部做法（按拼音排序）')}")
    out.append(f"- {link(me, uris.collections, '专题讲义（培训用，可打印）')}")
    out.append(f"- {link(me, uris.tags, '标签索引')}")
    out.append(f"- {link(me, uris.map, '做法关系图')}")
    out.append(f"- {link(me, uris.glossary, '术语（缩略语与数字提法）')}")
    out.append(f"- {link(me, uris.campaigns, '专项行动')}")
    out.append(f"- {link(me, uris.honours, '荣誉与表彰')}")
    out.append(f"- {link(me, uris.browse, '按发文单位与年度浏览')}")
    for r in sorted(corpus.reports.values(), key=lambda r: (-r.year, r.id)):
        out.append(f"- 原文：{link(me, uris.report(r.id), f'{r.title}（{r.year}年）')}")
    out.append(f"- {link(me, uris.about, '关于本站与证据等级')}\n")
    return "\n".join(out)


def render_themes_index(corpus: Corpus) -> str:
    me = uris.themes
    out = [front_matter(title="主题"), "# 主题\n"]
    for t in corpus.themes.values():
        out.append(f"- {link(me, uris.theme(t.id), t.name)}（{len(by_theme(corpus, t.id))} 项）：{md_text(t.description)}")
    return "\n".join(out) + "\n"


def render_theme(tid: str, corpus: Corpus) -> str:
    t = corpus.themes[tid]
    me = uris.theme(tid)
    out = [front_matter(title=t.name, description=t.description), f"# {md_text(t.name)}\n",
           f'<p class="ps-editorial" markdown><span class="ps-badge">编者概述</span> {md_text(t.description)}</p>\n']
    for rid, num in t.parts:
        r = corpus.reports[rid]
        part = r.parsed.top(num)
        assert part is not None  # checked by the loader
        out.append(f"对应原文：{link(me, uris.report(rid), part.heading, part.id)}\n")
    out.append("## 本主题的做法 {#practices}\n")
    out.append(cards(me, by_theme(corpus, tid), corpus))
    out.append(f"各做法之间的关系见{link(me, uris.map, '做法关系图')}。\n")
    return "\n".join(out)


def render_tags(corpus: Corpus) -> str:
    me = uris.tags
    out = [front_matter(title="标签索引"), "# 标签索引\n"]
    for tag in sorted(corpus.tags.values(), key=lambda t: pinyin_key(t.name)):
        practices = sorted((p for p in corpus.practices.values() if tag.name in p.tags),
                           key=lambda p: pinyin_key(p.name))
        if not practices:
            continue
        out.append(f"## {md_text(tag.name)} {{#{tag.id}}}\n")
        out.append(f"{md_text(tag.description)}\n")
        out.extend(card(me, p, corpus) for p in practices)
        out.append("")
    return "\n".join(out)


def render_az(corpus: Corpus) -> str:
    me = uris.practices
    out = [front_matter(title="全部做法（A–Z）"), "# 全部做法（按拼音排序）\n"]
    groups: dict[tuple[str, str], list[Practice]] = {}
    for p in sorted(corpus.practices.values(), key=lambda p: pinyin_key(p.name)):
        first = pinyin_key(p.name)[0][:1].upper()
        # A name starting with a digit (“1＋3＋N”…) sorts first, under 0–9.
        key = (first, first.lower()) if "A" <= first <= "Z" else ("0–9", "digits")
        groups.setdefault(key, []).append(p)
    out.append(" · ".join(f"[{letter}](#{anchor})" for letter, anchor in groups) + "\n")
    for (letter, anchor), practices in groups.items():
        out.append(f"\n## {letter} {{#{anchor}}}\n")
        out.extend(card(me, p, corpus) for p in practices)
    return "\n".join(out) + "\n"

