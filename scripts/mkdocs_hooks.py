"""The only module that imports MkDocs: an adapter from the pipeline to MkDocs events.

Data is loaded and checked in ``on_config``, before MkDocs empties ``site/``, so a bad
record aborts the build with every problem named and the last good site untouched
(``mkdocs serve`` keeps serving it). Pages are added in memory in ``on_files``: nothing
is written into ``docs/``, so ``serve`` cannot loop on its own output.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))
from practice_site import search_terms  # noqa: E402
from practice_site.load import load_corpus  # noqa: E402
from practice_site.problems import format_problems  # noqa: E402
from practice_site.render import render_site  # noqa: E402
from practice_site.slug import safe_uri  # noqa: E402

log = logging.getLogger("mkdocs.hooks.practice_site")
_pages: dict[str, str] = {}
_corpus = None


def on_config(config):
    # A config read from stdin (scripts/offline.py) has no path: its root is the cwd.
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
    # PRACTICE_SITE_DATA points a build at another data folder (test fixtures, benchmarks).
    data = Path(os.environ.get("PRACTICE_SITE_DATA") or root / "data")
    corpus, problems = load_corpus(data, root)
    if problems:
        raise PluginError(_DATA_PROBLEMS + "\n" + format_problems(problems))
    global _corpus
    _corpus = corpus
    search_terms.install_user_dictionary(search_terms.dictionary_words(corpus))
    _pages.clear()
    # Directory URLs are off in the offline edition; the map's SVG links are raw HTML.
    _pages.update(render_site(corpus, site_url=config.site_url or "",
                              directory_urls=config.use_directory_urls))
    return config


def on_files(files, config):
    for uri, markdown in _pages.items():
        if not safe_uri(uri):  # ids pass the slug rule; MkDocs would write ../ paths anyway
            raise PluginError(f"refusing to write a page outside the site: {uri}")
        files.append(File.generated(config, uri, content=markdown))
    return files


def on_page_markdown(markdown, page, config, files):
    # Search boosts and keywords (search_terms.py); what a page's front matter sets wins.
    for key, value in search_terms.page_meta(page.file.src_uri, _corpus).items():
        page.meta.setdefault(key, value)
    return search_terms.unindexed(page.file.src_uri, markdown, _corpus)


def on_env(env, config, files):
    # MkDocs makes a new Jinja environment for every build, so `mkdocs serve` compiled
    # Material's templates again on every edit (0.3 s of a 1.6 s CPU rebuild at ~60
    # practices). A bytecode cache in the temp folder (keyed by template source) keeps them.
    import tempfile

    from jinja2 import FileSystemBytecodeCache
    folder = Path(tempfile.gettempdir()) / f"practice-site-jinja-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_post_build(config):
    # Material writes its search index ASCII-escaped: every Han character, and every word
    # break jieba adds (U+200B), as a 6-byte \uXXXX. Written as UTF-8 the same index is 44 %
    # smaller and search is ready sooner (1,000 practices: 5.6 -> 3.1 MB, ready in Chromium
    # 3.2-3.6 -> 2.8 s; same results). The offline plugin inlines it after this (priority -100).
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


_DATA_PROBLEMS = "data/ has problems:"


def on_serve(server, config, builder):
    # After a failed rebuild MkDocs' live server holds every request until a build succeeds
    # ("the server will appear stuck"). A data problem stops the build in on_config, before
    # site/ is touched, so the last good site is whole: log it and carry on serving that.
    def keep_serving():
        try:
            builder()
        except SystemExit as exc:  # mkdocs' Abort; the problems were logged above it
            if not str(exc.__context__ or "").startswith(_DATA_PROBLEMS):
                raise
            log.error("Still serving the last good site; fix the problems above and save.")

    server.builder = keep_serving
    return server
