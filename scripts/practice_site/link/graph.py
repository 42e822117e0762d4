"""The corpus as a graph: where practices are mentioned, their evidence, inverse relations.

Mentions are found with a character trie, longest name first (警网智治 beats 警网): one
pass over the text, each step bounded by the longest name, so the cost is linear in the
text whatever the number of names.
"""
from __future__ import annotations

from dataclasses import dataclass

from practice_site.corpus.model import Corpus, Practice
from practice_site.text.report import ParsedReport, Sentence


class NameMatcher:
    """Longest-match search for many names at once."""

    def __init__(self, names: dict[str, str]):
        """``names`` maps each name or alias to the id it stands for (a practice, a term)."""
        self._trie: dict = {}
        for name, pid in names.items():
            node = self._trie
            for ch in name:
                node = node.setdefault(ch, {})
            node[""] = pid

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, id), leftmost then longest. Each position costs at
        most one trie walk as deep as the longest name, whatever the number of names."""
        found, i, n = [], 0, len(text)
        while i < n:
            node, j, best = self._trie, i, None
            while j < n and text[j] in node:
                node = node[text[j]]
                j += 1
                if "" in node:
                    best = (i, j, node[""])
            if best:
                found.append(best)
                i = best[1]
            else:
                i += 1
        return found


@dataclass(frozen=True)
class Evidence:
    report: str
    sentence: Sentence
    mentioned: bool
    """True if the sentence names the practice (found by the linker, not only quoted)."""


@dataclass(frozen=True)
class Links:
    matcher: NameMatcher
    mentions: dict[str, dict[str, list[tuple[int, int, str]]]]
    """report id -> sentence id -> mentions in that sentence."""
    evidence: dict[str, list[Evidence]]
    """practice id -> its source sentences, in reading order."""
    inverse: dict[str, list[tuple[str, str, str]]]
    """practice id -> (declaring practice id, relation kind, note) pointing at it."""
    backlinks: dict[str, list[str]]
    """practice id -> practices whose page text (``page_texts``) names it."""


class LinkMemo:
    """What one ``link_corpus`` keeps for the next (``mkdocs serve``): the name trie and each
    report's mentions, reused while the names and the report's parse are the same (a
    summary edit changes neither: the reports need not be searched again)."""

    def __init__(self) -> None:
        self.names: dict[str, str] | None = None
        self.matcher: NameMatcher | None = None
        self.mentions: dict[str, tuple[ParsedReport, dict[str, list[tuple[int, int, str]]]]] = {}
        """report id -> (the parse searched, sentence id -> mentions)."""


def link_corpus(corpus: Corpus, memo: LinkMemo | None = None) -> Links:
    names = {n: p.id for p in sorted(corpus.practices.values(), key=lambda p: p.id)
             for n in p.names}
    memo = memo or LinkMemo()
    if memo.names != names or memo.matcher is None:
        memo.names, memo.matcher, memo.mentions = names, NameMatcher(names), {}
    matcher = memo.matcher
    mentions: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
    order: dict[tuple[str, str], int] = {}
    found_before, memo.mentions = memo.mentions, {}
    for rid, report in sorted(corpus.reports.items()):
        seen = found_before.get(rid)
        if seen is not None and seen[0] is report.parsed:
            per = seen[1]
        else:
            per = {s.id: found for s in report.parsed.sentences if (found := matcher.find(s.text))}
        mentions[rid] = per
        memo.mentions[rid] = (report.parsed, per)
        for s in report.parsed.sentences:
            order[(rid, s.id)] = len(order)
    by_id = {(rid, s.id): s for rid, r in corpus.reports.items() for s in r.parsed.sentences}
    # practice id -> sentences naming it, gathered in one pass (not one pass per practice:
    # that was quadratic, 3 s of a 1,000-practice build).
    named_in: dict[str, set[tuple[str, str]]] = {}
    for rid, per in mentions.items():
        for sid, ms in per.items():
            for m in ms:
                named_in.setdefault(m[2], set()).add((rid, sid))
    evidence: dict[str, list[Evidence]] = {}
    for p in corpus.practices.values():
        keys = named_in.get(p.id, set())
        quoted = {(q.report, q.sentence) for q in _quotes(p)}
        evidence[p.id] = [Evidence(k[0], by_id[k], k in keys)
                          for k in sorted(keys | quoted, key=order.__getitem__)]
    inverse: dict[str, list[tuple[str, str, str]]] = {pid: [] for pid in corpus.practices}
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        for rel in p.related:
            if rel.target in inverse:
                inverse[rel.target].append((p.id, rel.kind, rel.note))
    backlinks: dict[str, list[str]] = {pid: [] for pid in corpus.practices}
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        named = {m[2] for text in page_texts(p, evidence[p.id], inverse[p.id])
                 for m in matcher.find(text)}
        for target in sorted(named - {p.id}):
            backlinks[target].append(p.id)
    return Links(matcher, mentions, evidence, inverse, backlinks)


def page_texts(p: Practice, evidence: list[Evidence], inverse: list[tuple[str, str, str]]):
    """The texts that A's page auto-links (render_practice annotates exactly these, the
    notes of relations declared on other records included), so that a backlink on B means:
    A's page links to B."""
    yield p.summary
    yield from (q.text for q in p.how)
    for o in p.outcomes:
        yield o.figure
        yield o.measures
    yield from (e.sentence.text for e in evidence)
    yield from (r.note for r in p.related if r.note)
    yield from (note for _, _, note in inverse if note)


def _quotes(p: Practice):
    yield from p.how
    yield from (o.quote for o in p.outcomes)
    yield from p.evidence
