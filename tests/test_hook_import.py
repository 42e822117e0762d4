"""scripts/mkdocs_hooks.py's import: the collector waits while the adapter loads, then leaves
what it loaded alone (gc.freeze), and is left as it was found; ``mkdocs serve`` thaws it and
collects after the build. In a child process, because freezing is process-wide."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LOAD_HOOK = """
import gc, importlib.util, json, sys
import mkdocs.plugins  # loaded by MkDocs before any hook
if sys.argv[1] == "off":
    gc.disable()
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
spec = importlib.util.spec_from_file_location("hooks_under_test", sys.argv[2])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
seen = {}
if sys.argv[1] == "serve":  # what on_serve does, on a live server that is never started
    import time
    from types import SimpleNamespace
    from mkdocs.livereload import LiveReloadServer
    frozen = gc.get_freeze_count()
    del collections[:]
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=sys.argv[3])
    module.serve.wire(server, SimpleNamespace(docs_dir=sys.argv[3], watch=[]), lambda: None, None,
                      module.build.preview)
    time.sleep(module.serve.COLLECT_AFTER + 1)
    seen = {"frozen before": frozen, "full collections after": collections.count(2)}
    server.server_close()
print(json.dumps({**seen, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                  "collections": len(collections), "globals": sorted(k for k in vars(module) if k.startswith("_c"))}))
"""


def load_hook(collector: str, folder: Path = ROOT) -> dict:
    out = subprocess.run([sys.executable, "-c", LOAD_HOOK, collector, str(ROOT / "scripts" / "mkdocs_hooks.py"),
                          str(folder)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.splitlines()[-1])


@pytest.mark.parametrize("collector", ["on", "off"])
def test_the_hook_freezes_its_imports_and_leaves_the_collector_as_it_was(collector):
    seen = load_hook(collector)
    assert seen["enabled"] is (collector == "on")
    assert seen["collections"] == 0  # none while pypinyin's tables and the rest load
    assert seen["frozen"] > 50_000  # the phrase table's lists among them
    assert seen["globals"] == []  # no module global left behind but `build`


def test_serve_thaws_the_imports_and_collects_after_the_first_build(tmp_path):
    # Frozen objects do not count towards a full collection's threshold: left frozen, one
    # fell inside every rebuild. serve collects between builds instead.
    seen = load_hook("serve", tmp_path)
    assert seen["frozen before"] > 50_000
    assert seen["frozen"] == 0
    assert seen["full collections after"] >= 1
