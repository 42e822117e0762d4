"""What the search index sees: page boosts, keywords, unindexed sections, jieba's user words.

Material's search (lunr, in the browser) scores a section by its title, text and ``tags``
fields (weights in mkdocs.yml: 10, 1, 1e6), times the page's ``search: boost``; jieba
segments Chinese at build time, and the browser cuts a query into the longest words the
index knows, each prefix-matched. Every choice below was measured with the officers' query
set (tests/search_queries.yml via tests/browser/test_search.py); the README logs the figures.

- Boosts: practice pages x10 (the report x0.5: it holds every sentence). Listing pages
  (tags, themes, A-Z, map) repeat each practice's name and summary under headings named
  after tags and themes; with Material's title weight of 1000 they outranked the practice
  itself, hence the title weight of 10 in mkdocs.yml.
- Keywords: a practice's names and aliases go into the page's ``tags`` meta, which Material
  indexes whole (no jieba), so a query that starts a name matches it by prefix; the only way
  ``护航2022`` or ``政务2.0`` (Han and digits, no space) find anything. The tags plugin is
  off: they show nowhere but as chips on the practice's search result.
- Unindexed sections: source sentences, related pages, backlinks and the citation line name
  other practices, and the page head (meta line, evidence note) is alike on every practice;
  indexed, they made a page answer for its neighbours or for boilerplate.
- User dictionary: a dictionary word stays whole, and the browser then finds it only by its
  beginning (with 警银联动 in it, 联动 found nothing). All names in it cost more than they
  won; only the names jieba would break into a lone character (租/安心) help: a lone
  character in the index becomes a prefix that matches every word starting with it.
"""
from __future__ import annotations

import fnmatch
import functools
import re
from pathlib import Path

from practice_site.corpus.model import Corpus, Practice
from practice_site.text.terms import unquoted

# Page boosts by source path (first match wins); other pages keep 1.
BOOSTS: tuple[tuple[str, float], ...] = (
    ("practices/index.md", 1.0),
    ("practices/*.md", 10.0),
    ("reports/index.md", 1.0),
    ("reports/*.md", 0.5),
    ("collections/index.md", 1.0),
    ("collections/*.md", 0.5),  # handouts repeat their practices' text: the practice first
)

# Practice-page sections (anchors fixed by render_practice.SECTIONS) kept out of the index,
# and the page head (the h1 section: meta line and evidence note, alike on every practice).
UNINDEXED_SECTIONS = ("sources", "related", "members", "suggested", "backlinks", "cite")
_HEAD = re.compile(r"<h1(?=[\s>])")
# ``<h3 id="sources-<report>">``: a section's per-report groups (render_practice.per_report).
_UNINDEXED = re.compile(r'<(h[23])(?= id="(?:' + "|".join(UNINDEXED_SECTIONS) + r')(?:-[a-z0-9-]+)?")')

# Sections of listing pages that only repeat practices' names and summaries (the A-Z letters,
# the tag index, a theme's or a campaign list's cards, the browse lists), by
# page and heading id; the page's title and introduction stay in the index. Indexed, they
# held every word of a query that no single practice holds, so an all-words search found
# only them (issue 21: 出入境管理 gave 标签索引 and a theme, not the practice).
LISTING_SECTIONS: tuple[tuple[str, str], ...] = (
    ("practices/index.md", r"digits|[a-z]"),
    ("tags.md", r"[a-z0-9-]+"),
    ("themes/*.md", r"practices"),
    ("campaigns.md", r"with-page"),
    ("browse/*.md", r"[a-z0-9-]+"),
)

_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
USER_WORD_FREQUENCY = 1_000_000
"""A user word's frequency in jieba: high enough that jieba keeps it whole."""


def boost(uri: str) -> float:
    """The ``search: boost`` for the page at source path ``uri``."""
    for pattern, value in BOOSTS:
        if fnmatch.fnmatchcase(uri, pattern):
            return value
    return 1.0


def plain(name: str) -> str:
    """A name as officers type it: without quotation or title marks."""
    return unquoted(name).strip()


def keywords(p: Practice) -> list[str]:
    """Names and aliases, as written and as typed, each once, in order."""
    out: list[str] = []
    for name in (p.name, *p.aliases):
        for form in (name, plain(name)):
            if form and form not in out:
                out.append(form)
    return out


def practice_id(uri: str, corpus: Corpus) -> str | None:
    pid = uri.removeprefix("practices/").removesuffix(".md")
    return pid if uri.startswith("practices/") and pid in corpus.practices else None


