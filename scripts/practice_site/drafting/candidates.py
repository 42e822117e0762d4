"""Find the initiatives a report names, and the look-alikes that are not initiatives.

Works sentence by sentence on any parsed report (it needs only ``ParsedReport.sentences``),
clause by clause (clauses end at ，。；：！？ and their half-width forms outside quotation
marks and brackets). Three rules propose names; the tables are in ``candidate_rules``:

1. **Endings**: a clause up to a name ending (…机制, …工程, …试点, …专项行动) standing outside
   quotation marks, optionally with a tail (建设, 任务, 工作), followed by the clause end, a
   non-Han character or a function character. The name starts after the last lead word
   (开展, 深入, 等, 的, …) before it, or after a 、 that closes an earlier name.
2. **Enumerations**: ``甲、乙、丙等工作``: where a generic head follows 等, each item is a name.
3. **Verb lists**: after a list verb (开展, 推行, 打造, …), each item of the object list that
   ends with a quoted term (夏季治安打击整治“百日行动”), is a quoted term with a generic word
   (“助企双引”工作), or is a short lone object (深化助企纾困).

Overlapping proposals keep the longest. Each is then judged (``verdict``): a draft, or a
coverage category (slogan, target, honour, framing, external, masked, not-a-measure) with the
reason. Quoted terms that no name covers are judged the same way, so every quoted term of
the report ends up somewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from practice_site.drafting import candidate_rules as rules
from practice_site.drafting.grammar import (
    clauses,
    ending_at,
    enum_head,
    followed_ok,
    generic_head,
    name_start,
    object_of,
    split_items,
    strip_lead,
)
from practice_site.link.coverage import depth_map, quoted_terms
from practice_site.text.report import ParsedReport, Sentence
from practice_site.text.terms import curly_quotes, unquoted

_ENDINGS = sorted(rules.ENDINGS, key=len, reverse=True)
_COUNT_TAIL = re.compile(rules.COUNT_TAIL)


@dataclass(frozen=True)
class Candidate:
    name: str
    """As printed, quotation marks kept."""
    sentence: Sentence
    start: int
    end: int
    """Span of ``name`` in the sentence text."""
    rule: str
    """``ending``, ``enumeration``, ``list`` or ``quoted`` (a quoted term no name covers)."""
    verdict: str
    """``draft`` or a coverage category id (``read_coverage.CATEGORIES``)."""
    reason: str = ""
    """Why it is not drafted (for coverage.yml), in Chinese, for the editor."""
    kind: str = "practice"
    """Best-guess kind id, from the name's ending."""
    alias: str = ""
    """A shorter form the report also uses (the name without its tail, the quoted core)."""


def by_endings(text: str, depth: list[int], cs: int, ce: int) -> list[tuple[int, int, str]]:
    """Rule 1: (start, end, alias) of every name ending in the clause."""
    out = []
    for i in range(cs + 2, ce + 1):
        ending = ending_at(text, cs, i)
        if not ending or depth[i - len(ending)] or depth[i - 1] or text.endswith(rules.NOT_ENDINGS, cs, i):
            continue
        j = i
        if j < ce and text[j] in "（(":  # 服务中心（网办中心）建设: an aside before the tail
            j = next((k + 1 for k in range(j, ce) if depth[k] and text[k] in "）)" and depth[k] == depth[i]
                      and (k + 1 == len(text) or depth[k + 1] < depth[k])), i)
        tail = next((t for t in rules.TAILS if text.startswith(t, j, ce)), "")
        if not tail:
            j = i
        if not followed_ok(text, j + len(tail), ce):
            continue
        end = i if tail in rules.DROPPED_TAILS else j + len(tail)
        start = name_start(text, depth, cs, i - len(ending))
        alias = text[start:i] if tail and end > i else ""
        out.append((start, end, alias))
    return out


