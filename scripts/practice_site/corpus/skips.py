"""``data/coverage.yml``: terms of the reports deliberately not made pages, each with its
category and reason; checked against the reports and the practice records."""
from __future__ import annotations

from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import unknown
from practice_site.corpus.honours import check_ids
from practice_site.corpus.model import Practice, Report, Skip
from practice_site.corpus.problems import quoted
from practice_site.corpus.yamlnodes import Value
from practice_site.text.terms import name_key, unquoted

CATEGORIES = {
    "slogan": "口号或结果表述",
    "target": "目标",
    "honour": "荣誉或表彰（见荣誉与表彰页）",
    "campaign": "只列名的专项行动（见专项行动索引）",
    "sub-point": "另一页面的组成部分",
    "framing": "全年或整个部分的工作抓手、主线",
    "external": "他方的工作、名称或文件",
    "masked": "原文隐去的名称",
    "not-a-measure": "句式像措施、实为对象或行业",
}
"""Why a term is not a page: category id -> label (coverage listing, campaigns index)."""


def read_coverage(folder: DataFolder, reports: dict[str, Report],
                  practices: dict[str, Practice]) -> tuple[Skip, ...]:
    """``coverage.yml``: a list of {term, category, reason, see, report}. ``report``: the id
    of the report the entry was written for; it then skips the term in that report only."""
    path = folder.data_dir / "coverage.yml"
    if not path.exists():
        return ()
    top = folder.read_yaml(path)
    r = folder.reader(path)
    if top is None:
        return ()
    if not isinstance(top.value, list):
        r.wrong_shape(top, folder.role(path)[1])
        return ()
    quotes = folder.quotes(reports)
    names = {name_key(n): p.id for p in practices.values() for n in p.names}
    files = folder.record_ids()
    out: list[Skip] = []
    seen: dict[tuple[str, str], int] = {}
    for i, v in enumerate(top.value):
        where = _label(v, i)
        f = r.mapping(v, where, ("term", "category", "reason"), ("see", "report"))
        if f is None:
            continue
        term = r.text(f.get("term"), f"{where}.term", max_len=60)
        category = r.text(f.get("category"), f"{where}.category")
        reason = r.text(f.get("reason"), f"{where}.reason", max_len=300)
        see = r.text_list(f.get("see"), f"{where}.see") if "see" in f else []
        report = (r.text(f.get("report"), f"{where}.report") or "") if "report" in f else ""
        if report and reports and report not in reports:
            r.problem(f["report"].line, f"{where}.report", f"没有编号为{quoted(report)}的报告（data/reports/"
                      f"{report}.yml）；report 写这一条所针对的报告编号")
            report = ""
        elif report and term and reports and not folder.broken("reports") and quotes.find_unquoted(term) \
                and not any(rid == report for rid, _ in quotes.find_unquoted(term)):
            r.problem(f["term"].line, f"{where}.term", f"{quoted(term)}不出现在报告{quoted(report)}中（引号不计）；"
                      "report 写这个词所在的报告编号")
        if category is not None and category not in CATEGORIES:
            r.problem(f["category"].line, f"{where}.category", unknown("类别", category, CATEGORIES))
        if term is not None:
            if term != unquoted(term):
                r.problem(f["term"].line, f"{where}.term", "词语不带 “ ” 或 《 》，去掉它们")
            elif reports and not folder.broken("reports") and not quotes.find_unquoted(term):
                r.problem(f["term"].line, f"{where}.term", f"{quoted(term)}在所有报告中都找不到"
                          "（不计引号）")
            elif name_key(term) in names:
                r.problem(f["term"].line, f"{where}.term", f"{quoted(term)}是做法"
                          f"{quoted(names[name_key(term)])}的名称；一个词语要么有页面，要么列为跳过，不能两者都是")
            elif (term, report) in seen:
                r.problem(f["term"].line, f"{where}.term", f"{quoted(term)}列了两次（第一次在第 "
                          f"{seen[term, report]} 行）")
            seen.setdefault((term, report), v.line)
        if category == "sub-point" and not see and "category" in f:
            r.problem(f["category"].line, f"{where}.see", "sub-point 需要 see：写出讲到它的"
                      "做法页面的 id")
        check_ids(r, f, f"{where}.see", see, practices, files)
        if (words := folder.attribution()) is not None and reason and term:
            said = [s.text for _, s in quotes.find_unquoted(term)]  # the term's own sentences
            words.check(r, f["reason"].line, f"{where}.reason", reason, said)
        if term and category in CATEGORIES and reason:
            out.append(Skip(term, category, reason, tuple(see), v.line, report))
    return tuple(out)


def _label(entry: Value, i: int) -> str:
    """How a problem names an entry: by its term (``[四项抽测]``), which stays right when
    entries above it are added or removed; by position only when the term is unreadable."""
    term = entry.value.get("term") if isinstance(entry.value, dict) else None
    text = term.value.strip() if term is not None and term.tag == "str" else ""
    if 0 < len(text) <= 60 and text.isprintable():  # no line break or invisible mark in a label
        return f"[{text}]"
    return f"[{i}]"
