"""The candidate rules on invented sentences: what is drafted, and what each look-alike is."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from practice_site.drafting.candidate_rules import REASONS
from practice_site.drafting.candidates import sentence_candidates
from practice_site.drafting.plan import SUMMARY
from practice_site.text.report import Sentence

ROOT = Path(__file__).resolve().parent.parent


def judged(text: str, heading: bool = False) -> dict[str, str]:
    return {c.name: c.verdict for c in sentence_candidates(Sentence("s-000000", text, 1, "p1"), heading)}


@pytest.mark.parametrize(("text", "expect"), [
    # endings: the name starts after the last verb, adverb or function word
    ("深入开展打击整治赌博专项行动，查处案件*起。", {"打击整治赌博专项行动": "draft"}),
    ("建立健全警情回访工作机制。", {"警情回访工作机制": "draft"}),
    ("全面推进服务中心（窗口）建设。", {"服务中心（窗口）建设": "draft"}),
    # enumerations with a generic head; with a specific head the items are its objects
    ("甲乙联动、“丙丁”夜巡、打造戊己驿站等特色工作获得好评。",
     {"甲乙联动": "draft", "“丙丁”夜巡": "draft", "戊己驿站": "draft"}),
    ("开展学校、医院、商场等人员密集场所安全检查。", {"人员密集场所安全检查": "draft"}),
    # verb lists
    ("扎实开展“平安楼道”“放心集市”和“守望邻里”。",
     {"“平安楼道”": "draft", "“放心集市”": "draft", "“守望邻里”": "draft"}),
    ("推行\"掌上派出所\"服务,办理业务**件。", {"\"掌上派出所\"服务": "draft"}),
    ("现在楼下就有调解工作室。\"居民说。", {}),
    ("坚持问题导向，深化跨区警务协作。", {"跨区警务协作": "draft"}),
    ("开展防范宣传。", {}),
    # numbered formulas are names; look-alikes are judged
    ("落实“两巡一访”，确保辖区“零发案”。", {"“两巡一访”": "draft", "“零发案”": "target"}),
    ("坚持“严打严防、露头就打”。", {"“严打严防、露头就打”": "slogan"}),
    ("派出所被评为“优秀基层单位”。", {"“优秀基层单位”": "honour"}),
    ("以“平安创建”为主线，夯实基础。", {"“平安创建”": "framing"}),
    ("以“平安创建”活动为抓手，夯实基础。", {"“平安创建”活动": "draft"}),
    ("下一步，将全面推行“智慧巡逻”。", {"“智慧巡逻”": "target"}),
    ("今年要组建“银发”巡逻队。", {"“银发”巡逻队": "target"}),
    ("强化疫情防控各项措施。", {"疫情防控各项措施": "not-a-measure"}),
])
def test_candidate_rules(text, expect):
    assert judged(text) == expect


def test_a_heading_gives_no_lone_object():
    assert judged("（一）深化跨区警务协作。", heading=True) == {}
    assert judged("深化跨区警务协作。") == {"跨区警务协作": "draft"}


def test_reasons_and_summary_use_no_attribution_words():
    """Reasons go to coverage.yml and the summary to every draft: the build refuses attribution
    words there unless the report's sentence says them, so they may hold none."""
    groups = yaml.safe_load((ROOT / "data" / "attribution.yml").read_text(encoding="utf-8"))
    words = [w for g in groups.values() for w in g["words"]]
    for text in [*REASONS.values(), SUMMARY]:
        assert not [w for w in words if w in text], text
