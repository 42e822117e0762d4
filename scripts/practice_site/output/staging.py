"""Build into a staging folder beside the site and swap it in only when the build is whole.

MkDocs empties ``site_dir`` and then writes page after page: a full disk, a read-only folder
or a killed build used to leave half a site where the last good one was. Here the build
writes ``.site.staging`` (a sibling: same file system) and :func:`publish` swaps it in at
the end, in one step where Linux can (renameat2), else with two renames; a swap killed
between those is undone by the next :func:`begin`, so the last good site is never lost.
Every build starts from an empty folder, so ``--dirty`` builds everything (it never gained
anything for the pages the hook generates, and left a broken search index).
"""
from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path


class SiteWriteError(Exception):
    """The site folder cannot be written; the message says which and why, for the person."""


def staging_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.staging")


def previous_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.previous")


def begin(target: Path) -> Path:
    """Get ready to build ``target``: returns an empty staging folder to build into."""
    target, previous, staging = Path(target), previous_of(target), staging_of(target)
    if not target.exists() and previous.is_dir():
        # Killed between the two renames of publish(): the last good site is `previous`.
        os.replace(previous, target)
    if target.exists() and not os.access(target, os.W_OK):
        raise SiteWriteError(f"{target}：网站文件夹是只读的；未生成网站，上次的网站保持原样"
                             "（改为可写后重新生成）")
    try:
        _remove(previous)
        _remove(staging)  # a killed build's leftovers
        staging.mkdir(parents=True)
    except OSError as exc:
        raise SiteWriteError(f"{staging}：无法准备新网站（{exc.strerror}）；"
                             "未生成网站，上次的网站保持原样") from exc
    return staging


def publish(staging: Path, target: Path) -> None:
    """Swap the finished ``staging`` in as ``target``; the old site is removed after."""
    target, previous = Path(target), previous_of(target)
    try:
        if target.exists() and _exchange(staging, target):
            _remove(staging, ignore_errors=True)  # now the old site
            return
        # No atomic exchange here: two renames; begin() undoes a kill between them.
        if target.exists():
            os.replace(target, previous)
        os.replace(staging, target)
    except OSError as exc:
        if previous.exists() and not target.exists():
            os.replace(previous, target)
        discard(staging)
        raise SiteWriteError(f"{target}：无法替换网站（{exc.strerror}）；上次的网站保持原样") from exc
    _remove(previous, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE), so that a web server
    serving ``b`` never finds it missing; False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def discard(staging: Path) -> None:
    """Throw away a build that failed; the site it would have replaced is untouched."""
    _remove(staging, ignore_errors=True)


def _remove(path: Path, ignore_errors: bool = False) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=ignore_errors)
    elif path.exists() or path.is_symlink():
        try:
            path.unlink()
        except OSError:
            if not ignore_errors:
                raise
