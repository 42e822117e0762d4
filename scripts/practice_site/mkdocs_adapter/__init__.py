"""Speed work that only a MkDocs build uses: the page cache and what it stores.
``scripts/mkdocs_hooks.py`` is the adapter itself.
"""
