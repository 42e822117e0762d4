"""Load ``data/``: one reader per data file, every problem gathered.

Layout (see data/README.md): ``reports/<id>.txt`` + ``reports/<id>.yml``, ``themes.yml``,
``tags.yml``, ``relations.yml``, ``kinds.yml``, ``glossary.yml``, ``honours.yml``,
``coverage.yml``, ``synonyms.yml``, ``practices/<id>.yml``, ``collections/<id>.yml``. ``DataFolder``
(folder.py) is the file access every reader shares; the reader modules (reports,
taxonomies, practices, glossary, honours, skips, handouts, synonyms) each own one kind of file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from practice_site.corpus.folder import DataFolder
from practice_site.corpus.glossary import read_glossary
from practice_site.corpus.handouts import read_collections
from practice_site.corpus.honours import read_honours
from practice_site.corpus.model import Corpus
from practice_site.corpus.practices import RecordMemo, read_practices
from practice_site.corpus.problems import Problem
from practice_site.corpus.reports import read_reports
from practice_site.corpus.skips import read_coverage
from practice_site.corpus.synonyms import read_synonyms
from practice_site.corpus.taxonomies import read_kinds, read_relation_kinds, read_tags, read_themes


@dataclass
class LoadMemo:
    """What one load keeps for the next (``mkdocs serve`` loads again after every save; the
    hook holds this): the result is the same as a fresh load's (tests/test_load_reuse.py)."""

    records: RecordMemo = field(default_factory=RecordMemo)
    """Practice records whose file and context are as at the last load are not parsed and
    checked again (practices.py)."""
    reports: dict = field(default_factory=dict)
    """(report text, title) -> its parse, for the reports of the last load (reports.py)."""


def load_corpus(data_dir: Path, root: Path | None = None, *,
                reuse: LoadMemo | None = None) -> tuple[Corpus, list[Problem]]:
    """Load everything under ``data_dir``; the corpus is complete only if no problems.
    ``reuse``: what the last load with it kept (LoadMemo)."""

    folder = DataFolder(data_dir, root)
    reports = read_reports(folder, reuse.reports if reuse else None)
    themes = read_themes(folder, reports)
    tags = read_tags(folder)
    kinds = read_kinds(folder)
    relation_kinds = read_relation_kinds(folder)
    practices = read_practices(folder, reports, themes, tags, kinds, relation_kinds,
                               memo=reuse.records if reuse else None)
    glossary = read_glossary(folder, reports)
    honours = read_honours(folder, reports, practices)
    skipped = read_coverage(folder, reports, practices)
    collections = read_collections(folder, reports, practices)
    synonyms = read_synonyms(folder, reports, practices)
    corpus = Corpus(reports, practices, themes, tags, relation_kinds, kinds, glossary, honours, skipped,
                    collections, tuple(sorted(set(folder.warnings))), synonyms)
    return corpus, sorted(set(folder.problems))