def by_lists(text: str, depth: list[int], cs: int, ce: int, heading: bool = False) -> list[tuple[int, int, str]]:
    """Rules 2 and 3: (start, end, rule) of list items that are names. In a heading, a lone
    unquoted object is the heading's theme (深化打击整治), not a name."""
    out: list[tuple[int, int, str]] = []
    deng = next((i for i in range(ce - 1, cs, -1) if text[i] == "等" and depth[i] == 0
                 and enum_head(text, i + 1, ce)), -1)
    if deng > 0:
        first_break = next((i for i in range(cs, deng) if text[i] == "、" and depth[i] == 0), deng)
        a = cs
        for i in range(cs, first_break):
            if depth[i] == 0 and (w := next((v for v in rules.LIST_VERBS if text.startswith(v, i)), "")):
                a = i + len(w)
        for x, y in split_items(text, depth, a, deng):
            x = strip_lead(text, x, y)
            if 2 <= len(unquoted(text[x:y])) and y - x <= rules.MAX_NAME:
                out.append((x, y, "enumeration"))
        return out
    deng = next((i for i in range(ce - 1, cs, -1) if text[i] == "等" and depth[i] == 0), -1)
    if deng > 0 and any(depth[i] == 0 and text.startswith(v, i) for i in range(cs, deng)
                        for v in rules.LIST_VERBS):
        head = text[deng + 1:ce]
        if len(head) <= rules.MAX_HEAD and not re.search(r"[0-9０-９*＊的“]", head):
            out.append((deng + 1, ce, "list"))
        return out
    if (lever := rules.LEVER.search(text, cs, ce)) and depth[lever.start()] == 0:
        a, b = lever.span(1)
        item = text[a:b]
        if len(item) <= rules.MAX_QUOTED_ITEM and ("“" in item or ending_at(text, a, b)) and \
                "的" not in re.sub(r"“[^“”]*”", "", item):
            out.append((a, b, "list"))
        elif "的" not in item:  # 以清廉公安建设和队伍教育整顿工作为抓手: each item on its own
            for x, y in split_items(text, depth, a, b):
                if ("“" in text[x:y] or ending_at(text, x, y) or lever_item(text[x:y])) \
                        and y - x <= rules.MAX_QUOTED_ITEM:
                    out.append((x, y, "list"))
    verb_end, verb = -1, ""
    for i in range(cs, ce):
        if depth[i] == 0 and (w := next((v for v in _VERBS if text.startswith(v, i)), "")):
            verb_end, verb = i + len(w), w
    if verb_end < 0 or verb_end >= ce or text[verb_end] in "、和及与":
        return out
    items = split_items(text, depth, verb_end, ce)
    if verb in rules.VERB_IN_NAME:  # its object alone is never the name (传统侵财犯罪)
        if len(items) == 1 and (named := verb_named(text, verb_end, ce, verb)):
            out.append(named)
        return out
    lo, hi = rules.SHORT_OBJECT
    for x, y in items:
        x = strip_lead(text, x, y)
        # A count after a quoted name is its outcome (建成“智慧门禁”小区**个); after a plain
        # object it is what was done (严打侵犯知识产权案件*起), not a name.
        if (m := _COUNT_TAIL.search(text, x, y)) and m.start() > x and (
                "“" in text[x:m.start()] or ending_at(text, x, m.start())):
            y = m.start()
        item = text[x:y]
        short = len(item) <= rules.MAX_QUOTED_ITEM
        quoted_end = item.endswith("”") and short
        quote_tail = any(item.endswith("”" + t) for t in rules.QUOTE_TAILS)
        core = next((item[:-len(t)] for t in rules.OBJECT_TAILS if item.endswith(t)), item)
        lone = len(items) == 1 and (("“" in item and short) or set_up(item, verb) or not heading
                                    and verb not in rules.PRINCIPLE_VERBS and (
            (lo <= len(core) <= hi or four_chars(core)) and not re.search(r"[0-9０-９*＊]", item)
            and not ending_at(item, 0, len(item))))
        plain = re.sub(r"“[^“”]*”", "", item)
        goal = "的" in plain or plain.endswith(rules.GOAL_ENDINGS)
        if (quoted_end or quote_tail or lone) and not goal:
            out.append((x, y, "list"))
    return out


_VERBS = sorted(set(rules.LIST_VERBS + rules.DOING_VERBS + rules.VERB_IN_NAME), key=len, reverse=True)
_NUMBER = re.compile(r"[0-9０-９*＊]")


def common_core(name: str) -> bool:
    """Whether an unquoted name is ordinary words with a name ending (执法监督机制, 执法制度体系):
    in a heading, the subject of the section rather than an initiative."""
    if "“" in name or '"' in name:
        return False
    core = name
    for t in rules.TAILS:
        if core.endswith(t) and len(core) > len(t):
            core = core[:-len(t)]
            break
    ending = next((e for e in _ENDINGS if core.endswith(e)), "")
    core = core[:len(core) - len(ending)]
    if ending in rules.ENDINGS and core.endswith(rules.SCOPED_ENDINGS):  # 执法制度体系
        core = core[:-2]
    halves = [core[i:i + 2] for i in range(0, len(core), 2)]
    return bool(ending) and len(core) % 2 == 0 and all(h in rules.COMMON_HALVES for h in halves)


def lever_item(item: str) -> bool:
    """An item of ``以甲和乙为抓手`` ending in 建设 after a name of its own (清廉公安建设)."""
    core = item[:-len(rules.LEVER_TAIL)] if item.endswith(rules.LEVER_TAIL) else ""
    return len(core) >= rules.FOUR_CHARS and core[:2] not in rules.COMMON_HALVES and not core.endswith(rules.GOAL_ENDINGS)


