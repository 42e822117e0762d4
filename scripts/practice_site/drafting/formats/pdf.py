"""PDFs with a text layer: the text of the pages, a paragraph a line.

pdfminer.six gives each character with its box; lines are rebuilt from those (a character
drawn twice for a fake bold counted once, a glyph with no character left out) and joined
back into the paragraphs the page cut. A line runs on into the next one when it reaches
the right margin, or, cut mid-sentence, stops short of it by about the next line's first
piece that may not be cut (``稳，``, ``2023年``: a layout that is not justified moves it down
whole); and the next line is not indented, not set apart by space, not in another size,
and not a numbered heading after a finished sentence. A centred title on two lines is
joined too. Page furniture is dropped: page numbers (``— 3 —``, ``- 3 -``, ``第3页``,
``3/10``), running headers and footers (the same line, figures aside, in the same size, at
the top or bottom of most pages) and, on a report of one page, a top line set well apart
(or a bottom one, smaller). Radicals and compatibility ideographs that fonts put in the text
layer become the ordinary characters (chars.py); nothing else is normalised.
"""
from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from practice_site.drafting.formats.chars import ordinary_characters
from practice_site.drafting.formats.errors import Unreadable
from practice_site.text import layout

_DASH = r"[-—–－―─~·•\s]*"
PAGE_NUMBER = re.compile(rf"^{_DASH}(?:第\s*)?[\d０-９]{{1,4}}(?:\s*页)?"
                         r"(?:\s*[/／]\s*[\d０-９]{1,4}|\s*共\s*[\d０-９]{1,4}\s*页)?"
                         rf"{_DASH}$|^[-—–－―─]+\s*[一二三四五六七八九十]+\s*[-—–－―─]+$")
_UNCUTTABLE = re.compile(r"[\s!-~”’」』）》〕】，。、；：！？％]")
_NO_LINE_START = "”’」』）》〕】，。、；：！？％…—"
_NO_LINE_END = "“‘「『（《〔【"
EDGE = 2
"""Lines at the top and at the bottom of a page looked at as headers, footers or page numbers."""
SENTENCE_DONE = re.compile(r"[。！？!?；;：:]\s*[”’」』）)]*$")


@dataclass(frozen=True)
class Line:
    """One line of a page as printed."""

    text: str
    x0: float
    """Left edge, in points."""
    x1: float
    """Right edge."""
    y0: float
    """Bottom of the line (PDF coordinates: up is larger)."""
    size: float
    """Font size of most of its characters."""
    page: int
    """0-based page."""
    lead: float = 0.0
    """Width of the piece the line starts with that cannot be cut: closing marks and a run
    of letters or figures up to and with the first ideograph, and what a layout moves down
    with it (``”***家``, ``2023年``, ``稳，``, ``年“****.*.**”``)."""


def _chars(obj, out: list, images: list) -> None:
    from pdfminer.layout import LTChar, LTImage
    for child in obj:
        if isinstance(child, LTChar):
            out.append(child)
        elif isinstance(child, LTImage):
            images.append(child)
        elif hasattr(child, "__iter__"):
            _chars(child, out, images)


def _unknown(text: str) -> bool:
    """A glyph the text layer gives no character for (``(cid:123)``), or a private-use one
    (the bullets of symbol fonts): left out of the text."""
    return text.startswith("(cid:") or any("\ue000" <= ch <= "\uf8ff" for ch in text)


def _numbering_tab(before: str) -> bool:
    """Whether a gap follows a list marker at the start of the line (Word's tab after
    automatic numbering ``1.``, ``（一）``): the marker is printed on to the text."""
    found = layout.marker(before.strip(), line_start=True)
    return found is not None and found[1] == before.strip()


