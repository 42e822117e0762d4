"""The only module that imports MkDocs: an adapter from the pipeline to MkDocs events.

Data is loaded and checked in ``on_config``, before MkDocs empties ``site/``, so a bad
record aborts the build with every problem named and the last good site untouched
(``mkdocs serve`` keeps serving it). Pages are added in memory in ``on_files``: nothing
is written into ``docs/``, so ``serve`` cannot loop on its own output. The site is built
in a staging folder and swapped in whole (staging.py); under ``serve`` the pages get a
same-origin live reload and a problems banner (preview.py).
"""
from __future__ import annotations

import html
import json
import logging
import os
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink, TableOfContents

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The pipeline, stage by stage (scripts/practice_site/__init__.py).
from practice_site.corpus.load import load_corpus  # noqa: E402
from practice_site.corpus.problems import format_problems  # noqa: E402
from practice_site.link.graph import link_corpus  # noqa: E402
from practice_site.mkdocs_adapter import cache_entries, cache_pages, cache_templates, cache_theme  # noqa: E402
from practice_site.output import staging  # noqa: E402
from practice_site.output import sync as serve_sync  # noqa: E402
from practice_site.render import drafts, page_memo  # noqa: E402
from practice_site.render.export import export_files  # noqa: E402
from practice_site.render.page import Heading, broken_links, html_ids  # noqa: E402
from practice_site.render.page import Page as GeneratedPage  # noqa: E402
from practice_site.render.redirects import redirect_pages  # noqa: E402
from practice_site.render.site import render_site  # noqa: E402
from practice_site.search import tuning as search_tuning  # noqa: E402
from practice_site.search import words as search_words  # noqa: E402
from practice_site.search import worker as search_worker  # noqa: E402
from practice_site.serve import preview, watcher  # noqa: E402
from practice_site.text.slug import safe_uri  # noqa: E402

log = logging.getLogger("mkdocs.hooks.practice_site")
_pages: dict[str, GeneratedPage] = {}
"""Generated pages (render/site.py): HTML, table of contents and meta, handed to MkDocs in
``on_page_markdown`` (meta) and ``on_page_content`` (HTML, toc); their source is empty."""
_handwritten: dict[str, set[str]] = {}
"""Hand-written page (source path) -> the ids its HTML has, once converted."""
_static: dict[str, str] = {}
"""Generated files that are not pages: the export (export.py), old URLs (redirects.py)."""
_corpus = None
_store: cache_entries.PageCache | None = None
_cached: cache_pages.BuildCache | None = None
_output: cache_theme.OutputCache | None = None
_nav = None
_data_folder: Path | None = None
_practice_pages = page_memo.PageMemo()
"""Under serve, practice and report pages whose inputs did not change are not rendered again."""


def on_startup(command, dirty):
    # serve shows draft records, build leaves them out (drafts.show_drafts).
    global _command
    _command = command


def on_config(config):
    # A config read from stdin (scripts/offline.py) has no path: its root is the cwd.
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    # PRACTICE_SITE_DATA points a build at another data folder (test fixtures, benchmarks).
    data = Path(os.environ.get("PRACTICE_SITE_DATA") or root / "data")
    global _data_folder
    _data_folder = data
    # serve loads again after every save: unchanged records are not checked again (load.py).
    corpus, problems = load_corpus(data, root, reuse=_command == "serve")
    global _corpus
    if problems:
        lines = [str(p) for p in problems]
        if _command == "serve" and not _published:
            # `serve` started on broken data: no last good site to keep. Serve the
            # hand-written pages under the problems banner and wait for the fix instead of
            # exiting. Strict mode already counts warnings and errors: the missing
            # generated pages are told at INFO level and the problems printed.
            print("data/ 中有问题：\n" + format_problems(problems), file=sys.stderr)
            preview.STATE.started_broken(lines)
            for checks in (config.validation.nav, config.validation.links):
                for key in checks:
                    checks[key] = logging.INFO
            _corpus = corpus
            _pages.clear()
            _static.clear()
            return config
        preview.STATE.data_problems(lines)
        raise PluginError("data/ 中有问题：\n" + format_problems(problems))
    for warning in corpus.warnings:  # told, not refused (--strict counts them)
        log.warning(str(warning))
    if not drafts.show_drafts(_command, os.environ.get(drafts.ENV)):
        corpus = drafts.without_drafts(corpus)
    _corpus = corpus
    global _store
    _store = (folder := cache_entries.cache_folder(root)) and cache_entries.PageCache(folder, remember=_command == "serve")
    # With a page cache, jieba's dictionary is loaded only if a page is not in it.
    search_tuning.install_user_dictionary(cache_pages.dictionary_words(_store, corpus), lazy=bool(_store))
    search_tuning.memoize_segmentation()
    _pages.clear()
    links = link_corpus(corpus)
    # Directory URLs are off in the offline edition; the map's SVG links are raw HTML.
    site_url = configured_site_url(config)
    _pages.update(render_site(corpus, links, site_url=site_url,
                              directory_urls=config.use_directory_urls,
                              memo=_practice_pages if _command == "serve" else None))
    _static.clear()
    _static.update(export_files(corpus, links, site_url, config.use_directory_urls))
    _static.update(redirect_pages(corpus, config.use_directory_urls))
    return config


