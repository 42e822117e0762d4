"""What only a browser shows: the map draws every practice and its boxes open their pages;
a glossary term shows its meaning on hover; auto-links land on real pages.

Screenshots for review go to $PS_SHOTS when it is set (none are compared)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse


def shot(page, name: str) -> None:
    if folder := os.environ.get("PS_SHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_map_shows_every_practice_and_links_work(page, site_url, built_site, real_corpus):
    page.goto(site_url + "map/")
    nodes = page.locator("svg.ps-map-svg a.ps-node")
    assert nodes.count() == len(real_corpus.practices)
    hrefs = nodes.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:  # each box's link lands on a built page
        path = urlparse(urljoin(site_url + "map/", href)).path.lstrip("/")
        assert (built_site / path / "index.html").is_file(), href
    p = real_corpus.practices[min(real_corpus.practices)]
    box = page.locator(f'svg.ps-map-svg a.ps-node[href="../practices/{p.id}/"]')
    assert box.bounding_box()["width"] > 100  # drawn, at a readable size
    shot(page, "map")
    box.click()
    page.wait_for_url(f"**/practices/{p.id}/")
    assert title(page) == p.name
    assert all(u.startswith(site_url) for u in page.requested), page.requested


def test_glossary_term_shows_its_meaning_on_hover(page, site_url, real_corpus):
    term = next(t for t in real_corpus.glossary.values() if t.source == "report")
    page.goto(site_url + f"reports/{min(real_corpus.reports)}/")
    abbr = page.locator("abbr.ps-term", has_text=term.term).first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(timeout=5000)
    assert term.meaning in tip.inner_text()
    assert "报告原文释义" in tip.inner_text()
    page.wait_for_timeout(800)  # let the fade-in finish before a screenshot
    shot(page, "report-tooltip")


def test_practice_page_autolinks_land_on_practice_pages(page, site_url, real_corpus):
    page.goto(site_url + "practices/jingwang-ronghe/")
    crumbs = page.locator("nav.ps-crumbs").inner_text()
    assert re.fullmatch(r"首页 › \S+ › 警网融合", crumbs.strip()), crumbs
    # From practices/x/, another practice is ../y/ (terms link to ../../glossary/#id).
    links = page.locator("#sources ~ ol a").filter(has_not=page.locator("abbr"))
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    siblings = [i for i, h in enumerate(hrefs) if re.fullmatch(r"\.\./[a-z0-9-]+/", h)]
    assert siblings, "the source sentences link other practices"
    link = links.nth(siblings[0])
    link.scroll_into_view_if_needed()
    link.hover()
    page.wait_for_timeout(600)
    shot(page, "practice-autolink")
    name = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert title(page) in {p.name for p in real_corpus.practices.values() if name in p.names}


def title(page) -> str:
    return page.locator("h1").first.inner_text().replace("¶", "").strip()
