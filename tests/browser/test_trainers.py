"""What trainers rely on, in Chromium: handouts and practice pages print on A4 with their
sources and without the site's navigation; copy-link buttons; old URLs after a rename."""
from __future__ import annotations

import io
import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import FIXTURE, ROOT, mkdocs_build, mkdocs_serve, serve

# Text that only the site's chrome shows (header, tabs, sidebars, search, footer, buttons).
NAVIGATION = ["公安工作做法知识库", "搜索", "全部做法", "关系图", "荣誉与表彰", "复制链接", "回到页面顶部"]


def pdf_of(page, url: str, save: str = "", settle: str = "networkidle") -> tuple[int, str]:
    """(pages, text) of ``url`` printed by Chromium on A4, as a trainer would print it.
    ``save``: also write the PDF there (PS_PRINT_DIR), to look at it. ``settle``: the load
    state to wait for ("load" under mkdocs serve, whose live reload never lets the network idle)."""
    page.goto(url)
    page.wait_for_load_state(settle)
    pdf = page.pdf(format="A4", print_background=True)
    if save and (folder := os.environ.get("PS_PRINT_DIR")):
        (Path(folder) / save).write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))
    return len(reader.pages), re.sub(r"\s+", "", text)


def has(text: str, phrase: str) -> bool:
    """Whether the PDF's text holds ``phrase``. A CJK font draws 页 and the radical ⻚ with
    one glyph, and the PDF's text layer may name the radical (NFKC folds the Kangxi radicals,
    not these): a character of the CJK Radicals Supplement matches any Han character."""
    return re.search(pattern(phrase), text) is not None


def pattern(phrase: str) -> str:
    return "".join(f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
                   for c in re.sub(r"\s+", "", unicodedata.normalize("NFKC", phrase)))


