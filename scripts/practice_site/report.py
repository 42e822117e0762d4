"""Split a report into parts (一、), items (一是) and sentences, each with a stable id.

A sentence id is a hash of the sentence's own text, so inserting or editing another
sentence never moves it; only editing the sentence itself does. Part and item ids use
the ordinals the report itself prints (一、 -> p1, 二是 -> p1-i2).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

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
    part: int
    """Part number (1 for 一、); 0 before the first part."""
    item: int
    """Item number within the part (1 for 一是); 0 outside any item."""


@dataclass(frozen=True)
class Item:
    id: str
    """``p2-i3`` for 三是 in part 二、."""
    number: int
    heading: str
    """The item's first sentence, verbatim (``一是疫情防控“零延误”。``)."""
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Part:
    id: str
    """``p2`` for 二、; ``p0`` for the text before the first part."""
    number: int
    heading: str
    """The part's first sentence, verbatim (``一、以……平安稳定。``); empty for p0."""
    lead: tuple[Sentence, ...]
    """Sentences of the part that come before its first item (the heading among them)."""
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ParsedReport:
    title: str
    """The first non-empty line."""
    parts: tuple[Part, ...]
    """p0 (salutation, introduction, closing lines outside parts) then p1, p2, ..."""
    sentences: tuple[Sentence, ...]
    """Every sentence in reading order, title excepted."""
    closing: tuple[Sentence, ...]
    """Lines after the last part that are not part of it (``汇报完毕……``)."""

    def sentence(self, sid: str) -> Sentence | None:
        return next((s for s in self.sentences if s.id == sid), None)


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
    parts: list[Part] = []
    for line_no, line in numbered[1:]:
        part_match = _PART.match(line)
        if not part_match:
            target = closing if parts else intro
            target.extend(Sentence(sentence_id(s, seen), s, line_no, 0, 0)
                          for s in split_sentences(line))
            continue
        number = cn_number(part_match.group(1))
        lead: list[Sentence] = []
        items: list[tuple[int, str, list[Sentence]]] = []
        for text_ in split_sentences(line):
            item_match = _ITEM.match(text_)
            if item_match:
                items.append((cn_number(item_match.group(1)), text_, []))
            item_no = items[-1][0] if items else 0
            sent = Sentence(sentence_id(text_, seen), text_, line_no, number, item_no)
            (items[-1][2] if items else lead).append(sent)
        parts.append(Part(
            f"p{number}", number, lead[0].text if lead else "", tuple(lead),
            tuple(Item(f"p{number}-i{n}", n, h, tuple(ss)) for n, h, ss in items)))
    p0 = Part("p0", 0, "", tuple(intro), ())
    all_sentences = list(intro)
    for part in parts:
        all_sentences.extend(part.lead)
        for item in part.items:
            all_sentences.extend(item.sentences)
    all_sentences.extend(closing)
    return ParsedReport(title, (p0, *parts), tuple(all_sentences), tuple(closing))
