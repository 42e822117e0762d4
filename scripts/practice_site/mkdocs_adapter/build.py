"""What the hook's events do, on one state object (``Build``) that lives from event to event.

Data is loaded and checked in ``configure`` (``on_config``), before MkDocs empties
``site/``, so a bad record aborts the build with every problem named and the last good site
untouched (``mkdocs serve`` keeps serving it). Pages are added in memory (``add_files``):
nothing is written into ``docs/``, so ``serve`` cannot loop on its own output. The site is
built in a staging folder and swapped in whole (output/staging.py).
"""
from __future__ import annotations

import html
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from practice_site.corpus.load import LoadMemo, load_corpus
from practice_site.corpus.problems import format_problems
from practice_site.link.graph import LinkMemo, link_corpus
from practice_site.mkdocs_adapter import cache_entries, cache_pages, cache_theme, compat
from practice_site.mkdocs_adapter.options import Options, configured_site_url
from practice_site.mkdocs_adapter.pages import TemplatePage, nav_titles, toc
from practice_site.output import staging
from practice_site.output.sync import SiteSync
from practice_site.render import drafts, page_memo
from practice_site.render.export import export_files
from practice_site.render.page import Heading, broken_links, html_ids
from practice_site.render.page import Page as GeneratedPage
from practice_site.render.redirects import redirect_pages
from practice_site.render.site import render_site
from practice_site.search import tuning, words
from practice_site.search.worker import is_worker
from practice_site.serve import preview
from practice_site.text.slug import safe_uri

log = logging.getLogger("mkdocs.hooks.practice_site")
BUILD_LOGGERS = ("mkdocs", "properdocs")
"""Where the build's warnings are logged: MkDocs logs under ``mkdocs``, ProperDocs (the
maintained fork) under ``properdocs``; --strict must see both before the site is swapped in."""


