"""The glossary page (术语): one section per term, anchored by the term id, so that tooltips
and trainers can link to ``glossary/#<id>``. A meaning from the report links to its sentence;
a general-knowledge meaning is marked as the editors', not the report's."""
from __future__ import annotations

from practice_site.corpus.model import Corpus, Practice, Term
from practice_site.render.index_pages import pinyin_key
from practice_site.render.markup import front_matter, link, md_text, uris
from practice_site.text.terms import in_quotes

INTRO = ("报告中的缩写和数字式提法。标“报告原文释义”的，释义是报告自己的话，并链接到原句；"
         "标“编者释义”的，是编者按一般常识所加，不是报告的说法；报告没有释义、也没有可靠来源的，照实说明，不作推断。")


def term_names(t: Term) -> tuple[str, ...]:
    return (t.term, *t.aliases)


def practice_text(p: Practice) -> str:
    """Name, aliases and quoted text of a practice, joined by a character no term holds."""
    return "\0".join((*p.names, *(q.text for q in p.how), *(o.quote.text for o in p.outcomes),
                      *(q.text for q in p.evidence)))


def practices_using(t: Term, corpus: Corpus, texts: dict[str, str] | None = None) -> list[Practice]:
    """Practices whose name, aliases or quoted text contain the term (or an alias of it).
    ``texts``: ``practice_text`` of each practice, made once per page, not once per term."""
    texts = texts if texts is not None else {p.id: practice_text(p) for p in corpus.practices.values()}
    names = term_names(t)
    found = [p for p in corpus.practices.values() if any(n in texts[p.id] for n in names)]
    return sorted(found, key=lambda p: pinyin_key(p.name))


def render_glossary(corpus: Corpus) -> str:
    me = uris.glossary
    quotes = corpus.quotes
    out = [front_matter(title="术语", description="报告中的缩写和数字式提法及其释义"), "# 术语\n",
           f"{INTRO}\n"]
    texts = {p.id: practice_text(p) for p in corpus.practices.values()}
    for t in sorted(corpus.glossary.values(), key=lambda t: pinyin_key(t.term)):
        out.append(f"## {md_text(t.term)} {{#{t.id}}}\n")
        if t.aliases:
            out.append("又作：" + "、".join(md_text(a) for a in t.aliases) + "\n")
        if t.source == "report" and t.quote:
            src = link(me, uris.report(t.quote.report), "原句", t.quote.sentence, title="在原文中查看这句话")
            out.append(f'<span class="ps-badge">报告原文释义</span> {md_text(t.meaning)}\n')
            out.append(f"> {in_quotes(md_text(t.quote.text))} {src}\n")
        else:
            out.append(f'<span class="ps-badge">编者释义</span> {md_text(t.meaning)}'
                       "（编者所加，非报告原文）\n")
        hits = [h for n in term_names(t) for h in quotes.find(n)]
        seen: dict[tuple[str, str], None] = dict.fromkeys((rid, s.id) for rid, s in hits)
        if seen:
            where = "、".join(link(me, uris.report(rid), f"第{i}处", sid, title="在原文中查看这句话")
                              for i, (rid, sid) in enumerate(seen, 1))
            out.append(f"原文中出现：{where}\n")
        used = practices_using(t, corpus, texts)
        if used:
            out.append("相关做法：" + "、".join(link(me, uris.practice(p.id), p.name) for p in used) + "\n")
    return "\n".join(out)
