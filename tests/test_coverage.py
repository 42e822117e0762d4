"""Coverage of the reports: the real data has nothing unclassified; the extraction rule; the
skip list's own checks."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from practice_site.coverage import classify, clauses, measure_ends, quoted_terms, unused_skips
from practice_site.load import load_corpus


def run_coverage(data=ROOT / "data"):
    return subprocess.run([sys.executable, str(ROOT / "scripts/build.py"), "--data", str(data), "coverage"],
                          capture_output=True, text=True, cwd=ROOT)


def test_real_reports_have_nothing_unclassified():
    proc = run_coverage()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert "UNCLASSIFIED" not in proc.stdout
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.endswith("0 unclassified; 0 stale skip(s)"), summary


def test_every_skip_has_a_reason_and_every_campaign_and_honour_term_is_somewhere(real_corpus):
    corpus = real_corpus
    statuses = classify(corpus)
    assert unused_skips(corpus, statuses) == []
    assert all(len(k.reason) >= 8 for k in corpus.skipped)
    # The famous names of the report are pages, not skipped.
    on_page = {s.occurrence.term for s in statuses if s.status == "record"}
    for term in ("“项目警官制”", "“两队一室”", "“一标三实”", "“租安心”", "“三鹰”", "“警网融合”"):
        assert term in on_page


def _copy_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def test_unclassified_term_fails_the_command(tmp_path):
    data = _copy_data(tmp_path)
    cov = data / "coverage.yml"
    text = cov.read_text(encoding="utf-8")
    entry = "- term: 四项抽测\n"
    assert entry in text
    start = text.index(entry)
    end = text.index("\n- term:", start + 1) + 1
    cov.write_text(text[:start] + text[end:], encoding="utf-8")
    proc = run_coverage(data)
    assert proc.returncode == 1
    assert "  quoted  “四项抽测”  (s-312a8c)  UNCLASSIFIED" in proc.stdout


def test_stale_skip_fails_the_command(tmp_path):
    data = _copy_data(tmp_path)
    # 两队一室 is a page's name; a skip entry for a term that is also a page is refused by the
    # loader, so make a stale one differently: a term whose every occurrence is on a page.
    with (data / "coverage.yml").open("a", encoding="utf-8") as f:
        f.write("- term: 雏鹰人才\n  category: sub-point\n  reason: 只为测试：此项不对应任何出现。\n"
                "  see: [sanying-rencai]\n")
    proc = run_coverage(data)
    assert proc.returncode == 1
    assert "'雏鹰人才' classifies nothing in the reports; remove the entry" in proc.stderr


@pytest.mark.parametrize("entry, message", [
    ("- term: 不存在的提法\n  category: slogan\n  reason: 测试用的理由文字。\n",
     "[59].term: '不存在的提法' does not occur in any report (quotation marks ignored)"),
    ("- term: 两队一室\n  category: slogan\n  reason: 测试用的理由文字。\n",
     "[59].term: '两队一室' is a name of practice 'liangdui-yishi'; a term is either a page or skipped, not both"),
    ("- term: “一千双百”\n  category: target\n  reason: 测试用的理由文字。\n",
     "[59].term: write the term without “ ” or 《 》"),
    ("- term: 一千双百\n  category: target\n  reason: 测试用的理由文字。\n",
     "[59].term: '一千双百' is listed twice (first on line"),
    ("- term: 高见警率\n  category: mistake\n  reason: 测试用的理由文字。\n",
     "[59].category: unknown category 'mistake'; categories: slogan, target"),
    ("- term: 高见警率\n  category: sub-point\n  reason: 测试用的理由文字。\n",
     "[59].see: a sub-point needs 'see'"),
    ("- term: 高见警率\n  category: slogan\n  reason: 巡逻防控带动了这一结果。\n",
     "[59].reason: '带动' claims a cause (one thing brought about the other), but the report sentence"),
    ("- term: 高见警率\n  category: sub-point\n  reason: 测试用的理由文字。\n  see: [no-such-page]\n",
     "[59].see[0]: no practice with id 'no-such-page' (no data/practices/no-such-page.yml)"),
])
def test_coverage_file_problems(tmp_path, entry, message):
    data = _copy_data(tmp_path)
    # The appended entry's index: the file's entry count (59 when these cases were written).
    n = sum(line.startswith("- term:") for line in (data / "coverage.yml").read_text(encoding="utf-8").splitlines())
    message = message.replace("[59]", f"[{n}]")
    with (data / "coverage.yml").open("a", encoding="utf-8") as f:
        f.write(entry)
    _, problems = load_corpus(data, tmp_path)
    shown = [str(p) for p in problems]
    assert any(s.startswith("data/coverage.yml:") and message in s for s in shown), shown


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
