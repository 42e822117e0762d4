"""``load_corpus(reuse=LoadMemo())`` (mkdocs serve) gives what a fresh load gives, after any edit.

A series of edits to a copy of the fixture corpus, each loaded both ways in one process;
the problems, the rendered pages and the export must be equal. Records whose file and
context did not change are the very objects of the last load (so reuse happened).
"""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURE
from practice_site.corpus.load import LoadMemo, load_corpus
from practice_site.link.graph import LinkMemo, link_corpus
from practice_site.render.export import dumps, export_files
from practice_site.render.page_memo import PageMemo
from practice_site.render.site import render_site

NEW_RECORD = """\
id: huhang-fazhan
name: 护航发展
kind: practice
theme: fuwu
tags: [服务企业]
summary: 测试中新加的记录。
how:
  - "以服务为宗旨，护航发展"
outcomes: []
related:
  - id: xiangmu-jingguan
    relation: editors-link
    note: 测试用的编者关联。
"""

EDITS = [  # (label, file under data/, old text or None for a new file, new text or None to delete)
    ("a record's summary", "practices/jiayi.yml", "测试用的", "改过的"),
    ("a record broken", "practices/jiayi.yml", "tags: [矛盾纠纷]", "tags: [没有的标签]"),
    ("another record broken", "practices/xiangmu-jingguan.yml", "measures: 1~3月办结件数", "measures: ["),
    ("the first fixed", "practices/jiayi.yml", "tags: [没有的标签]", "tags: [矛盾纠纷]"),
    ("the second fixed", "practices/xiangmu-jingguan.yml", "measures: [", "measures: 1~3月办结件数"),
    ("a record added", "practices/huhang-fazhan.yml", None, NEW_RECORD),
    ("a report edited under a quote", "reports/mini.txt", "由5名民警认领5个项目", "由6名民警认领6个项目"),
    ("the report restored", "reports/mini.txt", "由6名民警认领6个项目", "由5名民警认领5个项目"),
    ("a tag renamed", "tags.yml", "name: 服务企业,", "name: 服务企业发展,"),
    ("the tag restored", "tags.yml", "name: 服务企业发展,", "name: 服务企业,"),
    ("an attribution word a summary uses", "attribution.yml", "words: [得益于, 带动]", "words: [得益于, 带动, 测试记录]"),
    ("the word removed", "attribution.yml", "words: [得益于, 带动, 测试记录]", "words: [得益于, 带动]"),
    ("the added record deleted", "practices/huhang-fazhan.yml", NEW_RECORD, None),
    ("an alias that another page's text names", "practices/xiangmu-jingguan.yml", "kind: practice",
     "aliases: [警力]\nkind: practice"),
    ("the alias removed", "practices/xiangmu-jingguan.yml", "aliases: [警力]\n", ""),
    ("a summary naming a practice it has no relation to", "practices/jiayi.yml", "summary: 改过的",
     "summary: 不同于项目警官制和警力的改过的"),
    ("that practice's summary (the link's tooltip)", "practices/xiangmu-jingguan.yml",
     "summary: 项目警官制的测试记录。", "summary: 项目警官制的测试记录，已改。"),
    ("a third practice named by a new alias", "practices/jingwang-zhizhi.yml", "kind: practice",
     "aliases: [警力]\nkind: practice"),
    ("the alias removed again", "practices/jingwang-zhizhi.yml", "aliases: [警力]\n", ""),
    ("a glossary meaning", "glossary.yml", "meaning: 甲与乙", "meaning: 甲和乙"),
    ("a name taken by two records", "practices/jiayi.yml", "aliases: [甲乙机制]", "aliases: [甲乙机制, 项目警官制]"),
    ("the name given back", "practices/jiayi.yml", "aliases: [甲乙机制, 项目警官制]", "aliases: [甲乙机制]"),
    ("a tag added to a record (the suggestions sharing it)", "practices/jiayi.yml", "tags: [矛盾纠纷]",
     "tags: [矛盾纠纷, 网格治理]"),
    ("the tag taken off", "practices/jiayi.yml", "tags: [矛盾纠纷, 网格治理]", "tags: [矛盾纠纷]"),
]


