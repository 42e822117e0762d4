"""Split a report into a tree of sections and sentences, each with a stable string id.

A sentence id is a hash of the sentence's own text, so inserting or editing another
sentence never moves it; only editing the sentence itself does. Section ids use the
ordinals the report itself prints, after a letter for the marker's family (一、 -> p1,
二是 inside it -> p1-i2, （三） -> s3, an unnumbered heading -> h1; layout.FAMILIES), and
each section keeps its marker as printed (``二、``, ``三是``), so a place in the report is
labelled by joining the markers on its path (``二、三是``) without re-reading headings.

Which marker nests in which is the report's own: the heading families rank by the order
the report first uses them, the list families (一是, 第一, 首先) below them all.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from practice_site.text import layout
from practice_site.text.layout import Family, cn_number

__all__ = ["Sentence", "Section", "ParsedReport", "parse_report", "split_sentences",
           "sentence_id", "cn_number", "same_title"]


@dataclass(frozen=True)
class Sentence:
    id: str
    """Anchor id, ``s-`` + 6 hex digits of the text's SHA-1 (``-2`` on a repeat)."""
    text: str
    """The sentence exactly as in the report."""
    line: int
    """1-based line of the report file it is on."""
    section: str = ""
    """Id of the innermost section holding it; empty before the first section (byline,
    salutation, introduction) and after the last (closing lines)."""


@dataclass(frozen=True)
class Section:
    """A numbered (or unnumbered) heading of the report and what it holds."""

    id: str
    """``p2`` for 二、; ``p2-i3`` for 三是 inside it: the parent's id, the letter of the
    marker's family, the ordinal (``-2`` added if a report repeats one). Stable as long as
    the report's numbering is."""
    marker: str
    """The marker as printed (``二、``, ``三是``, ``(一)``); empty for an unnumbered heading."""
    number: int
    """The printed ordinal (三是 -> 3); an unnumbered heading's place among its siblings."""
    heading: str
    """The heading sentence (or heading line), verbatim."""
    sentences: tuple[Sentence, ...]
    """The section's own sentences, heading first, before its first child."""
    children: tuple[Section, ...] = ()
    level: int = 1
    """Depth in the tree: 1 for a top-level section."""
    family: str = ""
    """Name of the marker's family (``layout.FAMILIES``; ``unnumbered``)."""


@dataclass(frozen=True)
class ParsedReport:
    title: str
    """The title line; empty when the report has none (its first line is body text)."""
    intro: tuple[Sentence, ...]
    """Sentences before the first section (salutation, introduction)."""
    sections: tuple[Section, ...]
    """Top-level sections in reading order."""
    closing: tuple[Sentence, ...]
    """Lines after the last section that are not part of it (``汇报完毕……``, a dateline)."""
    sentences: tuple[Sentence, ...] = field(default=())
    """Every sentence in reading order, title excepted."""
    byline: tuple[Sentence, ...] = ()
    """Lines under the title before the text: subtitle, byline, dateline."""

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.walk()}

    @cached_property
    def _parent(self) -> dict[str, str]:
        return {c.id: s.id for s in self.walk() for c in s.children}

    @cached_property
    def _sentences_by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    def walk(self):
        """Every section, depth first, in reading order."""
        stack = list(reversed(self.sections))
        while stack:
            s = stack.pop()
            yield s
            stack.extend(reversed(s.children))

    def section(self, section_id: str) -> Section | None:
        return self._by_id.get(section_id)

    def top(self, number: int) -> Section | None:
        """The top-level section printed with ordinal ``number`` (themes name them so)."""
        return next((s for s in self.sections if s.number == number), None)

    def path(self, section_id: str) -> tuple[Section, ...]:
        """The sections from the top level down to ``section_id`` (empty if unknown)."""
        out: list[Section] = []
        while (s := self._by_id.get(section_id)) is not None:
            out.append(s)
            section_id = self._parent.get(section_id, "")
        return tuple(reversed(out))

    def label(self, section_id: str) -> str:
        """Where a section is, as the report numbers it: ``二、三是``; an unnumbered heading
        by its words (``强基固本 守正创新 一是``); ``导语`` outside any."""
        path = self.path(section_id)
        if not path:
            return "导语"
        return "".join(s.marker or _short(s.heading) + " " for s in path).rstrip()

    def place(self, s: Sentence) -> str:
        """Where a sentence is: its section's label; ``结语`` after the last section."""
        return "结语" if not s.section and s in self._closing else self.label(s.section)

    @cached_property
    def _closing(self) -> frozenset[Sentence]:
        return frozenset(self.closing)

    def sentence(self, sid: str) -> Sentence | None:
        return self._sentences_by_id.get(sid)

    def sentences_in(self, section_id: str) -> list[Sentence]:
        """The sentences of a section and its descendants, in reading order."""
        top = self._by_id.get(section_id)
        if top is None:
            return []
        ids = {top.id}
        stack = list(top.children)
        while stack:
            s = stack.pop()
            ids.add(s.id)
            stack.extend(s.children)
        return [s for s in self.sentences if s.section in ids]


