"""add-report takes a report as an editor gets it: UTF-8, UTF-16 or GB18030 text, Word
(.docx) or PDF with a text layer (drafting/formats). For each invented report in
tests/fixtures/formats, every format made from its .txt (tests/formats_kit.py) gives the same
stored text and the same drafts; what cannot be read is refused with a message saying what
to do, and data/ unchanged."""
from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from formats_kit import make_docx, make_pdf, make_plain_pdf, make_scanned_pdf
from practice_site import cli
from practice_site.drafting.formats import Unreadable, read_report_file
from practice_site.drafting.formats.chars import ordinary_characters
from practice_site.drafting.formats.numbering import chinese_counting, format_number
from practice_site.drafting.formats.text import decode_text
from practice_site.text.terms import unquoted

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "corpus"
REPORTS = sorted((HERE / "fixtures" / "formats").glob("*.txt"))
EXPECTED = yaml.safe_load((HERE / "fixtures" / "formats" / "expected.yml").read_text(encoding="utf-8"))


def _compat_for(text: str) -> dict[str, str]:
    """Radicals and compatibility ideographs standing for characters of ``text``, as a
    font's ToUnicode map may record them (⼀ for 一, 﨏-style code points for others)."""
    swaps = {"一": "⼀", "人": "⼈", "工": "⼯", "门": "⻔", "长": "⻓", "大": "⼤"}
    for cp in range(0xF900, 0xFADA):
        target = unicodedata.normalize("NFC", chr(cp))
        if len(target) == 1 and target != chr(cp) and target in text and target not in swaps:
            swaps[target] = chr(cp)
            break
    return {k: v for k, v in swaps.items() if k in text}


def _variants(text: str, tmp: Path) -> dict[str, Path]:
    """The report in every format add-report reads, each made from its UTF-8 text."""
    tmp.mkdir(parents=True, exist_ok=True)

    def put(name: str, data: bytes) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    swaps = _compat_for(text)
    assert len(swaps) >= 3, "the fixture should hold characters a font can record as radicals"
    return {
        "utf8.txt": put("utf8.txt", text.encode("utf-8")),
        "utf8-bom-crlf.txt": put("utf8-bom-crlf.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")),
        "gb18030.txt": put("gb18030.txt", text.replace("\n", "\r\n").encode("gb18030")),
        "gbk.txt": put("gbk.txt", text.encode("gbk")),
        "utf16.txt": put("utf16.txt", text.encode("utf-16")),
        "utf16be.txt": put("utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be")),
        "docx": make_docx(text, tmp / "report.docx"),
        "pdf": make_pdf(text, tmp / "report.pdf"),
        "pdf-unindented": make_pdf(text, tmp / "unindented.pdf", indent=False),
        "pdf-radicals": make_plain_pdf(text, tmp / "radicals.pdf", radicals=swaps, fake_bold=True),
    }


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_every_format_gives_the_text_of_the_txt(report, tmp_path):
    text = report.read_text(encoding="utf-8")
    for name, path in _variants(text, tmp_path).items():
        got, notes = read_report_file(path)
        assert got == text, f"{name} gives other text"
        assert notes or name == "utf8.txt", name


