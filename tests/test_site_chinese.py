"""Issue 22: the built site speaks Chinese. No English interface text on any page (the
theme's tooltips, labels and chrome; Material's "Permanent link" beside every heading, its
"404 - Not found"), one Chinese link per heading, and a Chinese 404 page with a way on.

Content (the article: report text, names such as “College of Policing” on the about page, page
addresses in 引用本页) may hold Latin letters; the interface may not."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

LATIN = re.compile(r"[A-Za-z]{2,}")
"""A Latin word: what English interface text is made of (digits and single letters are not)."""
LABELS = ("title", "aria-label", "placeholder", "alt")
SKIPPED = {"script", "style", "svg", "code", "pre", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADING_LINK = ("复制链接", "复制本节的链接")
"""The heading link's text and tooltip (mkdocs.yml toc: permalink, permalink_title)."""


class Interface(HTMLParser):
    """English on a page: in a label attribute anywhere, or in text outside the article
    (header, tabs, navigation, search, footer); and every heading's links."""

    def __init__(self) -> None:
        super().__init__()
        self.english: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.article = self.skip = 0
        self.headings: list[list[tuple[str, str, str]]] = []
        """Per h2–h6 with an id: its links (class, title, text)."""
        self._link: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        english = [f"<{tag} {k}={v!r}>" for k, v in a.items() if k in LABELS and LATIN.search(v)]
        self.english.extend(english)
        if tag in VOID:
            return
        inner = "md-content__inner" in a.get("class", "").split()
        self.stack.append((tag, inner))
        self.article += inner
        self.skip += tag in SKIPPED
        if re.fullmatch(r"h[2-6]", tag) and a.get("id"):
            self.headings.append([])
        if tag == "a" and self.headings and any(re.fullmatch(r"h[2-6]", t) for t, _ in self.stack):
            self._link = [a.get("class", ""), a.get("title", ""), ""]

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.headings[-1].append(tuple(self._link))  # type: ignore[arg-type]
            self._link = None
        while self.stack:
            t, inner = self.stack.pop()
            self.article -= inner
            self.skip -= t in SKIPPED
            if t == tag:
                break

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data
        if not self.skip and not self.article and LATIN.search(data):
            self.english.append(data.strip())


def _pages(site: Path) -> dict[str, Interface]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        parser = Interface()
        parser.feed(path.read_text(encoding="utf-8"))
        out[path.relative_to(site).as_posix()] = parser
    return out


def test_no_english_interface_text_on_any_page(built_site):
    pages = _pages(built_site)
    assert len(pages) > 70  # every page kind: 56 practices, reports, listings, 404
    english = {uri: p.english for uri, p in pages.items() if p.english}
    assert english == {}
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for phrase in ("Permanent link", "Not found", "Skip to content", "&para;", "¶"):
            assert phrase not in html, (path, phrase)
        # The theme's strings for its scripts (search results, copy buttons): Chinese too.
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
        if config:
            translations = json.loads(config.group(1))["translations"]
            assert {k: v for k, v in translations.items() if LATIN.search(v)} == {}, path


def test_each_heading_has_one_chinese_link(built_site):
    pages = _pages(built_site)
    headings = [(uri, links) for uri, p in pages.items() for links in p.headings]
    assert len(headings) > 500
    wrong = [(uri, links) for uri, links in headings
             if [(c, t, x) for c, t, x in links if "headerlink" in c.split()] != [("headerlink", *HEADING_LINK[::-1])]]
    assert wrong == []


def test_the_404_page_is_chinese_with_search_and_a_way_home(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<title>页面不存在 - 公安工作做法知识库</title>" in html
    assert '<h1 id="not-found">页面不存在</h1>' in html
    assert '<a class="md-button" href="/">回到首页</a>' in html
    assert "data-ps-open-search" in html and "搜索本站" in html
    assert '<script src="/assets/javascripts/open-search.js"></script>' in html
    assert (built_site / "assets" / "javascripts" / "open-search.js").exists()
    assert "404" not in re.sub(r"<script.*?</script>|<[^>]+>", "", html, flags=re.S)


def test_generated_headings_carry_the_link_mkdocs_yml_configures():
    """Generated pages write their headings themselves (render/page.py): with the same one
    link, text and tooltip, that the toc extension gives a hand-written page's headings."""
    import yaml

    from conftest import ROOT
    from practice_site.render.page import PERMALINK_TEXT, PERMALINK_TITLE, PageBuilder

    class Loose(yaml.SafeLoader):
        pass

    Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loose)  # noqa: S506
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert (toc["permalink"], toc["permalink_title"]) == (PERMALINK_TEXT, PERMALINK_TITLE) == HEADING_LINK
    html = str(PageBuilder("practices/x.md").heading(2, "how", "做法要点"))
    assert html == ('<h2 id="how">做法要点<a class="headerlink" href="#how" title="复制本节的链接">'
                    "复制链接</a></h2>")