def _short(heading: str, n: int = 16) -> str:
    return heading if len(heading) <= n else heading[:n] + "…"


def split_sentences(text: str) -> list[str]:
    """A line cut after each sentence end (layout.SENTENCE_END); pieces are verbatim."""
    out, start = [], 0
    for m in layout.SENTENCE_END.finditer(text):
        out.append(text[start:m.end()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


def sentence_id(text: str, seen: dict[str, int]) -> str:
    base = "s-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def same_title(a: str, b: str) -> bool:
    """Titles compared as a reader would: spaces (half- or full-width) do not count."""
    return "".join(a.split()) == "".join(b.split()) != ""


TITLE_SEARCH = 6
"""Lines at the top where a title given in the metadata is looked for (a web copy puts its
index number, source and date above the title)."""


def parse_report(text: str, title: str | None = None) -> ParsedReport:
    """Parse report text (already decoded, LF line ends). ``title``, the metadata's: where it
    stands alone on one of the first lines, that line is the title and the lines above it
    the masthead. Raises ValueError if empty."""
    lines = [(i + 1, ln.strip()) for i, ln in enumerate(text.split("\n")) if ln.strip()]
    if not lines:
        raise ValueError("报告没有正文")
    return _TreeBuilder(_unwrap(lines), title).build()


def _unwrap(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join the lines of a hard-wrapped copy (from a PDF: most lines cut at one width, mid
    sentence) back into paragraphs, numbered by their first line; otherwise every cut line
    would read as a short unpunctuated line, a heading. Lines of other lengths stay as they are."""
    widths = Counter(len(t) for _, t in lines if len(t) >= 10).most_common(1)
    width, count = widths[0] if widths else (0, 0)
    if count < max(5, len(lines) // 3):
        return lines
    out: list[tuple[int, str]] = []
    open_ = False
    for n, t in lines:
        if open_ and layout.marker(t, line_start=True) is None and not layout.is_meta(t):
            out[-1] = (out[-1][0], out[-1][1] + t)
        else:
            out.append((n, t))
        # A full line not ending a sentence or a clause runs on into the next one.
        open_ = len(t) >= width - 1 and not layout.ENDS_PARAGRAPH.search(t)
    return out


@dataclass
class _Open:
    """A section being filled."""

    family: Family
    rank: tuple[int, int]
    id: str
    marker: str
    number: int
    sentences: list[Sentence]
    children: list[_Open] = field(default_factory=list)

    def freeze(self, level: int) -> Section:
        return Section(self.id, self.marker, self.number, self.sentences[0].text,
                       tuple(self.sentences), tuple(c.freeze(level + 1) for c in self.children),
                       level, self.family.name)


class _TreeBuilder:
    def __init__(self, lines: list[tuple[int, str]], title: str | None = None):
        self.lines = lines
        self.given_title = title
        self.seen: dict[str, int] = {}
        self.ranks: dict[str, tuple[int, int]] = {}
        self.ids: set[str] = set()
        self.top: list[_Open] = []
        self.stack: list[_Open] = []

    def build(self) -> ParsedReport:
        texts = [t for _, t in self.lines]
        given = [i for i, t in enumerate(texts[:TITLE_SEARCH]) if same_title(t, self.given_title or "")]
        title, start = (texts[0], 1) if layout.is_title(texts[0]) or given[:1] == [0] else ("", 0)
        masthead = 0
        # The metadata's title lower down, below a web copy's masthead (not below text).
        if given and given[0] > 0 and not any(layout.SENTENCE_MARK.search(t) for t in texts[:given[0]]):
            masthead = given[0]
            title, start = texts[masthead], masthead + 1
        head = start
        # Byline zone: bylines and datelines under the title, and a speaker's line right
        # before the salutation (市公安局局长 **).
        while head < len(texts) and (layout.is_meta(texts[head]) or (
                layout.is_signature(texts[head]) and head + 1 < len(texts)
                and layout.is_salutation(texts[head + 1]))):
            head += 1
        # A title on two lines: an unmarked short line right under it, in a report whose
        # headings are numbered (一、, （一）, 1.), is the title's second line, not a heading
        # above them all.
        if title and head == start < len(texts) - 1 and layout.is_plain_heading(texts[head]) and any(
                (m := layout.marker(t, line_start=True)) and not m[0].inner for t in texts[head + 1:]):
            head += 1
        end = len(texts)
        while end > head and self._closing_line(texts[end - 1]):
            end -= 1
        byline = [self._sentence(s, n) for n, t in self.lines[:masthead] + self.lines[start:head]
                  for s in split_sentences(t)]
        intro: list[Sentence] = []
        units = self._units(head, end)
        for line_no, piece, opens in units:
            if opens is not None:
                self._push(*opens)
            s = self._sentence(piece, line_no, self.stack[-1].id if self.stack else "")
            (self.stack[-1].sentences if self.stack else intro).append(s)
        closing = [self._sentence(s, n) for n, t in self.lines[end:] for s in split_sentences(t)]
        sections = tuple(o.freeze(1) for o in self.top)
        ordered = list(byline) + intro
        for sec in ParsedReport(title, (), sections, ()).walk():
            ordered.extend(sec.sentences)
        ordered.extend(closing)
        return ParsedReport(title, tuple(intro), sections, tuple(closing), tuple(ordered), tuple(byline))

    def _units(self, head: int, end: int) -> list[tuple[int, str, tuple[Family, str, int] | None]]:
        """The body's sentences, each with the section it opens (family, marker, ordinal).

        A list marker opens a section inside a section or at a line's start; 第一 and 首先
        only with a second marker of their family before the next heading line."""
        units: list[tuple[int, str, tuple[Family, str, int] | None]] = []
        scope = 0
        paired: dict[tuple[int, str], list[int]] = {}
        inside = False
        for k in range(head, end):
            line_no, line = self.lines[k]
            for i, piece in enumerate(split_sentences(line)):
                opens = None
                if found := layout.marker(piece, line_start=i == 0):
                    fam = found[0]
                    if not fam.inner:
                        scope += 1
                    if not fam.inner or inside or i == 0:
                        opens = found
                        if fam.paired:
                            paired.setdefault((scope, fam.name), []).append(len(units))
                elif i == 0 and layout.is_plain_heading(line) and k + 1 < end:
                    scope += 1
                    opens = (layout.UNNUMBERED, "", 0)
                inside = inside or opens is not None
                units.append((line_no, piece, opens))
        for group in paired.values():
            if len(group) < 2 or units[group[0]][2][2] != 1:  # type: ignore[index]
                for u in group:
                    units[u] = (units[u][0], units[u][1], None)
        return units

    @staticmethod
    def _closing_line(line: str) -> bool:
        return layout.marker(line, line_start=True) is None and (
            layout.is_closing(line) or layout.is_meta(line) or layout.is_signature(line))

    def _sentence(self, text: str, line: int, section: str = "") -> Sentence:
        return Sentence(sentence_id(text, self.seen), text, line, section)

    def _rank(self, fam: Family) -> tuple[int, int]:
        """Heading families by first use, list families below them all by first use."""
        if fam.name not in self.ranks:
            inner = int(fam.inner)
            self.ranks[fam.name] = (inner, sum(r[0] == inner for r in self.ranks.values()))
        return self.ranks[fam.name]

    def _push(self, fam: Family, marker: str, number: int) -> None:
        rank = self._rank(fam)
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        siblings = self.stack[-1].children if self.stack else self.top
        same = [c for c in siblings if c.family is fam]
        if fam is layout.UNNUMBERED:
            number = len(same) + 1
        elif number == 0 and fam.name == "sequence":  # 最后: the one after the last
            number = (same[-1].number if same else 0) + 1
        base = f"{self.stack[-1].id}-" if self.stack else ""
        sid = base + f"{fam.letter}{number}"
        k = 1
        while sid in self.ids:  # a report that numbers twice (二、 … 二、)
            k += 1
            sid = base + f"{fam.letter}{number}-{k}"
        self.ids.add(sid)
        opened = _Open(fam, rank, sid, marker, number, [])
        siblings.append(opened)
        self.stack.append(opened)
