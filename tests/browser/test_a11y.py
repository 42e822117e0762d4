"""Accessibility: axe-core (npm, run inside Chromium) finds no critical or serious violation
on any kind of page, and the keyboard alone reaches and operates search, the map and the
glossary tooltips.

The pages are tests/page_kinds.py: add a kind there and it is checked here. Fixes live in
docs/assets/site.css (palette, underlines), overrides/partials/search.html (the dialog's
name) and autolink.py (tooltips on focus); ``test_axe_finds_what_the_fixes_removed`` is the
control that undoes them in the page and expects axe to complain.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import kind_url
from page_kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import npm_packages  # noqa: E402

BLOCKING = {"critical", "serious"}
MATERIAL_SEARCH = Path(__import__("material").__file__).parent / "templates" / "partials" / "search.html"
# Each violation as "impact rule: help — the first targets"; a full run of axe's rules.
RUN_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => n.target.join(' '))}));
}"""
FOCUSED = """() => { const a = document.activeElement;
  return {tag: a.tagName.toLowerCase(), cls: a.getAttribute('class') || '', href: a.getAttribute('href') || ''}; }"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not (npm_packages.available("axe-core") or os.environ.get("CI")):
        pytest.skip("npm not installed: axe-core comes from the npm registry")
    return (npm_packages.install("axe-core") / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def axe_page(browser):
    """A page whose context lets axe in: axe is added as an inline script, which the site's
    CSP refuses (tests/browser/test_csp.py checks the CSP itself)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                  bypass_csp=True)
    yield context.new_page()
    context.close()


def violations(pg, axe_source: str) -> list[dict]:
    if not pg.evaluate("typeof axe !== 'undefined'"):
        pg.add_script_tag(content=axe_source)
    return pg.evaluate(RUN_AXE)


def blocking(found: list[dict]) -> list[str]:
    return [f"{v['impact']} {v['id']}: {v['help']} — {len(v['targets'])} element(s): {v['targets'][:3]}"
            for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize("kind", KINDS)
def test_no_critical_or_serious_violation(axe_page, site_url, axe_source, kind, kind_urls):
    axe_page.goto(site_url + kind_url(kind_urls, kind))
    axe_page.wait_for_load_state("networkidle")
    assert blocking(violations(axe_page, axe_source)) == []


def test_open_search_with_results_has_no_critical_or_serious_violation(axe_page, site_url, axe_source, real_corpus):
    axe_page.goto(site_url)
    axe_page.wait_for_load_state("networkidle")
    open_search_by_keyboard(axe_page, next(iter(real_corpus.practices.values())).name)
    assert blocking(violations(axe_page, axe_source)) == []


def test_phone_width_with_the_navigation_drawer_open(axe_page, site_url, axe_source, kind_urls):
    """On a phone the tabs give way to a drawer, which axe only sees when it is open."""
    axe_page.set_viewport_size({"width": 390, "height": 800})
    axe_page.goto(site_url + kind_urls["practice"])
    axe_page.wait_for_load_state("networkidle")
    axe_page.click("label.md-header__button[for=__drawer]")
    axe_page.locator(".md-nav--primary").first.wait_for(state="visible")
    assert blocking(violations(axe_page, axe_source)) == []


def test_axe_finds_what_the_fixes_removed(axe_page, site_url, axe_source, kind_urls):
    """The control: with Material's indigo, links marked by colour alone and the search
    dialog unnamed (the site before its fixes), axe reports each as serious."""
    axe_page.goto(site_url + kind_urls["practice"])
    axe_page.wait_for_load_state("networkidle")
    axe_page.evaluate("""() => {
        document.querySelector('.md-search').removeAttribute('aria-label');
        const s = document.createElement('style');
        s.textContent = ':root > * { --md-primary-fg-color: #4051b5 }'
                      + ' .md-typeset a { text-decoration: none !important }';
        document.head.append(s);
    }""")
    found = {v["id"] for v in violations(axe_page, axe_source) if v["impact"] in BLOCKING}
    assert {"color-contrast", "link-in-text-block", "aria-dialog-name"} <= found, found


def test_search_partial_is_materials_with_a_name_added():
    """overrides/partials/search.html replaces Material's; after a Material upgrade this
    says when it must be copied again."""
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    theirs = MATERIAL_SEARCH.read_text(encoding="utf-8")
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    named = dialog + ' aria-label="{{ lang.t(\'search\') }}"'
    body = ours[ours.index("-#}") + 4:]
    assert named in body
    assert body.replace(named, dialog) == theirs[theirs.index("-#}") + 4:]


# -- keyboard alone ------------------------------------------------------------------------

def tab_until(pg, wanted, limit: int = 200) -> dict:
    """Press Tab until the focused element satisfies ``wanted``; fail after ``limit``."""
    for _ in range(limit):
        pg.keyboard.press("Tab")
        focused = pg.evaluate(FOCUSED)
        if wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached the element within {limit} presses")


def open_search_by_keyboard(pg, query: str) -> None:
    tab_until(pg, lambda f: "md-search__input" in f["cls"], limit=10)
    pg.keyboard.type(query)
    pg.keyboard.press("End")  # Material searches on keyup; typed CJK alone may not fire one
    pg.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0",
                         timeout=10_000)
    # Each typed character searches again and the overlay fades in: let the results settle
    # (no transition running, the same list twice) before anything measures colours.
    pg.wait_for_function("""() => {
        const list = [...document.querySelectorAll('.md-search-result__item')].map(e => e.textContent).join('|');
        const settled = list === window.__psLastResults
            && document.getAnimations().every(a => a.playState !== 'running');
        window.__psLastResults = list;
        return settled;
    }""", polling=200, timeout=10_000)


