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
    quote = text(LIMITS["quote"], description="copied verbatim from a report, within one sentence")
    fields = {
        "id": ident("equals the file name and the URL (practices/<id>/)"),
        "name": text(LIMITS["name"], description="as the report writes it (else set name_editorial)"),
        "name_editorial": {"type": "boolean", "description":
                           "true: the name is the editors' wording, not printed in the report (shown as 编者拟名)"},
        "aliases": {"type": "array", "items": text(description="another name the report uses")},
        "former_ids": {"type": "array", "items": ident(), "description":
                       "ids this record had before; their URLs redirect to this page"},
        "kind": choice(corpus.kinds, "data/kinds.yml"),
        "theme": choice(corpus.themes, "data/themes.yml"),
        "tags": {"type": "array", "minItems": 1, "items": choice(corpus.tags, "data/tags.yml")},
        "summary": text(LIMITS["summary"], description="one or two plain editorial sentences (编者概述)"),
        "how": {"type": "array", "minItems": 1, "items": quote, "description": "做法要点"},
        "outcomes": {"type": "array", "items": _object(
            {"figure": text(LIMITS["figure"], description="exactly as printed, masks (*) kept"),
             "measures": text(LIMITS["measures"], description="what it counts (editorial)"),
             "quote": quote,
             "report": ident("report id, where several reports hold the phrase")},
            practices.OUTCOME_REQUIRED)},
        "related": {"type": "array", "items": _object(
            {"id": ident("another practice's id"),
             "relation": choice(corpus.relation_kinds, "data/relations.yml"),
             "note": text(description="editorial (required for an editorial kind)"),
             "quote": text(LIMITS["quote"], description="the report's words that state the link "
                           "(required for a stated kind)")}, ("id", "relation"))},
        "evidence": {"type": "array", "items": quote},
        "status": {"type": "string", "enum": list(practices.STATUSES), "description":
                   "draft: written by add-report, not yet reviewed; delete the line to publish"},
    }
    assert set(fields) == set(practices.REQUIRED + practices.OPTIONAL)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": PRACTICE_SCHEMA,
            "title": "做法记录 data/practices/<id>.yml",
            "description": "Generated by python3 scripts/build.py schema; data/README.md explains each field.",
            **_object(fields, practices.REQUIRED)}


def collection_schema(corpus: Corpus) -> dict:
    item = _object({
        "practice": choice(corpus.practices, "a practice id"),
        "quote": text(LIMITS["quote"], description="a phrase copied from a report"),
        "report": ident("report id, where several reports hold the phrase"),
        "note": text(LIMITS["note"], one_line=False, description="the trainer's note (editorial)"),
        "questions": {"type": "array", "items": text(description="a discussion question")},
    }, ())
    item["oneOf"] = [{"required": ["practice"],
                      "not": {"anyOf": [{"required": ["quote"]}, {"required": ["report"]}]}},
                     {"required": ["quote"], "not": {"required": ["practice"]}}]
    fields = {"title": text(LIMITS["title"]), "audience": text(LIMITS["audience"]),
              "introduction": text(LIMITS["introduction"], one_line=False, description="editorial"),
              "items": {"type": "array", "minItems": 1, "items": item}}
    assert set(fields) == set(handouts.FIELDS)
    assert set(item["properties"]) == set(handouts.ITEM_FIELDS)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": COLLECTION_SCHEMA,
            "title": "专题讲义 data/collections/<id>.yml",
            "description": "Generated by python3 scripts/build.py schema; data/README.md explains each field.",
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