def test_the_generated_files_hide_what_the_reader_must_restore(tmp_path):
    """The test files are what the readers claim to handle: the docx holds no typed marker of
    a numbered heading, the PDF's lines are cut mid-sentence and carry page furniture, and
    the text layer of the radicals PDF holds radicals."""
    import docx
    from pdfminer.high_level import extract_text
    text = (HERE / "fixtures" / "formats" / "river-county.txt").read_text(encoding="utf-8")
    files = _variants(text, tmp_path)
    paragraphs = [p.text for p in docx.Document(str(files["docx"])).paragraphs]
    assert "深化打击整治，守护一方平安" in paragraphs and not any(p.startswith(("一、", "（一）", "1.")) for p in paragraphs)
    raw = extract_text(str(files["pdf"]))
    assert "— 2 —" in raw and raw.count("清河县公安局文件") >= 2
    assert "组建“猎狐”合成作战专班。专班由刑侦、技侦、网安民警组成，实行集中办公、统一研判" not in raw
    layer = extract_text(str(files["pdf-radicals"]))
    assert "⼀" in layer and "一" not in layer
    assert layer.count("、优化公安服务，提升群众满意") == 2  # the heading drawn twice (fake bold)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_add_report_drafts_the_same_from_every_format(report, tmp_path, capsys):
    """add-report on each format leaves data/ byte for byte as it does from the .txt: the
    stored report, the drafts, the proposed skips and themes."""
    text = report.read_text(encoding="utf-8")
    files = _variants(text, tmp_path / "in")
    results: dict[str, dict[str, bytes]] = {}
    for name, path in files.items():
        data = tmp_path / name / "data"
        shutil.copytree(FIXTURE, data)
        before = {p for p in data.rglob("*") if p.is_file()}
        assert cli.main(["--data", str(data), "add-report", str(path), "--id", "fmt-report", "--title",
                         text.splitlines()[0], "--unit", "某公安局", "--year", "2023"]) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        results[name] = {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*"))
                         if p.is_file() and (p not in before or p.name in ("coverage.yml", "themes.yml"))}
        if name != "utf8.txt":
            assert "说明：" in out
    base = results["utf8.txt"]
    assert base["reports/fmt-report.txt"] == text.encode("utf-8")
    for name, files_after in results.items():
        assert files_after == base, f"{name}: data/ differs from the .txt's"
    # Recall and precision against what an editor would list, printed (the same in every format).
    case = EXPECTED[report.stem]
    drafts = {k: {unquoted(n) for n in [d["name"], *d.get("aliases", [])]}
              for k, d in ((k, yaml.safe_load(v)) for k, v in base.items() if k.startswith("practices/"))}
    wanted = [{unquoted(n) for n in names} for names in case["initiatives"]]
    found = [w for w in wanted if any(w & d for d in drafts.values())]
    real = [k for k, d in drafts.items() if any(d & w for w in wanted)]
    print(f"{report.stem}: the same data/ from {len(results)} formats ({', '.join(sorted(results))}); "
          f"recall {len(found)}/{len(wanted)}, precision {len(real)}/{len(drafts)}; "
          f"other drafts {sorted(sorted(drafts[k])[0] for k in drafts if k not in real)}")
    assert not [k for k, d in drafts.items() if d & {unquoted(n) for n in case["not"]}]
    assert len(found) / len(wanted) >= 0.8 and len(real) / len(drafts) >= 0.6