def page_meta(uri: str, corpus: Corpus) -> dict:
    """Meta to merge into the page at ``uri``: its boost, and keywords for a practice."""
    meta: dict = {}
    if (value := boost(uri)) != 1.0:
        meta["search"] = {"boost": value}
    if pid := practice_id(uri, corpus):
        meta["tags"] = keywords(corpus.practices[pid])
    return meta


def unindexed(uri: str, html: str, corpus: Corpus) -> str:
    """A practice page's HTML with its head and UNINDEXED_SECTIONS marked
    ``data-search-exclude`` (on the heading; Material's search skips the section).
    The page's result keeps its title and breadcrumbs, and its name is in ``keywords``.
    A listing page's LISTING_SECTIONS likewise."""
    if not practice_id(uri, corpus):
        for pattern, ids in LISTING_SECTIONS:
            if fnmatch.fnmatchcase(uri, pattern):
                return re.sub(r'<(h[2-6])(?= id="(?:' + ids + r')")', r"<\1 data-search-exclude", html)
        return html
    html = _HEAD.sub("<h1 data-search-exclude", html, count=1)
    return _UNINDEXED.sub(r"<\1 data-search-exclude", html)


_installed: set[str] = set()
"""Words already loaded into jieba by this process (``mkdocs serve`` rebuilds)."""


_pending: list[str] = []
"""Words chosen but not loaded yet: loaded before jieba next cuts a page, so a build whose
pages all come from the page cache never loads jieba's dictionary (0.6 s)."""


def installed_words() -> frozenset[str]:
    """Every word this process has loaded or will load into jieba (they change how pages are cut)."""
    return frozenset(_installed) | frozenset(_pending)


def candidate_words(corpus: Corpus) -> list[str]:
    """Names, aliases and glossary terms written in Han characters only, as typed (no
    quotation marks), each once."""
    names = [n for p in corpus.practices.values() for n in (p.name, *p.aliases)]
    names += [t.term for t in corpus.glossary.values()]
    return list(dict.fromkeys(w for w in map(plain, names) if _HAN_WORD.fullmatch(w)))


def dictionary_words(corpus: Corpus) -> list[str]:
    """The ``candidate_words`` that jieba would cut into pieces including a lone character.
    (Once loaded, a word is cut whole; under ``mkdocs serve`` it stays chosen.)"""
    import jieba  # the build's dependency; Material's search imports it too
    return [w for w in candidate_words(corpus)
            if w in _installed or any(len(piece) == 1 for piece in jieba.lcut(w))]


def install_user_dictionary(words: list[str], lazy: bool = False) -> None:
    """Load ``words`` into the jieba that Material's search segments pages with (through
    ``jieba.add_word``: nothing is written to disk); when ``lazy``, only before ``jieba.cut``
    is next called (through ``memoize_segmentation``)."""
    if lazy:
        _pending[:] = [w for w in words if w not in _installed]
        return
    if not words:
        return
    import jieba
    for word in words:
        jieba.add_word(word, USER_WORD_FREQUENCY)
    _installed.update(words)


def load_pending() -> None:
    """Load the words ``install_user_dictionary(..., lazy=True)`` left for later."""
    words = list(_pending)
    _pending.clear()
    install_user_dictionary(words)


def memoize_segmentation(size: int = 200_000) -> None:
    """Make ``jieba.cut`` remember its answers. Material's search cuts every run of Han
    characters of every section with it, and most runs recur across pages (names, tags,
    headings, labels): at 1,000 practices they are a quarter of a cold build's CPU. The
    answer depends on the dictionary too, so its total frequency (changed by every word
    added) is part of the key. Idempotent; ``jieba.lcut`` (used above) is not affected."""
    import jieba
    if hasattr(jieba.cut, "cache_info"):
        return
    original = jieba.cut

    @functools.lru_cache(maxsize=size)
    def remembered(sentence, total, args, kwargs):
        return tuple(original(sentence, *args, **dict(kwargs)))

    @functools.wraps(original)
    def cut(sentence, *args, **kwargs):
        if _pending:
            load_pending()
        return remembered(sentence, jieba.dt.total, args, tuple(sorted(kwargs.items())))

    cut.cache_info = remembered.cache_info  # type: ignore[attr-defined]
    jieba.cut = cut


def main(argv: list[str] | None = None) -> int:
    """``python -m practice_site.search.tuning [DATA]``: print the user dictionary words."""
    import sys

    from practice_site.corpus.load import load_corpus
    data = Path((argv if argv is not None else sys.argv[1:] or ["data"])[0])
    corpus, problems = load_corpus(data, data.resolve().parent)
    if problems:
        print(f"{data} 中有 {len(problems)} 个问题；运行 scripts/build.py check 查看", file=sys.stderr)
        return 1
    print("\n".join(dictionary_words(corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
