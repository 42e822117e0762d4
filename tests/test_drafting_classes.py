"""Issue 20's drafting classes on invented sentences, one rule a case: a quoted core with the
noun that makes it a name, formula names, set-up objects of verbs of doing, four-character
objects, verbs that belong to the name; and the look-alikes that must stay undrafted
(slogans, results, targets, honours, plans)."""
from __future__ import annotations

import pytest

from practice_site.drafting.candidates import find_candidates, in_plan, sentence_candidates
from practice_site.text.report import Sentence, parse_report


def judged(text: str, heading: bool = False) -> dict[str, str]:
    return {c.name: c.verdict for c in sentence_candidates(Sentence("s-000000", text, 1, "p1"), heading)}


def drafted(text: str, heading: bool = False) -> set[str]:
    return {n for n, v in judged(text, heading).items() if v == "draft"}


@pytest.mark.parametrize(("text", "name"), [
    # a quoted core followed by the noun that makes it a name
    ("推行“三查三改”工作法，排查场所**家。", "“三查三改”工作法"),
    ("组建“五进”工作专班，开展宣传**场次。", "“五进”工作专班"),
    ("构建“一中心多平台”服务体系。", "“一中心多平台”服务体系"),
    ("全面推行“平安+”警务模式。", "“平安+”警务模式"),
    ("成立“青春护航”志愿服务队，结对帮扶学生**名。", "“青春护航”志愿服务队"),
    ("持续擦亮“鹰眼识人”金名片。", "“鹰眼识人”金名片"),
    # formula names
    ("实行“3+N”巡防模式，巡逻***小时。", "“3+N”巡防模式"),
    ("落实“1+5+N”工作体系。", "“1+5+N”工作体系"),
    # unquoted objects of a verb of doing ending in something set up
    ("制定社区民警权责清单，明确职责**项。", "社区民警权责清单"),
    ("组建青年民警应急分队，开展演练**次。", "青年民警应急分队"),
    ("在园区建成园区警务驿站。", "园区警务驿站"),
    ("开通企业诉求服务平台。", "企业诉求服务平台"),
    # a four-character object that is not ordinary official prose
    ("深化助农增收，走访农户***户。", "助农增收"),
    # a verb that is part of the name
    ("严打电信网络诈骗犯罪，抓获嫌疑人**人。", "严打电信网络诈骗犯罪"),
    # an item of 以甲和乙为抓手 with a name of its own
    ("以廉洁警营建设和队伍教育整顿工作为抓手，严格督察。", "廉洁警营建设"),
])
def test_drafted(text, name):
    assert name in drafted(text)


@pytest.mark.parametrize(("text", "name", "verdict"), [
    ("坚持以人民为中心，守护一方平安。", "人民为中心", None),        # a slogan: framing, never a draft
    ("坚持“打早打小、露头就打”，侦破案件**起。", "“打早打小、露头就打”", "slogan"),
    ("建成“平安+”警务模式，小区实现全年“零发案”。", "“零发案”", "target"),
    ("交通事故下降**％，实现“零事故”目标。", "“零事故”", "target"),
    ("所里被评为“枫桥式公安派出所”。", "“枫桥式公安派出所”", "honour"),
    ("下一步，我们将推行“智慧社区”警务模式。", "“智慧社区”警务模式", "target"),
    ("计划组建“红袖标”巡逻队。", "“红袖标”巡逻队", "target"),
])
def test_not_drafted(text, name, verdict):
    got = judged(text)
    assert got.get(name, None) != "draft"
    if verdict:
        assert got[name] == verdict
    assert not any(v == "draft" and "人民" in n for n, v in got.items())


@pytest.mark.parametrize("text", [
    "深化打击整治，查处案件**起。",        # four characters of ordinary official prose
    "强化队伍管理。",
    "开展防范宣传。",
    "制定相关工作的清单。",                # 的: a description, not a name
    "严打整治违法犯罪。",                  # 严打 + ordinary prose: a heading's theme
    "推进基层治理现代化建设。",
    "送奖到岗、到家***人次。",              # 到岗: a verb's complement, not a name ending in 岗
])
def test_generic_objects_are_not_drafted(text):
    assert drafted(text) == set()


@pytest.mark.parametrize(("heading", "drafts"), [
    ("健全执法监督机制。", set()),               # ordinary words + a name ending: the section's subject
    ("一、执法制度体系建设", set()),
    ("建立“案件周评”机制", {"“案件周评”机制"}),   # a quoted core is a name anywhere
    ("建立督办督导工作机制", {"督办督导工作机制"}),
])
def test_a_heading_made_of_ordinary_words_is_a_subject(heading, drafts):
    assert drafted(heading, heading=True) == drafts


def test_a_title_heading_gives_no_lone_object_but_an_item_sentence_does():
    assert drafted("深化助农增收", heading=True) == set()
    report = parse_report("某局工作报告\n一、基层基础\n（1）组建青年民警应急分队，开展演练**次。\n"
                          "（2）深化助农增收，走访农户***户。\n")
    names = {c.name for c in find_candidates(report) if c.verdict == "draft"}
    assert {"青年民警应急分队", "助农增收"} <= names


def test_nothing_under_a_plan_heading_is_drafted():
    report = parse_report("某局工作报告\n一、主要工作\n推行“守望相助”工作法，化解纠纷**起。\n"
                          "二、下一步工作打算\n推广“邻里守望”工作法，覆盖全部行政村。\n")
    verdicts = {c.name: (c.verdict, c.reason) for c in find_candidates(report)}
    assert verdicts["“守望相助”工作法"] == ("draft", "")
    assert verdicts["“邻里守望”工作法"][0] == "target"
    assert "打算" in verdicts["“邻里守望”工作法"][1]


def test_a_named_programme_in_a_heading_is_not_a_plan():
    report = parse_report("某局工作报告\n一、实施“春雷”计划\n推行“守望相助”工作法，化解纠纷**起。\n")
    assert not any(in_plan(report, s) for s in report.sentences)
    assert "“守望相助”工作法" in {c.name for c in find_candidates(report) if c.verdict == "draft"}
