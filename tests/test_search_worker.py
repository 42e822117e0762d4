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


def test_officers_words_go_into_the_worker_not_the_index():
    from practice_site.corpus.model import OfficerWord
    from practice_site.search.words import worker_data
    [worker] = [p for p in WORKERS.glob("*.js") if is_worker(f"assets/javascripts/workers/{p.name}")]
    words = {"偷盗": OfficerWord("偷盗", (("盗窃", "same"),)), "安全生产": OfficerWord("安全生产", (("安全检查", "broader"),))}
    fixed = patch(worker.read_text(encoding="utf-8"), worker_data(words))
    assert 'var psTable={"偷盗":[["盗窃","same"]],"安全生产":[["安全检查","broader"]]};' in fixed
    assert "var psLongest=4;" in fixed
    assert fixed.count("function psSearch(") == 1 and fixed.count("function psFind(") == 1
    assert 'var psTable={};var psLongest=0;' in patch(worker.read_text(encoding="utf-8"))


def test_question_and_generic_words_are_regular_expressions_and_sets():
    from practice_site.search.words import worker_data
    data = worker_data({})
    assert data["psAsk"].startswith("/(?:有哪些做法|有什么做法|") and data["psAsk"].endswith(")/g")
    assert data["psAskEnd"].endswith("|\\?)$/")  # the half-width ? escaped, at the end only
    assert '"化"' in data["psSuffix"] and '"化"' not in data["psGeneric"]  # 化 is cut, never searched
    assert '"开展"' in data["psGeneric"]
