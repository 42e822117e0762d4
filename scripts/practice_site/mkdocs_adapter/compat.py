"""Every place the site reaches into a private part of MkDocs or Material: five, no more.

Each touchpoint checks the installed version of the package it reaches into first and
refuses an unknown one with ``UnknownVersion``, naming the version found and the file to
read before adding it to ``KNOWN``; each has a test (tests/test_compat.py). Everything else
the adapter does goes through public events, ``File.generated``, page meta and Jinja.

1. ``live_reload``: the live server's inline reload script (``_inject_js_into_html``,
   ``_visible_epoch``), which the site's Content-Security-Policy refuses, replaced by a
   same-origin one (serve/preview.py).
2. ``request_rebuild``: ask the live server for a build as a change would
   (``_rebuild_cond``, ``_want_rebuild``), when a watched folder comes back.
3. ``replace_observer``: the live server's polling observer swapped for the platform's
   (``observer``, ``_watched_paths``, ``_watch_refs``; serve/watcher.py says why).
4. ``route_search_entries``: Material's ``SearchIndex.add_entry_from_context`` routed
   through the page cache (cache_pages.py), which stores and replays ``index.entries``.
5. ``patch_search_worker``: the minified search worker Material ships, one function
   replaced by a regular expression (search/worker.py refuses a worker it does not match).
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from mkdocs.exceptions import PluginError

KNOWN = {
    "mkdocs": ("1.6.1",),
    "properdocs": ("1.6.",),
    "mkdocs-material": ("9.8.",),
}
"""Versions (prefixes) each touchpoint was written and tested against."""

FILES = {
    "mkdocs": "mkdocs/livereload/__init__.py",
    "properdocs": "properdocs/livereload/__init__.py",
    "mkdocs-material": "material/plugins/search/plugin.py and material/templates/assets/javascripts/workers/search.*.min.js",
}
"""What to read in the installed package before adding a version to ``KNOWN``."""


class UnknownVersion(PluginError):
    """A touchpoint met a version of its package it was not written for."""


def check(package: str, what: str, installed: str | None = None) -> None:
    """Refuse ``installed`` (default: the installed version of ``package``) unless known."""
    if installed is None:
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "none"
    if not installed.startswith(KNOWN[package]):
        raise UnknownVersion(
            f"{what}: {package} {installed} is not a version this site knows "
            f"({', '.join(KNOWN[package])}); read {FILES[package]} and "
            f"scripts/practice_site/mkdocs_adapter/compat.py, then add it to compat.KNOWN")


def server_package(server: Any) -> str:
    """``mkdocs`` or ``properdocs``: which program's live server this is (ProperDocs answers
    ``import mkdocs`` with its own modules)."""
    if type(server).__module__.split(".")[0] == "properdocs":
        return "properdocs"
    aliased = sys.modules.get("properdocs")
    return "properdocs" if aliased is not None and sys.modules.get("mkdocs") is aliased else "mkdocs"


def _server(server: Any, what: str, attributes: tuple[str, ...]) -> None:
    check(server_package(server), what)
    missing = [a for a in attributes if not hasattr(server, a)]
    if missing:
        raise UnknownVersion(f"{what}: the live server has no {', '.join(missing)}; "
                             f"read {FILES[server_package(server)]}")


def live_reload(server: Any, inject: Callable[[bytes, int], bytes]) -> Callable[[bytes | None], bytes | None]:
    """1. Pages get ``inject(page, epoch)`` instead of MkDocs' inline reload script.
    Returns a function that injects into an error page with the current epoch."""
    _server(server, "live reload script", ("_inject_js_into_html", "_visible_epoch"))
    server._inject_js_into_html = inject

    def error_page(page: bytes | None) -> bytes | None:
        return None if page is None else inject(page, server._visible_epoch)
    return error_page


def request_rebuild(server: Any) -> None:
    """2. Ask for a build as a change of a watched file would."""
    _server(server, "rebuild request", ("_rebuild_cond", "_want_rebuild"))
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def replace_observer(server: Any, observer: Any) -> None:
    """3. The server's file observer replaced before it starts; every watch made again on it."""
    _server(server, "file observer", ("observer", "_watched_paths", "_watch_refs"))
    counts = dict(server._watched_paths)
    server._watched_paths.clear()
    server._watch_refs.clear()
    server.observer = observer
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)


def search_index(config: Any) -> Any:
    """Material's search index of this build (the search plugin's ``search_index``), or None."""
    return next((p.search_index for p in config.plugins.values() if hasattr(p, "search_index")), None)


def route_search_entries(index: Any, through: Callable[[Any, Callable[[Any], None], Any], None]) -> None:
    """4. ``index.add_entry_from_context(page)`` becomes ``through(index, original, page)``:
    ``original`` appends the page's entries to ``index.entries``."""
    check("mkdocs-material", "search entries")
    if not callable(getattr(index, "add_entry_from_context", None)) or not isinstance(getattr(index, "entries", None), list):
        raise UnknownVersion(f"search entries: Material's SearchIndex has no add_entry_from_context or entries; "
                             f"read {FILES['mkdocs-material']}")
    index.add_entry_from_context = functools.partial(through, index, index.add_entry_from_context)


def patch_search_worker(source: str, data: dict | None = None) -> str:
    """5. Material's search worker with its Chinese query segmentation replaced."""
    from practice_site.search import worker
    check("mkdocs-material", "search worker")
    return worker.patch(source, data)
