"""The Content-Security-Policy (overrides/main.html): in every page, enforced, and the
site, its search (a Web Worker) and the map still work under it with no violation."""
from __future__ import annotations

import base64
import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, kind_url, search
from page_kinds import KINDS

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials" / "javascripts"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# Collects violations from the first moment of each page, before any page script runs.
LISTEN = ("window.__csp = []; document.addEventListener('securitypolicyviolation', e =>"
          " window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' '"
          " + (e.sample || '')));")


def policy(page_html: str) -> dict[str, list[str]]:
    m = META.search(page_html)
    assert m, "no Content-Security-Policy meta"
    directives = [d.split() for d in html.unescape(m.group(1)).split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def style_hash(value: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(value.encode()).digest()).decode() + "'"


@pytest.fixture
def csp_page(page):
    page.add_init_script(LISTEN)
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    return page


def violations(pg) -> list[str]:
    return pg.evaluate("window.__csp") + [m for m in pg.console_errors if "Content Security Policy" in m]


def test_every_page_has_the_policy_and_no_inline_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        assert head.index('http-equiv="Content-Security-Policy"') < head.index("<script"), path
        p = policy(text)
        assert p["default-src"] == ["'self'"] and p["script-src"] == ["'self'"], path
        assert not any("unsafe-inline" in v or "unsafe-eval" in v for v in sum(p.values(), [])), path
        # Scripts are files; the only inline <script> is Material's JSON config (not run).
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S):
            assert "src=" in attrs or 'type="application/json"' in attrs, (path, body[:80])
        assert not re.search(r"<style[\s>]", text), path
        assert handlers(text) == [], path


def handlers(text: str) -> list[str]:
    """Event-handler attributes (onclick=…) anywhere in a page."""
    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(f"{tag} {k}" for k, _ in attrs if k.startswith("on"))

    Finder().feed(text)
    return found


def test_inline_style_attributes_are_allowed_by_hash(built_site):
    """Each style="…" in the site is allowed by its own hash; say which one is missing."""
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        allowed = policy(text).get("style-src-attr", [])
        for value in set(re.findall(r'\sstyle="([^"]*)"', text)):
            value = html.unescape(value)
            assert style_hash(value) in allowed, (
                f"{path.relative_to(built_site)}: style=\"{value}\" is blocked by the CSP; use a "
                f"class in docs/assets/site.css, or add {style_hash(value)} to overrides/main.html")


def test_moved_scripts_match_installed_material():
    """The partials in overrides/ replace Material's inline scripts with files holding the
    same code; after a Material upgrade this says when they must be copied again."""
    ours = ROOT / "overrides" / "assets" / "javascripts"

    def body(path: Path) -> str:
        return "".join(line for line in path.read_text().splitlines() if not line.startswith("//"))

    base = re.findall(r"<script>(.*?)</script>", (MATERIAL / "base.html").read_text())
    assert base == [body(ours / "csp-base.js").replace(
        "document.currentScript.dataset.scope", '"{{ config.extra.scope | d(base_url) }}"')]
    content = re.findall(r"<script>(.*?)</script>", (MATERIAL / "content.html").read_text())
    assert content == [body(ours / "csp-tabs.js"), body(ours / "csp-content.js")]


@pytest.mark.parametrize("kind", KINDS)
def test_pages_work_without_violation(csp_page, site_url, kind, kind_urls):
    csp_page.goto(site_url + kind_url(kind_urls, kind))
    csp_page.wait_for_load_state("networkidle")
    # Material's scripts ran: its globals exist (from csp-base.js) and it set up the page.
    assert csp_page.evaluate("typeof __md_get") == "function"
    assert "js" in csp_page.evaluate("document.documentElement.className").split()
    assert csp_page.locator("h1").first.is_visible()
    if kind == "map":
        assert csp_page.locator("svg.ps-map-svg a").count() >= 10
        assert csp_page.evaluate(  # the legend swatches got their colours
            "[...document.querySelectorAll('span[style]')].every(s => getComputedStyle(s)"
            ".backgroundColor !== 'rgba(0, 0, 0, 0)')")
    assert violations(csp_page) == []


def test_search_works_without_violation(csp_page, site_url):
    csp_page.goto(site_url)
    results = search(csp_page, "租安心")
    assert any("/practices/zu-anxin/" in r["href"] for r in results), results
    assert violations(csp_page) == []


def test_policy_is_enforced(csp_page, site_url):
    """The control: an inline script and an inline style attribute are refused."""
    csp_page.goto(site_url)
    csp_page.evaluate("""() => {
        const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
        document.head.appendChild(s);
        document.body.insertAdjacentHTML('beforeend', '<p id="x" style="color: red">x</p>');
    }""")
    csp_page.wait_for_timeout(200)
    assert csp_page.evaluate("window.__ran") is None
    assert csp_page.evaluate("getComputedStyle(document.getElementById('x')).color") != "rgb(255, 0, 0)"
    found = violations(csp_page)
    assert any(v.startswith("script-src") for v in found), found
    assert any(v.startswith("style-src-attr") for v in found), found
