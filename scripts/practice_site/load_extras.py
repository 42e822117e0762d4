"""Load ``data/honours.yml`` (荣誉与表彰) and ``data/coverage.yml`` (terms deliberately not
made pages), checked against the reports and the practice records.

Both are lists of things that are *not* practices. Every phrase is checked against the
reports, every practice id against the records, so neither list can drift from the source.
"""
from __future__ import annotations

from .fields import FieldReader
from .model import Honour, Practice, Report, Skip

HONOUR_KINDS = {
    "award": "荣誉与奖项",
    "commendation": "肯定与嘉奖",
    "recommendation": "推荐与样板",
    "media": "媒体报道",
    "showcase": "参展",
}
"""Honour kind id -> heading on the honours page, in page order."""

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

_QUOTES = "“”《》"


def bare(text: str) -> str:
    """A term without its quotation and title marks: ``“零发生”`` -> ``零发生``."""
    return "".join(ch for ch in text if ch not in _QUOTES)


def load_honours(loader, reports: dict[str, Report], practices: dict[str, Practice]) -> dict[str, Honour]:
    quotes = loader.quotes(reports)
    out: dict[str, Honour] = {}
    if not (loader.data_dir / "honours.yml").exists():
        return out
    for key, f, r, _ in loader.taxonomy("honours.yml", ("title", "kind", "quote"), ("practices", "note")):
        title = r.text(f.get("title"), f"{key}.title", max_len=80)
        kind = r.text(f.get("kind"), f"{key}.kind")
        phrase = r.text(f.get("quote"), f"{key}.quote", max_len=500)
        note = r.text(f.get("note"), f"{key}.note") if "note" in f else ""
        ids = r.text_list(f.get("practices"), f"{key}.practices") if "practices" in f else []
        if kind is not None and kind not in HONOUR_KINDS:
            r.problem(f["kind"].line, f"{key}.kind", f"unknown kind {kind!r}; kinds: {', '.join(HONOUR_KINDS)}")
        quote = quotes.quote(phrase) if phrase else None
        if phrase and quote is None:
            r.problem(f["quote"].line, f"{key}.quote", f"quoted phrase not found in any report: "
                      f"{phrase!r}; copy it from the report exactly (within one sentence)")
        if title and phrase and title not in phrase:
            r.problem(f["title"].line, f"{key}.title", f"{title!r} does not occur in the quote; "
                      "word the title as the quote does")
        _check_ids(r, f, f"{key}.practices", ids, practices, _record_files(loader))
        if title and kind in HONOUR_KINDS and quote:
            out[key] = Honour(key, title, kind, quote, tuple(ids), note or "")
    return out


def load_skips(loader, reports: dict[str, Report], practices: dict[str, Practice]) -> tuple[Skip, ...]:
    """``coverage.yml``: a list of {term, category, reason, see}."""
    path = loader.data_dir / "coverage.yml"
    if not path.exists():
        return ()
    top = loader.read_yaml(path)
    r = FieldReader(loader.rel(path), loader.problems)
    if top is None:
        return ()
    if not isinstance(top.value, list):
        r.problem(top.line, "-", "expected a list of entries (- term: …)")
        return ()
    names = {bare(n): p.id for p in practices.values() for n in p.names}
    files = _record_files(loader)
    out: list[Skip] = []
    seen: dict[str, int] = {}
    for i, v in enumerate(top.value):
        where = f"[{i}]"
        f = r.mapping(v, where, ("term", "category", "reason"), ("see",))
        if f is None:
            continue
        term = r.text(f.get("term"), f"{where}.term", max_len=60)
        category = r.text(f.get("category"), f"{where}.category")
        reason = r.text(f.get("reason"), f"{where}.reason", max_len=300)
        see = r.text_list(f.get("see"), f"{where}.see") if "see" in f else []
        if category is not None and category not in CATEGORIES:
            r.problem(f["category"].line, f"{where}.category", f"unknown category {category!r}; "
                      f"categories: {', '.join(CATEGORIES)}")
        if term is not None:
            if term != bare(term):
                r.problem(f["term"].line, f"{where}.term", "write the term without “ ” or 《 》")
            elif reports and not any(term in bare(s.text) for rep in reports.values()
                                     for s in rep.parsed.sentences):
                r.problem(f["term"].line, f"{where}.term", f"{term!r} does not occur in any report "
                          "(quotation marks ignored)")
            elif term in names:
                r.problem(f["term"].line, f"{where}.term", f"{term!r} is a name of practice "
                          f"{names[term]!r}; a term is either a page or skipped, not both")
            elif term in seen:
                r.problem(f["term"].line, f"{where}.term", f"{term!r} is listed twice (first on "
                          f"line {seen[term]})")
            seen.setdefault(term, v.line)
        if category == "sub-point" and not see and "category" in f:
            r.problem(f["category"].line, f"{where}.see", "a sub-point needs 'see': the practice "
                      "id(s) whose page deals with it")
        _check_ids(r, f, f"{where}.see", see, practices, files)
        if term and category in CATEGORIES and reason:
            out.append(Skip(term, category, reason, tuple(see), v.line))
    return tuple(out)


def _check_ids(r: FieldReader, f: dict, where: str, ids: list[str], practices: dict[str, Practice],
               files: set[str]) -> None:
    """Ids must name a record file; a record that exists but has problems of its own is not
    reported again here."""
    key = where.rsplit(".", 1)[-1]
    for j, (iv, pid) in enumerate(zip(r.items(f.get(key), where), ids, strict=False)):
        if practices and pid not in practices and pid not in files:
            r.problem(iv.line, f"{where}[{j}]", f"no practice with id {pid!r} "
                      f"(no data/practices/{pid}.yml)")


def _record_files(loader) -> set[str]:
    return {p.stem for p in (loader.data_dir / "practices").glob("*.yml")}
