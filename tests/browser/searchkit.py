"""Run the officers' query set (tests/search_queries.yml) through the site's own search box.

Shared by the browser tests and the benchmark: one page load, then every query typed into
Material's search box; a query passes when one of its expected pages is among the first
three result pages. Served (``…/practices/x/``) and offline (``…/practices/x.html``) URLs
are normalised to the same path (``practices/x``).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))
from conftest import search  # noqa: E402

QUERIES = TESTS / "search_queries.yml"
EVERYDAY = TESTS / "search_queries_everyday.yml"
"""Queries in the officers' own words (issue 21): synonyms, broader words, suffixes, questions."""
TOP = 3


@dataclass(frozen=True)
class Query:
    text: str
    """What the officer types."""
    expect: tuple[str, ...]
    """Site paths (``practices/zu-anxin``); any one in the top three passes."""
    why: str = ""
    """Why this page should answer (optional, for the reader of the YAML)."""


@dataclass(frozen=True)
class Outcome:
    query: Query
    pages: tuple[str, ...]
    """Result pages in order, as site paths."""
    seconds: float
    """From the last keystroke to the results shown."""

    @property
    def rank(self) -> int | None:
        """1-based rank of the best-placed expected page, or None."""
        ranks = [self.pages.index(p) + 1 for p in self.query.expect if p in self.pages]
        return min(ranks) if ranks else None

    @property
    def hit(self) -> bool:
        return self.rank is not None and self.rank <= TOP


def expected_path(entry: str) -> str:
    """``zu-anxin`` is a practice id; anything with a slash is a site path already."""
    return entry.strip("/") if "/" in entry else f"practices/{entry}"


def load_queries(path: Path = QUERIES) -> list[Query]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(r["q"]), tuple(expected_path(e) for e in r["expect"]), r.get("why", ""))
            for r in rows]


def site_path(url: str, base: str) -> str:
    """``http://h/practices/x/#how`` or ``file:///…/practices/x.html`` -> ``practices/x``."""
    path = unquote(urlsplit(url).path)
    root = unquote(urlsplit(base).path)
    if path.startswith(root):
        path = path[len(root):]
    for suffix in ("index.html", ".html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return path.strip("/")


# The page (article) link of each result group, in the order shown.
_RESULT_PAGES = """els => els.map(li => {
  const a = li.querySelector('a.md-search-result__link'); return a ? a.href : ''; })"""


def ask(pg, query: str, base: str) -> tuple[tuple[str, ...], float]:
    """Clear the box, type ``query``; return (result pages, seconds to results)."""
    box = pg.locator("input.md-search__input")
    if box.is_visible() and box.input_value():
        box.fill("")
        box.press("End")
        pg.wait_for_function("() => /键入|Type to/.test("
                             "document.querySelector('.md-search-result__meta').textContent)")
    start = time.perf_counter()
    search(pg, query)
    seconds = time.perf_counter() - start
    hrefs = pg.eval_on_selector_all(".md-search-result__item", _RESULT_PAGES)
    if not query.isascii() and any(c.isascii() for c in query):
        # Typed ASCII fires a search per key; wait until the last one's results stay put.
        while True:
            pg.wait_for_timeout(50)
            again = pg.eval_on_selector_all(".md-search-result__item", _RESULT_PAGES)
            if again == hrefs:
                break
            hrefs = again
    return tuple(site_path(h, base) for h in hrefs if h), seconds


def run_queries(pg, base: str, queries: list[Query]) -> list[Outcome]:
    """Every query on the page already open at ``base``."""
    out = []
    for q in queries:
        pages, seconds = ask(pg, q.text, base)
        out.append(Outcome(q, pages, seconds))
    return out


def summary(outcomes: list[Outcome], label: str = "search") -> tuple[float, str]:
    """(share of queries passing, a printable report naming every miss)."""
    hits = sum(o.hit for o in outcomes)
    share = hits / len(outcomes) if outcomes else 0.0
    lines = [f"{label}: {hits}/{len(outcomes)} queries = {share:.1%} with an expected page "
             f"in the top {TOP}"]
    for o in outcomes:
        if not o.hit:
            got = ", ".join(o.pages[:5]) or "(no results)"
            lines.append(f"  MISS {o.query.text}: want {' | '.join(o.query.expect)}; "
                         f"rank {o.rank}; got {got}")
    return share, "\n".join(lines)
