"""Where a figure of an outcome may be found in the text it cites.

A plain substring test lets ``*起`` match inside ``**起`` and ``5人`` inside ``15人``: a
figure must stand whole, not be the tail or head of a longer number or mask.
"""
from __future__ import annotations

_DIGITS = "0123456789０１２３４５６７８９*＊"
_INSIDE = _DIGITS + ".．"


def whole_figure_at(figure: str, text: str) -> int:
    """Index of the first occurrence of ``figure`` in ``text`` that is not part of a longer
    figure; -1 if there is none."""
    at = text.find(figure)
    while at != -1:
        before = text[at - 1] if at else ""
        after = text[at + len(figure)] if at + len(figure) < len(text) else ""
        glued_before = figure[:1] in _DIGITS and before != "" and before in _INSIDE
        glued_after = figure[-1:] in _DIGITS and after != "" and after in _INSIDE
        if not (glued_before or glued_after):
            return at
        at = text.find(figure, at + 1)
    return -1
