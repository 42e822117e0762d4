#!/usr/bin/env python3
"""Set up and run the project with nothing but Python installed.

    python3 scripts/dev.py serve     # preview at http://127.0.0.1:8000 (refreshes on data edits)
    python3 scripts/dev.py build     # mkdocs build --strict into site/
    python3 scripts/dev.py test      # every test, browser tests included (CI runs this)
    python3 scripts/dev.py test --fast   # the edit loop: unit tests and fixture builds, no browser
    python3 scripts/dev.py offline   # a copy in site-offline/ that opens from a folder
    python3 scripts/dev.py lint      # ruff and mypy (settings in pyproject.toml)

Each command first creates .venv/ and installs requirements-dev.txt into it (once; again
when the requirements change). Browser tests need Debian's chromium, the HTML check a
Java runtime: when missing and this runs as root with apt-get, they are installed;
otherwise those tests fail in CI (CI=true) and are skipped elsewhere with that reason.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
# Debian packages the tests need, by the command that tells whether they are there: the
# browser tests drive chromium; the Nu Html Checker (tests/test_html_valid.py) runs on Java.
APT_PACKAGES = {"chromium": ["chromium", "fonts-noto-cjk"], "java": ["default-jre-headless"]}
# pymdown-extensions 13 (requirements.txt) installs on Python 3.11.5 or newer only; an older
# python3 (Debian 12 ships 3.11.2) would fail deep inside pip with "No matching distribution".
MIN_PYTHON = (3, 11, 5)


def run(*cmd: str | Path, **kw) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, **kw)


def ensure_venv() -> None:
    reqs = b"".join((ROOT / f).read_bytes() for f in ("requirements.txt", "requirements-dev.txt"))
    stamp = VENV / ".requirements-sha1"
    digest = hashlib.sha1(reqs).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    if not (BIN / "python").exists():
        if sys.version_info < MIN_PYTHON:
            sys.exit(f"需要 Python {'.'.join(map(str, MIN_PYTHON))} 或更新版本（固定版本的 "
                     f"pymdown-extensions 要求如此）；{sys.executable} 是 "
                     f"{'.'.join(map(str, sys.version_info[:3]))}")
        if run(sys.executable, "-m", "venv", VENV):
            sys.exit("无法创建 .venv（Debian 上请先运行 apt-get install python3-venv）")
    if run(BIN / "python", "-m", "pip", "install", "-q", "-r", "requirements-dev.txt"):
        sys.exit("pip install 失败：依赖包没有装好（见上面 pip 的输出）")
    stamp.write_text(digest)


def ensure_test_tools() -> None:
    missing = [pkg for command, pkgs in APT_PACKAGES.items()
               if not (shutil.which(command) or (command == "chromium" and os.environ.get("PS_CHROMIUM")))
               for pkg in pkgs]
    if missing and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run("apt-get", "update", "-q", env=env)
        run("apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "build", "test", "offline", "bench", "lint"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_venv()
    if command == "serve":
        return run(BIN / "mkdocs", "serve", *rest)
    if command == "build":
        return run(BIN / "mkdocs", "build", "--strict", *rest)
    if command == "offline":
        return run(BIN / "python", "scripts/offline.py", *rest)
    if command == "bench":
        return run(BIN / "python", "scripts/bench.py", *rest)
    if command == "lint":
        return run(BIN / "ruff", "check", "scripts", "tests") or run(BIN / "mypy")
    if "--fast" in rest:
        # Tests marked slow (conftest.py: real-site builds, served sites, browsers) left out.
        rest = [a for a in rest if a != "--fast"]
        return run(BIN / "python", "-m", "pytest", "-m", "not slow", "--ignore=tests/browser", *(rest or ["-q"]))
    ensure_test_tools()
    return run(BIN / "python", "-m", "pytest", *(rest or ["-q"]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
