"""The page cache's file: one SQLite database, ``pages.sqlite``, a row per page and kind of work.

One file instead of one JSON file per page: a cold build at 1,000 practices created and renamed
1,057 files (slow on /tmp) and escaped every quote and newline of 50 MB of HTML into JSON; here a
batch of pages is one transaction (no temporary file and rename per page) and a value that is a
``str`` is stored as it is. SQLite is in the standard library and lets two processes (the pool's
workers) write the same file safely.

A row holds the page's name, the kind of work, the key it was computed from, and the value:
TEXT for a ``str``, anything else as JSON in a BLOB (decoded by ``json`` only: a damaged or
hostile file can cost a re-render, never run code). Any trouble with the file (not a
database, malformed, locked past the timeout, a read-only folder, a full disk, a directory in
its place) makes reads misses and writes unwritten, never a failed build; it is noted once in
``trouble`` and not retried per page. A file that is not a database, or damaged, is replaced
by a fresh one at the next write (once per process).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

FILE = "pages.sqlite"
TIMEOUT = 5.0
"""Seconds to wait for another process's write (a batch takes milliseconds)."""
SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (name TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
          " value, PRIMARY KEY (name, kind))")
DAMAGED = {"SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_ERROR"}
"""Errors that mean the file is not (or no longer) our database: SQLITE_ERROR is a table of
another shape (an older schema, someone else's file). Busy, read-only, full, I/O: not damage."""

_inherited: list[sqlite3.Connection] = []
"""Connections opened before a fork, kept by the child, never used nor closed: SQLite forbids
using a connection across ``fork``, and closing its file would drop the locks this process
holds on the file through its own connection (POSIX locks belong to a process and a file)."""

Row = tuple[str, str, str, "str | bytes"]
"""(name, kind, key, value as stored)."""


class PageStore:
    """``folder/pages.sqlite`` as this process reads and writes it."""

    def __init__(self, folder: Path):
        self.path = folder / FILE
        self.trouble: str | None = None
        """The first problem met with the file (for the build's log), or None."""
        self._conn: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._readable = True
        self._writable = True
        self._damaged: os.stat_result | None = None
        """The file found damaged (its stat): replaced at the next write unless another
        process replaced it first."""
        self._replaced = False

    def read(self, name: str) -> dict[str, tuple[str, str | bytes]]:
        """Every kind stored for ``name``: {kind: (key, value)}; {} when unreadable."""
        if not self._readable:
            return {}
        try:
            rows = self._connection().execute(
                "SELECT kind, key, value FROM entries WHERE name = ?", (name,)).fetchall()
        except sqlite3.Error as exc:
            self._failed(exc, reading=True)
            return {}
        return {kind: (key, value) for kind, key, value in rows}

    def write(self, rows: list[Row]) -> None:
        """Store ``rows`` in one transaction, or leave them unwritten."""
        if not self._writable or not rows:
            return
        if self._damaged is not None:
            self._replace()
        for attempt in range(2):
            try:
                conn = self._connection()
                conn.execute("BEGIN IMMEDIATE")  # the write lock now, so the busy timeout applies
                try:
                    conn.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                return
            except UnicodeEncodeError:  # a lone surrogate in some str: store the others
                rows = [row for row in rows if _encodable(row)]
            except sqlite3.Error as exc:
                self._failed(exc, reading=False)
                if self._damaged is None or attempt:
                    return
                self._replace()

    def _connection(self) -> sqlite3.Connection:
        if self._pid != os.getpid():  # forked: this process opens its own
            if self._conn is not None:
                _inherited.append(self._conn)
            self._conn, self._pid = None, os.getpid()
        if self._conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise sqlite3.OperationalError(f"cannot make {self.path.parent}: {exc.strerror}") from None
            conn = sqlite3.connect(self.path, timeout=TIMEOUT, isolation_level=None, check_same_thread=False)
            try:
                # The default rollback journal, not WAL: a batch appends pages to the file once,
                # where WAL writes them twice (log, then checkpoint): 0.08 against 0.12 s CPU
                # for a cold 1,000. synchronous=OFF: a killed build leaves a journal SQLite rolls
                # back; only an OS crash or power cut mid-build can damage the file (delete it).
                conn.execute("PRAGMA synchronous=OFF")
                conn.execute(SCHEMA)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _failed(self, exc: sqlite3.Error, reading: bool) -> None:
        name = getattr(exc, "sqlite_errorname", "")
        self.trouble = self.trouble or f"{self.path} could not be used: {exc}"
        if name in DAMAGED and not self._replaced:
            try:
                self._damaged = self.path.stat()
            except OSError:
                self._damaged = None
            self._readable = False  # until replaced: every page a miss, no query per page
            return
        if reading:  # locked past the timeout, cannot open: no more tries this build
            self._readable = False
        else:
            self._writable = False

    def _replace(self) -> None:
        """A fresh file in place of the damaged one, once; only if it is still the file found
        damaged (a pool worker may have replaced it already) and a file, never a folder."""
        damaged, self._damaged, self._replaced = self._damaged, None, True
        self._close()
        try:
            now = self.path.stat()
            if damaged is not None and (now.st_dev, now.st_ino) == (damaged.st_dev, damaged.st_ino) \
                    and self.path.is_file():
                for suffix in ("-wal", "-shm", "-journal", ""):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self.trouble = f"{self.trouble} (replaced by a fresh file)"
        except OSError:
            pass
        self._readable = True

    def _close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None


def _encodable(row: Row) -> bool:
    try:
        for part in row:
            if isinstance(part, str):
                part.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
