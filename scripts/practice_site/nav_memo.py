"""Material's navigation partials rendered once per folder of pages, not once per page.

Material renders the site navigation (``partials/nav.html``, the sidebar) and the tabs
(``partials/tabs.html``) into every page: about a third of its template time, and the same
HTML for every practice page. For a page outside the navigation (``not_in_nav``: practices,
reports, themes, collections) no navigation item is active and none is the page, so what
those partials write depends only on where the page is: links are made relative to it, and
are the same for every page of one parent folder unless they lead into the page's own
folder. Such pages get the HTML the first page of their folder got; any other page (in the
navigation, an active item, a link into its own folder) renders as usual.

The template's output is checked byte for byte against a build without the page cache (where
this is not used) by ``tests/test_page_cache.py`` and the benchmark's comparison.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

PARTIALS = ("partials/nav.html", "partials/tabs.html")


def _items(items) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or ())


def memoize(env, nav, not_in_nav: Callable[[Any], bool]) -> None:
    """Wrap the partials of this build's Jinja ``env`` (MkDocs makes one per build)."""
    if nav is None:
        return
    items = list(_items(nav.items))
    nav_urls = [item.url for item in items if getattr(item, "url", None)]

    def folder(page) -> str | None:
        """The key pages share, or None to render as usual."""
        url = getattr(page, "url", None)
        if (not url or not url.endswith("/") or not url.strip("./") or not not_in_nav(page)
                or any(item.active for item in items) or any(u.startswith(url) for u in nav_urls)):
            return None
        return url.rstrip("/").rpartition("/")[0]

    for name in PARTIALS:
        template = env.get_template(name)
        original = template.root_render_func
        store: dict[str, str] = {}

        def render(context, original=original, store=store):
            key = folder(context.get("page"))
            if key is None:
                yield from original(context)
                return
            if (html := store.get(key)) is None:
                html = store[key] = "".join(original(context))
            yield html
        template.root_render_func = render
