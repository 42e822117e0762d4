"""Police practice knowledge site: the build pipeline, one subpackage per stage.

Data flows down this list; each stage imports only the stages below it:

- ``text``: the text rules (terms, slugs, figures), the report layouts and the report parser,
  quote lookup. Knows nothing of records.
- ``corpus``: reads and checks every file under ``data/`` (``load.load_corpus``), every
  problem gathered with its file, line and field.
- ``link``: the corpus as a graph (mentions, evidence, relations both ways), suggestions,
  coverage of the reports' terms.
- ``render``: every generated page and file ({uri: text}); pure, no MkDocs.
- ``search``: what the search index sees, and the browser search worker.
- ``drafting``: ``add-report``: a report's initiatives found and drafted as records.
- ``serve`` and ``output``: the preview's additions, file watching, staged and in-place
  writing of the site.
- ``mkdocs_adapter``: the MkDocs side (the events' work on one state object, options,
  serve wiring, the five private touchpoints in ``compat``, the page cache); with
  ``scripts/mkdocs_hooks.py`` the only code that touches MkDocs.
- ``cli``: ``scripts/build.py`` commands over the same stages.
"""
