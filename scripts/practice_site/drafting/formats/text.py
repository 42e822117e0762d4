"""Plain-text reports: UTF-8, UTF-16 or GB18030/GBK, detected and converted to UTF-8.

The order of the checks is what makes the guess safe: a byte-order mark decides; then
UTF-8, which a long Chinese text in another encoding never passes by chance; then UTF-16
without a mark (NUL bytes on one side of each pair); then GB18030, a superset of GBK and
GB2312, accepted only if what it decodes reads as Chinese (most Han characters among the
3,755 most common ones: Big5 or Shift-JIS bytes decoded as GB18030 give rare ones).
"""
from __future__ import annotations

import codecs

from practice_site.drafting.formats.errors import Unreadable

_CONTROL = {b for b in range(32)} - {9, 10, 13}
COMMON_SHARE = 0.8
"""Share of Han characters in GB2312 level 1 that a GB18030 decoding must reach."""


def _common(ch: str) -> bool:
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def reads_as_chinese(text: str) -> bool:
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    return bool(han) and sum(map(_common, han)) >= COMMON_SHARE * len(han)


def _utf16_without_mark(raw: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: NULs (the high bytes of line ends and
    other ASCII) on one side of the pairs, and what it decodes to is text."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= 2 and nuls > 2 * other:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            if not any(ord(c) in _CONTROL for c in text) and (text.isascii() or reads_as_chinese(text)):
                return text
    return None


def decode_text(raw: bytes) -> tuple[str, list[str]]:
    """Report text from a file's bytes, with notes (in Chinese) on what was converted.
    Raises ``Unreadable`` for what is not text."""
    notes: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
        notes.append("已去掉 UTF-8 字节顺序标记（BOM）")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable(f"以 UTF-16 字节顺序标记开头，但在偏移 {exc.start} 处不是 UTF-16 文本；"
                             "请把报告另存为 UTF-8 文本（.txt）") from None
        return _line_ends(text, notes + ["按 UTF-16 编码读入，已转存为 UTF-8"])
    if not raw.strip():
        raise Unreadable("文件是空的；报告需要有正文")
    if b"\x00" in raw and (text16 := _utf16_without_mark(raw)) is not None:
        return _line_ends(text16, notes + ["按 UTF-16（无字节顺序标记）读入，已转存为 UTF-8"])
    if b"\x00" in raw or sum(b in _CONTROL for b in raw[:4096]) > 8:
        at = raw.find(b"\x00")
        where = f"（偏移 {at} 处有 NUL 字节）" if at >= 0 else ""
        raise Unreadable(f"是二进制文件{where}，不是文本；请把报告另存为 UTF-8 文本（.txt）、"
                         "Word 文档（.docx）或 PDF")
    try:
        return _line_ends(raw.decode("utf-8"), notes)
    except UnicodeDecodeError as exc:
        bad = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        # GB18030 text up to a damaged byte: say where it is, not where UTF-8 failed.
        if exc.start > bad.start and reads_as_chinese(raw[: exc.start].decode("gb18030", "replace")):
            line = raw[: exc.start].count(b"\n") + 1
            raise Unreadable(f"像是 GB18030（GBK）文本，但偏移 {exc.start} 处的字节 0x{raw[exc.start]:02x} "
                             "不合这种编码（文件可能损坏）；请把报告重新另存为 UTF-8 文本", line) from None
        text = ""
    if text and reads_as_chinese(text):
        return _line_ends(text, notes + ["按 GB18030（GBK）编码读入，已转存为 UTF-8"])
    line = raw[: bad.start].count(b"\n") + 1
    raise Unreadable(f"不是 UTF-8、UTF-16 或 GB18030（GBK）文本（偏移 {bad.start} 处的字节 "
                     f"0x{raw[bad.start]:02x}）；请把报告另存为 UTF-8 文本", line)


def _line_ends(text: str, notes: list[str]) -> tuple[str, list[str]]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("已把 Windows（CRLF）或 CR 换行转为 LF")
    return text, notes
