"""Find which sentence of which report holds a quoted phrase.

Each report's sentences are joined with a separator that no phrase can contain, so a
lookup is one C-level ``str.find`` plus a bisect, however many sentences there are.
"""
from __future__ import annotations

import bisect

from .model import Quote
from .report import ParsedReport, Sentence

_SEP = "\x00"
_GRAM = 3
_MARKS = str.maketrans("", "", "“”《》")


def _unquoted(text: str) -> str:
    return text.translate(_MARKS)


class QuoteIndex:
    def __init__(self, reports: dict[str, ParsedReport]):
        self._texts: list[tuple[str, str, list[int], tuple[Sentence, ...]]] = []
        for rid, parsed in sorted(reports.items()):
            starts, pos = [], 0
            for s in parsed.sentences:
                starts.append(pos)
                pos += len(s.text) + 1
            joined = _SEP.join(s.text for s in parsed.sentences)
            self._texts.append((rid, joined, starts, parsed.sentences))

    def _candidates(self, phrase: str) -> list[int]:
        """Indexes of the reports that can hold ``phrase``: those that have its rarest
        three characters. Every quote scanning every report made loading quadratic (2.7 s
        of str.find at 3,000 practices in 60 reports); a few reports is just a scan."""
        if len(self._texts) <= 4 or len(phrase) < _GRAM:
            return list(range(len(self._texts)))
        if not hasattr(self, "_grams"):
            self._grams: dict[str, list[int]] = {}
            for k, (_, joined, _, _) in enumerate(self._texts):
                for g in {joined[i:i + _GRAM] for i in range(len(joined) - _GRAM + 1)}:
                    self._grams.setdefault(g, []).append(k)
        return min((self._grams.get(phrase[i:i + _GRAM], []) for i in range(len(phrase) - _GRAM + 1)),
                   key=len)

    def find(self, phrase: str, report: str | None = None) -> list[tuple[str, Sentence]]:
        """Every (report id, sentence) whose text contains ``phrase``, in reading order."""
        found = []
        for k in self._candidates(phrase):
            rid, joined, starts, sentences = self._texts[k]
            if report and rid != report:
                continue
            at = joined.find(phrase)
            while at != -1:
                i = bisect.bisect_right(starts, at) - 1
                found.append((rid, sentences[i]))
                at = joined.find(phrase, starts[i] + len(sentences[i].text) + 1)
        return found

    def occurs_unquoted(self, phrase: str) -> bool:
        """True if ``phrase`` occurs in a report once quotation and title marks are left out on
        both sides: “零门槛”落户政策 names 零门槛落户 too."""
        if not hasattr(self, "_bare"):
            self._bare = [_unquoted(joined) for _, joined, _, _ in self._texts]
        needle = _unquoted(phrase)
        return bool(needle) and any(needle in text for text in self._bare)

    def quote(self, phrase: str) -> Quote | None:
        """The first sentence holding ``phrase``, as a Quote."""
        hits = self.find(phrase)
        if not hits:
            return None
        rid, sentence = hits[0]
        return Quote(phrase, rid, sentence.id)

    def sentence(self, report: str, sid: str) -> Sentence | None:
        if not hasattr(self, "_by_id"):  # one dict, not a scan per outcome
            self._by_id = {(rid, s.id): s for rid, _, _, ss in self._texts for s in ss}
        return self._by_id.get((report, sid))
