"""The practice page: fixed sections with fixed anchors, so a trainer's link to
``…/zu-anxin/#outcomes`` keeps working whatever the text becomes."""
from __future__ import annotations

from practice_site.corpus.model import Corpus, Practice, Relation, Report
from practice_site.link.graph import Links
from practice_site.link.suggest import Reason, Suggestion, campaign_members, suggest
from practice_site.render.autolink import Annotator
from practice_site.render.drafts import banner
from practice_site.render.escape import attr_list_value
from practice_site.render.markup import front_matter, href, link, md_text, public_address, uris
from practice_site.text.terms import in_quotes

# Section titles and anchors, in page order.
SECTIONS = {
    "overview": "概述",
    "how": "做法要点",
    "outcomes": "成效与数据",
    "sources": "原文出处",
    "related": "相关做法",
    "members": "本专项行动涉及的做法",
    "suggested": "可能相关",
    "backlinks": "被引用",
    "cite": "引用本页",
}


def reason_text(reason: Reason, corpus: Corpus) -> str:
    """A suggestion's reason as the reader sees it (already escaped)."""
    if reason.kind == "item":
        r = corpus.reports[reason.value[0]]
        return f"同在《{md_text(r.title)}》{md_text(r.parsed.label(reason.value[1]))}中提到"
    if reason.kind == "campaign":
        return f"同属专项行动：{md_text(corpus.practices[reason.value[0]].name)}"
    return f"同有标签“{md_text(reason.value[0])}”"


def reasons_text(reasons: tuple[Reason, ...], corpus: Corpus) -> str:
    """Reasons joined with ；, shared tags in one clause (同有标签“a”“b”)."""
    parts = [reason_text(r, corpus) for r in reasons if r.kind != "tag"]
    if tags := [r.value[0] for r in reasons if r.kind == "tag"]:
        parts.append("同有标签" + "".join(f"“{md_text(t)}”" for t in tags))
    return "；".join(parts)


EDITORIAL_NAME = "名称为编者所拟（报告未以此为名）"
"""Shown beside a name the report does not print (``name_editorial: true``)."""

RELATED_INTRO = ("“报告中并列提及”只表示报告把两者写在一起；其他关系附报告原文；"
                 "标“编者关联”的是编者的理解，报告未说明两者的关系。\n")


def related_line(rel: Relation, inverse: bool, other: Practice, corpus: Corpus, me: str,
                 text, src) -> str:
    """One related practice: the relation as its kind reads from this page, the report's
    words that state it (or, for an editorial kind, the label 编者关联 and the note)."""
    kind = corpus.relation_kinds[rel.kind]
    line = (f"- **{md_text(kind.shown(inverse))}**：{link(me, uris.practice(other.id), other.name)}"
            f" — {md_text(other.summary)}")
    if rel.quote is not None:
        line += f"（报告原文：{in_quotes(text(rel.quote.text))} {src(rel.quote.report, rel.quote.sentence)}）"
    return line + (f"（编者注：{text(rel.note)}）" if rel.note else "")


def _declared(corpus: Corpus, source: str, target: str, kind: str) -> Relation:
    """The relation ``source`` declares toward ``target`` (shown inverse on the target)."""
    return next(r for r in corpus.practices[source].related if r.target == target and r.kind == kind)


def breadcrumbs(me: str, p: Practice, corpus: Corpus) -> str:
    """首页 › 主题 › 做法: a reader landing from search always sees the theme."""
    theme = corpus.themes[p.theme]
    return (f'<nav class="ps-crumbs" aria-label="位置" markdown>{link(me, uris.home, "首页")} › '
            f"{link(me, uris.theme(theme.id), theme.name)} › {md_text(p.name)}</nav>\n")


