"""Police practice knowledge site: the build pipeline.

Stages, one module each: ``yamlnodes`` (YAML with line numbers) -> ``report`` (parse a
report into parts, items, sentences) -> ``load`` (records, validated) -> ``link`` (the
corpus as a graph) -> ``render`` ({uri: markdown}). Nothing here imports MkDocs; the
hook in ``scripts/mkdocs_hooks.py`` is the only adapter.
"""