@dataclass
class Build:
    """The state of the adapter: one per process, reset where a build needs it."""

    command: str = "build"
    """``serve`` or ``build`` (``gh-deploy`` counts as build): serve shows drafts, reuses pages."""
    options: Options | None = None
    corpus: Any = None
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    """Generated pages (render/site.py): handed to MkDocs in the page events; their source is empty."""
    static: dict[str, str] = field(default_factory=dict)
    """Generated files that are not pages: the export (export.py), old URLs (redirects.py)."""
    handwritten: dict[str, set[str]] = field(default_factory=dict)
    """Hand-written page (source path) -> the ids its HTML has, once converted."""
    tocs: dict[tuple[Heading, ...], Any] = field(default_factory=dict)
    """A generated page's headings -> MkDocs' toc of them, kept from one serve build to the next."""
    loads: LoadMemo = field(default_factory=LoadMemo)
    """Under serve, unchanged records and reports are not read again (corpus/load.py)."""
    linked: LinkMemo = field(default_factory=LinkMemo)
    """Under serve, reports are searched for names again only when they or the names changed."""
    memo: page_memo.PageMemo = field(default_factory=page_memo.PageMemo)
    """Under serve, practice and report pages whose inputs did not change are not rendered again."""
    store: cache_entries.PageCache | None = None
    remembered: dict[Path, dict[str, dict]] = field(default_factory=dict)
    """Under serve, the page cache's entries kept in memory between builds, by cache folder."""
    cached: cache_pages.BuildCache | None = None
    output: cache_theme.OutputCache | None = None
    nav: Any = None
    site: Path | None = None
    staging: Path | None = None
    preview: preview.BuildState = field(default_factory=preview.BuildState)
    """Under serve, the outcome of the last build, for the banner (serve/preview.py)."""
    published: bool = False
    """A site was swapped in by this process (serve: there is a last good site)."""
    sync: SiteSync = field(default_factory=SiteSync)
    """Under serve, only the pages whose HTML changed are written (output/sync.py)."""
    warnings: cache_pages.LogCounter = field(default_factory=lambda: cache_pages.LogCounter(logging.WARNING))
    """Counts warnings as MkDocs' strict mode does, to refuse a site it is about to abort."""

    def __post_init__(self) -> None:
        logging.getLogger("mkdocs.commands.build").addFilter(self.sync.filter)

    # -- on_config -------------------------------------------------------------------------
    def configure(self, config: Any) -> Any:
        self.options = options = Options.read(config)
        # serve builds again after every save: what did not change is not read, searched or
        # rendered again (the memos below, kept by this object from one build to the next).
        serving = self.command == "serve"
        corpus, problems = load_corpus(options.data, options.root, reuse=self.loads if serving else None)
        self.pages.clear()
        self.static.clear()
        self.corpus = corpus
        if problems:
            lines = [str(p) for p in problems]
            if serving and not self.published:
                # `serve` started on broken data: no last good site to keep. Serve the
                # hand-written pages under the problems banner and wait for the fix; the
                # missing generated pages are told at INFO level, not as warnings.
                print("data/ 中有问题：\n" + format_problems(problems), file=sys.stderr)
                self.preview.started_broken(lines)
                for checks in (config.validation.nav, config.validation.links):
                    for key in checks:
                        checks[key] = logging.INFO
                return config
            self.preview.data_problems(lines)
            raise PluginError("data/ 中有问题：\n" + format_problems(problems))
        for warning in corpus.warnings:  # told, not refused (--strict counts them)
            log.warning(str(warning))
        if not drafts.show_drafts(self.command, options.drafts):
            corpus = drafts.without_drafts(corpus)
        self.corpus = corpus
        self.store = None if options.cache is None else cache_entries.PageCache(
            options.cache, memory=self.remembered.setdefault(options.cache, {}) if serving else None)
        # With a page cache, jieba's dictionary is loaded only if a page is not in it.
        tuning.install_user_dictionary(cache_pages.dictionary_words(self.store, corpus), lazy=bool(self.store))
        tuning.memoize_segmentation()
        links = link_corpus(corpus, self.linked if serving else None)
        site_url = configured_site_url(config, self.command)
        self.pages.update(render_site(corpus, links, site_url=site_url, directory_urls=config.use_directory_urls,
                                      memo=self.memo if serving else None))
        self.static.update(export_files(corpus, links, site_url, config.use_directory_urls))
        self.static.update(redirect_pages(corpus, config.use_directory_urls))
        return config

    # -- on_files, on_nav ------------------------------------------------------------------
    def add_files(self, files: Any, config: Any) -> Any:
        for uri in self.pages:
            if not safe_uri(uri):  # ids pass the slug rule; MkDocs would write ../ paths anyway
                raise PluginError(f"拒绝写出网站以外的页面：{uri}")
        titles = nav_titles(config.nav)
        tocs, self.tocs = self.tocs, {}
        for uri, generated in self.pages.items():
            file = File.generated(config, uri, content="")
            contents = self.tocs[generated.toc] = tocs.get(generated.toc) or toc(generated.toc)
            TemplatePage(titles.get(uri), file, config, generated, contents)  # file.page: pages.py
            files.append(file)
        # MkDocs checks the links of Markdown pages; these are HTML: checked here, as strictly
        # (anchors into hand-written pages once those are converted: theme()).
        for problem in broken_links(self.pages, {f.src_uri for f in files if f.src_uri not in self.pages}):
            log.warning(f"生成的页面链接到不存在的目标：{problem}")
        self.handwritten.clear()
        for uri, text in self.static.items():  # paths made of validated ids (slug rule)
            files.append(File.generated(config, uri, content=text))
        for f in [f for f in files if is_worker(f.src_uri)]:
            # Material drops the last word of a Chinese query (search/worker.py); the officers'
            # words (data/synonyms.yml) go into the worker, not the index (search/words.py).
            files.remove(f)
            files.append(File.generated(config, f.src_uri, content=compat.patch_search_worker(
                Path(f.abs_src_path).read_text(encoding="utf-8"), words.worker_data(self.corpus.synonyms))))
        return files

    def start_pages(self, nav: Any, config: Any) -> None:
        """Unchanged pages reuse their search entries (cache_pages.py)."""
        self.nav = nav
        self.cached = cache_pages.BuildCache(self.store) if self.store else None
        if self.cached and (index := compat.search_index(config)) is not None:
            self.cached.wrap_search(index)

    # -- each page -------------------------------------------------------------------------
    def page_meta(self, page: Any) -> None:
        if generated := self.pages.get(page.file.src_uri):
            # Material prints title and description into the HTML unescaped (<title>, header,
            # <meta content="…">): escaped here, as Markdown front matter had to be.
            page.meta.update({k: html.escape(v) if k in ("title", "description") and isinstance(v, str) else v
                              for k, v in generated.meta.items()})
        # Search boosts and keywords (search/tuning.py); what a page's front matter sets wins.
        # Material shows a result's tags as HTML: escaped too.
        for key, value in tuning.page_meta(page.file.src_uri, self.corpus).items():
            page.meta.setdefault(key, [html.escape(v, quote=False) for v in value] if key == "tags" else value)

    def page_content(self, content: str, page: Any) -> str:
        if not isinstance(page, TemplatePage):  # a generated page's HTML is its template's
            self.handwritten[page.file.src_uri] = html_ids(content)
        # Practice pages: the head and some sections out of the search index (search/tuning.py).
        return tuning.unindexed(page.file.src_uri, content, self.corpus)

    def theme(self, env: Any, config: Any, files: Any) -> Any:
        # Every page is converted now: links of generated pages to anchors of hand-written ones.
        if self.handwritten:
            for problem in broken_links(self.pages, self.handwritten):
                if "（没有这个锚点）" in problem and problem.split(": ", 1)[1].split("#")[0] in self.handwritten:
                    log.warning(f"生成的页面链接到不存在的目标：{problem}")
        # MkDocs makes a new Jinja environment for every build, so serve compiled Material's
        # templates again on every edit: Jinja's bytecode cache (keyed by template source, in
        # the system's temp folder, as for our own templates: render/page.py) keeps them.
        env.bytecode_cache = FileSystemBytecodeCache()
        # Pages whose themed HTML is in the page cache print it instead (cache_theme.py).
        self.output = None
        if self.cached:
            env.loader = ChoiceLoader([DictLoader({cache_theme.TEMPLATE: cache_theme.SOURCE}), env.loader])
            self.output = cache_theme.OutputCache(self.cached.cache, config, self.nav)
            self.output.use(f.page for f in files.documentation_pages() if f.page)
        return env

    def themed(self, page: Any, output: str) -> str:
        if self.output:
            self.output.store(page, output)
        return output

    def unchanged(self, page: Any, output: str) -> str:
        """serve: a page the served folder holds as it is is not written again (output/sync.py)."""
        return self.sync.page(page.file.src_uri, page.file.dest_uri, output) if self.command == "serve" else output

    # -- staging and publishing ------------------------------------------------------------
    def stage(self, config: Any) -> None:
        """on_pre_build: MkDocs empties site_dir next and writes into it page by page: build beside it."""
        self.site = Path(config.site_dir).resolve()
        try:
            self.staging = staging.begin(self.site)
        except staging.SiteWriteError as exc:
            raise PluginError(str(exc)) from None
        config.site_dir = str(self.staging)
        self.sync.begin(self.site)
        self.warnings.count = 0
        for name in BUILD_LOGGERS:
            logging.getLogger(name).addHandler(self.warnings)

    def finish(self, config: Any) -> None:
        if self.store:
            self.store.flush()  # pages whose work was not all stored page by page (cache_entries.py)
        if self.cached:
            log.info(self.cached.summary())
        # Material writes its index ASCII-escaped (every Han character and word break a 6-byte
        # \\uXXXX): as UTF-8 it is 44 % smaller and ready sooner (BENCHMARKS.md). The offline
        # plugin inlines it after this (priority -100).
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            data = json.loads(index.read_text(encoding="utf-8"))
            index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def publish(self, config: Any) -> None:
        self._unlisten()
        assert self.site is not None and self.staging is not None
        config.site_dir, built, self.staging = str(self.site), self.staging, None
        if config.strict and self.warnings.count:
            staging.discard(built)  # MkDocs aborts right after this: keep the last good site
            return
        try:
            if self.command == "serve":
                self.sync.publish(built, self.site)  # only what changed (output/sync.py)
            else:
                staging.publish(built, self.site)
        except staging.SiteWriteError as exc:
            raise PluginError(str(exc)) from None
        self.published = True

    def abandon(self, error: BaseException) -> None:
        """on_build_error: the staging folder goes, the last good site stays."""
        self._unlisten()
        if self.staging is not None:
            staging.discard(self.staging)
            self.staging = None
            if isinstance(error, OSError):  # a full disk, a folder made read-only mid-build
                log.error(f"{error.filename or self.site}：无法写入网站（{error.strerror}）；"
                          f"{self.site} 中上次的网站保持原样")

    def _unlisten(self) -> None:
        for name in BUILD_LOGGERS:
            logging.getLogger(name).removeHandler(self.warnings)
