"""Issue 22: the summary style warning, the name rule, the listing rule and the glossary's
报告原文释义 rule, on invented records (the fixture corpus with one edit each); quotation marks
nested and printed addresses public or none."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE
from practice_site.corpus.glossary import not_a_definition
from practice_site.corpus.load import load_corpus
from practice_site.corpus.practices import summary_style
from practice_site.render.site import render_site
from practice_site.render.urls import public_address, public_site_url
from practice_site.text.terms import in_quotes


def _load(tmp_path: Path, rel: str, old: str, new: str):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_corpus(data, tmp_path)


@pytest.mark.parametrize("summary", [
    "持续深化的“甲乙”工作；报告同句写到化解率**％。",      # verbless 的-fragment before ；
    "全面实施的甲乙机制；化解纠纷。",
    "创新“甲乙”机制，报告在同一句中写化解纠纷*****起。",    # the working note
    "报告在同一句中与警网融合并列写出。",
])
def test_a_summary_in_an_editors_working_style_is_warned(tmp_path, summary):
    corpus, problems = _load(tmp_path, "practices/jiayi.yml", "summary: 测试用的*化解*机制。",
                             f"summary: {summary}")
    assert problems == []  # told, not refused: the page is still built
    assert [str(w) for w in corpus.warnings] == [
        f"data/practices/jiayi.yml:7: summary: {summary_style(summary)}"]
    assert "jiayi" in corpus.practices


def test_the_warning_names_the_fragment_with_nested_quotes():
    assert summary_style("持续深化的“甲乙”工作；其余。") == (
        "概述以不成句的“……的……”短语开头（“持续深化的‘甲乙’工作；”）：请改写成一两句完整的话，"
        "说明报告所写的这项做法是什么、做了什么，需要时用短句限定（如“与……同句写出”）")
    assert summary_style("报告在同一句中写甲。").startswith("概述写了编辑笔记式的“报告在同一句中……”")


@pytest.mark.parametrize("summary", [
    "创新“甲乙”机制，化解纠纷；报告同句写到化解率**％。",  # a clause before ；: a sentence
    "创新“甲乙”机制；报告未说明其各环节。",                  # no 的 before ；
    "以甲为抓手的做法，报告未展开。",                        # no ； at all
    "测试用的*化解*机制。",
])
def test_a_plain_summary_is_not_warned(tmp_path, summary):
    assert summary_style(summary) is None
    corpus, problems = _load(tmp_path, "practices/jiayi.yml", "summary: 测试用的*化解*机制。",
                             f"summary: {summary}")
    assert problems == [] and corpus.warnings == ()


def test_an_editorial_name_is_accepted_when_marked(tmp_path):
    corpus, problems = _load(tmp_path, "practices/jiayi.yml", "name: “甲乙”机制\n",
                             "name: 甲乙纠纷化解机制\nname_editorial: true\n")
    assert problems == []
    assert corpus.practices["jiayi"].name_editorial


def test_name_editorial_must_be_true_or_false(tmp_path):
    _, problems = _load(tmp_path, "practices/jiayi.yml", "name: “甲乙”机制\n",
                        "name: “甲乙”机制\nname_editorial: 是\n")
    assert [str(p) for p in problems] == [
        "data/practices/jiayi.yml:3: name_editorial: 这里应是 true 或 false，却是「是」"]


def test_listed_with_inside_one_item_is_accepted(tmp_path):
    # 警网融合 and 警网智治 share 一、二是 (and one sentence): side by side.
    corpus, problems = _load(tmp_path, "practices/jingwang-zhizhi.yml",
                             "    relation: builds-on\n    quote: \"推进警网融合与警网智治\"\n",
                             "    relation: listed-with\n")
    assert problems == []
    assert corpus.practices["jingwang-zhizhi"].related[0].kind == "listed-with"


@pytest.mark.parametrize("quote, meaning, why", [
    ("“两队一室”（社区警务队、案件办理队、综合指挥室）", "社区警务队、案件办理队、综合指挥室", ""),
    ("推动派出所综合指挥室、乡镇（街道）综合信息指挥室“两室联通”",
     "派出所综合指挥室与乡镇（街道）综合信息指挥室联通", ""),
    ("扎实做好两队一室办理工作，高效落办甲、乙", "甲、乙", "跨了不止一个分句"),
    ("“两队一室”（甲、乙）", "丙丁戊己庚", "不是 quote 中的原话"),
    ("社区警务队、案件办理队", "社区警务队、案件办理队", "没有这个术语"),
])
def test_report_meanings_only_where_the_report_defines_the_term(quote, meaning, why):
    got = not_a_definition(quote, ("两队一室", "两室联通"), meaning)
    assert (why in got) if why else got == ""


def test_quoted_names_nest_as_chinese_typography_wants():
    assert in_quotes("“三鹰”人才培育") == "“‘三鹰’人才培育”"
    assert in_quotes("租安心") == "“租安心”"
    assert in_quotes("甲‘乙’丙") == "“甲“乙”丙”"


@pytest.mark.parametrize("configured, shown", [
    ("", ""), ("http://127.0.0.1:8000/", ""), ("http://localhost:8000/", ""), ("http://[::1]:8000/", ""),
    ("http://0.0.0.0:8000/", ""), ("https://zhishiku.example.gov.cn", "https://zhishiku.example.gov.cn/"),
    ("http://10.2.3.4/zsk/", "http://10.2.3.4/zsk/"),  # an intranet server is a public address here
])
def test_printed_addresses_are_public_or_none(configured, shown):
    assert public_site_url(configured) == shown
    assert public_address(configured, "practices/zu-anxin/") == shown + "practices/zu-anxin/"


def test_pages_never_print_a_local_address():
    corpus, problems = load_corpus(FIXTURE)
    assert problems == []
    for site_url in ("http://127.0.0.1:8000/", "https://zhishiku.example.gov.cn/"):
        pages = render_site(corpus, site_url=site_url)
        text = pages["collections/peixun.md"].html + pages["practices/jiayi.md"].html
        assert "127.0.0.1" not in text
        if "example" in site_url:
            assert "<code>https://zhishiku.example.gov.cn/practices/jiayi/</code>" in text
            assert "<code>https://zhishiku.example.gov.cn/collections/peixun/</code>" in text
            assert "转引自“‘甲乙’机制”，https://zhishiku.example.gov.cn/practices/jiayi/" in text


def test_an_editorial_name_is_noted_on_its_page(tmp_path):
    corpus, problems = _load(tmp_path, "practices/jiayi.yml", "name: “甲乙”机制\n",
                             "name: 甲乙纠纷化解机制\nname_editorial: true\n")
    assert problems == []
    pages = render_site(corpus)
    assert "名称为编者所拟（报告未以此为名）" in pages["practices/jiayi.md"].html
    assert sum("名称为编者所拟" in p.html for p in pages.values()) == 1


def test_quotes_nest_in_the_text_of_html_never_in_its_attributes():
    from markupsafe import Markup

    from practice_site.render.page import quoted
    assert quoted("“三鹰”人才培育") == "“‘三鹰’人才培育”"
    assert quoted("<b>") == "“&lt;b&gt;”"  # plain text is escaped
    # An auto-linked sentence: the link's text nests, its tooltip (another record's words) stays.
    assert quoted(Markup('推进<a href="x/" title="“甲乙”机制">“甲乙”</a>工作')) == (
        '“推进<a href="x/" title="“甲乙”机制">‘甲乙’</a>工作”')
