"""The web of practices on in-memory records: the name trie, auto-links, tooltips,
relations both ways, suggestions, backlinks, and link integrity of the real data."""
from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from pathlib import Path

import pytest

from practice_site.corpus.load import load_corpus
from practice_site.corpus.model import Kind, Relation, RelationKind, Term
from practice_site.link.graph import NameMatcher, link_corpus
from practice_site.link.suggest import campaign_members, suggest
from practice_site.render.autolink import Annotator, tooltip
from practice_site.render.page import broken_links
from practice_site.render.site import render_site
from practice_site.render.urls import page_url, uris

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def fixture():
    corpus, problems = load_corpus(FIXTURE, ROOT)
    assert problems == []
    return corpus


@pytest.fixture(scope="module")
def real(real_corpus):
    return real_corpus, link_corpus(real_corpus), render_site(real_corpus)


# -- the trie --------------------------------------------------------------------------

def test_longest_name_wins_and_matches_do_not_overlap():
    m = NameMatcher({"警网": "a", "警网融合": "b", "警网智治": "c", "融合": "d"})
    text = "推进警网融合与警网智治，警网，融合"
    found = [(text[s:e], pid) for s, e, pid in m.find(text)]
    assert found == [("警网融合", "b"), ("警网智治", "c"), ("警网", "a"), ("融合", "d")]


class CountingDict(dict):
    """A trie node that counts membership tests (one per character the scan looks at)."""
    steps = 0

    def __contains__(self, key):
        CountingDict.steps += 1
        return super().__contains__(key)


def counted(matcher: NameMatcher) -> NameMatcher:
    def convert(node):
        return CountingDict({k: convert(v) if isinstance(v, dict) else v for k, v in node.items()})
    matcher._trie = convert(matcher._trie)
    return matcher


@pytest.mark.parametrize("n_names", [10, 10_000])
def test_scan_is_linear_in_the_text_whatever_the_number_of_names(n_names):
    # Worst case for a trie scan: names that share long prefixes with the text but never end
    # where the text does; cost per character is bounded by the longest name, not by n_names.
    names = {"网" * 8 + f"{i:05d}": str(i) for i in range(n_names)}
    matcher = counted(NameMatcher(names))
    per_char = []
    for size in (1_000, 10_000):
        CountingDict.steps = 0
        assert matcher.find("网" * size) == []
        per_char.append(CountingDict.steps / size)
    # Two membership tests per character walked (next char, end of name), at most 8 + 1
    # characters walked from each position: the same bound for 1,000 and 10,000 characters.
    assert max(per_char) <= 2 * (8 + 1) and per_char[0] == pytest.approx(per_char[1], rel=0.01)


# -- auto-links and tooltips ---------------------------------------------------------------

def test_first_mention_only_never_self_never_twice(fixture):
    links = link_corpus(fixture)
    text = Annotator(fixture, links).page(uris.practice("jingwang-zhizhi"), "jingwang-zhizhi")
    out = text("推进警网融合与警网智治，再推进警网融合")
    assert out.count('href="../jingwang-ronghe/"') == 1    # first mention only
    assert "jingwang-zhizhi/" not in out                    # never a self-link
    assert out.endswith("再推进警网融合")                      # later mention stays plain text
    assert text.linked == ["jingwang-ronghe"]
    # The state is per page: the next call on the same page links nothing again.
    assert "<a " not in text("警网融合")


def test_every_mention_in_the_report_mode(fixture):
    text = Annotator(fixture, link_corpus(fixture)).page(uris.report("mini"), every=True)
    assert text("警网融合，警网融合").count('href="../../practices/jingwang-ronghe/"') == 2


def test_each_segment_escaped_exactly_once(fixture):
    text = Annotator(fixture, link_corpus(fixture)).page("practices/x.md")
    out = text("共*****起 警网融合 化解率**％ [x](y) <i>&")
    # Masks as printed; HTML in data shown, never run; spaces around the link kept.
    assert out.startswith('共*****起 <a href="../jingwang-ronghe/" title="')
    assert out.endswith("</a> 化解率**％ [x](y) &lt;i&gt;&amp;")
    assert "&amp;amp;" not in out


