"""From a new report's candidates to draft records: what to draft, what existing practices it
names, which drafts look like variants of existing ones; the record fields are guessed here
(``guess.py`` holds the guesses of theme, tags and id).

Nothing here writes files: ``plan_drafts`` returns a ``DraftPlan`` that ``add_report``
writes and checks.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from practice_site.corpus.model import Corpus
from practice_site.corpus.practices import DRAFT_SUMMARY
from practice_site.drafting import candidate_rules as rules
from practice_site.drafting.candidates import Candidate, find_candidates
from practice_site.drafting.grammar import clauses
from practice_site.drafting.guess import ThemeGuesser, guess_tags, unique_id
from practice_site.link.coverage import depth_map, quoted_terms
from practice_site.link.graph import NameMatcher
from practice_site.text.figures import FIGURE, whole_figure_at
from practice_site.text.report import Sentence
from practice_site.text.terms import unquoted

SUMMARY = DRAFT_SUMMARY
MAX_QUOTE = 300
"""Quotes are capped at 500 characters by the loader; clauses longer than this are cut."""
MAX_MEASURES = 100
MAX_HOW = 3
MAX_OUTCOMES = 6
MAX_RELATED = 6


@dataclass
class Draft:
    name: str
    occurrences: list[Candidate]
    alias: str = ""
    id: str = ""


@dataclass
class DraftPlan:
    drafts: list[dict[str, Any]] = field(default_factory=list)
    """Records to write (``write_record`` order), each with ``status: draft``."""
    themes: dict[str, dict[str, Any]] = field(default_factory=dict)
    """New themes (id -> name, description, parts) taken from the report's part headings."""
    named: dict[str, list[str]] = field(default_factory=dict)
    """Existing practice id the report names -> the candidate names that name it (the
    linker cites the report's sentences on its page)."""
    suggestions: list[str] = field(default_factory=list)
    """Likely variants (``alias of X?``), printed for the editor, never applied."""
    dropped: dict[str, list[str]] = field(default_factory=dict)
    """Drafts left out because they did not pass check -> their problems."""
    where: dict[str, str] = field(default_factory=dict)
    """Draft id -> where the report first names it (``二、三是``), for the record's comment."""
    rejected: list[Candidate] = field(default_factory=list)
    """Candidates judged not to be initiatives (with their coverage category and reason)."""


def _bare(name: str) -> str:
    return unquoted(name)


def plan_drafts(corpus: Corpus, rid: str) -> DraftPlan:
    report = corpus.reports[rid]
    parsed = report.parsed
    plan = DraftPlan()
    names = {n: p.id for p in sorted(corpus.practices.values(), key=lambda p: p.id) for n in p.names}
    bare_names = {_bare(n): pid for n, pid in names.items()}
    matcher = NameMatcher(names)
    skipped = {k.term for k in corpus.skipped if not k.report or k.report == rid}
    drafts: dict[str, Draft] = {}
    # What the linker will find: every existing practice the report names gets its sentences.
    mentions = {s.id: matcher.find(s.text) for s in parsed.sentences}
    for found in mentions.values():
        for _, _, pid in found:
            plan.named.setdefault(pid, [])
    for c in find_candidates(parsed):
        sid = c.sentence.id
        hit = next((m for m in mentions[sid] if m[0] < c.end and c.start < m[1]), None)
        pid = hit[2] if hit else bare_names.get(_bare(c.name), "")
        if pid:
            plan.named.setdefault(pid, [])
            if c.name not in plan.named[pid] and _bare(c.name) not in map(_bare, corpus.practices[pid].names):
                plan.named[pid].append(c.name)
            if hit and c.verdict == "draft" and (hit[1] - hit[0]) < len(c.name):
                plan.suggestions.append(f"{c.name}（未起草）中含有 {pid}（{corpus.practices[pid].name}）"
                                        f"的名称：是 {pid} 的别名吗？")
            continue
        if _bare(c.name) in skipped:
            continue
        if c.verdict != "draft":
            plan.rejected.append(c)
            continue
        key = _bare(c.name)
        if key in drafts:
            d = drafts[key]
            d.occurrences.append(c)
            if c.name.count("“") < d.name.count("“"):
                d.name = c.name  # the form without marks matches more mentions
            d.alias = d.alias or c.alias
        else:
            drafts[key] = Draft(c.name, [c], c.alias)
    themes = ThemeGuesser(corpus, rid)
    taken_ids = set(corpus.practices)
    taken_names = set(bare_names) | skipped | set(drafts)
    for d in drafts.values():
        d.id = unique_id(d.name, taken_ids)
        taken_ids.add(d.id)
        if d.alias and (_bare(d.alias) in taken_names or _bare(d.alias) == _bare(d.name)):
            d.alias = ""
        if d.alias:
            taken_names.add(_bare(d.alias))
    by_section: dict[str, list[str]] = {}
    for d in drafts.values():
        for c in d.occurrences:
            by_section.setdefault(_place(c.sentence, c.start), []).append(d.id)
    for sid, found in mentions.items():
        s = parsed.sentence(sid)
        if s is not None:
            for m in found:
                by_section.setdefault(_place(s, m[0]), []).append(m[2])
    # Sentences that name an initiative: an item's later sentence naming one is not the
    # earlier initiative's outcome.
    naming = {sid for sid, found in mentions.items() if found} | {
        c.sentence.id for d in drafts.values() for c in d.occurrences}
    for d in drafts.values():
        plan.drafts.append(_record(d, corpus, rid, themes, by_section, drafts, naming))
        first = d.occurrences[0].sentence
        plan.where[d.id] = f"「{parsed.label(first.section)}」处（句子 {first.id}，第 {first.line} 行）"
        plan.suggestions.extend(variants(d, corpus))
    plan.themes = themes.proposed
    return plan


