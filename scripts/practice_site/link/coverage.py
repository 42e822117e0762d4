"""Coverage: is every quoted term and every named measure of the reports either a practice
page or deliberately skipped (``data/coverage.yml``)?

The extraction rule (documented in data/README.md):

- **Quoted terms**: the text inside every “…” and 《…》 of a sentence.
- **Named measures**: a sentence is cut into clauses at ，。；：！？ outside quotation marks
  and brackets. In a clause, a measure name ends with one of ``SUFFIXES`` (…机制, …制度, …制,
  …体系, …模式, …工程, …项目, …试点, …行动, …活动, …专项整治, …专项工作) standing outside
  quotation marks, optionally followed by one of ``TAILS`` (建设, 任务, 工作, 项目), and then by
  the clause end, a character that is not Han (``活动**场次``) or a function character
  (和 与 及 等 的 为). The candidate is the clause up to there: the start of a name cannot be
  found without a dictionary, so the clause start stands in for it, and classification looks
  at how the candidate *ends*. A candidate whose own words are only a generic head after a
  quoted term (``“第一议题”制度``, ``“振警心提士气”“暖警家访”等活动``) is represented by
  its quoted terms and not listed twice.

Classification of each occurrence, first that applies:

1. ``record``: the quoted term lies inside a mention of a practice name or alias in that
   sentence (the linker's longest-match mentions), or the measure candidate ends where such a
   mention ends (a tail allowed between).
2. ``skipped``: a ``coverage.yml`` term equals the quoted term, or the measure candidate ends
   with it (tail allowed), quotation marks ignored.
3. ``unclassified``: everything else; the command exits non-zero while any remains.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from practice_site.corpus.model import Corpus, Skip
from practice_site.link.graph import NameMatcher
from practice_site.text.terms import unquoted

SUFFIXES = ("专项整治", "专项工作", "机制", "制度", "体系", "模式", "工程", "项目", "试点", "行动",
            "活动", "制")
TAILS = ("建设", "任务", "工作", "项目")
_FOLLOWERS = set("和与及等的为")
_BREAKS = set("，。；：！？")
_OPEN, _CLOSE = "“《（(", "”》）)"
_GENERIC = re.compile(r"^[”》]*[等的]?(工作|专项)?(" + "|".join(SUFFIXES) + r")(" + "|".join(TAILS) + r")?$")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Occurrence:
    kind: str
    """``quoted`` or ``measure``."""
    term: str
    """The quoted text (marks kept) or the measure candidate (clause start to name end)."""
    report: str
    sentence: str
    """Sentence id."""
    start: int
    end: int
    """Span of the term in the sentence text."""


@dataclass(frozen=True)
class Status:
    occurrence: Occurrence
    status: str
    """``record``, ``skipped`` or ``unclassified``."""
    practice: str = ""
    """For ``record``: the practice id."""
    skip: Skip | None = None
    """For ``skipped``: the coverage.yml entry."""


def depth_map(text: str) -> list[int]:
    """Nesting depth of quotation marks and brackets at each character (the marks themselves
    count as inside)."""
    depth, out = 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        out.append(depth)
        if ch in _CLOSE and depth:
            depth -= 1
    return out


def quoted_terms(text: str) -> list[tuple[int, int]]:
    """Spans (marks included) of every innermost “…” and 《…》."""
    return [m.span() for m in re.finditer(r"“[^“”]+”|《[^《》]+》", text)]


def clauses(text: str, depth: list[int] | None = None,
            breaks: set[str] = _BREAKS) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text``: cut at ``breaks`` outside quotation marks and
    brackets (``depth``: ``depth_map(text)``, computed when not given)."""
    depth = depth if depth is not None else depth_map(text)
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in breaks and depth[i] == 0:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def measure_ends(text: str) -> list[int]:
    """End offsets of named-measure candidates in one sentence (see the module rule)."""
    depth = depth_map(text)
    found: list[tuple[int, int]] = []
    for cs, ce in clauses(text):
        for i in range(cs + 1, ce + 1):
            suffix = next((s for s in SUFFIXES if text.endswith(s, cs, i)), None)
            if suffix is None or depth[i - len(suffix)] or depth[i - 1]:
                continue
            end = i
            tail = next((t for t in TAILS if text.startswith(t, end, ce)), "")
            end += len(tail)
            if end < ce and _HAN.match(text[end]) and text[end] not in _FOLLOWERS:
                continue
            own = text[cs:end]
            last_quote = max(own.rfind("”"), own.rfind("》"))
            if last_quote >= 0 and _GENERIC.match(own[last_quote:]):
                continue  # “第一议题”制度: the quoted term stands for it
            found.append((cs, end))
    ends = sorted({e for _, e in found})
    return ends


