"""The page cache: a cached or incremental build equals a clean build byte for byte.

A series of edits to a copy of the fixture corpus and a hand-written page is built three
ways and the sites compared file by file: in one process that rebuilds after every edit
(as ``mkdocs serve`` does, the cache warm in memory and on disk), in a fresh process on
the cache the previous builds left, and clean (``PRACTICE_SITE_CACHE=off``).
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, fixture_project, mkdocs_build
from practice_site.mkdocs_adapter import cache_store
from practice_site.mkdocs_adapter.cache_entries import BATCH, FORMAT, PageCache, cache_folder

pytestmark = pytest.mark.slow  # builds the fixture site many times over (about 2 minutes)

# Rebuilds in one process on request, as `mkdocs serve` does: hooks are loaded again with
# each config, modules they import (and the page cache's state) persist.
REBUILDER = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for line in sys.stdin:
    build(load_config(sys.argv[1], site_dir=line.strip()))
    print("built", flush=True)
"""

# The same, as `mkdocs serve` runs the hooks (on_startup "serve": records, pages and export
# entries reused between rebuilds, test_load_reuse.py); a refused build prints why.
SERVE_REBUILDER = """
import logging
import sys
from mkdocs.commands.build import build
logging.basicConfig(level=logging.WARNING, format="%(message)s")
from mkdocs.config import load_config
first = True
for line in sys.stdin:
    config = load_config(sys.argv[1], site_dir=line.strip())
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
        first = False
    try:
        build(config)
    except Exception as exc:
        print("refused", str(exc).replace(chr(10), " "), flush=True)
    else:
        print("built", flush=True)
"""

DATA_EDITS = [  # (file under the data copy, old text or None for a new file, new text or None to delete)
    ("practices/jiayi.yml", "summary: 测试用的*化解*机制。", "summary: 测试用的*化解*机制，已修改。"),
    ("reports/mini.txt", "投入警力***余人次", "投入警力***余人次（修订）"),
    ("tags.yml", "name: 网格治理,", "name: 网格化治理,"),
    ("practices/jingwang-ronghe.yml", "tags: [网格治理]", "tags: [网格化治理]"),
    ("practices/jingwang-zhizhi.yml", "tags: [网格治理]", "tags: [网格化治理]"),
    ("practices/huhang-fazhan.yml", None, "id: huhang-fazhan\nname: 护航发展\nkind: practice\ntheme: fuwu\n"
     "tags: [服务企业]\nsummary: 测试中新加的记录。\nhow:\n  - \"以服务为宗旨，护航发展\"\noutcomes: []\n"
     "related:\n  - id: xiangmu-jingguan\n    relation: editors-link\n    note: 测试用的编者关联。\n"),
    ("practices/jiayi.yml", "tags: [矛盾纠纷]", "tags: [没有的标签]"),  # refused
    ("practices/jiayi.yml", "tags: [没有的标签]", "tags: [矛盾纠纷]"),  # fixed
    ("practices/huhang-fazhan.yml", "", None),
    ("practices/xiangmu-jingguan.yml", "summary: 项目警官制的测试记录。", "summary: 项目警官制的测试记录（改）。"),
]

