"""search/html_sections.py, the regular-expression feed of Material's search parser: on
every generated page (today's data and a synthetic corpus) the search entries are those of
Material's own parser, and its tokenizer reports what html.parser reports wherever it answers."""
from __future__ import annotations

import fnmatch
import html
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.toc import AnchorLink, TableOfContents

import synth  # scripts/ is put on the path by conftest
from conftest import ROOT
from practice_site.corpus.load import load_corpus
from practice_site.render.site import render_site
from practice_site.render.urls import page_url
from practice_site.search import html_sections, tuning


def toc(headings) -> TableOfContents:
    root: list = []
    stack: list = []
    for h in headings:
        link = AnchorLink(html.escape(h.title, quote=False), h.id, h.level)
        while stack and stack[-1].level >= h.level:
            stack.pop()
        (stack[-1].children if stack else root).append(link)
        stack.append(link)
    return TableOfContents(root)


def search_entries(page, fast: bool) -> list:
    from material.plugins.search import plugin
    index = plugin.SearchIndex(lang=["zh"], separator=r"[\s\-]+", pipeline=[], fields={})
    stock = plugin.Parser
    plugin.Parser = html_sections.parser_class(stock) if fast else stock
    try:
        index.add_entry_from_context(page)
    finally:
        plugin.Parser = stock
    return index.entries


@pytest.mark.parametrize("corpus", ["today", "synthetic"])
def test_entries_equal_materials_on_every_generated_page(tmp_path, corpus):
    data = ROOT / "data" if corpus == "today" else synth.generate(150, tmp_path / "data")
    loaded, problems = load_corpus(Path(data), ROOT)
    assert problems == []
    excluded = set()
    for uri, page in render_site(loaded).items():
        content = tuning.unindexed(uri, page.html, loaded)
        fake = SimpleNamespace(url=page_url(uri), title=page.meta["title"], content=content,
                               toc=toc(page.toc), meta=dict(page.meta))
        assert search_entries(fake, fast=True) == search_entries(fake, fast=False), uri
        if "data-search-exclude" in content:  # the part search skips is there to skip
            excluded.add(uri)
            events = html_sections.events(content)
            assert len(html_sections.without_excluded_sections(events)) < len(events)
    practices = {f"practices/{pid}.md" for pid in loaded.practices}
    listings = excluded - practices  # listing sections out of the index (tuning.LISTING_SECTIONS)
    assert practices <= excluded
    assert {"practices/index.md", "tags.md", "campaigns.md"} <= listings
    assert all(any(fnmatch.fnmatchcase(uri, pattern) for pattern, _ in tuning.LISTING_SECTIONS)
               for uri in listings)


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