def occurrences(corpus: Corpus) -> list[Occurrence]:
    out = []
    for rid, report in sorted(corpus.reports.items()):
        for s in report.parsed.sentences:
            for a, b in quoted_terms(s.text):
                out.append(Occurrence("quoted", s.text[a:b], rid, s.id, a, b))
            starts = {e: cs for cs, ce in clauses(s.text) for e in range(cs, ce + 1)}
            for e in measure_ends(s.text):
                out.append(Occurrence("measure", s.text[starts[e]:e], rid, s.id, starts[e], e))
    return out


def _strip_tail(term: str) -> list[str]:
    forms = [term]
    for t in TAILS:
        if term.endswith(t) and len(term) > len(t):
            forms.append(term[: -len(t)])
    return forms


def classify(corpus: Corpus) -> list[Status]:
    names = {n: p.id for p in sorted(corpus.practices.values(), key=lambda p: p.id) for n in p.names}
    matcher = NameMatcher(names)
    texts = {(rid, s.id): s.text for rid, r in corpus.reports.items() for s in r.parsed.sentences}
    mentions: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    out = []
    for occ in occurrences(corpus):
        key = (occ.report, occ.sentence)
        if key not in mentions:
            mentions[key] = matcher.find(texts[key])
        found = mentions[key]
        pid = ""
        if occ.kind == "quoted":
            # Inside the marks: “警网融合” is covered by a mention of 警网融合.
            pid = next((m[2] for m in found if m[0] <= occ.start + 1 and occ.end - 1 <= m[1]), "")
        else:
            for form in _strip_tail(occ.term):
                end = occ.start + len(form)
                pid = pid or next((m[2] for m in found if m[1] == end and m[0] >= occ.start), "")
        if pid:
            out.append(Status(occ, "record", practice=pid))
            continue
        term = unquoted(occ.term)
        # An entry written for one report skips the term there only.
        skipped = [k for k in corpus.skipped if not k.report or k.report == occ.report]
        if occ.kind == "quoted":
            # Exactly the term, or a longer skipped name that holds it in this sentence
            # (“镇村除险保安” inside 镇村除险保安专项行动).
            sentence = unquoted(texts[key])
            skip = next((k for k in skipped if k.term == term), None) or next(
                (k for k in skipped if term in k.term and k.term in sentence), None)
        else:
            skip = next((k for k in sorted(skipped, key=lambda k: -len(k.term))
                         if any(f.endswith(k.term) for f in _strip_tail(term))), None)
        out.append(Status(occ, "skipped", skip=skip) if skip else Status(occ, "unclassified"))
    return out


def unused_skips(corpus: Corpus, statuses: list[Status]) -> list[Skip]:
    """coverage.yml entries that classify nothing: stale, to be removed."""
    used = {id(s.skip) for s in statuses if s.skip}
    return [k for k in corpus.skipped if id(k) not in used]


KINDS = {"quoted": "引号词语", "measure": "措施名称"}
"""How the listing names an occurrence's kind (``Occurrence.kind``)."""


def format_listing(corpus: Corpus, statuses: list[Status]) -> str:
    """One line per distinct (kind, term, status), unclassified first."""
    from practice_site.corpus.skips import CATEGORIES
    rows: dict[tuple, list[Status]] = {}
    for st in statuses:
        o = st.occurrence
        label = st.practice or (st.skip.term if st.skip else "")
        rows.setdefault((o.report, st.status != "unclassified", o.kind, o.term, st.status, label), []).append(st)
    out = []
    report = None
    for key in sorted(rows, key=lambda k: (k[0], k[1], k[2], k[3])):
        rid, _, kind, term, status, label = key
        if rid != report:
            report = rid
            out.append(f"{corpus.reports[rid].path}")
        sts = rows[key]
        where = ",".join(dict.fromkeys(s.occurrence.sentence for s in sts))
        if status == "record":
            what = f"有页面 {label}"
        elif status == "skipped":
            skip = sts[0].skip
            assert skip is not None
            what = f"已跳过 [{CATEGORIES[skip.category]}] {skip.term}: {skip.reason}"
        else:
            what = "未归类：为它建页面（名称或别名），或把它列入 data/coverage.yml"
        out.append(f"  {KINDS[kind]} {term}  ({where})  {what}")
    return "\n".join(out)
