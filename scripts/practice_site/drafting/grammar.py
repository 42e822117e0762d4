"""Clause-level grammar the candidate finder applies (the words are ``candidate_rules``
tables): clauses, where a name ends and starts, list items, enumeration heads.

Offsets are into one sentence's text; ``depth`` is ``coverage.depth_map`` of it (inside
quotation marks or brackets is > 0).
"""
from __future__ import annotations

import re

from practice_site.drafting import candidate_rules as rules
from practice_site.link import coverage

_BREAKS = set("，。；：！？,;:!?")
_HAN = re.compile(r"[\u3400-\u9fff]")
_ENDINGS = sorted(rules.ENDINGS, key=len, reverse=True)
_LEAD = sorted(rules.LEAD_WORDS, key=len, reverse=True)
_MARKER = re.compile(rules.MARKER)


def clauses(text: str, depth: list[int]) -> list[tuple[int, int]]:
    """Coverage's clause rule, with half-width breaks too (text copied from web pages)."""
    return coverage.clauses(text, depth, _BREAKS)


def ending_at(text: str, cs: int, i: int) -> str:
    """The longest name ending that ends at ``i`` (within the clause from ``cs``), or ''."""
    return next((e for e in _ENDINGS if text.endswith(e, cs, i)), "")


def lead_before(text: str, cs: int, i: int) -> str:
    return next((w for w in _LEAD if text.endswith(w, cs, i)), "")


def name_start(text: str, depth: list[int], cs: int, end: int) -> int:
    """Where a name ending at ``end`` starts: after the last lead word, or after a 、 that
    closes an earlier name (“甲”专项行动、乙百日行动), or at the clause start."""
    i = end
    while i > cs:
        if depth[i - 1] == 0:
            if lead_before(text, cs, i):
                return i
            if text[i - 1] == "、" and (text[i - 2:i - 1] == "”" or ending_at(text, cs, i - 1)):
                return i
        i -= 1
    m = _MARKER.match(text, cs, end)
    return m.end() if m else cs


def strip_lead(text: str, a: int, b: int) -> int:
    """``a`` moved past lead words at the start of ``text[a:b]`` (打造“精兵型”巡防队)."""
    moved = True
    while moved and a < b:
        moved = False
        for w in _LEAD:
            if text.startswith(w, a, b) and len(w) < b - a:
                a, moved = a + len(w), True
                break
    return a


def followed_ok(text: str, at: int, ce: int) -> bool:
    return at >= ce or not _HAN.match(text[at]) or text[at] in rules.FOLLOWERS


def split_items(text: str, depth: list[int], a: int, b: int) -> list[tuple[int, int]]:
    """Items of a list: split at 、 和 及 与 outside quotes and between adjacent quotes ”“."""
    items, start = [], a
    for i in range(a, b):
        if depth[i] == 0 and text[i] in "、和及与":
            items.append((start, i))
            start = i + 1
        elif text[i] == "“" and i > a and text[i - 1] == "”":
            items.append((start, i))
            start = i
    items.append((start, b))
    return [(x, y) for x, y in items if y > x]


def generic_head(head: str) -> bool:
    bare = rules.ENUM_FILLERS.sub("", head)
    return any(bare.endswith(h) and len(bare) - len(h) <= rules.ENUM_MODIFIER for h in rules.ENUM_HEADS)


def enum_head(text: str, a: int, ce: int) -> str:
    """The generic head after 等 at ``a`` (等特色亮点工作被…报道 -> 特色亮点工作), or ''."""
    for k in range(min(ce, a + 10), a, -1):
        # 等工作机制: the head goes on into a name ending, so it is not the generic 工作.
        if generic_head(text[a:k]) and not any(ending_at(text, a, j) for j in range(k + 1, min(ce, k + 4) + 1)):
            return text[a:k]
    return ""


def object_of(text: str, depth: list[int], cs: int, ce: int, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an item of ``甲、乙等<specific head>`` (an object of that
    head: 大型活动、危爆物品等企事业单位安全检查), not a name of its own."""
    if end >= ce or text[end] not in "、等":
        return False
    deng = next((i for i in range(end, ce) if text[i] == "等" and depth[i] == 0), -1)
    return deng >= 0 and not enum_head(text, deng + 1, ce)