def evidence_label(reports: list[Report], me: str) -> str:
    sources = "；".join(f"{r.unit}《{r.title}》（{r.year}年）" for r in reports)
    who = "各单位对本单位" if len({r.unit for r in reports}) > 1 else "该单位对本单位"
    return ("!!! info \"证据等级：单位自述，未经独立评估\"\n"
            f"    本页所述做法与数据均出自{md_text(sources)}，属{who}工作的自我报告，"
            "未经第三方评估或同行复核。数据按原文照录，原文隐去的数字以 \\* 表示。"
            f"[证据等级说明]({href(me, uris.about, 'evidence')})\n")


def per_report(corpus: Corpus, entries, report_of, anchor: str, out: list[str]):
    """``entries`` grouped by report, newest first: (report, its entries). With more than one
    report, each group gets a heading (year, unit, title) with a fixed anchor
    (``#sources-<report id>``); a page citing one report stays as it always was."""
    groups: dict[str, list] = {}
    for e in entries:
        groups.setdefault(report_of(e), []).append(e)
    reports = sorted((corpus.reports[rid] for rid in groups), key=lambda r: (-r.year, r.id))
    for r in reports:
        if len(reports) > 1:
            out.append(f"### {r.year}年 {md_text(r.unit)}《{md_text(r.title)}》 {{#{anchor}-{r.id}}}\n")
        yield r, groups[r.id]


