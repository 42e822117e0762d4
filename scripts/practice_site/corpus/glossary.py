"""``data/glossary.yml``: abbreviations and numbered formulas of the reports (术语)."""
from __future__ import annotations

import re

from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import quote_not_found
from practice_site.corpus.model import Report, Term
from practice_site.corpus.problems import quoted
from practice_site.text.terms import in_quotes, occurs_unquoted


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
                elif quote is not None and term and meaning and (why := not_a_definition(
                        phrase, (term, *aliases), meaning)):
                    r.problem(f["source"].line, f"{key}.source", f"{why}；报告没有在这里释义"
                              f"{in_quotes(term)}，请写 source: general，并在 meaning 中照实说明"
                              "（如“报告未释义……不作推断”）")
        if (words := folder.attribution()) is not None and meaning:
            # A 'general' meaning speaks about no sentence: it may claim no cause or inclusion.
            said = [s.text for s in [quote and quotes.sentence(quote.report, quote.sentence)] if s]
            words.check(r, f["meaning"].line, f"{key}.meaning", meaning, said)
        if term and checkable and not quotes.find(term) and not any(quotes.find(a) for a in aliases):
            r.problem(f["term"].line, f"{key}.term", f"{quoted(term)}在所有报告中都找不到")
        if term and meaning and source in ("report", "general") and (source == "general" or quote):
            out[key] = Term(key, term, meaning, source, quote, tuple(aliases))
    return out


CLAUSE_ENDS = "，；。：！？,;:!?"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def not_a_definition(quote: str, names: tuple[str, ...], meaning: str) -> str:
    """Why ``quote`` does not show the report defining the term (empty when it does): a
    meaning labelled 报告原文释义 must be the report's own expansion of the term, so the quote
    names the term and stands within one clause (outside brackets: 两队一室（社区警务队、……）),
    and the meaning's first sentence is made of the quote's words (nine in ten Han characters).
    A term and words a clause away (议提案办理工作，……人大建议、政协提案) are the editors' reading."""
    if not any(occurs_unquoted(n, quote) for n in names):
        return "quote 中没有这个术语"
    depth = 0
    for c in quote:
        depth += (c in "（(") - (c in "）)")
        if depth <= 0 and c in CLAUSE_ENDS:
            return f"quote 跨了不止一个分句（含“{c}”），术语和释义不在同一分句中"
    han = _HAN.findall(meaning.split("。")[0])
    if sum(c in quote for c in han) < 0.9 * len(han):
        return "meaning 的第一句不是 quote 中的原话"
    return ""
