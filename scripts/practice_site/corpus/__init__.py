"""Reading and checking ``data/``: one reader module per kind of file, the records as
frozen dataclasses (``model``), problems as values.
"""
