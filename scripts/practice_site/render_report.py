"""The annotated report: the full text verbatim, every sentence an anchor, every
mention of a practice a link to its page, the first mention of a glossary term in each
part explained on hover (never inside a heading)."""
from __future__ import annotations

from .autolink import Annotator, PageText
from .link import Links
from .markup import front_matter, md_text, uris
from .model import Corpus, Report
from .report import Sentence


def sentence_html(s: Sentence, text: PageText | None = None) -> str:
    """A sentence as an anchored span; ``text`` annotates it (None: a heading, plain)."""
    body = text(s.text) if text else md_text(s.text)
    return f'<span class="ps-s" id="{s.id}">{body}</span>'


def render_report(report: Report, corpus: Corpus, links: Links,
                  annotator: Annotator | None = None) -> str:
    parsed = report.parsed
    text = (annotator or Annotator(corpus, links)).page(uris.report(report.id), every=True)
    out = [front_matter(title=report.title, description=f"{report.unit} {report.year}年 {report.kind}")]
    out.append(f"# {md_text(report.title)}\n")
    out.append('<div class="ps-meta" markdown>\n'
               f"发文单位：{md_text(report.unit)} · 年度：{report.year} · 类型：{md_text(report.kind)}\n"
               "</div>\n")
    out.append("!!! note \"如何使用本页\"\n"
               "    全文照录原文，隐去的人名与数字以 \\* 表示。每句话都有固定锚点，可直接链接；"
               "带下划线的词链接到对应做法的页面；加虚线的术语，鼠标停留可看释义。\n")

    def para(sentences) -> str:
        return "".join(sentence_html(s, text) for s in sentences)

    by_line: dict[int, list[Sentence]] = {}
    for s in parsed.parts[0].lead:
        by_line.setdefault(s.line, []).append(s)
    for line in sorted(by_line):
        out.append(para(by_line[line]) + "\n")
    for part in parsed.parts[1:]:
        head, *rest = part.lead
        text.new_section()
        out.append(f'## {sentence_html(head)} {{#{part.id}}}\n')
        if rest:
            out.append(para(rest) + "\n")
        for item in part.items:
            ihead, *irest = item.sentences
            out.append(f'### {sentence_html(ihead)} {{#{item.id}}}\n')
            if irest:
                out.append(para(irest) + "\n")
    if parsed.closing:
        out.append("---\n")
        out.append(para(parsed.closing) + "\n")
    return "\n".join(out)
