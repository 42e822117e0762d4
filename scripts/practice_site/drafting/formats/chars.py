"""Characters that PDF fonts put in a text layer in place of ordinary ones.

A font often maps one glyph to two code points (一 and the Kangxi radical ⼀, 龟 and
⻳, 﨑 and 崎); a PDF writer then records the glyph as the wrong one, and the copied text
looks right but no longer matches (search, names, sentence ids). Only those characters
are mapped: NFKC on the whole text would also turn the report's full-width ％, digits and
punctuation into half-width ones, and figures are kept as printed.
"""
from __future__ import annotations

import unicodedata

SUPPLEMENT = {
    "⺟": "母", "⺠": "民", "⻄": "西", "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝", "⻋": "车",
    "⻐": "钅", "⻓": "长", "⻔": "门", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻠": "饣",
    "⻢": "马", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐",
    "⻮": "齿", "⻰": "龙", "⻳": "龟",
}
"""CJK Radicals Supplement (U+2E80–U+2EFF): the simplified forms that are also ordinary
characters (Unicode's EquivalentUnifiedIdeograph.txt); Unicode gives most of them no
decomposition, so NFKC would leave them."""


def _ordinary(ch: str) -> str:
    cp = ord(ch)
    if 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
        # Kangxi radicals and CJK compatibility ideographs: their (compatibility)
        # decomposition is the one unified ideograph. A few compatibility code points
        # (U+FA0E 﨎 …) are unified ideographs themselves and have none: kept.
        mapped = unicodedata.normalize("NFKC", ch)
        return mapped if len(mapped) == 1 else ch
    return SUPPLEMENT.get(ch, ch)


def ordinary_characters(text: str) -> tuple[str, int]:
    """``text`` with radicals and compatibility ideographs mapped to the ordinary
    characters, and how many were mapped; every other character is kept."""
    out, changed = [], 0
    for ch in text:
        new = _ordinary(ch) if ord(ch) >= 0x2E80 else ch
        changed += new != ch
        out.append(new)
    return "".join(out), changed
