"""The invalid-input corpus: each case in tests/invalid/ must give its exact messages.

A case is one YAML file that edits a copy of the fixture corpus (tests/fixtures/corpus)
and lists every line the build must print. Edits, by file path inside the data folder:

    replace: {old: new}      each old text must occur exactly once in the fixture file
    text: "..."              the whole file (creates it when new)
    remove: true             delete the file
    newline: crlf            write the file with CRLF line ends
    encoding: gbk            write the file in this encoding (utf-8-sig adds a BOM)
    repeat: {"@MB@": [甲, 1048576]}   after the edits above, replace the marker with a
                             long run of text (so a megabyte field needs no megabyte file)
    cut: 2                   drop the last bytes of the written file (a save cut off
                             mid-character)

``expect`` lists the problem lines, paths shown relative to the copy's parent
(``data/practices/jiayi.yml:7: summary: ...``); the summary line is checked too.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from practice_site import cli
from practice_site.corpus.load import load_corpus
from practice_site.corpus.problems import format_problems

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "corpus"
CASES = HERE / "invalid"


@dataclass(frozen=True)
class Case:
    name: str
    about: str
    edits: dict
    expect: list[str]

    def apply(self, data: Path) -> None:
        """Make ``data`` a copy of the fixture corpus with this case's edits."""
        if data.exists():
            shutil.rmtree(data)
        shutil.copytree(FIXTURE, data)
        for rel, edit in self.edits.items():
            path = data / rel
            if edit.get("remove"):
                path.unlink()
                continue
            if "text" in edit:
                text = edit["text"]
            else:
                text = path.read_text(encoding="utf-8")
            for old, new in (edit.get("replace") or {}).items():
                assert text.count(old) == 1, f"{self.name}: {old!r} occurs {text.count(old)} times in {rel}"
                text = text.replace(old, new)
            for marker, (piece, times) in (edit.get("repeat") or {}).items():
                text = text.replace(marker, piece * times)
            if edit.get("newline") == "crlf":
                text = text.replace("\n", "\r\n")
            path.parent.mkdir(parents=True, exist_ok=True)
            raw = text.encode(edit.get("encoding", "utf-8"))
            path.write_bytes(raw[: len(raw) - edit.get("cut", 0)])

    @property
    def output(self) -> str:
        """Everything the build prints for this case."""
        return "\n".join(self.expect + [f"共 {len(self.expect)} 个问题，未生成网站。"])


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES.glob("*.yml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(raw) <= {"about", "edit", "expect"}, f"{path.name}: unknown keys {set(raw)}"
        cases.append(Case(path.stem, raw["about"], raw["edit"], list(raw["expect"] or [])))
    return cases


CASE_LIST = load_cases()


def case_params():
    return [pytest.param(c, id=c.name) for c in CASE_LIST]


def shown(text: str, tmp: Path) -> str:
    """Output with the temporary folder removed from paths, as the case files write them."""
    return text.replace(f"{tmp.resolve().as_posix()}/", "").replace(f"{tmp.as_posix()}/", "")


def test_corpus_is_big_enough():
    assert len(CASE_LIST) >= 30
    assert any(len({line.split(":")[0] for line in c.expect}) > 1 for c in CASE_LIST), \
        "one case must prove that problems in several files are all reported"


def test_fixture_itself_is_valid():
    _, problems = load_corpus(FIXTURE)
    assert problems == []


@pytest.mark.parametrize("case", case_params())
def test_exact_messages(case: Case, tmp_path: Path):
    """Every problem, exactly; each names file, line and field; the CLI exits non-zero."""
    data = tmp_path / "data"
    case.apply(data)
    _, problems = load_corpus(data, tmp_path)
    assert format_problems(problems) == case.output
    for p in problems:
        assert p.path.startswith("data/") and p.field and p.message, p
    # The CLI (in-process: the same main() that scripts/build.py runs) prints the same lines.
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = cli.main(["--data", str(data), "check"])
    assert code == 1
    assert shown(err.getvalue(), tmp_path).strip() == case.output


def test_cli_script_exits_non_zero(tmp_path: Path):
    """The real command (a new interpreter, sys.exit) for one case with several problems."""
    case = next(c for c in CASE_LIST if c.name == "many-problems")
    case.apply(tmp_path / "data")
    proc = subprocess.run([sys.executable, str(HERE.parent / "scripts" / "build.py"),
                           "--data", str(tmp_path / "data"), "check"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert shown(proc.stderr, tmp_path).strip() == case.output


def _records(data: Path, n: int, bad_every: int = 0) -> None:
    """``n`` generated practice records; every ``bad_every``-th names an unknown tag."""
    practices = data / "practices"
    for i in range(n):
        tag = "不存在" if bad_every and i % bad_every == 0 else "网格治理"
        (practices / f"gen-{i:05d}.yml").write_text(
            f"id: gen-{i:05d}\nname: 生成做法{i:05d}\nkind: practice\ntheme: pingan\n"
            f"tags: [{tag}]\nsummary: 生成的测试记录{i}。\nhow:\n  - \"推进警网融合与警网智治\"\n"
            "outcomes:\n  - figure: \"***余人次\"\n    measures: 投入警力\n"
            "    quote: \"投入警力***余人次\"\nrelated:\n  - id: jingwang-ronghe\n"
            "    relation: listed-with\nname_editorial: true\n", encoding="utf-8")


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from practice_site.corpus.load import load_corpus
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu = time.perf_counter(), time.process_time()
corpus, problems = load_corpus(Path(sys.argv[2]), Path(sys.argv[2]).parent)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mib": peak / 1024, "grew_mib": (peak - before) / 1024,
                  "practices": len(corpus.practices), "problems": [str(p) for p in problems]}))