def set_up(item: str, verb: str) -> bool:
    """An unquoted object of a verb of doing that names something set up (制定…权责清单)."""
    return (verb in rules.DOING_VERBS and item.endswith(rules.SET_UP_NOUNS)
            and len(item) <= rules.MAX_QUOTED_ITEM and not _NUMBER.search(item)
            and "的" not in item)


def four_chars(core: str) -> bool:
    """A four-character object that is not ordinary official prose (助企纾困, not 打击整治)."""
    return (len(core) == rules.FOUR_CHARS and bool(re.fullmatch(r"[\u3400-\u9fff]+", core))
            and core[:2] not in rules.COMMON_HALVES and core[2:] not in rules.COMMON_HALVES)


def verb_named(text: str, verb_end: int, ce: int, verb: str) -> tuple[int, int, str] | None:
    """``严打传统侵财犯罪``: a verb that is part of the name, with its lone object."""
    if verb not in rules.VERB_IN_NAME:
        return None
    obj = text[verb_end:ce]
    if obj[:2] in rules.COMMON_HALVES:  # 严打整治违法犯罪: a heading's theme, not a name
        return None
    if (rules.SHORT_OBJECT[0] - 1 <= len(obj) <= rules.MAX_VERB_OBJECT and not _NUMBER.search(obj)
            and re.fullmatch(r"[\u3400-\u9fff]+", obj) and "的" not in obj):
        return (verb_end - len(verb), verb_end + len(obj), "list")
    return None


def judge(name: str, text: str, depth: list[int], cs: int, ce: int, start: int) -> tuple[str, str]:
    """(verdict, reason) for a proposed name in its clause ``text[cs:ce]``."""
    bare = unquoted(name)
    before = text[cs:start]
    quoted_only = bool(re.fullmatch(r"(“[^“”]+”)+", name))
    if "*" in name or "＊" in name:
        return "masked", rules.REASONS["masked"]
    if rules.FUTURE.search(text, 0, start):
        return "target", rules.REASONS["plan"]
    if any(c in before for c in rules.HONOUR_CUES):
        return "honour", rules.REASONS["honour"]
    for m in rules.FRAMING.finditer(text, cs, ce):
        if m.start() <= start and (start + len(name) <= m.end() or not m.group(0).startswith("以")):
            return "framing", rules.REASONS["framing"]
    if quoted_only and (rules.TARGET.search(bare) or before.endswith(rules.RESULT_CUES)):
        return "target", rules.REASONS["target"]
    if quoted_only and re.search(r"[、，,；]", bare):
        return "slogan", rules.REASONS["slogan"]
    if name.startswith("《") or text[start + len(name):ce].startswith(rules.EXTERNAL_HEADS):
        return "external", rules.REASONS["external"]
    if before.endswith("等") and generic_head(name):
        return "not-a-measure", rules.REASONS["enumeration-head"]
    if object_of(text, depth, cs, ce, start, start + len(name)):
        return "not-a-measure", rules.REASONS["enumerated-object"]
    if bare in rules.NOT_NAMES or any(w in bare for w in rules.GENERIC_WORDS):
        return "not-a-measure", rules.REASONS["common-term"]
    if re.search(rules.COUNTED, bare):
        return "not-a-measure", rules.REASONS["counted"]
    core = bare
    for e in _ENDINGS:
        if core.endswith(e):
            core = core[: -len(e)]
            break
    for g in rules.GENERIC:
        core = core.replace(g, "")
    if len(re.sub(r"[^\u3400-\u9fff]", "", core)) < 2 and not re.search(r"[0-9０-９A-Za-z]", core):
        return "not-a-measure", rules.REASONS["generic"]
    if len(name) > rules.MAX_NAME:
        return "not-a-measure", rules.REASONS["too-long"]
    formula = quoted_only and sum(ch in rules.NUMERALS for ch in bare) >= rules.FORMULA_NUMERALS
    if quoted_only and not formula and not before.rstrip().endswith(rules.LIST_VERBS + tuple("、”和及与")):
        return "not-a-measure", rules.REASONS["quoted-phrase"]
    return "draft", ""


def _kind(name: str) -> str:
    bare = unquoted(name)
    for t in rules.TAILS:
        if bare.endswith(t) and len(bare) > len(t):
            bare = bare[: -len(t)]
            break
    return next((k for e, k in sorted(rules.ENDINGS.items(), key=lambda x: -len(x[0])) if bare.endswith(e)),
                "practice")


