"""What a reader raises for a file it cannot take as a report."""
from __future__ import annotations


class Unreadable(Exception):
    """The file is not a report this command reads; ``message`` (Chinese) says what to do."""

    def __init__(self, message: str, line: int = 0):
        self.message = message
        self.line = line
        super().__init__(message)