def test_add_report_says_how_it_read_the_file(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    text = REPORTS[0].read_text(encoding="utf-8")
    f = tmp_path / "report.txt"
    f.write_bytes(text.encode("gb18030"))
    assert cli.main(["--data", str(data), "add-report", str(f), "--id", "gb", "--title", text.splitlines()[0],
                     "--unit", "某局", "--year", "2023"]) == 0
    assert "说明：按 GB18030（GBK）编码读入，已转存为 UTF-8" in capsys.readouterr().out.splitlines()


def refused(tmp_path: Path, capsys, file: Path) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    before = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert cli.main(["--data", str(data), "add-report", str(file), "--id", "new-report", "--title", "新报告",
                     "--unit", "某局", "--year", "2023"]) == 1
    assert {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "add-report 未执行：data/ 没有任何改动"
    return err[:-1]


SAVE_AS = "另存为 Word 文档（.docx）或 UTF-8 文本（.txt）后再添加"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("report.doc", OLE2, f"是 Word 97–2003 文档（.doc）等旧版 Office 格式，无法直接读取；请用 Word 或 WPS 打开，{SAVE_AS}"),
    ("report.wps", OLE2, f"是 WPS 文字的旧格式（.wps），无法直接读取；请用 WPS 打开，{SAVE_AS}"),
    ("report.docx", OLE2, "是设有打开密码的 Word 文档，或改了扩展名的 .doc 文件，无法直接读取；"
     f"请用 Word 或 WPS 打开（去掉密码），{SAVE_AS}"),
    ("report.rtf", b"{\\rtf1\\ansi ...}", f"是 RTF 文档，无法直接读取；请用 Word 或 WPS 打开，{SAVE_AS}"),
    ("report.docx", "一、平安建设。".encode(), f"扩展名是 .docx，内容却不是这种格式（文件损坏或扩展名不对）；请重新{SAVE_AS}"),
    ("report.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "是二进制文件（偏移 8 处有 NUL 字节），不是文本；请把报告另存为 UTF-8 文本（.txt）、Word 文档（.docx）或 PDF"),
    ("report.txt", b"\xef\xbb\xbf", "文件是空的；报告需要有正文"),
])
def test_files_it_cannot_read_are_refused_with_what_to_do(tmp_path, capsys, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    assert refused(tmp_path, capsys, f) == [f"{f}:0: 报告文件: {message}"]


def test_a_scanned_pdf_is_refused(tmp_path, capsys):
    f = make_scanned_pdf(tmp_path / "scan.pdf")
    assert refused(tmp_path, capsys, f) == [
        f"{f}:0: 报告文件: 是扫描件（PDF 只有图像，没有文字层），读不出报告正文；请用原始的 Word 文档（.docx）或文字版 PDF，"
        "或先做文字识别（OCR）、校对后另存为 UTF-8 文本（.txt）再添加"]


def test_text_in_another_encoding_is_refused(tmp_path, capsys):
    """Big5 bytes decode as GB18030 too, into rare characters: refused, not stored as such."""
    f = tmp_path / "big5.txt"
    f.write_bytes("某縣公安局年度工作總結\n一、嚴厲打擊違法犯罪，維護社會穩定。\n".encode("big5"))
    assert refused(tmp_path, capsys, f) == [
        f"{f}:1: 报告文件: 不是 UTF-8、UTF-16 或 GB18030（GBK）文本（偏移 0 处的字节 0xac）；请把报告另存为 UTF-8 文本"]


def test_utf16_without_a_byte_order_mark_is_read():
    text = "新报告标题\n一、平安建设。化解纠纷**起。\n"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_text(text.encode(codec)) == (text, ["按 UTF-16（无字节顺序标记）读入，已转存为 UTF-8"])


def test_a_short_gbk_text_is_read():
    assert decode_text("一、平安建设。\n".encode("gbk"))[0] == "一、平安建设。\n"


@pytest.mark.parametrize(("n", "printed"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                            (21, "二十一"), (99, "九十九"), (100, "一百"), (105, "一百零五"),
                                            (110, "一百一十"), (1001, "一千零一")])
def test_chinese_counting_as_word_prints_it(n, printed):
    assert chinese_counting(n) == printed


@pytest.mark.parametrize(("n", "fmt", "printed"), [
    (3, "decimal", "3"), (3, "chineseCountingThousand", "三"), (12, "ideographDigital", "一二"),
    (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedCircleChinese", "③"), (3, "ideographTraditional", "丙"),
    (12, "decimalFullWidth", "１２"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (3, "chineseLegalSimplified", "叁"),
    (3, "decimalZero", "03")])
def test_number_formats(n, fmt, printed):
    assert format_number(n, fmt) == printed


def test_only_radicals_and_compatibility_ideographs_are_mapped():
    text, changed = ordinary_characters("⼀是⻓效，⼤幅，⻘山\uf9a7，化解率**％，１２３，ＡＰＰ，（一）\u2e3a完")
    assert (text, changed) == ("一是长效，大幅，青山獵，化解率**％，１２３，ＡＰＰ，（一）——完", 6)


def test_numbering_of_a_style_based_heading_restarts_lower_levels(tmp_path):
    text = "标题\n一、甲部分\n（一）子项。\n1.第一点。\n2.第二点。\n（二）子项。\n1.又一点。\n二、乙部分\n（一）再一子项。\n"
    got, notes = read_report_file(make_docx(text, tmp_path / "r.docx"))
    assert got == text
    assert notes == ["已从 Word 文档（.docx）取出正文 9 行，其中 8 行的编号（如“一、”“（一）”“1.”）取自 Word 自动编号"]


def test_unreadable_is_raised_for_a_damaged_docx(tmp_path):
    import zipfile
    f = tmp_path / "r.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("word/document.xml", "<not-xml")
    with pytest.raises(Unreadable, match="不是能读取的 Word 文档"):
        read_report_file(f)


LAYOUTS = sorted(p for p in (HERE / "fixtures" / "reports").glob("*.txt") if p.stem != "hard-wrapped")
"""The parser's layout fixtures; hard-wrapped.txt is itself a PDF copy cut mid-sentence, which
the PDF reader would give as whole paragraphs."""
GENERATOR_LIMITS = {("four-levels", "docx"): "types (一) and numbers （二）: one Word list prints one shape",
                    ("slogan-headings", "pdf"): "reportlab's Paragraph collapses the byline's double space"}


@pytest.mark.parametrize("report", LAYOUTS, ids=lambda p: p.stem)
def test_every_layout_survives_word_and_pdf(report, tmp_path):
    """Each layout of the parser's fixtures, one paragraph a line, made into a .docx and two
    PDFs, reads back as the same lines."""
    text = "".join(ln.strip() + "\n" for ln in report.read_text(encoding="utf-8").splitlines() if ln.strip())
    made = {"docx": make_docx(text, tmp_path / "r.docx"), "pdf": make_pdf(text, tmp_path / "r.pdf"),
            "pdf-unindented": make_pdf(text, tmp_path / "u.pdf", indent=False),
            "pdf-plain": make_plain_pdf(text, tmp_path / "p.pdf")}
    for name, path in made.items():
        if (report.stem, name.split("-")[0]) not in GENERATOR_LIMITS:
            assert read_report_file(path)[0] == text, name


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed; "
                    "apt-get install libreoffice-writer-nogui runs this check of real layouts")
@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_a_pdf_that_libreoffice_makes_from_the_docx_reads_back(report, tmp_path):
    """A word processor's PDF: LibreOffice lays the .docx out (its own line breaking, Word's
    numbering with a tab after the marker, header and footer, embedded CJK font subsets)."""
    import subprocess
    text = report.read_text(encoding="utf-8")
    make_docx(text, tmp_path / "r.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "r.docx")],
                   check=True, capture_output=True, timeout=240)
    assert read_report_file(tmp_path / "r.pdf")[0] == text


def test_a_running_header_that_repeats_the_title_leaves_the_title(tmp_path):
    """Page 1 without a header (Word's different first page), the title as the header of the
    others: the headers go, the title on page 1 stays (it is set larger)."""
    text = (HERE / "fixtures" / "formats" / "river-county.txt").read_text(encoding="utf-8")
    title = text.splitlines()[0]
    pdf = make_pdf(text, tmp_path / "r.pdf", header=title, header_on_first=False)
    got, notes = read_report_file(pdf)
    assert got == text
    assert "页眉页脚 1 处" in notes[0]


def test_word_text_that_is_not_the_reports_is_left_out(tmp_path):
    """Hidden text, deleted tracked changes and tab stops are not text; inserted tracked
    changes, a table's cells and a soft line break are."""
    import docx
    from docx.oxml import parse_xml

    from formats_kit import W_NS
    document = docx.Document()
    document.add_paragraph("某局工作总结")
    p = document.add_paragraph()
    p._p.append(parse_xml(
        f'<w:pPr xmlns:w="{W_NS}"><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'))
    for xml in ('<w:r><w:t>一、推行“甲乙”机制</w:t></w:r>',
                '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的批注）</w:t></w:r>',
                '<w:del w:id="1" w:author="a"><w:r><w:delText>旧的说法</w:delText></w:r></w:del>',
                '<w:ins w:id="2" w:author="a"><w:r><w:t>，化解纠纷**起。</w:t></w:r></w:ins>',
                '<w:r><w:br/><w:t>二是开展“丙丁”行动。</w:t></w:r>'):
        p._p.append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W_NS}">', 1)
                              .replace("<w:del ", f'<w:del xmlns:w="{W_NS}" ').replace("<w:ins ", f'<w:ins xmlns:w="{W_NS}" ')))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "破获案件***起。"
    document.save(str(tmp_path / "r.docx"))
    assert read_report_file(tmp_path / "r.docx")[0] == (
        "某局工作总结\n一、推行“甲乙”机制，化解纠纷**起。\n二是开展“丙丁”行动。\n项目\n破获案件***起。\n")


