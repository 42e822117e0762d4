"""Golden Markdown: every page generated from the fixture corpus (tests/fixtures/corpus),
compared byte for byte with tests/golden/<uri>.

After an intended change, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py && git diff tests/golden
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from practice_site.corpus.load import load_corpus
from practice_site.render.site import render_site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
HOW = "regenerate with UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py, review git diff"


def _pages() -> dict[str, str]:
    corpus, problems = load_corpus(ROOT / "tests" / "fixtures" / "corpus", ROOT)
    assert problems == []
    return render_site(corpus)


PAGES = _pages()


def test_no_page_missing_or_extra():
    if UPDATE:
        for old in GOLDEN.rglob("*.md"):
            if old.relative_to(GOLDEN).as_posix() not in PAGES:
                old.unlink()
        for uri, markdown in PAGES.items():
            (GOLDEN / uri).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / uri).write_text(markdown, encoding="utf-8")
    stored = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert stored == set(PAGES), f"pages differ from tests/golden/: {HOW}"


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_page_matches_golden(uri):
    path = GOLDEN / uri
    assert path.exists(), f"no golden file for {uri}: {HOW}"
    assert PAGES[uri] == path.read_text(encoding="utf-8"), f"{uri} changed: {HOW}"
