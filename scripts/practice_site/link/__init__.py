"""The corpus as a graph: where practices are mentioned, evidence, relations both ways,
suggestions, coverage of the reports' terms.
"""
