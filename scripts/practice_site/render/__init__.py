"""Every generated page and file, from the linked corpus: pure functions, no MkDocs."""
