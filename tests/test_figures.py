"""Fidelity: an outcome figure must stand whole in its sentence and quote; an alias must be a
name the report uses. On the fixture corpus: editing the real records never breaks these."""
import shutil

import pytest

from conftest import ROOT
from practice_site.corpus.load import load_corpus
from practice_site.text.figures import whole_figure_at


@pytest.mark.parametrize("figure, text, found", [
    ("*起", "查处案件**起", False),            # the tail of a longer mask
    ("*起", "查处案件*起，抓获**人", True),
    ("**人", "抓获***人", False),
    ("5人", "抓获15人", False),                 # the tail of a longer number
    ("5人", "抓获5人", True),
    ("1", "同比下降1.5％", False),             # the head of a decimal
    ("55名", "由55名民警认领55个", True),
    ("化解率**％", "共排查化解矛盾纠纷*****起，化解率**％", True),
    ("“零发生”", "实现涉酒问题“零发生”", True),  # not a number: a plain occurrence is enough
    ("*起", "侦办案件**起、*起", True),         # the second occurrence stands whole
    ("***家", "全年检查场所***家次", False),     # the head of a longer unit
    ("***家次", "全年检查场所***家次", True),
    ("**人", "慰问**人次，帮扶**人", True),       # the second occurrence stands whole
    ("**人", "走访群众**人民警察", True),         # 人民 is not a unit
])
def test_whole_figure(figure, text, found):
    assert (whole_figure_at(figure, text) >= 0) is found


FIXTURE = ROOT / "tests" / "fixtures" / "corpus"
# The messages for a figure inside a longer mask, a figure outside its quote and an alias the
# report never uses are tests/invalid/figure-inside-longer-mask.yml, figure-outside-quote.yml
# and alias-not-in-report.yml.


def _fixture_with(tmp_path, practice: str, old: str, new: str):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "practices" / f"{practice}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_corpus(data, tmp_path)


def test_alias_without_the_reports_quotation_marks_is_accepted(tmp_path):
    # The report writes “甲乙”机制; 甲乙机制 is the same words without the marks.
    corpus, problems = _fixture_with(tmp_path, "jiayi", "aliases: [甲乙机制]", "aliases: [甲乙机制, 甲乙]")
    assert problems == []
    assert corpus.practices["jiayi"].aliases == ("甲乙机制", "甲乙")


def test_a_broken_record_is_not_reported_again_by_the_records_that_name_it(tmp_path):
    # jiayi and jingwang-zhizhi both relate to jingwang-ronghe: its own problem is enough.
    _, problems = _fixture_with(tmp_path, "jingwang-ronghe", "kind: mechanism", "kind: nonsense")
    assert [p.path for p in problems] == ["data/practices/jingwang-ronghe.yml"]
