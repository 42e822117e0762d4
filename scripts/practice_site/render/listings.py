"""Pages for what the reports name that is not a practice: 荣誉与表彰 (honours) and the
专项行动 index (campaigns with a page, and campaigns the report only names)."""
from __future__ import annotations

from practice_site.corpus.honours import HONOUR_KINDS
from practice_site.corpus.model import Corpus, Skip
from practice_site.render.index_pages import card, pinyin_key
from practice_site.render.markup import front_matter, link, md_text, uris
from practice_site.text.terms import in_quotes


def _source(me: str, report: str, sid: str) -> str:
    return link(me, uris.report(report), "原文", sid, title="在原文中查看这句话")


def render_honours(corpus: Corpus) -> str:
    me = uris.honours
    out = [front_matter(title="荣誉与表彰", description="报告列出的荣誉、表彰、推荐和媒体报道"),
           "# 荣誉与表彰\n",
           "报告列出的荣誉、嘉奖、推荐和媒体报道，按原文照录（原文隐去的名称和数字以 \\* 表示）。"
           "它们是对工作的评价，不是做法；只有报告原句把它们和某项做法写在一起时，才列出相关做法。"
           "与其他内容一样，均出自单位自述，未经独立核实。\n"]
    for kind, heading in HONOUR_KINDS.items():
        items = [h for h in corpus.honours.values() if h.kind == kind]
        if not items:
            continue
        out.append(f"## {md_text(heading)} {{#{kind}}}\n")
        for h in items:
            out.append(f"### {md_text(h.title)} {{#{h.id}}}\n")
            out.append(f"> {in_quotes(md_text(h.quote.text))} {_source(me, h.quote.report, h.quote.sentence)}\n")
            if h.practices:
                out.append("相关做法：" + "、".join(link(me, uris.practice(p), corpus.practices[p].name)
                                                for p in h.practices) + "\n")
            if h.note:
                out.append(f'<span class="ps-badge">编者注</span> {md_text(h.note)}\n')
    return "\n".join(out)


def _named_only(skip: Skip, corpus: Corpus) -> tuple[str, str] | None:
    """The first sentence naming a skipped campaign (quotation marks ignored)."""
    hits = corpus.quotes.find_unquoted(skip.term)
    return (hits[0][0], hits[0][1].id) if hits else None


def render_campaigns(corpus: Corpus) -> str:
    me = uris.campaigns
    out = [front_matter(title="专项行动", description="报告中的专项行动、专项整治和专项工作"),
           "# 专项行动\n",
           "报告中的专项行动、专项整治和专项工作。有具体做法或数据的各有页面；"
           "报告只列了名称的，列在本页下方，并链接到原句。\n",
           "## 有页面的专项行动 {#with-page}\n"]
    campaigns = sorted((p for p in corpus.practices.values() if p.kind == "campaign"),
                       key=lambda p: pinyin_key(p.name))
    out.extend(card(me, p, corpus) for p in campaigns)
    named = [k for k in corpus.skipped if k.category == "campaign"]
    if named:
        out.append("\n## 只列名称的专项行动 {#named-only}\n")
        for k in named:
            where = _named_only(k, corpus)
            src = f" {_source(me, *where)}" if where else ""
            out.append(f"- {md_text(k.term)}：{md_text(k.reason)}{src}")
    return "\n".join(out) + "\n"
