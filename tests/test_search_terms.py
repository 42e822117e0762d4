"""What the search index sees (scripts/practice_site/tuning.py): boosts, keywords,
unindexed sections and jieba's user words, in memory and in a real build's index."""
import json

from conftest import ROOT
from practice_site.render.site import render_site
from practice_site.render.urls import uris
from practice_site.search import tuning


def test_practice_pages_outrank_every_other_page_and_reports_rank_last(real_corpus):
    """Over every page the site generates: a practice page answers before any listing that
    repeats its name, and a report (which holds every sentence) after every listing."""
    c = real_corpus
    pages = [*render_site(c), *(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))]
    practices = {uris.practice(pid) for pid in c.practices}
    reports = {uris.report(rid) for rid in c.reports}
    listings = set(pages) - practices - reports
    assert practices and reports and uris.practices in listings and uris.reports in listings
    boost = tuning.boost
    assert min(map(boost, practices)) > max(map(boost, listings)) > max(map(boost, reports))


def test_keywords_are_names_and_aliases_as_written_and_as_typed(real_corpus):
    p = real_corpus.practices["sanying-rencai"]
    words = tuning.keywords(p)
    assert words[0] == p.name and "三鹰人才培育" in words
    assert len(words) == len(set(words))


def test_unindexed_sections_marked_on_practice_pages_only(real_corpus):
    c = real_corpus
    html = ('<h1 id="租安心">租安心</h1>\n<h2 id="sources">原文出处</h2>\n<h3 id="sources-r1">r1</h3>\n'
            '<h2 id="overview">概述</h2>\n<h2 id="related">相关做法</h2>\n<h2 id="relatedness">x</h2>\n')
    out = tuning.unindexed("practices/zu-anxin.md", html, c)
    assert out == ('<h1 data-search-exclude id="租安心">租安心</h1>\n'
                   '<h2 data-search-exclude id="sources">原文出处</h2>\n'
                   '<h3 data-search-exclude id="sources-r1">r1</h3>\n<h2 id="overview">概述</h2>\n'
                   '<h2 data-search-exclude id="related">相关做法</h2>\n<h2 id="relatedness">x</h2>\n')
    assert tuning.unindexed("about.md", html, c) == html


def test_listing_sections_out_of_the_index_on_listing_pages_only(real_corpus):
    """Issue 21's LISTING_SECTIONS on the templates' HTML: a heading whose whole id matches."""
    c = real_corpus
    az = '<h1 id="a-z">A–Z</h1>\n<p>导语</p>\n<h2 id="a">A</h2>\n<h2 id="digits">0–9</h2>\n<h2 id="ab">x</h2>\n'
    assert tuning.unindexed("practices/index.md", az, c) == (
        '<h1 id="a-z">A–Z</h1>\n<p>导语</p>\n<h2 data-search-exclude id="a">A</h2>\n'
        '<h2 data-search-exclude id="digits">0–9</h2>\n<h2 id="ab">x</h2>\n')
    theme = '<h2 id="intro">x</h2>\n<h2 id="practices">本主题的做法</h2>\n'
    assert tuning.unindexed("themes/fuwu.md", theme, c) == (
        '<h2 id="intro">x</h2>\n<h2 data-search-exclude id="practices">本主题的做法</h2>\n')
    assert tuning.unindexed("campaigns.md", '<h2 id="with-page">y</h2>', c) == '<h2 data-search-exclude id="with-page">y</h2>'
    assert tuning.unindexed("glossary.md", '<h2 id="a">A</h2>', c) == '<h2 id="a">A</h2>'


def test_user_words_are_whole_han_names_jieba_would_split_off_a_character(real_corpus):
    words = tuning.dictionary_words(real_corpus)
    assert "租安心" in words  # stock jieba: 租 / 安心
    assert "警银联动反诈" not in words  # 警银 / 联动 / 反诈: its parts stay findable
    assert all(w.isalpha() and "“" not in w for w in words)


def test_built_index_has_boosts_keywords_and_no_unindexed_sections(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    page = [d for d in docs if d["location"].startswith("practices/zu-anxin/")]
    assert page and all(d.get("boost") == 10.0 and "租安心" in d["tags"] for d in page)
    anchors = {d["location"].partition("#")[2] for d in page}
    assert anchors == {"", "overview", "how", "outcomes"}  # page head and neighbours left out
    assert "租\u200b安心" not in json.dumps(page, ensure_ascii=False)  # kept whole by jieba


def test_remembered_segmentation_follows_the_dictionary(tmp_path, monkeypatch):
    import tempfile

    import jieba
    jieba.initialize()  # its own cache file stays where it is
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    tuning.memoize_segmentation()
    text = "开展测甲乙警务工作"
    first = list(jieba.cut(text))
    assert first == list(jieba.dt.cut(text))  # what jieba itself answers
    assert "测甲乙警务" not in first
    # A word chosen lazily is loaded before the next cut, and the remembered answer is not reused.
    tuning.install_user_dictionary(["测甲乙警务"], lazy=True)
    assert "测甲乙警务" in tuning.installed_words()
    assert "测甲乙警务" in list(jieba.cut(text))
    assert list(tmp_path.iterdir()) == []  # no user-dictionary file left in the temp folder