def test_tooltips_mark_general_knowledge_and_escape_the_title(fixture):
    assert tooltip(fixture.glossary["jiayi"]).endswith("（编者释义，一般常识，非报告原文）")
    report_term = Term("t", "甲乙", "甲与乙", "report", None)
    assert tooltip(report_term).endswith("（报告原文释义）")
    hazard = replace(fixture.glossary["jiayi"], meaning='**x** [a](b) `c` "q" <i>')
    corpus = replace(fixture, glossary={"jiayi": hazard})
    out = Annotator(corpus, link_corpus(corpus)).page("practices/x.md")("创新“甲乙”机制，甲乙")
    title = re.search(r'<abbr class="ps-term" title="([^"]*)">', out)[1]
    assert not re.search(r'[<>"]', title) and "&#34;q&#34; &lt;i&gt;" in title  # nothing HTML could act on
    assert "**x** [a](b) `c`" in title  # shown as written
    # The practice name wins over the term inside it; the term's second mention is plain.
    assert out.count("<abbr") == 1


def test_a_name_that_is_also_a_term_gets_link_and_tooltip_once(fixture):
    term = Term("wr", "警网融合", "警务与网格融合", "general", None)
    corpus = replace(fixture, glossary={"wr": term})
    out = Annotator(corpus, link_corpus(corpus)).page("practices/x.md")("警网融合")
    # The abbr around the link: its tooltip shows while the link has the keyboard focus.
    assert out.startswith('<abbr class="ps-term" title="警网融合：警务与网格融合')
    assert out.endswith('<a href="../jingwang-ronghe/">警网融合</a></abbr>')  # no second title: one tooltip


def test_terms_link_to_the_glossary_only_when_it_exists(fixture):
    links = link_corpus(fixture)
    without = Annotator(fixture, links).page("practices/x.md")("甲乙")
    with_page = Annotator(fixture, links, "glossary.md").page("practices/x.md")("甲乙")
    assert "<a " not in without
    assert with_page.endswith('<a href="../../glossary/#jiayi">甲乙</a></abbr>')


def test_no_tooltip_in_headings_no_autolink_in_code_or_existing_links(real):
    corpus, links, pages = real
    for uri, page in pages.items():
        for h in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", page.html):
            assert "<abbr" not in h, (uri, h)  # a report's headings link practices, nothing else does
            assert uri.startswith("reports/") or "<a href" not in h.split('<a class="headerlink"')[0], (uri, h)
        for code in re.findall(r"<code>.*?</code>", page.html):
            assert "<a " not in code and "<abbr" not in code, (uri, code)
        assert not re.search(r"<a [^>]*>(?:(?!</a>).)*<a ", page.html), uri  # no link in a link text


# -- relations, suggestions, backlinks ----------------------------------------------------

def test_a_relation_shows_on_both_pages(fixture):
    pages = render_site(fixture)
    # jiayi declares: editors-link jingwang-ronghe (a note); jingwang-zhizhi: builds-on
    # jingwang-ronghe (a quote from the report).
    mine = _section(pages["practices/jiayi.md"], "related")
    assert ('<li><strong>编者关联</strong>：<a href="../jingwang-ronghe/">警网融合</a> — 警网融合的测试记录。'
            "（编者注：两者同在第一部分。）</li>") in mine
    target = _section(pages["practices/jingwang-ronghe.md"], "related")
    assert '<li><strong>编者关联</strong>：<a href="../jiayi/">“甲乙”机制</a>' in target
    # A stated relation carries the report's words, with a link to the sentence, both ways.
    assert re.search(r'<li><strong>为其奠定基础</strong>：<a href="\.\./jingwang-zhizhi/">警网智治</a> — 警网智治的测试记录。'
                     r'（报告原文：“推进警网融合与警网智治” <a href="\.\./\.\./reports/mini/#s-[0-9a-f]{6}" ', target)
    assert ('<strong>以其为基础</strong>：<a href="../jingwang-ronghe/">警网融合</a>'
            in pages["practices/jingwang-zhizhi.md"].html)


