"""Reuse a page's themed HTML when nothing the theme's templates read has changed.

After conversion and search, the largest per-page cost is Jinja: Material writes the whole
header, tabs and navigation into every page (about 3 ms a page). The output of the page
template is a function of the page (URL, title, meta, HTML, table of contents, neighbours
and ancestors), the navigation (every item's title and URL), the configuration (with each
plugin's options), the template files and the versions of MkDocs, Material and Jinja: a
digest of those keys the stored output in the ``PageCache``.

On a hit the page is given a one-line template that prints the stored output (MkDocs picks
a page's template by ``page.meta["template"]``), so MkDocs still runs every event for it
and writes it; on a miss the template's output is stored before any ``on_post_page``
handler sees it. Duck-typed over MkDocs objects: the hook wires it in.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from practice_site.mkdocs_adapter.cache_entries import PageCache, digest, stable_repr, versions
from practice_site.mkdocs_adapter.cache_pages import toc_data

KIND = "output"
TEMPLATE = "practice-site-stored-output.html"
"""Name of the template that prints a stored output (the hook registers it with Jinja)."""
SOURCE = "{{ page.practice_site_output }}"
UNUSED_CONFIG = {"site_dir", "config_file_path", "plugins", "hooks"}
"""Settings no template reads (a build into another folder reuses the same pages); plugins
count by their options (the objects hold build state)."""


def nav_data(items) -> list:
    """The navigation as the templates see it: titles, URLs, kinds, children."""
    return [[str(i.title), getattr(i, "url", None), type(i).__name__, nav_data(getattr(i, "children", None) or [])]
            for i in items]


def templates_fingerprint(dirs: list[str]) -> str:
    """Every template and partial by path, size and modification time. Hidden folders are
    left out: Material's ``.icons`` holds 14,000 SVG files (1 s to list) that change only
    with its version, which is part of the key."""
    entries = []
    for folder in dirs:
        for base, subdirs, names in os.walk(folder):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for name in names:
                path = Path(base, name)
                st = path.stat()
                entries.append(f"{path}\t{st.st_size}\t{st.st_mtime_ns}")
    return digest(*sorted(entries))


class OutputCache:
    """Stored template output of one build's pages."""

    def __init__(self, cache: PageCache, config, nav):
        self.cache = cache
        self.salt = digest(
            versions("mkdocs", "mkdocs-material", "Jinja2"), templates_fingerprint(list(config.theme.dirs)),
            stable_repr({k: v for k, v in config.items() if k not in UNUSED_CONFIG}),
            {name: getattr(p, "config", None) for name, p in config.plugins.items()}, nav_data(nav.items))
        self.pending: dict[str, str] = {}
        """Source path -> key of each page whose output is to be stored once rendered."""

    def key(self, page) -> str:
        neighbours = [(p.url, str(p.title)) if p else None for p in (page.previous_page, page.next_page)]
        return digest(self.salt, page.file.src_uri, page.url, str(page.canonical_url), str(page.edit_url),
                      str(page.title), page.is_homepage, [str(a.title) for a in page.ancestors], neighbours,
                      json.dumps(page.meta, sort_keys=True, default=str, ensure_ascii=False),
                      toc_data(page.toc), page.content)

    def use(self, pages) -> None:
        """Before the pages are themed: a page with a stored output gets the template that
        prints it; the others are noted, to be stored by ``store``."""
        for page in pages:
            key = self.key(page)
            if (hit := self.cache.get(KIND, page.file.src_uri, key)) is not None:
                page.practice_site_output = hit
                page.meta["template"] = TEMPLATE
            else:
                self.pending[page.file.src_uri] = key

    def store(self, page, output: str) -> None:
        if key := self.pending.pop(page.file.src_uri, None):
            self.cache.put(KIND, page.file.src_uri, key, output)
        self.cache.done(page.file.src_uri)  # its last kind of work: written now, not held
