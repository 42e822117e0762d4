"""The benchmark's synthetic corpus (scripts/synth.py) passes the same checks as real data."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import synth  # noqa: E402


def check(data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--data", str(data), "check"],
                          capture_output=True, text=True)


@pytest.mark.slow  # build.py check on 120 practices in a new interpreter
def test_synthetic_corpus_passes_check(tmp_path):
    data = synth.generate(120, tmp_path / "data")
    proc = check(data)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "检查通过：3 份报告，120 个做法"


def test_synthetic_corpus_is_deterministic_and_masks_figures(tmp_path):
    a, b = synth.generate(60, tmp_path / "a"), synth.generate(60, tmp_path / "b")
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    report = next((a / "reports").glob("*.txt")).read_text(encoding="utf-8")
    assert "**" in report  # masked figures, as in the real reports
    assert len(files) == 60 + 2 * 2 + 5  # records, 2 reports with metadata, 5 taxonomy files


def test_synthetic_quotes_resolve_to_the_practices_own_item(tmp_path):
    """Every how-phrase is unique, so evidence lands on the practice's own sentences."""
    from practice_site.corpus.load import load_corpus
    from practice_site.link.graph import link_corpus
    corpus, problems = load_corpus(synth.generate(100, tmp_path / "data"))
    assert problems == []
    links = link_corpus(corpus)
    for p in corpus.practices.values():
        items = {(e.report, e.sentence.section) for e in links.evidence[p.id]
                 if e.mentioned and "-" in e.sentence.section}
        assert items, p.id
        for q in p.how:
            sentence = next(s for s in corpus.reports[q.report].parsed.sentences if s.id == q.sentence)
            assert q.text in sentence.text
            assert (q.report, sentence.section) in items, (p.id, q.text)
