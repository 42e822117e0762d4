"""Page renderers on the fixture corpus and synthetic ones: breadcrumbs, theme cards, A–Z
order, the annotated report's links and tooltips, the map."""
from __future__ import annotations

import re
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from map_bench import synthetic
from practice_site.corpus.load import load_corpus
from practice_site.corpus.model import Term
from practice_site.link.graph import link_corpus
from practice_site.render.index_pages import pinyin_key
from practice_site.render.map import MapLayout, layout, render_map, svg
from practice_site.render.site import render_site
from practice_site.render.urls import built_url, uris

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(ROOT / "tests" / "fixtures" / "corpus", ROOT)
    assert problems == []
    return corpus


@pytest.fixture(scope="module")
def pages(corpus):
    return render_site(corpus)


def test_breadcrumbs_name_home_theme_and_page(corpus, pages):
    for p in corpus.practices.values():
        html = pages[uris.practice(p.id)].html
        crumbs = html.split("</nav>")[0]
        theme = corpus.themes[p.theme]
        assert crumbs.startswith('<nav aria-label="位置" class="ps-crumbs"'), crumbs
        assert f'<a href="../../">首页</a> › <a href="../../themes/{theme.id}/">{theme.name}</a> › ' in crumbs
        assert html.index(crumbs) < html.index("<h1")  # above the title


def test_theme_page_has_a_card_per_practice(corpus, pages):
    html = pages[uris.theme("pingan")].html
    grid = html.split('<div class="grid cards">')[1].split("</div>")[0]
    linked = re.findall(r'^<p><strong><a href="\.\./\.\./practices/([a-z-]+)/">[^<]+</a></strong></p>$', grid, re.M)
    assert linked == ["jiayi", "jingwang-ronghe", "jingwang-zhizhi"]  # jia yi < jing wang
    assert sorted(linked, key=lambda pid: pinyin_key(corpus.practices[pid].name)) == linked


def test_az_is_in_pinyin_order_ignoring_quotation_marks():
    names = ["租安心", "“三鹰”人才培育", "警网智治", "警网融合", "驻企警官制", "两队一室", "电诈打击治理"]
    assert sorted(names, key=pinyin_key) == ["电诈打击治理", "警网融合", "警网智治", "两队一室",
                                             "“三鹰”人才培育", "驻企警官制", "租安心"]


def test_az_page_letters(pages):
    page = pages[uris.practices]
    assert [(h.level, h.title) for h in page.toc[1:]] == [(2, "J"), (2, "X")]
    assert page.html.index(">“甲乙”机制</a>") < page.html.index(">警网融合</a>")  # jia < jing


def test_report_links_every_mention_in_headings_too_without_tooltips(pages):
    html = pages[uris.report("mini")].html
    headings = re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html)
    linked = [h for h in headings if 'href="../../practices/jingwang-ronghe/"' in h]
    assert len(linked) == 1 and "二是" in linked[0]  # 二是警网融合。
    assert html.count('href="../../practices/jingwang-ronghe/"') == 2  # and once in the body
    assert not any("<abbr" in h for h in headings)


def test_a_one_sentence_item_is_body_text_with_its_marker_as_a_label(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", data)
    report = data / "reports" / "mini.txt"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "1~3月办结*件。\n", "1~3月办结*件。\n①项目警官制覆盖全部重点项目。\n②每月回访一次。\n"), encoding="utf-8")
    corpus, problems = load_corpus(data, tmp_path)
    assert problems == []
    page = render_site(corpus)[uris.report("mini")]
    items = re.findall(r'<p class="ps-item" id="([\w-]+)"><span class="ps-s" id="s-\w+">'
                       r'<span class="ps-label">(.)</span>(.*?)</span></p>', page.html)
    assert [(ident, label) for ident, label, _ in items] == [("p2-c1", "①"), ("p2-c2", "②")]
    assert items[0][2].startswith('<a href="../../practices/xiangmu-jingguan/"')  # linked, as body text
    assert not any(h.id == items[0][0] for h in page.toc)  # not a heading
    assert {"p2", "p2-i1"} <= {h.id for h in page.toc}  # the numbered parts still are


def test_report_tooltip_once_per_part(corpus):
    # 化解: twice in the body of part 一 (its heading 一是化解… is never annotated);
    # 项目: once in part 二 outside the name 项目警官制, which wins where they overlap.
    terms = {"hj": Term("hj", "化解", "化解矛盾", "general", None),
             "xm": Term("xm", "项目", "建设项目", "general", None)}
    md = render_site(replace(corpus, glossary=terms))[uris.report("mini")].html
    assert md.count('title="化解：化解矛盾') == 1
    assert md.count('title="项目：建设项目') == 1
    assert "认领5个<abbr" in md and "化解率" in md  # the abbr around the term's glossary link
    assert md.count("（编者释义，一般常识，非报告原文）") == 2


def test_practice_sections_in_order_with_fixed_anchors(pages):
    page = pages[uris.practice("jiayi")]
    anchors = re.findall(r'^<h2 id="([a-z]+)">', page.html, re.M)
    assert [h.id for h in page.toc if h.level == 2] == anchors
    assert anchors == ["overview", "how", "outcomes", "sources", "related", "suggested",
                       "backlinks", "cite"]


