"""Fidelity: an outcome figure must stand whole in its sentence and quote; an alias must be a
name the report uses."""
import shutil

import pytest

from conftest import ROOT
from practice_site.figures import whole_figure_at
from practice_site.load import load_corpus


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
])
def test_whole_figure(figure, text, found):
    assert (whole_figure_at(figure, text) >= 0) is found


def _data_with(tmp_path, practice: str, old: str, new: str):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "practices" / f"{practice}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_corpus(data, tmp_path)[1]


def test_figure_inside_a_longer_mask_is_an_error(tmp_path):
    # '**人' is a substring of '***人', but the sentence has no '**人' of its own.
    problems = _data_with(tmp_path, "dianzha-daji", 'figure: "嫌疑人***人"', 'figure: "**人"')
    assert [str(p) for p in problems] == [
        "data/practices/dianzha-daji.yml:12: outcomes[0].figure: figure '**人' occurs in the "
        "cited sentence only as part of a longer figure; copy the whole figure, masks included"]


def test_figure_outside_its_quote_is_an_error(tmp_path):
    problems = _data_with(tmp_path, "dianzha-daji", 'quote: "移送起诉***人"', 'quote: "移送起诉"')
    assert [str(p) for p in problems] == [
        "data/practices/dianzha-daji.yml:15: outcomes[1].figure: figure '移送起诉***人' is not in "
        "the quoted phrase '移送起诉'; quote the words around the figure, so that the reader sees "
        "what it counts"]


def test_alias_the_report_never_uses_is_an_error(tmp_path):
    problems = _data_with(tmp_path, "zu-anxin", "aliases: [“租安心”场景应用]",
                          "aliases: [“租安心”场景应用, 租房安心]")
    assert [str(p) for p in problems] == [
        "data/practices/zu-anxin.yml:3: aliases[1]: '租房安心' does not occur in any report "
        "(quotation marks ignored); an alias is another name the report uses"]


def test_alias_without_the_reports_quotation_marks_is_accepted(tmp_path):
    # The report writes “零门槛”落户政策; 零门槛落户 is the same words without the marks.
    assert _data_with(tmp_path, "lingmenkan-luohu", "aliases: [零门槛落户]",
                      "aliases: [零门槛落户, 零门槛落户政策]") == []


def test_a_broken_record_is_not_reported_again_by_the_lists_that_name_it(tmp_path):
    problems = _data_with(tmp_path, "zu-anxin", "kind: project", "kind: nonsense")
    assert [p.path for p in problems] == ["data/practices/zu-anxin.yml"]
