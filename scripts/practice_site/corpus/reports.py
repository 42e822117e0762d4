"""``data/reports/<id>.txt`` (the report verbatim) and ``<id>.yml`` (its metadata)."""
from __future__ import annotations

from difflib import SequenceMatcher

from practice_site.corpus.fields import CONTROL
from practice_site.corpus.folder import DataFolder
from practice_site.corpus.model import Report
from practice_site.corpus.problems import quoted
from practice_site.text.report import parse_report, same_title
from practice_site.text.slug import id_problem

METADATA = ("title", "unit", "year", "kind")


def looks_like_typo(title: str, line: str) -> bool:
    """Whether a metadata title is a near-copy of the report's title line (a slip to fix)
    rather than a title of the editors' own (which the page then shows beside the report's)."""
    return SequenceMatcher(None, title, line).ratio() >= 0.75


def read_reports(folder: DataFolder, parsed: dict | None = None) -> dict[str, Report]:
    """``parsed``: (text, title) -> parse of the last load's reports, reused (and updated to
    this load's) when given: parsing is a function of the two."""
    out: dict[str, Report] = {}
    now = parsed if parsed is not None else {}
    last = dict(now)
    now.clear()
    reports_dir = folder.data_dir / "reports"
    for txt in sorted(reports_dir.glob("*.txt")):
        shown = folder.rel(txt)
        if msg := id_problem(txt.stem):
            folder.whole_file(txt, 0, f"文件名：{msg}")
            continue
        text = folder.read_text(txt)
        meta_path = txt.with_suffix(".yml")
        if not meta_path.exists():
            folder.whole_file(txt, 0, f"没有元数据文件；请新建 {folder.rel(meta_path)}，写入"
                              f"{folder.role(meta_path)[1]}")
            continue
        meta = folder.read_yaml(meta_path)
        if text is None or meta is None:
            continue
        if m := CONTROL.search(text):
            # Verbatim, but not invisible: a control or bidi character makes the page show
            # other text than the file, and breaks every quote across it.
            folder.whole_file(txt, text.count("\n", 0, m.start()) + 1, "含有不可见的控制字符"
                              f"（U+{ord(m.group(0)):04X}）；重新输入它前后的文字")
            continue
        r = folder.reader(meta_path)
        fields = r.mapping(meta, "", METADATA)
        if fields is None:
            continue
        title = r.text(fields.get("title"), "title")
        unit = r.text(fields.get("unit"), "unit")
        year = r.integer(fields.get("year"), "year")
        kind = r.text(fields.get("kind"), "kind")
        try:
            report = now[(text, title)] = last.get((text, title)) or parse_report(text, title)
        except ValueError as exc:
            folder.whole_file(txt, 1, f"{exc}；空报告不能发布")
            continue
        if title and report.title and not same_title(title, report.title) and looks_like_typo(title, report.title):
            r.problem(fields["title"].line, "title", f"与报告的标题行{quoted(report.title)}"
                      "不一致；照原文复制标题")
        if None in (title, unit, year, kind):
            continue
        out[txt.stem] = Report(txt.stem, title, unit, year, kind, shown, report)  # type: ignore[arg-type]
    if not out and not folder.broken("reports"):
        folder.whole_file(reports_dir, 0, f"没有找到报告；请加入{folder.role(reports_dir)[1]}")
    return out
