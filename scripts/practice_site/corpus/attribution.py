"""Attribution words (``data/attribution.yml``): words that turn facts written side by side
into cause, inclusion or a joint result (合计成效, 得益于, 带动, 其中 …).

A report that chains two clauses in one sentence has not said that one caused, contains or
adds up with the other; editorial text (summaries, outcome ``measures``, relation notes,
glossary meanings, honour notes) may use such a word only where a sentence it speaks about
says it too. The words are data, so editors can extend the list without touching code.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from practice_site.corpus.fields import FieldReader
from practice_site.corpus.problems import quoted
from practice_site.corpus.yamlnodes import Value


@dataclass(frozen=True)
class AttributionWords:
    words: dict[str, str]
    """Word -> the claim it makes (``a cause``, ``inclusion``, ``a joint result``)."""

    def check(self, r: FieldReader, line: int, where: str, text: str | None,
              sentences: Iterable[str]) -> None:
        """Append a problem for each word of ``text`` that none of ``sentences`` holds.

        ``sentences`` are the report sentences the field speaks about: an outcome's quoted
        sentence for its ``measures``, a record's quoted sentences for its summary."""
        if not text:
            return
        found = [w for w in self.words if w in text]
        # A longer word reported, not also its parts (合计成效 holds 合计).
        found = [w for w in found if not any(w != o and w in o for o in found)]
        sentences = list(sentences) if found else []
        for w in found:
            if not any(w in s for s in sentences):
                r.problem(line, where, f"{quoted(w)}表示{self.words[w]}，但这段文字所说的报告"
                          "句子没有这样写；写报告写明的内容（两件事并列写出），或引用写明这一点的"
                          "句子（词表：data/attribution.yml）")


def read_attribution(entries: Iterable[tuple[str, dict[str, Value], FieldReader, int]]) -> AttributionWords:
    """The word list from the entries of ``attribution.yml`` (``DataFolder.mapping_file``)."""
    words: dict[str, str] = {}
    for key, f, r, _ in entries:
        claims = r.text(f.get("claims"), f"{key}.claims")
        for i, wv in enumerate(r.items(f.get("words"), f"{key}.words")):
            w = r.text(wv, f"{key}.words[{i}]")
            if w is not None and w in words:
                r.problem(wv.line, f"{key}.words[{i}]", f"{quoted(w)}列了两次")
            elif w is not None and claims:
                words[w] = claims
    return AttributionWords(words)
