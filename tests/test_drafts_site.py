"""Drafts on the site: ``mkdocs serve`` shows them with a banner and lists them for the
editor; ``mkdocs build`` leaves them out (and every link to them) unless
PRACTICE_SITE_DRAFTS=1; deleting the status line publishes a draft."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, fetch, wait_for
from practice_site import cli
from practice_site.corpus.load import load_corpus
from practice_site.render.drafts import BANNER, show_drafts, without_drafts

pytestmark = pytest.mark.slow  # builds and serves the fixture site

FIXTURE = ROOT / "tests" / "fixtures" / "corpus"
REPORT = ROOT / "tests" / "fixtures" / "reports" / "rule-of-law.txt"
TITLE = "某区公安分局2023年法治公安建设情况报告"


@pytest.mark.parametrize(("command", "env", "shown"), [
    ("serve", None, True), ("build", None, False), (None, None, False), ("build", "1", True),
    ("serve", "0", False), ("gh-deploy", "1", True)])
def test_which_runs_show_drafts(command, env, shown):
    assert show_drafts(command, env) is shown


def drafts_data(data: Path) -> Path:
    """The fixture corpus after add-report, with a published record linked to a draft (an
    editorial link: the two reports never name them in one sentence or item)."""
    shutil.copytree(FIXTURE, data)
    assert cli.main(["--data", str(data), "add-report", str(REPORT), "--id", "rule-of-law",
                     "--title", TITLE, "--unit", "某区公安分局", "--year", "2023"]) == 0
    record = data / "practices" / "jingwang-ronghe.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "related: []", "related:\n  - {id: shouwei-bufa, relation: editors-link, note: 测试用的编者关联。}"), encoding="utf-8")
    handout = data / "collections" / "peixun.yml"
    handout.write_text(handout.read_text(encoding="utf-8") + "  - practice: shouwei-bufa\n", encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def with_drafts(tmp_path_factory) -> Path:
    return drafts_data(tmp_path_factory.mktemp("drafts") / "data")


def test_drafts_and_references_to_them_are_left_out(with_drafts):
    corpus, problems = load_corpus(with_drafts, with_drafts.parent)
    assert problems == []
    assert corpus.practices["shouwei-bufa"].draft
    published = without_drafts(corpus)
    assert sorted(published.practices) == sorted(p.id for p in corpus.practices.values() if not p.draft)
    assert published.practices["jingwang-ronghe"].related == ()
    assert "shouwei-bufa" in [i.practice for i in corpus.collections["peixun"].items]
    assert "shouwei-bufa" not in [i.practice for i in published.collections["peixun"].items]
    used = {p.theme for p in published.practices.values()}
    assert set(published.themes) == used | (set(corpus.themes) - {p.theme for p in corpus.practices.values()})


def build(data: Path, site: Path, drafts: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRACTICE_SITE_DATA=str(data), NO_MKDOCS_2_WARNING="1")
    env.pop("PRACTICE_SITE_DRAFTS", None)
    if drafts is not None:
        env["PRACTICE_SITE_DRAFTS"] = drafts
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env=env)


def test_build_leaves_drafts_out(with_drafts, tmp_path):
    site = tmp_path / "site"
    proc = build(with_drafts, site, None)
    assert proc.returncode == 0, proc.stderr
    assert not (site / "practices" / "shouwei-bufa").exists()
    assert not (site / "drafts").exists()
    assert (site / "practices" / "jingwang-ronghe" / "index.html").exists()
    assert "shouwei-bufa" not in (site / "practices" / "jingwang-ronghe" / "index.html").read_text(encoding="utf-8")
    assert "shouwei-bufa" not in (site / "collections" / "peixun" / "index.html").read_text(encoding="utf-8")
    report = (site / "reports" / "rule-of-law" / "index.html").read_text(encoding="utf-8")
    assert "首违不罚" in report and "shouwei-bufa" not in report  # quoted, not linked
    assert BANNER not in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_build_with_drafts_shows_them(with_drafts, tmp_path):
    site = tmp_path / "site"
    proc = build(with_drafts, site, "1")
    assert proc.returncode == 0, proc.stderr
    page = (site / "practices" / "shouwei-bufa" / "index.html").read_text(encoding="utf-8")
    assert BANNER in page
    assert "data/practices/shouwei-bufa.yml" in page
    listing = (site / "drafts" / "index.html").read_text(encoding="utf-8")
    drafts = [p for p in load_corpus(with_drafts, with_drafts.parent)[0].practices.values() if p.draft]
    assert all(f"../practices/{p.id}/" in listing for p in drafts)
    assert "../shouwei-bufa/" in (site / "practices" / "jingwang-ronghe" / "index.html").read_text(encoding="utf-8")
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    page_doc = next(d for d in docs if d["location"] == "practices/shouwei-bufa/")
    assert page_doc["title"].replace("\u200b", "") == "“首违不罚”"  # jieba marks word breaks


DRAFT = {"id": "huajie-jiufen", "status": "draft", "name": "化解纠纷", "kind": "practice",
         "theme": "pingan", "tags": ["矛盾纠纷"], "summary": "草稿。", "how": ["共化解纠纷*****起"],
         "outcomes": [], "related": []}


def test_serve_shows_a_draft_until_its_status_line_is_deleted(served):
    data, url, _ = served
    wait_for("the first build", lambda: fetch(url + "practices/jiayi/"))
    record = data / "practices" / "huajie-jiufen.yml"
    record.write_text(yaml.safe_dump(DRAFT, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = wait_for("the draft page", lambda: fetch(url + "practices/huajie-jiufen/"))
    assert BANNER in page
    assert "化解纠纷" in wait_for("the drafts list", lambda: fetch(url + "drafts/"))
    assert BANNER in (fetch(url) or "")  # the home page says there are drafts
    record.write_text(record.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8")
    wait_for("the published page", lambda: BANNER not in (fetch(url + "practices/huajie-jiufen/") or BANNER))
    assert fetch(url + "drafts/") is None
