"""Packages from the npm registry that the offline edition and the tests use.

Each is installed on first use into build/npm/<name>/ (not committed), one folder per
package: ``npm install --no-save`` into a shared folder would prune the others. npm itself
comes from Debian when it is missing and this runs as root (CI starts with only Python).

    python3 scripts/npm_packages.py axe-core vnu-jar    # install ahead of time
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM_DIR = ROOT / "build" / "npm"
# Exact versions: what the offline edition ships and what the accessibility tests measure.
PACKAGES = {
    "iframe-worker": "1.0.4",   # the offline edition's search worker shim (scripts/offline.py)
    "axe-core": "4.14.1",       # accessibility rules run inside Chromium (tests/browser/test_a11y.py)
    "vnu-jar": "26.9.27",       # the Nu Html Checker, needs Java (tests/test_html_valid.py)
}


def package_dir(name: str) -> Path:
    """Where ``name`` is (or will be) installed."""
    return NPM_DIR / name / "node_modules" / name


def install(name: str) -> Path:
    """``name`` at its pinned version, installed once; later calls reuse the folder."""
    target = package_dir(name)
    version = PACKAGES[name]
    if (target / "package.json").exists() and f'"version": "{version}"' in (target / "package.json").read_text():
        return target
    npm = shutil.which("npm") or install_npm()
    if not npm:
        sys.exit(f"npm not found: {name} comes from the npm registry (Debian: apt-get install npm)")
    prefix = NPM_DIR / name
    prefix.mkdir(parents=True, exist_ok=True)
    # --ignore-scripts: none of these needs one, and vnu-jar's postinstall would fetch a Java
    # runtime from GitHub when it finds none (Java comes from Debian: scripts/dev.py).
    cmd = [npm, "install", "--no-audit", "--no-fund", "--no-save", "--ignore-scripts",
           "--prefix", str(prefix), "--cache", str(NPM_DIR / "cache"), f"{name}@{version}"]
    print("+", " ".join(cmd), flush=True)
    if subprocess.call(cmd, cwd=prefix) or not (target / "package.json").exists():
        sys.exit(f"npm could not install {name}@{version}")
    return target


def available(name: str) -> bool:
    """True when ``install(name)`` can work here: installed already, or npm can be had."""
    return (package_dir(name) / "package.json").exists() or bool(shutil.which("npm")) or can_apt()


def can_apt() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and bool(shutil.which("apt-get"))


def install_npm() -> str | None:
    """Debian's npm, when this runs as root with apt-get (CI); else None."""
    if can_apt():
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.call(["apt-get", "update", "-q"], env=env)
        subprocess.call(["apt-get", "install", "-y", "-q", "--no-install-recommends", "npm"], env=env)
    return shutil.which("npm")


if __name__ == "__main__":
    for arg in sys.argv[1:] or list(PACKAGES):
        print(install(arg))
