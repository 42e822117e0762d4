"""No test module reads data/ or builds anything when it is imported: the real data is
loaded by fixtures (conftest.py: ``real_data``, ``real_corpus``, ``kind_urls``) when a test
asks for it, and sites are built by fixtures or inside tests. So collecting one test file,
or the fast tier, costs no load of the real data and no build.

Checked in a fresh interpreter that imports every module under tests/ with an audit hook:
any file or folder opened or listed under data/, and any subprocess started, is reported
with the module being imported."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # imports every test module (mkdocs, playwright, hypothesis) in a new interpreter

IMPORTER = r"""
import importlib, json, os, sys
root, names = sys.argv[1], json.loads(sys.argv[2])
data = os.path.join(root, "data") + os.sep
seen, current = [], [None]

def under_data(path):
    try:
        path = os.fspath(path)
    except TypeError:
        return False
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return (os.path.abspath(path) + os.sep).startswith(data)

def hook(event, args):
    if current[0] is None:
        return
    if event in ("open", "os.scandir", "os.listdir") and args and under_data(args[0]):
        seen.append(f"{current[0]}: {event} {os.fspath(args[0])}")
    elif event == "subprocess.Popen":
        seen.append(f"{current[0]}: runs {args[1]}")

sys.path[:0] = [os.path.join(root, "tests", "browser"), os.path.join(root, "tests"), os.path.join(root, "scripts")]
sys.addaudithook(hook)
for name in names:
    current[0] = name
    importlib.import_module(name)
current[0] = None
print(json.dumps(seen))
"""


SCRIPTS = {"conftest", "faultrun"}  # conftest is imported first; faultrun.py is a program, run by its test


def modules() -> list[str]:
    tests = ROOT / "tests"
    found = sorted(p.stem for p in [*tests.glob("*.py"), *(tests / "browser").glob("*.py")] if p.stem not in SCRIPTS)
    return ["conftest", *found]


def imported(names: list[str]) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", IMPORTER, str(ROOT), json.dumps(names)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_no_test_module_reads_data_or_builds_when_imported():
    names = modules()
    assert {"test_content", "test_a11y", "conftest"} <= set(names)
    assert imported(names) == []


def test_the_check_sees_a_module_that_reads_data(tmp_path):
    """The control: a module that opens a file under data/ when imported is reported."""
    (tmp_path / "reads_data.py").write_text(
        f"open({str(ROOT / 'data' / 'themes.yml')!r}, encoding='utf-8').read()\n", encoding="utf-8")
    sys_path = IMPORTER.replace("sys.path[:0] = [", f"sys.path[:0] = [{str(tmp_path)!r}, ")
    proc = subprocess.run([sys.executable, "-c", sys_path, str(ROOT), json.dumps(["reads_data"])],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [f"reads_data: open {ROOT / 'data' / 'themes.yml'}"]
