"""Word documents (.docx): the text of the body, a paragraph a line, with the markers of
Word's automatic numbering put back where Word prints them.

python-docx opens the package (zip, relationships, parts); the body, the styles and the
numbering definitions are read from their XML here, since python-docx's ``paragraph.text``
leaves the numbering out. A numbered heading's marker can come from the paragraph
(``w:numPr``) or from its style (``标题 1`` linked to a multilevel list), through the styles
it is based on. Page headers and footers are other parts and are not read; deleted text of
tracked changes and hidden text are left out, inserted text kept.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from practice_site.drafting.formats.errors import Unreadable
from practice_site.drafting.formats.numbering import Numbering, W

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_TAGS: dict[str, str | None] = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-",
              W + "softHyphen": ""}


class _Styles:
    """Paragraph styles: numbering (numId, ilvl) through ``w:basedOn``."""

    def __init__(self, root):
        self.based: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, str | None]] = {}
        self.names: dict[str, str] = {}
        if root is None:
            return
        for st in root.findall(W + "style"):
            sid = st.get(W + "styleId", "")
            if (b := st.find(W + "basedOn")) is not None:
                self.based[sid] = b.get(W + "val", "")
            if (n := st.find(W + "name")) is not None:
                self.names[sid] = n.get(W + "val", "")
            num_pr = st.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.num[sid] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"))

    def numbering(self, sid: str) -> tuple[str | None, str | None, str]:
        """(numId, ilvl, the style that carries them) from the style or the nearest base."""
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                return (*self.num[sid], sid)
            sid = self.based.get(sid, "")
        return None, None, ""

    def list_styles(self) -> dict[str, str]:
        """Numbering styles (``w:numStyleLink`` targets): style id -> numId."""
        return {sid: nid for sid, (nid, _) in self.num.items() if nid}


def _val(el, tag: str) -> str | None:
    child = el.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _hidden(run) -> bool:
    v = run.find(f"{W}rPr/{W}vanish")
    return v is not None and v.get(W + "val", "true") not in ("0", "false", "off")


def _own_text(p) -> str:
    """The paragraph's text, not that of paragraphs nested in it (text boxes)."""
    out: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        owner = next(el.iterancestors(W + "p"), None)
        run = next(el.iterancestors(W + "r"), None)
        if owner is not p or run is None or _hidden(run):
            continue  # not this paragraph's, or not text (w:tab in w:tabs is a tab stop)
        if el.tag == W + "br" and el.get(W + "type") in ("page", "column"):
            continue  # a page break is layout, not a line of the report
        fixed = _TEXT_TAGS[el.tag]
        out.append(el.text or "" if fixed is None else fixed)
    return "".join(out)


def _related(part, reltype):
    """The XML root of a related part (styles, numbering), None if the document has none."""
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def read_docx(path: Path) -> tuple[str, list[str]]:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise Unreadable(f"不是能读取的 Word 文档（.docx）：{exc}；请用 Word 或 WPS 打开后重新另存为 .docx") from None
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    styles = _Styles(_related(document.part, RT.STYLES))
    numbering_root = _related(document.part, RT.NUMBERING)
    numbering = Numbering.from_xml(numbering_root, styles.list_styles())
    lines, numbered = [], 0
    for p in document.element.body.iter(W + "p"):
        if any(a.tag == _MC_FALLBACK for a in p.iterancestors()):
            continue  # the same text box again, for readers without DrawingML
        ppr = p.find(W + "pPr")
        style = (_val(ppr, "pStyle") if ppr is not None else None) or "Normal"
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = (_val(num_pr, "numId"), _val(num_pr, "ilvl")) if num_pr is not None else (None, None)
        s_num, s_ilvl, s_style = styles.numbering(style)
        if num_id is None:
            num_id = s_num
        if ilvl is None:
            ilvl = s_ilvl
            if ilvl is None and num_id and s_style:
                found = numbering.level_of_style(num_id, s_style)
                ilvl = str(found) if found is not None else None
        text = _own_text(p)
        marker = numbering.marker(num_id or "", int(ilvl or 0)) if num_id else ""
        if not text.strip():
            continue  # an empty paragraph is spacing (a numbered empty one still counts)
        if marker:
            numbered += 1
        for piece in (marker + text.strip()).split("\n"):
            if piece.strip():
                lines.append(piece.strip())
    note = f"已从 Word 文档（.docx）取出正文 {len(lines)} 行"
    if numbered:
        note += f"，其中 {numbered} 行的编号（如“一、”“（一）”“1.”）取自 Word 自动编号"
    return "".join(ln + "\n" for ln in lines), [note]
