"""Split a report into a tree of sections and sentences, each with a stable string id.

A sentence id is a hash of the sentence's own text, so inserting or editing another
sentence never moves it; only editing the sentence itself does. Section ids use the
ordinals the report itself prints (一、 -> p1, 二是 inside it -> p1-i2), and each section
keeps its marker as printed (``二、``, ``三是``), so a place in the report is labelled by
joining the markers on its path (``二、三是``) without re-reading headings.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_PART = re.compile(r"^([一二三四五六七八九十]+)、")
_ITEM = re.compile(r"^([一二三四五六七八九十]+)是")
# A sentence ends at 。！？ plus any closing quotes or brackets that follow.
_SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+[”’」』）》]*|$)")


def cn_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23 (ordinals as reports print them)."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


@dataclass(frozen=True)
class Sentence:
    id: str
    """Anchor id, ``s-`` + 6 hex digits of the text's SHA-1 (``-2`` on a repeat)."""
    text: str
    """The sentence exactly as in the report."""
    line: int
    """1-based line of the report file it is on."""
    section: str = ""
    """Id of the innermost section holding it; empty before the first section (the
    salutation and introduction) and after the last (closing lines)."""


@dataclass(frozen=True)
class Section:
    """A numbered (or unnumbered) heading of the report and what it holds."""

    id: str
    """``p2`` for 二、; ``p2-i3`` for 三是 inside it: the parent's id, a letter for the kind
    of marker, the ordinal. Stable as long as the report's numbering is."""
    marker: str
    """The marker as printed (``二、``, ``三是``); empty for an unnumbered heading."""
    number: int
    """The printed ordinal (三是 -> 3)."""
    heading: str
    """The heading sentence (or heading line), verbatim."""
    sentences: tuple[Sentence, ...]
    """The section's own sentences, heading first, before its first child."""
    children: tuple[Section, ...] = ()
    level: int = 1
    """Depth in the tree: 1 for a top-level section."""


@dataclass(frozen=True)
class ParsedReport:
    title: str
    """The title line."""
    intro: tuple[Sentence, ...]
    """Sentences before the first section (salutation, introduction)."""
    sections: tuple[Section, ...]
    """Top-level sections in reading order."""
    closing: tuple[Sentence, ...]
    """Lines after the last section that are not part of it (``汇报完毕……``)."""
    sentences: tuple[Sentence, ...] = field(default=())
    """Every sentence in reading order, title excepted."""

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.walk()}

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
            section_id = section_id.rpartition("-")[0]
        return tuple(reversed(out))

    def label(self, section_id: str) -> str:
        """Where a section is, as the report numbers it: ``二、三是``; ``导语`` outside any."""
        path = self.path(section_id)
        return "".join(s.marker for s in path) or (path[-1].heading[:12] if path else "导语")

    def sentence(self, sid: str) -> Sentence | None:
        return self._sentences_by_id.get(sid)

    def sentences_in(self, section_id: str) -> list[Sentence]:
        """The sentences of a section and its descendants, in reading order."""
        prefix = section_id + "-"
        return [s for s in self.sentences if s.section == section_id or s.section.startswith(prefix)]


def split_sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def sentence_id(text: str, seen: dict[str, int]) -> str:
    base = "s-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def parse_report(text: str) -> ParsedReport:
    """Parse report text (already decoded, LF line ends). Raises ValueError if empty."""
    lines = text.split("\n")
    numbered = [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    if not numbered:
        raise ValueError("the report has no text")
    title = numbered[0][1]
    seen: dict[str, int] = {}
    intro: list[Sentence] = []
    closing: list[Sentence] = []
    # part number -> [heading, own sentences, items {number: [heading, sentences]}]
    parts: list[tuple[int, list[Sentence], list[tuple[int, list[Sentence]]]]] = []
    for line_no, line in numbered[1:]:
        part_match = _PART.match(line)
        if part_match:
            parts.append((cn_number(part_match.group(1)), [], []))
        elif not (parts and _ITEM.match(line)):
            # A line outside the numbered parts (an item line continues the part above it).
            target = closing if parts else intro
            target.extend(Sentence(sentence_id(s, seen), s, line_no) for s in split_sentences(line))
            continue
        number, lead, items = parts[-1]
        for text_ in split_sentences(line):
            if item_match := _ITEM.match(text_):
                items.append((cn_number(item_match.group(1)), []))
            sid = f"p{number}-i{items[-1][0]}" if items else f"p{number}"
            (items[-1][1] if items else lead).append(Sentence(sentence_id(text_, seen), text_, line_no, sid))
    sections = []
    for number, lead, items in parts:
        children = tuple(Section(f"p{number}-i{n}", _marker(_ITEM, ss[0].text), n, ss[0].text,
                                 tuple(ss), (), 2) for n, ss in items)
        heading = lead[0].text if lead else ""
        sections.append(Section(f"p{number}", _marker(_PART, heading), number, heading, tuple(lead),
                                children, 1))
    tree = tuple(sections)
    ordered = list(intro)
    for sec in ParsedReport(title, (), tree, ()).walk():
        ordered.extend(sec.sentences)
    ordered.extend(closing)
    return ParsedReport(title, tuple(intro), tree, tuple(closing), tuple(ordered))


def _marker(pattern: re.Pattern[str], heading: str) -> str:
    m = pattern.match(heading)
    return m.group(0) if m else ""
