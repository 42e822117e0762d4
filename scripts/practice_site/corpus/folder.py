"""The data folder as every reader sees it: decoding rules, YAML with line numbers, paths
as the editor knows them, and the problems gathered so far (``DataFolder``).

``load.py`` runs the readers over it; each reader module owns one kind of file.
"""
from __future__ import annotations

import hashlib
from fnmatch import fnmatchcase
from pathlib import Path

from practice_site.corpus.attribution import AttributionWords, read_attribution
from practice_site.corpus.fields import FieldReader
from practice_site.corpus.problems import Problem, display_path, field_name
from practice_site.corpus.yamlnodes import Value, parse_yaml
from practice_site.text.quotes import QuoteIndex
from practice_site.text.slug import id_problem

FILE_ROLES = (
    # (path inside data/, what the file is, what it must hold): the field and the fix of a
    # problem that concerns a whole file, so the message says what the file should be. The
    # files of `id: fields` entries say what they hold from their fields (mapping_file).
    ("practices/*", "做法记录", "记录的各个字段（见 data/README.md）"),
    ("collections/*", "专题讲义", "讲义的各个字段（见 data/README.md）"),
    ("reports/*.txt", "报告正文", "报告原文，第一行是标题"),
    ("reports/*.yml", "报告元数据", "四个字段：title、unit、year、kind"),
    ("reports", "报告文件夹", "<id>.txt 报告，每份配一个 <id>.yml 元数据文件"),
    ("themes.yml", "主题表", ""),
    ("tags.yml", "标签表", ""),
    ("kinds.yml", "类型表", ""),
    ("relations.yml", "关系表", ""),
    ("attribution.yml", "归因词表", ""),
    ("glossary.yml", "术语表", ""),
    ("synonyms.yml", "民警用语表", ""),
    ("honours.yml", "荣誉表", ""),
    ("coverage.yml", "覆盖清单", "条目列表（- term: …）"),
)


class DataFolder:
    """One load of a data folder. ``problems`` holds everything wrong with it."""

    def __init__(self, data_dir: Path, root: Path | None = None):
        self.data_dir = data_dir
        self.root = root if root is not None else data_dir.parent
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        """Told but not refused (a summary's style: practices.summary_style)."""
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
                     if fnmatchcase(inside, pattern)), ("文件", ""))

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
            self.whole_file(path, 0, f"无法读取文件：{exc.strerror}")
            return None
        self._note_read(path, raw)
        if raw.startswith(b"\xef\xbb\xbf"):
            self.whole_file(path, 1, "文件以字节顺序标记（BOM）开头；另存为不带 BOM 的 UTF-8")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            if exc.end == len(raw) and exc.reason == "unexpected end of data":
                # A save cut off inside a multi-byte character: the file is incomplete, and
                # "save as UTF-8" would send the editor after the wrong cause.
                self.whole_file(path, line, "文件不完整：在一个字的中间断开（保存或复制被中断？）；"
                                "把文件重新完整保存")
            else:
                self.whole_file(path, line, f"不是 UTF-8 编码（第 {exc.start} 字节处是 "
                                f"0x{raw[exc.start]:02x}）；另存为 UTF-8")
            return None
        if "\r" in text:
            line = text[: text.index("\r")].count("\n") + 1
            self.whole_file(path, line, "文件用的是 Windows（CRLF）或 CR 换行符；"
                            "改用 LF（Unix）换行符保存")
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
        holds = f"「<id>: {{{', '.join(required)}}}」形式的条目"
        if not path.exists():
            if must_exist:
                self.whole_file(path, 0, f"文件不存在；请新建，内容为{holds}")
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

    def attribution(self) -> AttributionWords | None:
        """The attribution words (``attribution.yml``), read once; None when absent."""
        if not hasattr(self, "_attribution"):
            entries = self.mapping_file("attribution.yml", ("claims", "words"), must_exist=False)
            declared = self.declared.get("attribution.yml") is not None
            self._attribution = read_attribution(entries) if declared else None
        return self._attribution

    def broken(self, folder: str) -> bool:
        """Whether a file under ``folder`` (relative to the data folder) has a problem."""
        shown = self.rel(self.data_dir / folder)
        return any(p.path.startswith(shown) for p in self.problems)


