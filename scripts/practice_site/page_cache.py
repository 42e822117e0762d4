"""A cache of per-page build work, kept on disk between builds and ``mkdocs serve`` rebuilds.

Each entry is stored under a *name* and a *kind* (one file per page holds its kinds of work,
so the folder holds at most one entry per page and kind: it does not grow with every edit) with the
*key* it was computed from, a digest of every input that work reads. A lookup returns the
value only when the stored key equals the key of this build's inputs; anything else (no
file, another key, an unreadable or truncated file) is a miss and the work is done again.
Values are JSON: a corrupted or hostile cache file can cost a re-render, never run code.

The folder is ``build/cache/`` in the project (git-ignored), or ``$PRACTICE_SITE_CACHE``;
``PRACTICE_SITE_CACHE=off`` turns caching off (the reference for "equal to a clean build").
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import types
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

CACHE_ENV = "PRACTICE_SITE_CACHE"
FORMAT = "2"
"""Bump when what an entry holds changes shape: every older entry then misses."""

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_repr(value: object, depth: int = 0) -> str:
    """A text for ``value`` that is the same in every process for equal settings: sets
    sorted (their order changes with the hash seed), functions by name (a slugify partial
    in the toc options), objects by their attributes, no memory addresses."""
    if isinstance(value, str | int | float | bool | type(None)):
        return repr(value)
    if depth > 12:
        return _ADDRESS.sub("", repr(value))
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(stable_repr(v, depth + 1) for v in value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(stable_repr(v, depth + 1) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{stable_repr(k, depth + 1)}: {stable_repr(v, depth + 1)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, functools.partial):
        return f"partial({stable_repr(value.func)}, {stable_repr(value.args)}, {stable_repr(value.keywords)})"
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType | type | types.ModuleType):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value.__name__)}"
    if hasattr(value, "__dict__"):
        return type(value).__qualname__ + stable_repr(vars(value), depth + 1)
    return _ADDRESS.sub("", repr(value))


def digest(*parts: object) -> str:
    """A key over ``parts``: strings as they are, anything else by its stable repr."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, str):
            text = part
        elif isinstance(part, list | tuple):  # tables of contents, neighbours: C-encoded JSON
            try:
                text = json.dumps(part, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            except (TypeError, ValueError):  # a set or an object inside: its stable repr
                text = stable_repr(part)
        else:
            text = stable_repr(part)
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@functools.cache
def versions(*packages: str) -> str:
    """Installed versions of ``packages``: an upgrade changes what they output."""
    out = []
    for name in packages:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}==none")
    return ";".join(out)


def cache_folder(root: Path) -> Path | None:
    """Where the cache lives for the project at ``root``; None when turned off."""
    setting = os.environ.get(CACHE_ENV, "").strip()
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    return Path(setting) if setting else root / "build" / "cache"


_MEMORY: dict[Path, dict[str, dict]] = {}


class PageCache:
    """One JSON file per page, ``folder/pages/<digest of name>.json``: ``{kind: [key, value]}``.

    A page's kinds of work (its conversion, search entries, themed HTML) are stored together:
    what a build puts is written once the page is done (``done``, after its last kind) or at
    the end of the build (``flush``), so a build writes and reads one file per page, not one
    per page and kind (creating files was a tenth of a build without the cache)."""

    def __init__(self, folder: Path, remember: bool = False):
        self.folder = folder
        self.hits = 0
        """Lookups answered from the cache in this process (reported by the hook)."""
        self.misses = 0
        self._open: dict[str, dict] = {}
        """Entries of the pages this build has read or put, until they are written."""
        self._dirty: set[str] = set()
        self.memory = _MEMORY.setdefault(folder, {}) if remember else None
        """With ``remember`` (``mkdocs serve``), the entries this process read or wrote, shared by
        every PageCache of the folder: a rebuild finds them without reading and decoding a
        file (the latest value per page and kind, so one site's worth at most)."""

    def _path(self, name: str) -> Path:
        return self.folder / "pages" / (hashlib.sha1(name.encode("utf-8")).hexdigest() + ".json")

    def _entries(self, name: str) -> dict:
        if (entries := self._open.get(name)) is not None:
            return entries
        if self.memory is None or (entries := self.memory.get(name)) is None:
            try:
                with open(self._path(name), encoding="utf-8") as f:
                    entries = json.load(f)
            except (OSError, ValueError, TypeError):  # missing, truncated, not ours: no entries
                entries = None
            if not isinstance(entries, dict):
                entries = {}
            if self.memory is not None:
                self.memory[name] = entries
        self._open[name] = entries
        return entries

    def get(self, kind: str, name: str, key: str):
        """The value stored for ``name`` and ``kind`` if it was computed from ``key``, else None."""
        stored = self._entries(name).get(kind)
        if isinstance(stored, list) and len(stored) == 2 and stored[0] == FORMAT + key:
            self.hits += 1
            return stored[1]
        self.misses += 1
        return None

    def put(self, kind: str, name: str, key: str, value) -> None:
        """Store ``value`` for ``name`` and ``kind`` (written by ``done`` or ``flush``)."""
        self._entries(name)[kind] = [FORMAT + key, value]
        self._dirty.add(name)

    def done(self, name: str) -> None:
        """``name`` has had all its work: write what this build put for it, whole or not at
        all (a reader never sees half), and let go of it."""
        entries = self._open.pop(name, None)
        if name not in self._dirty or entries is None:
            return
        self._dirty.discard(name)
        path = self._path(name)
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # one writer per process and file
        try:
            try:
                tmp.write_text(text, encoding="utf-8")
            except FileNotFoundError:  # the first entry: make the folder (once, not per entry)
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk costs speed, never the build
            tmp.unlink(missing_ok=True)

    def flush(self) -> None:
        """The end of a build (or of a worker's share): write every page not written yet."""
        for name in list(self._dirty):
            self.done(name)
        self._open.clear()