def test_an_editorial_kind_is_never_shown_as_a_plain_fact(fixture):
    """A kind marked editorial reads 编者关联 on both pages and on the map, whatever its label."""
    kinds = {**fixture.relation_kinds,
             "editors-link": replace(fixture.relation_kinds["editors-link"], label="目标相同", inverse="目标相同")}
    pages = render_site(replace(fixture, relation_kinds=kinds))
    assert '<strong>编者关联（目标相同）</strong>：<a href="../jingwang-ronghe/">警网融合</a>' in pages["practices/jiayi.md"].html
    assert ('<strong>编者关联（目标相同）</strong>：<a href="../jiayi/">“甲乙”机制</a>'
            in pages["practices/jingwang-ronghe.md"].html)
    assert "编者关联（目标相同）（虚线）" in pages["map.md"].html
    for page in pages.values():
        assert "<strong>目标相同</strong>" not in page.html and "：目标相同<" not in page.html


def test_suggestions_give_reasons_and_never_repeat_a_curated_relation(fixture):
    links = link_corpus(fixture)
    got = suggest(fixture, links)
    # 警网融合 and 警网智治 are named in the same item (p1-i2) but already curated: not suggested.
    assert all(s.target != "jingwang-ronghe" for s in got["jingwang-zhizhi"])
    uncurated = replace(fixture, practices={**fixture.practices,
                        "jingwang-zhizhi": replace(fixture.practices["jingwang-zhizhi"], related=())})
    links = link_corpus(uncurated)
    # Each page names the other (a backlink both ways): already shown, so not suggested ...
    assert "jingwang-ronghe" in links.backlinks["jingwang-zhizhi"]
    assert all(s.target != "jingwang-ronghe" for s in suggest(uncurated, links)["jingwang-zhizhi"])
    # ... and without the backlinks, suggested for being named in the same item and a tag.
    got = suggest(uncurated, replace(links, backlinks={pid: [] for pid in links.backlinks}))
    [s] = [s for s in got["jingwang-zhizhi"] if s.target == "jingwang-ronghe"]
    assert [r.kind for r in s.reasons] == ["item", "tag"]
    assert s.reasons[0].value == ("mini", "p1-i2") and s.reasons[1].value == ("网格治理",)


def test_same_campaign_is_a_reason(fixture):
    ps = dict(fixture.practices)
    ps["xiangmu-jingguan"] = replace(ps["xiangmu-jingguan"], kind="campaign")
    ps["jingwang-zhizhi"] = replace(ps["jingwang-zhizhi"], related=(Relation("xiangmu-jingguan", "part-of"),))
    ps["jiayi"] = replace(ps["jiayi"], related=(Relation("xiangmu-jingguan", "part-of"),))
    # Only part-of makes a member: a practice merely related to the campaign is not one.
    ps["jingwang-ronghe"] = replace(ps["jingwang-ronghe"], related=(Relation("xiangmu-jingguan", "builds-on"),))
    corpus = replace(fixture, practices=ps, kinds={**fixture.kinds, "campaign": Kind("campaign", "专项行动")},
                     relation_kinds={**fixture.relation_kinds,
                                     "part-of": RelationKind("part-of", "是其组成部分", "包含")})
    assert campaign_members(corpus) == {"xiangmu-jingguan": ["jiayi", "jingwang-zhizhi"]}
    links = link_corpus(corpus)
    [s] = [s for s in suggest(corpus, links)["jiayi"] if s.target == "jingwang-zhizhi"]
    assert ("campaign", ("xiangmu-jingguan",)) in [(r.kind, r.value) for r in s.reasons]
    pages = render_site(corpus, links)
    members = _section(pages["practices/xiangmu-jingguan.md"], "members")
    assert '<a href="../jiayi/">“甲乙”机制</a>' in members and '<a href="../jingwang-zhizhi/">警网智治</a>' in members
    assert '专项行动：<a href="../xiangmu-jingguan/">项目警官制</a>' in pages["practices/jiayi.md"].html


