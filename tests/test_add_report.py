"""``build.py add-report``: each refusal with its exact message and data/ unchanged byte for
byte; drafts that pass check and leave coverage clean on invented reports of several layouts
(tests/fixtures/reports, with what a careful editor would list)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from practice_site import cli
from practice_site.corpus.load import load_corpus
from practice_site.link.coverage import classify
from practice_site.text.terms import unquoted

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "corpus"
REPORTS = HERE / "fixtures" / "reports"
EXPECTED = yaml.safe_load((REPORTS / "expected.yml").read_text(encoding="utf-8"))


def snapshot(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


@pytest.fixture
def data(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(FIXTURE, d)
    return d


def run(data: Path, file: Path, *, rid="new-report", title="新报告标题", unit="某局", year="2023",
        extra=()) -> int:
    return cli.main(["--data", str(data), "add-report", str(file), "--id", rid, "--title", title,
                     "--unit", unit, "--year", year, *extra])


def refused(capsys, data: Path, file: Path, **kw) -> list[str]:
    before = snapshot(data)
    assert run(data, file, **kw) == 1
    assert snapshot(data) == before, "a refusal changed data/"
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "add-report 未执行：data/ 没有任何改动"
    return err[:-1]


def write(tmp_path: Path, content: bytes | str, name="report.txt") -> Path:
    f = tmp_path / name
    f.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return f


GOOD = "新报告标题\n一、平安建设。一是创新推行“丙丁”联动机制，化解纠纷**起。\n"


def test_refuses_existing_id(tmp_path, data, capsys):
    assert refused(capsys, data, write(tmp_path, GOOD), rid="mini") == [
        "add-report:0: --id: id 为「mini」的报告已经存在（data/reports/mini.txt）；换一个 id"]


def test_refuses_invalid_id(tmp_path, data, capsys):
    assert refused(capsys, data, write(tmp_path, GOOD), rid="Report 2023") == [
        "add-report:0: --id: 「Report 2023」不是有效的 id：只用小写字母 a-z、数字和单个连字符 -"
        "（例如 zu-anxin）"]


@pytest.mark.parametrize("year", ["二〇二三", "20233", "23", "1066", "2023.5", ""])
def test_refuses_a_year_that_is_not_a_year(tmp_path, data, capsys, year):
    assert refused(capsys, data, write(tmp_path, GOOD), year=year) == [
        f"add-report:0: --year: 「{year}」不是年份；写报告所述年份的四位数字，例如 2023"]


@pytest.mark.parametrize("content", [b"", b"\n \n\t\n", b"\xef\xbb\xbf"])
def test_refuses_an_empty_file(tmp_path, data, capsys, content):
    f = write(tmp_path, content)
    assert refused(capsys, data, f) == [f"{f}:0: 报告文件: 文件是空的；报告需要有正文"]


def test_refuses_a_binary_file(tmp_path, data, capsys):
    f = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert refused(capsys, data, f) == [
        f"{f}:0: 报告文件: 是二进制文件（偏移 8 处有 NUL 字节），不是文本；"
        "请把报告另存为 UTF-8 文本（.txt）、Word 文档（.docx）或 PDF"]


def test_refuses_a_file_that_is_not_utf8(tmp_path, data, capsys):
    """GBK is read (tests/test_formats.py); bytes of another encoding (Shift-JIS) are not."""
    f = write(tmp_path, "新報告\n平安建設の取り組み。\n".encode("shift_jis"))
    assert refused(capsys, data, f) == [
        f"{f}:1: 报告文件: 不是 UTF-8、UTF-16 或 GB18030（GBK）文本（偏移 0 处的字节 0x90）；请把报告另存为 UTF-8 文本"]


@pytest.mark.parametrize("content", ["新报告标题\n", "新报告标题\n\n   \n", "新报告标题\n。。。\n——\n",
                                     "新报告标题\n一、平安建设\n二、服务发展\n"])
def test_refuses_a_file_with_no_sentence(tmp_path, data, capsys, content):
    f = write(tmp_path, content)
    assert refused(capsys, data, f) == [f"{f}:0: 报告文件: 找不到句子：没有以 。！？ 结尾的文字；报告要由句子组成"]


def test_refuses_what_the_loader_refuses(tmp_path, data, capsys):
    """The report is loaded as check loads it; its problems are the refusal."""
    lines = refused(capsys, data, write(tmp_path, GOOD), title="新报告标提")  # a slip of the title line
    assert lines[-1] == "add-report:0: -: 报告无法载入；没有加入任何内容"
    assert any(ln.startswith("data/reports/new-report.yml:") and "title: 与报告的标题行" in ln
               for ln in lines), lines


def test_a_listing_relation_kind_is_added_when_missing(tmp_path, data, capsys):
    relations = data / "relations.yml"
    relations.write_text("".join(ln for ln in relations.read_text(encoding="utf-8").splitlines(True)
                                 if "listing: true" not in ln), encoding="utf-8")
    text = "新报告标题\n一、平安建设。一是创新推行“乙甲”机制，开展“丙丁”专项行动。\n"
    assert run(data, write(tmp_path, text)) == 0
    assert relations.read_text(encoding="utf-8").endswith(
        "listed-with: {label: 报告中并列提及, inverse: 报告中并列提及, listing: true}\n")
    assert load_corpus(data, data.parent)[1] == []


def test_a_tag_is_added_when_tags_yml_has_none(tmp_path, data, capsys):
    (data / "tags.yml").write_text("# no tags yet\n{}\n", encoding="utf-8")
    for p in [*(data / "practices").glob("*.yml"), *(data / "collections").glob("*.yml")]:
        p.unlink()  # collections name practices
    assert run(data, write(tmp_path, GOOD)) == 0
    assert (data / "tags.yml").read_text(encoding="utf-8") == (
        "# no tags yet\ndaiding: {name: 待定, description: 起草时没有可用的标签，待编辑指定。}\n")
    corpus, problems = load_corpus(data, data.parent)
    assert problems == [] and [p.tags for p in corpus.practices.values()] == [("待定",)]


def test_a_draft_that_fails_check_is_left_out_not_the_report(tmp_path, data, capsys):
    """The report may hold what a record may not (here markup): that draft is left out, with
    its problem in the summary; the rest is added."""
    text = "新报告标题\n一、平安建设。一是创新推行“丙丁”机制<b>加强</b>；开展“戊己”专项行动。\n"
    assert run(data, write(tmp_path, text)) == 0
    out = capsys.readouterr().out
    assert "未写入的草稿（1 条），未通过 check：" in out
    left = next(ln for ln in out.splitlines() if ln.startswith("  bingding-jizhi"))
    assert "含有 HTML「<b>」；写纯文字" in left
    assert not list((data / "practices").glob("bingding-jizhi*"))
    corpus, problems = load_corpus(data, data.parent)
    assert problems == [] and corpus.practices["wuji-zhuanxiang-xingdong"].draft
    assert [s.occurrence.term for s in classify(corpus)
            if s.status == "unclassified" and s.occurrence.report == "new-report"] == []


def test_line_ends_and_bom_are_normalised_and_said(tmp_path, data, capsys):
    f = write(tmp_path, b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    assert run(data, f) == 0
    out = capsys.readouterr().out
    assert "说明：已去掉 UTF-8 字节顺序标记（BOM）" in out
    assert "说明：已把 Windows（CRLF）或 CR 换行转为 LF" in out
    assert (data / "reports" / "new-report.txt").read_bytes() == GOOD.encode("utf-8")


def test_existing_names_are_not_drafted_and_variants_are_suggested(tmp_path, data, capsys):
    text = ("新报告标题\n一、平安建设。一是深入推进警网融合，化解纠纷**起。二是创新推行“乙甲”机制，"
            "走访群众***人次，开展“丙丁”专项行动。\n")
    before = set(snapshot(data))
    assert run(data, write(tmp_path, text)) == 0
    out = capsys.readouterr().out
    new = {p for p in set(snapshot(data)) - before if p.startswith("practices/")}
    drafts = {p: yaml.safe_load((data / p).read_text(encoding="utf-8")) for p in new}
    assert sorted(d["name"] for d in drafts.values()) == ["“丙丁”专项行动", "“乙甲”机制"]
    assert all(d["status"] == "draft" for d in drafts.values())
    yijia = next(d for d in drafts.values() if d["name"] == "“乙甲”机制")
    assert yijia["outcomes"] == [{"figure": "***人次", "measures": "走访群众", "quote": "走访群众***人次"}]
    ids = {d["name"]: d["id"] for d in drafts.values()}
    assert yijia["related"] == [{"id": ids["“丙丁”专项行动"], "relation": "listed-with"}]
    assert "报告提到的已有做法（1 个），其页面今后也引用这份报告：" in out
    assert "  jingwang-ronghe  警网融合" in out.splitlines()
    assert f"  草稿 {yijia['id']} “乙甲”机制：是 jiayi（“甲乙”机制）的别名吗？（字相同、次序不同）" in out.splitlines()
    assert out == (  # every line the command prints, exactly, in Chinese
        "已加入 data/reports/new-report.txt 和 new-report.yml\n"
        "草稿（2 条），已写入 data/practices/，标为 status: draft：\n"
        "  yijia-jizhi  “乙甲”机制\n"
        "  bingding-zhuanxiang-xingdong  “丙丁”专项行动\n"
        "报告提到的已有做法（1 个），其页面今后也引用这份报告：\n"
        "  jingwang-ronghe  警网融合\n"
        "提议的新主题（1 个，已写入 data/themes.yml）：没有相符的已有主题；"
        "请逐一审核：改名、并入已有主题（改草稿的 theme）或删除\n"
        "  pingan-jianshe  平安建设（来自标题：一、平安建设。）\n"
        "提议不单独成页的词语（0 个），已写入 data/coverage.yml：\n"
        "可能是别名（1 条），未自动处理：\n"
        "  草稿 yijia-jizhi “乙甲”机制：是 jiayi（“甲乙”机制）的别名吗？（字相同、次序不同）\n"
        "下一步：逐条审核草稿（mkdocs serve 可预览），然后删去每条的 status 一行即发布\n")
    assert (data / "practices" / "yijia-jizhi.yml").read_text(encoding="utf-8").startswith(
        "# add-report 根据报告 new-report 起草；报告在「一、二是」处（句子 s-d333d5，第 2 行）提到它。\n"
        "# 请对照报告逐项核对，写好概述（summary），然后删去 status 一行即发布。\n")
    corpus, problems = load_corpus(data, data.parent)
    assert problems == []


@pytest.mark.parametrize("rid", sorted(EXPECTED))
def test_fixture_reports_are_drafted(tmp_path, data, capsys, rid):
    """Recall and precision on invented reports of other layouts, printed; every draft passes
    check and coverage has nothing unclassified right after add-report."""
    case = EXPECTED[rid]
    assert run(data, REPORTS / f"{rid}.txt", rid=rid, title=case["title"], unit=case["unit"]) == 0
    corpus, problems = load_corpus(data, data.parent)
    assert problems == []
    assert [s.occurrence.term for s in classify(corpus)
            if s.status == "unclassified" and s.occurrence.report == rid] == []
    drafts = {p.id: {unquoted(n) for n in p.names} for p in corpus.practices.values() if p.draft}
    wanted = [{unquoted(n) for n in names} for names in case["initiatives"]]
    found = [w for w in wanted if any(w & d for d in drafts.values())]
    real = [pid for pid, d in drafts.items() if any(d & w for w in wanted)]
    forbidden = {unquoted(n) for n in case["not"]}
    recall, precision = len(found) / len(wanted), len(real) / len(drafts)
    print(f"{rid}: recall {len(found)}/{len(wanted)} ({recall:.0%}), precision {len(real)}/{len(drafts)} "
          f"({precision:.0%}); missed {[sorted(w)[0] for w in wanted if w not in found]}; "
          f"other drafts {[sorted(drafts[p])[0] for p in drafts if p not in real]}")
    assert not [pid for pid, d in drafts.items() if d & forbidden]
    assert recall >= 0.8
    assert precision >= 0.6


@pytest.mark.parametrize("path", sorted(REPORTS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_fixture_layout_is_added(tmp_path, data, capsys, path):
    """Every report layout the parser reads (its fixtures and these): add-report exits 0, the
    result passes check, and coverage has nothing unclassified in the new report."""
    title = next(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip())
    assert run(data, path, rid="fx-" + path.stem, title=title) == 0, capsys.readouterr().err
    corpus, problems = load_corpus(data, data.parent)
    assert problems == []
    assert [s.occurrence.term for s in classify(corpus)
            if s.status == "unclassified" and s.occurrence.report == "fx-" + path.stem] == []
    out = capsys.readouterr().out
    # Each fixture names at least one initiative: a draft, or an existing record it names.
    assert any(p.draft for p in corpus.practices.values()) or "报告提到的已有做法（0 个）" not in out
