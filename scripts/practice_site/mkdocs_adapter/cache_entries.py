"""A cache of per-page build work, kept on disk between builds and ``mkdocs serve`` rebuilds.

Each entry is stored under a *name* and a *kind* (a row per page and kind in one SQLite file,
page_store.py: the cache holds at most one entry per page and kind, it does not grow with every
edit) with the *key* it was computed from, a digest of every input that work reads. A lookup
returns the value only when the stored key equals the key of this build's inputs; anything
else (no row, another key, an unreadable or damaged file) is a miss and the work is done again.
Values are text or JSON: a corrupted or hostile cache file can cost a re-render, never run code.

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

from practice_site.mkdocs_adapter.cache_store import PageStore, Row

CACHE_ENV = "PRACTICE_SITE_CACHE"
FORMAT = "3"
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


BATCH = 64
"""Pages written per transaction: memory stays flat with the corpus (a queued page holds about
0.13 MB: 10 pages a batch peaked 13 MB under 100 at 1,000 practices, at the same CPU), and
another process waits for the write lock a few milliseconds at a time."""


class PageCache:
    """Entries by page and kind in ``folder/pages.sqlite`` (page_store.py).

    A page's kinds of work (its conversion, search entries, themed HTML) are read together, in
    one query, the first time the build asks for one of them. What a build puts is queued once
    the page is done (``done``, after its last kind) and written a batch of pages at a time,
    the rest at the end of the build (``flush``). A ``pages/`` folder of JSON files left by
    FORMAT 2 is not read (nor removed: it may be deleted by hand)."""

    def __init__(self, folder: Path, memory: dict[str, dict] | None = None):
        self.folder = folder
        self.hits = 0
        """Lookups answered from the cache in this process (reported by the hook)."""
        self.misses = 0
        self._store = PageStore(folder)
        self._open: dict[str, dict] = {}
        """Entries of the pages this build has read or put, until they are queued:
        {kind: [key, value]}, the value still JSON bytes until it is asked for."""
        self._dirty: dict[str, set[str]] = {}
        """Page -> kinds put by this build and not queued yet."""
        self._queue: list[Row] = []
        self._queued_pages = 0
        self.memory = memory
        """Under ``mkdocs serve``, the entries this process read or wrote, kept by the caller
        from one build to the next for the same folder: a rebuild finds them without a query
        or decoding (the latest value per page and kind, so one site's worth at most)."""

    @property
    def trouble(self) -> str | None:
        """Why the cache file could not be read or written, if it could not (for the log)."""
        return self._store.trouble

    def _entries(self, name: str) -> dict:
        if (entries := self._open.get(name)) is not None:
            return entries
        if self.memory is None or (entries := self.memory.get(name)) is None:
            entries = {kind: [key, value] for kind, (key, value) in self._store.read(name).items()}
            if self.memory is not None:
                self.memory[name] = entries
        self._open[name] = entries
        return entries

    def get(self, kind: str, name: str, key: str):
        """The value stored for ``name`` and ``kind`` if it was computed from ``key``, else None."""
        stored = self._entries(name).get(kind)
        if stored is not None and stored[0] == FORMAT + key:
            value = stored[1]
            if isinstance(value, bytes):  # JSON as stored (no value put is bytes): decoded once
                try:
                    value = stored[1] = json.loads(value)
                except (ValueError, RecursionError):  # not JSON (not ours, or damaged), nested too deep
                    value = None
            if isinstance(value, str | dict | list):
                self.hits += 1
                return value
        self.misses += 1
        return None

    def put(self, kind: str, name: str, key: str, value) -> None:
        """Store ``value`` (a str, or a dict or list JSON can hold) for ``name`` and ``kind``
        (written after ``done`` or at ``flush``)."""
        self._entries(name)[kind] = [FORMAT + key, value]
        self._dirty.setdefault(name, set()).add(kind)

    def done(self, name: str) -> None:
        """``name`` has had all its work: queue what this build put for it (its rows go into
        the same transaction), and let go of it."""
        entries = self._open.pop(name, None)
        kinds = self._dirty.pop(name, None)
        if not kinds or entries is None:
            return
        for kind in kinds:
            key, value = entries[kind]
            if not isinstance(value, str):
                try:
                    value = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
                except (TypeError, ValueError):  # not JSON-able, or a lone surrogate: not stored
                    continue
            self._queue.append((name, kind, key, value))
        self._queued_pages += 1
        if self._queued_pages >= BATCH:
            self._write()

    def flush(self) -> None:
        """The end of a build (or of a worker's share): write every page not written yet."""
        for name in list(self._dirty):
            self.done(name)
        self._write()
        self._open.clear()

    def _write(self) -> None:
        queue, self._queue, self._queued_pages = self._queue, [], 0
        self._store.write(queue)
