"""Load ``data/``: one reader per data file, every problem gathered.

Layout (see data/README.md): ``reports/<id>.txt`` + ``reports/<id>.yml``, ``themes.yml``,
``tags.yml``, ``relations.yml``, ``kinds.yml``, ``glossary.yml``, ``honours.yml``,
``coverage.yml``, ``practices/<id>.yml``, ``collections/<id>.yml``. ``DataFolder`` is the file access every reader
shares (decoding rules, YAML with line numbers, paths as the editor knows them); the
``read_*`` modules each own one kind of file.
"""
from __future__ import annotations

import hashlib
from fnmatch import fnmatchcase
from pathlib import Path

from .fields import FieldReader
from .model import Corpus
from .problems import Problem, display_path, field_name
from .quotes import QuoteIndex
from .slug import id_problem
from .yamlnodes import Value, parse_yaml

FILE_ROLES = (
    # (path inside data/, what the file is, what it must hold): the field and the fix of a
    # problem that concerns a whole file, so the message says what the file should be. The
    # files of `id: fields` entries say what they hold from their fields (mapping_file).
    ("practices/*", "practice record", "a mapping of the record's fields (data/README.md)"),
    ("collections/*", "collection", "a mapping of the handout's fields (data/README.md)"),
    ("reports/*.txt", "report text", "the report verbatim, its title on the first line"),
    ("reports/*.yml", "report metadata", "a mapping of title, unit, year, kind"),
    ("reports", "reports folder", "<id>.txt reports, each with its <id>.yml metadata"),
    ("themes.yml", "theme list", ""),
    ("tags.yml", "tag list", ""),
    ("kinds.yml", "kind list", ""),
    ("relations.yml", "relation list", ""),
    ("attribution.yml", "attribution word list", ""),
    ("glossary.yml", "glossary", ""),
    ("honours.yml", "honour list", ""),
    ("coverage.yml", "coverage list", "a list of entries (- term: …)"),
)


