"""The web of practices on in-memory records: the name trie, auto-links, tooltips,
relations both ways, suggestions, backlinks, and link integrity of the real data."""
from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from pathlib import Path

import markdown
import pytest

from practice_site.corpus.load import load_corpus
from practice_site.corpus.model import Kind, Relation, RelationKind, Term
from practice_site.link.graph import NameMatcher, link_corpus
from practice_site.link.suggest import campaign_members, suggest
from practice_site.render.autolink import Annotator, tooltip
from practice_site.render.site import render_site
from practice_site.render.urls import uris

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
    assert out.count("](jingwang-ronghe.md") == 1          # first mention only
    assert "jingwang-zhizhi.md" not in out                  # never a self-link
    assert out.endswith("再推进警网融合")                      # later mention stays plain text
    assert text.linked == ["jingwang-ronghe"]
    # The state is per page: the next call on the same page links nothing again.
    assert "](" not in text("警网融合")


def test_every_mention_in_the_report_mode(fixture):
    text = Annotator(fixture, link_corpus(fixture)).page(uris.report("mini"), every=True)
    assert text("警网融合，警网融合").count("](../practices/jingwang-ronghe.md") == 2


def test_each_segment_escaped_exactly_once(fixture):
    text = Annotator(fixture, link_corpus(fixture)).page("practices/x.md")
    out = text("共*****起 警网融合 化解率**％ [x](y)")
    # Masks escaped once (\*), never twice (\\\*); spaces around the link kept.
    assert out.startswith(r"共\*\*\*\*\*起 [警网融合](jingwang-ronghe.md ")
    assert out.endswith(r") 化解率\*\*％ \[x\]\(y\)")
    assert "\\\\" not in out
    html = markdown.markdown(out, extensions=["pymdownx.escapeall"],
                             extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}})
    assert "共*****起 <a" in html and "化解率**％ [x](y)" in html


def test_tooltips_mark_general_knowledge_and_escape_the_title(fixture):
    assert tooltip(fixture.glossary["jiayi"]).endswith("（编者释义，一般常识，非报告原文）")
    report_term = Term("t", "甲乙", "甲与乙", "report", None)
    assert tooltip(report_term).endswith("（报告原文释义）")
    hazard = replace(fixture.glossary["jiayi"], meaning='**x** [a](b) `c` "q" <i>')
    corpus = replace(fixture, glossary={"jiayi": hazard})
    out = Annotator(corpus, link_corpus(corpus)).page("practices/x.md")("创新“甲乙”机制，甲乙")
    title = re.search(r'<abbr class="ps-term" title="([^"]*)">', out)[1]
    assert not re.search(r"[*\[\]`<>]", title)  # nothing Markdown or HTML could act on
    html = markdown.markdown(out, extensions=["pymdownx.escapeall"])
    assert "<a " not in html.split("title=")[1].split(">")[0] and "<code>" not in html
    # The practice name wins over the term inside it; the term's second mention is plain.
    assert out.count("<abbr") == 1


def test_a_name_that_is_also_a_term_gets_link_and_tooltip_once(fixture):
    term = Term("wr", "警网融合", "警务与网格融合", "general", None)
    corpus = replace(fixture, glossary={"wr": term})
    out = Annotator(corpus, link_corpus(corpus)).page("practices/x.md")("警网融合")
    # The abbr around the link: its tooltip shows while the link has the keyboard focus.
    assert out.startswith('<abbr class="ps-term" title="警网融合：警务与网格融合')
    assert out.endswith("](jingwang-ronghe.md)</abbr>")  # no second title: one tooltip, not two


def test_terms_link_to_the_glossary_only_when_it_exists(fixture):
    links = link_corpus(fixture)
    without = Annotator(fixture, links).page("practices/x.md")("甲乙")
    with_page = Annotator(fixture, links, "glossary.md").page("practices/x.md")("甲乙")
    assert "](" not in without
    assert with_page.endswith("](../glossary.md#jiayi)</abbr>")


def test_no_autolink_in_headings_code_or_existing_links(real):
    corpus, links, pages = real
    for uri, md in pages.items():
        for line in md.splitlines():
            if line.startswith("#"):
                assert "](" not in line.split("{#")[0] and "<abbr" not in line, (uri, line)
        for code in re.findall(r"`[^`]*`", md):
            assert "](" not in code and "<abbr" not in code, (uri, code)
        assert not re.search(r"\[[^\]]*\[", md.replace(r"\[", "")), uri  # no link in a link text


