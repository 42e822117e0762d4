"""serve_sync: under serve the served folder is updated in place, and equals the build.

tests/test_page_cache.py compares whole served sites with clean builds after a series of data
edits; these cases are the folder logic on its own: kept pages, removed pages and files, a merge
that fails half-way, the log line MkDocs writes for a page it was told to skip."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from practice_site.output import staging
from practice_site.output import sync as serve_sync


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(sync: serve_sync.SiteSync, site: Path, pages: dict[str, str], others: dict[str, str]) -> set[str]:
    """One build as the hook runs it: pages through ``page`` (written only if it says so),
    other files written, then published. Returns the pages written."""
    sync.begin(site)
    built = staging.begin(site)
    written = set()
    for dest, html in {**others, **pages}.items():
        out = sync.page(dest, dest, html) if dest in pages else html
        if out.strip():
            (built / dest).parent.mkdir(parents=True, exist_ok=True)
            (built / dest).write_text(out, encoding="utf-8")
            written.add(dest)
    sync.publish(built, site)
    return written & set(pages)


def test_only_changed_pages_are_written_and_the_folder_equals_the_build(tmp_path):
    site, sync = tmp_path / "site", serve_sync.SiteSync()
    pages = {f"p/{k}/index.html": f"<p>{k}</p>" for k in range(6)} | {"index.html": "home"}
    assets = {"assets/app.js": "js", "search/search_index.json": "{}"}
    assert build(sync, site, pages, assets) == set(pages)  # first build: every page
    assert tree(site) == pages | assets
    inode = (site / "p/1/index.html").stat().st_ino

    pages["p/0/index.html"] = "<p>0, edited</p>"
    assert build(sync, site, pages, assets) == {"p/0/index.html"}
    assert tree(site) == pages | assets
    assert (site / "p/1/index.html").stat().st_ino == inode  # left where it was

    del pages["p/2/index.html"]  # a record deleted: its page and its folder go
    pages["p/9/index.html"] = "<p>9</p>"  # one added
    del assets["search/search_index.json"]  # a file the build no longer writes
    assert build(sync, site, pages, assets) == {"p/9/index.html"}
    assert tree(site) == pages | assets
    assert not (site / "p/2").exists() and not (site / "search").exists()
    assert not staging.staging_of(site).exists()


def test_another_folder_is_built_whole(tmp_path):
    sync = serve_sync.SiteSync()
    pages = {"a/index.html": "a", "b/index.html": "b"}
    build(sync, tmp_path / "one", pages, {})
    assert build(sync, tmp_path / "two", pages, {}) == set(pages)
    assert tree(tmp_path / "two") == pages


def test_a_merge_that_fails_is_reported_and_the_next_build_writes_everything(tmp_path, monkeypatch):
    site, sync = tmp_path / "site", serve_sync.SiteSync()
    pages = {f"p/{k}/index.html": str(k) for k in range(4)}
    build(sync, site, pages, {"x.js": "x"})
    real = serve_sync.os.replace

    def full_disk(src, dst):
        raise OSError(28, "No space left on device", str(dst))
    monkeypatch.setattr(serve_sync.os, "replace", full_disk)
    pages["p/0/index.html"] = "changed"
    with pytest.raises(staging.SiteWriteError, match="无法更新预览中的网站.*下一次生成会完整重写"):
        build(sync, site, pages, {"x.js": "x"})
    monkeypatch.setattr(serve_sync.os, "replace", real)
    assert build(sync, site, pages, {"x.js": "x"}) == set(pages)
    assert tree(site) == pages | {"x.js": "x"}


def test_mkdocs_line_for_a_kept_page_is_filtered_and_no_other(tmp_path):
    site, sync = tmp_path / "site", serve_sync.SiteSync()
    pages = {"a/index.html": "a", "b/index.html": "b"}
    build(sync, site, pages, {})
    sync.begin(site)
    assert sync.page("a.md", "a/index.html", "a") == ""
    assert sync.page("b.md", "b/index.html", "b, edited") == "b, edited"

    def record(msg):
        return logging.LogRecord("mkdocs.commands.build", logging.INFO, __file__, 1, msg, None, None)
    assert not sync.filter(record(serve_sync.SKIPPED.format("a.md")))
    assert sync.filter(record(serve_sync.SKIPPED.format("b.md")))  # empty for its own reasons: told
    assert sync.filter(record("Building documentation..."))