# -- the map ----------------------------------------------------------------------------

def test_map_draws_every_practice_once_with_its_link(corpus):
    page = render_map(corpus)
    md = page.html.split("</svg>")[0]
    for pid in corpus.practices:
        assert md.count(f'href="../practices/{pid}/"') == 1
    assert len(re.findall(r'<path id="ps-e\d+" d="M[\d.,-]+Q', md)) == 2  # two curated relations
    # Each edge is highlighted from both its ends (hover a box: its relations).
    assert md.count('<use href="#ps-e0"/>') == 2 and md.count('<use href="#ps-e1"/>') == 2
    assert page.meta["search"] == {"exclude": True}  # would answer every query


def test_map_text_is_escaped(corpus):
    ps = dict(corpus.practices)
    ps["jiayi"] = replace(ps["jiayi"], name='<b>&"*x*"', summary="[a](b) `c`")
    drawing = svg(layout(replace(corpus, practices=ps)), replace(corpus, practices=ps))
    assert "<b>" not in drawing
    assert "&lt;b&gt;&amp;&#34;*x*&#34;" in drawing  # the mask stays as printed


@pytest.mark.parametrize("directory_urls", [True, False])
def test_built_url_matches_mkdocs(directory_urls):
    from mkdocs.structure.files import File
    def url(uri):
        return File(uri, "docs", "site", directory_urls).url
    for src in (uris.map, uris.practice("zu-anxin")):
        for dest in (uris.practice("zu-anxin"), uris.theme("fuwu"), uris.home, uris.practices):
            got = Path(url(src) or ".").parent if not url(src).endswith("/") else Path(url(src))
            resolved = (got / built_url(src, dest, directory_urls)).as_posix()
            assert _norm(resolved) == _norm(url(dest)), (src, dest)


def _norm(path: str) -> str:
    import posixpath
    return posixpath.normpath(path or ".").lstrip("./") or "."


def _overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


@pytest.mark.parametrize("n", [50, 500])
def test_map_layout_has_no_overlap_and_stays_small(n):
    corpus = synthetic(n)
    lay: MapLayout = layout(corpus)
    assert len(lay.nodes) == n
    boxes = sorted(lay.nodes.values(), key=lambda b: (b.y, b.x))
    for a, b in zip(boxes, boxes[1:], strict=False):  # same row neighbours
        assert not _overlap(a, b)
    assert len({(b.x, b.y) for b in boxes}) == n
    for pid, b in lay.nodes.items():
        panel = lay.panels[corpus.practices[pid].theme]
        assert panel.x <= b.x and b.x + b.w <= panel.x + panel.w
        assert panel.y <= b.y and b.y + b.h <= panel.y + panel.h
    panels = list(lay.panels.values())
    assert not any(_overlap(a, b) for i, a in enumerate(panels) for b in panels[i + 1:])
    size = len(svg(lay, corpus).encode())
    assert size < 1000 * n, size  # about 730 bytes a practice with two relations: linear


def test_relations_declared_twice_are_one_edge(corpus):
    ps = dict(corpus.practices)
    ps["jingwang-ronghe"] = replace(ps["jingwang-ronghe"],
                                    related=(replace(ps["jiayi"].related[0], target="jiayi"),))
    lay = layout(replace(corpus, practices=ps))
    assert sorted((e.source, e.target, e.kind) for e in lay.edges) == [
        ("jiayi", "jingwang-ronghe", "editors-link"), ("jingwang-zhizhi", "jingwang-ronghe", "builds-on")]


def test_links_are_computed_once_per_site(corpus, monkeypatch):
    calls = []

    def counting(c):
        calls.append(c)
        return link_corpus(c)
    # Wherever a module of the pipeline holds link_corpus, the counting one stands in.
    for module in [m for name, m in sys.modules.items() if name.startswith("practice_site.")]:
        if getattr(module, "link_corpus", None) is link_corpus:
            monkeypatch.setattr(module, "link_corpus", counting)
    render_site(corpus)
    assert len(calls) == 1
    # Links passed in are the ones used: none computed, and their backlinks on the pages.
    links = link_corpus(corpus)
    calls.clear()
    target = next(pid for pid, back in links.backlinks.items() if back)
    without = replace(links, backlinks={pid: [] for pid in links.backlinks})
    assert render_site(corpus, links)[uris.practice(target)] != render_site(corpus, without)[uris.practice(target)]
    assert calls == []


def test_az_puts_names_starting_with_a_digit_first(corpus):
    ps = dict(corpus.practices)
    ps["jiayi"] = replace(ps["jiayi"], name="“1＋3＋N”机制")
    page = render_site(replace(corpus, practices=ps))[uris.practices]
    assert [(h.title, h.id) for h in page.toc[1:]] == [("0–9", "digits"), ("J", "j"), ("X", "x")]
    assert '<a href="#digits">0–9</a> · <a href="#j">J</a> · <a href="#x">X</a>' in page.html
