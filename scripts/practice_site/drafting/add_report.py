"""``build.py add-report FILE --id ID --title TITLE --unit UNIT --year YEAR [--kind KIND]``.

Adds a report and drafts its initiatives, all or nothing: the work is done on a copy of
the data folder, checked there (``check`` and ``coverage`` must pass), and only then are the
new and changed files copied into ``data/``. A refusal leaves ``data/`` byte for byte as it
was.

The report is read by drafting/formats: UTF-8, UTF-16 or GB18030/GBK text, a Word document
(.docx) or a PDF with a text layer, stored as UTF-8 text with LF line ends (a UTF-8
byte-order mark dropped), and the command says what it converted. Text is otherwise copied as
it is: sentence ids hash the text, not its bytes.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from practice_site.corpus.load import load_corpus
from practice_site.corpus.problems import Problem, quoted
from practice_site.corpus.write_record import record_yaml, scalar
from practice_site.drafting import formats
from practice_site.drafting.candidate_rules import REASONS
from practice_site.drafting.guess import editorial
from practice_site.drafting.plan import DraftPlan, plan_drafts
from practice_site.link.coverage import classify
from practice_site.text.slug import id_problem

DEFAULT_KIND = "年度工作报告"
SENTENCE = re.compile(r"[\u3400-\u9fffA-Za-z][^。！？!?\n]*[。！？!?]")
"""Some text ending in sentence punctuation: a file without any is not a report."""
LISTED_WITH = "listed-with: {label: 报告中并列提及, inverse: 报告中并列提及, listing: true}\n"
"""Added to relations.yml when it has no listing kind: the one kind drafts use."""
UNSORTED_TAG = "daiding: {name: 待定, description: 起草时没有可用的标签，待编辑指定。}\n"
"""Added to tags.yml when it declares no tag: a record needs one."""
FILE_FIELD = "报告文件"
"""The field of a problem of the FILE argument as a whole."""


@dataclass(frozen=True)
class Request:
    file: Path
    id: str
    title: str
    unit: str
    year: str
    kind: str = DEFAULT_KIND


class Refused(Exception):
    """Nothing was changed; ``problems`` say why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_report_file(path: Path) -> tuple[str, list[str]]:
    """The report's text (UTF-8 text, Word or PDF: drafting/formats) and notes on how it was
    read; refuses what is not a report it can read."""
    try:
        return formats.read_report_file(path)
    except formats.Unreadable as exc:
        raise Refused([Problem(str(path), exc.line, FILE_FIELD, exc.message)]) from None


def check_request(req: Request, data: Path) -> list[Problem]:
    problems = []
    if msg := id_problem(req.id):
        problems.append(Problem("add-report", 0, "--id", msg))
    else:
        for ext in ("txt", "yml"):
            if (data / "reports" / f"{req.id}.{ext}").exists():
                problems.append(Problem("add-report", 0, "--id", f"id 为{quoted(req.id)}的报告已经存在"
                                        f"（data/reports/{req.id}.{ext}）；换一个 id"))
                break
    if not (req.year.isascii() and req.year.isdigit() and len(req.year) == 4
            and 1900 <= int(req.year) <= 2100):
        problems.append(Problem("add-report", 0, "--year", f"{quoted(req.year)}不是年份；写报告"
                                "所述年份的四位数字，例如 2023"))
    for opt, value in (("--title", req.title), ("--unit", req.unit), ("--kind", req.kind)):
        if not value.strip():
            problems.append(Problem("add-report", 0, opt, "值是空的；写上文字"))
    return problems


def metadata_yaml(req: Request) -> str:
    return (f"# {req.id}.txt 的元数据，由 add-report 写入。报告正文是原文照录：不要修改。\n"
            f"title: {scalar(req.title)}\nunit: {scalar(req.unit)}\nyear: {int(req.year)}\n"
            f"kind: {scalar(req.kind)}\n")


