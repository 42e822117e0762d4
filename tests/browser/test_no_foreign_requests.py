"""No request leaves the site: every request made while pages load and searches run goes to
the site's own host (an intranet has no internet; a script that waits on a CDN never starts)."""
from __future__ import annotations

from urllib.parse import urlsplit

from searchkit import load_queries, run_queries


def foreign(requested: list[str], site_url: str) -> list[str]:
    own = urlsplit(site_url).netloc
    return [u for u in requested
            if urlsplit(u).scheme not in {"data", "blob", "about"} and urlsplit(u).netloc != own]


def test_pages_and_search_request_only_the_site(page, site_url, kind_urls):
    # One page of each kind, so every template and asset a visitor meets is loaded.
    pages = list(kind_urls.values())
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.goto(site_url)
    run_queries(page, site_url, load_queries()[:10])
    page.wait_for_load_state("networkidle")
    assert len(page.requested) > len(pages)  # the recorder saw the pages and their assets
    assert any("search_index.json" in u for u in page.requested), "search never loaded its index"
    assert foreign(page.requested, site_url) == []


def test_recorder_catches_a_foreign_request(page, site_url):
    """The check above could fail: a request to another host is recorded and reported
    (on a blank page: the site's own Content-Security-Policy would block it unsent)."""
    page.set_content('<img src="http://192.0.2.1/x.png">')
    page.wait_for_timeout(200)
    assert foreign(page.requested, site_url) == ["http://192.0.2.1/x.png"]
