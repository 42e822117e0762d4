#!/usr/bin/env python3
"""Command-line entry to the pipeline: ``check``, ``pages --out DIR``, ``coverage`` (see --help).

Runs in the project's ``.venv``: started by any other Python (``python3 scripts/build.py check``
in a fresh clone), it creates ``.venv`` when needed (scripts/dev.py) and runs itself there.
"""
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _in_venv() -> bool:
    return Path(sys.prefix).resolve() == (HERE.parent / ".venv").resolve()


if __name__ == "__main__":
    if not _in_venv():
        import dev
        dev.ensure_venv()
        python = str(dev.BIN / "python")
        if os.name == "posix":
            os.execv(python, [python, __file__, *sys.argv[1:]])
        sys.exit(subprocess.call([python, __file__, *sys.argv[1:]]))
    from practice_site.cli import main
    sys.exit(main())
