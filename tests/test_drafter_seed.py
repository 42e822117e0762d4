"""The drafter measured on the seed: add-report the seed report into a copy of the project
with no practice records (and nothing else that refers to them or to the report), then compare the
drafts with today's curated practices (a draft counts when its name or an alias equals a
curated name or alias, quotation marks ignored). Prints recall, the misses and the drafts
that match no curated practice; fails below 90 % recall or above ``MAX_UNMATCHED`` drafts matching
no curated practice (precision matters as much as recall)."""
from __future__ import annotations

import shutil
from pathlib import Path

from practice_site import cli
from practice_site.corpus.load import load_corpus
from practice_site.link.coverage import classify
from practice_site.text.terms import unquoted

ROOT = Path(__file__).resolve().parent.parent
MIN_RECALL = 0.9
MAX_UNMATCHED = 25


def test_drafter_recall_on_the_seed(tmp_path, capsys):
    curated, _ = load_corpus(ROOT / "data", ROOT)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for folder in ("practices", "reports", "collections"):  # collections name practices
        shutil.rmtree(data / folder, ignore_errors=True)
        (data / folder).mkdir()
    for name, empty in (("coverage.yml", "[]"), ("honours.yml", "{}"), ("glossary.yml", "{}"),
                        ("themes.yml", "{}")):
        (data / name).write_text(empty + "\n", encoding="utf-8")
    for report in curated.reports.values():
        source = ROOT / report.path
        assert cli.main(["--data", str(data), "add-report", str(source), "--id", report.id,
                         "--title", report.title, "--unit", report.unit, "--year", str(report.year),
                         "--kind", report.kind]) == 0
    capsys.readouterr()
    drafted, problems = load_corpus(data, tmp_path)
    assert problems == []
    assert [s.occurrence.term for s in classify(drafted) if s.status == "unclassified"] == []
    drafts = {p.id: {unquoted(n) for n in p.names} for p in drafted.practices.values()}
    assert all(p.draft for p in drafted.practices.values())
    names = {p.id: {unquoted(n) for n in p.names} for p in curated.practices.values()}
    found = [pid for pid, ns in names.items() if any(ns & d for d in drafts.values())]
    missed = sorted(set(names) - set(found))
    unmatched = sorted(min(d) for d in drafts.values() if not any(d & ns for ns in names.values()))
    recall = len(found) / len(names)
    with capsys.disabled():
        matched = len(drafts) - len(unmatched)
        print(f"\ndrafter on the seed: recall {len(found)}/{len(names)} = {recall:.1%}; "
              f"{len(drafts)} drafts, {len(unmatched)} match no curated practice "
              f"(precision {matched}/{len(drafts)} = {matched / len(drafts):.1%})")
        print("  missed: " + ", ".join(f"{pid} ({curated.practices[pid].name})" for pid in missed))
        print("  drafts matching none: " + "、".join(unmatched))
    assert recall >= MIN_RECALL
    assert len(unmatched) <= MAX_UNMATCHED
