"""Coverage of the reports: the extraction rule and the command on the fixture corpus (the real
data's coverage: tests/test_content.py). (The skip list's own messages are tests/invalid/coverage-*.yml.)"""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from practice_site.link.coverage import clauses, measure_ends, quoted_terms


def run_coverage(data=ROOT / "data"):
    return subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(data), "coverage"],
                          capture_output=True, text=True, cwd=ROOT)


FIXTURE = ROOT / "tests" / "fixtures" / "corpus"
SKIPS = ("- term: 零发生\n  category: target\n  reason: 测试用的目标表述。\n"
         "- term: 周末办\n  category: slogan\n  reason: 测试用的口号表述。\n"
         "- term: 服务重点项目\n  category: not-a-measure\n  reason: 测试用：句式像措施。\n"
         "- term: 由5名民警认领5个项目\n  category: not-a-measure\n  reason: 测试用：句式像措施。\n")


def _fixture(tmp_path, coverage=None):
    """A copy of the fixture corpus (code tests never depend on the real data's entries)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    if coverage is not None:
        (data / "coverage.yml").write_text(coverage, encoding="utf-8")
    return data


def test_fixture_with_its_skips_is_fully_classified(tmp_path):
    proc = run_coverage(_fixture(tmp_path, SKIPS))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1].endswith(
        "处有意跳过，0 处未归类；0 条跳过已过时"), proc.stdout


def test_unclassified_term_fails_the_command(tmp_path):
    proc = run_coverage(_fixture(tmp_path, SKIPS.split("- term: 由5名")[0]))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()  # exactly, in Chinese: the report, then its unclassified first
    assert lines[0].endswith("data/reports/mini.txt") and lines[1] == (
        "  措施名称 由5名民警认领5个项目  (s-3ec8de)  未归类：为它建页面（名称或别名），或把它列入 "
        "data/coverage.yml")
    assert proc.stdout.splitlines()[-1] == "共 7 处：3 处有页面，3 处有意跳过，1 处未归类；0 条跳过已过时"


def test_stale_skip_fails_the_command(tmp_path):
    # 甲乙 is quoted only where a page's name (“甲乙”机制) already covers it: the entry
    # classifies nothing.
    stale = "- term: 甲乙\n  category: sub-point\n  reason: 只为测试：此项不对应任何出现。\n  see: [jiayi]\n"
    proc = run_coverage(_fixture(tmp_path, SKIPS + stale))
    assert proc.returncode == 1
    line = SKIPS.count("\n") + 1  # the stale entry's first line
    assert f"data/coverage.yml:{line}: term: 「甲乙」在报告中没有对应任何出现；删去这一条" in proc.stderr


def test_quoted_terms_keep_marks_and_find_titles():
    text = "深入推进“镇村除险保安”专项行动，《灯塔工程——团圆行动急先锋》项目参展。"
    assert [text[a:b] for a, b in quoted_terms(text)] == ["“镇村除险保安”", "《灯塔工程——团圆行动急先锋》"]


def test_clauses_do_not_split_inside_quotes_or_brackets():
    text = "创新“接、处、调、督、管”工作闭环机制，推进（甲，乙）建设。"
    assert [text[a:b] for a, b in clauses(text)] == ["创新“接、处、调、督、管”工作闭环机制", "推进（甲，乙）建设"]


@pytest.mark.parametrize("text, expected", [
    # A suffix at the clause end; a tail (建设, 任务, …) may follow.
    ("持续推进巡逻防控体系建设，保持高见警率。", ["持续推进巡逻防控体系建设"]),
    ("联合承担省市公共视频建设一体化改革试点任务，建成小区。", ["联合承担省市公共视频建设一体化改革试点任务"]),
    # Followed by a mask or a function character: still a name.
    ("开展送教上门活动**场次。", ["开展送教上门活动"]),
    ("健全战时表彰激励、关爱慰问机制和制度。", ["健全战时表彰激励、关爱慰问机制", "健全战时表彰激励、关爱慰问机制和制度"]),
    # Inside a word (积分制服务, 法制员) or inside quotes: not a name of its own.
    ("优化积分制服务管理。", []),
    ("落实专兼职法制员。", []),
    ("落实“项目警官制”。", []),
    # Only a generic head after a quoted term: the quoted term stands for it.
    ("坚持“第一议题”制度。", []),
    ("创新开展“振警心提士气”“暖警家访”等活动。", []),
    ("深入推进“镇村除险保安”专项行动。", []),
    # A head of its own after the quote is a measure: 工作闭环机制.
    ("创新“接、处、调、督、管”工作闭环机制。", ["创新“接、处、调、督、管”工作闭环机制"]),
])
def test_named_measures(text, expected):
    starts = {e: a for a, b in clauses(text) for e in range(a, b + 1)}
    assert [text[starts[e]:e] for e in measure_ends(text)] == expected
