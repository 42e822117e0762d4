"""What ``mkdocs serve`` adds to the pages it serves, and only there.

- Live reload as a same-origin script file: the site's Content-Security-Policy
  (``script-src 'self'``, overrides/main.html) refuses the inline script MkDocs injects,
  and the published site keeps that policy unchanged.
- A banner on every page naming each problem of the last refused build
  (``file:line: field: message``), gone with the next good build. A refused build still
  reloads the open tabs, so the editor sees the banner without pressing F5.

No MkDocs here: the hook hands the live server's pieces to these functions.
"""
from __future__ import annotations

import html
import logging
import re
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "/__practice_site__/"
"""URL path of the preview's own files; outside the site, so no page can collide with it."""
_ASSETS = {"livereload.js": "application/javascript; charset=utf-8",
           "preview.css": "text/css; charset=utf-8"}
_ASSET_DIR = Path(__file__).resolve().parent / "preview_assets"
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


class BuildState:
    """The outcome of the last build under ``serve``, read by every request thread."""

    def __init__(self) -> None:
        self.problems: tuple[str, ...] = ()
        """Lines of the last refused build; empty after a good one."""
        self.site_kept = True
        """Whether the pages served are a last good site (not so when serve started broken)."""
        self._data_problems: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def started_broken(self, lines: list[str]) -> None:
        """The first build found these problems: there is no last good site to show."""
        self.problems, self.site_kept = tuple(lines), False

    def data_problems(self, lines: list[str]) -> None:
        """The loader refused the data: these lines say why (kept for :meth:`finished`)."""
        with self._lock:
            self._data_problems = tuple(lines)

    def finished(self, error: BaseException | None, logged: list[str]) -> None:
        """A build ended: good (``error`` None) or refused, with what it logged."""
        with self._lock:
            if error is None:
                self.problems, self.site_kept = (), True
            else:
                self.problems = self._data_problems or (*logged, describe(error))
            self._data_problems = ()


def describe(error: BaseException) -> str:
    """One line for a build that stopped for another reason than the data (a bug, a disk):
    what happened in Chinese, then the words of MkDocs or Python as they were (an editor
    passes them on; a developer searches for them)."""
    text = str(error).strip() or type(error).__name__
    if isinstance(error, SystemExit):  # MkDocs' Abort: the lines logged above it say why
        return f"MkDocs 中止了生成（{text}）；原因见上面几行"
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""
    return f"生成中断，程序出错（请把这一行告诉开发人员）：{where}{type(error).__name__}: {text}"


@contextmanager
def logged_problems(logger: str) -> Iterator[list[str]]:
    """Collect the warnings and errors ``logger`` and its children log meanwhile."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logging.getLogger(logger).addHandler(handler)
    try:
        yield lines
    finally:
        logging.getLogger(logger).removeHandler(handler)


def inject(page: bytes, epoch: int, state: BuildState) -> bytes:
    """``page`` as served: the reload script, and the banner while there are problems."""
    problems = state.problems
    script = f'<script src="{PREFIX}livereload.js" data-epoch="{int(epoch)}"></script>'.encode()
    end = page.rfind(b"</body>")
    page = page + script if end < 0 else page[:end] + script + page[end:]
    if not problems:
        return page
    link = f'<link rel="stylesheet" href="{PREFIX}preview.css">'.encode()
    head = page.find(b"</head>")
    if head >= 0:
        page = page[:head] + link + page[head:]
    banner = banner_html(problems, state.site_kept).encode()
    body = _BODY.search(page)
    at = body.end() if body else 0
    return page[:at] + banner + page[at:]


def banner_html(problems: tuple[str, ...], site_kept: bool = True) -> str:
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    shown = "页面仍是上次成功生成的版本。" if site_kept else "尚无成功生成的页面。"
    return ('<div class="ps-preview-problems" role="alert">'
            f"<h2>有 {len(problems)} 个问题，未能生成新页面</h2>"
            f"<ul>{items}</ul>"
            f"<p>{shown}改正后保存，本页会自动刷新。</p></div>")


class FolderReturn(threading.Thread):
    """Calls ``back(folder)`` when a watched folder that had gone (moved away, deleted and
    restored) is there again. The live server's file watcher stops for good when its
    folder disappears: without this, edits after the return were never seen."""

    def __init__(self, folders: list[Path], back, interval: float = 0.5) -> None:
        super().__init__(daemon=True, name="practice-site-folder-return")
        self.folders, self.back, self.interval = folders, back, interval
        self.stopped = threading.Event()

    def run(self) -> None:
        present = {f: f.is_dir() for f in self.folders}
        while not self.stopped.wait(self.interval):
            for folder in self.folders:
                now = folder.is_dir()
                if now and not present[folder]:
                    self.back(folder)
                present[folder] = now


def asset(path: str) -> tuple[str, bytes] | None:
    """(content type, bytes) of a preview file asked for by URL path, else None."""
    if not path.startswith(PREFIX) or path[len(PREFIX):] not in _ASSETS:
        return None
    name = path[len(PREFIX):]
    return _ASSETS[name], (_ASSET_DIR / name).read_bytes()
