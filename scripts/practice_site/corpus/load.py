"""Load ``data/``: one reader per data file, every problem gathered.

Layout (see data/README.md): ``reports/<id>.txt`` + ``reports/<id>.yml``, ``themes.yml``,
``tags.yml``, ``relations.yml``, ``kinds.yml``, ``glossary.yml``, ``honours.yml``,
``coverage.yml``, ``synonyms.yml``, ``practices/<id>.yml``, ``collections/<id>.yml``. ``DataFolder``
(folder.py) is the file access every reader shares; the reader modules (reports,
taxonomies, practices, glossary, honours, skips, handouts, synonyms) each own one kind of file.
"""
from __future__ import annotations

from pathlib import Path

from practice_site.corpus.folder import DataFolder
from practice_site.corpus.glossary import read_glossary
from practice_site.corpus.handouts import read_collections
from practice_site.corpus.honours import read_honours
from practice_site.corpus.model import Corpus
from practice_site.corpus.practices import read_practices
from practice_site.corpus.problems import Problem
from practice_site.corpus.reports import read_reports
from practice_site.corpus.skips import read_coverage
from practice_site.corpus.synonyms import read_synonyms
from practice_site.corpus.taxonomies import read_kinds, read_relation_kinds, read_tags, read_themes


def load_corpus(data_dir: Path, root: Path | None = None, *,
                reuse: bool = False) -> tuple[Corpus, list[Problem]]:
    """Load everything under ``data_dir``; the corpus is complete only if no problems.

    ``reuse`` (``mkdocs serve``, which loads again after every save): practice records whose
    file and context are as at the last load are not parsed and checked again
    (read_practices.RecordMemo); the result is the same."""

    folder = DataFolder(data_dir, root)
    reports = read_reports(folder)
    themes = read_themes(folder, reports)
    tags = read_tags(folder)
    kinds = read_kinds(folder)
    relation_kinds = read_relation_kinds(folder)
    practices = read_practices(folder, reports, themes, tags, kinds, relation_kinds, reuse=reuse)
    glossary = read_glossary(folder, reports)
    honours = read_honours(folder, reports, practices)
    skipped = read_coverage(folder, reports, practices)
    collections = read_collections(folder, reports, practices)
    synonyms = read_synonyms(folder, reports, practices)
    corpus = Corpus(reports, practices, themes, tags, relation_kinds, kinds, glossary, honours, skipped,
                    collections, tuple(sorted(set(folder.warnings))), synonyms)
    return corpus, sorted(set(folder.problems))
