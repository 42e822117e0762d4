"""The taxonomies: ``themes.yml``, ``tags.yml``, ``kinds.yml``, ``relations.yml``."""
from __future__ import annotations

from practice_site.corpus.fields import FieldReader
from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import unknown
from practice_site.corpus.model import Kind, RelationKind, Report, Tag, Theme
from practice_site.corpus.problems import quoted
from practice_site.corpus.yamlnodes import Value


def read_themes(folder: DataFolder, reports: dict[str, Report]) -> dict[str, Theme]:
    out = {}
    # With a report that failed to load, its problem is the one to fix, not the themes naming it.
    checkable = bool(reports) and not folder.broken("reports")
    for key, f, r, _ in folder.mapping_file("themes.yml", ("name", "description", "parts")):
        parts = []
        for i, pv in enumerate(r.items(f.get("parts"), f"{key}.parts")):
            where = f"{key}.parts[{i}]"
            pf = r.mapping(pv, where, ("report", "part"))
            if pf is None:
                continue
            rid, num = r.text(pf.get("report"), f"{where}.report"), r.integer(pf.get("part"), f"{where}.part")
            if rid is None or num is None:
                continue
            if checkable and rid not in reports:
                r.problem(pf["report"].line, f"{where}.report", unknown("报告", rid, reports))
            elif checkable and reports[rid].parsed.top(num) is None:
                r.problem(pf["part"].line, f"{where}.part", f"报告{quoted(rid)}没有第 {num} 部分")
            parts.append((rid, num))
        name, desc = r.text(f.get("name"), f"{key}.name"), r.text(f.get("description"), f"{key}.description")
        if name and desc:
            out[key] = Theme(key, name, desc, tuple(parts))
    return out


def read_tags(folder: DataFolder) -> dict[str, Tag]:
    out = {}
    for key, f, r, line in folder.mapping_file("tags.yml", ("name", "description")):
        name, desc = r.text(f.get("name"), f"{key}.name"), r.text(f.get("description"), f"{key}.description")
        folder.tag_names.add(name or "")
        if name and desc:
            if name in out:
                r.problem(line, f"{key}.name", f"标签名{quoted(name)}用了两次")
            out[name] = Tag(key, name, desc)
    return out


def read_relation_kinds(folder: DataFolder) -> dict[str, RelationKind]:
    """Each kind is stated (needs a quote), ``listing: true`` or ``editorial: true``."""
    out = {}
    for key, f, r, _ in folder.mapping_file("relations.yml", ("label", "inverse"),
                                            ("listing", "editorial")):
        label, inv = r.text(f.get("label"), f"{key}.label"), r.text(f.get("inverse"), f"{key}.inverse")
        listing, editorial = (flag(r, f.get(k), f"{key}.{k}") for k in ("listing", "editorial"))
        if listing and editorial:
            r.problem(f["editorial"].line, f"{key}.editorial", "一种关系要么是 listing（报告并列"
                      "写出两者），要么是 editorial（编者的判断），不能两者都是")
        elif label and inv and None not in (listing, editorial):
            out[key] = RelationKind(key, label, inv, bool(listing), bool(editorial))
    return out


def flag(r: FieldReader, v: Value | None, where: str) -> bool | None:
    """An optional ``true``/``false``; absent is false, anything else a problem (None)."""
    if v is None:
        return False
    if v.tag == "bool" and v.value in ("true", "false"):
        return v.value == "true"
    r.problem(v.line, where, f"这里应是 true 或 false，却是{quoted(v.value)}")
    return None


def read_kinds(folder: DataFolder) -> dict[str, Kind]:
    out = {}
    for key, f, r, _ in folder.mapping_file("kinds.yml", ("name",)):
        if name := r.text(f.get("name"), f"{key}.name"):
            out[key] = Kind(key, name)
    return out