def test_keyboard_reaches_and_operates_search(page, site_url, real_corpus):
    practice = real_corpus.practices[min(real_corpus.practices)]
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    open_search_by_keyboard(page, practice.name)
    # Arrow keys walk the results; Enter opens the one that is the practice's page.
    for _ in range(20):
        page.keyboard.press("ArrowDown")
        if f"/practices/{practice.id}/" in page.evaluate(FOCUSED)["href"]:
            break
    else:
        raise AssertionError(f"arrow keys never reached the result for {practice.name}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/practices/{practice.id}/*")
    assert page.locator("h1").first.inner_text().replace("¶", "").strip() == practice.name


def test_keyboard_reaches_and_operates_the_map(page, site_url, kind_urls, real_corpus):
    page.goto(site_url + kind_urls["map"])
    page.wait_for_load_state("networkidle")
    # The first box with relations: focus shows them as hovering does, and the box is marked.
    focused = tab_until(page, lambda f: "ps-node" in f["cls"] and page.evaluate(
        "() => document.activeElement.closest('.ps-node-g').querySelector('.ps-hl use') !== null"))
    state = page.evaluate("""() => { const a = document.activeElement, g = a.closest('.ps-node-g');
        return {hl: getComputedStyle(g.querySelector('.ps-hl')).display,
                stroke: getComputedStyle(a.querySelector('rect')).strokeWidth,
                other: getComputedStyle(document.querySelector('.ps-edges')).opacity}; }""")
    assert state == {"hl": "inline", "stroke": "2.4px", "other": "0.15"}, state
    page.keyboard.press("Enter")
    pid = focused["href"].rstrip("/").rsplit("/", 1)[-1]
    page.wait_for_url(f"**/practices/{pid}/")
    assert page.locator("h1").first.inner_text().replace("¶", "").strip() == real_corpus.practices[pid].name


def test_keyboard_focus_shows_a_glossary_tooltip(page, site_url, kind_urls, real_corpus):
    page.goto(site_url + kind_urls["report"])
    page.wait_for_load_state("networkidle")
    tab_until(page, lambda f: "/glossary/#" in f["href"] and page.evaluate(
        "() => document.activeElement.parentElement.matches('abbr.ps-term')"))
    tid = page.evaluate(FOCUSED)["href"].rsplit("#", 1)[1]
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(timeout=5000)
    assert real_corpus.glossary[tid].meaning in tip.inner_text()
