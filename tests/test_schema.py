"""The editors' JSON Schemas and the export: in step with the loader, and true of the data."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from practice_site.corpus.load import load_corpus
from practice_site.corpus.schema import collection_schema, practice_schema, schema_files
from practice_site.link.graph import link_corpus
from practice_site.render.export import EXPORT_SCHEMA, export

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(DATA, ROOT)
    assert problems == []
    return corpus


def test_committed_schemas_are_current(corpus):
    for name, body in schema_files(corpus).items():
        assert (DATA / name).read_text(encoding="utf-8") == body, \
            f"data/{name} is stale: run python3 scripts/build.py schema"


def _errors(schema: dict, record) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(record)]


def test_every_record_passes_the_schema(corpus):
    schema = json.loads((DATA / "practice.schema.json").read_text(encoding="utf-8"))
    for path in sorted((DATA / "practices").glob("*.yml")):
        assert _errors(schema, yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path.name
    schema = json.loads((DATA / "collection.schema.json").read_text(encoding="utf-8"))
    paths = sorted((DATA / "collections").glob("*.yml"))
    assert len(paths) >= 2
    for path in paths:
        assert _errors(schema, yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path.name


def test_export_validates_against_its_schema(corpus):
    data = json.loads(export(corpus, link_corpus(corpus)))
    assert _errors(json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8")), data) == []
    assert [p["id"] for p in data["practices"]] == sorted(corpus.practices)
    zu = next(p for p in data["practices"] if p["id"] == "zu-anxin")
    # Figures stay masked exactly; every source names its sentence anchor and URL.
    assert zu["url"] == "practices/zu-anxin/"
    assert all(s["url"] == f"reports/{s['report']}/#{s['sentence']}" for s in zu["sources"])
    assert all(o["figure"] in o["quote"]["sentence_text"] for o in zu["outcomes"])
    assert any(r["direction"] == "inverse" for p in data["practices"] for r in p["related"])


# Broken variants of the fixture record practices/jiayi.yml: (what, old text, new text).
# Each must be refused by the loader and by the schema. The loader checks more than a
# schema can (a quote must occur in a report, a related id must have a record): those are
# not listed here.
JIAYI = FIXTURE / "practices" / "jiayi.yml"
BROKEN = [
    ("missing field", "theme: pingan\n", ""),
    ("unknown field", "kind: mechanism", "kind: mechanism\nauthor: 张三"),
    ("misspelt field", "aliases:", "alias:"),
    ("number for text", "name: “甲乙”机制", "name: 12"),
    ("yes/no for text", "name: “甲乙”机制", "name: no"),
    ("bare date for text", "summary: 测试用的*化解*机制。", "summary: 2022-01-01"),
    ("empty text", "summary: 测试用的*化解*机制。", 'summary: ""'),
    ("null text", "summary: 测试用的*化解*机制。", "summary:"),
    ("list for text", "summary: 测试用的*化解*机制。", "summary: [a, b]"),
    ("scalar for list", "tags: [矛盾纠纷]", "tags: 矛盾纠纷"),
    ("empty tags", "tags: [矛盾纠纷]", "tags: []"),
    ("unknown tag", "tags: [矛盾纠纷]", "tags: [不存在]"),
    ("unknown theme", "theme: pingan", "theme: nowhere"),
    ("unknown kind", "kind: mechanism", "kind: idea"),
    ("unknown relation", "relation: editors-link", "relation: likes"),
    ("capital in id", "id: jiayi", "id: Jiayi"),
    ("bad former id", "kind: mechanism", "kind: mechanism\nformer_ids: [Old_Id]"),
    ("HTML in summary", "summary: 测试用的*化解*机制。", 'summary: "<b>x</b>"'),
    ("control character", "summary: 测试用的*化解*机制。", 'summary: "a\\u202eb"'),
    ("two-line name", "name: “甲乙”机制", 'name: "甲乙\\n机制"'),
    ("over-long name", "name: “甲乙”机制", "name: " + "甲" * 41),
    ("over-long summary", "summary: 测试用的*化解*机制。", "summary: " + "甲" * 301),
    ("outcome without quote", '    quote: "化解率**％"\n', ""),
    ("unknown outcome field", "    measures: 化解率", "    measures: 化解率\n    unit: 个"),
    ("related without relation", "    relation: editors-link\n", ""),
    ("no how", '  - "创新“甲乙”机制"\n', "  []\n"),
]


@pytest.mark.parametrize("what, old, new", BROKEN, ids=[b[0] for b in BROKEN])
def test_loader_and_schema_agree_on_broken_records(tmp_path, what, old, new):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    fixture, _ = load_corpus(data, tmp_path)
    schema = practice_schema(fixture)
    text = JIAYI.read_text(encoding="utf-8")
    assert text.count(old) == 1, what
    broken = text.replace(old, new).replace("how:\n  []", "how: []")
    (data / "practices" / "jiayi.yml").write_text(broken, encoding="utf-8")
    _, problems = load_corpus(data, tmp_path)
    assert any(p.path == "data/practices/jiayi.yml" for p in problems), f"loader accepts {what}"
    assert _errors(schema, yaml.safe_load(broken)), f"schema accepts {what}"


def test_loader_and_schema_agree_on_valid_records():
    fixture, problems = load_corpus(FIXTURE)
    assert problems == []
    schema = practice_schema(fixture)
    for path in (FIXTURE / "practices").glob("*.yml"):
        assert _errors(schema, yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path.name
    # Optional fields the fixture does not use, filled in validly.
    record = yaml.safe_load(JIAYI.read_text(encoding="utf-8"))
    record.update(former_ids=["jia-yi"], evidence=["共化解纠纷*****起"])
    assert _errors(schema, record) == []


def test_collection_schema_refuses_what_the_loader_refuses(corpus):
    schema = collection_schema(corpus)
    good = yaml.safe_load((DATA / "collections" / "fanzha.yml").read_text(encoding="utf-8"))
    assert _errors(schema, good) == []
    for broken in ({**good, "items": []}, {**good, "author": "x"},
                   {**good, "items": [{"practice": "no-such-practice"}]},
                   {**good, "items": [{"practice": "zu-anxin", "quote": "租安心"}]},
                   {**good, "items": [{"note": "x"}]}):
        assert _errors(schema, broken), broken
