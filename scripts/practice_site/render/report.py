"""The annotated report: the full text verbatim, every sentence an anchor, every
mention of a practice a link to its page (in headings too), the first mention of a glossary
term in each part explained on hover (never inside a heading). An item that is one sentence
and holds nothing (``①学校门口设立护学岗。``) is body text with its marker as a label, not a
heading; its anchor (``#p1-i2``) stays. Template: templates/report.html."""
from __future__ import annotations

from markupsafe import Markup, escape

from practice_site.corpus.model import Corpus, Report
from practice_site.link.graph import Links
from practice_site.render.autolink import Annotator, PageText
from practice_site.render.page import Page, render_page
from practice_site.render.urls import uris
from practice_site.text.report import Section, Sentence, same_title


def sentence_html(s: Sentence, text: PageText | None = None, heading: bool = False,
                  label: str = "") -> Markup:
    """A sentence as an anchored span; ``text`` annotates it (None: plain; ``heading``: links
    only); ``label``: the item marker it starts with, set apart."""
    words = " ".join(s.text.split())
    if label and words.startswith(label):
        words = words[len(label):]
    body = (text(words, links_only=heading) if text else escape(words))
    if label:
        body = Markup('<span class="ps-label">{}</span>{}').format(label, body)
    return Markup('<span class="ps-s" id="{}">{}</span>').format(s.id, body)


def render_report(report: Report, corpus: Corpus, links: Links,
                  annotator: Annotator | None = None, directory_urls: bool = True) -> Page:
    parsed = report.parsed
    text = (annotator or Annotator(corpus, links, directory_urls=directory_urls)).page(
        uris.report(report.id), every=True)
    # Where the report has no title line, or the editors titled it otherwise, the title above
    # is the metadata's: say so, and show the report's own title line (it is not in the text).
    untitled = ("" if same_title(parsed.title, report.title) else f"原文标题行：{parsed.title}"
                if parsed.title else "原文无标题行，标题为编者所加")
    blocks: list[tuple[str, int, str, Markup]] = []

    def paragraphs(sentences) -> None:
        """Sentences grouped by the report line they are on: one paragraph per line."""
        by_line: dict[int, list[Sentence]] = {}
        for s in sentences:
            by_line.setdefault(s.line, []).append(s)
        blocks.extend(("para", 0, "", Markup("").join(sentence_html(s, text) for s in by_line[line]))
                      for line in sorted(by_line))

    def section(sec: Section) -> None:
        head, *rest = sec.sentences
        if sec.level == 1:
            text.new_section()
        if not rest and not sec.children:  # one sentence: an item of a list, not a heading
            blocks.append(("item", 0, sec.id, sentence_html(head, text, label=" ".join(sec.marker.split()))))
            return
        # Headings deeper than h6 do not exist: the deepest levels share h6.
        blocks.append(("heading", min(sec.level + 1, 6), sec.id, sentence_html(head, text, heading=True)))
        paragraphs(rest)
        for child in sec.children:
            section(child)

    paragraphs(parsed.byline)
    paragraphs(parsed.intro)
    for sec in parsed.sections:
        section(sec)
    if parsed.closing:
        blocks.append(("rule", 0, "", Markup("")))
        paragraphs(parsed.closing)
    return render_page("report.html", uris.report(report.id),
                       {"title": report.title, "description": f"{report.unit} {report.year}年 {report.kind}"},
                       directory_urls, heading=report.title, report=report, untitled=untitled, blocks=blocks)
