"""The real records, read as a reviewer would: every practice complete and true to the report,
glossary meanings taken from the report where they say so, honours tied truthfully."""
import re
import sys

import pytest

from conftest import ROOT
from practice_site.link.coverage import classify, unused_skips
from practice_site.link.graph import link_corpus
from practice_site.text.report import parse_report
from test_coverage import run_coverage

# A counted figure: digits or masks, then a unit (人次 before 人, 场次 before 次).
FIGURE = re.compile(r"[0-9*]+(?:[.．][0-9*]+)?(?:人次|场次|[人起件家个名项条期处伙倍％])")
HAN = re.compile(r"[\u4e00-\u9fff]")
REPORT = ROOT / "data/reports/2022-district-police-work-summary.txt"
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from searchkit import QUERIES, load_queries  # noqa: E402


@pytest.fixture(scope="module")
def corpus(real_corpus):
    return real_corpus


@pytest.fixture(scope="module")
def links(real_corpus):
    return link_corpus(real_corpus)


@pytest.fixture(scope="module")
def practice_ids(real_corpus):
    return sorted(real_corpus.practices)


def test_the_data_loads_without_problems(real_data):
    # Fidelity (quotes in the report, figures whole in their quote) is checked by the loader.
    assert [str(p) for p in real_data[1]] == []


def test_the_report_is_covered_by_roughly_forty_to_sixty_pages(practice_ids):
    assert 40 <= len(practice_ids) <= 60


def test_every_practice_is_complete(corpus, links):
    incomplete = []
    for pid, p in sorted(corpus.practices.items()):
        checks = {
            # One or two plain editorial sentences (issue 22: the summary style).
            "summary is not one or two editorial sentences": p.summary.endswith("。") and p.summary.count("。") <= 2,
            "no 做法要点": bool(p.how),
            "no tags or an unknown theme": bool(p.tags) and p.theme in corpus.themes,
            "no source sentence": bool(links.evidence[pid]),
            "fewer than two related practices": len({r.target for r in p.related}) >= 2,
            "a relation of an unknown kind": all(r.kind in corpus.relation_kinds for r in p.related),
        }
        incomplete += [f"{pid}: {what}" for what, ok in checks.items() if not ok]
    assert incomplete == []


def test_every_figure_in_the_how_quotes_is_an_outcome(corpus):
    """A figure quoted in 做法要点 but missing from 成效与数据 would be a figure left out."""
    missing = []
    for pid, p in sorted(corpus.practices.items()):
        figures = " ".join(o.figure for o in p.outcomes)
        missing += [f"{pid}: {f}" for q in p.how for f in FIGURE.findall(q.text) if f not in figures]
    assert missing == [], "figures in how but not in outcomes"


def test_outcome_measures_say_when_a_figure_is_masked(corpus):
    unsaid = [(pid, o.figure, o.measures) for pid, p in sorted(corpus.practices.items()) for o in p.outcomes
              if "*" in o.figure and re.search(r"\*+[人起件家个名项条期处伙倍％次]", o.figure)
              and "隐去" not in o.measures]
    assert unsaid == []


def test_every_kind_of_record_is_used(corpus):
    assert {p.kind for p in corpus.practices.values()} == set(corpus.kinds)


def test_every_item_of_every_part_has_a_practice(corpus, links):
    """Each 一是/二是… of the report is the source of at least one practice page."""
    sourced = {(e.report, e.sentence.section) for ev in links.evidence.values() for e in ev}
    for rid, report in corpus.reports.items():
        for part in report.parsed.sections:
            for item in part.children:
                assert (rid, item.id) in sourced, item.heading


def test_report_glossary_meaning_is_the_reports_words(corpus):
    """A 'report' meaning: its quote holds the term, and the first sentence of the meaning is
    made of the words of the quoted sentence (90 % of its Han characters), not invented."""
    wrong = []
    terms = [t for t in corpus.glossary.values() if t.source == "report"]
    assert terms
    for term in terms:
        if term.quote is None:
            wrong.append(f"{term.id}: no quote")
            continue
        sentence = corpus.reports[term.quote.report].parsed.sentence(term.quote.sentence)
        if not any(n in term.quote.text for n in (term.term, *term.aliases)):
            wrong.append(f"{term.id}: the quote does not hold the term")
        first = term.meaning.split("。")[0]
        han = HAN.findall(first)
        inside = [c for c in han if c in sentence.text]
        if len(inside) < 0.9 * len(han):
            wrong.append(f"{term.id}: meaning not in the report's words: {first} / {sentence.text}")
    assert wrong == []


