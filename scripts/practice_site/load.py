"""Load ``data/``: reports, taxonomies and practice records, every problem gathered.

Layout (see README): ``reports/<id>.txt`` + ``reports/<id>.yml``, ``themes.yml``,
``tags.yml``, ``relations.yml``, ``kinds.yml``, ``practices/<id>.yml``.
"""
from __future__ import annotations

from pathlib import Path

from .fields import FieldReader
from .load_extras import load_honours, load_skips
from .model import Corpus, Kind, Practice, RelationKind, Report, Tag, Term, Theme
from .problems import Problem, display_path
from .quotes import QuoteIndex
from .records import check_corpus, read_practice
from .report import parse_report
from .slug import id_problem
from .yamlnodes import Value, parse_yaml


class Loader:
    """One load of a data folder. ``problems`` holds everything wrong with it."""

    def __init__(self, data_dir: Path, root: Path | None = None):
        self.data_dir = data_dir
        self.root = root if root is not None else data_dir.parent
        self.problems: list[Problem] = []
        self._quotes: QuoteIndex | None = None
        self.declared: dict[str, set[str] | None] = {}
        """Top-level ids each taxonomy file declares, valid or not; None if it did not load."""
        self.tag_names: set[str] = set()
        """Every tag name tags.yml declares, valid entry or not."""

    def rel(self, path: Path) -> str:
        return display_path(path, self.root)

    def read_text(self, path: Path) -> str | None:
        """A data file as text: UTF-8, no byte-order mark, LF line ends."""
        shown = self.rel(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.problems.append(Problem(shown, 0, "-", f"cannot read the file: {exc.strerror}"))
            return None
        if raw.startswith(b"\xef\xbb\xbf"):
            self.problems.append(Problem(shown, 1, "-", "starts with a byte-order mark (BOM); "
                                         "save the file as UTF-8 without BOM"))
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.problems.append(Problem(shown, line, "-",
                f"is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "save the file as UTF-8"))
            return None
        if "\r" in text:
            line = text[: text.index("\r")].count("\n") + 1
            self.problems.append(Problem(shown, line, "-", "has Windows (CRLF) or CR line "
                                         "ends; save the file with LF (Unix) line ends"))
            return None
        return text

    def read_yaml(self, path: Path) -> Value | None:
        text = self.read_text(path)
        if text is None:
            return None
        value, problems = parse_yaml(text, self.rel(path))
        self.problems.extend(problems)
        return value

    # -- reports -------------------------------------------------------------------
    def reports(self) -> dict[str, Report]:
        out: dict[str, Report] = {}
        folder = self.data_dir / "reports"
        for txt in sorted(folder.glob("*.txt")):
            shown = self.rel(txt)
            if msg := id_problem(txt.stem):
                self.problems.append(Problem(shown, 0, "-", f"file name: {msg}"))
                continue
            text = self.read_text(txt)
            meta_path = txt.with_suffix(".yml")
            if not meta_path.exists():
                self.problems.append(Problem(shown, 0, "-", f"has no metadata file; create "
                                             f"{self.rel(meta_path)} with title, unit, year, kind"))
                continue
            meta = self.read_yaml(meta_path)
            if text is None or meta is None:
                continue
            try:
                parsed = parse_report(text)
            except ValueError as exc:
                self.problems.append(Problem(shown, 1, "-", f"{exc}; an empty report cannot be published"))
                continue
            r = FieldReader(self.rel(meta_path), self.problems)
            fields = r.mapping(meta, "", ("title", "unit", "year", "kind"))
            if fields is None:
                continue
            title = r.text(fields.get("title"), "title")
            unit = r.text(fields.get("unit"), "unit")
            year = r.integer(fields.get("year"), "year")
            kind = r.text(fields.get("kind"), "kind")
            if title and title != parsed.title:
                r.problem(fields["title"].line, "title", f"does not match the report's first "
                          f"line {parsed.title!r}; copy the title exactly")
            if None in (title, unit, year, kind):
                continue
            out[txt.stem] = Report(txt.stem, title, unit, year, kind, shown, parsed)  # type: ignore[arg-type]
        if not out and not any(p.path.startswith(self.rel(folder)) for p in self.problems):
            self.problems.append(Problem(self.rel(folder), 0, "-", "no report found; add <id>.txt "
                                         "with its <id>.yml metadata"))
        return out

    # -- taxonomies ----------------------------------------------------------------
    def taxonomy(self, name: str, required: tuple[str, ...],
                 optional: tuple[str, ...] = ()) -> list[tuple[str, dict[str, Value], FieldReader, int]]:
        """``name.yml`` as a mapping of id -> fields; ids checked by the slug rule."""
        path = self.data_dir / name
        self.declared[name] = None
        if not path.exists():
            self.problems.append(Problem(self.rel(path), 0, "-", "file is missing"))
            return []
        top = self.read_yaml(path)
        r = FieldReader(self.rel(path), self.problems)
        if top is None:
            return []
        if not isinstance(top.value, dict):
            r.problem(top.line, "-", "expected a mapping of id: fields")
            return []
        self.declared[name] = set(top.value)
        out = []
        for key, v in top.value.items():
            if msg := id_problem(key):
                r.problem(top.key_lines[key], key, msg)
                continue
            fields = r.mapping(v, key, required, optional)
            if fields is not None:
                out.append((key, fields, r, v.line))
        return out

    def themes(self, reports: dict[str, Report]) -> dict[str, Theme]:
        out = {}
        for key, f, r, _ in self.taxonomy("themes.yml", ("name", "description", "parts")):
            parts = []
            for i, pv in enumerate(r.items(f.get("parts"), f"{key}.parts")):
                where = f"{key}.parts[{i}]"
                pf = r.mapping(pv, where, ("report", "part"))
                if pf is None:
                    continue
                rid, num = r.text(pf.get("report"), f"{where}.report"), r.integer(pf.get("part"), f"{where}.part")
                if rid is None or num is None:
                    continue
                if reports and rid not in reports:
                    r.problem(pf["report"].line, f"{where}.report", f"unknown report {rid!r}")
                elif reports and not any(p.number == num for p in reports[rid].parsed.parts[1:]):
                    r.problem(pf["part"].line, f"{where}.part", f"report {rid!r} has no part {num}")
                parts.append((rid, num))
            name, desc = r.text(f.get("name"), f"{key}.name"), r.text(f.get("description"), f"{key}.description")
            if name and desc:
                out[key] = Theme(key, name, desc, tuple(parts))
        return out

    def tags(self) -> dict[str, Tag]:
        out = {}
        for key, f, r, line in self.taxonomy("tags.yml", ("name", "description")):
            name, desc = r.text(f.get("name"), f"{key}.name"), r.text(f.get("description"), f"{key}.description")
            self.tag_names.add(name or "")
            if name and desc:
                if name in out:
                    r.problem(line, f"{key}.name", f"tag name {name!r} is used twice")
                out[name] = Tag(key, name, desc)
        return out

    def relation_kinds(self) -> dict[str, RelationKind]:
        out = {}
        for key, f, r, _ in self.taxonomy("relations.yml", ("label", "inverse")):
            label, inv = r.text(f.get("label"), f"{key}.label"), r.text(f.get("inverse"), f"{key}.inverse")
            if label and inv:
                out[key] = RelationKind(key, label, inv)
        return out

    def kinds(self) -> dict[str, Kind]:
        out = {}
        for key, f, r, _ in self.taxonomy("kinds.yml", ("name",)):
            if name := r.text(f.get("name"), f"{key}.name"):
                out[key] = Kind(key, name)
        return out

    def glossary(self, reports: dict[str, Report]) -> dict[str, Term]:
        quotes = self.quotes(reports)
        out = {}
        for key, f, r, _ in self.taxonomy("glossary.yml", ("term", "meaning", "source"),
                                          ("quote", "aliases")):
            term = r.text(f.get("term"), f"{key}.term", max_len=40)
            meaning = r.text(f.get("meaning"), f"{key}.meaning", max_len=300)
            source = r.text(f.get("source"), f"{key}.source")
            aliases = r.text_list(f.get("aliases"), f"{key}.aliases")
            quote = None
            if source not in (None, "report", "general"):
                r.problem(f["source"].line, f"{key}.source", f"unknown source {source!r}; write "
                          "'report' (the report's own words) or 'general' (general knowledge)")
            if source == "report":
                if "quote" not in f:
                    r.problem(f["source"].line, f"{key}.quote", "missing: a 'report' meaning needs "
                              "the phrase of the report that expands the term")
                elif (phrase := r.text(f["quote"], f"{key}.quote", max_len=500)) is not None:
                    quote = quotes.quote(phrase)
                    if quote is None:
                        r.problem(f["quote"].line, f"{key}.quote", f"quoted phrase not found in any "
                                  f"report: {phrase!r}; copy it from the report exactly")
            if term and reports and not quotes.find(term) and not any(quotes.find(a) for a in aliases):
                r.problem(f["term"].line, f"{key}.term", f"{term!r} does not occur in any report")
            if term and meaning and source in ("report", "general") and (source == "general" or quote):
                out[key] = Term(key, term, meaning, source, quote, tuple(aliases))
        return out

    def quotes(self, reports: dict[str, Report]) -> QuoteIndex:
        """One index of the reports' sentences for every check that resolves a quote."""
        if self._quotes is None:
            self._quotes = QuoteIndex({rid: r.parsed for rid, r in reports.items()})
        return self._quotes

    # -- practices -----------------------------------------------------------------
    def practices(self, reports: dict[str, Report], themes: dict[str, Theme],
                  tags: dict[str, Tag], kinds: dict[str, Kind],
                  relation_kinds: dict[str, RelationKind]) -> dict[str, Practice]:
        # A source that did not load has its own problem; checking records against it would
        # only repeat that problem once per record. A taxonomy entry that is declared but
        # broken still counts as known: its own problem stops the build anyway.
        reports_dir = self.rel(self.data_dir / "reports")
        broken_report = any(p.path.startswith(reports_dir) for p in self.problems)
        quotes = None if broken_report else self.quotes(reports)

        def known(name: str, table: dict, declared: set[str] | None = None) -> set[str] | None:
            ids = self.declared.get(name, set())
            return None if ids is None else set(table) | (ids if declared is None else declared)

        out: dict[str, Practice] = {}
        readers: dict[str, FieldReader] = {}
        files = {p.stem for p in (self.data_dir / "practices").glob("*.yml")}
        for path in sorted((self.data_dir / "practices").glob("*")):
            shown = self.rel(path)
            if path.suffix != ".yml":
                self.problems.append(Problem(shown, 0, "-", "not a .yml record; practice "
                                             "records are data/practices/<id>.yml"))
                continue
            top = self.read_yaml(path)
            if top is None:
                continue
            r = FieldReader(shown, self.problems)
            p = read_practice(path, shown, top, r, quotes, known("themes.yml", themes),
                              known("tags.yml", tags, self.tag_names), known("kinds.yml", kinds),
                              known("relations.yml", relation_kinds), files)
            if p is not None:
                out[p.id], readers[p.id] = p, r
        check_corpus(out, readers)
        return out


def load_corpus(data_dir: Path, root: Path | None = None) -> tuple[Corpus, list[Problem]]:
    """Load everything under ``data_dir``; the corpus is complete only if no problems."""
    loader = Loader(data_dir, root)
    reports = loader.reports()
    themes = loader.themes(reports)
    tags = loader.tags()
    kinds = loader.kinds()
    relation_kinds = loader.relation_kinds()
    practices = loader.practices(reports, themes, tags, kinds, relation_kinds)
    glossary = loader.glossary(reports)
    honours = load_honours(loader, reports, practices)
    skipped = load_skips(loader, reports, practices)
    corpus = Corpus(reports, practices, themes, tags, relation_kinds, kinds, glossary, honours, skipped)
    return corpus, sorted(set(loader.problems))
