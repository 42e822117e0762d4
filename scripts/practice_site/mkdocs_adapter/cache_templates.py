"""Parts of Material's page template rendered once per build or per folder, not once per page.

Material renders its whole header, navigation and tabs into every page. Three parts of that do
not depend on the page, or only on where it is, and are done once here (only when the page
cache is on, so a build without it is the reference the tests compare with byte for byte:
``tests/test_page_cache.py``, the benchmark's comparison):

- the sidebar navigation (``partials/nav.html``) and tabs (``partials/tabs.html``), about a
  third of the template's time: for a page outside the navigation (``not_in_nav``: practices,
  reports, themes, collections) no item is active and none is the page, so what they write
  depends only on where the page is: links are made relative to it, and are the same for every
  page of one parent folder unless they lead into the page's own folder. Such pages get the
  HTML the first page of their folder got; any other page (in the navigation, an active item,
  a link into its own folder) renders as usual;
- the search form (``partials/search.html``): the theme's icons, options and words only;
- the interface words (``lang.t(key)`` of ``partials/language.html``, 23 calls a page): each
  call of Material's macro builds its table of a hundred words to look one up.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

NAVIGATION = ("partials/nav.html", "partials/tabs.html")
CONSTANT = ("partials/search.html",)
"""Partials whose output is the same on every page (nothing of the page or its place in them)."""
LANGUAGE = "partials/language.html"


def _items(items) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or ())


def navigation(env, nav, not_in_nav: Callable[[Any], bool]) -> None:
    """Wrap the navigation partials of this build's Jinja ``env`` (MkDocs makes one per build)."""
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

    for name in NAVIGATION:
        _memoize(env, name, lambda context: folder(context.get("page")))


def constant_partials(env) -> None:
    """The partials of ``CONSTANT`` rendered once per build."""
    for name in CONSTANT:
        _memoize(env, name, lambda context: "")


def _memoize(env, name: str, key: Callable[[Any], str | None]) -> None:
    """Template ``name`` of ``env`` renders once per ``key(context)``; as usual where that is None."""
    template = env.get_template(name)
    original = template.root_render_func
    store: dict[str, str] = {}

    def render(context):
        shared = key(context)
        if shared is None:
            yield from original(context)
            return
        if (html := store.get(shared)) is None:
            html = store[shared] = "".join(original(context))
        yield html
    template.root_render_func = render


def translations(env) -> None:
    """``lang.t(key)`` looked up once per key and build. base.html imports the language
    partial with context, that is once per page: each time the module is made, its macro ``t``
    (a function of ``key`` alone: it looks in two imported word tables) is wrapped by one memo."""
    template = env.get_template(LANGUAGE)
    original = template.root_render_func
    words: dict[Any, Any] = {}

    def render(context):
        yield from original(context)
        macro = context.vars.get("t")
        if macro is None or "t" not in context.exported_vars:
            return

        def t(key, *rest, macro=macro):
            if rest or not isinstance(key, str):
                return macro(key, *rest)
            if (word := words.get(key)) is None:
                word = words[key] = macro(key)
            return word
        context.vars["t"] = t
    template.root_render_func = render
