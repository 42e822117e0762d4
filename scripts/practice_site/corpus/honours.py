"""``data/honours.yml``: honours, awards, commendations and media reports (荣誉与表彰),
each quoted from a report; not practices, listed on their own page."""
from __future__ import annotations

from practice_site.corpus.fields import FieldReader
from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import no_practice, quote_not_found, unknown
from practice_site.corpus.model import Honour, Practice, Report
from practice_site.corpus.problems import quoted

HONOUR_KINDS = {
    "award": "荣誉与奖项",
    "commendation": "肯定与嘉奖",
    "recommendation": "推荐与样板",
    "media": "媒体报道",
    "showcase": "参展",
}
"""Honour kind id -> heading on the honours page, in page order."""


def read_honours(folder: DataFolder, reports: dict[str, Report],
                 practices: dict[str, Practice]) -> dict[str, Honour]:
    quotes = folder.quotes(reports)
    out: dict[str, Honour] = {}
    entries = folder.mapping_file("honours.yml", ("title", "kind", "quote"), ("practices", "note"),
                                  must_exist=False)
    files = folder.record_ids()
    for key, f, r, _ in entries:
        title = r.text(f.get("title"), f"{key}.title", max_len=80)
        kind = r.text(f.get("kind"), f"{key}.kind")
        phrase = r.text(f.get("quote"), f"{key}.quote", max_len=500)
        note = r.text(f.get("note"), f"{key}.note") if "note" in f else ""
        ids = r.text_list(f.get("practices"), f"{key}.practices") if "practices" in f else []
        if kind is not None and kind not in HONOUR_KINDS:
            r.problem(f["kind"].line, f"{key}.kind", unknown("类型", kind, HONOUR_KINDS))
        quote = quotes.quote(phrase) if phrase else None
        if phrase and quote is None and not folder.broken("reports"):
            r.problem(f["quote"].line, f"{key}.quote", quote_not_found(quotes, phrase))
        if title and phrase and title not in phrase:
            r.problem(f["title"].line, f"{key}.title", f"{quoted(title)}不在引文中；"
                      "照引文的写法写标题")
        if (words := folder.attribution()) is not None and note:
            said = [s.text for s in [quote and quotes.sentence(quote.report, quote.sentence)] if s]
            words.check(r, f["note"].line, f"{key}.note", note, said)
        check_ids(r, f, f"{key}.practices", ids, practices, files)
        if title and kind in HONOUR_KINDS and quote:
            out[key] = Honour(key, title, kind, quote, tuple(ids), note or "")
    return out


def check_ids(r: FieldReader, f: dict, where: str, ids: list[str], practices: dict[str, Practice],
              files: set[str]) -> None:
    """Ids must name a record file; a record that exists but has problems of its own is not
    reported again here."""
    key = where.rsplit(".", 1)[-1]
    for j, (iv, pid) in enumerate(zip(r.items(f.get(key), where), ids, strict=False)):
        if practices and pid not in practices and pid not in files:
            r.problem(iv.line, f"{where}[{j}]", no_practice(pid, files))
