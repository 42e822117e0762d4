"""Practices by report, issuing unit and year: the reports index, one page per report listing
the practices it names by the report's own sections, and an index by unit and by year.

"Named" means the linker found the practice in a sentence of that report, or its record
quotes one (link.Links.evidence): adding next year's report fills these pages by itself.
Templates: reports.html, report_practices.html, browse.html.
"""
from __future__ import annotations

import hashlib

from practice_site.corpus.model import Corpus, Report
from practice_site.link.graph import Evidence, Links
from practice_site.render.index_pages import pinyin_key
from practice_site.render.page import Page, render_page
from practice_site.render.urls import uris

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


def render_reports_index(corpus: Corpus, links: Links, directory_urls: bool = True) -> Page:
    named = named_by_report(corpus, links)
    reports = [(r, sorted((corpus.practices[pid] for pid in named[r.id]), key=lambda p: pinyin_key(p.name)))
               for r in _newest_first(corpus.reports.values())]
    return render_page("reports.html", uris.reports, {"title": "报告原文"}, directory_urls,
                       heading="报告原文", reports=reports)


def render_report_practices(report: Report, corpus: Corpus, links: Links,
                            named_in: dict[str, dict[str, list[Evidence]]] | None = None,
                            directory_urls: bool = True) -> Page:
    """The practices a report names, under the report's top-level sections, each with links
    to the places (sections as the report numbers them) where it is named. ``named_in``:
    ``named_by_report``, computed once per site by the caller."""
    parsed = report.parsed
    named = (named_in or named_by_report(corpus, links))[report.id]
    title = f"《{report.title}》提到的做法"
    # top-level section id -> practice id -> sentences, in reading order
    found: dict[str, dict[str, list[Evidence]]] = {}
    for pid, evidence in named.items():
        for e in evidence:
            path = parsed.path(e.sentence.section)
            top = path[0].id if path else CLOSING if parsed.place(e.sentence) == "结语" else INTRO
            found.setdefault(top, {}).setdefault(pid, []).append(e)
    order = {s.id: i for i, s in enumerate(parsed.sentences)}
    heads = [(INTRO, "导语"), *((s.id, s.heading) for s in parsed.sections), (CLOSING, "结语")]
    groups = []
    for sid, heading in heads:
        if sid not in found:
            continue
        rows = []
        for pid, evidence in sorted(found[sid].items(), key=lambda kv: order[kv[1][0].sentence.id]):
            first: dict[str, Evidence] = {}
            for e in evidence:
                first.setdefault(parsed.place(e.sentence), e)
            rows.append((corpus.practices[pid], list(first.items())))
        groups.append((sid, heading, rows))
    return render_page("report_practices.html", uris.report_practices(report.id),
                       {"title": title, "description": f"{report.unit} {report.year}年"}, directory_urls,
                       heading=title, report=report, count=len(named), groups=groups, kinds=corpus.kinds)


def _unit_anchor(unit: str) -> str:
    """A stable anchor for a unit's name (Chinese names slug to nothing)."""
    return "u-" + hashlib.sha1(unit.encode("utf-8")).hexdigest()[:6]


def render_browse(corpus: Corpus, links: Links, directory_urls: bool = True) -> Page:
    """Reports grouped by issuing unit and by year, with the practices their reports name."""
    named = named_by_report(corpus, links)

    def group(heading: str, anchor: str, reports: list[Report], what: str, label) -> dict:
        """Reports under ``heading``, each shown by ``label`` (its year under a unit, its unit
        under a year) and title, then (folded) the practices they name, with the labels of
        the reports naming each when the group has more than one label."""
        seen: dict[str, list[Report]] = {}
        for r in reports:
            for pid in named[r.id]:
                seen.setdefault(pid, []).append(r)
        practices = [(corpus.practices[pid], "、".join(dict.fromkeys(label(r) for r in seen[pid])))
                     for pid in sorted(seen, key=lambda pid: pinyin_key(corpus.practices[pid].name))]
        return {"heading": heading, "anchor": anchor, "what": what, "practices": practices,
                "reports": [(label(r), r) for r in reports],
                "several": len({label(r) for r in reports}) > 1}

    by_unit: dict[str, list[Report]] = {}
    by_year: dict[int, list[Report]] = {}
    for r in _newest_first(corpus.reports.values()):
        by_unit.setdefault(r.unit, []).append(r)
        by_year.setdefault(r.year, []).append(r)
    units = [group(unit, _unit_anchor(unit), by_unit[unit], "该单位各报告", lambda r: f"{r.year}年")
             for unit in sorted(by_unit, key=pinyin_key)]
    years = [group(f"{year}年", f"y{year}", reports, f"{year}年各报告", lambda r: r.unit)
             for year, reports in by_year.items()]
    return render_page("browse.html", uris.browse, {"title": "按单位与年度浏览"}, directory_urls,
                       heading="按单位与年度浏览", by_unit=units, by_year=years, named=named)
