"""``export/practices.json``: every practice as data, for a learning system or a script.

One entry per practice with every field of its record, each quote resolved to its report
sentence (id, text, URL), the sentences the linker found (``sources``) and the relations in
both directions. The shape is ``EXPORT_SCHEMA`` (published beside it as
``export/practices.schema.json``); URLs are relative to the site root unless the site has
a ``site_url``.
"""
from __future__ import annotations

import json
from pathlib import Path

from practice_site.corpus.model import Corpus, Quote
from practice_site.link.graph import Links
from practice_site.render.urls import uris

EXPORT = "export/practices.json"
EXPORT_SCHEMA_URI = "export/practices.schema.json"
EXPORT_SCHEMA = Path(__file__).with_name("export.schema.json")
VERSION = 1
"""Bumped when an entry's shape changes incompatibly."""


def page_url(uri: str, site_url: str = "", directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page at source path ``uri`` (``practices/x.md``)."""
    stem = uri.removesuffix(".md")
    if not directory_urls:
        path = f"{stem}.html"
    elif stem == "index" or stem.endswith("/index"):
        path = stem.removesuffix("index")
    else:
        path = f"{stem}/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def export(corpus: Corpus, links: Links, site_url: str = "", directory_urls: bool = True) -> str:
    """The export as JSON text (UTF-8, keys in a fixed order, one practice per entry)."""
    def url(uri: str, anchor: str = "") -> str:
        return page_url(uri, site_url, directory_urls) + (f"#{anchor}" if anchor else "")

    def sentence(report: str, sid: str) -> dict:
        s = corpus.quotes.sentence(report, sid)
        r = corpus.reports[report]
        return {"report": report, "sentence": sid, "section": s.section if s else "",
                "place": r.parsed.label(s.section) if s else "", "text": s.text if s else "",
                "url": url(uris.report(report), sid)}

    def quote(q: Quote) -> dict:
        out = sentence(q.report, q.sentence)
        return {"text": q.text, **{k: v for k, v in out.items() if k != "text"},
                "sentence_text": out["text"]}

    # (declaring id, kind) -> quote, per target: one pass over the relations, not one per
    # practice (that was quadratic: 0.15 s of a rebuild at 1,000 practices).
    quoted_by_target: dict[str, dict[tuple[str, str], Quote | None]] = {}
    for src, declaring in corpus.practices.items():
        for r in declaring.related:
            quoted_by_target.setdefault(r.target, {})[(src, r.kind)] = r.quote
    practices = []
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        def relation(pid: str, kind: str, note: str, direction: str, q: Quote | None) -> dict:
            rk = corpus.relation_kinds[kind]
            return {"id": pid, "relation": kind, "direction": direction,
                    "label": rk.label if direction == "declared" else rk.inverse,
                    "editorial": rk.editorial, "note": note,
                    "quote": quote(q) if q else None, "url": url(uris.practice(pid))}

        quoted = quoted_by_target.get(p.id, {})
        related = [relation(r.target, r.kind, r.note, "declared", r.quote) for r in p.related]
        related += [relation(src, kind, note, "inverse", quoted.get((src, kind)))
                    for src, kind, note in links.inverse[p.id]]
        practices.append({
            "id": p.id, "url": url(uris.practice(p.id)), "former_ids": list(p.former_ids),
            "name": p.name, **({"name_editorial": True} if p.name_editorial else {}),
            "aliases": list(p.aliases),
            "kind": p.kind, "kind_name": corpus.kinds[p.kind].name,
            "theme": p.theme, "theme_name": corpus.themes[p.theme].name,
            "tags": list(p.tags), "summary": p.summary,
            "how": [quote(q) for q in p.how],
            "outcomes": [{"figure": o.figure, "measures": o.measures, "quote": quote(o.quote)}
                         for o in p.outcomes],
            "evidence": [quote(q) for q in p.evidence],
            "sources": [{**sentence(e.report, e.sentence.id), "names_practice": e.mentioned}
                        for e in links.evidence[p.id]],
            "related": related,
        })
    reports = [{"id": r.id, "title": r.title, "unit": r.unit, "year": r.year, "kind": r.kind,
                "url": url(uris.report(r.id))} for r in sorted(corpus.reports.values(), key=lambda r: r.id)]
    data = {"version": VERSION,
            "note": "报告原文照录，原文隐去的数字以 * 表示；summary、measures、note 为编者文字。",
            "reports": reports, "practices": practices}
    return dumps(data) + "\n"


def dumps(data: dict) -> str:
    """JSON with one line per top-level key, and one per item of a top-level list (each report,
    each practice): a diff of two exports shows the practices that changed, ``grep`` finds
    one, and every line is written by Python's C encoder (indented JSON is written in pure
    Python: 0.14 s at 1,000 practices, on every build and ``serve`` rebuild)."""
    def line(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def member(key: str, value) -> str:
        if isinstance(value, list) and value:
            return line(key) + ":[\n" + ",\n".join(map(line, value)) + "\n]"
        return line(key) + ":" + line(value)
    return "{\n" + ",\n".join(member(k, v) for k, v in data.items()) + "\n}"


def export_files(corpus: Corpus, links: Links, site_url: str = "",
                 directory_urls: bool = True) -> dict[str, str]:
    """{site path: text} for the export and its schema."""
    return {EXPORT: export(corpus, links, site_url, directory_urls),
            EXPORT_SCHEMA_URI: EXPORT_SCHEMA.read_text(encoding="utf-8")}
