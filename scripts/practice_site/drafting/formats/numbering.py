"""Word's automatic numbering (word/numbering.xml) rendered as the markers it prints.

A numbered paragraph stores no marker in its text: it names a list (``w:numId``) and a level
(``w:ilvl``), directly or through its style (a heading style linked to a multilevel list),
and Word counts. This module counts the same way and formats each level as Word does for
the formats Chinese reports use (``一、``, ``（一）``, ``1.``, ``（1）``, ``①``, ``第一部分``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = _CN, units: str = "十百千") -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (as Word prints them)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and parts:
                parts.append("零")
            parts.append(("" if power == 10 and n < 20 and digits is _CN else digits[d]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_counting(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "decimalEnclosedFullstop"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("decimalEnclosedParen",):
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal, and any format not modelled


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False
    restart: int | None = None
    """``w:lvlRestart``: restart after a level at most this (1-based); 0 never; None any higher."""
    style: str = ""


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def _levels(parent) -> dict[int, Level]:
    out = {}
    for lvl in parent.findall(W + "lvl"):
        restart = _val(lvl, "lvlRestart")
        out[int(lvl.get(W + "ilvl", "0"))] = Level(
            fmt=_val(lvl, "numFmt", "decimal") or "decimal", text=_val(lvl, "lvlText", "") or "",
            start=int(_val(lvl, "start", "1") or 1), suffix=_val(lvl, "suff", "tab") or "tab",
            legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
            restart=int(restart) if restart is not None else None, style=_val(lvl, "pStyle", "") or "")
    return out


@dataclass
class Numbering:
    """The numbering definitions of one document and the counters of its lists."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)
    """numId -> abstractNumId."""
    overrides: dict[str, dict[int, Level | int]] = field(default_factory=dict)
    """numId -> level -> a whole level or a start value."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root, style_nums: dict[str, str]) -> Numbering:
        self = cls()
        if root is None:
            return self
        links: dict[str, str] = {}
        for a in root.findall(W + "abstractNum"):
            aid = a.get(W + "abstractNumId", "")
            self.abstract[aid] = _levels(a)
            if (link := _val(a, "numStyleLink")) is not None:
                links[aid] = link
        for n in root.findall(W + "num"):
            nid = n.get(W + "numId", "")
            self.nums[nid] = _val(n, "abstractNumId", "") or ""
            for o in n.findall(W + "lvlOverride"):
                ilvl = int(o.get(W + "ilvl", "0"))
                if (lv := _levels(o).get(ilvl)) is not None:
                    self.overrides.setdefault(nid, {})[ilvl] = lv
                elif (start := _val(o, "startOverride")) is not None:
                    self.overrides.setdefault(nid, {})[ilvl] = int(start)
        # A list that only points at a numbering style: use the definition of that style's list.
        for aid, style in links.items():
            if (nid := style_nums.get(style)) and (target := self.nums.get(nid)) in self.abstract:
                self.abstract[aid] = self.abstract[target]
        return self

    def level(self, num_id: str, ilvl: int) -> Level | None:
        over = self.overrides.get(num_id, {}).get(ilvl)
        if isinstance(over, Level):
            return over
        lv = self.abstract.get(self.nums.get(num_id, ""), {}).get(ilvl)
        if lv is not None and isinstance(over, int):
            lv = Level(lv.fmt, lv.text, over, lv.suffix, lv.legal, lv.restart, lv.style)
        return lv

    def level_of_style(self, num_id: str, style: str) -> int | None:
        for ilvl, lv in self.abstract.get(self.nums.get(num_id, ""), {}).items():
            if lv.style == style:
                return ilvl
        return None

    def marker(self, num_id: str, ilvl: int) -> str:
        """Count the paragraph and return its marker as printed, with the separator Word puts
        after it (none after 、 . ） and the like, else a space); empty for no numbering."""
        if num_id in ("", "0") or num_id not in self.nums:
            return ""
        lv = self.level(num_id, ilvl)
        if lv is None:
            return ""
        aid = self.nums[num_id]
        counts = self.counters.setdefault(aid, {})
        if num_id in self.overrides and num_id not in self.started:
            # A list restarted by a start override begins again where it is first used.
            self.started.add(num_id)
            counts.clear()
        for deeper in [k for k in counts if k > ilvl]:
            dl = self.level(num_id, deeper)
            if dl is None or dl.restart is None or (dl.restart and ilvl < dl.restart):
                del counts[deeper]
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else lv.start
        if lv.fmt == "bullet":
            return ""
        text = lv.text
        for k in range(9, -1, -1):
            if f"%{k + 1}" not in text:
                continue
            other = self.level(num_id, k) or Level()
            n = counts.get(k, other.start)
            fmt = "decimal" if lv.legal and k != ilvl else other.fmt
            text = text.replace(f"%{k + 1}", format_number(n, fmt))
        if not text.strip():
            return ""
        if lv.suffix == "nothing" or text[-1] in "、.．)）:：,，":
            return text
        return text + " "
