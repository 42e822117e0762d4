"""Topic handouts: ``data/collections/<id>.yml``, read and checked against the practices.

A collection is the trainer's own text (title, audience, introduction, notes, questions:
all shown marked editorial) around an ordered list of practices or report sentences. Every
practice id must name a record, every quoted sentence must occur in a report, and nothing
is listed twice.
"""
from __future__ import annotations

import re

from practice_site.corpus.fields import FieldReader
from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import no_practice, quote_not_found
from practice_site.corpus.model import Collection, CollectionItem, Practice, Report
from practice_site.corpus.problems import quoted
from practice_site.corpus.yamlnodes import Value
from practice_site.text.quotes import QuoteIndex
from practice_site.text.slug import id_problem

FIELDS = ("title", "audience", "introduction", "items")
ITEM_FIELDS = ("practice", "quote", "report", "note", "questions")
"""An item has ``practice`` (an id) or ``quote`` (a phrase of a report, ``report`` optional)."""
_FOLD = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def joined(text: str | None) -> str | None:
    """Editorial text written over several YAML lines (``>-`` folds line ends into spaces):
    Chinese puts no space between characters, so a space between two of them goes."""
    return _FOLD.sub("", text) if text else text


def read_collections(folder: DataFolder, reports: dict[str, Report],
                     practices: dict[str, Practice]) -> dict[str, Collection]:
    """Every ``collections/*.yml`` (the folder is optional); broken ones are left out."""
    out: dict[str, Collection] = {}
    for path in sorted((folder.data_dir / "collections").glob("*")):
        if path.suffix != ".yml":
            folder.whole_file(path, 0, "不是 .yml 文件；专题讲义的文件是 data/collections/<id>.yml")
        elif msg := id_problem(path.stem):
            folder.whole_file(path, 0, f"{msg}；文件名就是讲义的网址（collections/<id>/）")
        elif (top := folder.read_yaml(path)) is not None:
            c = read_collection(path.stem, top, folder.reader(path), folder,
                                reports, practices)
            if c is not None:
                out[c.id] = c
    return out


def read_collection(cid: str, top: Value, r: FieldReader, folder: DataFolder,
                    reports: dict[str, Report], practices: dict[str, Practice]) -> Collection | None:
    """One handout, or None when it has problems (all of them appended to ``r``)."""
    before = len(r.problems)
    f = r.mapping(top, "", FIELDS)
    if f is None:
        return None
    title = r.text(f.get("title"), "title", max_len=60)
    audience = r.text(f.get("audience"), "audience", max_len=100)
    intro = joined(r.text(f.get("introduction"), "introduction", one_line=False, max_len=1000))
    quotes = None if folder.broken("reports") else folder.quotes(reports)
    words = folder.attribution()
    items: list[CollectionItem] = []
    seen: dict[str, str] = {}
    shown: list[str] = []
    values = r.items(f.get("items"), "items")
    if "items" in f and not values:
        r.problem(f["items"].line, "items", "至少写一个条目（practice 或 quote）")
    for i, v in enumerate(values):
        where = f"items[{i}]"
        read = read_item(v, where, r, practices, folder.record_ids(), quotes)
        if read is None:
            continue
        item, key, value = read
        if key in seen:
            what, ref = key.split(" ", 1)
            r.problem(value.line, f"{where}.{_field_of(item)}", f"{_WHAT[what]} {ref} 已列在 "
                      f"{seen[key]}；同一{_WHAT[what]}只列一次")
            continue
        seen[key] = where
        items.append(item)
        # The trainer's text speaks about the entry's report sentences: it may not claim a
        # cause, inclusion or joint result they do not state (data/attribution.yml).
        spoken = _sentences(item, practices, quotes)
        shown.extend(spoken)
        if words is not None:
            fields = v.value
            if "note" in fields:
                words.check(r, fields["note"].line, f"{where}.note", item.note, spoken)
            for j, (qv, text) in enumerate(zip(r.items(fields.get("questions"), f"{where}.questions"),
                                               item.questions, strict=False)):
                words.check(r, qv.line, f"{where}.questions[{j}]", text, spoken)
    if words is not None and intro:
        words.check(r, f["introduction"].line, "introduction", intro, shown)
    if len(r.problems) > before or None in (title, audience, intro):
        return None
    return Collection(cid, title, audience, intro, tuple(items), r.path)  # type: ignore[arg-type]


_WHAT = {"practice": "做法", "sentence": "句子"}
"""How a duplicate entry is named: by the kind of thing it shows."""


def _field_of(item: CollectionItem) -> str:
    return "practice" if item.practice else "quote"


def read_item(v: Value, where: str, r: FieldReader, practices: dict[str, Practice],
              files: set[str], quotes: QuoteIndex | None) -> tuple[CollectionItem, str, Value] | None:
    """(item, key naming what it shows, the Value of that field); None when it has problems."""
    itf = r.mapping(v, where, (), ITEM_FIELDS)
    if itf is None:
        return None
    if ("practice" in itf) == ("quote" in itf):
        r.problem(v.line, where, "practice（做法的 id）和 quote（从报告复制的文字）"
                  "二者写且只写一个")
        return None
    if "report" in itf and "practice" in itf:
        r.problem(itf["report"].line, f"{where}.report", "report 只与 quote 搭配；"
                  "做法的出处来自它自己的记录，删去这一行")
    note = joined(r.text(itf.get("note"), f"{where}.note", one_line=False, max_len=500)) \
        if "note" in itf else ""
    questions = tuple(r.text_list(itf.get("questions"), f"{where}.questions"))
    if "practice" in itf:
        pid = r.text(itf["practice"], f"{where}.practice")
        if pid is None:
            return None
        if pid not in practices and pid not in files:
            renamed = [p.id for p in practices.values() if pid in p.former_ids]
            r.problem(itf["practice"].line, f"{where}.practice",
                      f"没有 id 为{quoted(pid)}的做法；它是{quoted(renamed[0])}的旧 id：改写为后者"
                      if renamed else no_practice(pid, files))
            return None
        return (CollectionItem(practice=pid, note=note or "", questions=questions),
                f"practice {pid}", itf["practice"])
    phrase = r.text(itf["quote"], f"{where}.quote", max_len=500)
    report = r.text(itf.get("report"), f"{where}.report") if "report" in itf else None
    if phrase is None or quotes is None:
        return None
    q = quotes.quote(phrase, report)
    if q is None:
        r.problem(itf["quote"].line, f"{where}.quote", quote_not_found(quotes, phrase, report))
        return None
    return (CollectionItem(quote=q, note=note or "", questions=questions),
            f"sentence {q.report}#{q.sentence}", itf["quote"])


def _sentences(item: CollectionItem, practices: dict[str, Practice],
               quotes: QuoteIndex | None) -> list[str]:
    """The report sentences an entry shows: the practice's quoted ones, or the quoted one."""
    if quotes is None:
        return []
    if item.quote is not None:
        cited = [item.quote]
    elif item.practice in practices:
        p = practices[item.practice]
        cited = [*p.how, *(o.quote for o in p.outcomes), *p.evidence]
    else:
        return []
    found = (quotes.sentence(q.report, q.sentence) for q in cited)
    return [s.text for s in found if s is not None]
