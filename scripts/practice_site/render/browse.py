"""Practices by report, issuing unit and year: the reports index, one page per report listing
the practices it names by the report's own sections, and an index by unit and by year.

"Named" means the linker found the practice in a sentence of that report, or its record
quotes one (link.Links.evidence): adding next year's report fills these pages by itself.
"""
from __future__ import annotations

import hashlib

from practice_site.corpus.model import Corpus, Practice, Report
from practice_site.link.graph import Evidence, Links
from practice_site.render.index_pages import pinyin_key
from practice_site.render.markup import front_matter, link, md_text, uris

INTRO, CLOSING = "intro", "closing"
"""Anchors for what stands before the report's first section and after its last."""


def named_by_report(corpus: Corpus, links: Links) -> dict[str, dict[str, list[Evidence]]]:
    """report id -> practice id -> its sentences in that report, in reading order."""
    out: dict[str, dict[str, list[Evidence]]] = {rid: {} for rid in corpus.reports}
    for pid, evidence in links.evidence.items():
        for e in evidence:
            out[e.report].setdefault(pid, []).append(e)
    return out


def _newest_first(reports) -> list[Report]:
    return sorted(reports, key=lambda r: (-r.year, r.id))


def _names(me: str, practices: list[Practice]) -> str:
    return "、".join(link(me, uris.practice(p.id), p.name)
                     for p in sorted(practices, key=lambda p: pinyin_key(p.name)))


def render_reports_index(corpus: Corpus, links: Links) -> str:
    me = uris.reports
    named = named_by_report(corpus, links)
    out = [front_matter(title="报告原文"), "# 报告原文\n",
           "各报告全文照录，每句话都有固定锚点；正文中提到的做法链接到对应页面。"
           f"做法也可{link(me, uris.browse, '按发文单位与年度浏览')}。\n"]
    for r in _newest_first(corpus.reports.values()):
        practices = [corpus.practices[pid] for pid in named[r.id]]
        out.append(f"## {md_text(r.title)} {{#{r.id}}}\n")
        out.append(f"- 发文单位：{md_text(r.unit)} · 年度：{r.year} · 类型：{md_text(r.kind)}")
        out.append(f"- {link(me, uris.report(r.id), '阅读全文')}（逐句锚点）")
        if practices:
            out.append(f"- 提到的做法（{len(practices)} 项，"
                       f"{link(me, uris.report_practices(r.id), '按报告章节查看')}）：{_names(me, practices)}")
        else:
            out.append("- 尚无做法页面提到本报告。")
        out.append("")
    return "\n".join(out)


def render_report_practices(report: Report, corpus: Corpus, links: Links,
                            named_in: dict[str, dict[str, list[Evidence]]] | None = None) -> str:
    """The practices a report names, under the report's top-level sections, each with links
    to the places (sections as the report numbers them) where it is named. ``named_in``:
    ``named_by_report``, computed once per site by the caller."""
    me = uris.report_practices(report.id)
    parsed = report.parsed
    named = (named_in or named_by_report(corpus, links))[report.id]
    title = f"《{report.title}》提到的做法"
    out = [front_matter(title=title, description=f"{report.unit} {report.year}年"),
           f"# {md_text(title)}\n",
           '<div class="ps-meta" markdown>\n'
           f"发文单位：{md_text(report.unit)} · 年度：{report.year} · 类型：{md_text(report.kind)} · "
           f"{link(me, uris.report(report.id), '阅读原文')}\n</div>\n",
           f"本报告提到 {len(named)} 项做法，按报告自己的章节排列；一项做法在几部分提到，就在几部分列出。\n"]
    # top-level section id -> practice id -> sentences, in reading order
    groups: dict[str, dict[str, list[Evidence]]] = {}
    for pid, evidence in named.items():
        for e in evidence:
            path = parsed.path(e.sentence.section)
            top = path[0].id if path else CLOSING if parsed.place(e.sentence) == "结语" else INTRO
            groups.setdefault(top, {}).setdefault(pid, []).append(e)
    order = {s.id: i for i, s in enumerate(parsed.sentences)}
    heads = [(INTRO, "导语"), *((s.id, s.heading) for s in parsed.sections), (CLOSING, "结语")]
    for sid, heading in heads:
        if sid not in groups:
            continue
        out.append(f"## {md_text(heading)} {{#{sid}}}\n")
        rows = sorted(groups[sid].items(), key=lambda kv: order[kv[1][0].sentence.id])
        for pid, evidence in rows:
            p = corpus.practices[pid]
            first: dict[str, Evidence] = {}
            for e in evidence:
                first.setdefault(parsed.place(e.sentence), e)
            places = "、".join(link(me, uris.report(report.id), where, e.sentence.id)
                               for where, e in first.items())
            out.append(f"- {link(me, uris.practice(pid), p.name)}"
                       f"（{md_text(corpus.kinds[p.kind].name)}）：{places}")
        out.append("")
    if not named:
        out.append("尚无做法页面提到本报告。\n")
    return "\n".join(out)


def _unit_anchor(unit: str) -> str:
    """A stable anchor for a unit's name (Chinese names slug to nothing)."""
    return "u-" + hashlib.sha1(unit.encode("utf-8")).hexdigest()[:6]


def render_browse(corpus: Corpus, links: Links) -> str:
    """Reports grouped by issuing unit and by year, with the practices their reports name."""
    me = uris.browse
    named = named_by_report(corpus, links)
    out = [front_matter(title="按单位与年度浏览"), "# 按单位与年度浏览\n",
           "各报告提到的做法，按发文单位和年度归集；每份报告的做法按其章节排列，见各报告的做法页。\n"]

    def group(heading: str, anchor: str, reports: list[Report], what: str, label) -> None:
        """Reports under ``heading``, each shown by ``label`` (its year under a unit, its unit
        under a year) and title, then (folded) the practices they name, with the labels of
        the reports naming each when the group has more than one label."""
        out.append(f"### {md_text(heading)} {{#{anchor}}}\n")
        seen: dict[str, list[Report]] = {}
        for r in reports:
            out.append(f"- {md_text(label(r))}《{link(me, uris.report(r.id), r.title)}》："
                       f"{link(me, uris.report_practices(r.id), f'{len(named[r.id])} 项做法')}")
            for pid in named[r.id]:
                seen.setdefault(pid, []).append(r)
        out.append("")
        if not seen:
            return
        several = len({label(r) for r in reports}) > 1
        out.append(f'??? note "{what}提到的做法（{len(seen)} 项）"\n')
        for pid in sorted(seen, key=lambda pid: pinyin_key(corpus.practices[pid].name)):
            where = "、".join(dict.fromkeys(label(r) for r in seen[pid]))
            out.append(f"    - {link(me, uris.practice(pid), corpus.practices[pid].name)}"
                       + (f"（{md_text(where)}）" if several else ""))
        out.append("")

    out.append("## 按发文单位 {#by-unit}\n")
    by_unit: dict[str, list[Report]] = {}
    for r in _newest_first(corpus.reports.values()):
        by_unit.setdefault(r.unit, []).append(r)
    for unit in sorted(by_unit, key=pinyin_key):
        group(unit, _unit_anchor(unit), by_unit[unit], "该单位各报告", lambda r: f"{r.year}年")
    out.append("## 按年度 {#by-year}\n")
    by_year: dict[int, list[Report]] = {}
    for r in _newest_first(corpus.reports.values()):
        by_year.setdefault(r.year, []).append(r)
    for year, reports in by_year.items():
        group(f"{year}年", f"y{year}", reports, f"{year}年各报告", lambda r: r.unit)
    return "\n".join(out)
