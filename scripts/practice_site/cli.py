"""``python scripts/build.py check | pages --out DIR | coverage | schema``: the pipeline without MkDocs."""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from practice_site.corpus.load import load_corpus
from practice_site.corpus.model import Corpus
from practice_site.corpus.practices import links_to_drafts
from practice_site.corpus.problems import format_problems
from practice_site.render.page import Page
from practice_site.render.site import render_site
from practice_site.text.slug import safe_uri

ROOT = Path(__file__).resolve().parents[2]


def _load(args: argparse.Namespace) -> Corpus | None:
    """The corpus, or None after printing every problem to stderr."""
    corpus, problems = load_corpus(args.data, ROOT)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return None
    for warning in corpus.warnings:  # told, not refused
        print(f"警告：{warning}", file=sys.stderr)
    return corpus


def cmd_check(args: argparse.Namespace) -> int:
    if (corpus := _load(args)) is None:
        return 1
    drafts = sum(p.draft for p in corpus.practices.values())
    print(f"检查通过：{len(corpus.reports)} 份报告，{len(corpus.practices)} 个做法"
          + (f"，其中 {drafts} 个是草稿（status: draft）" if drafts else ""))
    if links := links_to_drafts(corpus.practices):
        print(f"注意：{len(links)} 条链接从已发布的记录指向草稿：")
        print("\n".join(f"  {ln}" for ln in links))
    return 0


def review_html(page: Page) -> str:
    """A generated page as a bare HTML document (no theme), for review."""
    title = html.escape(str(page.meta.get("title", "")))
    return f'<!doctype html>\n<html lang="zh">\n<meta charset="utf-8">\n<title>{title}</title>\n{page.html}</html>\n'


def cmd_pages(args: argparse.Namespace) -> int:
    if (corpus := _load(args)) is None:
        return 1
    out: Path = args.out.resolve()
    # Links as the offline edition writes them (page.html): the folder can be browsed as is.
    pages = render_site(corpus, directory_urls=False)
    for uri, page in pages.items():
        # Ids pass the slug rule, but check the final path anyway: nothing lands outside --out.
        target = (out / uri).with_suffix(".html").resolve()
        if out not in target.parents or not safe_uri(uri):
            print(f"拒绝写到 {out} 之外：{uri}", file=sys.stderr)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(review_html(page), encoding="utf-8")
    print(f"已把 {len(pages)} 个页面写入 {out}")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Every quoted term and named measure of the reports: a page, skipped, or unclassified."""
    from practice_site.link.coverage import classify, format_listing, unused_skips
    if (corpus := _load(args)) is None:
        return 1
    statuses = classify(corpus)
    print(format_listing(corpus, statuses))
    counts = {k: sum(s.status == k for s in statuses) for k in ("record", "skipped", "unclassified")}
    stale = unused_skips(corpus, statuses)
    for k in stale:
        print(f"data/coverage.yml:{k.line}: term: 「{k.term}」在报告中没有对应任何出现；"
              "删去这一条", file=sys.stderr)
    print(f"共 {len(statuses)} 处：{counts['record']} 处有页面，{counts['skipped']} 处有意跳过，"
          f"{counts['unclassified']} 处未归类；{len(stale)} 条跳过已过时")
    return 1 if counts["unclassified"] or stale else 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Rewrite the editors' JSON Schemas (data/*.schema.json) from the readers and taxonomies."""
    from practice_site.corpus.schema import write_schemas
    if (corpus := _load(args)) is None:
        return 1
    for path in write_schemas(corpus, args.data):
        print(f"已写入 {path}")
    return 0


def cmd_add_report(args: argparse.Namespace) -> int:
    """Add a report and draft its initiatives (add_report.py); nothing changed on refusal."""
    from practice_site.drafting.add_report import Refused, Request, add_report
    req = Request(args.file, args.id, args.title, args.unit, args.year, args.kind)
    try:
        add_report(req, args.data, ROOT)
    except Refused as exc:
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        print("add-report 未执行：data/ 没有任何改动", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="不经 MkDocs 运行生成流程：检查数据、"
                                     "写出页面、列出覆盖情况、生成 JSON Schema、加入报告。")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="数据文件夹（默认 data/）")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="载入并检查 data/，列出所有问题")
    pages = sub.add_parser("pages", help="把生成的页面以 HTML（不带主题）写入一个文件夹，供审阅")
    pages.add_argument("--out", type=Path, required=True)
    sub.add_parser("coverage", help="列出各报告的引号词语和措施名称及其归类；"
                   "有未归类的词语时以非零状态退出")
    sub.add_parser("schema", help="重写 data/practice.schema.json 和 data/collection.schema.json")
    add = sub.add_parser("add-report", help="加入一份报告（原文照录），并为其中尚无记录的每项做法"
                         "起草一条记录")
    add.add_argument("file", type=Path, help="报告文件：文本（UTF-8、UTF-16 或 GB18030/GBK）、"
                     "Word（.docx）或带文字层的 PDF；存为 UTF-8 文本")
    add.add_argument("--id", required=True, help="报告的 id：小写英文字母、数字和连字符，"
                     "例如 2023-city-police-summary")
    add.add_argument("--title", required=True, help="报告标题，照原文")
    add.add_argument("--unit", required=True, help="发文单位，照报告的写法")
    add.add_argument("--year", required=True, help="报告所述的年份，例如 2023")
    from practice_site.drafting.add_report import DEFAULT_KIND
    add.add_argument("--kind", default=DEFAULT_KIND, help=f"文件类别（默认：{DEFAULT_KIND}）")
    args = parser.parse_args(argv)
    return {"check": cmd_check, "pages": cmd_pages, "coverage": cmd_coverage,
            "schema": cmd_schema, "add-report": cmd_add_report}[args.command](args)
