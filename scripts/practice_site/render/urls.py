"""The site's URL scheme, in one place, and relative URLs between built pages."""
from __future__ import annotations

import functools
import ipaddress
import posixpath
from urllib.parse import urlsplit


def public_site_url(site_url: str) -> str:
    """The site's public address (mkdocs.yml ``site_url``) with one trailing slash, as printed
    pages give it; empty when none is configured or when it is a local address (``mkdocs
    serve`` sets http://127.0.0.1:8000/): paper must never send a reader to someone's machine."""
    try:
        host = urlsplit(site_url.strip()).hostname or ""
    except ValueError:
        return ""
    if not host or host == "localhost" or host.endswith(".localhost"):
        return ""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return site_url.strip().rstrip("/") + "/"
    return "" if ip.is_loopback or ip.is_unspecified or ip.is_link_local else site_url.strip().rstrip("/") + "/"


def public_address(site_url: str, path: str) -> str:
    """``path`` (``practices/zu-anxin/``) under the public address, or alone when there is none."""
    return public_site_url(site_url) + path


class uris:
    """Source paths of the generated pages, as MkDocs sees them."""

    home = "index.md"
    practices = "practices/index.md"
    themes = "themes/index.md"
    tags = "tags.md"
    reports = "reports/index.md"
    about = "about.md"
    glossary = "glossary.md"
    honours = "honours.md"
    campaigns = "campaigns.md"
    map = "map.md"
    browse = "browse/index.md"
    """Practices by issuing unit and year."""
    collections = "collections/index.md"
    drafts = "drafts/index.md"
    """Only while drafts are shown (not a practice id: ids cannot hold a slash)."""

    @staticmethod
    def practice(pid: str) -> str:
        return f"practices/{pid}.md"

    @staticmethod
    def theme(tid: str) -> str:
        return f"themes/{tid}.md"

    @staticmethod
    def collection(cid: str) -> str:
        return f"collections/{cid}.md"

    @staticmethod
    def report(rid: str) -> str:
        return f"reports/{rid}.md"

    @staticmethod
    def report_practices(rid: str) -> str:
        """The practices one report names, by its sections."""
        return f"browse/{rid}.md"


@functools.lru_cache(maxsize=1 << 16)  # pages of one folder link the same few hundred pages
def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page at source path ``uri`` (relative to the site root):
    ``a/b.md`` -> ``a/b/`` with directory URLs, ``a/b.html`` without (offline edition)."""
    stem = uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return stem + "/" if stem else ""


@functools.lru_cache(maxsize=1 << 18)
def built_url(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """Relative URL of ``to_uri``'s built page from ``from_uri``'s (``posixpath.relpath``'s
    answer, without its ``getcwd()`` per call)."""
    here = page_url(from_uri, directory_urls).split("/")[:-1]  # the folder the page is in
    to = page_url(to_uri, directory_urls).split("/")
    i = 0
    while i < len(here) and i < len(to) - 1 and here[i] == to[i]:
        i += 1
    rel = "/".join([".."] * (len(here) - i) + to[i:])
    return rel or "./"
