"""What a message adds so the editor can fix the mistake without searching: the id they most
likely meant, and where a quote stops matching the report."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

from practice_site.corpus.problems import quoted
from practice_site.text.quotes import QuoteIndex

_EXCERPT = 24
"""Characters of the report shown on each side of the first difference."""


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a mistyped ``value``, or None when none is close."""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown(what: str, value: str, choices: Iterable[str], *, listed: bool = True) -> str:
    """``没有标签「矛盾纠份」；是不是想写「矛盾纠纷」？``; with no close choice, the list of
    choices (``listed``) so the editor sees what is allowed. ``what`` names the kind of
    value in Chinese (标签, 主题)."""
    choices = sorted(choices)
    if guess := did_you_mean(value, choices):
        return f"没有{what}{quoted(value)}；是不是想写{quoted(guess)}？"
    return f"没有{what}{quoted(value)}" + (f"；可用的{what}：{', '.join(choices)}" if listed else "")


def no_practice(pid: str, ids: Iterable[str]) -> str:
    """A reference to a practice id that has no record file."""
    guess = did_you_mean(pid, ids)
    return (f"没有 id 为{quoted(pid)}的做法（没有 data/practices/{pid}.yml）"
            + (f"；是不是想写{quoted(guess)}？" if guess else ""))


def _longest(phrase: str, found, *, prefix: bool) -> int:
    """Length of the longest prefix (or suffix) of ``phrase`` that ``found`` accepts:
    occurring is monotone in length, so a binary search needs log2(len) lookups."""
    lo, hi = 0, len(phrase)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if found(phrase[:mid] if prefix else phrase[-mid:]):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _excerpt(text: str, at: int) -> str:
    start, end = max(0, at - _EXCERPT), min(len(text), at + _EXCERPT)
    # Never cut a mask or a number: '化解率*…' would misquote '化解率**％'.
    while 0 < start and _figure_char(text[start - 1]) and _figure_char(text[start]):
        start -= 1
    while end < len(text) and _figure_char(text[end - 1]) and _figure_char(text[end]):
        end += 1
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _closest(rid: str, sentence, at: int) -> str:
    return f"最接近的句子（{rid}，{sentence.id}）是{quoted(_excerpt(sentence.text, at))}"


def _figure_char(c: str) -> bool:
    return c == "*" or c.isdigit()


def where_quote_differs(quotes: QuoteIndex, phrase: str, report: str | None = None) -> str:
    """For a phrase no sentence holds: the sentence that shares its longest beginning (or
    end) and the first character that differs, as a clause of the not-found message."""
    def found(part: str) -> bool:
        return bool(quotes.find(part, report))

    head = _longest(phrase, found, prefix=True)
    tail = _longest(phrase, found, prefix=False)
    if max(head, tail) < 2:  # one shared character says nothing about which sentence was meant
        return "没有哪个句子与它的开头两个字或末尾两个字相同"
    if head >= tail:
        rid, sentence = quotes.find(phrase[:head], report)[0]
        at = sentence.text.index(phrase[:head]) + head
        where = _closest(rid, sentence, at)
        if at == len(sentence.text):
            return (f"{where}；这个句子在{quoted(phrase[:head][-8:])}之后就结束了：引文不能跨句")
        return (f"{where}；引文第 {head + 1} 个字是{quoted(phrase[head])}，报告原文此处是"
                f"{quoted(sentence.text[at])}")
    rid, sentence = quotes.find(phrase[-tail:], report)[0]
    at = sentence.text.index(phrase[-tail:])
    k = len(phrase) - tail  # the phrase's first k characters are not in the sentence there
    if at == 0:
        where = _closest(rid, sentence, at)
        return (f"{where}；这个句子从{quoted(phrase[-tail:][:8])}开始，在引文第 {k} 个字之后："
                "引文不能跨句")
    # Aligned on the common end, the phrase starts at ``start`` of the sentence; when it fits
    # (characters changed, none added), walk from there to the first one that differs.
    start = at - k
    first = next((j for j in range(k) if phrase[j] != sentence.text[start + j]), k - 1) \
        if start >= 0 else k - 1
    report_at = start + first if start >= 0 else at - 1
    where = _closest(rid, sentence, report_at)
    return (f"{where}；引文第 {first + 1} 个字是{quoted(phrase[first])}，报告原文此处是"
            f"{quoted(sentence.text[report_at])}")


def quote_not_found(quotes: QuoteIndex, phrase: str, report: str | None = None) -> str:
    """The one message for a quoted phrase that is not in the reports."""
    where = f"报告{quoted(report)}" if report else "任何一份报告"
    return (f"引文{quoted(phrase)}在{where}中找不到；"
            f"{where_quote_differs(quotes, phrase, report)}；请从报告中原样复制")
