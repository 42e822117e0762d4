"""The rules behind the editor's messages, on values the invalid cases do not reach."""
from conftest import ROOT
from practice_site.corpus.hints import did_you_mean, quote_not_found, unknown
from practice_site.corpus.load import load_corpus
from practice_site.text.terms import name_key

FIXTURE = ROOT / "tests" / "fixtures" / "corpus"


def test_names_are_one_when_only_marks_spacing_or_width_differ():
    assert name_key("“租安心”") == name_key("租安心") == name_key("租 安心") == name_key("租\u200b安心")
    assert name_key("１＋３＋Ｎ") == name_key("1+3+N")
    assert name_key("租安心") != name_key("租房安心")


def test_did_you_mean_only_when_close():
    assert did_you_mean("pinan", ["fuwu", "pingan"]) == "pingan"
    assert did_you_mean("xyz", ["fuwu", "pingan"]) is None
    assert unknown("主题", "xyz", ["pingan", "fuwu"]) == "没有主题「xyz」；可用的主题：fuwu, pingan"
    assert unknown("主题", "pinan", ["pingan", "fuwu"]) == "没有主题「pinan」；是不是想写「pingan」？"


def test_a_phrase_sharing_nothing_with_the_reports_says_so():
    corpus, _ = load_corpus(FIXTURE)
    assert quote_not_found(corpus.quotes, "ABC") == (
        "引文「ABC」在任何一份报告中找不到；没有哪个句子与它的开头两个字或末尾两个字相同；"
        "请从报告中原样复制")


def test_a_phrase_of_another_report_is_compared_with_the_named_report_only():
    corpus, _ = load_corpus(FIXTURE)
    assert "在报告「mini」中找不到" in quote_not_found(corpus.quotes, "推进警网智能治理", "mini")
    assert quote_not_found(corpus.quotes, "推进警网融合", "other").endswith(
        "没有哪个句子与它的开头两个字或末尾两个字相同；请从报告中原样复制")


def test_a_changed_character_is_found_from_the_common_end_too():
    """Here the phrase shares more with the sentence's end than its start: aligned on the end,
    the first character that differs is still named, not the last."""
    corpus, _ = load_corpus(FIXTURE)
    assert quote_not_found(corpus.quotes, "推进警网结合与警网智治").endswith(
        "引文第 5 个字是「结」，报告原文此处是「融」；请从报告中原样复制")
