"""Topic handouts: ``collections/index.md`` and one page per ``data/collections/<id>.yml``.

A handout is read on screen and printed (print.css starts each entry on a new sheet side
when it fits): per entry the practice's summary, key points and outcomes, each with its
source, the trainer's note and discussion questions. Anchors are fixed (the practice id,
or the quoted sentence's id) so a trainer can link one entry.
"""
from __future__ import annotations

from practice_site.corpus.model import Collection, CollectionItem, Corpus, Quote
from practice_site.render.markup import front_matter, link, md_text, public_address, uris
from practice_site.text.terms import in_quotes

EDITORIAL = '<span class="ps-badge">{}</span>'


def source_link(me: str, q: Quote, corpus: Corpus) -> str:
    """A source as a printed handout shows it: the place in the report (三、一是); the
    report itself is named once per entry (``sources_line``)."""
    sentence = corpus.quotes.sentence(q.report, q.sentence)
    place = corpus.reports[q.report].parsed.label(sentence.section) if sentence else ""
    return link(me, uris.report(q.report), f"原文 {place}", q.sentence, title="在原文中查看这句话")


def sources_line(quotes: list[Quote], corpus: Corpus) -> str:
    """出处：the reports an entry quotes, each once, as the practice page's citation does."""
    reports = [corpus.reports[r] for r in dict.fromkeys(q.report for q in quotes)]
    return "出处：" + "；".join(f"{md_text(r.unit)}：《{md_text(r.title)}》，{r.year}年" for r in reports)


def _editorial(label: str, text: str) -> str:
    return f'<p class="ps-editorial" markdown>{EDITORIAL.format(label)} {md_text(text)}</p>\n'


def _practice_entry(me: str, n: int, item: CollectionItem, corpus: Corpus, site_url: str) -> list[str]:
    p = corpus.practices[item.practice]
    out = [f'## {n}. {md_text(p.name)} {{#{p.id} .ps-entry}}\n',
           _editorial("编者概述", p.summary),
           "**做法要点**（报告原文摘录）\n"]
    out.extend(f"- {in_quotes(md_text(q.text))} — {source_link(me, q, corpus)}" for q in p.how)
    out.append("")
    out.append("**成效与数据**（照录原文）\n")
    if p.outcomes:
        out.append("| 数据 | 说明 | 出处 |\n| --- | --- | --- |")
        out.extend(f"| {md_text(o.figure)} | {md_text(o.measures)} | {source_link(me, o.quote, corpus)} |"
                   for o in p.outcomes)
        out.append("")
    else:
        out.append("报告未给出与本做法直接相关的数据。\n")
    out.append(sources_line([*p.how, *(o.quote for o in p.outcomes)], corpus) + "\n")
    # The address in full, as on the practice page's 引用本页: a printed handout has no links.
    address = public_address(site_url, f"practices/{p.id}/")
    out.append(f"详见做法页面：{link(me, uris.practice(p.id), p.name)} `{address}`"
               f"（{link(me, uris.practice(p.id), '全部原文出处', 'sources')}）\n")
    return out


def _quote_entry(me: str, n: int, item: CollectionItem, corpus: Corpus, site_url: str) -> list[str]:
    q = item.quote
    assert q is not None  # an item is a practice or a quote (read_collections)
    sentence = corpus.quotes.sentence(q.report, q.sentence)
    text = sentence.text if sentence else q.text
    return [f"## {n}. 原文摘录 {{#{q.sentence} .ps-entry}}\n",
            f"> {md_text(text)} {source_link(me, q, corpus)}\n",
            sources_line([q], corpus) + f"。原文网址：`{public_address(site_url, f'reports/{q.report}/')}#{q.sentence}`\n"]


def _trainer(item: CollectionItem) -> list[str]:
    out = []
    if item.note:
        out.append(_editorial("教员提示", item.note))
    if item.questions:
        out.append(f'<p class="ps-questions" markdown>{EDITORIAL.format("讨论题")}</p>\n')
        out.extend(f"{i}. {md_text(q)}" for i, q in enumerate(item.questions, 1))
        out.append("")
    return out


def render_collection(c: Collection, corpus: Corpus, site_url: str = "") -> str:
    me = uris.collection(c.id)
    out = [front_matter(title=c.title, description=f"专题讲义：{c.title}"),
           f"# {md_text(c.title)}\n",
           f'<div class="ps-meta" markdown>\n适用对象：{md_text(c.audience)} · '
           f"共 {len(c.items)} 项<span class=\"ps-noprint\"> · {link(me, uris.collections, '全部专题讲义')}</span>\n</div>\n",
           _editorial("编者导语", c.introduction),
           handout_address(c, site_url),
           "!!! info \"阅读说明\"\n"
           "    标有“编者概述”“编者导语”“教员提示”“讨论题”的文字由编者撰写；其余摘录与数据均照录"
           "报告原文（原文隐去的数字以 \\* 表示），出自单位自述，未经独立评估。每条摘录后注明出处。\n"]
    for n, item in enumerate(c.items, 1):
        entry = _practice_entry if item.practice else _quote_entry
        out.extend(entry(me, n, item, corpus, site_url))
        out.extend(_trainer(item))
    return "\n".join(out)


def handout_address(c: Collection, site_url: str) -> str:
    """本讲义网址: where the handout is online, so that paper leads back to it (the public
    address when mkdocs.yml sets ``site_url``; never a local one)."""
    return f"本讲义网址：`{public_address(site_url, f'collections/{c.id}/')}`\n"


def render_collections_index(corpus: Corpus) -> str:
    me = uris.collections
    out = [front_matter(title="专题讲义", description="按专题编排的做法讲义，供培训与学习使用"),
           "# 专题讲义\n",
           "教员按专题挑选的做法与原文摘录，附编者导语、教员提示和讨论题，可直接打印为讲义"
           "（浏览器“打印”，A4）。\n"]
    if not corpus.collections:
        out.append("暂无专题讲义。")
    for c in corpus.collections.values():
        names = "、".join(md_text(corpus.practices[i.practice].name) if i.practice else "原文摘录"
                         for i in c.items)
        out.append(f"- {link(me, uris.collection(c.id), c.title)}（{md_text(c.audience)}）：{names}")
    return "\n".join(out) + "\n"