# -- relations, suggestions, backlinks ----------------------------------------------------

def test_a_relation_shows_on_both_pages(fixture):
    pages = render_site(fixture)
    # jiayi declares: editors-link jingwang-ronghe (a note); jingwang-zhizhi: builds-on
    # jingwang-ronghe (a quote from the report).
    mine = pages["practices/jiayi.md"].split("{#related}")[1].split("\n## ")[0]
    assert "- **编者关联**：[警网融合](jingwang-ronghe.md) — 警网融合的测试记录。（编者注：两者同在第一部分。）" in mine
    target = pages["practices/jingwang-ronghe.md"].split("{#related}")[1].split("\n## ")[0]
    assert "- **编者关联**：[“甲乙”机制](jiayi.md)" in target
    # A stated relation carries the report's words, with a link to the sentence, both ways.
    assert re.search(r"- \*\*为其奠定基础\*\*：\[警网智治\]\(jingwang-zhizhi\.md\) — 警网智治的测试记录。"
                     r"（报告原文：“推进警网融合与警网智治” \[原文\]\(\.\./reports/mini\.md#s-[0-9a-f]{6} ", target)
    assert "**以其为基础**：[警网融合](jingwang-ronghe.md)" in pages["practices/jingwang-zhizhi.md"]


def test_an_editorial_kind_is_never_shown_as_a_plain_fact(fixture):
    """A kind marked editorial reads 编者关联 on both pages and on the map, whatever its label."""
    kinds = {**fixture.relation_kinds,
             "editors-link": replace(fixture.relation_kinds["editors-link"], label="目标相同", inverse="目标相同")}
    pages = render_site(replace(fixture, relation_kinds=kinds))
    assert "**编者关联（目标相同）**：[警网融合](jingwang-ronghe.md)" in pages["practices/jiayi.md"]
    assert "**编者关联（目标相同）**：[“甲乙”机制](jiayi.md)" in pages["practices/jingwang-ronghe.md"]
    assert "编者关联（目标相同）（虚线）" in pages["map.md"]
    for md in pages.values():
        assert "**目标相同**" not in md and "：目标相同<" not in md


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
    members = pages["practices/xiangmu-jingguan.md"].split("{#members}")[1].split("\n## ")[0]
    assert "[“甲乙”机制](jiayi.md)" in members and "[警网智治](jingwang-zhizhi.md)" in members
    assert "专项行动：[项目警官制](xiangmu-jingguan.md)" in pages["practices/jiayi.md"]


def test_backlinks_are_the_pages_that_link_here(real):
    corpus, links, pages = real
    linking: dict[str, set[str]] = {pid: set() for pid in corpus.practices}
    for pid in corpus.practices:
        md = pages[uris.practice(pid)]
        # The auto-linked body: from the overview up to the curated relations.
        body = md.split("{#overview}")[1].split("{#related}")[0]
        body += "".join(re.findall(r"（编者注：.*?）$", md.split("{#related}")[1].split("\n## ")[0], re.M))
        for target in set(re.findall(r"\]\(([a-z0-9-]+)\.md[ )]", body)) - {pid}:
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
        assert f"](../practices/{p.id}.md)" in pages[uris.theme(p.theme)], p.id
        assert f'href="../practices/{p.id}/"' in pages[uris.map], p.id
        assert f"](practices/{p.id}.md)" in pages[uris.map], p.id


def _targets(uri: str, md: str):
    for target in re.findall(r"\]\(([^) \"]+)", md):
        if "://" in target:
            continue
        path, _, anchor = target.partition("#")
        yield (Path(uri).parent / path).as_posix() if path else uri, anchor


def _anchors(md: str) -> set[str]:
    return set(re.findall(r"\{#([\w-]+)\}", md)) | set(re.findall(r'id="([\w-]+)"', md))


@pytest.mark.parametrize("data", ["fixture", "real"])
def test_every_generated_link_lands_on_a_page_and_anchor(data, fixture, real):
    pages = render_site(fixture) if data == "fixture" else real[2]
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    checked = 0
    for uri, md in pages.items():
        for target, anchor in _targets(uri, md):
            target = posixpath.normpath(target)
            assert target in pages or target in docs, (uri, target)
            if anchor and target in pages:  # anchors of hand-written pages: mkdocs --strict
                assert anchor in _anchors(pages[target]), (uri, target, anchor)
                checked += 1
    assert checked > 10
