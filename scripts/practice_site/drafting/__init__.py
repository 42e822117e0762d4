"""``add-report``: a new report's initiatives found, drafted as records, checked on a copy of ``data/``."""
