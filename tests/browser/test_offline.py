"""The offline edition (scripts/offline.py) opens from a folder: search and navigation work
over file://, and nothing in it names another host."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from searchkit import load_queries, run_queries, summary

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import npm_packages  # noqa: E402
import offline  # noqa: E402

FLOOR = 0.95


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    if not (npm_packages.available("iframe-worker") or os.environ.get("CI")):
        pytest.skip("npm not installed: the offline edition fetches iframe-worker with it once")
    out = tmp_path_factory.mktemp("offline") / "site-offline"
    proc = subprocess.run([sys.executable, "scripts/offline.py", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out


def test_offline_copy_is_self_contained(offline_site):
    assert (offline_site / offline.SHIM_URI).is_file()
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "practices" / "zu-anxin.html").is_file()  # no directory URLs
    assert offline.foreign_references(offline_site) == []
    html = (offline_site / "practices" / "zu-anxin.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and offline.SHIM_URI in html


def test_foreign_reference_check_can_fail(tmp_path):
    (tmp_path / "a.html").write_text('<script src="https://unpkg.com/iframe-worker/shim">',
                                     encoding="utf-8")
    (tmp_path / "b.html").write_text('<svg xmlns="http://www.w3.org/2000/svg">', encoding="utf-8")
    assert [f.split(":")[0] for f in offline.foreign_references(tmp_path)] == ["a.html"]


def test_offline_search_and_navigation_from_file_url(page, offline_site, capsys):
    base = offline_site.as_uri() + "/"
    page.goto(base + "index.html")
    outcomes = run_queries(page, base, load_queries())
    share, report = summary(outcomes)
    with capsys.disabled():
        print("\noffline " + report)
    assert share >= FLOOR, report
    # Navigation: a search result opens its page, and the page's links work from the folder.
    run_queries(page, base, [q for q in load_queries() if q.text == "租安心"])
    page.click(".md-search-result__item a.md-search-result__link")
    page.wait_for_url("**/practices/zu-anxin.html*")
    assert page.locator("h1").first.inner_text().startswith("租安心")
    page.click("a.md-tabs__link:has-text('全部做法')")
    page.wait_for_url("**/practices/index.html")
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in page.requested), \
        [u for u in page.requested if not u.startswith("file:")]
