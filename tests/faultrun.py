"""``python tests/faultrun.py FAULT N -- mkdocs arguments``: run ``mkdocs`` with a fault
injected at the N-th file the build writes (opened for writing through ``open``, as MkDocs
writes pages and copies assets):

    enospc   that write stops half-way with "No space left on device" (a full disk)
    kill     the process kills itself (SIGKILL: no cleanup, no finally)

Used by tests/test_site_faults.py; a separate interpreter so nothing leaks into pytest.
"""
from __future__ import annotations

import builtins
import errno
import os
import signal
import sys

fault, limit, rest = sys.argv[1], int(sys.argv[2]), sys.argv[4:]
assert sys.argv[3] == "--" and fault in {"enospc", "kill"}
real_open = builtins.open
written = 0


def faulty_open(file, mode="r", *args, **kwargs):
    global written
    if isinstance(file, (str, os.PathLike)) and any(c in mode for c in "wax"):
        written += 1
        if written == limit:
            if fault == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            with real_open(file, "wb") as half:
                half.write(b"<!doctype html><html><head>")  # what fitted before the disk filled
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
    return real_open(file, mode, *args, **kwargs)


builtins.open = faulty_open
from mkdocs.__main__ import cli  # noqa: E402

sys.argv = ["mkdocs", *rest]
cli()
