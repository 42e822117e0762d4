"""``python scripts/build.py check | pages --out DIR | coverage | schema``: the pipeline without MkDocs."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice_site.corpus.load import load_corpus
from practice_site.corpus.model import Corpus
from practice_site.corpus.problems import format_problems
from practice_site.render.site import render_site
from practice_site.text.slug import safe_uri

ROOT = Path(__file__).resolve().parents[2]


def _load(args: argparse.Namespace) -> Corpus | None:
    """The corpus, or None after printing every problem to stderr."""
    corpus, problems = load_corpus(args.data, ROOT)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return None
    return corpus


def cmd_check(args: argparse.Namespace) -> int:
    if (corpus := _load(args)) is None:
        return 1
    drafts = sum(p.draft for p in corpus.practices.values())
    print(f"ok: {len(corpus.reports)} report(s), {len(corpus.practices)} practice(s)"
          + (f", {drafts} of them draft(s) (status: draft)" if drafts else ""))
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    if (corpus := _load(args)) is None:
        return 1
    out: Path = args.out.resolve()
    pages = render_site(corpus)
    for uri, markdown in pages.items():
        # Ids pass the slug rule, but check the final path anyway: nothing lands outside --out.
        target = (out / uri).resolve()
        if out not in target.parents or not safe_uri(uri):
            print(f"refusing to write outside {out}: {uri}", file=sys.stderr)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    print(f"wrote {len(pages)} page(s) to {out}")
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
        print(f"data/coverage.yml:{k.line}: term: {k.term!r} classifies nothing in the reports; "
              "remove the entry", file=sys.stderr)
    print(f"{len(statuses)} occurrence(s): {counts['record']} on a page, {counts['skipped']} "
          f"deliberately skipped, {counts['unclassified']} unclassified; {len(stale)} stale skip(s)")
    return 1 if counts["unclassified"] or stale else 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Rewrite the editors' JSON Schemas (data/*.schema.json) from the readers and taxonomies."""
    from practice_site.corpus.schema import write_schemas
    if (corpus := _load(args)) is None:
        return 1
    for path in write_schemas(corpus, args.data):
        print(f"wrote {path}")
    return 0


def cmd_add_report(args: argparse.Namespace) -> int:
    """Add a report and draft its initiatives (add_report.py); nothing changed on refusal."""
    from practice_site.drafting.add_report import Refused, Request, add_report
    req = Request(args.file, args.id, args.title, args.unit, args.year, args.kind)
    try:
        add_report(req, args.data, ROOT)
    except Refused as exc:
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        print("add-report refused: nothing was changed in data/", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="load and validate data/, print every problem")
    pages = sub.add_parser("pages", help="write the generated Markdown pages to a folder")
    pages.add_argument("--out", type=Path, required=True)
    sub.add_parser("coverage", help="list the reports' quoted terms and named measures with their "
                   "status; non-zero while any is unclassified")
    sub.add_parser("schema", help="rewrite data/practice.schema.json and data/collection.schema.json")
    add = sub.add_parser("add-report", help="add a report (copied verbatim) and draft a record for "
                         "each initiative it names that no record names yet")
    add.add_argument("file", type=Path, help="the report: text (UTF-8, UTF-16 or GB18030/GBK), "
                     "Word (.docx) or PDF with a text layer; stored as UTF-8 text")
    add.add_argument("--id", required=True, help="the report's id: lowercase ASCII words and "
                     "hyphens, e.g. 2023-city-police-summary")
    add.add_argument("--title", required=True, help="the report's title, as printed")
    add.add_argument("--unit", required=True, help="the issuing unit, as the report names it")
    add.add_argument("--year", required=True, help="the year the report covers, e.g. 2023")
    from practice_site.drafting.add_report import DEFAULT_KIND
    add.add_argument("--kind", default=DEFAULT_KIND, help=f"what sort of document (default: {DEFAULT_KIND})")
    args = parser.parse_args(argv)
    return {"check": cmd_check, "pages": cmd_pages, "coverage": cmd_coverage,
            "schema": cmd_schema, "add-report": cmd_add_report}[args.command](args)
