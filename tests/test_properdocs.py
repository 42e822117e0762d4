"""Portable: ProperDocs (PyPI ``properdocs``, the maintained fork of MkDocs 1.6) builds this
project unchanged, from the same mkdocs.yml, hook and Material theme, and its site is the
site MkDocs 1.6.1 builds.

Compared, page by page: the same files; every HTML page the same visible text (text nodes
outside script and style, plus title, alt, aria-label and placeholder attributes), the same
link targets (href, src) and the same anchors (id); every other file the same bytes. What
legitimately differs and is ignored: the ``<meta name="generator">`` tag, which names the
tool that built the page, and the ``<lastmod>`` dates of sitemap.xml (and the date inside
sitemap.xml.gz), which are the build's date and differ when the two builds straddle
midnight UTC. ``test_only_the_generator_tag_differs`` then holds the markup itself to the
same bytes apart from that tag: a ProperDocs upgrade that changes markup fails there first,
and the difference is either listed above with its reason or reported upstream.

ProperDocs lives in the same .venv as MkDocs (requirements-dev.txt): it is its own import
package and command (``properdocs``, ``python -m properdocs``); it redirects ``mkdocs.*``
imports to itself only inside its own process, so ``mkdocs build`` is untouched.
"""
from __future__ import annotations

import gzip
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE, ROOT, mkdocs_build

pytestmark = pytest.mark.slow

GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">')
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
SHOWN_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}


def properdocs_build(site: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """``properdocs build --strict`` into ``site`` (the same call as ``conftest.mkdocs_build``)."""
    if importlib.util.find_spec("properdocs") is None:
        message = "properdocs not installed (requirements-dev.txt pins it; python3 scripts/dev.py test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", **env))


class Reading(HTMLParser):
    """What a reader of one page sees and can follow: text, link targets, anchors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.targets: list[str] = []
        self.anchors: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._hidden += 1
        for name, value in attrs:
            if value is None:
                continue
            if name in SHOWN_ATTRIBUTES:
                self.text.append(value)
            elif name in {"href", "src"}:
                self.targets.append(value)
            elif name == "id":
                self.anchors.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.text.append(" ".join(data.split()))


def reading(path: Path) -> Reading:
    parser = Reading()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def comparable_bytes(path: Path) -> bytes:
    """A non-HTML file's bytes, the build date of the sitemap left out."""
    data = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        data = gzip.decompress(data)
    if path.name.startswith("sitemap.xml"):
        data = LASTMOD.sub(b"<lastmod/>", data)
    return data


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    """The real site built by ProperDocs, with a page cache of its own (none shared with MkDocs)."""
    work = tmp_path_factory.mktemp("properdocs")
    proc = properdocs_build(work / "site", PRACTICE_SITE_CACHE=str(work / "cache"))
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return work / "site"


def test_properdocs_built_it(properdocs_site, built_site):
    """The control: the second site really comes from ProperDocs, the first from MkDocs."""
    assert 'content="mkdocs-ProperDocs ' in (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-1.6.1,' in (built_site / "index.html").read_text(encoding="utf-8")


def test_same_files_and_what_each_page_shows(properdocs_site, built_site):
    names = files(built_site)
    assert files(properdocs_site) == names
    html_pages = sorted(n for n in names if n.endswith(".html"))
    assert len(html_pages) >= 60
    differ = []
    for name in html_pages:
        theirs, ours = reading(properdocs_site / name), reading(built_site / name)
        for what in ("text", "targets", "anchors"):
            if getattr(theirs, what) != getattr(ours, what):
                first = next((i for i, (a, b) in enumerate(zip(getattr(ours, what), getattr(theirs, what), strict=False))
                              if a != b), None)
                differ.append(f"{name}: {what} differ (first at item {first})")
    assert differ == []
    other = [n for n in sorted(names) if not n.endswith(".html")
             and comparable_bytes(built_site / n) != comparable_bytes(properdocs_site / n)]
    assert other == []


def test_only_the_generator_tag_differs(properdocs_site, built_site):
    differ = [n for n in sorted(files(built_site)) if n.endswith(".html")
              and GENERATOR.sub("", (built_site / n).read_text(encoding="utf-8"))
              != GENERATOR.sub("", (properdocs_site / n).read_text(encoding="utf-8"))]
    assert differ == [], "pages whose markup differs between MkDocs and ProperDocs beyond the generator tag"


def test_reading_sees_a_changed_word(tmp_path, built_site):
    """The comparison could fail: one changed character of visible text is seen."""
    page = built_site / "about" / "index.html"
    changed = tmp_path / "index.html"
    html = page.read_text(encoding="utf-8")
    body = html.index("<article")
    changed.write_text(html[:body] + re.sub(r">([^<\s])", r">改\1", html[body:], count=1), encoding="utf-8")
    assert reading(changed).text != reading(page).text
    assert reading(page).targets and reading(page).anchors


def _warning_config(work: Path) -> Path:
    """A config for the fixture corpus whose docs hold a page with a broken link: a warning,
    so ``--strict`` aborts after the pages are written."""
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "broken.md").write_text("# 坏链接\n\n[无此页](missing.md)\n", encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(docs),
        "hooks": [str(ROOT / "scripts" / "mkdocs_hooks.py")], "watch": [str(FIXTURE)],
        "theme": {"custom_dir": str(ROOT / "overrides")}}), encoding="utf-8")
    return config


@pytest.mark.parametrize("tool", [
    "mkdocs",
    "properdocs",  # logs its warnings under 'properdocs': the hook counts both (BUILD_LOGGERS)
])
def test_strict_warning_keeps_the_last_site(tool, tmp_path, monkeypatch):
    """A build that ``--strict`` refuses for a warning leaves the last good site as it was."""
    build = mkdocs_build if tool == "mkdocs" else properdocs_build
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(FIXTURE))
    monkeypatch.setenv("PRACTICE_SITE_CACHE", "off")
    site = tmp_path / "site"
    assert build(site).returncode == 0
    before = files(site)
    proc = build(site, _warning_config(tmp_path))
    assert proc.returncode != 0 and "missing.md" in proc.stderr, proc.stderr
    assert files(site) == before
