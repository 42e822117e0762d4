"""Figures as printed, and where a figure of an outcome may be found in the text it cites.

A plain substring test lets ``*起`` match inside ``**起``, ``5人`` inside ``15人`` and ``***家``
inside ``***家次``: a figure must stand whole, not be the tail or head of a longer number, mask
or unit.
"""
from __future__ import annotations

import re

_DIGITS = "0123456789０１２３４５６７８９*＊"
_INSIDE = _DIGITS + ".．"

UNITS = ("人次", "户次", "家次", "车次", "架次", "场次", "批次", "余人", "小时", "人", "起", "件", "个", "家",
         "名", "次", "项", "条", "伙", "期", "场", "倍", "元", "户", "所", "处", "支", "台", "套", "批", "辆",
         "天", "份", "单", "张", "间", "类", "宗", "分钟", "公里", "米", "吨", "克", "万元", "亿元")
"""Units a figure may carry; the longest that fits is taken (``家次`` before ``家``)."""
FIGURE = re.compile(
    r"(?:[0-9０-９*＊][0-9０-９*＊.．]*)(?:余|多)?(?:[％%‰]|[万亿千百]?(?:"
    + "|".join(sorted(UNITS, key=len, reverse=True)) + "))")
"""A figure as printed: digits or masks with their unit (``*****起``, ``**％``, ``***余人次``,
``***家次``)."""


def whole_figure_at(figure: str, text: str) -> int:
    """Index of the first occurrence of ``figure`` in ``text`` that is not part of a longer
    figure (``***家`` in ``***家次`` is its head); -1 if there is none."""
    at = text.find(figure)
    while at != -1:
        before = text[at - 1] if at else ""
        after = text[at + len(figure)] if at + len(figure) < len(text) else ""
        glued_before = figure[:1] in _DIGITS and before != "" and before in _INSIDE
        glued_after = figure[-1:] in _DIGITS and after != "" and after in _INSIDE
        if not (glued_before or glued_after or head_of_longer(figure, text, at)):
            return at
        at = text.find(figure, at + 1)
    return -1


def head_of_longer(figure: str, text: str, at: int) -> bool:
    """Whether ``figure`` at ``at`` is the head of a longer figure as printed there (``***家``
    of ``***家次``): its unit goes on in the text."""
    if figure[-1:] in _INSIDE:
        return False
    m = FIGURE.match(text, at)
    return m is not None and len(m.group(0)) > len(figure) and m.group(0).startswith(figure)
