"""The search-worker patch: applied to the installed Material, refused on anything else."""
from __future__ import annotations

from pathlib import Path

import pytest

from practice_site.search.worker import is_worker, patch

WORKERS = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_patches_the_installed_worker_once():
    [worker] = [p for p in WORKERS.glob("*.js") if is_worker(f"assets/javascripts/workers/{p.name}")]
    js = worker.read_text(encoding="utf-8")
    fixed = patch(js)
    assert "o<t.length" in js and "o<=n" in fixed  # a word may now end at the query's end
    assert fixed.count("function psStarts") == 1
    assert fixed.count("search(e,psAll)") == 1  # all words required first, then any
    with pytest.raises(ValueError, match="expected one segment"):
        patch(fixed)  # already patched: the original function is gone


def test_refuses_an_unknown_worker():
    with pytest.raises(ValueError, match="check scripts/practice_site/search/worker.py"):
        patch("function fe(t,e){return t}")


def test_only_the_search_worker_is_patched():
    assert is_worker("assets/javascripts/workers/search.a7633da7.min.js")
    assert not is_worker("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not is_worker("assets/javascripts/workers/search.a7633da7.min.js.map")
