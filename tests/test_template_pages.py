"""Generated pages reach MkDocs as pages of their own (mkdocs_adapter/pages.py): MkDocs sets
up no Markdown engine for them, they keep the titles mkdocs.yml's nav gives them, and a
hand-written page's link to an anchor of a generated page is checked as MkDocs checks one
between hand-written pages (``validation: anchors: warn``)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, fixture_project

pytestmark = pytest.mark.slow  # builds the fixture site

# Builds in-process, counting the Markdown conversions MkDocs makes, by page source.
COUNTING = """
import json, logging, sys
logging.basicConfig(level=logging.WARNING, format="%(message)s")
import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
converted, kinds = [], {}
original = Page.render
def render(self, config, files):
    kinds[self.file.src_uri] = type(self).__name__
    return original(self, config, files) if type(self) is Page else None
orig_convert = markdown.Markdown.convert
def convert(self, source):
    converted.append(source)
    return orig_convert(self, source)
markdown.Markdown.convert = convert
config = load_config(sys.argv[1], site_dir=sys.argv[2])
try:
    build(config)
except SystemExit:  # --strict (mkdocs.yml) aborts on the warning; it was logged
    sys.exit(1)
print(json.dumps({"converted": len(converted), "empty": sum(not s.strip() for s in converted)}))
"""


@pytest.fixture
def project(tmp_path):
    data, config = fixture_project(tmp_path)
    env = dict(os.environ, PRACTICE_SITE_DATA=str(data), PRACTICE_SITE_CACHE="off", NO_MKDOCS_2_WARNING="1")
    return tmp_path, config, tmp_path / "docs", env


def run(project, script: str = COUNTING) -> subprocess.CompletedProcess:
    tmp, config, _, env = project
    return subprocess.run([sys.executable, "-c", script, str(config), str(tmp / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_generated_pages_are_not_converted_from_markdown(project):
    tmp, _, docs, _ = project
    proc = run(project)
    assert proc.returncode == 0, proc.stderr
    counts = json.loads(proc.stdout.strip().splitlines()[-1])
    handwritten = [p for p in docs.rglob("*.md")]
    # One conversion per hand-written page; none of an empty generated source.
    assert counts == {"converted": len(handwritten), "empty": 0}, counts
    # Every generated page is built: a practice page with its template's body and toc.
    page = (tmp / "site" / "practices" / "jiayi" / "index.html").read_text(encoding="utf-8")
    assert 'id="outcomes"' in page or 'id="how"' in page
    assert 'data-md-component="toc"' in page and 'href="#sources"' in page


def test_nav_titles_of_generated_pages_are_kept(project):
    tmp, config, _, _ = project
    proc = run(project)
    assert proc.returncode == 0, proc.stderr
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1].split("\nnot_in_nav", 1)[0])
    titles = [title for entry in nav for title in entry]
    # Generated pages in the nav (主题 is themes/index.md) are listed under its titles,
    # not under their own headings (the themes page's heading is 主题 too; 全部做法's is not).
    home = (tmp / "site" / "index.html").read_text(encoding="utf-8")
    for title in titles:
        assert f"{title}\n" in home or f">{title}<" in home, title


@pytest.mark.parametrize("anchor, warned", [("sources", False), ("no-such-anchor", True)])
def test_links_from_handwritten_pages_to_generated_anchors_are_checked(project, anchor, warned):
    _, _, docs, _ = project
    (docs / "about.md").write_text((docs / "about.md").read_text(encoding="utf-8")
                                   + f"\n[甲乙的原文](practices/jiayi.md#{anchor})\n", encoding="utf-8")
    proc = run(project)
    assert (proc.returncode != 0) == warned, proc.stderr[-2000:]
    assert (f"does not contain an anchor '#{anchor}'" in proc.stderr) == warned, proc.stderr[-2000:]
