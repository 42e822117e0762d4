"""From a new report's candidates to draft records: what to draft, what existing practices it
names, which drafts look like variants of existing ones; the record fields are guessed here
(``guess.py`` holds the guesses of theme, tags and id).

Nothing here writes files: ``plan_drafts`` returns a ``DraftPlan`` that ``add_report``
writes and checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from practice_site.corpus.model import Corpus
from practice_site.drafting.candidates import Candidate, find_candidates
from practice_site.drafting.grammar import clauses
from practice_site.drafting.guess import ThemeGuesser, guess_tags, unique_id
from practice_site.link.coverage import depth_map, quoted_terms
from practice_site.link.graph import NameMatcher
from practice_site.text.figures import whole_figure_at
from practice_site.text.report import Sentence
from practice_site.text.terms import unquoted

SUMMARY = "（草稿）概述待编辑依据报告原文撰写。"
MAX_QUOTE = 300
"""Quotes are capped at 500 characters by the loader; clauses longer than this are cut."""
MAX_MEASURES = 100
MAX_HOW = 3
MAX_OUTCOMES = 6
MAX_RELATED = 6
FIGURE = re.compile(
    r"(?:[0-9０-９*＊][0-9０-９*＊.．]*)(?:余|多)?"
    r"(?:[％%‰]|[万亿千百]?(?:人次|户次|场次|余人|人|起|件|个|家|名|次|项|条|伙|期|场|倍|元|户|所|处|支|台|套|批|辆|小时|天|份|单|张|间|类|宗|批次))")
"""A figure as printed: digits or masks with their unit (``*****起``, ``**％``, ``***余人次``)."""


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
    skipped = {k.term for k in corpus.skipped}
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
            if c.name not in plan.named[pid]:
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
    for d in drafts.values():
        plan.drafts.append(_record(d, corpus, rid, themes, by_section, drafts))
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
            by_section: dict[str, list[str]], drafts: dict[str, Draft]) -> dict[str, Any]:
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
    record["outcomes"] = outcomes(first, others, corpus, rid)
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


def how_quotes(d: Draft) -> list[str]:
    out: list[str] = []
    for c in d.occurrences:
        q = clause_of(c)
        if q not in out:
            out.append(q)
    return out[:MAX_HOW]


def outcomes(c: Candidate, others: list[Candidate], corpus: Corpus, rid: str) -> list[dict[str, str]]:
    """Figures in the candidate's sentence from its clause up to the next initiative named
    in that sentence or the next ；: figure as printed, the clause as its quote, the words
    before it as what it measures (the report's words)."""
    text = c.sentence.text
    # A figure belongs to the nearest initiative before it, within its ；-separated part.
    semicolon = min((i for i in (text.find("；", c.end), text.find(";", c.end)) if i >= 0), default=len(text))
    stop = min([o.start for o in others if o.sentence.id == c.sentence.id and o.start > c.end]
               + [semicolon])
    out: list[dict[str, str]] = []
    for cs, ce in clauses(text, depth_map(text)):
        if ce <= c.start or cs >= stop:
            continue
        clause = text[cs:ce]
        inside = [(a - cs, b - cs) for a, b in quoted_terms(text) if cs <= a < ce]
        for m in FIGURE.finditer(clause):
            if any(a <= m.start() < b for a, b in inside) or m.start() + cs < c.start:
                continue
            figure = m.group(0)
            if whole_figure_at(figure, clause) != m.start():
                continue
            measures = clause[: m.start()].strip()[-MAX_MEASURES:] or figure
            entry = {"figure": figure, "measures": measures, "quote": window(clause, m.start(), m.end())}
            hits = corpus.quotes.find(entry["quote"])
            if any(r != rid for r, _ in hits):
                entry["report"] = rid
            if entry not in out:
                out.append(entry)
    return out[:MAX_OUTCOMES]


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
