from conftest import ROOT
from practice_site.text.report import cn_number, parse_report, split_sentences

REPORT = ROOT / "data/reports/2022-district-police-work-summary.txt"


def test_cn_number():
    assert [cn_number(x) for x in ("一", "九", "十", "十二", "二十三")] == [1, 9, 10, 12, 23]


def test_split_keeps_closing_quotes_with_the_sentence():
    assert split_sentences("一是疫情防控“零延误”。坚持“外防输入、内防反弹”，高效运行。") == [
        "一是疫情防控“零延误”。", "坚持“外防输入、内防反弹”，高效运行。"]


def test_real_report_structure():
    r = parse_report(REPORT.read_text(encoding="utf-8"))
    assert r.title == "在全市公安工作总结大会上的汇报发言"
    assert [p.id for p in r.sections] == ["p1", "p2", "p3", "p4", "p5"]
    assert [len(p.children) for p in r.sections] == [3, 3, 3, 4, 4]
    assert r.sections[3].children[3].heading == "四是“拳头”项目初见成果。"
    assert r.label("p4-i4") == "四、四是"
    assert r.intro[0].text.startswith("尊敬的**局长")
    assert [s.text for s in r.closing] == ["汇报完毕，请各位领导指正。"]
    # Verbatim: the sentences put back together are the report's body, masks included.
    body = "".join(s.text for s in r.sentences)
    assert body == "".join(REPORT.read_text(encoding="utf-8").split("\n")[1:])
    assert "共排查化解矛盾纠纷*****起，化解率**％" in body
    assert len({s.id for s in r.sentences}) == len(r.sentences)


def test_sentence_ids_do_not_shift_when_other_text_changes():
    text = REPORT.read_text(encoding="utf-8")
    before = {s.text: s.id for s in parse_report(text).sentences}
    edited = text.replace("一是疫情防控“零延误”。", "一是疫情防控“零延误”。新增加的一句话。")
    after = {s.text: s.id for s in parse_report(edited).sentences}
    assert all(after[t] == sid for t, sid in before.items())
    assert len(after) == len(before) + 1


def test_repeated_sentence_gets_a_suffix():
    r = parse_report("标题\n一、甲。一是乙。同。二是丙。同。\n")
    ids = [s.id for s in r.sentences if s.text == "同。"]
    assert ids[1] == ids[0] + "-2"


def test_an_item_line_of_its_own_continues_the_part_above():
    """A line that starts with 二是 belongs to the part before it, not to the closing text."""
    r = parse_report("标题\n一、甲部分。一是乙。\n二是丙。丁。\n汇报完毕。\n")
    assert [c.id for c in r.sections[0].children] == ["p1-i1", "p1-i2"]
    assert [s.text for s in r.sections[0].children[1].sentences] == ["二是丙。", "丁。"]
    assert [s.text for s in r.closing] == ["汇报完毕。"]
    assert r.sentence(r.sections[0].children[1].sentences[1].id).section == "p1-i2"
