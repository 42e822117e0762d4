"""Golden HTML: every page generated from the fixture corpus (tests/fixtures/corpus), as a
reader's browser gets it inside the theme (the page body), with its title and table of
contents in a comment on top; compared byte for byte with tests/golden/<uri>.html.

After an intended change, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py && git diff tests/golden
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from practice_site.corpus.load import load_corpus
from practice_site.render.page import Page
from practice_site.render.site import render_site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
HOW = "regenerate with UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py, review git diff"


def golden_text(page: Page) -> str:
    toc = "\n".join(f"{'  ' * (h.level - 1)}#{h.id} {h.title}" for h in page.toc)
    meta = json.dumps(page.meta, ensure_ascii=False, sort_keys=True)
    return f"<!-- meta: {meta}\ntoc:\n{toc}\n-->\n{page.html}"


def golden_path(uri: str) -> Path:
    return GOLDEN / Path(uri).with_suffix(".html")


def _pages() -> dict[str, Page]:
    corpus, problems = load_corpus(ROOT / "tests" / "fixtures" / "corpus", ROOT)
    assert problems == []
    return render_site(corpus)


PAGES = _pages()


def test_no_page_missing_or_extra():
    expected = {golden_path(uri) for uri in PAGES}
    if UPDATE:
        for old in [*GOLDEN.rglob("*.html"), *GOLDEN.rglob("*.md")]:
            if old not in expected:
                old.unlink()
        for uri, page in PAGES.items():
            golden_path(uri).parent.mkdir(parents=True, exist_ok=True)
            golden_path(uri).write_text(golden_text(page), encoding="utf-8")
    assert set(GOLDEN.rglob("*.html")) == expected, f"pages differ from tests/golden/: {HOW}"


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_page_matches_golden(uri):
    path = golden_path(uri)
    assert path.exists(), f"no golden file for {uri}: {HOW}"
    assert golden_text(PAGES[uri]) == path.read_text(encoding="utf-8"), f"{uri} changed: {HOW}"
