#!/usr/bin/env python3
"""Build the offline edition: a copy of the site in site-offline/ that opens from a folder.

    python3 scripts/dev.py offline [--out DIR]

Material's ``offline`` plugin (switched on by PS_OFFLINE, see mkdocs.yml) turns off
directory URLs and inlines the search index into a script, since a page opened from
file:// may not fetch JSON. Its search still needs the iframe-worker shim, which the plugin
would load from unpkg.com: here it comes from the npm registry at build time (cached under
build/npm/, not committed) and is served from the copy itself. The last step fails the
build if any page, script or style still names an http(s) host.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import npm_packages

ROOT = Path(__file__).resolve().parent.parent
SHIM_URI = "assets/vendor/iframe-worker-shim.js"
# An http(s) host the browser would fetch: src/href attributes, CSS url(), JS imports.
# xmlns="http://www.w3.org/…" in inline SVG is a name, not a fetch, and is not matched.
FETCH = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']?|url\(\s*["']?|import\s*\(?\s*["']|importScripts\(\s*["'])https?://""")


def install_shim() -> Path:
    """The iframe-worker shim from the npm registry (once; later builds reuse the cache)."""
    return npm_packages.install("iframe-worker") / "shim" / "index.js"


def child_config(out: Path) -> str:
    """mkdocs.yml plus the offline settings, read by ``mkdocs build -f -`` from stdin: with
    no file of its own, every relative path still resolves against the project root."""
    return (f"INHERIT: mkdocs.yml\n"
            f"site_dir: {str(out)!r}\n"
            f"use_directory_urls: false\n"
            f"extra:\n  polyfills: [{SHIM_URI}]\n")


def foreign_references(site: Path) -> list[str]:
    """``file: line`` for every reference to an http(s) host the browser would fetch."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".js", ".css"} or path.name.endswith(".map"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in FETCH.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found.append(f"{path.relative_to(site)}:{line}: {text[m.start():m.end() + 40]!r}")
    return found


def build(out: Path) -> int:
    shim = install_shim()
    env = dict(os.environ, PS_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "-"]
    print("+", " ".join(cmd), "<", "(mkdocs.yml + offline settings)", flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, env=env, input=child_config(out), text=True)
    if proc.returncode:
        return proc.returncode
    target = out / SHIM_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, target)
    if found := foreign_references(out):
        print("the offline edition still references other hosts:", *found, sep="\n  ")
        return 1
    print(f"offline edition in {out}: open {out / 'index.html'} in a browser")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "site-offline",
                    help="where to build (default: site-offline/)")
    args = ap.parse_args(argv)
    return build(args.out.resolve())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
