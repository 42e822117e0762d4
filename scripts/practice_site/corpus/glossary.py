"""``data/glossary.yml``: abbreviations and numbered formulas of the reports (术语)."""
from __future__ import annotations

from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import quote_not_found
from practice_site.corpus.model import Report, Term
from practice_site.corpus.problems import quoted


def read_glossary(folder: DataFolder, reports: dict[str, Report]) -> dict[str, Term]:
    quotes = folder.quotes(reports)
    # With a report that failed to load, "not found" would blame this file for that one.
    checkable = bool(reports) and not folder.broken("reports")
    out = {}
    for key, f, r, _ in folder.mapping_file("glossary.yml", ("term", "meaning", "source"),
                                            ("quote", "aliases")):
        term = r.text(f.get("term"), f"{key}.term", max_len=40)
        meaning = r.text(f.get("meaning"), f"{key}.meaning", max_len=300)
        source = r.text(f.get("source"), f"{key}.source")
        aliases = r.text_list(f.get("aliases"), f"{key}.aliases")
        quote = None
        if source not in (None, "report", "general"):
            r.problem(f["source"].line, f"{key}.source", f"没有来源{quoted(source)}；写 "
                      "report（报告原文的释义）或 general（一般知识）")
        if source == "report":
            if "quote" not in f:
                r.problem(f["source"].line, f"{key}.quote", "缺少：来源为 report 的释义要引用"
                          "报告中展开这个术语的文字")
            elif (phrase := r.text(f["quote"], f"{key}.quote", max_len=500)) is not None:
                quote = quotes.quote(phrase)
                if quote is None and checkable:
                    r.problem(f["quote"].line, f"{key}.quote", quote_not_found(quotes, phrase))
        if (words := folder.attribution()) is not None and meaning:
            # A 'general' meaning speaks about no sentence: it may claim no cause or inclusion.
            said = [s.text for s in [quote and quotes.sentence(quote.report, quote.sentence)] if s]
            words.check(r, f["meaning"].line, f"{key}.meaning", meaning, said)
        if term and checkable and not quotes.find(term) and not any(quotes.find(a) for a in aliases):
            r.problem(f["term"].line, f"{key}.term", f"{quoted(term)}在所有报告中都找不到")
        if term and meaning and source in ("report", "general") and (source == "general" or quote):
            out[key] = Term(key, term, meaning, source, quote, tuple(aliases))
    return out
