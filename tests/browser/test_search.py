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
