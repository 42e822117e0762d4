"""Auto-links and glossary tooltips in data text (records and reports).

Works on raw text only, never on Markdown already built: so it can never reach into a
heading, an existing link or code, because callers pass it none of those. The text is cut
at each mention and every raw segment is HTML-escaped exactly once; the result is ``Markup``.

Practice names are found first (the linker's trie, longest name wins: 警网智治 over 警网),
then glossary terms in the gaps between them, so a term never hides a practice mention;
a mention that is itself a term gets both the link and the tooltip. Both passes are linear
in the text whatever the number of names.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from practice_site.corpus.model import Corpus, Term
from practice_site.link.graph import Links, NameMatcher
from practice_site.render.urls import built_url, uris

_SPACE = re.compile(r"\s+")


def tooltip(term: Term) -> str:
    """What a reader sees on hover; a general-knowledge meaning is marked as such."""
    if term.source == "general":
        return f"{term.term}：{term.meaning}（编者释义，一般常识，非报告原文）"
    return f"{term.term}：{term.meaning}（报告原文释义）"


class Annotator:
    """Built once per corpus; ``page()`` gives the per-page state."""

    def __init__(self, corpus: Corpus, links: Links, glossary_uri: str | None = None,
                 directory_urls: bool = True):
        """``glossary_uri``: the glossary page, when it exists with an anchor per term id;
        a term's tooltip then also links there. ``directory_urls``: MkDocs' setting (links
        are written as built URLs)."""
        self.corpus = corpus
        self.directory_urls = directory_urls
        self.practices = links.matcher
        names = {n: t.id for t in sorted(corpus.glossary.values(), key=lambda t: t.id)
                 for n in (t.term, *t.aliases)}
        self.term_of = names
        self.terms = NameMatcher(names)
        self.glossary_uri = glossary_uri

    def page(self, me: str, self_id: str | None = None, *, every: bool = False) -> PageText:
        """State for one page ``me``; ``self_id`` is never linked; ``every`` links each
        mention of a practice (the annotated report) instead of only the first."""
        return PageText(self, me, self_id, every)


class PageText:
    """Annotates the data texts of one page in reading order: the first mention of each
    other practice is linked, the first mention of each term gets its tooltip."""

    def __init__(self, annotator: Annotator, me: str, self_id: str | None, every: bool):
        self.a, self.me, self.self_id, self.every = annotator, me, self_id, every
        self.linked: list[str] = []
        """Practice ids linked so far, in order."""
        self.explained: list[str] = []
        """Term ids given a tooltip so far (reset per section by the caller if wanted)."""

    def new_section(self) -> None:
        """Terms get their tooltip again from here (a reader may land on a section)."""
        self.explained.clear()

    def href(self, to: str, anchor: str = "") -> str:
        url = built_url(self.me, to, self.a.directory_urls)
        return f"{url}#{anchor}" if anchor else url

    def __call__(self, text: str, links_only: bool = False) -> Markup:
        """``text`` escaped, with its mentions linked and terms explained; ``links_only``
        (a heading): practice names linked, no tooltip."""
        text = _SPACE.sub(" ", text).strip()
        out, pos = [], 0
        for start, end, pid in self.a.practices.find(text):
            out.append(str(escape(text[pos:start])) if links_only else self._terms(text[pos:start]))
            out.append(self._mention(text[start:end], pid, None if links_only else self.a.term_of.get(text[start:end])))
            pos = end
        out.append(str(escape(text[pos:])) if links_only else self._terms(text[pos:]))
        return Markup("".join(out))

    def _terms(self, segment: str) -> str:
        out: list[str] = []
        pos = 0
        for start, end, tid in self.a.terms.find(segment):
            out.append(str(escape(segment[pos:start])))
            out.append(self._mention(segment[start:end], None, tid))
            pos = end
        out.append(str(escape(segment[pos:])))
        return "".join(out)

    def _mention(self, name: str, pid: str | None, tid: str | None) -> str:
        out, term = str(escape(name)), None
        if tid and tid not in self.explained:
            self.explained.append(tid)
            term = self.a.corpus.glossary[tid]
        if self._links(pid):
            assert pid is not None
            if pid not in self.linked:
                self.linked.append(pid)
            p = self.a.corpus.practices[pid]
            # The term's tooltip only: two nested titles show two tooltips.
            tip = "" if term else f' title="{escape(_SPACE.sub(" ", p.summary).strip())}"'
            out = f'<a href="{self.href(uris.practice(pid))}"{tip}>{out}</a>'
        elif term and self.a.glossary_uri:
            out = f'<a href="{self.href(self.a.glossary_uri, term.id)}">{out}</a>'

        if term:
            # The <abbr> goes around the link: Material shows a title's tooltip while the
            # focus is inside its element, so reaching the link with Tab shows it too.
            out = f'<abbr class="ps-term" title="{escape(_SPACE.sub(" ", tooltip(term)).strip())}">{out}</abbr>'
        return out

    def _links(self, pid: str | None) -> bool:
        return bool(pid) and pid != self.self_id and (self.every or pid not in self.linked)
