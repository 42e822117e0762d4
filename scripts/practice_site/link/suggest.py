"""Computed suggestions (“可能相关”): practices a reader may want next, each with its reason.

Kept apart from the curated relations: a practice already related to this one (in either
direction) or already listed as a backlink is never suggested again.
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from practice_site.corpus.model import Corpus
from practice_site.link.graph import Links

MAX_SUGGESTIONS = 5
"""Per page; more reads as noise (with 500 practices, shared tags alone give dozens)."""

# Weight of each reason when ranking: being named in the same item of a report says more
# than belonging to the same campaign, which says more than one shared tag.
_WEIGHT = {"item": 4, "campaign": 3, "tag": 1}


@dataclass(frozen=True)
class Reason:
    kind: str
    """``item`` (named in the same report item), ``campaign`` (related to the same practice
    of kind campaign) or ``tag`` (a shared tag)."""
    value: tuple[str, ...]
    """``item``: (report id, section id); ``campaign``: (campaign practice id,);
    ``tag``: (tag name,)."""


@dataclass(frozen=True)
class Suggestion:
    target: str
    """Practice id suggested."""
    reasons: tuple[Reason, ...]
    """Why, strongest first."""


def campaign_members(corpus: Corpus) -> dict[str, list[str]]:
    """Campaign practice id -> ids of the practices declared ``part-of`` it.

    Only ``part-of`` makes a member: a practice merely listed with a campaign, or sharing
    its goal, is not said by the report to belong to it."""
    out: dict[str, set[str]] = {p.id: set() for p in corpus.practices.values() if p.kind == "campaign"}
    for p in corpus.practices.values():
        for r in p.related:
            if r.kind == "part-of" and r.target in out:
                out[r.target].add(p.id)
    return {cid: sorted(m) for cid, m in sorted(out.items())}


def suggest(corpus: Corpus, links: Links, limit: int = MAX_SUGGESTIONS) -> dict[str, list[Suggestion]]:
    """practice id -> its suggestions, strongest first (ties by id, so builds are stable)."""
    reasons: dict[str, dict[str, list[Reason]]] = {pid: {} for pid in corpus.practices}

    def add(a: str, b: str, reason: Reason) -> None:
        if a != b:
            reasons[a].setdefault(b, []).append(reason)

    items: dict[tuple[str, str], set[str]] = {}
    for rid, report in corpus.reports.items():
        parsed = report.parsed
        for sid, found in links.mentions.get(rid, {}).items():
            s = parsed.sentence(sid)
            if s is not None and s.section and parsed.section(s.section).level > 1:  # type: ignore[union-attr]
                items.setdefault((rid, s.section), set()).update(m[2] for m in found)
    for key, named in sorted(items.items()):
        for a in named:
            for b in named:
                add(a, b, Reason("item", key))
    for cid, members in campaign_members(corpus).items():
        for a in members:
            for b in members:
                add(a, b, Reason("campaign", (cid,)))
    by_tag: dict[str, list[str]] = {}
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        for t in p.tags:
            by_tag.setdefault(t, []).append(p.id)
    # A tag on most of the corpus links everything to everything: useless. Shared tags are
    # counted per page (C-level Counter), not stored as Reason pairs: the pairs made this
    # step quadratic (6.5 s of 9.4 s of rendering at 3,000 practices); reasons are spelled
    # out for the few suggestions kept. Same ranking as scoring every pair.
    tag_members = {tag: list(dict.fromkeys(members)) for tag, members in by_tag.items()
                   if len(members) <= max(12, len(corpus.practices) // 4)}

    out: dict[str, list[Suggestion]] = {}
    for p in corpus.practices.values():
        known = {r.target for r in p.related} | {src for src, _, _ in links.inverse[p.id]}
        known |= set(links.backlinks[p.id])
        known.add(p.id)
        tags = [t for t in dict.fromkeys(p.tags) if t in tag_members]
        shared = Counter(chain.from_iterable(tag_members[t] for t in tags))
        mine = {t: set(rs) for t, rs in reasons[p.id].items()}
        score = {t: sum(_WEIGHT[r.kind] for r in rs) for t, rs in mine.items()}
        best = heapq.nsmallest(limit, ((-(score.get(t, 0) + shared[t]), t)
                                       for t in shared.keys() | score.keys() if t not in known))
        out[p.id] = []
        for _, target in best:
            other = set(corpus.practices[target].tags)
            rs = mine.get(target, set()) | {Reason("tag", (t,)) for t in tags if t in other}
            out[p.id].append(Suggestion(target, tuple(sorted(rs, key=lambda r: (-_WEIGHT[r.kind], r.value)))))
    return out