def test_backlinks_are_the_pages_that_link_here(real):
    corpus, links, pages = real
    linking: dict[str, set[str]] = {pid: set() for pid in corpus.practices}
    for pid in corpus.practices:
        html = pages[uris.practice(pid)].html
        # The auto-linked body: from the overview up to the curated relations.
        body = html.split('id="overview"')[1].split('id="related"')[0]
        body += "".join(re.findall(r"（编者注：.*?）</li>", _section(pages[uris.practice(pid)], "related")))
        for target in set(re.findall(r'href="\.\./([a-z0-9-]+)/"', body)) - {pid}:
            linking[target].add(pid)
    assert {pid: sorted(v) for pid, v in linking.items()} == links.backlinks


# -- link integrity --------------------------------------------------------------------------

def test_every_relation_is_seen_from_its_target_once(fixture):
    ps = dict(fixture.practices)
    # A second relation with a note, declared on a record that had none.
    ps["xiangmu-jingguan"] = replace(ps["xiangmu-jingguan"], related=(
        Relation("jiayi", "complements", "编者注"),))
    corpus = replace(fixture, practices=ps)
    declared = sorted((r.target, p.id, r.kind, r.note) for p in ps.values() for r in p.related)
    inverse = link_corpus(corpus).inverse
    assert len(declared) >= 3
    assert sorted((target, *rel) for target, rels in inverse.items() for rel in rels) == declared
    assert set(inverse) == set(ps)  # practices nobody points at have an empty list, not none


def test_no_orphan_every_practice_on_its_theme_page_and_the_map(real):
    corpus, _, pages = real
    for p in corpus.practices.values():
        assert f'href="../../practices/{p.id}/"' in pages[uris.theme(p.theme)].html, p.id
        drawing, listed = pages[uris.map].html.split("</svg>")
        assert f'href="../practices/{p.id}/"' in drawing and f'href="../practices/{p.id}/"' in listed, p.id


def _section(page, anchor: str) -> str:
    """The HTML of one h2 section of a generated page."""
    return page.html.split(f'<h2 id="{anchor}">')[1].split("<h2 ")[0]


def _targets(uri: str, html: str):
    """Every href of the page as the source path it lands on, and its anchor."""
    here = page_url(uri)
    for target in re.findall(r'<a [^>]*href="([^"]*)"', html):
        if "://" in target:
            continue
        path, _, anchor = target.partition("#")
        if not path:
            yield here, anchor
            continue
        url = posixpath.normpath(posixpath.join(here, path))
        yield ("" if url == "." else url + "/"), anchor


@pytest.mark.parametrize("data", ["fixture", "real"])
def test_every_generated_link_lands_on_a_page_and_anchor(data, fixture, real):
    pages = render_site(fixture) if data == "fixture" else real[2]
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    by_url = {page_url(uri): uri for uri in [*pages, *docs]}
    checked = 0
    for uri, page in pages.items():
        for url, anchor in _targets(uri, page.html):
            assert url in by_url, (uri, url)
            target = by_url[url]
            if anchor and target in pages:  # anchors of hand-written pages: mkdocs --strict
                assert anchor in pages[target].ids, (uri, target, anchor)
                checked += 1
    assert checked > 10
    assert broken_links(pages, docs) == []  # the hook's check agrees


def test_the_hooks_link_check_names_a_missing_page_and_anchor(fixture):
    pages = render_site(fixture)
    jiayi = pages[uris.practice("jiayi")]
    pages[uris.practice("jiayi")] = replace(jiayi, links=(*jiayi.links, ("practices/gone.md", ""),
                                                          (uris.glossary, "no-such-term")))
    assert broken_links(pages, {uris.about}) == [
        "practices/jiayi.md: practices/gone.md（没有这个页面）",
        "practices/jiayi.md: glossary.md#no-such-term（没有这个锚点）"]
    # Once the hand-written pages are converted, anchors into them are checked too.
    about = {uris.about: {"evidence-x"}}
    assert broken_links(pages, about)[0] == "practices/jiayi.md: about.md#evidence（没有这个锚点）"
    assert all("about.md#evidence" not in p for p in broken_links(pages, {uris.about: {"evidence"}}))
