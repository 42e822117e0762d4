"""Skip Material's search work for pages whose inputs did not change since the last build.

Material's search segments every section of every page with jieba: a pure function of the
page's HTML, table of contents, URL, title and search meta, jieba's user words (they change
how text is cut) and the versions of Material and jieba. The entries are kept in a
``PageCache`` keyed by a digest of them. (Generated pages are HTML from templates
(render/page.py): there is no Markdown conversion left to cache.) MkDocs objects are used
by duck typing: the hook passes them in.
"""
from __future__ import annotations

import json
import logging

from practice_site.mkdocs_adapter.cache_entries import PageCache, digest, versions
from practice_site.search import tuning

SEARCH = "search"
JIEBA = "jieba"


def dictionary_words(cache: PageCache | None, corpus) -> list[str]:
    """``tuning.dictionary_words``, from the cache while jieba's dictionary is not
    loaded (choosing them loads it: 0.6 s that a build from the cache does not need)."""
    import jieba
    if cache is None or jieba.dt.initialized:
        return tuning.dictionary_words(corpus)
    key = digest(versions("jieba"), tuning.candidate_words(corpus), sorted(tuning.installed_words()))
    if (words := cache.get(JIEBA, "user-words", key)) is None:
        words = tuning.dictionary_words(corpus)
        cache.put(JIEBA, "user-words", key, words)
    return words


class LogCounter(logging.Handler):
    """Counts log records of ``level`` or above (a page's conversion: any; the hook: the
    warnings MkDocs' strict mode counts)."""

    def __init__(self, level: int = logging.DEBUG) -> None:
        super().__init__(level)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def toc_data(items) -> list:
    return [[i.title, i.id, i.level, toc_data(i.children)] for i in items]


class BuildCache:
    """The cached search entries of one build (one per ``mkdocs build`` or serve rebuild)."""

    def __init__(self, cache: PageCache):
        self.cache = cache
        self.search_index = None
        self.search_salt = ""

    def summary(self) -> str:
        """What this build took from the cache, for the log."""
        trouble = f"; {self.cache.trouble}" if self.cache.trouble else ""  # not a warning: --strict must not fail on a cache
        if not self.cache.misses:
            return "Page cache: reused every page's search entries and themed HTML" + trouble
        return f"Page cache: {self.cache.hits} entries reused, {self.cache.misses} computed" + trouble

    # -- search entries -------------------------------------------------------------------
    def wrap_search(self, index) -> None:
        """Route Material's ``SearchIndex.add_entry_from_context`` through the cache."""
        from practice_site.mkdocs_adapter import compat
        self.search_index = index
        self.search_salt = digest(versions("mkdocs-material", "jieba"), sorted(tuning.installed_words()))
        compat.route_search_entries(index, self.add_search_entries)

    def search_key(self, page) -> str:
        meta = {k: page.meta.get(k) for k in ("title", "tags", "search")}
        return digest(self.search_salt, page.url, str(page.title), json.dumps(meta, sort_keys=True, default=str),
                      toc_data(page.toc), page.content)

    def add_search_entries(self, index, original, page) -> None:
        key = self.search_key(page)
        if (hit := self.cache.get(SEARCH, page.file.src_uri, key)) is not None:
            index.entries.extend(hit)
            return
        start = len(index.entries)
        original(page)
        self.cache.put(SEARCH, page.file.src_uri, key, index.entries[start:])