def _lines(chars: list, page: int) -> list[Line]:
    """Characters grouped into lines by baseline, top to bottom, each line left to right."""
    rows: list[list] = []
    for c in sorted((c for c in chars if c.upright), key=lambda c: (-round(c.y0, 1), c.x0)):
        size = max(c.size, 1.0)
        if rows and abs(rows[-1][0].y0 - c.y0) <= 0.3 * size:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        size = statistics.median(c.size for c in row)
        # Bold faked by drawing the text twice, a fraction of a point apart (WPS and Word do
        # so for a font without a bold face): each character once.
        row = [c for k, c in enumerate(row) if not any(
            d.get_text() == c.get_text() and abs(d.x0 - c.x0) < 0.25 * size and abs(d.y0 - c.y0) < 0.25 * size
            for d in row[max(0, k - 3):k])]
        parts: list[str] = []
        prev = None
        for c in row:
            t = c.get_text()
            if _unknown(t):
                prev = c  # its place kept (no space for the gap it leaves), its text not
                continue
            if prev is not None and c.x0 - prev.x1 > 0.6 * size and t.strip() and prev.get_text().strip() \
                    and not _numbering_tab("".join(parts)):
                parts.append(" ")  # words set apart by position, with no space character
            parts.append(t)
            prev = c
        text = "".join(parts).strip()
        row = [c for c in row if not _unknown(c.get_text())]
        if text and row:
            x0 = min(c.x0 for c in row)
            k = next((k for k, c in enumerate(row) if not _UNCUTTABLE.match(c.get_text())), len(row) - 1)
            # What moves down with it: marks that cannot open a line (稳，), and an opening
            # mark with the letters or figures after it (年“****.*.**”).
            while k + 1 < len(row) and (row[k + 1].get_text() in _NO_LINE_START + _NO_LINE_END
                                        or _UNCUTTABLE.match(row[k + 1].get_text())):
                k += 1
            out.append(Line(text, x0, max(c.x1 for c in row), row[0].y0, size, page, row[k].x1 - x0))
    return out


def _key(line: Line) -> tuple[str, int]:
    """A line as a running header or footer repeats it: figures aside (a page number in it),
    and in its size (a header repeating the title is smaller than the title on page 1)."""
    return re.sub(r"[\d０-９]+", "#", re.sub(r"\s+", "", line.text)), round(line.size)


def _pitch(lines: list[Line]) -> float:
    """The distance between the baselines of two lines of a paragraph, in units of their
    size: the smallest gap (the others hold the space between paragraphs, in a report of
    one-line paragraphs nearly all of them), not below the size (lines set over each other)."""
    gaps = [(a.y0 - b.y0) / a.size for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and abs(a.size - b.size) < 0.15 * a.size and a.y0 - b.y0 >= a.size]
    return min(gaps, default=0.0)


def _set_apart(p: list[Line], i: int, size: float) -> bool:
    """A header or footer even on a report of one page, where nothing repeats: the top line
    of a page, not larger than the text (a title is) and well above the next one; or the
    bottom line, smaller than the text and well below the one before (a dateline or a
    signature at the end is set in the text's size)."""
    if len(p) < 2 or i not in (0, len(p) - 1):
        return False
    ln, other = (p[0], p[1]) if i == 0 else (p[-1], p[-2])
    gap = abs(ln.y0 - other.y0)
    if ln.size < 0.9 * size:
        return gap > 2 * ln.size
    return i == 0 and ln.size <= 1.05 * size and gap > 3.5 * ln.size


