"""``data/synonyms.yml``: officers' words (警务常用语) and the report terms each stands for.

A search aid only: the search worker also looks for the report terms when an officer types
the word (search/words.py). The reader checks the shape and that every report term occurs in
a report or a practice record, so a word never points at something the site does not hold.
Messages are for the editor, in Chinese.
"""
from __future__ import annotations

from practice_site.corpus.folder import DataFolder
from practice_site.corpus.model import OfficerWord, Practice, Report
from practice_site.corpus.yamlnodes import Value

FILE = "synonyms.yml"
LINKS = {"same": "同义", "broader": "更宽", "narrower": "更窄"}
"""Kinds of link, from the officer's word to the report term, with their Chinese names."""
MAX_WORD = 20
MAX_TERM = 40
_SHAPE = "常用语: {same: [报告用语, …]}（也可写 broader、narrower）"


def _kind(v: Value) -> str:
    return {"map": "映射", "list": "列表", "null": "空值", "bool": "是/否值", "int": "整数",
            "float": "小数", "date": "日期"}.get(v.tag, "文字")


def read_synonyms(folder: DataFolder, reports: dict[str, Report],
                  practices: dict[str, Practice]) -> dict[str, OfficerWord]:
    path = folder.data_dir / FILE
    if not path.exists():
        return {}
    top = folder.read_yaml(path, _SHAPE)
    if top is None:
        return {}
    r = folder.reader(path)
    if not isinstance(top.value, dict):
        r.problem(top.line, r.whole, f"应为映射，每行一条：{_SHAPE}；实为{_kind(top)}")
        return {}
    records = "\n".join(t for p in practices.values()
                        for t in (p.name, *p.aliases, p.summary, *(q.text for q in p.how)))
    quotes = folder.quotes(reports)
    checkable = bool(reports) and not folder.broken("reports")
    out: dict[str, OfficerWord] = {}
    for word, v in top.value.items():
        line = top.key_lines.get(word, v.line)
        if not word.strip() or word != word.strip() or not word.isprintable() or len(word) > MAX_WORD:
            r.problem(line, repr(word), f"常用语须是不超过 {MAX_WORD} 个字、前后无空格的一个词")
            continue
        if not isinstance(v.value, dict):
            r.problem(v.line, word, f"应写成 {{same: [报告用语]}} 这样的映射，实为{_kind(v)}")
            continue
        terms: list[tuple[str, str]] = []
        for link, line_of in v.key_lines.items():
            if link not in LINKS:
                r.problem(line_of, f"{word}.{link}", "未知的关系；只能写 same（同义）、broader（更宽）"
                          "或 narrower（更窄），请改正或删去")
                continue
            items = v.value[link]
            if not isinstance(items.value, list) or not items.value:
                r.problem(items.line, f"{word}.{link}", f"应为报告用语的列表，如 [{word}的报告写法]，"
                          f"实为{_kind(items) if items.value != [] else '空列表'}")
                continue
            for i, item in enumerate(items.value):
                where = f"{word}.{link}[{i}]"
                term = item.value.strip() if item.tag == "str" and isinstance(item.value, str) else ""
                if not term:
                    r.problem(item.line, where, f"应为报告用语（文字），实为{_kind(item) if item.tag != 'str' else '空文字'}")
                elif len(term) > MAX_TERM or not term.isprintable():
                    r.problem(item.line, where, f"报告用语须是一行、不超过 {MAX_TERM} 个字")
                elif term == word:
                    r.problem(item.line, where, "与常用语本身相同，请删去")
                elif any(term == t for t, _ in terms):
                    r.problem(item.line, where, f"“{term}”在本条中重复，请删去一处")
                elif checkable and term not in records and not quotes.find(term) \
                        and not quotes.find_unquoted(term):
                    r.problem(item.line, where, f"“{term}”在报告正文和做法记录中都没有出现；"
                              "报告用语须照报告或记录的原样书写")
                else:
                    terms.append((term, link))
        if not v.key_lines:
            r.problem(v.line, word, "至少写一种关系：same（同义）、broader（更宽）或 narrower（更窄）")
        elif terms:
            out[word] = OfficerWord(word, tuple(terms), line)
    return out