def configured_site_url(config) -> str:
    """``site_url`` as mkdocs.yml sets it. ``mkdocs serve`` replaces ``config.site_url`` with
    its own local address (http://127.0.0.1:8000/), which printed pages must never carry:
    under serve the value is read from the file itself (tags such as !ENV read as unset)."""
    if _command != "serve" or not config.config_file_path:
        return config.site_url or ""

    class _Loose(yaml.SafeLoader):
        pass

    _Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    path, seen = Path(config.config_file_path), set()
    while path not in seen:  # a config may INHERIT the one that sets site_url
        seen.add(path)
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), _Loose)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return ""
        if not isinstance(raw, dict):
            return ""
        if "site_url" in raw or not isinstance(raw.get("INHERIT"), str):
            value = raw.get("site_url")
            return value if isinstance(value, str) else ""
        path = (path.parent / raw["INHERIT"]).resolve()
    return ""


def on_files(files, config):
    for uri in _pages:
        if not safe_uri(uri):  # ids pass the slug rule; MkDocs would write ../ paths anyway
            raise PluginError(f"拒绝写出网站以外的页面：{uri}")
        files.append(File.generated(config, uri, content=""))
    # MkDocs checks the links of Markdown pages; these are HTML: checked here, as strictly
    # (anchors into hand-written pages once those are converted: on_env).
    for problem in broken_links(_pages, {f.src_uri for f in files if f.src_uri not in _pages}):
        log.warning(f"生成的页面链接到不存在的目标：{problem}")
    _handwritten.clear()
    for uri, text in _static.items():  # paths made of validated ids (slug rule)
        files.append(File.generated(config, uri, content=text))
    for f in [f for f in files if search_worker.is_worker(f.src_uri)]:
        # Material drops the last word of a Chinese query; worker.py says why. The officers'
        # words (data/synonyms.yml) go into the worker, not the index (search/words.py).
        files.remove(f)
        files.append(File.generated(config, f.src_uri, content=search_worker.patch(
            Path(f.abs_src_path).read_text(encoding="utf-8"), search_words.worker_data(_corpus.synonyms))))
    return files


def on_nav(nav, config, files):
    # Unchanged pages reuse their search entries (cache_pages.py).
    global _cached, _nav
    _nav = nav
    _cached = _store and cache_pages.BuildCache(_store)
    if _cached:
        index = next((p.search_index for p in config.plugins.values() if hasattr(p, "search_index")), None)
        if index is not None:
            _cached.wrap_search(index)
    return nav


def on_page_markdown(markdown, page, config, files):
    if generated := _pages.get(page.file.src_uri):
        # Material prints the title and description into the HTML unescaped (<title>, header,
        # <meta content="…">): escaped here, as Markdown front matter had to be.
        page.meta.update({k: html.escape(v) if k in ("title", "description") and isinstance(v, str) else v
                          for k, v in generated.meta.items()})
    # Search boosts and keywords (search/tuning.py); what a page's front matter sets wins.
    # Material shows a result's tags as HTML: escaped too.
    for key, value in search_tuning.page_meta(page.file.src_uri, _corpus).items():
        page.meta.setdefault(key, [html.escape(v, quote=False) for v in value] if key == "tags" else value)
    return markdown