def drop_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], int, int]:
    """Pages without page numbers and running headers or footers; and how many of each."""
    edge = [set(range(min(EDGE, len(p)))) | set(range(max(0, len(p) - EDGE), len(p))) for p in pages]
    repeated = Counter(k for p, e in zip(pages, edge, strict=True) for k in {_key(p[i]) for i in e})
    needed = max(2, (len(pages) + 1) // 2)
    every = [ln for p in pages for ln in p]
    size = statistics.median(ln.size for ln in every) if every else 0.0
    numbers = headers = 0
    out = []
    for p, e in zip(pages, edge, strict=True):
        keep = []
        for i, ln in enumerate(p):
            if i in e and PAGE_NUMBER.match(ln.text):
                numbers += 1
            elif i in e and ((len(pages) >= 2 and repeated[_key(ln)] >= needed) or _set_apart(p, i, size)):
                headers += 1
            else:
                keep.append(ln)
        out.append(keep)
    return out, numbers, headers


def join_lines(pages: list[list[Line]]) -> tuple[list[str], int]:
    """Paragraphs from the lines of the pages; and how many line breaks were joined."""
    body = [ln for p in pages for ln in p]
    if not body:
        return [], 0
    size = statistics.median(ln.size for ln in body)
    text = [ln for ln in body if abs(ln.size - size) <= 0.15 * size] or body
    xs1 = sorted(ln.x1 for ln in text)
    left, right = min(ln.x0 for ln in text), xs1[len(xs1) * 9 // 10]
    pitch = _pitch(body)
    paragraphs: list[str] = []
    joined = 0
    prev: Line | None = None
    for ln in body:
        if prev is not None and _runs_on(prev, ln, left, right, pitch):
            paragraphs[-1] += ln.text
            joined += 1
        else:
            paragraphs.append(ln.text)
        prev = ln
    return paragraphs, joined


def _runs_on(prev: Line, ln: Line, left: float, right: float, pitch: float) -> bool:
    size = prev.size
    if abs(ln.size - size) > 0.15 * size:
        return False
    if ln.page == prev.page and pitch and prev.y0 - ln.y0 > 1.2 * pitch * size:
        return False  # space between paragraphs
    done = SENTENCE_DONE.search(prev.text)
    gap = right - prev.x1
    # Full: it reaches the margin; or, cut mid-sentence, it stops short of it by what the
    # next line's first piece needs, give or take the slack of a layout that is not justified
    # (a character that may not end a line moves down with the one before it).
    if gap > 1.5 * size and (done or gap > ln.lead + 2.5 * size):
        return False
    centred = abs((ln.x0 + ln.x1) - (left + right)) < 2 * size and ln.x0 > left + size
    if ln.x0 > left + 0.8 * size and not (centred and not done):
        return False  # an indented line opens a paragraph; a centred one goes on a centred title
    found = layout.marker(ln.text, line_start=True)
    return not (found and not found[0].inner and done)


def read_pdf(path: Path) -> tuple[str, list[str]]:
    # pdfminer warns on stderr about what it works around (a font descriptor without a
    # FontBBox, …), once a character: nothing an editor can act on.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    pages: list[list[Line]] = []
    images = cids = total = 0
    try:
        for n, page in enumerate(extract_pages(str(path), laparams=LAParams())):
            chars: list = []
            imgs: list = []
            _chars(page, chars, imgs)
            images += len(imgs)
            total += len(chars)
            cids += sum(_unknown(c.get_text()) for c in chars)
            pages.append(_lines(chars, n))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise Unreadable("PDF 设有密码或加密，无法读取文字；请去掉密码后另存，或另存为 Word 文档（.docx）") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise Unreadable(f"不是能读取的 PDF（{type(exc).__name__}）；请重新导出 PDF，或另存为 Word 文档（.docx）") from None
    if total and cids > total // 20:
        raise Unreadable(f"PDF 的文字层缺少字符编码（{cids} 个字符无法转成文字）；请用原始的 Word 文档"
                         "（.docx），或从 PDF 阅读器另存为文本后校对再添加")
    if not any(ln.text.strip() for p in pages for ln in p):
        what = "是扫描件（PDF 只有图像，没有文字层）" if images else "PDF 里没有文字"
        raise Unreadable(f"{what}，读不出报告正文；请用原始的 Word 文档（.docx）或文字版 PDF，"
                         "或先做文字识别（OCR）、校对后另存为 UTF-8 文本（.txt）再添加")
    pages, numbers, headers = drop_furniture(pages)
    paragraphs, joined = join_lines(pages)
    text, mapped = ordinary_characters("".join(p + "\n" for p in paragraphs))
    note = f"已从 PDF 文字层取出正文：{len(pages)} 页，{len(paragraphs)} 段，接回因换行断开的行 {joined} 处"
    if numbers or headers:
        note += f"，去掉页码 {numbers} 处、页眉页脚 {headers} 处"
    if mapped:
        note += f"，把 {mapped} 个康熙部首或兼容汉字换成通用汉字"
    if cids:
        note += f"，去掉 {cids} 个无法识别的符号（如项目符号）"
    note += "；请对照原件核对存下的报告文本"
    return text, [note]