def _place(s: Sentence, at: int) -> str:
    """Initiatives listed together: in the same innermost section; outside any section
    (an introduction lists the whole year), in the same clause."""
    if s.section:
        return s.section
    spans = clauses(s.text, depth_map(s.text))
    return f"{s.id}:{next((i for i, (a, b) in enumerate(spans) if a <= at < b), 0)}"


def _record(d: Draft, corpus: Corpus, rid: str, themes: ThemeGuesser,
            by_section: dict[str, list[str]], drafts: dict[str, Draft],
            naming: AbstractSet[str] = frozenset()) -> dict[str, Any]:
    first = d.occurrences[0]
    parsed = corpus.reports[rid].parsed
    others = [d2.occurrences[0] for d2 in drafts.values() if d2 is not d]
    record: dict[str, Any] = {
        "id": d.id,
        "status": "draft",
        "name": d.name,
    }
    if d.alias:
        record["aliases"] = [d.alias]
    kind = first.kind if first.kind in corpus.kinds else next(iter(sorted(corpus.kinds)), "practice")
    record["kind"] = kind
    clause = clause_of(first)
    record["theme"] = themes.theme_for(first.sentence, clause)
    record["tags"] = guess_tags(corpus, first.sentence, clause, parsed)
    # Fixed words: a summary may not use attribution words (推动, 其中…) that its quoted
    # sentences do not, and the report's title or headings may hold them.
    record["summary"] = SUMMARY
    record["how"] = how_quotes(d)
    record["outcomes"] = outcomes(first, others, corpus, rid, naming)
    related = []
    for c in d.occurrences:
        for pid in by_section.get(_place(c.sentence, c.start), []):
            if pid != d.id and pid not in related:
                related.append(pid)
    listing = next(k.id for k in sorted(corpus.relation_kinds.values(), key=lambda k: k.id) if k.listing)
    record["related"] = [{"id": pid, "relation": listing} for pid in related[:MAX_RELATED]]
    return record


