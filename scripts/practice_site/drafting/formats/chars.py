"""Characters that PDF fonts put in a text layer in place of ordinary ones.

A font often maps one glyph to two code points (一 and the Kangxi radical ⼀, 龟 and
⻳, 﨑 and 崎); a PDF writer then records the glyph as the wrong one, and the copied text
looks right but no longer matches (search, names, sentence ids). Only those characters
are mapped: NFKC on the whole text would also turn the report's full-width ％, digits and
punctuation into half-width ones, and figures are kept as printed.
"""
from __future__ import annotations

import unicodedata

_SUPPLEMENT_PAIRS = """
    ⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 ⺍小 ⺎兀 ⺏尣 ⺐尢
    ⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺗心 ⺘扌 ⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵
    ⺢氺 ⺣灬 ⺤爫 ⺥爫 ⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓
    ⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 ⺾艹 ⺿艹 ⻀艹 ⻁虎
    ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 ⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長
    ⻒镸 ⻓长 ⻔门 ⻕𨸏 ⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐
    ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻱龜
    ⻲亀 ⻳龟
"""
SUPPLEMENT = {pair[0]: pair[1:] for pair in _SUPPLEMENT_PAIRS.split()}
"""CJK Radicals Supplement (U+2E81–U+2EF3), each with its equivalent unified ideograph, as
Unicode's EquivalentUnifiedIdeograph.txt lists them (114 mappings, ⻘ 青, ⻓ 长, ⻔ 门 …);
Unicode gives all but two of them no decomposition, so NFKC would leave them. Kangxi
radicals (U+2F00–U+2FD5) need no table: NFKC maps each to its ideograph."""
DASHES = {"\u2e3a": "——", "\u2e3b": "———"}
"""Two- and three-em dashes: a font draws ``——`` as one glyph, and some PDF writers record
that glyph as U+2E3A."""


def _ordinary(ch: str) -> str:
    cp = ord(ch)
    if 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
        # Kangxi radicals and CJK compatibility ideographs: their (compatibility)
        # decomposition is the one unified ideograph. A few compatibility code points
        # (U+FA0E 﨎 …) are unified ideographs themselves and have none: kept.
        mapped = unicodedata.normalize("NFKC", ch)
        return mapped if len(mapped) == 1 else ch
    return SUPPLEMENT.get(ch) or DASHES.get(ch, ch)


def ordinary_characters(text: str) -> tuple[str, int]:
    """``text`` with radicals and compatibility ideographs mapped to the ordinary
    characters (and the one-glyph dashes to ``——``), and how many were mapped; every other
    character is kept."""
    out, changed = [], 0
    for ch in text:
        new = _ordinary(ch) if ord(ch) >= 0x2E3A else ch
        changed += new != ch
        out.append(new)
    return "".join(out), changed