def test_glossary_has_the_reports_formulas(corpus):
    terms = {t.term for t in corpus.glossary.values()}
    for term in ("两队一室", "1＋3＋N", "一标三实", "四种形态", "一区一警", "一村一警", "两室联通", "情指行"):
        assert term in terms


def test_general_glossary_meanings_do_not_claim_the_report(corpus):
    for t in corpus.glossary.values():
        if t.source == "general":
            assert t.quote is None
            assert "报告称" not in t.meaning


def test_honours_link_only_practices_of_their_own_sentence(corpus, links):
    assert corpus.honours
    for h in corpus.honours.values():
        for pid in h.practices:
            sentences = {(e.report, e.sentence.id) for e in links.evidence[pid]}
            assert (h.quote.report, h.quote.sentence) in sentences, (h.id, pid)


def test_an_honour_shown_as_an_outcome_is_hedged(corpus):
    """Issue 22: an honour the report lists beside a practice (honours.yml ties it to the
    practice) is not that practice's result unless the report says so: an outcome whose quote
    is an honour's phrase says in its measures that the two are only listed together (同句列出)."""
    honours = {(h.quote.report, h.quote.sentence, h.quote.text): h for h in corpus.honours.values()}
    bare = []
    for p in corpus.practices.values():
        for o in p.outcomes:
            q = o.quote
            if any(r == q.report and sid == q.sentence and (text in q.text or q.text in text)
                   for r, sid, text in honours) and "同句列出" not in o.measures:
                bare.append((p.id, o.figure))
    assert bare == []


def test_relations_declared_on_both_sides_agree(corpus):
    """A→B declared as one kind and B→A as another would show the pair twice, in two readings."""
    declared = {(p.id, r.target): r.kind for p in corpus.practices.values() for r in p.related}
    clashes = [(a, b, k, declared[(b, a)]) for (a, b), k in declared.items()
               if (b, a) in declared and declared[(b, a)] != k]
    assert clashes == []


def test_every_relation_is_listed_stated_or_marked_editorial(corpus):
    """Issue 12: 目标相同, 相互配套, 组成部分, 支撑, 运用 … only with the report's words (a quote
    naming both practices) or as 编者关联 with a note; listed-with claims no more than the
    report does. The loader enforces it; this reads the result as a reviewer would."""
    wrong = []
    for p in corpus.practices.values():
        for r in p.related:
            kind, other = corpus.relation_kinds[r.kind], corpus.practices[r.target]
            if kind.listing:
                continue
            if kind.editorial:
                ok = bool(r.note) and r.quote is None and kind.shown().startswith("编者关联")
            else:
                ok = r.quote is not None and all(any(n.strip("“”") in r.quote.text for n in x.names)
                                                 for x in (p, other))
            if not ok:
                wrong.append((p.id, r.kind, r.target))
    assert wrong == []


def test_the_attribution_check_runs_on_the_real_data():
    from practice_site.corpus.folder import DataFolder
    words = DataFolder(ROOT / "data", ROOT).attribution()
    assert words is not None
    assert {"合计成效", "得益于", "带动", "其中", "促成", "使得", "从而", "推动"} <= set(words.words)


def test_every_counted_figure_of_the_reports_is_on_a_page(corpus):
    """Each figure with a unit (``*****起``, ``55名``, ``100％``) is an outcome of a practice whose
    quote is in that sentence, or part of an honour's quote."""
    outcomes = [(o.quote.report, o.quote.sentence, o.figure)
                for p in corpus.practices.values() for o in p.outcomes]
    honours = [(h.quote.report, h.quote.sentence, h.quote.text) for h in corpus.honours.values()]
    missing = []
    for rid, report in corpus.reports.items():
        for s in report.parsed.sentences:
            for f in FIGURE.findall(s.text):
                if not any(r == rid and sid == s.id and f in text for r, sid, text in outcomes + honours):
                    missing.append((s.id, f))
    assert missing == []


def _where(corpus, links, pid):
    """(report, top-level part or 'intro', sentence id) of each source sentence of a practice."""
    out = set()
    for e in links.evidence[pid]:
        path = corpus.reports[e.report].parsed.path(e.sentence.section) if e.sentence.section else ()
        out.add((e.report, path[0].id if path else "intro", e.sentence.id))
    return out


def test_listed_with_holds_in_the_report(corpus, links):
    """listed-with claims only that the report names both side by side: their source sentences
    share a part of a report (or its introduction); a note that says 在同一句中 shares a sentence."""
    wrong = []
    for p in corpus.practices.values():
        for r in p.related:
            if not corpus.relation_kinds[r.kind].listing:
                continue
            mine, theirs = _where(corpus, links, p.id), _where(corpus, links, r.target)
            if not {w[:2] for w in mine} & {w[:2] for w in theirs}:
                wrong.append((p.id, r.target, "no shared part"))
            if "在同一句中" in r.note and not mine & theirs:
                wrong.append((p.id, r.target, "no shared sentence"))
    assert wrong == []