def _append(path: Path, header: str, body: str, empty: tuple[str, ...]) -> None:
    """Append YAML entries to a data file (created if missing; an empty ``[]``/``{}`` file
    is replaced by the entries, its comment lines kept)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    content = "\n".join(ln for ln in old.splitlines() if not ln.strip().startswith("#"))
    if content.strip() in empty:
        old = "".join(ln + "\n" for ln in old.splitlines() if ln.strip().startswith("#"))
    if old and not old.endswith("\n"):
        old += "\n"
    path.write_text(old + header + body, encoding="utf-8", newline="\n")


def themes_yaml(themes: dict) -> str:
    out = []
    for tid, t in themes.items():
        out.append(f"{tid}:\n  name: {scalar(t['name'])}\n  description: {scalar(t['description'])}\n")
        if t["parts"]:
            out.append("  parts:\n" + "".join(f"    - {{report: {p['report']}, part: {p['part']}}}\n"
                                             for p in t["parts"]))
        else:
            out.append("  parts: []\n")
    return "".join(out)


def coverage_yaml(entries: list[dict[str, str]]) -> str:
    return "".join(f"- term: {scalar(e['term'])}\n  category: {e['category']}\n"
                   f"  reason: {scalar(e['reason'])}\n"
                   + (f"  report: {e['report']}\n" if e.get("report") else "") for e in entries)


def _load(data: Path, root: Path, stage: str):
    corpus, problems = load_corpus(data, root)
    if problems:
        raise Refused([*problems, Problem("add-report", 0, "-", f"{stage}；没有加入任何内容")])
    return corpus


def coverage_entries(corpus, rid: str, plan: DraftPlan) -> list[dict[str, str]]:
    """A coverage.yml entry for each quoted term or named measure of the new report that no
    record names and no entry skips, with the category the candidate finder gave it."""
    from practice_site.drafting.grammar import name_start
    from practice_site.link.coverage import depth_map
    from practice_site.text.terms import unquoted
    judged = {unquoted(c.name): c for c in plan.rejected}
    names = {unquoted(n) for p in corpus.practices.values() for n in p.names}
    out: dict[str, dict[str, str]] = {}
    for st in classify(corpus):
        occ = st.occurrence
        if st.status != "unclassified" or occ.report != rid:
            continue
        sentence = corpus.reports[rid].parsed.sentence(occ.sentence).text
        if occ.kind == "quoted":
            term = unquoted(occ.term)
        else:
            term = unquoted(sentence[name_start(sentence, depth_map(sentence), occ.start, occ.end):occ.end])
            if term in names or len(term) < 2:
                term = unquoted(occ.term)
        term = term[-60:].strip()
        if term in names or term in out or editorial(term) != term or len(term) < 2:
            continue  # a term the loader would refuse stays unclassified, and is reported
        c = judged.get(term) or next((c for c in plan.rejected if c.sentence.id == occ.sentence
                                      and c.start < occ.end and occ.start < c.end), None)
        category, reason = (c.verdict, c.reason) if c else ("not-a-measure", REASONS["unjudged"])
        out[term] = {"term": term, "category": category, "reason": f"{reason}；待编辑复核（add-report 提议）",
                     "report": rid}
    return list(out.values())


def add_report(req: Request, data: Path, root: Path, say: Callable[[str], None] = print) -> DraftPlan:
    """Add the report and its drafts to ``data``; raises ``Refused`` with nothing changed."""
    if problems := check_request(req, data):
        raise Refused(problems)
    text, notes = read_report_file(req.file)
    # Decided on the text, not on the parse: which line is the title is the parser's call.
    if not SENTENCE.search(text):
        raise Refused([Problem(str(req.file), 0, FILE_FIELD, "找不到句子：没有以 。！？ 结尾的文字；"
                               "报告要由句子组成")])
    with tempfile.TemporaryDirectory(prefix="add-report-") as tmp:
        stage_root = Path(tmp)
        stage = stage_root / "data"
        shutil.copytree(data, stage)
        (stage / "reports" / f"{req.id}.txt").write_text(text, encoding="utf-8", newline="\n")
        (stage / "reports" / f"{req.id}.yml").write_text(metadata_yaml(req), encoding="utf-8", newline="\n")
        corpus = _load(stage, stage_root, "报告无法载入")
        # What every draft needs from the taxonomies: a listing relation kind and a tag.
        if not any(k.listing for k in corpus.relation_kinds.values()):
            _append(stage / "relations.yml", "", LISTED_WITH, ("", "{}"))
        if not corpus.tags:
            _append(stage / "tags.yml", "", UNSORTED_TAG, ("", "{}"))
        corpus = _load(stage, stage_root, "补上草稿所需的分类项后，分类表无法载入")
        plan = plan_drafts(corpus, req.id)
        corpus, dropped = write_drafts(stage, stage_root, plan, req.id)
        entries = coverage_entries(corpus, req.id, plan)
        if entries:
            corpus = write_coverage(stage, stage_root, entries, req.id)
        left = [s for s in classify(corpus) if s.status == "unclassified" and s.occurrence.report == req.id]
        _commit(stage, data)
    for note in notes:
        say(f"说明：{note}")
    say(summary(req, plan, entries, corpus, left))
    return plan


MAX_DROPS = 3
"""Rounds of leaving out drafts that fail check before giving up."""


def write_drafts(stage: Path, stage_root: Path, plan: DraftPlan, rid: str):
    """Write the drafts and new themes into the staged folder and load it. A draft that
    fails check (text the report holds but a record may not, such as a control character)
    is left out, with its problems, rather than refusing the whole report; a problem
    anywhere else refuses."""
    themes_file = stage / "themes.yml"
    themes_before = themes_file.read_bytes() if themes_file.exists() else None
    (stage / "practices").mkdir(exist_ok=True)
    dropped: dict[str, list[str]] = {}
    for _ in range(MAX_DROPS + 1):
        kept = [r for r in plan.drafts if r["id"] not in dropped]
        for record in kept:
            record = dict(record, related=[x for x in record["related"] if x["id"] not in dropped])
            comment = (f"add-report 根据报告 {rid} 起草；报告在{plan.where[record['id']]}提到它。\n"
                       "请对照报告逐项核对，写好概述（summary），然后删去 status 一行即发布。")
            (stage / "practices" / f"{record['id']}.yml").write_text(
                record_yaml(record, comment), encoding="utf-8", newline="\n")
        used = {r["theme"] for r in kept}
        themes = {tid: t for tid, t in plan.themes.items() if tid in used}
        if themes_before is not None:
            themes_file.write_bytes(themes_before)
        if themes:
            _append(themes_file, f"# add-report 根据 {rid} 各部分标题提议的主题：请审核。\n",
                    themes_yaml(themes), ("", "{}"))
        corpus, problems = load_corpus(stage, stage_root)
        if not problems:
            plan.drafts, plan.themes = kept, themes
            plan.dropped = dropped
            return corpus, dropped
        ids = {r["id"] for r in kept}
        bad = {Path(p.path).stem for p in problems if p.path.startswith("data/practices/")}
        if not bad <= ids or any(not p.path.startswith("data/practices/") for p in problems):
            break
        for pid in bad:
            dropped[pid] = [str(p) for p in problems if Path(p.path).stem == pid]
            (stage / "practices" / f"{pid}.yml").unlink()
    raise Refused([*problems, Problem("add-report", 0, "-", "草稿未通过 check（起草程序的缺陷，"
                                      "请报告给开发人员）；没有加入任何内容")])


def write_coverage(stage: Path, stage_root: Path, entries: list[dict[str, str]], rid: str):
    """Append the proposed entries to coverage.yml and load. Should a reason not pass check
    (coverage reasons are held to the attribution words too), the entries are written again
    with the plain reason ``REASONS['unjudged']``; any other problem refuses."""
    path = stage / "coverage.yml"
    before = path.read_bytes() if path.exists() else None
    header = f"# add-report 为 {rid} 提议：未起草的词语及理由。请逐条审核。\n"
    for attempt in range(2):
        if before is not None:
            path.write_bytes(before)
        _append(path, header, coverage_yaml(entries), ("", "[]"))
        corpus, problems = load_corpus(stage, stage_root)
        if not problems:
            return corpus
        if attempt or any(p.path != "data/coverage.yml" for p in problems):
            break
        entries[:] = [dict(e, reason=f"{REASONS['unjudged']}；待编辑复核（add-report 提议）") for e in entries]
    raise Refused([*problems, Problem("add-report", 0, "-", "提议的 coverage 条目未通过 check"
                                      "（起草程序的缺陷，请报告给开发人员）；没有加入任何内容")])


def _commit(stage: Path, data: Path) -> None:
    """Copy what is new or changed in the staged folder into ``data``."""
    for src in sorted(stage.rglob("*")):
        if not src.is_file():
            continue
        dst = data / src.relative_to(stage)
        if dst.exists() and dst.read_bytes() == src.read_bytes():
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)


def summary(req: Request, plan: DraftPlan, entries: list[dict[str, str]], corpus, left) -> str:
    out = [f"已加入 data/reports/{req.id}.txt 和 {req.id}.yml"]
    out.append(f"草稿（{len(plan.drafts)} 条），已写入 data/practices/，标为 status: draft：")
    out.extend(f"  {d['id']}  {d['name']}" for d in plan.drafts)
    out.append(f"报告提到的已有做法（{len(plan.named)} 个），其页面今后也引用这份报告：")
    out.extend(f"  {pid}  {corpus.practices[pid].name}" + (f"  （报告写作 {'、'.join(ns)}）" if ns else "")
               for pid, ns in sorted(plan.named.items()))
    if plan.themes:
        out.append(f"提议的新主题（{len(plan.themes)} 个，已写入 data/themes.yml）：没有相符的已有主题；"
                   "请逐一审核：改名、并入已有主题（改草稿的 theme）或删除")
        out.extend(f"  {tid}  {t['name']}（来自标题：{t['heading']}）" if t.get("heading") else
                   f"  {tid}  {t['name']}" for tid, t in plan.themes.items())
    out.append(f"提议不单独成页的词语（{len(entries)} 个），已写入 data/coverage.yml：")
    out.extend(f"  [{e['category']}] {e['term']}: {e['reason']}" for e in entries)
    out.append(f"可能是别名（{len(plan.suggestions)} 条），未自动处理：")
    out.extend(f"  {s}" for s in plan.suggestions)
    if plan.dropped:
        out.append(f"未写入的草稿（{len(plan.dropped)} 条），未通过 check：")
        out.extend(f"  {pid}: {msgs[0]}" for pid, msgs in plan.dropped.items())
    if left:
        out.append(f"仍未归类（{len(left)} 个）：运行 build.py coverage 查看")
    out.append("下一步：逐条审核草稿（mkdocs serve 可预览），然后删去每条的 status 一行即发布")
    return "\n".join(out)

