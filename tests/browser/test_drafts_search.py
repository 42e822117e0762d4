"""With drafts shown, the search box finds a draft by its name, and its page shows the
草稿·待编辑审核 banner (screenshot kept in the test's temp folder for a look)."""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conftest import search, serve  # noqa: E402
from test_drafts_site import BANNER, build, drafts_data  # noqa: E402


def test_search_finds_drafts_when_shown(tmp_path, page):
    data = drafts_data(tmp_path / "data")
    site = tmp_path / "site"
    proc = build(data, site, "1")
    assert proc.returncode == 0, proc.stderr
    server, url = serve(site)
    try:
        page.goto(url + "drafts/")
        for query, path in (("首违不罚", "practices/shouwei-bufa/"), ("法治大讲堂", "practices/fazhi-dajiangtang/")):
            hrefs = [urlsplit(r["href"]).path for r in search(page, query)][:3]
            assert "/" + path in hrefs, (query, hrefs)
        page.goto(url + "practices/shouwei-bufa/")
        assert page.locator(".admonition.warning .admonition-title").first.inner_text() == BANNER
        page.screenshot(path=str(tmp_path / "draft.png"), full_page=True)
        print(f"\nscreenshot: {tmp_path / 'draft.png'}")
    finally:
        server.shutdown()
