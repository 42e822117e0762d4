"""Search finds what officers type: the query set, run through the real search box.

One page load, every query typed; prints the share with an expected page in the top three
and every miss, and fails below the floor.
"""
from __future__ import annotations

import pytest
import yaml
from searchkit import EVERYDAY, QUERIES, load_queries, run_queries, summary

# The floor of each query set: the report's words, and the officers' own words (issue 21).
FLOORS = {QUERIES: 0.99, EVERYDAY: 0.95}
ROOT = QUERIES.parent.parent


@pytest.mark.parametrize("path", [QUERIES, EVERYDAY], ids=["report-words", "everyday"])
def test_query_set_has_no_duplicates(path):
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    seen = [r["q"] for r in rows]
    assert len(seen) == len(set(seen)), sorted({q for q in seen if seen.count(q) > 1})


def test_everyday_set_is_apart_from_the_main_set():
    """The everyday set measures words the main set does not hold (no query in both)."""
    main = {r["q"] for r in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))}
    everyday = {r["q"] for r in yaml.safe_load(EVERYDAY.read_text(encoding="utf-8"))}
    assert len(everyday) >= 150
    assert not main & everyday, sorted(main & everyday)


def test_search_finds_expected_pages(page, site_url, capsys):
    """Both query sets on one page load; both reported, then each held to its floor."""
    page.goto(site_url)
    results = {}
    for path, label in ((QUERIES, "report words"), (EVERYDAY, "everyday words")):
        results[path] = summary(run_queries(page, site_url, load_queries(path)), label)
        with capsys.disabled():
            print("\n" + results[path][1])
    failed = [report for path, (share, report) in results.items() if share < FLOORS[path]]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("query, practice", [("反诈", "jingyin-fanzha"), ("租安心", "zu-anxin"),
                                              ("项目警官", "xiangmu-jingguan")])
def test_issue_examples_come_first_three(page, site_url, query, practice):
    """The three searches the first issue names, each on its own."""
    page.goto(site_url)
    [outcome] = run_queries(page, site_url, [q for q in load_queries() if q.text == query])
    assert f"practices/{practice}" in outcome.pages[:3], outcome.pages


# Words of a made-up index and how a query must be cut (search_worker.py).
SEGMENTS = [
    ("助企纾困", {"助企", "纾困"}, "the last word counts (Material dropped 纾困)"),
    ("外籍人才", {"外籍", "人才"}, "likewise"),
    ("驻企警官", {"驻企警官"}, "the start of an indexed word stays whole"),
    ("反诈", {"反诈"}, "a word on its own"),
    ("甲乙丙", {"甲乙丙"}, "nothing known: searched as typed"),
    ("助企丙纾困", {"助企", "纾困"}, "an unknown character is stepped over"),
]


@pytest.mark.parametrize("query, words, why", SEGMENTS, ids=[s[0] for s in SEGMENTS])
def test_query_segmentation_in_the_browser(page, query, words, why):
    from practice_site.search.worker import segment_source
    index = {w: {} for w in ("助企", "纾困", "外籍", "人才", "驻", "企", "驻企警官制", "警官", "反诈")}
    got = page.evaluate(f"([q, i]) => {{ {segment_source()}; return [...segment(q, i)]; }}", [query, index])
    assert set(got) == words, why


# The query side (worker.py's _QUERY_SIDE) on a made-up table and index.
STRIPS = [
    ("怎么防电信诈骗", "防电信诈骗", "a question word anywhere is left out"),
    ("疫情防控有哪些做法", "疫情防控", "and at the end"),
    ("扫黑除恶工作", "扫黑除恶 工作", "a generic suffix stands apart (searched, never required)"),
    ("执法规范化建设", "执法规范 建设", "化 is cut, then the suffix before it"),
    ("网格化", "网格", "a trailing 化 goes"),
    ("改革", "改革", "a word that is all suffix stays"),
    ("如何", "如何", "a query that is all question stays as typed"),
]


@pytest.mark.parametrize("query, stripped, why", STRIPS, ids=[s[0] for s in STRIPS])
def test_question_and_suffix_words_in_the_browser(page, query, stripped, why):
    from practice_site.search.words import worker_data
    from practice_site.search.worker import query_side_source, segment_source
    got = page.evaluate(f"(q) => {{ {segment_source()}; {query_side_source(worker_data({}))}; return psStrip(q); }}", query)
    assert got == stripped, why


VARIANTS = [
    ("偷盗", [("偷盗", True), (" 盗窃 ", False)], "no indexed word covers 偷盗: the query as typed is left out"),
    ("公立学校", [("公立学校", False), ("公立 校园 ", False)], "公立学校 is indexed: kept beside the variant"),
    ("护校安园", [("护校安园", False)], "the query holds the report term already: no variant"),
    ("偷盗治安", [("偷盗治安", True), (" 盗窃 治安", False), ("偷盗 黄赌 ", False), ("偷盗 巡防 ", False),
                  (" 盗窃  黄赌 ", False)], "one variant per term, then all words replaced at once"),
]


@pytest.mark.parametrize("query, variants, why", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_officers_words_in_the_browser(page, query, variants, why):
    from practice_site.corpus.model import OfficerWord
    from practice_site.search.words import worker_data
    from practice_site.search.worker import query_side_source, segment_source
    table = {"偷盗": OfficerWord("偷盗", (("盗窃", "same"),)), "学校": OfficerWord("学校", (("校园", "same"),)),
             "护校": OfficerWord("护校", (("护校安园", "same"),)),
             "治安": OfficerWord("治安", (("黄赌", "broader"), ("巡防", "broader")))}
    index = {w: {} for w in ("盗窃", "公立学校", "校园", "护校安园", "治安", "黄赌", "巡防")}
    got = page.evaluate(f"([q, i]) => {{ {segment_source()}; {query_side_source(worker_data(table))}; "
                        "return psVariants(q, i).map(v => [v.q, !!v.off]); }", [query, index])
    assert [tuple(v) for v in got] == variants, why
