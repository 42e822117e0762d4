"""Find which sentence of which report holds a quoted phrase.

Each report's sentences are joined with a separator that no phrase can contain, so a
lookup is one C-level ``str.find`` plus a bisect, however many sentences there are.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from practice_site.text.report import ParsedReport, Sentence
from practice_site.text.terms import unquoted


@dataclass(frozen=True)
class Quote:
    """A phrase quoted verbatim from a report, resolved to the sentence holding it."""

    text: str
    report: str
    """Report id."""
    sentence: str
    """Sentence id (anchor) in that report."""


_SEP = "\x00"
_GRAM = 3


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

    def _candidates(self, phrase: str, bare: bool = False) -> list[int]:
        """Indexes of the reports that can hold ``phrase``: those that have its rarest
        three characters. Every quote scanning every report made loading quadratic (2.7 s
        of str.find at 3,000 practices in 60 reports); a few reports is just a scan.
        ``bare``: in the reports' text without quotation marks (``find_unquoted``)."""
        if len(self._texts) <= 4 or len(phrase) < _GRAM:
            return list(range(len(self._texts)))
        name = "_bare_grams" if bare else "_grams"
        if (grams := getattr(self, name, None)) is None:
            grams = {}
            texts = self._bare_texts() if bare else [joined for _, joined, _, _ in self._texts]
            for k, joined in enumerate(texts):
                for g in {joined[i:i + _GRAM] for i in range(len(joined) - _GRAM + 1)}:
                    grams.setdefault(g, []).append(k)
            setattr(self, name, grams)
        return min((grams.get(phrase[i:i + _GRAM], []) for i in range(len(phrase) - _GRAM + 1)), key=len)

    def _bare_texts(self) -> list[str]:
        if not hasattr(self, "_bare"):
            self._bare = [unquoted(joined) for _, joined, _, _ in self._texts]
            self._bare_sentences: dict[int, list[str]] = {}
        return self._bare

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

    def find_unquoted(self, phrase: str) -> list[tuple[str, Sentence]]:
        """Every (report id, sentence) that holds ``phrase`` once quotation and title marks
        are left out of both (``text.unquoted``): “零门槛”落户政策 holds 零门槛落户 too."""
        needle = unquoted(phrase)
        if not needle:
            return []
        bare_texts = self._bare_texts()
        found: list[tuple[str, Sentence]] = []
        for k in self._candidates(needle, bare=True):
            if needle in bare_texts[k]:
                rid, _, _, sentences = self._texts[k]
                if (texts := self._bare_sentences.get(k)) is None:  # once per report, not per phrase
                    texts = self._bare_sentences[k] = [unquoted(s.text) for s in sentences]
                found.extend((rid, s) for s, t in zip(sentences, texts, strict=True) if needle in t)
        return found

    def occurs_unquoted(self, phrase: str) -> bool:
        return bool(self.find_unquoted(phrase))

    def quote(self, phrase: str, report: str | None = None,
              holds: Callable[[Sentence], bool] | None = None) -> Quote | None:
        """The sentence holding ``phrase``, as a Quote: in ``report`` if given, and the first
        one that ``holds`` accepts if given (an outcome's figure must be in its sentence), so
        a phrase that two reports share cites the sentence the record means."""
        hits = self.find(phrase, report)
        if holds is not None:
            hits = [h for h in hits if holds(h[1])] or hits
        if not hits:
            return None
        rid, sentence = hits[0]
        return Quote(phrase, rid, sentence.id)

    def has_report(self, report: str) -> bool:
        return any(rid == report for rid, _, _, _ in self._texts)

    def report_ids(self) -> list[str]:
        return [rid for rid, _, _, _ in self._texts]

    def sentence(self, report: str, sid: str) -> Sentence | None:
        if not hasattr(self, "_by_id"):  # one dict, not a scan per outcome
            self._by_id = {(rid, s.id): s for rid, _, _, ss in self._texts for s in ss}
        return self._by_id.get((report, sid))