"""


@pytest.mark.slow  # 10,000 records loaded in a child process
def test_ten_thousand_records(tmp_path: Path):
    """10,000 records load with every problem reported, in bounded time and memory.

    Measured in a fresh interpreter (peak RSS is per process). The bounds are loose guards
    against a quadratic step or a runaway, about 10x the measured figures; the figures are
    printed for the record (pytest -s).
    """
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    _records(data, 10_000, bad_every=1000)
    proc = subprocess.run([sys.executable, "-c", _MEASURE, str(HERE.parent / "scripts"), str(data)],
                          capture_output=True, text=True, check=True)
    got = json.loads(proc.stdout)
    print(f"\n10,000 records: loaded in {got['seconds']:.2f} s ({got['cpu']:.2f} s CPU), "
          f"peak RSS {got['rss_mib']:.0f} MiB (+{got['grew_mib']:.0f} MiB while loading), "
          f"{len(got['problems'])} problems")
    assert got["problems"] == [
        f"data/practices/gen-{i:05d}.yml:5: tags[0]: 没有标签「不存在」；把它加进 data/tags.yml，"
        "或从这些标签中选用：服务企业, 矛盾纠纷, 网格治理" for i in range(0, 10_000, 1000)]
    assert got["practices"] == 4 + 10_000 - 10
    assert got["seconds"] < 60 and got["rss_mib"] < 1024


# -- no id can make the build write outside site/ -----------------------------------------
UNSAFE = ["../x", "..", "a/b", "a\\b", ".x", "x.", "x..y", "-x", "x-", "a--b", "A", "zu anxin",
          "警网智治", "ｚｕ", "x\x00", "%2e%2e", "x.md", "", "a" * 61]


@pytest.mark.parametrize("value", UNSAFE)
def test_unsafe_ids_are_refused(value):
    from practice_site.text.slug import id_problem, safe_uri
    assert id_problem(value) is not None
    if value not in ("a/b", "a" * 61):  # refused ids, but paths that stay inside the site
        assert not safe_uri(f"practices/{value}.md")
        assert not safe_uri(f"{value}/x.md")


def test_every_generated_path_is_safe():
    from practice_site.render.site import render_site
    from practice_site.text.slug import safe_uri
    corpus, _ = load_corpus(FIXTURE)
    assert all(safe_uri(uri) for uri in render_site(corpus))


def test_writers_refuse_a_path_outside_the_site(tmp_path, monkeypatch):
    """Past the loader (a bypassed validator), both writers still refuse ``../``."""
    from mkdocs.exceptions import PluginError

    import mkdocs_hooks
    evil = {"practices/../../evil.md": "# x"}
    monkeypatch.setattr(cli, "render_site", lambda corpus, **kw: evil)
    out = tmp_path / "a" / "out"
    with redirect_stderr(io.StringIO()) as err, redirect_stdout(io.StringIO()):
        assert cli.main(["--data", str(FIXTURE), "pages", "--out", str(out)]) == 1
    assert "拒绝写到" in err.getvalue()
    monkeypatch.setattr(mkdocs_hooks.build, "pages", evil)
    with pytest.raises(PluginError, match="网站以外"):
        mkdocs_hooks.on_files([], None)
    assert not (tmp_path / "evil").exists() and not (tmp_path / "a" / "evil").exists()


# -- HTML is refused in every text field --------------------------------------------------
SCRIPT = "<script>alert(1)</script>"
TEXT_FIELDS = [  # (file, fixture text, replacement, field the problem must name)
    ("practices/jiayi.yml", "name: “甲乙”机制", f'name: "{SCRIPT}"', "name"),
    ("practices/jiayi.yml", "aliases: [甲乙机制]", f'aliases: ["{SCRIPT}"]', "aliases[0]"),
    ("practices/jiayi.yml", "summary: 测试用的*化解*机制。", f'summary: "{SCRIPT}"', "summary"),
    ("practices/jiayi.yml", '  - "创新“甲乙”机制"', f'  - "{SCRIPT}"', "how[0]"),
    ("practices/jiayi.yml", '  - figure: "化解率**％"', f'  - figure: "{SCRIPT}"', "outcomes[0].figure"),
    ("practices/jiayi.yml", "    measures: 化解率", f'    measures: "{SCRIPT}"', "outcomes[0].measures"),
    ("practices/jiayi.yml", '    quote: "化解率**％"', f'    quote: "{SCRIPT}"', "outcomes[0].quote"),
    ("practices/jiayi.yml", "    note: 两者同在第一部分。", f'    note: "{SCRIPT}"', "related[0].note"),
    ("practices/jingwang-zhizhi.yml", '    quote: "推进警网融合与警网智治"', f'    quote: "{SCRIPT}"',
     "related[0].quote"),
    ("attribution.yml", "  claims: 因果关系", f'  claims: "{SCRIPT}"', "cause.claims"),
    ("practices/jiayi.yml", "related:", f'evidence: ["{SCRIPT}"]\nrelated:', "evidence[0]"),
    ("themes.yml", "  name: 平安稳定", f'  name: "{SCRIPT}"', "pingan.name"),
    ("themes.yml", "  description: 第一部分的做法。", f'  description: "{SCRIPT}"', "pingan.description"),
    ("tags.yml", "{name: 矛盾纠纷,", f'{{name: "{SCRIPT}",', "maodun.name"),
    ("tags.yml", "description: 网格。", f'description: "{SCRIPT}"', "wangge.description"),
    ("relations.yml", "label: 相互配套,", f'label: "{SCRIPT}",', "complements.label"),
    ("relations.yml", "inverse: 为其奠定基础", f'inverse: "{SCRIPT}"', "builds-on.inverse"),
    ("kinds.yml", "{name: 做法}", f'{{name: "{SCRIPT}"}}', "practice.name"),
    ("glossary.yml", "term: 甲乙", f'term: "{SCRIPT}"', "jiayi.term"),
    ("glossary.yml", "meaning: 甲与乙", 'meaning: "<img src=x onerror=alert(1)>"', "jiayi.meaning"),
    ("reports/mini.yml", "title: 测试报告标题", f'title: "{SCRIPT}"', "title"),
    ("reports/mini.yml", "unit: 测试分局", f'unit: "{SCRIPT}"', "unit"),
    ("reports/mini.yml", "kind: 测试汇报", f'kind: "{SCRIPT}"', "kind"),
]


@pytest.mark.parametrize("file, old, new, field", TEXT_FIELDS, ids=[t[3] for t in TEXT_FIELDS])
def test_html_is_refused_in_every_text_field(tmp_path, file, old, new, field):
    case = Case(field, "", {file: {"replace": {old: new}}}, [])
    case.apply(tmp_path / "data")
    _, problems = load_corpus(tmp_path / "data", tmp_path)
    assert any(p.path == f"data/{file}" and p.field == field and p.message.startswith("含有 HTML")
               for p in problems), problems


# -- the editor reads Chinese -------------------------------------------------------------
EDITOR_CASES = {  # issue 22: the four mistakes an editor makes most, each message exactly
    "yaml-unclosed-bracket": "data/practices/jiayi.yml:7: 做法记录: YAML 语法错误：方括号列表 [ ] 没有正确"
    "结束（这个方括号列表 [ ] 从第 6 行开始）；各项之间用英文逗号「,」分隔，最后写上「]」",
    "quote-not-in-report": "data/practices/jingwang-zhizhi.yml:8: how[0]: 引文「推进警网智能治理」在任何一份"
    "报告中找不到；最接近的句子（mini，s-f676e9）是「推进警网融合与警网智治，投入警力***余人次。」；引文第 5 "
    "个字是「智」，报告原文此处是「融」；请从报告中原样复制",
    "missing-id": "data/practices/jiayi.yml:1: id: 缺少必填字段；补上这一行：「id: jiayi」",
    "yaml-truncated-in-list": "data/practices/jiayi.yml:4: 做法记录: YAML 语法错误：这里缺少值；文件在上文"
    "某个 [、{ 或 \" 闭合之前就结束了：像是没有保存完整（保存到一半？）；把文件重新完整保存",
    "record-truncated": "data/practices/jingwang-zhizhi.yml:9: 做法记录: 文件不完整：在一个字的中间断开"
    "（保存或复制被中断？）；把文件重新完整保存",
}


@pytest.mark.parametrize("name", EDITOR_CASES)
def test_a_broken_record_a_bad_quote_a_missing_id_a_half_written_save(name, tmp_path):
    """Each gives one Chinese line naming file, line and field, exactly (also in check's output)."""
    case = next(c for c in CASE_LIST if c.name == name)
    case.apply(tmp_path / "data")
    _, problems = load_corpus(tmp_path / "data", tmp_path)
    assert [str(p) for p in problems] == [EDITOR_CASES[name]]
    assert case.expect == [EDITOR_CASES[name]]


_SHOWN_AS_WRITTEN = re.compile(r"^[^:]+:\d+: [^:]+: |「[^」]*」|[A-Za-z0-9_./<>*-]+\.(?:yml|txt)\b")
"""What a message quotes (values, file names, the file:line: field: prefix): not its words."""
_ENGLISH = re.compile(r"[A-Za-z]+(?: +[A-Za-z]+)+")
"""Two English words in a row: a phrase, not a key (how, draft), a format (UTF-8) or YAML."""


def test_every_message_is_chinese():
    """No message of the invalid corpus holds an English phrase outside what it quotes; and the
    summary line and the whole-file fields are Chinese too."""
    english = []
    for case in CASE_LIST:
        for line in case.expect:
            words = _SHOWN_AS_WRITTEN.sub("", line)
            english += [(case.name, m) for m in _ENGLISH.findall(words)]
            assert re.search(r"[\u4e00-\u9fff]", words), (case.name, line)
    assert english == []
    assert format_problems([]) == "共 0 个问题，未生成网站。"
