"""``mkdocs serve`` wired to the preview: every build ends, tabs reload, problems are shown.

MkDocs' live server holds every request after a failed rebuild ("the server will appear
stuck") and injects an inline reload script the CSP refuses. Here every build ends (a refused
one leaves the last good site whole: output/staging.py), open tabs reload either way, and each
served page names the problems of a refused build (serve/preview.py). The private parts of
the live server are reached through compat.py only.
"""
from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from practice_site.mkdocs_adapter import compat
from practice_site.serve import preview, watcher

log = logging.getLogger("mkdocs.hooks.practice_site")
COLLECT_AFTER = 0.1
"""Seconds from a build's end to the garbage collection that clears it."""


def collect_soon() -> None:
    """A full garbage collection, COLLECT_AFTER seconds from now, on a thread of its own.

    The last build's pages, files and tocs are reference cycles: Python's full collection
    (0.1–0.3 s at 1,000 practices) would otherwise fall in the middle of the next build, after
    the editor's save. It runs once the browsers have been told to reload (the live server
    does that when the build returns)."""
    collect = threading.Timer(COLLECT_AFTER, gc.collect)
    collect.daemon = True
    collect.start()


def wire(server: Any, config: Any, builder: Callable[[], None], data: Path | None,
         state: preview.BuildState) -> Any:
    """``state``: the outcome of the last build (the hook's, which its ``on_config`` updates)."""
    # The hook froze what it imported (mkdocs_hooks.py): that pays for one build. Frozen
    # objects do not count towards the threshold of Python's full collection, so with them
    # frozen one full collection fell inside every rebuild at 1,000 practices (0.13-0.17 s).
    # Under serve they are thawed, and the collection after each build is the one that runs
    # (the first one now, after the first build).
    gc.unfreeze()
    collect_soon()

    def build_and_report() -> None:
        with preview.logged_problems("mkdocs") as logged:
            try:
                builder()
            except (Exception, SystemExit) as exc:
                state.finished(exc, logged)
                log.error("仍在提供上次成功生成的网站；改正上面的问题后保存。")
            else:
                state.finished(None, logged)
            finally:
                collect_soon()

    app, not_found = server.get_app(), server.error_handler
    error_page = compat.live_reload(server, lambda page, epoch: preview.inject(page, epoch, state))

    def app_with_assets(environ, start_response):
        if found := preview.asset(environ.get("PATH_INFO", "")):
            kind, body = found
            start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body))),
                                      ("Cache-Control", "no-cache")])
            return [body]
        return app(environ, start_response)

    def watch_again(folder: Path) -> None:
        log.info(f"{folder} 又出现了：重新监视它")
        server.unwatch(str(folder))
        server.watch(str(folder))
        compat.request_rebuild(server)

    # A preview of another data folder (PRACTICE_SITE_DATA) reloads on its edits too.
    if data and data.is_dir() and not any(data.resolve() == Path(p).resolve() for p in config.watch):
        config.watch.append(str(data))
    folders = [Path(p) for p in [config.docs_dir, *config.watch] if Path(p).is_dir()]
    preview.FolderReturn(folders, watch_again).start()
    server.builder = build_and_report
    server.error_handler = lambda code: error_page(not_found(code))
    server.set_app(app_with_assets)
    # A save reaches the build at once instead of at the next poll (watcher.py).
    if observer := watcher.change_observer(server):
        compat.replace_observer(server, observer)
    return server
