"""JSON Schemas for the records editors write: ``data/practice.schema.json`` and
``data/collection.schema.json``, for completion and validation in the editor (the YAML
language server; see data/README.md).

Generated from the readers' field lists and the taxonomies (kinds, themes, tags,
relations), so the editor offers exactly the ids the build accepts; ``python3
scripts/build.py schema`` rewrites them and a test fails while they are stale. The build's
own checks stay the authority: a schema cannot know whether a phrase occurs in a report.
"""
from __future__ import annotations

import json
from pathlib import Path

from practice_site.corpus import handouts, practices
from practice_site.corpus.fields import MAX_TEXT
from practice_site.corpus.model import Corpus
from practice_site.text.slug import ID_RULE, MAX_ID

PRACTICE_SCHEMA = "practice.schema.json"
COLLECTION_SCHEMA = "collection.schema.json"

# Length limits the readers apply (practices.py, handouts.py); tests check
# that the schema and the loader refuse the same over-long texts.
LIMITS = {"name": 40, "summary": 300, "quote": 500, "figure": 60, "measures": 200,
          "title": 60, "audience": 100, "introduction": 1000, "note": 500}

# fields.FieldReader.text: no HTML, no control or bidirectional override characters.
_NO_HTML = r"<\s*/?\s*[A-Za-z!][^>]*>|<\s*[A-Za-z]+"
_CONTROL = r"[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]"


def text(max_len: int = MAX_TEXT, one_line: bool = True, description: str = "") -> dict:
    """A text field as FieldReader.text reads it."""
    rules: list[dict] = [{"not": {"pattern": _NO_HTML}}, {"not": {"pattern": _CONTROL}}]
    if one_line:
        rules.append({"pattern": r"^\s*[^\n]*?\s*$"})
    out = {"type": "string", "pattern": r"\S", "maxLength": max_len, "allOf": rules}
    return {**out, "description": description} if description else out


def ident(description: str = "") -> dict:
    out = {"type": "string", "pattern": ID_RULE.pattern, "maxLength": MAX_ID}
    return {**out, "description": description} if description else out


def choice(ids, description: str) -> dict:
    return {"type": "string", "enum": sorted(ids), "description": description}


def _object(properties: dict, required: tuple[str, ...], description: str = "") -> dict:
    out = {"type": "object", "additionalProperties": False, "required": list(required),
           "properties": properties}
    return {**out, "description": description} if description else out


def practice_schema(corpus: Corpus) -> dict:
    quote = text(LIMITS["quote"], description="从报告中原样复制，不跨句")
    fields = {
        "id": ident("与文件名相同，也是网址（practices/<id>/）"),
        "name": text(LIMITS["name"], description="照报告的写法（不是报告的写法时，加 name_editorial）"),
        "name_editorial": {"type": "boolean", "description":
                           "true：名称是编者拟的，报告中没有这样写（页面注明为编者拟名）"},
        "aliases": {"type": "array", "items": text(description="报告用过的另一个名称")},
        "former_ids": {"type": "array", "items": ident(), "description":
                       "这条记录以前用过的 id；旧网址会转到本页"},
        "kind": choice(corpus.kinds, "data/kinds.yml"),
        "theme": choice(corpus.themes, "data/themes.yml"),
        "tags": {"type": "array", "minItems": 1, "items": choice(corpus.tags, "data/tags.yml")},
        "summary": text(LIMITS["summary"], description="编者概述：一两句平实的话，说报告说这个做法是什么、做了什么"),
        "how": {"type": "array", "minItems": 1, "items": quote, "description": "做法要点"},
        "outcomes": {"type": "array", "items": _object(
            {"figure": text(LIMITS["figure"], description="照原文，隐去的 * 保留"),
             "measures": text(LIMITS["measures"], description="统计的是什么（编者写）"),
             "quote": quote,
             "report": ident("报告 id：多份报告都含这段原文时写")},
            practices.OUTCOME_REQUIRED)},
        "related": {"type": "array", "items": _object(
            {"id": ident("另一个做法的 id"),
             "relation": choice(corpus.relation_kinds, "data/relations.yml"),
             "note": text(description="编者说明（编者关联必填）"),
             "quote": text(LIMITS["quote"], description="报告中写明这一关联的原文"
                           "（有原文依据的关系必填）")}, ("id", "relation"))},
        "evidence": {"type": "array", "items": quote},
        "status": {"type": "string", "enum": list(practices.STATUSES), "description":
                   "draft：由 add-report 起草、尚未审核；删去这一行即发布"},
    }
    assert set(fields) == set(practices.REQUIRED + practices.OPTIONAL)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": PRACTICE_SCHEMA,
            "title": "做法记录 data/practices/<id>.yml",
            "description": "由 python3 scripts/build.py schema 生成；各字段的说明见 data/README.md。",
            **_object(fields, practices.REQUIRED)}


def collection_schema(corpus: Corpus) -> dict:
    item = _object({
        "practice": choice(corpus.practices, "做法 id"),
        "quote": text(LIMITS["quote"], description="从报告中复制的一段原文"),
        "report": ident("报告 id：多份报告都含这段原文时写"),
        "note": text(LIMITS["note"], one_line=False, description="教员提示（编者文字）"),
        "questions": {"type": "array", "items": text(description="讨论题")},
    }, ())
    item["oneOf"] = [{"required": ["practice"],
                      "not": {"anyOf": [{"required": ["quote"]}, {"required": ["report"]}]}},
                     {"required": ["quote"], "not": {"required": ["practice"]}}]
    fields = {"title": text(LIMITS["title"]), "audience": text(LIMITS["audience"]),
              "introduction": text(LIMITS["introduction"], one_line=False, description="编者导语"),
              "items": {"type": "array", "minItems": 1, "items": item}}
    assert set(fields) == set(handouts.FIELDS)
    assert set(item["properties"]) == set(handouts.ITEM_FIELDS)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": COLLECTION_SCHEMA,
            "title": "专题讲义 data/collections/<id>.yml",
            "description": "由 python3 scripts/build.py schema 生成；各字段的说明见 data/README.md。",
            **_object(fields, handouts.FIELDS)}


def schema_files(corpus: Corpus) -> dict[str, str]:
    """{file name in data/: JSON text}."""
    def dump(d: dict) -> str:
        return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
    return {PRACTICE_SCHEMA: dump(practice_schema(corpus)),
            COLLECTION_SCHEMA: dump(collection_schema(corpus))}


def write_schemas(corpus: Corpus, data_dir: Path) -> list[Path]:
    out = []
    for name, body in schema_files(corpus).items():
        path = data_dir / name
        path.write_text(body, encoding="utf-8")
        out.append(path)
    return out