def _toc(headings: tuple[Heading, ...]) -> TableOfContents:
    """The generated page's headings nested by level, as MkDocs nests a Markdown page's."""
    root: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for h in headings:
        link = AnchorLink(html.escape(h.title, quote=False), h.id, h.level)
        while stack and stack[-1].level >= h.level:
            stack.pop()
        (stack[-1].children if stack else root).append(link)
        stack.append(link)
    return TableOfContents(root)


def on_page_content(content, page, config, files):
    if generated := _pages.get(page.file.src_uri):
        content = generated.html
        page.toc = _toc(generated.toc)
    else:
        _handwritten[page.file.src_uri] = html_ids(content)
    # Practice pages: the head and some sections out of the search index (search/tuning.py).
    return search_tuning.unindexed(page.file.src_uri, content, _corpus)


def on_env(env, config, files):
    # Every page is converted now: links of generated pages to anchors of hand-written ones.
    if _handwritten:
        for problem in broken_links(_pages, _handwritten):
            if "（没有这个锚点）" in problem and problem.split(": ", 1)[1].split("#")[0] in _handwritten:
                log.warning(f"生成的页面链接到不存在的目标：{problem}")
    # MkDocs makes a new Jinja environment for every build, so `mkdocs serve` compiled
    # Material's templates again on every edit (0.3 s of a 1.6 s CPU rebuild at ~60
    # practices). A bytecode cache in the temp folder (keyed by template source) keeps them.
    import tempfile

    from jinja2 import FileSystemBytecodeCache
    folder = Path(tempfile.gettempdir()) / f"practice-site-jinja-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    # Pages whose themed HTML is in the page cache print it instead (cache_theme.py).
    global _output
    _output = None
    if _cached:
        from jinja2 import ChoiceLoader, DictLoader
        env.loader = ChoiceLoader([DictLoader({cache_theme.TEMPLATE: cache_theme.SOURCE}), env.loader])
        _output = cache_theme.OutputCache(_cached.cache, config, _nav)
        _output.use(f.page for f in files.documentation_pages() if f.page)
        # The sidebar navigation and tabs once per folder of pages outside the nav, the search
        # form once, the interface words once per word (cache_templates.py).
        cache_templates.navigation(env, _nav, lambda page: page.file.inclusion.name == "NOT_IN_NAV")
        cache_templates.constant_partials(env)
        cache_templates.translations(env)
    return env


@event_priority(100)  # first: what is stored is the template's output, before any handler
def _store_output(output, page, config):
    if _output:
        _output.store(page, output)
    return output


@event_priority(-1000)  # last: what is compared is what would be written
def _skip_unchanged(output, page, config):
    # serve: a page the served folder holds as it is is not written again (output/sync.py).
    return _sync.page(page.file.src_uri, page.file.dest_uri, output) if _command == "serve" else output


on_post_page = CombinedEvent(_store_output, _skip_unchanged)


def on_pre_build(config):
    # MkDocs empties site_dir next and writes into it page by page: build beside it instead.
    global _site, _staging
    _site = Path(config.site_dir).resolve()
    try:
        _staging = staging.begin(_site)
    except staging.SiteWriteError as exc:
        raise PluginError(str(exc)) from None
    config.site_dir = str(_staging)
    _sync.begin(_site)
    _warnings.count = 0
    for name in BUILD_LOGGERS:
        logging.getLogger(name).addHandler(_warnings)