def test_a_pdf_whose_text_layer_has_no_characters_is_refused(tmp_path, capsys):
    """A font that maps its glyphs to no character (private-use code points): the page shows
    the report, the text layer does not hold it."""
    text = "某局工作总结\n一、平安建设。推行“甲乙”机制，化解纠纷**起。\n"
    f = make_plain_pdf(text, tmp_path / "r.pdf", radicals={c: "\ue000" for c in set(text)}, header="某局")
    assert refused(tmp_path, capsys, f) == [
        f"{f}:0: 报告文件: PDF 的文字层缺少字符编码（32 个字符无法转成文字）；"  # 30 of the text, 2 of the header
        "请用原始的 Word 文档（.docx），或从 PDF 阅读器另存为文本后校对再添加"]


def test_a_few_symbols_without_characters_are_left_out_and_said(tmp_path):
    text = "某局工作总结\n一、平安建设。推行“甲乙”机制，化解纠纷**起。\n二、服务群众。开通“丙丁”窗口，服务群众***人次。\n"
    got, notes = read_report_file(make_plain_pdf(text.replace("推行", "■推行"), tmp_path / "r.pdf",
                                                 radicals={"■": "\uf0b7"}, header="某局"))
    assert got == text
    assert notes[0].endswith("，去掉 1 个无法识别的符号（如项目符号）；请对照原件核对存下的报告文本")


