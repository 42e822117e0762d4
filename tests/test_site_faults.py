"""Faults while writing the site: a full disk, a read-only site folder, a build killed
half-way. Each leaves the last good site exactly as it was, and the next build is whole
(scripts/practice_site/output/staging.py builds beside the site and swaps it in at the end)."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT
from practice_site.output import staging
from test_site_preserved import site_hash

pytestmark = pytest.mark.slow  # builds in a child process and fails it on purpose

HERE = Path(__file__).resolve().parent


def build(work: Path, *fault: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``work/data`` into ``work/site``; with a fault from
    faultrun.py, or behind a command ``prefix`` (a read-only mount)."""
    args = ["build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(work / "site")]
    cmd = ([sys.executable, str(HERE / "faultrun.py"), *fault, "--", *args] if fault
           else [sys.executable, "-m", "mkdocs", *args])
    env = dict(os.environ, PRACTICE_SITE_DATA=str(work / "data"), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([*prefix, *cmd], cwd=ROOT, capture_output=True, text=True, env=env)


def edit(work: Path, text: str) -> None:
    """The fixture's jiayi record with its summary saying ``text``."""
    record = work / "data" / "practices" / "jiayi.yml"
    original = (FIXTURE / "practices" / "jiayi.yml").read_text(encoding="utf-8")
    record.write_text(original.replace("测试用的", text), encoding="utf-8")


def page(work: Path) -> str:
    return (work / "site" / "practices" / "jiayi" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def work(tmp_path):
    """A folder with a copy of the fixture corpus and a good site built from it."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    proc = build(tmp_path)
    assert proc.returncode == 0, proc.stderr
    return tmp_path


def assert_next_build_whole(work: Path, digest: str) -> None:
    edit(work, "下一次构建的")
    proc = build(work)
    assert proc.returncode == 0, proc.stderr
    assert "下一次构建的" in page(work) and site_hash(work / "site") != digest
    assert (work / "site" / "search" / "search_index.json").stat().st_size > 1000
    assert sorted(p.name for p in work.iterdir()) == ["data", "site"]  # no leftovers


def test_full_disk_keeps_last_site(work):
    digest = site_hash(work / "site")
    edit(work, "磁盘写满时的")
    proc = build(work, "enospc", "40")
    assert proc.returncode != 0
    assert f"无法写入网站（No space left on device）；{work / 'site'} 中上次的网站保持原样" \
        in proc.stderr
    assert site_hash(work / "site") == digest
    assert not staging.staging_of(work / "site").exists()  # the half-written build is gone
    assert_next_build_whole(work, digest)


def test_killed_build_keeps_last_site(work):
    digest = site_hash(work / "site")
    edit(work, "中途被杀的")
    proc = build(work, "kill", "40")
    assert proc.returncode == -9
    assert site_hash(work / "site") == digest
    assert staging.staging_of(work / "site").exists()  # killed: nothing could clean up
    assert_next_build_whole(work, digest)


def read_only(site: Path) -> tuple[str, ...]:
    """A command prefix under which ``site`` is read-only. Root may write anywhere whatever
    the modes say: for root, a read-only bind mount in a private mount namespace."""
    if os.geteuid() != 0:
        _chmod_tree(site, writable=False)
        return ()
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"]).returncode:
        pytest.skip("root without mount namespaces (unshare -m): no way to make a folder "
                    "read-only for root")
    return ("unshare", "-m", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(site))


def test_read_only_site_keeps_last_site(work):
    digest = site_hash(work / "site")
    edit(work, "只读时的")
    proc = build(work, prefix=read_only(work / "site"))
    assert proc.returncode != 0
    assert f"{work / 'site'}：网站文件夹是只读的；未生成网站，上次的网站保持原样" in proc.stderr
    assert "Traceback" not in proc.stderr
    _chmod_tree(work / "site", writable=True)
    assert site_hash(work / "site") == digest
    assert_next_build_whole(work, digest)


def _chmod_tree(folder: Path, writable: bool) -> None:
    w = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        os.chmod(path, mode | stat.S_IWUSR if writable else mode & ~w)


def test_swap_killed_between_renames_is_undone(tmp_path):
    """Where the swap takes two renames, a kill between them leaves the old site under
    another name; the next build puts it back before anything else."""
    site = tmp_path / "site"
    old = staging.previous_of(site)
    old.mkdir()
    (old / "index.html").write_text("last good", encoding="utf-8")
    new = staging.begin(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "last good"
    assert new == staging.staging_of(site) and new.is_dir() and not any(new.iterdir())
    (new / "index.html").write_text("new", encoding="utf-8")
    staging.publish(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