def collection(cid: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "collections" / f"{cid}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("cid", ["fanzha", "jiceng-jingwu", "fuwu-qiye"])
def test_collection_prints_as_a_handout(page, site_url, cid, capsys):
    pages, text = pdf_of(page, f"{site_url}collections/{cid}/", f"{cid}.pdf")
    items = collection(cid)["items"]
    with capsys.disabled():
        print(f"\n{cid}: {len(items)} entries, {pages} A4 pages")
    # One entry per page (print.css breaks before each), none spilling far.
    assert len(items) <= pages <= len(items) + 2
    for word in NAVIGATION:
        assert not has(text, word), f"navigation text {word!r} printed"
    assert has(text, collection(cid)["title"])
    # Every entry names its report once, and each quote the place in it (原文 三、一是).
    assert len(re.findall(pattern("出处:区公安分局"), text)) == len(items)
    assert len(re.findall(pattern("原文") + r"[一二三四五六七八九十]+、|" + pattern("原文导语"), text)) >= len(items)
    for item in items:
        if "practice" in item:
            assert f"practices/{item['practice']}/" in text  # the page's address, for paper
        for q in item.get("questions", []):
            assert has(text, q)


@pytest.mark.parametrize("pid, place, phrase", [
    ("zu-anxin", "四、四是", "“零发生”"),               # outcomes table, a masked-figure page
    ("bairi-xingdong", "导语", "夏季治安打击整治“百日行动”"),  # a campaign: members section
])
def test_practice_page_prints_with_sources(page, site_url, pid, place, phrase):
    pages, text = pdf_of(page, f"{site_url}practices/{pid}/", f"{pid}.pdf")
    assert 1 <= pages <= 3
    for word in NAVIGATION + ["可能相关", "被引用", "首页›"]:
        assert not has(text, word), f"{word!r} printed"
    for heading in ("做法要点", "成效与数据", "原文出处", "引用本页"):
        assert has(text, heading), heading
    # Each "原文" link prints the place it cites; the page address is printed in full.
    assert has(text, f"原文〔{place}〕")
    assert has(text, phrase)
    assert f"practices/{pid}/" in text


PUBLIC = "https://zhishiku.example.gov.cn/"
"""A public address for the site (mkdocs.yml ``site_url``), invented for the test."""


def test_printed_pages_carry_the_public_address_never_the_preview_address(page, tmp_path):
    """Issue 22: printed from the preview (mkdocs serve, which sets site_url to its own
    http://127.0.0.1:…), a handout and a practice page give the site's configured public
    address, never the local one; a quoted name is nested as Chinese typography wants."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    with mkdocs_serve(tmp_path, data, {"site_url": PUBLIC}) as (url, _):
        assert url.startswith("http://127.0.0.1:")
        _, handout = pdf_of(page, f"{url}collections/peixun/", "public-address-handout.pdf", "load")
        _, practice = pdf_of(page, f"{url}practices/jiayi/", "public-address-practice.pdf", "load")
    for text in (handout, practice):
        assert "127.0.0.1" not in text and "localhost" not in text
    assert f"{PUBLIC}practices/jiayi/" in handout  # each entry: its practice page
    assert f"{PUBLIC}practices/xiangmu-jingguan/" in handout
    assert f"{PUBLIC}collections/peixun/" in handout  # the handout itself
    assert re.search(re.escape(f"{PUBLIC}reports/mini/#s-") + "[0-9a-f]{6}", handout)  # a quoted sentence
    assert f"{PUBLIC}practices/jiayi/" in practice  # 引用本页
    assert has(practice, f"转引自“‘甲乙’机制”，{PUBLIC}practices/jiayi/")
    assert not has(practice, "““") and not has(handout, "““")


def test_copy_link_buttons(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}practices/zu-anxin/")
    button = page.locator("h2#outcomes .ps-copylink")
    assert button.is_visible()  # visible without hovering
    # One link per heading (Material's ¶ permalink is this same link, in Chinese), and Tab
    # reaches it.
    assert page.locator("h2#outcomes a").count() == 1
    assert button.get_attribute("title") == "复制本节的链接" and button.inner_text() == "复制链接"
    page.locator("h2#how a").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('h2') && document.activeElement.closest('h2').id"):
            break
    assert page.evaluate("document.activeElement.closest('h2').id") in ("outcomes", "sources")
    button.click()
    # The label changes once the clipboard has taken the text (a promise), for 1.5 s.
    page.wait_for_function("document.querySelector('h2#outcomes .ps-copylink').textContent === '已复制'",
                           timeout=1400)
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}practices/zu-anxin/#outcomes"
    # A report sentence: its button shows on hover and copies the sentence's anchor.
    page.goto(f"{site_url}reports/2022-district-police-work-summary/")
    sentence = page.locator("p .ps-s[id]").first
    sid = sentence.get_attribute("id")
    def width() -> float:
        return sentence.locator(".ps-copylink").bounding_box()["width"]
    assert width() <= 1  # out of sight until wanted, yet focusable
    sentence.locator(".ps-copylink").focus()
    assert width() > 10
    page.locator("h1").hover()
    sentence.hover()
    assert width() > 10
    sentence.locator(".ps-copylink").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"/#{sid}")


def test_renamed_practice_keeps_its_old_urls(browser, tmp_path, monkeypatch):
    """Rename a record's id, keep the old one in ``former_ids``: the old page URL and its
    section anchors land on the new page, anchor kept, in Chromium under the site's CSP."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", data)
    old, new = data / "practices" / "jiayi.yml", data / "practices" / "jiayi-jizhi.yml"
    old.rename(new)
    new.write_text(new.read_text(encoding="utf-8").replace("id: jiayi\n", "id: jiayi-jizhi\nformer_ids: [jiayi]\n"),
                   encoding="utf-8")
    # The handout names the old id: the build says which id to write instead.
    handout = data / "collections" / "peixun.yml"
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(data))
    proc = mkdocs_build(tmp_path / "refused")
    assert "没有 id 为「jiayi」的做法；它是「jiayi-jizhi」的旧 id：改写为后者" in proc.stderr
    handout.write_text(handout.read_text(encoding="utf-8").replace("practice: jiayi\n", "practice: jiayi-jizhi\n"),
                       encoding="utf-8")
    site = tmp_path / "site"
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(data))
    proc = mkdocs_build(site)
    assert proc.returncode == 0, proc.stderr
    server, url = serve(site)
    try:
        context = browser.new_context()
        pg = context.new_page()
        violations: list[str] = []
        pg.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        for anchor in ("", "#outcomes", "#how"):
            pg.goto(f"{url}practices/jiayi/{anchor}")
            pg.wait_for_url(f"{url}practices/jiayi-jizhi/{anchor}")
            assert pg.locator("h1").inner_text().startswith("“甲乙”机制")
        pg.goto(f"{url}practices/jiayi/")  # the redirect page itself says where it went
        assert violations == []
        context.close()
    finally:
        server.shutdown()