EDITS = [  # (file under the data copy or docs/, old text or None for a new file, new): in this order
    ("practices/jiayi.yml", "summary: 测试用的*化解*机制。", "summary: 测试用的*化解*机制，已修改。"),
    ("practices/jiayi.yml", "tags: [矛盾纠纷]", "tags: [矛盾纠纷, 网格治理]"),
    ("docs/about.md", "\n", "\n\n## 新加的一节 {#added}\n\n见[全部做法](practices/index.md)。\n"),
    ("docs/practices/zz-extra.md", None, "# 另一页\n\n见[关于](../about.md#added)。\n"),  # the file set changes
    ("docs/about.md", "见[全部做法]", "见[另一页](practices/zz-extra.md)、[全部做法]"),
    ("practices/jiayi.yml", "tags: [矛盾纠纷, 网格治理]", "tags: [矛盾纠纷]"),  # back: stale entries must miss
]


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(got: Path, want: Path) -> None:
    a, b = tree(got), tree(want)
    assert sorted(a) == sorted(b)
    differ = [path for path in a if a[path] != b[path]]
    assert not differ, f"{len(differ)} file(s) differ from the clean build, first {differ[0]}"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A config building a copy of the fixture data and of docs/, with its own cache folder."""
    data, config = fixture_project(tmp_path)
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(data))
    monkeypatch.setenv("PRACTICE_SITE_CACHE", str(tmp_path / "cache"))
    return tmp_path, config


def clean_build(config: Path, site: Path, monkeypatch) -> None:
    with monkeypatch.context() as m:
        m.setenv("PRACTICE_SITE_CACHE", "off")
        proc = mkdocs_build(site, config)
    assert proc.returncode == 0, proc.stderr


def test_cached_and_rebuilt_sites_equal_clean_builds_after_edits(project, monkeypatch):
    tmp, config = project
    log = open(tmp / "rebuilder.log", "w+", encoding="utf-8")
    rebuilder = subprocess.Popen([sys.executable, "-c", REBUILDER, str(config)], cwd=ROOT, text=True,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    try:
        for step in range(len(EDITS) + 1):
            if step:
                rel, old, new = EDITS[step - 1]
                path = tmp / rel if rel.startswith("docs/") else tmp / "data" / rel
                text = "" if old is None else path.read_text(encoding="utf-8")
                assert old is None or old in text
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
            rebuilder.stdin.write(f"{tmp / f'served-{step}'}\n")
            rebuilder.stdin.flush()
            assert rebuilder.stdout.readline() == "built\n", (tmp / "rebuilder.log").read_text(encoding="utf-8")
            clean_build(config, tmp / f"clean-{step}", monkeypatch)
            assert_same_site(tmp / f"served-{step}", tmp / f"clean-{step}")
            if step:  # each edit shows somewhere
                assert tree(tmp / f"served-{step}") != tree(tmp / f"served-{step - 1}")
    finally:
        rebuilder.stdin.close()
        rebuilder.wait(timeout=60)
        log.close()
    assert rows(tmp / "cache")
    # A fresh process on the cache those builds left.
    warm = mkdocs_build(tmp / "warm", config)
    assert warm.returncode == 0, warm.stderr
    assert "Page cache: reused every page's search entries and themed HTML" in warm.stderr
    assert_same_site(tmp / "warm", tmp / f"clean-{len(EDITS)}")


def test_serve_rebuilds_equal_clean_builds_after_data_edits(project, monkeypatch):
    """A record, a report, a taxonomy (the records using it: the build refuses them in
    between), a record added, a broken record and its fix, a record deleted: after each, the
    site serve rebuilt in one process equals a clean build byte for byte. Serve rebuilds one
    folder, writing only what changed (serve_sync.py): it is compared after every step."""
    tmp, config = project
    monkeypatch.setenv("PRACTICE_SITE_DRAFTS", "0")  # serve would show drafts, a build not
    log = open(tmp / "rebuilder.log", "w+", encoding="utf-8")
    rebuilder = subprocess.Popen([sys.executable, "-c", SERVE_REBUILDER, str(config)], cwd=ROOT, text=True,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    compared = 0
    inodes: dict[Path, tuple[int, bytes]] = {}
    try:
        for step in range(len(DATA_EDITS) + 1):
            if step:
                rel, old, new = DATA_EDITS[step - 1]
                path = tmp / "data" / rel
                if new is None:
                    path.unlink()
                else:
                    text = "" if old is None else path.read_text(encoding="utf-8")
                    assert old is None or old in text
                    path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
            rebuilder.stdin.write(f"{tmp / 'served'}\n")
            rebuilder.stdin.flush()
            served = rebuilder.stdout.readline()
            with monkeypatch.context() as m:
                m.setenv("PRACTICE_SITE_CACHE", "off")
                clean = mkdocs_build(tmp / f"clean-{step}", config)
            if clean.returncode:  # refused: serve refuses it too, for the same problem
                assert served.startswith("refused"), served
                problem = next(line for line in clean.stderr.splitlines() if "data/practices/" in line)
                log.flush()
                assert problem.strip() in (tmp / "rebuilder.log").read_text(encoding="utf-8"), problem
                continue
            assert served == "built\n", served + (tmp / "rebuilder.log").read_text(encoding="utf-8")
            assert_same_site(tmp / "served", tmp / f"clean-{step}")
            compared += 1
            # 404.html is written by MkDocs outside the page events: always anew.
            now = {f: (f.stat().st_ino, f.read_bytes()) for f in (tmp / "served").rglob("*.html")
                   if f.name != "404.html"}
            if step:  # pages this edit did not change were left in place, not written again
                same = [f for f, (_, html) in now.items() if f in inodes and inodes[f][1] == html]
                rewritten = [f.relative_to(tmp).as_posix() for f in same if now[f][0] != inodes[f][0]]
                assert same and not rewritten, (rel, rewritten)
            inodes = now
    finally:
        rebuilder.stdin.close()
        rebuilder.wait(timeout=60)
        log.close()
    assert compared == len(DATA_EDITS) + 1 - 3  # the two half-done taxonomy steps and the broken one


def test_a_broken_link_warns_on_every_build_not_only_the_first(project):
    tmp, config = project
    page = tmp / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[坏链接](no-such-page.md)\n", encoding="utf-8")
    for _ in range(2):  # the second build has the cache of the first
        proc = mkdocs_build(tmp / "site", config)
        assert proc.returncode == 1
        assert "contains a link 'no-such-page.md'" in proc.stderr


def rows(folder: Path) -> list[tuple]:
    """The cache file's rows, read with a connection of the test's own."""
    with contextlib.closing(sqlite3.connect(folder / cache_store.FILE)) as conn:
        return conn.execute("SELECT name, kind, key, typeof(value) FROM entries ORDER BY name, kind").fetchall()


def test_entry_is_used_only_for_its_key(tmp_path):
    cache = PageCache(tmp_path)
    cache.put("render", "practices/a.md", "k1", {"content": "<p>甲</p>"})
    assert cache.get("render", "practices/a.md", "k1") == {"content": "<p>甲</p>"}
    assert cache.get("render", "practices/a.md", "k2") is None
    assert cache.get("render", "practices/b.md", "k1") is None
    assert cache.get("search", "practices/a.md", "k1") is None
    cache.put("render", "practices/a.md", "k2", "new")  # one entry per page and kind: replaced
    cache.put("search", "practices/a.md", "k3", ["甲"])
    assert cache.get("render", "practices/a.md", "k1") is None
    assert (cache.hits, cache.misses) == (1, 4)
    assert rows(tmp_path) == []  # nothing written before the page is done
    cache.done("practices/a.md")
    cache.flush()
    # A row per kind; a str as text as it is, anything else as JSON.
    assert rows(tmp_path) == [("practices/a.md", "render", FORMAT + "k2", "text"),
                              ("practices/a.md", "search", FORMAT + "k3", "blob")]
    again = PageCache(tmp_path)  # another build
    assert again.get("render", "practices/a.md", "k2") == "new"
    assert again.get("search", "practices/a.md", "k3") == ["甲"]
    assert again.get("render", "practices/b.md", "k1") is None
    assert again.trouble is None


def test_pages_are_written_a_batch_at_a_time(tmp_path):
    cache = PageCache(tmp_path)
    for i in range(BATCH + 1):
        cache.put("output", f"p{i}.md", "k", f"<p>{i}</p>\n")
        cache.done(f"p{i}.md")
    assert len(rows(tmp_path)) == BATCH  # the last page waits for the next batch or the flush
    cache.flush()
    assert len(rows(tmp_path)) == BATCH + 1
    assert PageCache(tmp_path).get("output", f"p{BATCH}.md", "k") == f"<p>{BATCH}</p>\n"


def stored(tmp_path) -> Path:
    cache = PageCache(tmp_path)
    cache.put("render", "a.md", "k1", {"content": "<p>甲</p>"})
    cache.put("output", "a.md", "k1", "<html>" + "页" * 5000)  # spans several database pages
    cache.flush()
    return tmp_path / cache_store.FILE


def sql(statement: str):
    def damage(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as conn, conn:
            conn.execute(statement)
    return damage


DAMAGE = {
    "garbage": lambda path: path.write_bytes(b"not a database, just bytes\n" * 200),
    "empty": lambda path: path.write_bytes(b""),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[:6000]),
    "header only": lambda path: path.write_bytes(path.read_bytes()[:100]),
    "zeroed pages": lambda path: path.write_bytes(path.read_bytes()[:4096] + bytes(len(path.read_bytes()) - 4096)),
    "wrong key": sql(f"UPDATE entries SET key = '{FORMAT}k2'"),
    "older format": sql("UPDATE entries SET key = '2k1'"),
    "invalid JSON": sql("UPDATE entries SET value = CAST('{\"content\": ' AS BLOB)"),
    "JSON not an entry": sql("UPDATE entries SET value = CAST('5' AS BLOB)"),
    "a number": sql("UPDATE entries SET value = 5"),
    "JSON nested too deep": sql(f"UPDATE entries SET value = CAST('{'[' * 100000}' AS BLOB)"),
    "another table": sql("DROP TABLE entries"),
    "a table of another shape": sql("ALTER TABLE entries DROP COLUMN value"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_database_or_entry_is_a_miss_and_written_again(tmp_path, damage):
    path = stored(tmp_path)
    damage(path)
    cache = PageCache(tmp_path)
    assert cache.get("render", "a.md", "k1") is None
    assert cache.get("output", "a.md", "k1") is None
    cache.put("render", "a.md", "k1", {"content": "new"})
    cache.put("render", "b.md", "k1", {"content": "b"})
    cache.flush()
    again = PageCache(tmp_path)
    assert again.get("render", "a.md", "k1") == {"content": "new"}
    assert again.get("render", "b.md", "k1") == {"content": "b"}
    assert again.trouble is None


def test_a_damaged_database_is_not_tried_again_for_every_page(tmp_path, monkeypatch):
    DAMAGE["garbage"](stored(tmp_path))
    opened = []
    connect = sqlite3.connect
    monkeypatch.setattr(cache_store.sqlite3, "connect", lambda *a, **k: opened.append(a) or connect(*a, **k))
    cache = PageCache(tmp_path)
    for i in range(50):
        assert cache.get("render", f"p{i}.md", "k1") is None
        cache.put("render", f"p{i}.md", "k1", [i])
        cache.done(f"p{i}.md")
    assert "not a database" in cache.trouble
    assert len(opened) == 1
    cache.flush()  # replaced, once
    assert len(opened) == 2
    assert len(rows(tmp_path)) == 50


def test_a_directory_in_place_of_the_file_is_left_alone(tmp_path):
    (tmp_path / cache_store.FILE).mkdir()
    (tmp_path / cache_store.FILE / "keep.txt").write_text("mine", encoding="utf-8")
    cache = PageCache(tmp_path)
    assert cache.get("render", "a.md", "k1") is None
    cache.put("render", "a.md", "k1", "value")
    assert cache.get("render", "a.md", "k1") == "value"
    cache.flush()
    assert "unable to open" in cache.trouble
    assert (tmp_path / cache_store.FILE / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_folder_that_cannot_be_made_costs_only_the_cache(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    cache = PageCache(tmp_path / "file" / "cache")
    assert cache.get("render", "a.md", "k1") is None
    cache.put("render", "a.md", "k1", "value")
    cache.flush()
    assert "cannot make" in cache.trouble


def test_a_database_locked_past_the_timeout_is_a_miss_and_left_intact(tmp_path, monkeypatch):
    path = stored(tmp_path)
    monkeypatch.setattr(cache_store, "TIMEOUT", 0.05)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another process writing (for far too long)
        cache = PageCache(tmp_path)
        assert cache.get("render", "a.md", "k1") is None
        cache.put("render", "a.md", "k1", "newer")
        cache.flush()
        assert "locked" in cache.trouble
        other.execute("COMMIT")
    assert PageCache(tmp_path).get("render", "a.md", "k1") == {"content": "<p>甲</p>"}  # not replaced


# A read-only file system and a full disk, as SQLite reports them (root writes anywhere, and
# a disk is not filled in a test): the connection made read-only, or limited to 8 pages.
LIMITS = {"read-only": ("PRAGMA query_only = 1", "readonly"), "full": ("PRAGMA max_page_count = 8", "full")}


@pytest.mark.parametrize("pragma, message", LIMITS.values(), ids=LIMITS.keys())
def test_a_write_that_fails_costs_only_the_entries(tmp_path, monkeypatch, pragma, message):
    stored(tmp_path)
    connect = sqlite3.connect

    def limited(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.execute(pragma)
        return conn
    monkeypatch.setattr(cache_store.sqlite3, "connect", limited)
    cache = PageCache(tmp_path)
    assert cache.get("render", "a.md", "k1") == {"content": "<p>甲</p>"}  # reads still work
    for i in range(BATCH * 2):
        cache.put("output", f"p{i}.md", "k1", "<p>长</p>" * 2000)
        cache.done(f"p{i}.md")
    cache.flush()
    assert message in cache.trouble
    monkeypatch.undo()
    assert PageCache(tmp_path).get("output", "a.md", "k1").startswith("<html>")  # not replaced


def test_each_process_uses_its_own_connection(tmp_path):
    cache = PageCache(tmp_path)
    assert cache.get("render", "a.md", "k1") is None  # the parent's connection is open
    inherited = cache._store._conn
    pid = os.fork()
    if pid == 0:  # a pool worker: store its share, then exit
        status = 1
        try:
            cache.put("render", "b.md", "k1", "from the child")
            cache.flush()
            status = 0 if cache._store._conn is not inherited and cache_store._inherited == [inherited] else 2
        finally:
            os._exit(status)
    assert os.waitpid(pid, 0)[1] == 0
    assert cache.get("render", "b.md", "k1") == "from the child"
    cache.put("render", "a.md", "k1", "from the parent")
    cache.flush()
    assert [row[0] for row in rows(tmp_path)] == ["a.md", "b.md"]


def test_cache_folder_setting(tmp_path, monkeypatch):
    monkeypatch.delenv("PRACTICE_SITE_CACHE", raising=False)
    assert cache_folder(tmp_path) == tmp_path / "build" / "cache"
    monkeypatch.setenv("PRACTICE_SITE_CACHE", str(tmp_path / "elsewhere"))
    assert cache_folder(tmp_path) == tmp_path / "elsewhere"
    monkeypatch.setenv("PRACTICE_SITE_CACHE", "off")
    assert cache_folder(tmp_path) is None