def test_numbering_definitions_as_word_writes_them():
    """A list reached through a numbering style (w:numStyleLink), a level overridden whole in
    one list, a level that never restarts (w:lvlRestart 0), and legal numbering (%1.%2 in
    figures whatever the upper level's format)."""
    from lxml import etree

    from practice_site.drafting.formats.numbering import Numbering
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    root = etree.fromstring(f"""<w:numbering {w}>
      <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/>
          <w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%3"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="7"><w:abstractNumId w:val="2"/>
        <w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/>
          <w:lvlText w:val="第%1部分"/></w:lvl></w:lvlOverride></w:num>
    </w:numbering>""")
    n = Numbering.from_xml(root, {"ReportList": "5"})
    assert [n.marker("6", 0), n.marker("6", 1), n.marker("6", 1), n.marker("6", 0), n.marker("6", 1),
            n.marker("6", 2)] == ["一、", "1.", "2.", "二、", "3.", "2.1 "]
    assert n.marker("7", 0) == "第三部分 "
    assert n.marker("0", 0) == n.marker("99", 0) == ""


def test_a_damaged_gbk_file_is_refused_where_it_is_damaged(tmp_path, capsys):
    good = "某局工作总结\n一、平安建设。推行“甲乙”机制。\n".encode("gbk")
    f = tmp_path / "r.txt"
    f.write_bytes(good + b"\x81\x20" + "二、服务群众。\n".encode("gbk"))
    assert refused(tmp_path, capsys, f) == [
        f"{f}:3: 报告文件: 像是 GB18030（GBK）文本，但偏移 {len(good)} 处的字节 0x81 不合这种编码（文件可能损坏）；"
        "请把报告重新另存为 UTF-8 文本"]
