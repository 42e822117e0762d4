"""Text is text: markup in the data is shown literally and never runs.

Two channels reach the pages:
- The report text is verbatim and may hold anything, so HTML in it is *allowed* input: it
  goes through the loader unchanged (no problem is reported) and must come out as text.
- Record and taxonomy fields are refused by the validator when they hold HTML (see
  tests/invalid/script-in-fields.yml). To prove that the templates' autoescaping holds on
  its own, the test bypasses the validator: it loads the fixture corpus, then puts the
  payload into the loaded records (names, aliases, summary, figures, notes, theme, tag,
  report unit) and hands that corpus to the site's own hook in place of what it would load.
The pages are built by real MkDocs with the site's theme, extensions and hook and opened in
Chromium. The DOM checks (no element carries an event handler, no script holds the
payload) do not depend on the Content-Security-Policy; ``window.__pwned`` staying unset
is checked both with the policy and with the policy's meta tag removed.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build, search, serve
from practice_site.corpus.load import load_corpus
from practice_site.corpus.model import Outcome, Relation

FIXTURE = ROOT / "tests" / "fixtures" / "corpus"


def payload(where: str) -> str:
    """Markup that runs ``window.__pwned = where`` if any of it is ever read as HTML,
    an attribute, a Markdown link or a Markdown attribute list."""
    return (f"{where}<script>window.__pwned='{where}'</script>"
            f"<img src=x onerror=\"window.__pwned='{where}'\">"
            f"\"><svg onload=\"window.__pwned='{where}'\">"
            f"[链](javascript:window.__pwned='{where}')"
            f"{{: onclick=\"window.__pwned='{where}'\" }}")


def poisoned_corpus(data: Path):
    shutil.copytree(FIXTURE, data)
    report = data / "reports" / "mini.txt"
    # Allowed channel: the report text, verbatim.
    report.write_text(report.read_text(encoding="utf-8").replace(
        "维护稳定。", "维护稳定。" + payload("report") + "。"), encoding="utf-8")
    corpus, problems = load_corpus(data, data.parent)
    assert problems == []
    # Bypassed channel: fields the validator would refuse.
    p = corpus.practices["jiayi"]
    p = dataclasses.replace(
        p, name=payload("name"), aliases=(payload("alias"),), summary=payload("summary"),
        outcomes=tuple(Outcome(payload("figure"), payload("measures"), o.quote) for o in p.outcomes),
        related=tuple(Relation(r.target, r.kind, payload("note")) for r in p.related))
    theme = dataclasses.replace(corpus.themes["pingan"], name=payload("theme"),
                                description=payload("theme-description"))
    tag = dataclasses.replace(corpus.tags["矛盾纠纷"], description=payload("tag"))
    rep = dataclasses.replace(corpus.reports["mini"], unit=payload("unit"))
    return dataclasses.replace(corpus, practices={**corpus.practices, "jiayi": p},
                               themes={**corpus.themes, "pingan": theme},
                               tags={**corpus.tags, "矛盾纠纷": tag}, reports={**corpus.reports, "mini": rep})


HOOK = """import pickle, sys
sys.path.insert(0, {scripts!r})
import mkdocs_hooks
from practice_site.mkdocs_adapter import build
with open({corpus!r}, "rb") as f:
    CORPUS = pickle.load(f)
build.load_corpus = lambda data, root, reuse=False: (CORPUS, [])
from mkdocs_hooks import *  # noqa: F403  (the site's hook, on the poisoned corpus)
"""


def build(work: Path, corpus, strip_csp: bool) -> Path:
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (work / "corpus.pickle").write_bytes(pickle.dumps(corpus))
    hook = work / "poisoned_hook.py"
    hook.write_text(HOOK.format(scripts=str(ROOT / "scripts"), corpus=str(work / "corpus.pickle")),
                    encoding="utf-8")
    theme = {"custom_dir": str(ROOT / "overrides")}
    if strip_csp:  # the same theme with the policy's meta tag taken out
        shutil.copytree(ROOT / "overrides", work / "overrides")
        main = work / "overrides" / "main.html"
        text = main.read_text(encoding="utf-8")
        main.write_text(text.replace('<meta http-equiv="Content-Security-Policy"', "<meta name=no-csp"),
                        encoding="utf-8")
        theme["custom_dir"] = str(work / "overrides")
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(docs),
                                      "hooks": [str(hook)], "watch": [], "theme": theme}), encoding="utf-8")
    site = work / "site"
    os.environ["PRACTICE_SITE_CACHE"] = "off"
    proc = mkdocs_build(site, config)
    assert proc.returncode == 0, proc.stderr
    return site


@pytest.fixture(scope="module", params=["with-csp", "without-csp"])
def poisoned_site(request, tmp_path_factory):
    work = tmp_path_factory.mktemp(f"poisoned-{request.param}")
    site = build(work, poisoned_corpus(work / "data"), strip_csp=request.param == "without-csp")
    assert ("no-csp" in (site / "index.html").read_text(encoding="utf-8")) == (request.param == "without-csp")
    server, url = serve(site)
    yield url
    server.shutdown()


PAGES = ["practices/jiayi/", "practices/jingwang-ronghe/", "practices/", "themes/pingan/",
         "themes/", "tags/", "reports/mini/", "reports/", ""]

DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      if (/^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  for (const s of document.scripts) if (s.textContent.includes('__pwned')) bad.push('script');
  for (const i of document.images) if (i.getAttribute('src') === 'x') bad.push('img src=x');
  return bad;
}"""


@pytest.mark.parametrize("uri", PAGES)
def test_markup_in_data_never_runs(page, poisoned_site, uri):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(poisoned_site + uri)
    page.wait_for_load_state("networkidle")
    assert page.evaluate(DOM_CHECK) == []
    # Click every link a payload might have become, then look again.
    for link in page.locator("article a").all()[:60]:
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:"), href
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_markup_is_shown_literally(page, poisoned_site):
    page.goto(poisoned_site + "practices/jiayi/")
    text = page.locator("article").inner_text()
    for where in ("name", "alias", "summary", "figure", "measures", "note", "theme", "unit"):
        assert f"{where}<script>window" in text, where
    assert "name<script>window.__pwned='name'</script><img src=x onerror=" in text
    assert "[链](javascript:window.__pwned='name')" in text
    page.goto(poisoned_site + "reports/mini/")
    assert "report<script>window.__pwned='report'</script><img src=x onerror=" in \
        page.locator("article").inner_text()


def test_search_results_stay_text(page, poisoned_site):
    page.goto(poisoned_site)
    results = search(page, "甲乙")
    assert results, "the poisoned practice should still be found"
    page.wait_for_timeout(300)
    assert page.evaluate(DOM_CHECK) == []
    assert page.evaluate("window.__pwned") is None
