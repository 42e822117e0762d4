"""Reading a report file in the format an editor has it: text (UTF-8, UTF-16, GB18030/GBK),
Word (.docx) or PDF with a text layer; the result is the UTF-8 text (LF line ends) that
add-report stores, the same as the report's own .txt would give.

The format is told by the file's first bytes, not its name: a report renamed ``.txt`` that is
a Word document is still read as one. What cannot be read (.doc, .wps, scans, other binary
files) is refused with a message, in Chinese, saying what to do.
"""
from __future__ import annotations

from pathlib import Path

from practice_site.drafting.formats.errors import Unreadable

__all__ = ["read_report_file", "Unreadable"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "另存为 Word 文档（.docx）或 UTF-8 文本（.txt）后再添加"


def _zip_kind(path: Path) -> str:
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "opendocument.text" in mimetype:
        return "odt"
    return "zip"


def read_report_file(path: Path) -> tuple[str, list[str]]:
    """The report's text and notes (Chinese) on how it was read; raises ``Unreadable``."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"无法读取文件：{exc.strerror}") from None
    suffix = path.suffix.lower()
    if raw.startswith(_OLE2):
        if suffix == ".wps":
            raise Unreadable(f"是 WPS 文字的旧格式（.wps），无法直接读取；请用 WPS 打开，{_SAVE_AS}")
        if suffix == ".docx":  # Word keeps a .docx with a password to open in this container
            raise Unreadable(f"是设有打开密码的 Word 文档，或改了扩展名的 .doc 文件，无法直接读取；"
                             f"请用 Word 或 WPS 打开（去掉密码），{_SAVE_AS}")
        raise Unreadable(f"是 Word 97–2003 文档（.doc）等旧版 Office 格式，无法直接读取；请用 Word 或 WPS 打开，{_SAVE_AS}")
    if raw.startswith(b"{\\rtf"):
        raise Unreadable(f"是 RTF 文档，无法直接读取；请用 Word 或 WPS 打开，{_SAVE_AS}")
    if raw.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in raw[:1024]):
        from practice_site.drafting.formats.pdf import read_pdf
        text, notes = read_pdf(path)
    elif raw.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        if kind == "docx":
            from practice_site.drafting.formats.word import read_docx
            text, notes = read_docx(path)
        elif kind == "odt":
            raise Unreadable(f"是 OpenDocument 文本（.odt），无法直接读取；请用 WPS 或 LibreOffice 打开，{_SAVE_AS}")
        else:
            raise Unreadable("是压缩文件，不是报告；请解压后添加其中的报告（.txt、.docx 或 .pdf）")
    elif suffix in (".doc", ".wps", ".docx", ".pdf"):
        raise Unreadable(f"扩展名是 {suffix}，内容却不是这种格式（文件损坏或扩展名不对）；请重新{_SAVE_AS}")
    else:
        from practice_site.drafting.formats.text import decode_text
        text, notes = decode_text(raw)
    if not text.strip():
        raise Unreadable("文件是空的；报告需要有正文")
    return text, notes
