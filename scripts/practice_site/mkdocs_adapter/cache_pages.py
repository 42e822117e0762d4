"""Skip MkDocs' per-page work for pages whose inputs did not change since the last build.

A build spends most of its time per page: Python-Markdown converting the page (about half),
Material's search segmenting every section with jieba (a quarter). Both are pure functions
of inputs we can name, so both are kept in a ``PageCache`` keyed by a digest of them:

- conversion: the page's Markdown (after ``on_page_markdown``), its source path and URL,
  the Markdown extensions and their options, link validation settings and the versions of
  MkDocs, Markdown and pymdown-extensions; and, checked on use, the URL and inclusion of
  every file its links resolved to (so adding a record re-renders only the pages whose
  Markdown changes). A conversion that logged anything (a broken link, say) is never
  stored, so its warning is logged again on every build and ``--strict`` still fails.
- search entries: the page's HTML, table of contents, URL, title and search meta, and
  jieba's user words (they change how text is cut) and the versions of Material and jieba.

On a cold cache a process pool converts pages on all cores first (``prerender``); the
build then finds every page in the cache. MkDocs objects are used by duck typing: the hook
passes in the classes this needs; only MkDocs' relative-URL rule is imported (for direct_html).
"""
from __future__ import annotations

import functools
import json
import logging
import multiprocessing
import os
import posixpath
import sys
import threading
from typing import Any
from urllib.parse import urlsplit

from practice_site.mkdocs_adapter import direct_html
from practice_site.mkdocs_adapter.cache_entries import PageCache, digest, versions
from practice_site.search import html_sections, tuning

RENDER = "render"
SEARCH = "search"
JIEBA = "jieba"
LOGGER = "mkdocs.structure.pages"
"""Where MkDocs reports broken links found while converting a page."""
MIN_POOL_PAGES = 200
"""Below this many pages, forking workers costs more than it saves (``PRACTICE_SITE_POOL_MIN``)."""
DIRECT_EXTENSIONS = {"toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html",
                     "pymdownx.escapeall", "pymdownx.details"}
"""The Markdown setup ``direct_html`` reproduces (any other: every page through Python-Markdown)."""
PROBE = 20
"""Pages looked up before deciding on a pool: a warm cache needs none."""


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


def _toc_from(data: list, anchor_link: type) -> list:
    out = []
    for title, ident, level, children in data:
        link = anchor_link(title, ident, level)
        link.children = _toc_from(children, anchor_link)
        out.append(link)
    return out


def _describe(file) -> str | None:
    """What a link to ``file`` is rewritten from: its URL and whether it is built."""
    return file and f"{file.url}\t{file.inclusion}"


