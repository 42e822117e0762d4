"""Issue 20's editor's trial, repeated on the invented report tests/fixtures/reports/part-items.txt
(title, slogan line, 第一部分…, ``1.`` and ``（1）`` items, masked figures): no marker in a 做法要点,
no plan as a measure, figures whole with their unit, outcomes from the item's sentences, no
theme created without being proposed, a placeholder cannot be published; and the rules behind
them (check on figures and placeholders, links to drafts named, skips scoped to their report)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from practice_site import cli
from practice_site.corpus.load import load_corpus
from practice_site.drafting.candidate_rules import MARKER
from practice_site.link.coverage import classify
from practice_site.text.figures import whole_figure_at

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "corpus"
REPORT = HERE / "fixtures" / "reports" / "part-items.txt"
TITLE = "某县公安局2023年工作情况报告"
THEME = "duiwu:\n  name: 队伍建设\n  description: 队伍建设方面的做法。\n  parts: []\n"


def add(data: Path, file: Path, rid: str, title: str = TITLE) -> int:
    return cli.main(["--data", str(data), "add-report", str(file), "--id", rid, "--title", title,
                     "--unit", "某县公安局", "--year", "2023"])


@pytest.fixture(scope="module")
def trial(tmp_path_factory) -> tuple[Path, dict[str, dict], str]:
    data = tmp_path_factory.mktemp("trial") / "data"
    shutil.copytree(FIXTURE, data)
    with (data / "themes.yml").open("a", encoding="utf-8") as f:
        f.write(THEME)
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert add(data, REPORT, "part-items") == 0
    drafts = {}
    for p in sorted((data / "practices").glob("*.yml")):
        record = yaml.safe_load(p.read_text(encoding="utf-8"))
        if record.get("status") == "draft":
            drafts[record["name"]] = record
    return data, drafts, out.getvalue()


def test_no_marker_in_a_quoted_point(trial):
    _, drafts, _ = trial
    quotes = [q for d in drafts.values() for q in d["how"]]
    quotes += [o[k] for d in drafts.values() for o in d["outcomes"] for k in ("quote", "measures")]
    assert quotes and not [q for q in quotes if re.match(MARKER, q)]
    assert drafts["“三查三改”工作法"]["how"] == ["推行“三查三改”工作法"]


def test_no_plan_and_no_slogan_result_or_target_is_drafted(trial):
    _, drafts, _ = trial
    names = " ".join(drafts)
    for word in ("邻里守望", "智慧社区", "红袖标", "人民", "零发案", "零事故", "打早打小"):
        assert word not in names
    plan = REPORT.read_text(encoding="utf-8").split("第二部分")[1]
    quoted = [q for d in drafts.values() for q in d["how"] + [o["quote"] for o in d["outcomes"]]]
    assert not [q for q in quoted if q in plan]


def test_figures_are_whole_and_outcomes_come_from_the_item(trial):
    _, drafts, _ = trial
    sancha = drafts["“三查三改”工作法"]["outcomes"]
    # ***家次 whole; **处 is in the next sentence of the same item
    assert [o["figure"] for o in sancha] == ["***家次", "**处"]
    for d in drafts.values():
        for o in d["outcomes"]:
            assert whole_figure_at(o["figure"], o["quote"]) >= 0, o
    # the next item names another initiative: its figures are not taken
    assert [o["figure"] for o in drafts["“五进”工作专班"]["outcomes"]] == ["**场次"]


def test_themes_are_matched_or_proposed_never_from_a_generic_heading(trial):
    data, drafts, out = trial
    assert drafts["青年民警应急分队"]["theme"] == "duiwu"  # 4.队伍建设情况 -> the existing 队伍建设
    assert drafts["“青春护航”志愿服务队"]["theme"] == "duiwu"
    themes = yaml.safe_load((data / "themes.yml").read_text(encoding="utf-8"))
    new = set(themes) - {"pingan", "fuwu", "duiwu"}
    assert not [t for t in themes.values() if "主要工作" in t["name"] or "情况" in t["name"]]
    assert not [t for t in themes.values() if t["name"] == "队伍建设" and t is not themes["duiwu"]]
    assert "提议的新主题" in out
    for tid in new:  # every new theme is printed for the editor
        assert f"  {tid}  {themes[tid]['name']}" in out


def publish(data: Path, name: str, edit=lambda t: t) -> Path:
    path = next(p for p in (data / "practices").glob("*.yml")
                if f'name: "{name}"' in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    path.write_text(edit(text.replace('status: "draft"\n', "")), encoding="utf-8")
    return path


def test_a_placeholder_cannot_be_published(trial, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(trial[0], data)
    path = publish(data, "青年民警应急分队")
    _, problems = load_corpus(data, tmp_path)
    line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if ln.startswith("summary:"))
    assert [(p.path, p.line, p.field) for p in problems] == [(f"data/practices/{path.name}", line, "summary")]
    assert "草稿占位文字" in problems[0].message
    path.write_text(path.read_text(encoding="utf-8").replace(
        "（草稿）概述待编辑依据报告原文撰写。", "组建青年民警应急分队，开展实战演练。"), encoding="utf-8")
    assert load_corpus(data, tmp_path)[1] == []


def test_check_refuses_the_head_of_a_longer_figure(trial, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(trial[0], data)
    path = publish(data, "“三查三改”工作法", lambda t: t.replace(
        "（草稿）概述待编辑依据报告原文撰写。", "排查整改辖区重点场所。").replace('figure: "***家次"', 'figure: "***家"'))
    _, problems = load_corpus(data, tmp_path)
    assert [(p.path, p.field) for p in problems] == [(f"data/practices/{path.name}", "outcomes[0].figure")]


def test_check_names_published_records_that_link_to_drafts(trial, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(trial[0], data)
    draft = next(p.stem for p in (data / "practices").glob("*.yml") if "青年民警应急分队" in p.read_text(encoding="utf-8"))
    record = data / "practices" / "jingwang-ronghe.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "related: []", f"related:\n  - {{id: {draft}, relation: editors-link, note: 同属基层警务力量}}"), encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["--data", str(data), "check"]) == 0
    out = capsys.readouterr().out
    assert f"已发布的记录 jingwang-ronghe 链接到草稿 {draft}" in out
    assert "data/practices/jingwang-ronghe.yml:" in out and "related[0].id" in out


def test_skip_reasons_apply_to_their_report_only(trial, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(trial[0], data)
    entries = yaml.safe_load((data / "coverage.yml").read_text(encoding="utf-8"))
    assert {e["report"] for e in entries if "待编辑复核" in e["reason"]} == {"part-items"}
    other = tmp_path / "other.txt"
    other.write_text("某镇派出所工作小结\n一、交通管理\n全年实现“零事故”，群众满意。\n", encoding="utf-8")
    assert add(data, other, "other", "某镇派出所工作小结") == 0
    entries = yaml.safe_load((data / "coverage.yml").read_text(encoding="utf-8"))
    # the same term gets its own entry for the other report: the first one does not cover it
    assert sorted(e["report"] for e in entries if e["term"] == "零事故") == ["other", "part-items"]
    kept = [e for e in entries if (e["term"], e.get("report")) != ("零事故", "other")]
    (data / "coverage.yml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    corpus, problems = load_corpus(data, tmp_path)
    assert problems == []
    left = [(s.occurrence.report, s.occurrence.term) for s in classify(corpus)
            if s.status == "unclassified" and s.occurrence.report in ("other", "part-items")]
    assert left == [("other", "“零事故”")]


def test_a_skip_for_an_unknown_report_is_refused(trial, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(trial[0], data)
    path = data / "coverage.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  report: part-items\n", "  report: no-such-report\n", 1), encoding="utf-8")
    _, problems = load_corpus(data, tmp_path)
    assert [p.field.endswith(".report") for p in problems] == [True]
    assert "no-such-report" in problems[0].message and problems[0].path == "data/coverage.yml"


def test_a_generic_heading_without_points_creates_no_theme(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    report = tmp_path / "generic.txt"
    report.write_text("某所2023年工作总结\n第一部分 2023年主要工作\n推行“守望相助”工作法，化解纠纷**起。\n",
                      encoding="utf-8")
    before = (data / "themes.yml").read_bytes()
    assert add(data, report, "generic", "某所2023年工作总结") == 0
    assert (data / "themes.yml").read_bytes() == before
    assert "提议的新主题" not in capsys.readouterr().out
    draft = next(yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data / "practices").glob("*.yml")
                 if "守望相助" in p.read_text(encoding="utf-8"))
    assert draft["theme"] in ("pingan", "fuwu")


def test_outcomes_stop_at_a_sentence_naming_another_initiative(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    report = tmp_path / "item.txt"
    report.write_text("某所工作总结\n一、平安稳定\n（1）推行“守望相助”工作法，化解纠纷**起。回访群众***人次。"
                      "深入推进警网融合，走访群众****人次。\n", encoding="utf-8")
    assert add(data, report, "item", "某所工作总结") == 0
    draft = next(yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data / "practices").glob("*.yml")
                 if "守望相助" in p.read_text(encoding="utf-8"))
    # the next sentence is its own; the one naming 警网融合 (an existing practice) is not
    assert [o["figure"] for o in draft["outcomes"]] == ["**起", "***人次"]


def test_a_section_goes_to_the_theme_its_text_matches(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    with (data / "themes.yml").open("a", encoding="utf-8") as f:
        f.write("jiaotong:\n  name: 交通安全\n  description: 整治酒驾醉驾、治理道路交通隐患、守护群众出行安全的做法。\n"
                "  parts: []\n")
    report = tmp_path / "road.txt"
    report.write_text("某大队工作总结\n一、守护万家平安路\n推行“护路”工作法，整治酒驾醉驾***起，治理道路交通隐患**处，"
                      "守护群众出行安全。\n", encoding="utf-8")
    assert add(data, report, "road", "某大队工作总结") == 0
    assert "提议的新主题" not in capsys.readouterr().out
    draft = next(yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data / "practices").glob("*.yml")
                 if "护路" in p.read_text(encoding="utf-8"))
    assert draft["theme"] == "jiaotong"
