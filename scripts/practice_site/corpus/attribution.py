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
                r.problem(line, where, f"{w!r} claims {self.words[w]}, but the report sentence "
                          "this text speaks about does not say it; write what the report states "
                          "(two things named side by side) or quote a sentence that says it "
                          "(word list: data/attribution.yml)")


def read_attribution(entries: Iterable[tuple[str, dict[str, Value], FieldReader, int]]) -> AttributionWords:
    """The word list from the entries of ``attribution.yml`` (``DataFolder.mapping_file``)."""
    words: dict[str, str] = {}
    for key, f, r, _ in entries:
        claims = r.text(f.get("claims"), f"{key}.claims")
        for i, wv in enumerate(r.items(f.get("words"), f"{key}.words")):
            w = r.text(wv, f"{key}.words[{i}]")
            if w is not None and w in words:
                r.problem(wv.line, f"{key}.words[{i}]", f"{w!r} is listed twice")
            elif w is not None and claims:
                words[w] = claims
    return AttributionWords(words)