class BuildCache:
    """The cached per-page work of one build (one per ``mkdocs build`` or serve rebuild)."""

    def __init__(self, cache: PageCache, config, files, anchor_link: type, toc_type: type, page_type: type):
        self.cache, self.config, self.files = cache, config, files
        self.anchor_link, self.toc_type, self.page_type = anchor_link, toc_type, page_type
        self.render_salt = digest(
            versions("mkdocs", "Markdown", "pymdown-extensions"), config["markdown_extensions"],
            config["mdx_configs"], config["use_directory_urls"], dict(config["validation"]))
        self.search_index = None
        self.search_salt = ""
        self.fast_parser: type | None = None
        # Generated pages skip Python-Markdown (direct_html.py) where the Markdown setup is
        # the one it reproduces; PRACTICE_SITE_DIRECT=off converts every page the usual way.
        toc = dict(config["mdx_configs"].get("toc") or {})
        self.slugify = toc.pop("slugify", None)
        self.direct_ok = (os.environ.get("PRACTICE_SITE_DIRECT") != "off" and self.slugify is not None
                          and toc == {"permalink": direct_html.PERMALINK_TEXT,
                                      "permalink_title": direct_html.PERMALINK_TITLE}
                          and config["use_directory_urls"]
                          and set(config["markdown_extensions"]) <= DIRECT_EXTENSIONS
                          and config["mdx_configs"].get("pymdownx.escapeall") == {"hardbreak": False, "nbsp": False})
        self.direct_pages = 0
        self._resolved: dict[tuple[str, str], tuple] = {}
        self._relative: dict[tuple[str, str, str], str] = {}
        self._descriptions: dict[str, str | None] = {}
        from mkdocs.utils import get_relative_url  # the URL rule links are written with
        self.relative_url = get_relative_url

    def summary(self) -> str:
        """What this build took from the cache, for the log."""
        direct = f"; {self.direct_pages} page(s) converted without Python-Markdown" if self.direct_pages else ""
        if self.cache.trouble:  # not a warning: --strict must not fail on a cache
            direct += f"; {self.cache.trouble}"
        if not self.cache.misses:
            return "Page cache: reused every page's conversion and search entries" + direct
        return f"Page cache: {self.cache.hits} entries reused, {self.cache.misses} computed" + direct

    # -- Markdown conversion ------------------------------------------------------------
    def render_key(self, page) -> str:
        f = page.file
        return digest(self.render_salt, f.src_uri, f.dest_uri, f.url, page.markdown)

    def render(self, page, original) -> None:
        """``page.render(config, files)``: from the cache, or ``original`` (MkDocs' own
        ``Page.render``) and then stored."""
        key = self.render_key(page)
        hit = self.cache.get(RENDER, page.file.src_uri, key)
        if hit is not None and not all(self._described(uri) == seen for uri, seen in hit["lookups"].items()):
            self.cache.hits, self.cache.misses = self.cache.hits - 1, self.cache.misses + 1
            hit = None  # a link of the page now resolves to another URL, or to nothing
        if hit is None and (hit := self.direct(page)) is not None:
            self.direct_pages += 1
            if os.environ.get("PRACTICE_SITE_DIRECT") == "check":
                self._check_direct(page, original, hit)
            self.cache.put(RENDER, page.file.src_uri, key, hit)
        if hit is not None:
            page.content = hit["content"]
            page.toc = self.toc_type(_toc_from(hit["toc"], self.anchor_link))
            page._title_from_render = hit["title"]
            page.present_anchor_ids = set(hit["anchors"])
            if logging.getLogger(LOGGER).getEffectiveLevel() > logging.DEBUG:  # as Page.render
                page.links_to_anchors = {self.files.src_uris.get(uri): links  # src_uris: as stored
                                         for uri, links in hit["links"].items()} or None
            return
        recorder, logger = LogCounter(), logging.getLogger(LOGGER)
        lookups: dict[str, str | None] = {}
        find = self.files.get_file_from_path

        def recording_find(uri: str):  # every link target MkDocs resolves, as it found it
            found = find(uri)
            lookups[uri] = _describe(found)
            return found
        logger.addHandler(recorder)
        self.files.get_file_from_path = recording_find
        try:
            original(self.config, self.files)
        finally:
            logger.removeHandler(recorder)
            del self.files.get_file_from_path
        if recorder.count:  # its messages must be logged again next time: not stored
            return
        self.cache.put(RENDER, page.file.src_uri, key, {
            "content": page.content, "toc": toc_data(page.toc), "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()},
            "lookups": lookups,
        })

    def _described(self, uri: str) -> str | None:
        """``_describe`` of the file at ``uri``, once per build (pages link the same few hundred)."""
        if uri not in self._descriptions:
            self._descriptions[uri] = _describe(self.files.get_file_from_path(uri))
        return self._descriptions[uri]

    def direct(self, page) -> dict | None:
        """The page converted by ``direct_html`` (a cache entry), or None where it declines."""
        if not self.direct_ok:
            return None
        links: dict[str, dict[str, str]] = {}
        lookups: dict[str, str | None] = {}
        src = page.file.src_uri

        folder, page_url = posixpath.dirname(src), page.file.url
        # Relative URLs from a page are the same for every page of its parent folder, unless
        # they lead into the page's own folder (the home page, "./", or a file: not shared).
        parent = page_url.rstrip("/").rpartition("/")[0] if page_url.endswith("/") and page_url.strip("./") else None

        def link(url: str) -> str:
            if (resolved := self._resolved.get((folder, url))) is None:
                resolved = self._resolved[folder, url] = self._resolve(src, url)
            new_url, target, seen, to, anchor, query = resolved
            if new_url is None:
                raise direct_html.Declined(f"link {url}")
            if target is not None:
                lookups[target] = seen
            if anchor:
                links.setdefault(to or src, {}).setdefault(anchor, url)
            if to is None:
                return new_url
            shared = (new_url, parent, anchor) if parent is not None and not new_url.startswith(page_url) else None
            if shared and (href := self._relative.get(shared)) is not None:
                return href
            # urlunsplit(("", "", path, query, anchor)) of a relative path; query is "" (declined)
            path = self.relative_url(new_url, page_url)
            href = f"{path}#{anchor}" if anchor else path
            if shared:
                self._relative[shared] = href
            return href
        try:
            done = direct_html.convert(page.markdown, link, self.slugify)
        except direct_html.Declined as why:
            logging.getLogger("mkdocs").debug(f"direct_html declined {src}: {why}")
            return None
        if done.ids and src in links:  # permalinks of headings whose id came last, in link order
            links[src] = {done.ids.get(a, a): url if a not in done.ids else "#" + done.ids[a]
                          for a, url in links[src].items()}
        return {"content": done.content, "toc": done.toc, "title": done.title,
                "anchors": sorted(done.anchors), "links": links, "lookups": lookups}

    def _resolve(self, src: str, url: str) -> tuple:
        """MkDocs' ``_RelativePathTreeprocessor.path_to_url`` where it logs nothing, up to the
        relative URL: (None to decline, or the URL as is, or the target's site URL; the file
        looked up, its description, the file linked to, anchor, query). Pages of one folder
        share the answer, so it is worked out once per build."""
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc:
            return url, None, None, None, "", query
        if not path:
            return (url if anchor and not query else None), None, None, None, anchor, query
        if url.startswith(("/", "\\")) or query or not path.endswith(".md") or "%" in path:
            return None, None, None, None, "", query
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path).lstrip("/"))
        found = self.files.src_uris.get(target)  # get_file_from_path less its PurePath: normalized here
        if found is None or found.inclusion.is_excluded():
            return None, target, _describe(found), None, "", query  # MkDocs logs these: let it
        return found.url, target, _describe(found), found.src_uri, anchor, query

    def _check_direct(self, page, original, hit: dict) -> None:
        """PRACTICE_SITE_DIRECT=check: convert the page the usual way too and log what differs."""
        original(self.config, self.files)
        usual = {"content": page.content, "toc": toc_data(page.toc), "title": page._title_from_render,
                 "anchors": sorted(page.present_anchor_ids or ()),
                 "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}}
        if logging.getLogger(LOGGER).getEffectiveLevel() <= logging.DEBUG:
            del usual["links"]  # MkDocs records them only above DEBUG
        for name, value in usual.items():
            if value != hit[name]:
                import difflib
                diff = "\n".join(difflib.unified_diff(str(value).split("\n"), str(hit[name]).split("\n"),
                                                      "python-markdown", "direct_html", lineterm="", n=1))
                logging.getLogger("mkdocs").error(f"direct_html differs on {page.file.src_uri}: {name}\n{diff}")

    def wrap_render(self, page) -> None:
        """Make MkDocs' call of ``page.render`` go through the cache (an instance attribute
        shadows the method for this page only)."""
        original = functools.partial(type(page).render, page)
        page.render = lambda config, files: self.render(page, original)

    # -- search entries -------------------------------------------------------------------
    def wrap_search(self, index) -> None:
        """Route Material's ``SearchIndex.add_entry_from_context`` through the cache."""
        self.search_index = index
        self.search_salt = digest(versions("mkdocs-material", "jieba"), sorted(tuning.installed_words()))
        original = index.add_entry_from_context
        index.add_entry_from_context = functools.partial(self.add_search_entries, index, original)
        index._segment_chinese = tuning.segmenter()  # same cut, remembered (tuning.py)

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
        module = sys.modules[type(index).__module__]  # Material's search plugin
        stock = module.Parser
        if self.fast_parser is None:
            self.fast_parser = html_sections.parser_class(stock)
        module.Parser = self.fast_parser  # type: ignore[attr-defined]  # for this page only
        try:
            original(page)
        finally:
            module.Parser = stock  # type: ignore[attr-defined]
        self.cache.put(SEARCH, page.file.src_uri, key, index.entries[start:])

    # -- a cold cache: convert on every core first ----------------------------------------
    def _page(self, uri: str):
        """The page at ``uri`` read and through ``on_page_markdown``, as the build will have it."""
        config, files = self.config, self.files
        file = files.get_file_from_path(uri)
        page: Any = file.page or self.page_type(None, file, config)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        return page

    def _mostly_missing(self, uris: list[str]) -> bool:
        probe = PageCache(self.cache.folder)  # its counts are not this build's
        for uri in uris:
            file = self.files.get_file_from_path(uri)
            before = file.page
            probe.get(RENDER, uri, self.render_key(self._page(uri)))
            file.page = before  # MkDocs makes the pages it builds itself
        return probe.misses * 2 > len(uris)

    def prerender(self, jobs: int | None = None) -> int:
        """Convert every page not in the cache in worker processes, which store the results
        (conversion and search entries); returns the number of workers used (0: none).
        Only with ``fork`` and a single thread: workers inherit this build's state as is."""
        # One process unless asked: with generated pages converted directly (direct_html.py)
        # what is left per page is cheap, and the pool's forks, reads and writes cost more CPU
        # than the second core saves (1,000 practices: 8.9 s CPU and 7.3 s wall with two
        # processes, 7.8 s and 7.8 s with one). PRACTICE_SITE_JOBS=2 uses two.
        jobs = jobs or int(os.environ.get("PRACTICE_SITE_JOBS") or 1)
        uris = [f.src_uri for f in self.files.documentation_pages()]
        if (jobs < 2 or len(uris) < int(os.environ.get("PRACTICE_SITE_POOL_MIN") or MIN_POOL_PAGES)
                or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods()
                or not self._mostly_missing(uris[:: max(1, len(uris) // PROBE)])):
            return 0
        global _job
        _job = self
        try:
            import jieba  # load its dictionary and our words once, before forking, not once per worker
            jieba.initialize()
            tuning.load_pending()
        except ImportError:
            pass
        chunks = [uris[i::jobs * 4] for i in range(jobs * 4)]
        try:
            with multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet) as pool:
                pool.map(_prerender_chunk, chunks)
        finally:
            _job = None
        return jobs


_job: BuildCache | None = None
"""The build a forked worker serves (set in the parent just before the fork)."""


def _quiet() -> None:
    # A worker's warnings would be printed twice: pages that warn are not stored, so the
    # parent converts them again and logs them itself.
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers.clear()
    mkdocs_log.propagate = False


def _prerender_chunk(uris: list[str]) -> None:
    job = _job
    assert job is not None
    config, files, plugins = job.config, job.files, job.config.plugins
    for uri in uris:
        page = job._page(uri)
        job.render(page, functools.partial(type(page).render, page))
        page.content = plugins.on_page_content(page.content, page=page, config=config, files=files)
        if job.search_index is not None:  # the entries Material's search will ask for
            index = type(job.search_index)(**job.search_index.config)
            job.add_search_entries(index, type(index).add_entry_from_context.__get__(index), page)
    job.cache.flush()  # the parent reads what this worker stored
