"""The README's commands work as written in a fresh clone with any Python 3: ``python3
scripts/build.py check`` runs itself in the project's .venv (it failed with "No module named
'pypinyin'" before). The clone's .venv links to this one with its requirements stamp, so
no packages are downloaded; creating it from nothing is what dev.py's ensure_venv does."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # a copy of the project and build.py in a new interpreter

SKIP = shutil.ignore_patterns(".git", ".venv", "site", "site-offline", "build", "__pycache__",
                              ".*_cache", ".*.staging", ".*.previous", "tests")


def outside_python() -> str:
    """A Python that is not the project's .venv (the one the venv was made from)."""
    for name in ("python3", "python"):
        candidate = Path(sys.base_prefix) / "bin" / name
        if candidate.exists():
            return str(candidate)
    return shutil.which("python3") or "python3"


def test_build_py_runs_in_the_venv_from_a_fresh_clone(tmp_path):
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=SKIP)
    (clone / ".venv").symlink_to((ROOT / ".venv").resolve(), target_is_directory=True)
    python = outside_python()
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    probe = subprocess.run([python, "-c", "import sys; print(sys.prefix)"],
                           capture_output=True, text=True, env=env)
    assert Path(probe.stdout.strip()).resolve() != (ROOT / ".venv").resolve()

    check = subprocess.run([python, "scripts/build.py", "check"], cwd=clone,
                           capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stderr
    # The last line is check's own; lines before it may be dev.py installing requirements.
    last = check.stdout.splitlines()[-1]
    assert last.startswith("检查通过：") and " 个做法" in last, check.stdout

    pages = subprocess.run([python, "scripts/build.py", "pages", "--out", str(tmp_path / "pages")],
                           cwd=clone, capture_output=True, text=True, env=env)
    assert pages.returncode == 0, pages.stderr
    index = (tmp_path / "pages" / "practices" / "index.html").read_text(encoding="utf-8")
    assert index.startswith("<!doctype html>") and '<a href="zu-anxin.html">租安心</a>' in index