def render_practice(p: Practice, corpus: Corpus, links: Links, site_url: str,
                    annotator: Annotator | None = None,
                    suggestions: list[Suggestion] | None = None,
                    campaigns: dict[str, list[str]] | None = None) -> str:
    """``annotator``, ``suggestions`` and ``campaigns`` (``campaign_members``) are built once
    per site by ``render_site``: per page they made the build quadratic in the practices."""
    me = uris.practice(p.id)
    theme = corpus.themes[p.theme]
    text = (annotator or Annotator(corpus, links)).page(me, p.id)
    if suggestions is None:
        suggestions = suggest(corpus, links)[p.id]
    if campaigns is None:
        campaigns = campaign_members(corpus)
    campaigns = {cid: m for cid, m in campaigns.items() if p.id in m or cid == p.id}
    out = [front_matter(title=p.name, description=p.summary)]
    out.append(breadcrumbs(me, p, corpus))
    out.append(f"# {md_text(p.name)}\n")
    if p.draft:
        out.append(banner(p))
    tags = "、".join(link(me, uris.tags, t, corpus.tags[t].id) for t in p.tags)
    meta = [f"主题：{link(me, uris.theme(theme.id), theme.name)}",
            f"类型：{md_text(corpus.kinds[p.kind].name)}", f"标签：{tags}"]
    if p.aliases:
        meta.append("又称：" + "、".join(md_text(a) for a in p.aliases))
    if p.name_editorial:
        meta.append(EDITORIAL_NAME)
    if part_of := [c for c in campaigns if c != p.id]:
        meta.append("专项行动：" + "、".join(link(me, uris.practice(c), corpus.practices[c].name)
                                          for c in part_of))
    if honours := [h for h in corpus.honours.values() if p.id in h.practices]:
        meta.append("相关荣誉：" + "、".join(link(me, uris.honours, h.title, h.id) for h in honours))
    out.append('<div class="ps-meta" markdown>\n' + " · ".join(meta) + "\n</div>\n")
    reports = sorted({corpus.reports[e.report].id for e in links.evidence[p.id]})
    out.append(evidence_label([corpus.reports[r] for r in reports], me))

    def src(report: str, sid: str, text: str = "原文") -> str:
        # data-place: the place in the report, which a printed page shows (print.css).
        sentence = corpus.quotes.sentence(report, sid)
        place = corpus.reports[report].parsed.label(sentence.section) if sentence else ""
        return (link(me, uris.report(report), text, sid, title="在原文中查看这句话")
                + (f'{{data-place="{attr_list_value(place)}"}}' if place and text == "原文" else ""))

    out.append(f"## {SECTIONS['overview']} {{#overview}}\n")
    out.append(f'<p class="ps-editorial" markdown><span class="ps-badge">编者概述</span> {text(p.summary)}</p>\n')
    out.append(f"## {SECTIONS['how']} {{#how}}\n")
    out.append("以下各条为报告原文摘录。\n")
    out.extend(f"- {in_quotes(text(q.text))} {src(q.report, q.sentence)}" for q in p.how)
    out.append("")
    out.append(f"## {SECTIONS['outcomes']} {{#outcomes}}\n")
    if not p.outcomes:
        out.append("报告未给出与本做法直接相关的数据。\n")
    for _r, outcomes in per_report(corpus, p.outcomes, lambda o: o.quote.report, "outcomes", out):
        out.append("| 数据（照录原文） | 说明 | 出处 |\n| --- | --- | --- |")
        out.extend(f"| {text(o.figure)} | {text(o.measures)} | {src(o.quote.report, o.quote.sentence)} |"
                   for o in outcomes)
        out.append("")
    out.append(f"## {SECTIONS['sources']} {{#sources}}\n")
    for r, evidence in per_report(corpus, links.evidence[p.id], lambda e: e.report, "sources", out):
        for e in evidence:
            where = f"《{r.title}》{r.parsed.place(e.sentence)}"
            out.append(f"1. {text(e.sentence.text)} — {src(e.report, e.sentence.id, where)}")
        out.append("")
    if not links.evidence[p.id]:
        out.append("")
    out.append(f"## {SECTIONS['related']} {{#related}}\n")
    rels = [(r, False, r.target) for r in p.related]
    rels += [(_declared(corpus, src_id, p.id, k), True, src_id) for src_id, k, _ in links.inverse[p.id]
             if not any(r.target == src_id and r.kind == k for r in p.related)]
    if rels:
        out.append(RELATED_INTRO)
        out.extend(related_line(rel, inverse, corpus.practices[other], corpus, me, text, src)
                   for rel, inverse, other in rels)
    else:
        out.append("暂无。")
    out.append("")
    if p.id in campaigns:
        out.append(f"## {SECTIONS['members']} {{#members}}\n")
        members = [corpus.practices[m] for m in campaigns[p.id]]
        if members:
            out.append("下列做法与本专项行动有编者整理的关系：\n")
            out.extend(f"- {link(me, uris.practice(m.id), m.name)}"
                       f"（{link(me, uris.theme(m.theme), corpus.themes[m.theme].name)}）" for m in members)
        else:
            out.append("暂无与本专项行动关联的做法。")
        out.append("")
    out.append(f"## {SECTIONS['suggested']} {{#suggested}}\n")
    if suggestions:
        out.append("以下由程序根据原文和标签推算，未经编者确认：\n")
        for sg in suggestions:
            t = corpus.practices[sg.target]
            why = reasons_text(sg.reasons, corpus)
            out.append(f"- {link(me, uris.practice(t.id), t.name)} — {why}")
    else:
        out.append("暂无。")
    out.append("")
    out.append(f"## {SECTIONS['backlinks']} {{#backlinks}}\n")
    back = links.backlinks[p.id]
    if back:
        out.append("下列做法的页面（摘录、原文出处或编者文字）提到了本做法：\n")
        out.extend(f"- {link(me, uris.practice(b), corpus.practices[b].name)}" for b in back)
    else:
        out.append("暂无其他做法的页面提到本做法。")
    out.append("")
    out.extend(cite_section(p, corpus.reports[reports[0]] if reports else None, site_url))
    return "\n".join(out)


def cite_section(p: Practice, first: Report | None, site_url: str) -> list[str]:
    """引用本页: the page's address (the public one when mkdocs.yml sets ``site_url``, never
    a local one) and a citation line; the practice's name is quoted with the marks nested
    (转引自“‘三鹰’人才培育”)."""
    permalink = public_address(site_url, f"practices/{p.id}/")
    out = [f"## {SECTIONS['cite']} {{#cite}}\n",
           f"- 永久链接：`{permalink}`（各节可加锚点，如 `#outcomes`）"]
    if first:
        out.append(f"- 引用格式：{md_text(first.unit)}：《{md_text(first.title)}》，{first.year}年。"
                   f"转引自{in_quotes(md_text(p.name))}，{md_text(permalink)}")
    out.append("")
    return out
