"""The MkDocs adapter: the only package that imports MkDocs.

``scripts/mkdocs_hooks.py`` hands each event to ``build.Build`` (the one state object);
``options`` reads ``extra: practice_site:``; ``serve`` wires the preview into ``mkdocs serve``;
``compat`` holds every touchpoint into private parts of MkDocs and Material (five, each with a
version check); ``cache_*`` is the page cache (search entries and themed HTML per page).
"""