class DataFolder:
    """One load of a data folder. ``problems`` holds everything wrong with it."""

    def __init__(self, data_dir: Path, root: Path | None = None):
        self.data_dir = data_dir
        self.root = root if root is not None else data_dir.parent
        self.problems: list[Problem] = []
        self._quotes: QuoteIndex | None = None
        self.declared: dict[str, set[str] | None] = {}
        """Top-level ids each mapping file declares, valid or not; None if it did not load."""
        self.tag_names: set[str] = set()
        """Every tag name tags.yml declares, valid entry or not."""
        self._read = hashlib.blake2b(digest_size=16)
        """Every file read so far, as read (read_digest)."""

    def rel(self, path: Path) -> str:
        return display_path(path, self.root)

    def role(self, path: Path) -> tuple[str, str]:
        """(what the file is, what it must hold), from FILE_ROLES."""
        try:
            inside = path.relative_to(self.data_dir).as_posix()
        except ValueError:
            inside = path.name
        return next(((what, holds) for pattern, what, holds in FILE_ROLES
                     if fnmatchcase(inside, pattern)), ("file", ""))

    def whole_file(self, path: Path, line: int, message: str) -> None:
        """A problem of the file as a whole: its field says what the file should be."""
        self.problems.append(Problem(self.rel(path), line, self.role(path)[0], message))

    def reader(self, path: Path) -> FieldReader:
        return FieldReader(self.rel(path), self.problems, self.role(path)[0])

    def read_text(self, path: Path) -> str | None:
        """A data file as text: UTF-8, no byte-order mark, LF line ends."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self._note_read(path, None)
            self.whole_file(path, 0, f"cannot read the file: {exc.strerror}")
            return None
        self._note_read(path, raw)
        if raw.startswith(b"\xef\xbb\xbf"):
            self.whole_file(path, 1, "starts with a byte-order mark (BOM); save the file as "
                            "UTF-8 without BOM")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            if exc.end == len(raw) and exc.reason == "unexpected end of data":
                # A save cut off inside a multi-byte character: the file is incomplete, and
                # "save as UTF-8" would send the editor after the wrong cause.
                self.whole_file(path, line, "is truncated: it ends in the middle of a character "
                                "(an interrupted save or copy?); save the file again whole")
            else:
                self.whole_file(path, line, f"is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
                                f"{exc.start}); save the file as UTF-8")
            return None
        if "\r" in text:
            line = text[: text.index("\r")].count("\n") + 1
            self.whole_file(path, line, "has Windows (CRLF) or CR line ends; save the file with "
                            "LF (Unix) line ends")
            return None
        return text

    def _note_read(self, path: Path, raw: bytes | None) -> None:
        name = str(path).encode("utf-8", "surrogateescape")
        self._read.update(b"%d:%s%d:" % (len(name), name, -1 if raw is None else len(raw)))
        self._read.update(raw or b"")

    def read_digest(self) -> str:
        """A digest of every file this load has read so far (path and bytes, the unreadable
        ones too): what everything loaded from them depends on. Taken from the bytes as
        read, so a file saved again meanwhile cannot slip in under the digest of its old text."""
        return self._read.hexdigest()

    def read_yaml(self, path: Path, holds: str = "") -> Value | None:
        text = self.read_text(path)
        if text is None:
            return None
        return self.parse_yaml(path, text, holds)

    def parse_yaml(self, path: Path, text: str, holds: str = "") -> Value | None:
        what, role_holds = self.role(path)
        value, problems = parse_yaml(text, self.rel(path), what, holds or role_holds)
        self.problems.extend(problems)
        return value

    def mapping_file(self, name: str, required: tuple[str, ...], optional: tuple[str, ...] = (),
                     *, must_exist: bool = True) -> list[tuple[str, dict[str, Value], FieldReader, int]]:
        """``name`` (a file of ``id: fields`` entries, ids checked by the slug rule) as
        (id, fields, reader, line) for each entry that is a mapping of known fields."""
        path = self.data_dir / name
        self.declared[name] = None
        holds = f"a mapping of <id>: {{{', '.join(required)}}}"
        if not path.exists():
            if must_exist:
                self.whole_file(path, 0, f"file is missing; create it: {holds}")
            return []
        top = self.read_yaml(path, holds)
        r = self.reader(path)
        if top is None:
            return []
        if not isinstance(top.value, dict):
            r.wrong_shape(top, holds)
            return []
        self.declared[name] = set(top.value)
        out = []
        for key, v in top.value.items():
            if msg := id_problem(key):
                r.problem(top.key_lines[key], field_name(key), msg)
                continue
            fields = r.mapping(v, key, required, optional)
            if fields is not None:
                out.append((key, fields, r, v.line))
        return out

    def record_ids(self) -> set[str]:
        """Stems of ``practices/*.yml``: the ids a reference may name, valid record or not."""
        return {p.stem for p in (self.data_dir / "practices").glob("*.yml")}

    def quotes(self, reports) -> QuoteIndex:
        """One index of the reports' sentences for every check that resolves a quote."""
        if self._quotes is None:
            self._quotes = QuoteIndex({rid: r.parsed for rid, r in reports.items()})
        return self._quotes

    def attribution(self):
        """The attribution words (``attribution.yml``), read once; None when absent."""
        if not hasattr(self, "_attribution"):
            from .attribution import read_attribution
            self._attribution = read_attribution(self)
        return self._attribution

    def broken(self, folder: str) -> bool:
        """Whether a file under ``folder`` (relative to the data folder) has a problem."""
        shown = self.rel(self.data_dir / folder)
        return any(p.path.startswith(shown) for p in self.problems)


def load_corpus(data_dir: Path, root: Path | None = None, *,
                reuse: bool = False) -> tuple[Corpus, list[Problem]]:
    """Load everything under ``data_dir``; the corpus is complete only if no problems.

    ``reuse`` (``mkdocs serve``, which loads again after every save): practice records whose
    file and context are as at the last load are not parsed and checked again
    (read_practices.RecordMemo); the result is the same."""
    from .read_collections import read_collections
    from .read_coverage import read_coverage
    from .read_glossary import read_glossary
    from .read_honours import read_honours
    from .read_practices import read_practices
    from .read_reports import read_reports
    from .read_taxonomies import read_kinds, read_relation_kinds, read_tags, read_themes

    folder = DataFolder(data_dir, root)
    reports = read_reports(folder)
    themes = read_themes(folder, reports)
    tags = read_tags(folder)
    kinds = read_kinds(folder)
    relation_kinds = read_relation_kinds(folder)
    practices = read_practices(folder, reports, themes, tags, kinds, relation_kinds, reuse=reuse)
    glossary = read_glossary(folder, reports)
    honours = read_honours(folder, reports, practices)
    skipped = read_coverage(folder, reports, practices)
    collections = read_collections(folder, reports, practices)
    corpus = Corpus(reports, practices, themes, tags, relation_kinds, kinds, glossary, honours, skipped,
                    collections)
    return corpus, sorted(set(folder.problems))
