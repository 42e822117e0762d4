"""direct_html writes what Python-Markdown and MkDocs write, or declines; search_parse gives
Material's search the same entries as html.parser does.

The oracle is MkDocs' own ``Page.render`` with the site's real configuration: every page is
converted both ways in one process and compared (HTML, table of contents, title, anchors,
links to anchors). Pages: everything ``build.py pages`` writes for today's data and for a
synthetic corpus, hand-written snippets of what the converter must decline or get right, and
random Markdown from a small grammar of the constructs it models (and some it does not).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.meta import get_data

import synth  # scripts/ is put on the path by conftest
from conftest import ROOT
from practice_site.mkdocs_adapter.cache_entries import PageCache
from practice_site.mkdocs_adapter.cache_pages import BuildCache, toc_data
from practice_site.search import html_sections

pytestmark = pytest.mark.slow  # MkDocs' own rendering as the oracle, on today's data and a synthetic corpus


class OutOfScope(Exception):
    """MkDocs' own rendering of the page fails: nothing to compare with."""


class Oracle:
    """A set of pages (``{src_uri: Markdown}``) with MkDocs' real configuration."""

    def __init__(self, pages: dict[str, str], tmp: Path):
        self.config = load_config(str(ROOT / "mkdocs.yml"))
        docs = {str(p.relative_to(ROOT / "docs")): p.read_text(encoding="utf-8")
                for p in (ROOT / "docs").rglob("*.md")}
        self.sources = {**docs, **pages}
        self.files = Files([File(uri, str(tmp / "docs"), str(tmp / "site"), True) for uri in self.sources])
        self.cache = BuildCache(PageCache(tmp / "cache"), self.config, self.files, AnchorLink,
                                TableOfContents, Page)

    def page(self, uri: str) -> Page:
        page = Page(None, self.files.get_file_from_path(uri), self.config)
        page.markdown, page.meta = get_data(self.sources[uri])
        return page

    def compare(self, uri: str) -> tuple[bool, Page]:
        """(converted directly, the page as MkDocs rendered it); fails where the two differ."""
        page = self.page(uri)
        direct = self.cache.direct(page)
        try:
            Page.render(page, self.config, self.files)
        except AssertionError as error:  # html.parser gives up on some random input (``<![``)
            assert direct is None, f"{uri}: converted directly what MkDocs cannot render"
            raise OutOfScope(uri) from error
        if direct is not None:
            assert direct["content"] == page.content, uri
            assert direct["toc"] == toc_data(page.toc), uri
            assert direct["title"] == page._title_from_render, uri
            assert direct["anchors"] == sorted(page.present_anchor_ids), uri
            usual = {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}
            assert direct["links"] == usual, uri
            assert list(direct["links"]) == list(usual), uri  # the order warnings come in
        return direct is not None, page


def search_entries(page: Page, fast: bool) -> list:
    from material.plugins.search import plugin
    index = plugin.SearchIndex(lang=["zh"], separator=r"[\s\-]+", pipeline=[], fields={})
    stock = plugin.Parser
    plugin.Parser = html_sections.parser_class(stock) if fast else stock
    try:
        index.add_entry_from_context(page)
    finally:
        plugin.Parser = stock
    return index.entries


