"""The practice page: fixed sections with fixed anchors, so a trainer's link to
``…/zu-anxin/#outcomes`` keeps working whatever the text becomes (templates/practice.html)."""
from __future__ import annotations

from practice_site.corpus.model import Corpus, Practice, Relation, Report
from practice_site.link.graph import Links
from practice_site.link.suggest import Reason, Suggestion, campaign_members, suggest
from practice_site.render.autolink import Annotator
from practice_site.render.page import Page, render_page
from practice_site.render.urls import public_address, uris

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
    """A suggestion's reason as the reader sees it."""
    if reason.kind == "item":
        r = corpus.reports[reason.value[0]]
        return f"同在《{r.title}》{r.parsed.label(reason.value[1])}中提到"
    if reason.kind == "campaign":
        return f"同属专项行动：{corpus.practices[reason.value[0]].name}"
    return f"同有标签“{reason.value[0]}”"


def reasons_text(reasons: tuple[Reason, ...], corpus: Corpus) -> str:
    """Reasons joined with ；, shared tags in one clause (同有标签“a”“b”)."""
    parts = [reason_text(r, corpus) for r in reasons if r.kind != "tag"]
    if tags := [r.value[0] for r in reasons if r.kind == "tag"]:
        parts.append("同有标签" + "".join(f"“{t}”" for t in tags))
    return "；".join(parts)


EDITORIAL_NAME = "名称为编者所拟（报告未以此为名）"
"""Shown beside a name the report does not print (``name_editorial: true``)."""

RELATED_INTRO = ("“报告中并列提及”只表示报告把两者写在一起；其他关系附报告原文；"
                 "标“编者关联”的是编者的理解，报告未说明两者的关系。")


def _declared(corpus: Corpus, source: str, target: str, kind: str) -> Relation:
    """The relation ``source`` declares toward ``target`` (shown inverse on the target)."""
    return next(r for r in corpus.practices[source].related if r.target == target and r.kind == kind)


def evidence_label(reports: list[Report]) -> tuple[str, str]:
    """The reports a page rests on, and whose work they report (one unit or several)."""
    sources = "；".join(f"{r.unit}《{r.title}》（{r.year}年）" for r in reports)
    who = "各单位对本单位" if len({r.unit for r in reports}) > 1 else "该单位对本单位"
    return sources, who


def per_report(corpus: Corpus, entries, report_of) -> list[tuple[Report, list]]:
    """``entries`` grouped by report, newest first: (report, its entries). With more than one
    report, the template gives each group a heading (year, unit, title) with a fixed anchor
    (``#sources-<report id>``); a page citing one report stays as it always was."""
    groups: dict[str, list] = {}
    for e in entries:
        groups.setdefault(report_of(e), []).append(e)
    reports = sorted((corpus.reports[rid] for rid in groups), key=lambda r: (-r.year, r.id))
    return [(r, groups[r.id]) for r in reports]


def permalink(site_url: str, pid: str) -> str:
    """The practice page's address as print gives it (引用本页, handouts): the public one when
    mkdocs.yml sets ``site_url``, never a local one (urls.public_address)."""
    return public_address(site_url, f"practices/{pid}/")


def render_practice(p: Practice, corpus: Corpus, links: Links, site_url: str,
                    annotator: Annotator | None = None,
                    suggestions: list[Suggestion] | None = None,
                    campaigns: dict[str, list[str]] | None = None,
                    directory_urls: bool = True) -> Page:
    """``annotator``, ``suggestions`` and ``campaigns`` (``campaign_members``) are built once
    per site by ``render_site``: per page they made the build quadratic in the practices."""
    me = uris.practice(p.id)
    text = (annotator or Annotator(corpus, links, directory_urls=directory_urls)).page(me, p.id)
    if suggestions is None:
        suggestions = suggest(corpus, links)[p.id]
    if campaigns is None:
        campaigns = campaign_members(corpus)
    campaigns = {cid: m for cid, m in campaigns.items() if p.id in m or cid == p.id}
    reports = sorted({corpus.reports[e.report].id for e in links.evidence[p.id]})
    sources, who = evidence_label([corpus.reports[r] for r in reports])

    def place(report: str, sid: str) -> str:
        # data-place: the place in the report, which a printed page shows (print.css).
        sentence = corpus.quotes.sentence(report, sid)
        return corpus.reports[report].parsed.label(sentence.section) if sentence else ""

    rels = [(r, False, corpus.practices[r.target]) for r in p.related]
    rels += [(_declared(corpus, src_id, p.id, k), True, corpus.practices[src_id])
             for src_id, k, _ in links.inverse[p.id]
             if not any(r.target == src_id and r.kind == k for r in p.related)]
    return render_page(
        "practice.html", me, {"title": p.name, "description": p.summary}, directory_urls,
        heading=p.name, p=p, editorial_name=EDITORIAL_NAME, theme=corpus.themes[p.theme], themes=corpus.themes,
        kind=corpus.kinds[p.kind].name, tags=corpus.tags, relation_kinds=corpus.relation_kinds,
        part_of=[corpus.practices[c] for c in campaigns if c != p.id],
        honours=[h for h in corpus.honours.values() if p.id in h.practices],
        evidence_sources=sources, evidence_who=who, sections=SECTIONS, text=text, place=place,
        outcome_groups=per_report(corpus, p.outcomes, lambda o: o.quote.report),
        evidence_groups=per_report(corpus, links.evidence[p.id], lambda e: e.report),
        related=rels, related_intro=RELATED_INTRO,
        members=[corpus.practices[m] for m in campaigns[p.id]] if p.id in campaigns else None,
        suggested=[(corpus.practices[sg.target], reasons_text(sg.reasons, corpus)) for sg in suggestions],
        backlinks=[corpus.practices[b] for b in links.backlinks[p.id]],
        permalink=permalink(site_url, p.id),
        first=corpus.reports[reports[0]] if reports else None)
