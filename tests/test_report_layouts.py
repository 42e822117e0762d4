"""The parser on every report layout: fixture reports of invented text (tests/fixtures/reports/),
each with the section tree it must give, and the lines that must not become headings."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from practice_site.text.report import parse_report, split_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "reports"

# file -> (title, byline, outline: "id marker|heading" per section in reading order, closing)
EXPECTED = {
    "four-levels.txt": ("青山县公安局2023年工作总结", [], [
        "p1 一、|一、全力维护社会稳定",
        "p1-s1 (一)|(一)矛盾纠纷排查化解",
        "p1-s1-n1 1.|1.建立三级排查机制。",
        "p1-s1-n1-i1 一是|一是完善台账。",
        "p1-s1-n1-i2 二是|二是限时化解。",
        "p1-s1-n2 2.|2.推行“枫林调解室”。",
        "p1-s2 （二）|（二）重点人员服务管理",
        "p1-s2-n1 1.|1.落实“一人一档”。",
        "p2 二、|二、深入推进打击整治",
        "p2-s1 （一）|（一）电信网络诈骗打击",
        "p2-s1-n1 1、|1、开展“断卡”行动。",
        "p2-s1-n2 2、|2、推行预警劝阻“三步法”。",
        "p2-s2 （二）|（二）侵财犯罪打击",
    ], ["二〇二四年一月八日"]),
    "sections-only.txt": ("白河市公安局关于2023年度平安建设工作情况的报告", [], [
        "s1 （一）|（一）夯实基层基础",
        "s1-d1 第一|第一，明确创建标准，按照队伍、业务、保障三项打分。",
        "s1-d2 第二|第二，实行动态管理，每年复评一次。",
        "s2 （二）|（二）提升打击效能",
        "s2-n1 1、|1、建立合成作战中心。",
        "s2-n2 2、|2、深化“利剑”专项打击。",
        "s3 （三）|（三）优化政务服务",
    ], ["以上报告，请审议。", "白河市公安局", "2024年1月15日"]),
    "slogan-headings.txt": ("守护一方平安的西岭答卷",
                            ["——西岭区公安分局2023年工作回顾", "□本报记者 **  通讯员 **"], [
        "h1 |强基固本 守正创新 打造平安样板",
        "h1-e1 首先|首先，街巷长每周巡查辖区一遍。",
        "h1-e2 其次|其次，街巷长每月召开一次居民议事会。",
        "h1-e3 最后|最后，分局对街巷长履职情况按季考评。",
        "h2 |科技赋能 数据引领",
        "h3 |服务为先 温暖为民",
    ], ["（完）"]),
    "hard-wrapped.txt": ("东川区公安分局2023年工作报告", [], [
        "p1 一、|一、打击犯罪",
        "p1-h1 |守望相助 平安共建",
        "p2 二、|二、服务群众",
    ], []),
    "paren-numbers.txt": ("北河镇派出所2023年工作小结", [], [
        "p1 一、|一、治安防控",
        "p1-k1 （1）|（1）夜间巡逻。",
        "p1-k2 （2）|（2）重点部位守护。",
        "p1-k2-c1 ①|①学校门口设立护学岗。",
        "p1-k2-c2 ②|②集贸市场设立警务室。",
        "p2 二、|二、群众服务",
        "p2-k1 (1)|(1)上门办证。",
    ], ["特此报告。"]),
    "no-title.txt": ("", [], [
        "i1 一是|一是建立联勤机制:民警与网格员每周联合巡查.",
        "i2 二是|二是共享信息台账,做到一格一册。",
    ], ["记者 **"]),
}


def _parse(name: str):
    return parse_report((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_gives_the_reports_own_tree(name):
    title, byline, outline, closing = EXPECTED[name]
    r = _parse(name)
    assert r.title == title
    assert [s.text for s in r.byline] == byline
    assert [f"{s.id} {s.marker}|{s.heading}" for s in r.walk()] == outline
    assert [s.text for s in r.closing] == closing


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_layout_keeps_the_text_verbatim(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    r = _parse(name)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    assert "".join(s.text for s in r.sentences) == "".join(lines[1 if r.title else 0:])
    assert len({s.id for s in r.sentences}) == len(r.sentences)
    # Each sentence knows its innermost section, and the tree's levels are its depths.
    for sec in r.walk():
        assert all(s.section == sec.id for s in sec.sentences)
        assert sec.level == len(r.path(sec.id))


def test_levels_follow_the_order_a_report_first_uses_a_family():
    """（一） under 一、 in one report, at the top in another; 1. above （一） if used first."""
    assert _parse("four-levels.txt").section("p1-s1").level == 2
    assert _parse("sections-only.txt").section("s1").level == 1
    r = parse_report("标题\n1.甲项工作\n（一）乙。\n（二）丙。\n2.丁项工作\n（一）戊。\n")
    assert [(s.id, s.level) for s in r.walk()] == [("n1", 1), ("n1-s1", 2), ("n1-s2", 2),
                                                  ("n2", 1), ("n2-s1", 2)]


def test_list_markers_nest_below_headings_whatever_comes_first():
    r = parse_report("标题\n一是甲。二是乙。\n（一）丙\n正文。一是丁。\n")
    assert [s.id for s in r.walk()] == ["i1", "i2", "s1", "s1-i1"]


def test_short_body_lines_are_not_headings():
    r = _parse("slogan-headings.txt")
    h2 = r.section("h2")
    assert [s.text for s in h2.sentences[1:]] == [
        "分局建成视频巡控平台，接入公共视频****路。", "民警说：", "“群众的事没有小事。”"]
    assert not h2.children
    # 第一时间 is not 第一，; a lone 首先 is not a list.
    sections_only = _parse("sections-only.txt")
    assert "第一时间处置警情是基层所队的基本要求。" in [s.text for s in sections_only.section("s1-d2").sentences]
    assert sections_only.section("s3").children == ()


def test_labels_name_the_path_as_printed():
    r = _parse("four-levels.txt")
    assert r.label("p1-s1-n1-i2") == "一、(一)1.二是"
    assert _parse("sections-only.txt").label("s1-d2") == "（一）第二"
    assert _parse("slogan-headings.txt").label("h1-e2") == "强基固本 守正创新 打造平安样板 其次"
    assert r.label("") == "导语"


def test_sentences_in_a_section_include_its_descendants_only():
    r = _parse("four-levels.txt")
    inside = r.sentences_in("p1-s1-n1")
    assert inside[0].text == "1.建立三级排查机制。" and inside[-1].text.endswith("疑难纠纷由所领导包案。")
    assert all(s.section.startswith("p1-s1-n1") for s in inside)


def test_a_repeated_number_gets_its_own_id():
    r = parse_report("标题\n一、甲\n正文。\n一、乙\n正文二。\n")
    assert [s.id for s in r.sections] == ["p1", "p1-2"]
    assert r.path("p1-2") == (r.sections[1],)


@pytest.mark.parametrize("text, expected", [
    ("甲,乙;丙:丁.戊!己?庚", ["甲,乙;丙:丁.", "戊!", "己?", "庚"]),
    ("政务2.0受理。指数1.5倍.", ["政务2.0受理。", "指数1.5倍."]),
    ("他说“好。”然后(走了.)再见", ["他说“好。”", "然后(走了.)", "再见"]),
    ("“****.*.**”命名。", ["“****.*.**”命名。"]),
])
def test_half_width_punctuation_still_splits_sentences(text, expected):
    assert split_sentences(text) == expected


def test_a_title_on_two_lines_is_not_a_heading_above_the_parts():
    r = parse_report("东岗区公安分局\n2023年工作总结\n全年工作平稳。\n一、打击犯罪\n破案*起。\n二、服务群众\n办证*件。\n")
    assert r.title == "东岗区公安分局"
    assert [s.text for s in r.byline] == ["2023年工作总结"]
    assert [s.id for s in r.sections] == ["p1", "p2"]


# Pieces of every layout, joined at random: markers, headings, punctuation, line breaks.
ATOMS = ["一、", "二、", "十十、", "（一）", "(二)", "1.", "2、", "（3）", "4)", "①", "一是", "二是",
         "第一，", "第二,", "首先，", "其次，", "最后，", "强基固本 守正创新", "甲乙丙丁", "。", "！",
         "?", ".", "，", ",", "：", "“", "”", "\n", "\n", "\n", "  ", "□本报记者", "2023年1月5日",
         "汇报完毕。", "**", "１．", "0.", "第一时间"]


def test_any_mix_of_layouts_parses_verbatim_with_unique_ids():
    """Seeded, so a failure reproduces; the text printed by the assertion is the case."""
    rng = random.Random(10)
    for _ in range(3000):
        text = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 30)))
        if not text.strip():
            continue
        r = parse_report(text)
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        assert "".join(s.text for s in r.sentences) == "".join(lines[1 if r.title else 0:]), text
        sections = list(r.walk())
        assert len({s.id for s in sections}) == len(sections), text
        assert len({s.id for s in r.sentences}) == len(r.sentences), text
        assert all(s.sentences[0].text == s.heading for s in sections), text


def test_paragraphs_joined_on_one_line_still_open_their_sections():
    r = parse_report("标题\n一、甲项工作。正文。二、乙项工作。1、丙。2、丁。3、4月份办结*件。\n")
    assert [(s.id, s.heading) for s in r.walk()] == [
        ("p1", "一、甲项工作。"), ("p2", "二、乙项工作。"), ("p2-n1", "1、丙。"),
        ("p2-n2", "2、丁。")]
    assert r.section("p2-n2").sentences[-1].text == "3、4月份办结*件。"


def test_web_copy_bylines_and_sign_off():
    r = parse_report("标题行\n来源:某某公安\n2023-02-14 08:53\n记者说,巡逻队今年扩编。\n"
                     "（一）巡逻\n巡逻正文。\n(记者 **)\n")
    assert [s.text for s in r.byline] == ["来源:某某公安", "2023-02-14 08:53"]
    assert [s.text for s in r.intro] == ["记者说,巡逻队今年扩编。"]
    assert [s.text for s in r.closing] == ["(记者 **)"]


def test_a_title_on_two_lines_above_numbered_sections_of_any_family():
    r = parse_report("北坡县公安局\n2023年工作总结\n（一）巡逻防控\n巡逻正文。\n（二）案件侦办\n侦办正文。\n")
    assert [s.text for s in r.byline] == ["2023年工作总结"]
    assert [s.id for s in r.sections] == ["s1", "s2"]


def test_a_title_given_in_the_metadata_is_found_below_a_web_copys_masthead():
    text = "索引号: 0001/2023-01 公开方式: 主动公开\n来源:某市公安局\n某市公安局2023年工作情况\n全年平稳。\n一、打击\n破案。\n"
    r = parse_report(text, "某市公安局2023年工作情况")
    assert r.title == "某市公安局2023年工作情况"
    assert [s.text for s in r.byline] == ["索引号: 0001/2023-01 公开方式: 主动公开", "来源:某市公安局"]
    assert [s.id for s in r.sections] == ["p1"] and [s.text for s in r.intro] == ["全年平稳。"]
    # Without the metadata's title, the first line reads as the title.
    assert parse_report(text).title.startswith("索引号")
    # Text above the line is text, not a masthead: the line stays a heading.
    r = parse_report("全年平稳。\n强基固本 守正创新\n正文。\n", "强基固本 守正创新")
    assert r.title == "" and [s.id for s in r.sections] == ["h1"]


def test_a_hard_wrapped_copy_is_read_as_its_paragraphs():
    r = _parse("hard-wrapped.txt")
    assert [s.text for s in r.intro] == ["2023年，东川区公安分局坚持主动警务，全区治安形势平稳，群众安全感持续提升。",
                                         "现将主要工作报告如下："]
    assert r.section("p1").sentences[1].text.endswith("全年破获此类案件**起，追回车辆***辆。")
    assert r.section("p1").sentences[1].line == 6  # a paragraph is numbered by its first line


def test_a_bulleted_subheading_is_a_heading_a_bulleted_byline_is_not():
    r = parse_report("守护平安\n■本报记者 ** 通讯员 **\n导语正文。\n■科技赋能 打造智慧警务\n正文一。\n"
                     "【服务为先 温暖为民】\n正文二。\n■责编:**\n")
    assert [s.text for s in r.byline] == ["■本报记者 ** 通讯员 **"]
    assert [s.heading for s in r.sections] == ["■科技赋能 打造智慧警务", "【服务为先 温暖为民】"]
    assert [s.text for s in r.closing] == ["■责编:**"]


def test_chapters_and_other_ordinal_shapes():
    r = parse_report("标题\n第一部分 年度工作回顾\n一．打击\n其一，破案。其二，追逃。\n第二部分 来年打算\n二．服务\n正文。\n")
    assert [(s.id, s.marker) for s in r.walk()] == [
        ("b1", "第一部分"), ("b1-p1", "一．"), ("b1-p1-d1", "其一"), ("b1-p1-d2", "其二"),
        ("b2", "第二部分"), ("b2-p2", "二．")]


def test_a_first_line_the_metadata_names_is_the_title_whatever_its_shape():
    text = "守护平安，我们一直在路上！\n全年平稳。\n"
    assert parse_report(text).title == ""
    assert parse_report(text, "守护平安，我们一直在路上！").title == "守护平安，我们一直在路上！"
    # Spaces do not count: the title is the line as printed.
    assert parse_report("来源:某局\n强基固本　守正创新\n正文。\n", "强基固本 守正创新").title == "强基固本　守正创新"
