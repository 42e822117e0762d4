"""The annotated report: the full text verbatim, every sentence an anchor, every
mention of a practice a link to its page, the first mention of a glossary term in each
part explained on hover (never inside a heading)."""
from __future__ import annotations

from practice_site.corpus.model import Corpus, Report
from practice_site.link.graph import Links
from practice_site.render.autolink import Annotator, PageText
from practice_site.render.markup import front_matter, link, md_text, uris
from practice_site.text.report import Section, Sentence, same_title


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
    # Where the report has no title line, or the editors titled it otherwise, the title above
    # is the metadata's: say so, and show the report's own title line (it is not in the text).
    untitled = ("" if same_title(parsed.title, report.title) else f" · 原文标题行：{md_text(parsed.title)}"
                if parsed.title else " · 原文无标题行，标题为编者所加")
    out.append('<div class="ps-meta" markdown>\n'
               f"发文单位：{md_text(report.unit)} · 年度：{report.year} · 类型：{md_text(report.kind)}"
               f"{untitled} · {link(uris.report(report.id), uris.report_practices(report.id), '本报告提到的做法')}"
               "\n</div>\n")
    out.append("!!! note \"如何使用本页\"\n"
               "    全文照录原文，隐去的人名与数字以 \\* 表示。每句话都有固定锚点，可直接链接；"
               "带下划线的词链接到对应做法的页面；加虚线的术语，鼠标停留或用 Tab 键选中可看释义。\n")

    def para(sentences) -> str:
        return "".join(sentence_html(s, text) for s in sentences)

    def paragraphs(sentences) -> None:
        """Sentences grouped by the report line they are on: one paragraph per line."""
        by_line: dict[int, list[Sentence]] = {}
        for s in sentences:
            by_line.setdefault(s.line, []).append(s)
        out.extend(para(by_line[line]) + "\n" for line in sorted(by_line))

    def section(sec: Section) -> None:
        head, *rest = sec.sentences
        if sec.level == 1:
            text.new_section()
        # Headings deeper than h6 do not exist: the deepest levels share h6.
        out.append(f'{"#" * min(sec.level + 1, 6)} {sentence_html(head)} {{#{sec.id}}}\n')
        paragraphs(rest)
        for child in sec.children:
            section(child)

    paragraphs(parsed.byline)
    paragraphs(parsed.intro)
    for sec in parsed.sections:
        section(sec)
    if parsed.closing:
        out.append("---\n")
        paragraphs(parsed.closing)
    return "\n".join(out)
