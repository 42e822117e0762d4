"""The report parser on invented text; the real report's structure is checked in tests/test_content.py."""
from practice_site.text.report import cn_number, parse_report, split_sentences


def test_cn_number():
    assert [cn_number(x) for x in ("一", "九", "十", "十二", "二十三")] == [1, 9, 10, 12, 23]


def test_split_keeps_closing_quotes_with_the_sentence():
    assert split_sentences("一是疫情防控“零延误”。坚持“外防输入、内防反弹”，高效运行。") == [
        "一是疫情防控“零延误”。", "坚持“外防输入、内防反弹”，高效运行。"]


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
