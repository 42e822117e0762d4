"""Best guesses for a draft record: its theme, tags and readable id. An editor reviews each
draft, so a guess only has to be a good start; it must always be valid (check passes).

- Theme: by the headings above the sentence, top-down; the first heading that names a
  subject decides (第一部分 2023年主要工作 names none: its points 1.治安防控 are asked). A
  heading naming an existing theme (队伍建设情况 names 队伍建设) or sharing enough words with
  one goes to it, else the theme the section's whole text matches clearly best (by its name
  and description); otherwise a new theme is proposed (written to themes.yml and printed by
  add-report for the editor to review).
- Tags: the tags whose name occurs in the sentence or its part heading, else the tag whose
  description shares the most two-character words with them.
- Id: pinyin of the name's characters, two syllables a word, at most four words, made
  unique with -2, -3.
"""
from __future__ import annotations

import re
from typing import Any

from pypinyin import lazy_pinyin

from practice_site.corpus.model import Corpus
from practice_site.drafting.grammar import strip_lead
from practice_site.text.report import ParsedReport, Section, Sentence
from practice_site.text.slug import MAX_ID, id_problem
from practice_site.text.terms import unquoted

MIN_THEME_OVERLAP = 4
"""Shared two-character words between a part heading and a theme to file the part there."""
MIN_TEXT_OVERLAP = 8
TEXT_MARGIN = 2
"""A section whose heading matches no theme goes to the theme its whole text matches best,
by this many shared two-character words and this margin over the next theme."""
MIN_HEADING = 2
"""A heading with fewer characters than this left after ``GENERIC_HEADING`` names no subject."""
GENERIC_HEADING = re.compile(
    r"^([（(]?[一二三四五六七八九十0-9]+[)）、.．]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(部分|章|篇)?[，,、]?)"
    r"|(19|20)[0-9]{2}年度?|上半年|全年|主要|工作|情况|开展|有关|方面|总结|报告|基本|取得的?|成效|亮点|做法|举措"
    r"|[\s：:，,。；;“”]")
"""Words of a part heading that say nothing about its subject (第一部分 2023年主要工作,
队伍建设情况 -> 队伍建设)."""
MAX_TAGS = 2
_HAN = re.compile(r"[\u3400-\u9fff]")


def bigrams(text: str) -> set[str]:
    han = "".join(_HAN.findall(text))
    return {han[i:i + 2] for i in range(len(han) - 1)}


def slug_words(name: str, words: int = 4) -> str:
    """拼音 of the name, a word per jieba word, ASCII runs kept: 警银联动反诈 -> jingyin-liandong-fanzha; 租安心 -> zu-anxin."""
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    parts: list[str] = []
    for token in jieba.lcut(unquoted(name)):
        if _HAN.match(token):
            parts.append("".join(re.sub(r"[^a-z]", "", s.lower()) for s in lazy_pinyin(token)))
        else:
            parts.extend(w.lower() for w in re.findall(r"[A-Za-z0-9]+", token))
    slug = "-".join(p for p in parts[:words] if p)
    return slug[:MAX_ID - 4].strip("-") or "draft"


def unique_id(name: str, taken: set[str]) -> str:
    base = slug_words(name)
    pid, n = base, 1
    while pid in taken or id_problem(pid):
        n += 1
        pid = f"{base}-{n}"
    return pid


