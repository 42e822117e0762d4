"""Markdown building blocks shared by every page renderer. All data text goes through
``escape.md_text`` here or in the caller; links are made relative to the page."""
from __future__ import annotations

import html
import ipaddress
from urllib.parse import urlsplit

import yaml

from practice_site.render.escape import html_attr, md_text

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

__all__ = ["md_text", "html_attr", "link", "href", "front_matter", "uris", "public_site_url",
           "public_address"]


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
    """The site's URL scheme, in one place (source paths, as MkDocs sees them)."""

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


def href(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A link target from the page ``from_uri`` to ``to_uri`` (both source paths)."""
    if to_uri == from_uri:
        target = ""
    else:
        # posixpath.relpath for these clean relative paths, without its getcwd() per call
        # (a fifth of our render time at 1,000 practices).
        src, dst = from_uri.split("/")[:-1], to_uri.split("/")
        i = 0
        while i < len(src) and i < len(dst) - 1 and src[i] == dst[i]:
            i += 1
        target = "/".join([".."] * (len(src) - i) + dst[i:])
    return f"{target}#{anchor}" if anchor else target


def link(from_uri: str, to_uri: str, text: str, anchor: str = "", title: str = "") -> str:
    """``[text](target "title")`` with the text escaped."""
    t = f' "{html_attr(title)}"' if title else ""
    return f"[{md_text(text)}]({href(from_uri, to_uri, anchor)}{t})"


def front_matter(**meta: object) -> str:
    # Material prints page.meta.title and .description into the HTML unescaped (<title>,
    # header, <meta content="…">): escape them here, as md_text does for the body.
    meta = {k: html.escape(v) if k in ("title", "description") and isinstance(v, str) else v
            for k, v in meta.items()}
    # The C dumper: same output, a tenth of the time (one front matter per page).
    body = yaml.dump({k: v for k, v in meta.items() if v is not None}, Dumper=_DUMPER,
                     allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{body}---\n\n"
