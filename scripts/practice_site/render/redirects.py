"""Old URLs that keep working: a page for every former id of a practice (``former_ids``).

Each is a small HTML page at the old address that sends the reader on to the new one,
section anchor included (``practices/old/#outcomes`` -> ``practices/new/#outcomes``). The
site's Content-Security-Policy runs no inline script, so the anchor is carried by a
same-origin script file (docs/assets/javascripts/redirect.js), and a meta refresh and a
plain link cover a browser without script (anchor lost, page found).
"""
from __future__ import annotations

import html

from practice_site.corpus.model import Corpus

REDIRECT_JS = "assets/javascripts/redirect.js"
# The CSP of overrides/main.html, minus what a redirect page never loads.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'")


def _page(target: str, script: str, name: str) -> str:
    t, s, n = html.escape(target), html.escape(script), html.escape(name)
    return (f'<!doctype html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<title>页面已移至：{n}</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{t}">\n'
            f'<script src="{s}" data-target="{t}"></script>\n'
            f'<meta http-equiv="refresh" content="0; url={t}">\n</head>\n'
            f'<body>\n<p>本页已移至 <a href="{t}">{n}</a>。</p>\n</body>\n</html>\n')


def redirect_pages(corpus: Corpus, directory_urls: bool = True) -> dict[str, str]:
    """{site path of the old page: HTML}, for every former id of every practice."""
    out = {}
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        for old in p.former_ids:
            if directory_urls:  # practices/old/index.html, served as practices/old/
                path, target, script = f"practices/{old}/index.html", f"../{p.id}/", f"../../{REDIRECT_JS}"
            else:  # the offline edition: practices/old.html
                path, target, script = f"practices/{old}.html", f"{p.id}.html", f"../{REDIRECT_JS}"
            out[path] = _page(target, script, p.name)
    return out