def outputs(data, reuse: LoadMemo | None, memo: PageMemo | None = None, linked: LinkMemo | None = None):
    corpus, problems = load_corpus(data, data.parent, reuse=reuse)
    if problems:
        return corpus, [str(p) for p in problems], None
    links = link_corpus(corpus, linked)
    return corpus, [], (render_site(corpus, links, "https://example.org/", memo=memo),
                        export_files(corpus, links, "https://example.org/"))


def apply(data, rel: str, old: str | None, new: str | None) -> None:
    path = data / rel
    if new is None:
        path.unlink()
    elif old is None:
        path.write_text(new, encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_reused_load_and_pages_equal_a_fresh_load_after_each_edit(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    memo, loads, linked = PageMemo(), LoadMemo(), LinkMemo()
    previous, _, _ = outputs(data, reuse=loads, memo=memo, linked=linked)
    seen_problems, reused, previous_problems = False, [], []
    for label, rel, old, new in EDITS:
        apply(data, rel, old, new)
        corpus, problems, built = outputs(data, reuse=loads, memo=memo, linked=linked)
        _, fresh_problems, fresh_built = outputs(data, reuse=None)
        assert problems == fresh_problems, label
        assert built == fresh_built, label
        seen_problems |= bool(problems)
        reused.append(memo.reused if built else 0)
        if rel.startswith("practices/") and not problems:
            # Only the edited record was read again; the others are the last load's objects.
            same = {pid for pid, p in corpus.practices.items() if previous.practices.get(pid) is p}
            edited = rel.removeprefix("practices/").removesuffix(".yml")
            files_changed = old is None or new is None
            assert same == (set() if files_changed else set(corpus.practices) - {edited}), label
        elif rel == "glossary.yml":  # read after the records: no record is checked against it
            assert all(previous.practices.get(pid) is p for pid, p in corpus.practices.items()), label
        elif not problems:  # a record's context changed: every record read again
            assert not any(previous.practices.get(pid) is p for pid, p in corpus.practices.items()), label
        if not problems and not previous_problems:
            # A report's parse is reused while its text and title are the same.
            for rid, report in corpus.reports.items():
                before = previous.reports[rid]
                same = before.parsed == report.parsed and before.title == report.title
                assert (before.parsed is report.parsed) == same, (label, rid)
            assert any(corpus.reports[rid].parsed is r.parsed for rid, r in previous.reports.items()) == (
                not rel.startswith("reports/")), label
        previous, previous_problems = corpus, problems
    assert seen_problems
    # A summary edit re-renders the pages showing it (its own, jingwang-ronghe's inverse
    # relation, the report linking it); the two other practices and the other report are
    # reused. An edit of every page's context reuses none.
    assert reused[0] == 3, reused
    assert reused[[e[0] for e in EDITS].index("a glossary meaning")] == 0, reused


@pytest.mark.parametrize("broken", ["tags: [没有的标签]", "tags: [", "\ufeff"])
def test_a_broken_record_is_reported_on_every_load_until_fixed(tmp_path, broken):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "practices" / "jiayi.yml"
    good = path.read_text(encoding="utf-8")
    loads = LoadMemo()
    load_corpus(data, data.parent, reuse=loads)
    path.write_text(broken + good if broken == "\ufeff" else good.replace("tags: [矛盾纠纷]", broken), encoding="utf-8")
    first = load_corpus(data, data.parent, reuse=loads)[1]
    again = load_corpus(data, data.parent, reuse=loads)[1]
    assert first and first == again == load_corpus(data, data.parent)[1]
    assert all(p.path.endswith("practices/jiayi.yml") for p in first)
    path.write_text(good, encoding="utf-8")
    assert load_corpus(data, data.parent, reuse=loads)[1] == []


@pytest.mark.parametrize("data", [
    {"version": 1, "practices": []},
    {"practices": [{"a": [1, {"b": "两行\n文字"}], "c": {}, "d": []}]},
    {"version": 1, "note": "“引号” \\ \"", "reports": [{"id": "r"}], "practices": [{"x": None}, {"y": 1.5}]},
])
def test_export_text_is_the_data_one_practice_a_line(data):
    text = dumps(data)
    assert json.loads(text) == data
    lines = text.splitlines()
    for entry in data["practices"]:  # each practice whole on a line of its own
        assert sum(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) in ln for ln in lines) == 1
    assert len(lines) == 2 + len(data) + len(data["practices"]) + len(data.get("reports", [])) + sum(
        1 for v in data.values() if isinstance(v, list) and v)
