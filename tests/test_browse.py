"""Several reports on one site (fixture corpus: mini, 2022, and mini-review, 2023, a report
of another layout with no title line): practice pages group by report, the reports index
and the per-report, per-unit and per-year views list what each report names."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from practice_site.corpus.load import load_corpus
from practice_site.render.site import render_site
from practice_site.render.urls import uris


@pytest.fixture(scope="module")
def pages():
    corpus, problems = load_corpus(ROOT / "tests" / "fixtures" / "corpus", ROOT)
    assert problems == []
    return render_site(corpus)


def _h3(page) -> list[str]:
    return [f"{h.title} {{#{h.id}}}" for h in page.toc if h.level == 3]


def test_practice_named_by_two_reports_groups_sources_and_outcomes_newest_first(pages):
    page = pages[uris.practice("jingwang-ronghe")]
    md = page.html
    assert _h3(page) == [
        "2023年 测试市局《测试市局2023年工作回顾》 {#outcomes-mini-review}",
        "2022年 测试分局《测试报告标题》 {#outcomes-mini}",
        "2023年 测试市局《测试市局2023年工作回顾》 {#sources-mini-review}",
        "2022年 测试分局《测试报告标题》 {#sources-mini}",
    ]
    outcomes = md[md.index('id="outcomes-mini-review"'):md.index('id="outcomes-mini"')]
    assert "**个" in outcomes and "mini-review/#s-" in outcomes and "余人次" not in outcomes
    sources = md[md.index('id="sources-mini-review"'):md.index('id="sources-mini"')]
    assert "《测试市局2023年工作回顾》导语" in sources and "《测试市局2023年工作回顾》（一）1." in sources
    assert "各单位对本单位工作的自我报告" in md


def test_practice_named_by_one_report_has_no_report_headings(pages):
    page = pages[uris.practice("jiayi")]
    assert _h3(page) == [] and "该单位对本单位工作的自我报告" in page.html


def test_reports_index_lists_each_report_with_unit_year_and_practices(pages):
    md = pages[uris.reports].html
    newer, older = md.split('<h2 id="mini">测试报告标题')
    assert '<h2 id="mini-review">测试市局2023年工作回顾' in newer
    assert "发文单位：测试市局 · 年度：2023" in newer and "发文单位：测试分局 · 年度：2022" in older
    assert "提到的做法（2 项" in newer and ">“甲乙”机制</a>" not in newer
    assert "提到的做法（4 项" in older and '<a href="../practices/jiayi/">“甲乙”机制</a>' in older


def test_report_practices_page_follows_the_reports_sections(pages):
    page = pages[uris.report_practices("mini")]
    md = page.html
    assert [h.id for h in page.toc if h.level == 2] == ["p1", "p2"]
    part1 = md[md.index('id="p1"'):md.index('id="p2"')]
    assert ('<a href="../../practices/jingwang-zhizhi/">警网智治</a>（做法）：'
            '<a href="../../reports/mini/#s-') in part1
    review = pages[uris.report_practices("mini-review")]
    assert [h.id for h in review.toc if h.level == 2] == ["intro", "s1"]


def test_browse_index_groups_reports_by_unit_and_by_year(pages):
    page = pages[uris.browse]
    headings = [(h.level, h.title) for h in page.toc]
    split = headings.index((2, "按年度"))
    assert [t for lv, t in headings[:split] if lv == 3] == ["测试分局", "测试市局"]
    assert [t for lv, t in headings[split:] if lv == 3] == ["2023年", "2022年"]
    by_year = page.html.split('id="by-year"')[1]
    assert '<a href="mini-review/">2 项做法</a>' in by_year and '<a href="mini/">4 项做法</a>' in by_year


def test_untitled_report_says_its_title_is_the_editors(pages):
    assert "原文无标题行，标题为编者所加" in pages[uris.report("mini-review")].html
    assert "原文无标题行" not in pages[uris.report("mini")].html


def test_an_editors_own_title_is_shown_beside_the_reports_title_line(tmp_path):
    """A title unlike the first line is the editors' (no problem; the page shows both); a
    near-copy is a slip (tests/invalid/report-title-mismatch.yml)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", data)
    meta = data / "reports" / "mini.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("title: 测试报告标题", "title: 分局年度汇报"),
                    encoding="utf-8")
    corpus, problems = load_corpus(data, tmp_path)
    assert problems == []
    page = render_site(corpus)[uris.report("mini")]
    assert page.toc[0].title == "分局年度汇报" and "原文标题行：测试报告标题" in page.html