def test_every_practice_has_a_search_query(practice_ids):
    """Data rule (data/README.md): a new record comes with what an officer would type to
    find it, so the search test measures it; a removed record takes its queries along."""
    queries = load_queries()
    expected = {e for q in queries for e in q.expect}
    missing = [p for p in practice_ids if f"practices/{p}" not in expected]
    assert not missing, (
        f"no search query expects practice(s) {', '.join(missing)}: add a line for each to "
        f"{QUERIES.relative_to(ROOT)}, for example '- {{q: <its name as an officer types it>, "
        f"expect: [{missing[0]}]}}'")
    unknown = sorted(e for e in expected if e.startswith("practices/") and e[10:] not in practice_ids)
    assert not unknown, (f"{QUERIES.relative_to(ROOT)} expects pages of practices that do not "
                         f"exist: {', '.join(unknown)}; remove or correct those queries")
    assert len(queries) >= 80, f"only {len(queries)} queries in {QUERIES.relative_to(ROOT)}"


def test_every_sub_point_has_a_query(corpus):
    """Data rule (data/README.md): each named measure inside a practice (coverage.yml's
    sub-points) is something an officer searches for: a query typing it, or a part of it,
    must expect its page."""
    from practice_site.text.terms import unquoted
    queries = load_queries()
    missing = []
    for skip in (s for s in corpus.skipped if s.category == "sub-point"):
        term = unquoted(skip.term)
        pages = {f"practices/{pid}" for pid in skip.see}
        if not any(q.text in term and pages & set(q.expect) for q in queries):
            missing.append(f"- {{q: {term}, expect: [{', '.join(skip.see)}]}}")
    assert not missing, (f"sub-points of coverage.yml no search query finds; add to "
                         f"{QUERIES.relative_to(ROOT)}:\n" + "\n".join(missing))


# -- the report as parsed ------------------------------------------------------------------

def test_real_report_structure():
    r = parse_report(REPORT.read_text(encoding="utf-8"))
    assert r.title == "在全市公安工作总结大会上的汇报发言"
    assert [p.id for p in r.sections] == ["p1", "p2", "p3", "p4", "p5"]
    assert [len(p.children) for p in r.sections] == [3, 3, 3, 4, 4]
    assert r.sections[3].children[3].heading == "四是“拳头”项目初见成果。"
    assert r.label("p4-i4") == "四、四是"
    assert r.intro[0].text.startswith("尊敬的**局长")
    assert [s.text for s in r.closing] == ["汇报完毕，请各位领导指正。"]
    # Verbatim: the sentences put back together are the report's body, masks included.
    body = "".join(s.text for s in r.sentences)
    assert body == "".join(REPORT.read_text(encoding="utf-8").split("\n")[1:])
    assert "共排查化解矛盾纠纷*****起，化解率**％" in body
    assert len({s.id for s in r.sentences}) == len(r.sentences)


def test_sentence_ids_do_not_shift_when_other_text_changes():
    text = REPORT.read_text(encoding="utf-8")
    before = {s.text: s.id for s in parse_report(text).sentences}
    edited = text.replace("一是疫情防控“零延误”。", "一是疫情防控“零延误”。新增加的一句话。")
    after = {s.text: s.id for s in parse_report(edited).sentences}
    assert all(after[t] == sid for t, sid in before.items())
    assert len(after) == len(before) + 1


# -- coverage of the reports --------------------------------------------------------------

@pytest.mark.slow  # the command, in a new interpreter (about 20 s); the same check in-process below
def test_build_py_coverage_finds_nothing_unclassified():
    proc = run_coverage()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert "未归类：" not in proc.stdout
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.endswith("0 处未归类；0 条跳过已过时"), summary


def test_nothing_unclassified_every_skip_has_a_reason_and_the_famous_names_are_pages(corpus):
    statuses = classify(corpus)
    assert [s.occurrence.term for s in statuses if s.status == "unclassified"] == []
    assert unused_skips(corpus, statuses) == []
    assert all(len(k.reason) >= 8 for k in corpus.skipped)
    # The famous names of the report are pages, not skipped.
    on_page = {s.occurrence.term for s in statuses if s.status == "record"}
    for term in ("“项目警官制”", "“两队一室”", "“一标三实”", "“租安心”", "“三鹰”", "“警网融合”"):
        assert term in on_page