def generated(data: Path | None, out: Path) -> dict[str, str]:
    cmd = [sys.executable, str(ROOT / "scripts" / "build.py")] + (["--data", str(data)] if data else [])
    subprocess.run([*cmd, "pages", "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}


@pytest.mark.parametrize("corpus", ["today", "synthetic"])
def test_every_generated_page_is_converted_directly_and_equally(tmp_path, corpus):
    data = None if corpus == "today" else synth.generate(150, tmp_path / "data")
    pages = generated(data, tmp_path / "pages")
    oracle = Oracle(pages, tmp_path)
    direct = 0
    for uri in sorted(pages):
        done, page = oracle.compare(uri)
        direct += done
        assert search_entries(page, fast=True) == search_entries(page, fast=False), uri
        if "data-search-exclude" in page.content:  # the part search_parse skips is there to skip
            assert len(html_sections.without_excluded_sections(html_sections.events(page.content))) < len(
                html_sections.events(page.content))
    assert direct == len(pages), f"{len(pages) - direct} generated page(s) declined"


SNIPPETS = {
    # What the converter models, in forms the generators do not use yet.
    "escapes": "# 标题\n\n文字\\*\\*号 \\[不是链接\\] \\<b\\> 1\\.5 a\\_b "
               "`co<de>` &amp; &#42; x > y\n",
    "ordered": "## 做法 {#how .wide data-x=\"1\"}\n\n1. 一\n"
               "2. [二](about.md#evidence \"看 &#46; 这里\"){data-place=\"三、一是\"}\n",
    "table": "| 甲 | 乙 |\n| --- | --- |\n| \\*处 | [原文](about.md) |\n|  | 空 |\n",
    "same names": "# 同名\n\n## 同名\n\n## 同名 {#同名_1}\n\n## 同名\n",
    "quote": "> 第一段\n> 续\n\n> 第二段\n\n正文\n",
    "admonition": "!!! info \"提示\"\n    第一段\n\n    - 项\n\n正文\n",
    "details": "??? note \"展开\"\n\n    - [a](about.md)\n    - b\n",
    "cards": "<div class=\"grid cards\" markdown>\n\n-   **[甲](about.md)**\n\n    <small>小字</small>\n\n"
             "    说明\n\n-   **乙**\n\n    说明二\n\n</div>\n",
    "raw": "<div class=\"x\"><p id=\"raw-id\">原样</p>\n<span>多行</span></div>\n\n尾\n",
    "self link": "# 页\n\n[回到](#页) [外部](https://example.org/a?b=1#c)\n",
    "rule": "前\n\n---\n\n后\n",
    # What it must decline (or, if it does not, get right): the oracle decides.
    "emphasis": "*斜体* 和 _下划线_ 和 ***三***\n",
    "setext": "标题\n===\n\n副\n---\n",
    "code block": "    缩进代码\n\n```\n围栏\n```\n",
    "html comment": "<!-- 注释 -->\n\n正文\n",
    "broken link": "[不存在](nowhere.md) [目录](practices/)\n",
    "lazy list": "- 一\n续行\n- 二\n\n- 松散\n",
    "hard break": "第一行  \n第二行\n",
    "nested list": "- 一\n    - 一之一\n- 二\n",
    "image": "![图](about.md)\n",
    "attr block": "段落\n{: .cls }\n",
    "inline a": "文字 <a href=\"about.md\">链接</a>\n",
    "tabs": "-\t制表符\n",
    "list after paragraph": "段落\n- 不是列表\n",
    "heading markup": "## <span id=\"s-1\">带标记</span> {#p1}\n\n## \\*星号\\* 标题\n",
    "ol start": "3. 三\n4. 四\n",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippets_are_declined_or_equal(tmp_path, name):
    oracle = Oracle({"snippet.md": SNIPPETS[name]}, tmp_path)
    done, page = oracle.compare("snippet.md")
    assert search_entries(page, fast=True) == search_entries(page, fast=False)
    if name in ("escapes", "ordered", "table", "same names", "quote", "admonition", "details", "cards",
                "raw", "self link", "rule"):
        assert done, f"{name} should be converted directly"


_WORD = st.text(alphabet=st.sampled_from(list("做法原文甲乙 ") + list("*_[]()<>&#!`{}|\\.-+:\"'~=")),
                min_size=1, max_size=12)
_ESCAPED = _WORD.map(lambda w: "".join("\\" + c if c in "*_[]()<>#!`{}|\\.-+:\"'~=" else c for c in w))
_PLAIN = st.text(alphabet=st.sampled_from(list("做法原文甲乙 ，。")), min_size=1, max_size=8)
_INLINE = st.one_of(
    _PLAIN, _PLAIN, _PLAIN, _WORD, _ESCAPED, _ESCAPED.map(lambda w: f"[{w}](about.md)"), _ESCAPED.map(lambda w: f"`{w}`"),
    _ESCAPED.map(lambda w: f"**{w}**"), st.sampled_from(["&amp;", "&lt;", "&#42;", "&", "<span class=\"b\">", "</span>"]),
    _PLAIN.map(lambda w: f"[原文](about.md#evidence \"{w}\"){{data-place=\"一是\"}}"))
_LINE = st.lists(_INLINE, min_size=1, max_size=4).map("".join)
_BLOCK = st.one_of(
    _LINE, _LINE.map(lambda t: f"## {t}"), _LINE.map(lambda t: f"### {t} {{#h-x}}"),
    st.lists(_LINE, min_size=1, max_size=3).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
    st.lists(_LINE, min_size=1, max_size=3).map(lambda xs: "\n".join(f"1. {x}" for x in xs)),
    _LINE.map(lambda t: f"> {t}"), _LINE.map(lambda t: f"!!! note \"注\"\n    {t}"),
    _LINE.map(lambda t: f"| 甲 |\n| --- |\n| {t} |"),
    _LINE.map(lambda t: f"<div class=\"m\" markdown>\n{t}\n</div>"),
    _LINE.map(lambda t: f"<p class=\"e\" markdown>{t}</p>"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_BLOCK, min_size=1, max_size=5), st.sampled_from(["\n\n", "\n"]))
def test_random_markdown_is_declined_or_equal(tmp_path, blocks, gap):
    oracle = Oracle({"random.md": gap.join(blocks) + "\n"}, tmp_path)
    try:
        _, page = oracle.compare("random.md")
    except OutOfScope:
        assume(False)  # MkDocs itself cannot render it (and it was declined)
    assert search_entries(page, fast=True) == search_entries(page, fast=False)


class _Recorder:
    """html.parser's events, as html_sections.events reports them."""

    @staticmethod
    def events(text: str) -> list[tuple]:
        from html.parser import HTMLParser
        out: list[tuple] = []

        class P(HTMLParser):
            def handle_starttag(self, tag, attrs):
                out.append(("start", tag, attrs))

            def handle_startendtag(self, tag, attrs):
                out.extend([("start", tag, attrs), ("end", tag)])

            def handle_endtag(self, tag):
                out.append(("end", tag))

            def handle_data(self, data):
                if out and out[-1][0] == "data":  # html.parser may hand data over in pieces
                    out[-1] = ("data", out[-1][1] + data)
                else:
                    out.append(("data", data))
        parser = P(convert_charrefs=True)
        parser.feed(text)
        parser.close()
        return out


_names = st.sampled_from(["p", "a", "h2", "li", "HR", "br", "span", "td", "Div"])
_attr = st.tuples(st.sampled_from(["id", "class", "href", "data-search-exclude", "title", "X-Y"]),
                  st.one_of(st.none(), st.text(st.sampled_from("ab 汉&amp;;<>'/="), max_size=6)))
_tag = st.builds(lambda close, name, attrs, empty: "<" + ("/" if close else "") + name + "".join(
    f" {k}" if v is None else f' {k}="{v}"' for k, v in attrs) + (" /" if empty else "") + ">",
    st.booleans(), _names, st.lists(_attr, max_size=3), st.booleans())
_text = st.text(st.sampled_from("字 a\n&amp;&lt;&#26159;&nbsp;<"), max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_tag, _text), max_size=12))
def test_tokenizer_reports_what_html_parser_reports(pieces):
    """html_sections.events on HTML of many shapes: where it answers (the simple shape), it is
    html.parser's answer; a malformed ``<`` or an end tag with attributes make it decline."""
    text = "".join(pieces)
    found = html_sections.events(text)
    if found is not None:
        assert found == _Recorder.events(text), text
