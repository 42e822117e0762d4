"""Topic handouts: ``collections/index.md`` and one page per ``data/collections/<id>.yml``
(templates: collection.html, collections.html).

A handout is read on screen and printed (print.css starts each entry on a new sheet side
when it fits): per entry the practice's summary, key points and outcomes, each with its
source, the trainer's note and discussion questions. Anchors are fixed (the practice id,
or the quoted sentence's id) so a trainer can link one entry.
"""
from __future__ import annotations

from practice_site.corpus.model import Collection, Corpus, Practice, Quote, Report
from practice_site.render.page import Page, render_page
from practice_site.render.practice import permalink
from practice_site.render.urls import public_address, uris


def render_collection(c: Collection, corpus: Corpus, site_url: str = "", directory_urls: bool = True) -> Page:
    def place(q: Quote) -> str:
        """A source as a printed handout shows it: the place in the report (三、一是); the
        report itself is named once per entry (the 出处 line)."""
        sentence = corpus.quotes.sentence(q.report, q.sentence)
        return corpus.reports[q.report].parsed.label(sentence.section) if sentence else ""

    def reports_of(quotes: list[Quote]) -> list[Report]:
        """出处：the reports an entry quotes, each once, as the practice page's citation does."""
        return [corpus.reports[r] for r in dict.fromkeys(q.report for q in quotes)]

    def all_quotes(p: Practice) -> list[Quote]:
        return [*p.how, *(o.quote for o in p.outcomes)]

    def quote_text(q: Quote) -> str:
        sentence = corpus.quotes.sentence(q.report, q.sentence)
        return sentence.text if sentence else q.text

    entries = [(n, item, corpus.practices[item.practice] if item.practice else None)
               for n, item in enumerate(c.items, 1)]
    return render_page("collection.html", uris.collection(c.id),
                       {"title": c.title, "description": f"专题讲义：{c.title}"}, directory_urls,
                       heading=c.title, c=c, entries=entries, place=place, reports_of=reports_of,
                       all_quotes=all_quotes, quote_text=quote_text,
                       address=lambda pid: permalink(site_url, pid),
                       address_of_report=lambda rid: public_address(site_url, f"reports/{rid}/"),
                       handout_address=public_address(site_url, f"collections/{c.id}/"))


def render_collections_index(corpus: Corpus, directory_urls: bool = True) -> Page:
    collections = [(c, [corpus.practices[i.practice].name if i.practice else "原文摘录" for i in c.items])
                   for c in corpus.collections.values()]
    return render_page("collections.html", uris.collections,
                       {"title": "专题讲义", "description": "按专题编排的做法讲义，供培训与学习使用"},
                       directory_urls, heading="专题讲义", collections=collections)
