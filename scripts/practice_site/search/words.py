"""The query side of search in the officers' own words (issue 21): the data the search
worker (worker.py) is given at build time.

- Officers' words (``data/synonyms.yml``, read by corpus/synonyms.py): a query holding one is
  also searched with each report term it stands for, and the results merged. Nothing is
  added to the index, so the index does not grow with the table.
- Question words (怎么, 如何, 有哪些做法 …) are left out of the query: they are how the
  officer asks, not what the page says (如何 matched the about page's 如何引用).
- Generic words (工作, 管理, 问题, 改革 …, and a trailing 化) are cut off the end of a Han run
  and never required: 扫黑除恶工作 finds the page that says 扫黑除恶. Where a page has them
  too, they still add to its score. Verbs of a question (开展, 加强 …) likewise.
- When the pages that hold every word are no practice (the report's paragraph, the glossary),
  the practices that hold some of the words follow them, with a note saying so.
"""
from __future__ import annotations

import json
import re

from practice_site.corpus.model import OfficerWord

QUESTION_WORDS = ("请问", "怎么样", "怎么办", "怎么做", "怎么", "怎样", "如何", "咋样",
                  "有哪些做法", "有什么做法", "有哪些", "有什么", "哪些", "什么是", "是什么",
                  "为什么", "什么")
"""Left out anywhere in a query (longest first)."""
QUESTION_ENDS = ("的做法", "做法", "的办法", "办法", "吗", "呢", "？", "?")
"""Left out at the end of a query."""
GENERIC = ("工作", "管理", "问题", "改革", "建设", "机制", "制度", "体系", "情况", "措施",
           "举措", "模式", "方法", "经验", "应用", "化")
"""Cut off the end of a Han run (化 dropped, the others kept as optional words)."""
VERBS = ("开展", "推进", "加强", "做好", "提高", "提升", "落实", "参与", "处理", "实现", "打造",
         "建立", "推动", "抓好", "防止")
"""How a question says what to do: never required (如何打击毒品犯罪 needs 毒品 and 犯罪, and
adds to a page's score where it says 打击 too)."""
PRACTICE_PAGE = r"^practices\/[^#\/]+?(?:\/|\.html)"
"""A practice page's location in the search index (served or offline URLs; not the A-Z list)."""
MOST_VARIANTS = 6
"""The query plus at most this many less one variants with a report term: each is a lunr
search of 5 to 30 ms at 1,000 practices (keystroke to results must stay under 100 ms)."""


def _regex(words: tuple[str, ...], end: bool = False) -> str:
    alternatives = "|".join(re.sub(r"([\\^$.|?*+()\[\]{}/])", r"\\\1", w)
                            for w in sorted(words, key=len, reverse=True))
    return f"/(?:{alternatives}){'$' if end else ''}/{'' if end else 'g'}"


def table(words: dict[str, OfficerWord]) -> dict[str, list[list[str]]]:
    """``{word: [[report term, link], ...]}`` as the worker reads it."""
    return {w.word: [[term, link] for term, link in w.terms] for w in words.values()}


def worker_data(words: dict[str, OfficerWord]) -> dict[str, str]:
    """JavaScript ``var`` name -> literal, prepended to the worker's query side."""
    mapping = table(words)
    return {
        "psTable": json.dumps(mapping, ensure_ascii=False, separators=(",", ":")),
        "psLongest": str(max((len(w) for w in mapping), default=0)),
        "psMost": str(MOST_VARIANTS),
        "psAsk": _regex(QUESTION_WORDS),
        "psAskEnd": _regex(QUESTION_ENDS, end=True),
        "psSuffix": json.dumps(sorted(GENERIC, key=len, reverse=True), ensure_ascii=False),
        "psGeneric": f"new Set({json.dumps([g for g in GENERIC if len(g) > 1] + list(VERBS), ensure_ascii=False)})",
        "psPractice": f"/{PRACTICE_PAGE}/",
    }
