"""Redirect pages for former ids, and the URLs the export gives, in both URL styles."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from practice_site.corpus.load import load_corpus
from practice_site.render.export import page_url
from practice_site.render.redirects import redirect_pages

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"


def renamed_corpus():
    corpus, problems = load_corpus(FIXTURE)
    assert problems == []
    jiayi = dataclasses.replace(corpus.practices["jiayi"], former_ids=("jia-yi", "old-name"))
    return dataclasses.replace(corpus, practices={**corpus.practices, "jiayi": jiayi})


def test_served_site_redirects_each_former_id():
    pages = redirect_pages(renamed_corpus())
    assert set(pages) == {"practices/jia-yi/index.html", "practices/old-name/index.html"}
    html = pages["practices/jia-yi/index.html"]
    assert '<script src="../../assets/javascripts/redirect.js" data-target="../jiayi/">' in html
    assert '<meta http-equiv="refresh" content="0; url=../jiayi/">' in html
    assert "script-src 'self'" in html and "unsafe-inline" not in html
    assert "&ldquo;" not in html and "“甲乙”机制" in html  # the name, escaped only where needed


def test_offline_edition_redirects_to_html_files():
    pages = redirect_pages(renamed_corpus(), directory_urls=False)
    html = pages["practices/jia-yi.html"]
    assert 'src="../assets/javascripts/redirect.js" data-target="jiayi.html"' in html


def test_no_former_ids_no_pages():
    corpus, _ = load_corpus(FIXTURE)
    assert redirect_pages(corpus) == {}


def test_page_urls_in_both_styles():
    assert page_url("practices/zu-anxin.md") == "practices/zu-anxin/"
    assert page_url("practices/index.md") == "practices/"
    assert page_url("index.md") == ""
    assert page_url("practices/zu-anxin.md", directory_urls=False) == "practices/zu-anxin.html"
    assert page_url("index.md", directory_urls=False) == "index.html"
    assert page_url("practices/zu-anxin.md", "https://kb.example/site/") == \
        "https://kb.example/site/practices/zu-anxin/"
