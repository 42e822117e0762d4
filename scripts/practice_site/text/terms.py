"""Text rules shared by every stage: which marks a term is written with, and whether a term
occurs in a text when those marks are ignored.

Reports write a name with or without its quotation marks (“零门槛”落户政策 and 零门槛落户),
records and officers' queries likewise; every comparison of names goes through here, so the
set of marks is one decision, not four.
"""
from __future__ import annotations

import re
import unicodedata

QUOTE_MARKS = "“”‘’\"「」『』《》〈〉"
"""Quotation and title marks, full- and half-width: not part of a name."""
_NO_MARKS = str.maketrans("", "", QUOTE_MARKS)
_NO_MARKS_OR_BRACKETS = str.maketrans("", "", QUOTE_MARKS + "（）()")
_SPACING = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")


def unquoted(text: str) -> str:
    """``text`` without quotation and title marks: ``“零发生”`` -> ``零发生``."""
    return text.translate(_NO_MARKS)


def occurs_unquoted(term: str, text: str) -> bool:
    """Whether ``term`` occurs in ``text`` once quotation and title marks are left out of
    both: “零门槛”落户政策 holds 零门槛落户."""
    needle = unquoted(term)
    return bool(needle) and needle in unquoted(text)


def curly_quotes(text: str) -> str:
    """Half-width ``"…"`` pairs as ``“…”`` (same length, so offsets still hold): reports
    copied from web pages mix them with full-width text. A ``"`` right after 。！？ closes a
    quotation (a sentence may start inside someone's quoted words)."""
    if '"' not in text:
        return text
    out, opening = [], True
    for i, ch in enumerate(text):
        if ch == '"':
            closes = not opening or (i and text[i - 1] in "。！？!?")
            out.append("”" if closes else "“")
            opening = bool(closes)
        else:
            out.append(ch)
    return "".join(out)


def in_quotes(text: str) -> str:
    """``text`` in Chinese quotation marks, nested as Chinese typography wants: the double
    marks inside become single ones (“三鹰”人才培育 -> “‘三鹰’人才培育”), and single marks
    inside become double, so two pairs never stand side by side (never ““三鹰”人才培育”)."""
    swapped = text.translate(_NEST)
    return f"“{swapped}”"


_NEST = str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”"})


def sort_core(name: str) -> str:
    """The part of a name that decides its place in an A–Z list: marks and brackets left out
    (“三鹰” sorts under S)."""
    return name.translate(_NO_MARKS_OR_BRACKETS)


def name_key(name: str) -> str:
    """What makes two names the same practice: full- and half-width forms folded (NFKC:
    １＋３ is 1+3), quotation marks, spaces and zero-width marks left out. “租安心” and
    租安心 are one name, so one page."""
    return _SPACING.sub("", unquoted(unicodedata.normalize("NFKC", name)))