def _search_index_as_utf8(config):
    # Material writes its search index ASCII-escaped: every Han character, and every word
    # break jieba adds (U+200B), as a 6-byte \uXXXX. Written as UTF-8 the same index is 44 %
    # smaller and search is ready sooner (1,000 practices: 5.6 -> 3.1 MB, ready in Chromium
    # 3.2-3.6 -> 2.8 s; same results). The offline plugin inlines it after this (priority -100).
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-1000)  # after every plugin's writes (the offline plugin's is at -100)
def _publish(config):
    global _staging
    for name in BUILD_LOGGERS:
        logging.getLogger(name).removeHandler(_warnings)
    config.site_dir, built, _staging = str(_site), _staging, None
    if config.strict and _warnings.count:
        staging.discard(built)  # MkDocs aborts right after this: keep the last good site
        return
    try:
        if _command == "serve":
            _sync.publish(built, _site)  # only what changed (output/sync.py)
        else:
            staging.publish(built, _site)
    except staging.SiteWriteError as exc:
        raise PluginError(str(exc)) from None
    global _published
    _published = True


def _cache_summary(config):
    if _store:
        _store.flush()  # pages whose work was not all stored page by page (cache_entries.py)
    if _cached:
        log.info(_cached.summary())


on_post_build = CombinedEvent(_cache_summary, _search_index_as_utf8, _publish)


def on_build_error(error):
    global _staging
    for name in BUILD_LOGGERS:
        logging.getLogger(name).removeHandler(_warnings)
    if _staging is not None:
        staging.discard(_staging)
        _staging = None
        if isinstance(error, OSError):  # a full disk, a folder made read-only mid-build
            log.error(f"{error.filename or _site}：无法写入网站（{error.strerror}）；"
                      f"{_site} 中上次的网站保持原样")


# Counts warnings as MkDocs' strict mode does, to refuse a site it is about to abort.
_warnings = cache_pages.LogCounter(logging.WARNING)
BUILD_LOGGERS = ("mkdocs", "properdocs")
"""Where the build's warnings are logged: MkDocs logs under ``mkdocs``, ProperDocs (the
maintained fork) under ``properdocs``; --strict must see both before the site is swapped in."""
_site: Path | None = None
_staging: Path | None = None
_command = "build"
_published = False  # a site was swapped in by this process (serve: there is a last good site)
_sync = serve_sync.SiteSync()
logging.getLogger("mkdocs.commands.build").addFilter(_sync.filter)


def on_serve(server, config, builder):
    # MkDocs' live server holds every request after a failed rebuild ("the server will
    # appear stuck") and injects an inline reload script the CSP refuses. Here every build
    # ends (a refused one leaves the last good site whole: staging.py), open tabs reload
    # either way, and each served page names the problems of a refused build.
    def build_and_report():
        with preview.logged_problems("mkdocs") as logged:
            try:
                builder()
            except (Exception, SystemExit) as exc:
                preview.STATE.finished(exc, logged)
                log.error("仍在提供上次成功生成的网站；改正上面的问题后保存。")
            else:
                preview.STATE.finished(None, logged)

    def inject(page, epoch):
        return preview.inject(page, epoch, preview.STATE)

    def error_page(code):
        page = not_found(code)
        return None if page is None else inject(page, server._visible_epoch)

    app, not_found = server.get_app(), server.error_handler

    def app_with_assets(environ, start_response):
        if found := preview.asset(environ.get("PATH_INFO", "")):
            kind, body = found
            start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))),
                                      ("Cache-Control", "no-cache")])
            return [body]
        return app(environ, start_response)

    def watch_again(folder):
        # MkDocs 1.6's live server: watch anew, then ask for a build as a change would.
        log.info(f"{folder} 又出现了：重新监视它")
        server.unwatch(str(folder))
        server.watch(str(folder))
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    # A preview of another data folder (PRACTICE_SITE_DATA) reloads on its edits too.
    if _data_folder and _data_folder.is_dir() and not any(
            _data_folder.resolve() == Path(p).resolve() for p in config.watch):
        config.watch.append(str(_data_folder))
    folders = [Path(p) for p in [config.docs_dir, *config.watch] if Path(p).is_dir()]
    preview.FolderReturn(folders, watch_again).start()
    server.builder = build_and_report
    server._inject_js_into_html = inject  # MkDocs 1.6's one place that writes its inline script
    server.error_handler = error_page
    server.set_app(app_with_assets)
    # A save reaches the build at once instead of at the next poll (watcher.py).
    watcher.notify_on_change(server)
    return server
