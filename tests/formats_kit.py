"""Word and PDF files made from a report's text, for tests/test_formats.py: the way an
editor would get them from a bureau (Word's automatic numbering instead of typed markers,
a PDF whose lines the page wraps, with page numbers and a running header)."""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PART = re.compile(r"^([一二三四五六七八九十]+)、")
SECTION = re.compile(r"^（([一二三四五六七八九十]+)）")
POINT = re.compile(r"^(\d{1,2})\.")
PAREN_NUM = re.compile(r"^（(\d{1,2})）")

_ABSTRACT = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{{aid}}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
_PAREN_ABSTRACT = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{{aid}}">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/></w:lvl>
</w:abstractNum>"""


def make_docx(text: str, path: Path) -> Path:
    """A .docx of the report: the title in the Title style; ``一、`` headings in a style
    based on Heading 1, whose numbering comes from the style (a multilevel list linked to
    Heading 1); ``（一）`` and ``1.`` from that list through the paragraph's own ``w:numPr``;
    ``（1）`` from a second list, restarted by a start override under each higher heading; the rest,
    ``①`` included, typed. No marker of a numbered paragraph is in its text."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.part_related_by(RT.NUMBERING).element
    first_num = numbering.find(qn("w:num"))
    for xml in (_ABSTRACT.format(aid=90), _PAREN_ABSTRACT.format(aid=91)):
        first_num.addprevious(parse_xml(xml))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    heading1 = document.styles["Heading 1"].element
    heading1.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    # A heading style of the user's own, based on Heading 1 (as a Chinese Word's 标题 1 is).
    own = document.styles.add_style("报告一级标题", 1)
    own.base_style = document.styles["Heading 1"]
    next_num = [100]

    def numbered(paragraph, num_id: int, ilvl: int) -> None:
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    lines = [ln for ln in text.splitlines() if ln.strip()]
    paren_list = None
    for i, line in enumerate(lines):
        if i == 0:
            document.add_paragraph(line, style="Title")
        elif m := PART.match(line):
            document.add_paragraph(line[m.end():], style="报告一级标题")
            paren_list = None
        elif m := SECTION.match(line):
            numbered(document.add_paragraph(line[m.end():]), 90, 1)
            paren_list = None
        elif m := POINT.match(line):
            numbered(document.add_paragraph(line[m.end():]), 90, 2)
            paren_list = None  # （1） starts again under each higher item, as the author restarts it
        elif m := PAREN_NUM.match(line):
            if paren_list is None:
                paren_list = next_num[0]
                next_num[0] += 1
                numbering.append(parse_xml(
                    f'<w:num xmlns:w="{W_NS}" w:numId="{paren_list}"><w:abstractNumId w:val="91"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
            numbered(document.add_paragraph(line[m.end():]), paren_list, 0)
        else:
            document.add_paragraph(line)
        if i == 2:
            document.add_paragraph("")  # an empty paragraph for spacing: no line of the report
    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料 注意保存"
    section.footer.paragraphs[0].text = "第 1 页"
    document.save(str(path))
    return path


def make_pdf(text: str, path: Path, *, indent: bool = True, header: str = "清河县公安局文件",
             header_on_first: bool = True) -> Path:
    """A PDF of the report set in reportlab's built-in CID font (no font file): A5 pages, so
    that lines wrap mid-sentence and paragraphs run over pages; a running header and a page
    number ``— n —`` on every page; body paragraphs indented two characters when ``indent``, else set apart by space."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK",
                          firstLineIndent=22 if indent else 0, spaceAfter=0 if indent else 6)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=26, alignment=TA_CENTER,
                           firstLineIndent=0, spaceAfter=8)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        if header_on_first or doc.page > 1:
            canvas.drawCentredString(A5[0] / 2, A5[1] - 28, header)
        canvas.drawCentredString(A5[0] / 2, 22, f"— {doc.page} —")
        canvas.restoreState()

    lines = [ln for ln in text.splitlines() if ln.strip()]
    story = [Paragraph(escape(ln), title if i == 0 else body) for i, ln in enumerate(lines)]
    SimpleDocTemplate(str(path), pagesize=A5, leftMargin=40, rightMargin=40, topMargin=48,
                      bottomMargin=44).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A PDF of one page holding only an image, as a scanner makes it."""
    import io
    import struct
    import zlib

    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    def png(width: int, height: int) -> bytes:
        raw = b"".join(b"\x00" + bytes([200, 200, 200]) * width for _ in range(height))

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    c = canvas.Canvas(str(path), pagesize=A5)
    c.drawImage(ImageReader(io.BytesIO(png(40, 60))), 20, 20, width=380, height=550)
    c.showPage()
    c.save()
    return path


def make_plain_pdf(text: str, path: Path, *, per_line: int = 24, radicals: dict[str, str] | None = None,
                   header: str = "海港区公安分局", fake_bold: bool = False) -> Path:
    """A PDF written by hand, as a word processor exports one: a Type0 font with Identity-H
    codes (one per distinct character) and a ToUnicode map, no font program (a viewer
    substitutes one). Lines cut at ``per_line`` characters, paragraphs indented two, a
    running header and ``- n -`` page numbers. ``radicals`` maps characters to the code
    points the ToUnicode map gives for them (力 -> ⼒), as some fonts' maps do: the glyph
    drawn is the same, the copied text is not. ``fake_bold`` draws each ``一、`` heading twice,
    0.4 points apart, as WPS does for a font without a bold face."""
    size, pitch, left, top, bottom, width, height = 12, 18, 50, 530, 60, 420, 595
    paragraphs = [ln for ln in text.splitlines() if ln.strip()]
    codes: dict[str, int] = {}
    for ch in "".join(paragraphs) + header + "-0123456789 ":
        codes.setdefault(ch, len(codes) + 1)
    pages: list[list[tuple[float, float, str]]] = [[]]
    y = top
    for para in paragraphs:
        first, rest = para[: per_line - 2], para[per_line - 2:]
        rows = [(left + 2 * size, first)] + [(left, rest[i:i + per_line]) for i in range(0, len(rest), per_line)]
        for x, row in rows:
            if y < bottom:
                pages.append([])
                y = top
            pages[-1].append((x, y, row))
            y -= pitch

    def hexcodes(s: str) -> str:
        return "".join(f"{codes[c]:04X}" for c in s)

    streams = []
    for n, rows in enumerate(pages, 1):
        ops = [f"BT /F1 9 Tf {left + 150} {height - 30} Td <{hexcodes(header)}> Tj ET",
               f"BT /F1 9 Tf {width / 2 - 15} 30 Td <{hexcodes(f'- {n} -')}> Tj ET"]
        ops += [f"BT /F1 {size} Tf {x} {yy} Td <{hexcodes(row)}> Tj ET" for x, yy, row in rows]
        if fake_bold:
            ops += [f"BT /F1 {size} Tf {x + 0.4} {yy} Td <{hexcodes(row)}> Tj ET" for x, yy, row in rows
                    if PART.match(row)]
        streams.append("\n".join(ops).encode("ascii"))
    swapped = radicals or {}
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Own def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "".join(f"1 beginbfchar <{code:04X}> <{ord(swapped.get(ch, ch)):04X}> endbfchar\n"
                      for ch, code in codes.items())
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode("ascii")
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_at = 4 + 2 * len(pages)
    objects.append(b"<< >>")  # 3: unused
    for i, stream in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents {5 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font_at} 0 R >> >> >>".encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(f"<< /Type /Font /Subtype /Type0 /BaseFont /OwnSong /Encoding /Identity-H "
                   f"/DescendantFonts [{font_at + 1} 0 R] /ToUnicode {font_at + 3} 0 R >>".encode())
    objects.append(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /OwnSong /CIDSystemInfo << /Registry "
                   f"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {font_at + 2} 0 R /DW 1000 >>".encode())
    objects.append(b"<< /Type /FontDescriptor /FontName /OwnSong /Flags 4 /FontBBox [0 -120 1000 880] "
                   b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    objects.append(f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path
