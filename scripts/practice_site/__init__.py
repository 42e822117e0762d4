"""Police practice knowledge site: the build pipeline.

Stages: ``yamlnodes`` (YAML with line numbers) -> ``report`` (parse a report into a tree
of sections and sentences) -> ``load`` (the data folder; one ``read_*`` module per kind of
data file, every problem gathered) -> ``link`` (the corpus as a graph) -> ``render_*``
({uri: markdown}). ``text`` holds the text rules every stage shares. Nothing here imports
MkDocs; the hook in ``scripts/mkdocs_hooks.py`` is the only adapter.
"""
