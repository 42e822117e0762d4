#!/usr/bin/env python3
"""Command-line entry to the pipeline: ``check``, ``pages --out DIR`` (see --help)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from practice_site.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