def _core_alias(name: str) -> str:
    """The quoted core of “甲”工程 / “甲”工作, or an unquoted name without its generic tail
    (议提案办理工作 -> 议提案办理): the report calls it so as well."""
    tail = next((t for t in rules.OBJECT_TAILS if name.endswith(t)), "")
    if tail and "“" not in name and len(name) - len(tail) >= rules.SHORT_OBJECT[0]:
        return name[: -len(tail)]
    m = re.fullmatch(r"“([^“”]{2,})”(.*)", name)
    if m and (m.group(2) in rules.QUOTE_TAILS or m.group(2) in rules.ENDINGS
              or len(m.group(2)) <= rules.SHORT_REST and len(m.group(1)) >= 3):
        return m.group(1)
    return ""


def sentence_candidates(s: Sentence, heading: bool = False) -> list[Candidate]:
    """Candidates of one sentence; half-width quotes are read as full-width ones, names
    keep the report's own characters."""
    text = curly_quotes(s.text)
    depth = depth_map(text)
    proposals: list[tuple[int, int, str, str, int, int]] = []
    for cs, ce in clauses(text, depth):
        for a, b, alias in by_endings(text, depth, cs, ce):
            proposals.append((a, b, "ending", alias, cs, ce))
        for a, b, rule in by_lists(text, depth, cs, ce, heading):
            proposals.append((a, b, rule, "", cs, ce))
    # A sentence that starts inside someone's quoted words (…警务室。”居民说) has a ” before
    # any “: what stands before it is what they said, not the report's own naming.
    closing, opening = text.find("”"), text.find("“")
    spoken = closing if closing >= 0 and (opening < 0 or closing < opening) else -1
    proposals = [p for p in proposals if p[0] > spoken]
    kept: list[tuple[int, int, str, str, int, int]] = []
    for p in sorted(proposals, key=lambda p: (-(p[1] - p[0]), p[0])):
        if p[1] - p[0] >= 2 and all(p[1] <= k[0] or p[0] >= k[1] for k in kept):
            kept.append(p)
    out = []
    for a, b, rule, alias, cs, ce in sorted(kept):
        name = text[a:b]
        verdict, reason = judge(name, text, depth, cs, ce, a)
        if verdict == "draft" and heading and common_core(name):
            verdict, reason = "not-a-measure", rules.REASONS["heading-theme"]
        alias = alias or _core_alias(name)
        # The alias is a prefix of the name or its quoted core: take it from the report's text.
        at = a if name.startswith(alias) else a + 1
        out.append(Candidate(s.text[a:b], s, a, b, rule, verdict, reason, _kind(name),
                             s.text[at:at + len(alias)] if alias else ""))
    spans = [(c.start, c.end) for c in out]
    for a, b in quoted_terms(text):
        if any(x <= a and b <= y for x, y in spans):
            continue
        cs, ce = next(((x, y) for x, y in clauses(text, depth) if x <= a < y), (0, len(text)))
        verdict, reason = judge(text[a:b], text, depth, cs, ce, a)
        if verdict == "draft" and sum(ch in rules.NUMERALS for ch in text[a:b]) < rules.FORMULA_NUMERALS:
            verdict, reason = "not-a-measure", rules.REASONS["quoted-phrase"]
        out.append(Candidate(s.text[a:b], s, a, b, "quoted", verdict, reason))
    return sorted(out, key=lambda c: c.start)


def find_candidates(parsed: ParsedReport) -> list[Candidate]:
    """Every proposed name and every quoted term of the report, in reading order. In a
    section whose heading (or an ancestor's) announces plans (下一步工作打算), nothing is a
    draft: what it names is still to be done."""
    headings = {sec.sentences[0].id for sec in parsed.walk() if sec.sentences and title_like(sec.sentences[0])}
    out = []
    for s in parsed.sentences:
        found = sentence_candidates(s, s.id in headings)
        if in_plan(parsed, s):
            found = [replace(c, verdict="target", reason=rules.REASONS["plan"]) if c.verdict == "draft" else c
                     for c in found]
        out.extend(found)
    return out


def title_like(s: Sentence) -> bool:
    """A heading sentence that reads as a title (深化打击整治), not an item's first sentence that
    goes on to say what was done (（1）组建青年民警应急分队，开展实战演练**次。)."""
    text = s.text.rstrip("。！!；;")
    return not re.search(r"[，,；;：:]", text)


def in_plan(parsed: ParsedReport, s: Sentence) -> bool:
    """Whether the sentence stands under a heading announcing plans (第二部分 下一步工作打算)."""
    return bool(s.section) and any(rules.PLAN_HEADINGS.search(sec.heading) for sec in parsed.path(s.section))
