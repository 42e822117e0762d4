"""The layout grammar of Chinese work reports, as data: the heading and list markers
(families), and the shapes of the lines around them (title, byline, dateline, closing,
unnumbered heading). report.py builds the section tree from these; nothing here knows
the tree.

Which family nests in which is not fixed here: a report decides it by the order in which
it first uses them (``（一）`` under ``一、``, or alone at the top).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_CN = "一二三四五六七八九十"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def cn_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23 (ordinals as reports print them).
    Raises ValueError on anything else (一二、 is not an ordinal)."""
    tens, ten, ones = text.partition("十")
    if not ten:
        tens, ones = "", text
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS) \
            or not (ten or ones):
        raise ValueError(f"not a Chinese ordinal: {text!r}")
    return (_CN_DIGITS[tens] if tens else 1 if ten else 0) * 10 + (_CN_DIGITS[ones] if ones else 0)


_SEQUENCE = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
"""首先/其次/再次 by position; 最后 (0) is the one after the last seen."""


@dataclass(frozen=True)
class Family:
    """One shape of numbered heading or list marker."""

    name: str
    letter: str
    """Letter of its section ids: ``p`` in ``p2``, ``i`` in ``p2-i3``."""
    pattern: re.Pattern[str]
    """Matches the marker at the start of a line or sentence; group 1 is the ordinal."""
    ordinal: Callable[[str], int]
    inner: bool = False
    """A list inside a paragraph (一是, 第一, 首先): may open any sentence, and always nests
    below the heading families, whatever order the report uses them in."""
    sentence_start: bool = False
    """A heading family that may also open a sentence in the middle of a line (（二） or 2、
    after a full stop, where a copy joined paragraphs); ① stays at line starts."""
    paired: bool = False
    """Counts only with a second marker of the family in the same section: 第一时间 and a
    lone 首先 are ordinary words."""


FAMILIES: tuple[Family, ...] = (
    Family("chapter", "b", re.compile(rf"^第([{_CN}]+)(?:部分|章|篇)"), cn_number),
    Family("part", "p", re.compile(rf"^([{_CN}]+)[、．]"), cn_number, sentence_start=True),
    Family("paren-cn", "s", re.compile(rf"^[（(]([{_CN}]+)[）)]"), cn_number, sentence_start=True),
    Family("point", "n", re.compile(r"^(\d{1,2})[.．、](?![\d.．])"), int, sentence_start=True),
    Family("paren-num", "k", re.compile(r"^[（(]?(\d{1,2})[）)]"), int, sentence_start=True),
    Family("circled", "c", re.compile(r"^([①-⑳])"), lambda m: ord(m) - ord("①") + 1),
    Family("item", "i", re.compile(rf"^([{_CN}]+)是"), cn_number, inner=True),
    Family("ordinal", "d", re.compile(rf"^[第其]([{_CN}]+)(?=[，,、：:])"), cn_number, inner=True, paired=True),
    Family("sequence", "e", re.compile(r"^(首先|其次|再次|最后)(?=[，,、：:])"), _SEQUENCE.__getitem__,
           inner=True, paired=True),
)
"""In no particular order of depth (see the module docstring)."""

UNNUMBERED = Family("unnumbered", "h", re.compile(r"(?!)"), int)
"""A heading line without a marker (``强基固本 守正创新 打造平安样板``); numbered by
position among its siblings."""

# Sentences end at 。！？!? (and at a half-width full stop after a Han character or a
# closing mark, not in 2.0 or 1.5), taking any closing quotes or brackets that follow.
_CLOSERS = "”’」』）》\"')"
SENTENCE_END = re.compile(r"(?:[。！？!?]|(?<=[\u4e00-\u9fff”’」』）》])\.(?![0-9A-Za-z]))+"
                          f"[{re.escape(_CLOSERS)}]*")

# A bullet (□■◆) opens a byline only before 记者/通讯员/…: before other words it marks a
# newspaper's subheading (■科技赋能 打造智慧警务).
_BYLINE = re.compile(r"^(?:[□■◆●▲]\s*)?(?:[（(]?(?:本报(?:记者|讯)|记者|见习记者|通讯员|摄影?)"
                     r"|(?:作者|来源|原标题|日期|发布时间|编辑|责编|责任编辑)[:：]|——|—)"
                     r"|^[（(][^（()）]{1,30}[）)]$")  # (征求意见稿), （2023年1月5日在…上）
_DATE = (r"(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月(?:[\d一二三四五六七八九十]{1,3}日)?"
         r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?)")
_DATELINE = re.compile(rf"^[（(]?{_DATE}[）)]?$")
_CLOSING = re.compile(r"汇报完毕|特此报告|^谢谢|请.{0,12}指正|批评指正|^以上.{0,12}(?:汇报|报告)"
                      r"|^[（(](?:完|全文完)[）)]$|^[（(]?责任编辑")
_SALUTATION = re.compile(r"[：:]$")
SENTENCE_MARK = re.compile(r"[。！？!?]")
ENDS_PARAGRAPH = re.compile(r"[。！？!?：:；;…”」』）)]$")
_NO_HEADING_END = re.compile(r"[。！？!?；;：:，,、…—]$|[。！？!?]")
_NO_TITLE = re.compile(r"[。！？!?]|[：:，,；;、]$")

MAX_HEADING = 40
"""Characters: an unmarked line longer than this is body text, however it ends."""


def marker(text: str, *, line_start: bool) -> tuple[Family, str, int] | None:
    """The family whose marker opens ``text`` (a line if ``line_start``, else a sentence
    inside a line), the marker as printed and its ordinal (0 for 最后: the next one)."""
    for fam in FAMILIES:
        if (line_start or fam.inner or fam.sentence_start) and (m := fam.pattern.match(text)):
            try:
                return fam, m.group(0), fam.ordinal(m.group(1))
            except ValueError:  # 一二、 or 十十是: not a marker
                continue
    return None


def is_meta(line: str) -> bool:
    """A byline, subtitle or dateline (``□本报记者…``, ``——在…上的讲话``, ``（2023年1月5日）``)."""
    return (bool(_BYLINE.match(line) or _DATELINE.match(line)) and not SENTENCE_MARK.search(line)
            and marker(line, line_start=True) is None)


def is_closing(line: str) -> bool:
    """A closing formula (汇报完毕、请批评指正、（完）) on a short line."""
    return len(line) <= 40 and bool(_CLOSING.search(line))


def is_salutation(line: str) -> bool:
    """尊敬的…：/ 同志们："""
    return len(line) <= 40 and bool(_SALUTATION.search(line))


def is_title(line: str) -> bool:
    """Whether a first line reads as a title rather than body text or a salutation."""
    return (len(line) <= 80 and not _NO_TITLE.search(line) and not is_meta(line)
            and marker(line, line_start=True) is None)


def is_plain_heading(line: str) -> bool:
    """An unnumbered heading's shape: short, no sentence punctuation, no marker, not a byline
    or closing. Whether body text follows it is the caller's to check."""
    return (len(line) <= MAX_HEADING and len(_HAN.findall(line)) >= 4
            and not _NO_HEADING_END.search(line) and not is_meta(line) and not is_closing(line)
            and not line.startswith(("尊敬", "各位", "同志们")) and marker(line, line_start=True) is None)


def is_signature(line: str) -> bool:
    """A short unpunctuated line at the very end (the issuing unit, a name)."""
    return len(line) <= 30 and not _NO_HEADING_END.search(line)
