"""add-report reads a PDF that a browser prints (Chromium's own PDF writer, Skia: CJK font
subsets, justified lines, a running header and ``— n —`` page numbers from its header and
footer templates) back into the text it was printed from (drafting/formats/pdf.py)."""
from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from practice_site.drafting.formats import read_report_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STYLE = ("body { font-family: 'Noto Serif CJK SC', serif; font-size: 12pt; line-height: 1.6; text-align: justify; }"
         "h1 { font-size: 18pt; text-align: center; } p { text-indent: 2em; margin: 0; }")


@pytest.mark.parametrize("report", [FIXTURES / "formats" / "harbor-district.txt", FIXTURES / "reports" / "city-sections.txt"],
                         ids=lambda p: p.stem)
def test_a_pdf_chromium_prints_reads_back_as_the_text(page, report, tmp_path):
    # Reports without 户: Skia records the glyph Noto CJK SC shares between 户 and 戶 as 戶.
    text = "".join(ln.strip() + "\n" for ln in report.read_text(encoding="utf-8").splitlines() if ln.strip())
    lines = text.splitlines()
    body = "".join(f"<h1>{escape(ln)}</h1>" if i == 0 else f"<p>{escape(ln)}</p>" for i, ln in enumerate(lines))
    page.set_content(f"<!doctype html><meta charset=utf-8><style>{STYLE}</style>{body}")
    pdf = tmp_path / "r.pdf"
    small = "font-size:9px;width:100%;text-align:center;font-family:'Noto Serif CJK SC'"
    page.pdf(path=str(pdf), format="A5", display_header_footer=True,
             header_template=f'<div style="{small}">某局办公室编印</div>',
             footer_template=f'<div style="{small}">— <span class="pageNumber"></span> —</div>',
             margin={"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "18mm"})
    got, notes = read_report_file(pdf)
    assert got == text
    assert "去掉页码" in notes[0] and "接回因换行断开的行" in notes[0]