def window(text: str, start: int, end: int, limit: int = MAX_QUOTE) -> str:
    """``text`` (a clause), or the part of it around ``start:end`` when it is longer than a
    quote may be (a report without punctuation has clauses of any length)."""
    if len(text) <= limit:
        return text.strip()
    pad = max(0, (limit - (end - start)) // 2)
    return text[max(0, start - pad):end + pad][:limit].strip()


def clause_of(c: Candidate) -> str:
    text = c.sentence.text
    for cs, ce in clauses(text, depth_map(text)):
        if cs <= c.start < ce:
            return window(text[cs:ce], c.start - cs, c.end - cs)
    return c.name


_MARKER = re.compile(rules.MARKER)


def unmarked(quote: str) -> str:
    """A quote without the item marker it starts with (``（1）推行…`` -> ``推行…``): the record
    shows where in the report it is anyway."""
    m = _MARKER.match(quote)
    return quote[m.end():].lstrip() if m and m.end() < len(quote) else quote


def how_quotes(d: Draft) -> list[str]:
    out: list[str] = []
    for c in d.occurrences:
        q = unmarked(clause_of(c))
        if q not in out:
            out.append(q)
    return out[:MAX_HOW]


def outcomes(c: Candidate, others: list[Candidate], corpus: Corpus, rid: str,
             naming: AbstractSet[str] = frozenset()) -> list[dict[str, str]]:
    """Figures that belong to the initiative: in its sentence, from its clause up to the next
    initiative named in that sentence or the next ；, and in the sentences after it in the
    same item (same section, same paragraph) up to one that names another initiative or
    states a plan. Each: figure as printed, the clause as its quote, the words before it as
    what it measures (the report's words)."""
    out: list[dict[str, str]] = []
    for s, start in item_sentences(c, others, corpus.reports[rid].parsed, naming):
        for entry in _figures(s, start, [o for o in others if o.sentence.id == s.id], corpus, rid):
            if entry not in out:
                out.append(entry)
    return out[:MAX_OUTCOMES]


def item_sentences(c: Candidate, others: list[Candidate], parsed,
                   naming: AbstractSet[str] = frozenset()) -> list[tuple[Sentence, int]]:
    """The naming sentence (from the name on) and the following sentences of the same item
    that belong to the initiative (each from its start): up to one that names an initiative
    (``others``, or a sentence id in ``naming``) or states a plan."""
    out = [(c.sentence, c.end)]
    named = {o.sentence.id for o in others} | naming
    sentences = parsed.sentences
    at = next((i for i, s in enumerate(sentences) if s.id == c.sentence.id), len(sentences))
    for s in sentences[at + 1:]:
        if s.section != c.sentence.section or s.line != c.sentence.line or not s.section:
            break
        if s.id in named or rules.FUTURE.search(s.text):
            break
        out.append((s, 0))
    return out


def _figures(s: Sentence, start: int, others: list[Candidate], corpus: Corpus, rid: str) -> list[dict[str, str]]:
    text = s.text
    # A figure belongs to the nearest initiative before it, within its ；-separated part.
    semicolon = min((i for i in (text.find("；", start), text.find(";", start)) if i >= 0), default=len(text))
    stop = min([o.start for o in others if o.start >= start] + [semicolon])
    out: list[dict[str, str]] = []
    for cs, ce in clauses(text, depth_map(text)):
        if ce <= start or cs >= stop:
            continue
        clause = text[cs:ce]
        inside = [(a - cs, b - cs) for a, b in quoted_terms(text) if cs <= a < ce]
        for m in FIGURE.finditer(clause):
            if any(a <= m.start() < b for a, b in inside) or m.start() + cs < start:
                continue
            figure = m.group(0)
            if whole_figure_at(figure, clause) != m.start():
                continue
            measures = clause[: m.start()].strip()[-MAX_MEASURES:] or figure
            entry = {"figure": figure, "measures": unmarked(measures),
                     "quote": unmarked(window(clause, m.start(), m.end()))}
            hits = corpus.quotes.find(entry["quote"])
            if any(r != rid for r, _ in hits):
                entry["report"] = rid
            out.append(entry)
    return out


def variants(d: Draft, corpus: Corpus) -> list[str]:
    """``alias of X?`` lines for a draft that looks like an existing practice: the same
    characters reordered, one name inside the other, or a shared quoted core."""
    mine = _bare(d.name)
    cores = {t[1:-1] for t in (d.name[a:b] for a, b in quoted_terms(d.name)) if len(t) > 3}
    out = []
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        for n in p.names:
            other = _bare(n)
            theirs = {t[1:-1] for t in (n[a:b] for a, b in quoted_terms(n)) if len(t) > 3}
            if sorted(mine) == sorted(other):
                why = "字相同、次序不同"
            elif min(len(mine), len(other)) >= 3 and (mine in other or other in mine):
                why = "一个名称包含另一个"
            elif cores & theirs:
                why = f"引号内的部分相同：“{sorted(cores & theirs)[0]}”"
            else:
                continue
            out.append(f"草稿 {d.id} {d.name}：是 {p.id}（{n}）的别名吗？（{why}）")
            break
    return out