def editorial(text: str) -> str:
    """Report text made fit for an editorial field: no control characters, no ``<`` that could
    read as markup (the loader refuses both), one line."""
    return re.sub(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", "", text).replace("<", "＜").strip()


def short_heading(heading: str) -> str:
    """A theme name from a part heading: the words before a colon (一是建立联勤机制：…), else
    its last clause, without lead words, at most 12 characters (以党的二十大安保为主线，
    坚决维护社会大局平安稳定。-> 坚决维护社会大局平安稳定)."""
    text = re.sub(r"^([（(]?[一二三四五六七八九十0-9]+[)）、.．]|[一二三四五六七八九十]+是)", "", heading)
    text = re.split(r"[：:]", text)[0]
    clauses = [c for c in re.split(r"[，。；！？,;!?\s]+", text) if c]
    last = clauses[-1] if clauses else text
    last = last[strip_lead(last, 0, len(last)):]
    return last[:12] or heading[:12]


def heading_core(heading: str) -> str:
    """What a heading is about, without its marker and generic words (``heading_core('队伍建设情况')``
    is 队伍建设; of 第一部分 2023年主要工作 nothing is left)."""
    return GENERIC_HEADING.sub("", heading)


class ThemeGuesser:
    def __init__(self, corpus: Corpus, rid: str):
        self.corpus, self.rid = corpus, rid
        self.parsed: ParsedReport = corpus.reports[rid].parsed
        self.new: dict[str, dict[str, Any]] = {}
        self._by_section: dict[str, str] = {}
        self.used: set[str] = set()
        self._headings: dict[str, str] = {}

    def _all(self) -> dict[str, tuple[str, str]]:
        """Theme id -> (name, text to match): a new theme is matched by its heading, not by
        its description (which names the report, as every new theme of it does)."""
        out = {t.id: (t.name, t.description) for t in self.corpus.themes.values()}
        out.update({tid: (t["name"], self._headings[tid]) for tid, t in self.new.items()})
        return out

    def _best(self, text: str) -> tuple[str, int]:
        words = bigrams(text)
        scored = [(len(words & bigrams(n + d)), tid) for tid, (n, d) in sorted(self._all().items())]
        best = max(scored, default=(0, ""))
        return best[1], best[0]

    def _for_part(self, part: Section) -> str:
        """The theme of a section: an existing theme its heading names (队伍建设情况 -> 队伍建设)
        or shares enough words with, or that its whole text matches clearly best; else a
        proposed new one named from the heading; '' for a heading that names no subject
        (第一部分 2023年主要工作), whose sections are asked instead."""
        if part.id in self._by_section:
            return self._by_section[part.id]
        core = heading_core(part.heading)
        if len(core) < MIN_HEADING:
            tid = ""
        else:
            tid = next((t for t, (n, _) in sorted(self._all().items())
                        if len(heading_core(n)) >= MIN_HEADING and (heading_core(n) in core or core in heading_core(n))), "")
            if not tid:
                tid, score = self._best(part.heading)
                if score < MIN_THEME_OVERLAP:
                    tid = self._by_text(part)
            if not tid:
                tid = self._new_theme(heading_core(short_heading(part.heading)) or core[:12],
                                      f"《{self.corpus.reports[self.rid].title}》中的一部分：{part.heading}",
                                      [part] if self.parsed.top(part.number) is part else [], part.heading)
        self._by_section[part.id] = tid
        return tid

    def _by_text(self, part: Section) -> str:
        """The existing theme whose name and description share the most two-character words
        with the section's whole text, when it shares at least ``MIN_TEXT_OVERLAP`` and
        ``TEXT_MARGIN`` times as many as the next one; else ''."""
        words = bigrams(part.heading + "".join(s.text for s in self.parsed.sentences_in(part.id)))
        scored = sorted(((len(words & bigrams(t.name + t.description)), tid)
                         for tid, t in self.corpus.themes.items()), reverse=True)
        if not scored or scored[0][0] < MIN_TEXT_OVERLAP:
            return ""
        runner_up = scored[1][0] if len(scored) > 1 else 0
        return scored[0][1] if scored[0][0] >= TEXT_MARGIN * runner_up else ""

    def _new_theme(self, name: str, description: str, parts: list[Section], heading: str = "") -> str:
        # Editorial text made from the report: keep it to what a theme field accepts.
        name = editorial(name) or f"{editorial(self.corpus.reports[self.rid].title)[:8]}第{len(self.new) + 1}部分"
        description = editorial(description)
        same = next((tid for tid, (n, _) in self._all().items() if n == name), None)
        if same:
            return same
        tid = unique_id(name, set(self._all()))
        self._headings[tid] = heading
        self.new[tid] = {"name": name, "description": description[:300],
                         "parts": [{"report": self.rid, "part": p.number} for p in parts], "heading": editorial(heading)}
        return tid

    def theme_for(self, s: Sentence, clause: str) -> str:
        """The theme of the first heading above the sentence that names a subject; outside
        any part (introduction, closing), of the part that shares most words with the
        ``clause`` naming the draft. Where no heading names one (第一部分 2023年主要工作 with no
        points), the existing theme closest to the clause; with no theme at all, one named
        after the report, proposed like any other."""
        path = self.parsed.path(s.section) if s.section else ()
        if not path:
            words = bigrams(clause)
            path = tuple(sorted(self.parsed.sections, key=lambda p: -len(words & bigrams(
                p.heading + "".join(x.text for x in self.parsed.sentences_in(p.id)))))[:1])
        tid = next((t for t in (self._for_part(sec) for sec in path) if t), "")
        if not tid and self._all():
            tid = self._best(clause + s.text)[0] or sorted(self._all())[0]
        if not tid:
            report = self.corpus.reports[self.rid]
            tid = self._new_theme(report.title[:12], f"《{report.title}》中不属于任何部分的内容。", [],
                                  report.title)
        self.used.add(tid)
        return tid

    @property
    def proposed(self) -> dict[str, dict[str, Any]]:
        """New themes some draft uses."""
        return {tid: t for tid, t in self.new.items() if tid in self.used}


def guess_tags(corpus: Corpus, s: Sentence, clause: str, parsed: ParsedReport) -> list[str]:
    """Tags for a draft named in ``clause`` of sentence ``s``: by the clause and the
    headings above it (the whole sentence may list unrelated initiatives)."""
    path = parsed.path(s.section) if s.section else ()
    context = clause + "".join(p.heading for p in path)
    words = bigrams(clause)
    scored = []
    for name, tag in sorted(corpus.tags.items()):
        score = 10 if name in context else len(words & bigrams(name + tag.description))
        scored.append((score, name))
    scored.sort(key=lambda x: (-x[0], x[1]))
    picked = [n for sc, n in scored[:MAX_TAGS] if sc >= 2] or [n for _, n in scored[:1]]
    return picked
