"""The record writer's output reads back, through the loader's own YAML reader, to the
values written: tricky text included (masks, yes/no words, dates, colons, quotes)."""
from __future__ import annotations

import pytest

from practice_site.corpus.fields import plain
from practice_site.corpus.write_record import record_yaml, write_record
from practice_site.corpus.yamlnodes import parse_yaml

RECORD = {
    "id": "jiayi-zhi",
    "name": "“甲乙”工作法",
    "aliases": ["*甲乙"],
    "kind": "practice",
    "theme": "pingan",
    "tags": ["no", "2022-01-01"],
    "summary": 'a: b # not a comment, "quoted", \\ backslash',
    "how": ["化解率**％", "1~3月"],
    "outcomes": [{"figure": "***起", "measures": "on", "quote": "共*起：\t好"}],
    "related": [],
}


def test_round_trip_through_the_loaders_yaml_reader():
    text = record_yaml(RECORD, comment="drafted\n\nby a test")
    assert text.startswith("# drafted\n#\n# by a test\nid: ")
    value, problems = parse_yaml(text, "x.yml")
    assert problems == []
    assert plain(value) == RECORD
    # Every text is a string scalar, never a yes/no value or a date.
    assert value.value["tags"].value[0].tag == "str" and value.value["tags"].value[1].tag == "str"


def test_field_order_and_unknown_fields():
    text = record_yaml({"related": [], "id": "a", "name": "甲"})
    assert text.splitlines() == ['id: "a"', 'name: "甲"', "related: []"]
    with pytest.raises(ValueError, match="not record fields: colour"):
        record_yaml({"id": "a", "colour": "red"})


def test_never_overwrites(tmp_path):
    write_record(tmp_path, {"id": "a", "name": "甲"})
    with pytest.raises(FileExistsError):
        write_record(tmp_path, {"id": "a", "name": "乙"})
    assert (tmp_path / "a.yml").read_text(encoding="utf-8") == 'id: "a"\nname: "甲"\n'
