"""The text rules every stage shares, the report layouts and parser, and quote lookup. Imports nothing else of the project."""
