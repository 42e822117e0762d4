"""How ``mkdocs serve`` notices a saved file: the system's change notification, not polling.

MkDocs 1.6's live server polls every watched file every 0.5 s (a quarter second of latency
on average, and a stat() of every record each time). The platform's observer (inotify on
Linux) reports a save at once. It also reports files being *opened* and *read*, and MkDocs
rebuilds on any event while our build reads every data file: a rebuild would set off the
next. So only events that change a file are asked for (on Linux the kernel filters them).

No MkDocs here: mkdocs_adapter/serve.py hands the live server over, compat.py swaps it in.
"""
from __future__ import annotations

import logging
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.hooks.practice_site")

CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
           DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
"""Events that mean a watched file changed (``FileClosedEvent`` is closed after writing);
not opened, read or closed without writing."""


QUIET = 0.05
"""Seconds without a change event before a build starts (MkDocs: 0.1)."""


def changes_only(observer_class: Any) -> Any:
    """``observer_class`` (a watchdog observer class; ``Observer`` is the platform's)
    scheduling every watch with the ``CHANGES`` filter."""

    class ChangesOnly(observer_class):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **kw):
            return super().schedule(event_handler, path, recursive=recursive,
                                    event_filter=event_filter or CHANGES, **kw)

    ChangesOnly.__name__ = f"ChangesOnly{observer_class.__name__}"
    return ChangesOnly


def change_observer(server) -> Any:
    """The platform's own observer, asking for changes only, to replace the live server's
    polling one before it starts (``compat.replace_observer``); None (polling kept) where the
    server has started, or the platform has none or refuses one (inotify's instance limit)."""
    if getattr(server.observer, "is_alive", lambda: False)():
        return None
    try:
        observer = changes_only(Observer)()
    except OSError as exc:
        log.info(f"改用轮询方式监视文件（{exc}）")
        return None
    if "Polling" in type(observer).__mro__[1].__name__:  # no native observer on this platform
        return None
    # MkDocs waits for 0.1 s without events before it builds: made for polling, which
    # reports a save's events in bursts; notified events of one save arrive within a
    # millisecond or two.
    server.build_delay = QUIET
    return observer
