"""Under ``mkdocs serve`` a bad edit names every problem in the log, the last good pages
keep being served, and the next good edit is picked up (the server is not stuck).

The real ``mkdocs serve`` runs on a copy of the fixture corpus, through a config that
inherits the site's mkdocs.yml and watches the copy.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml

from conftest import ROOT, free_port
from test_invalid import CASE_LIST, FIXTURE

LIVERELOAD = re.compile(r"<script>[^<]*livereload\([^<]*</script>")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return LIVERELOAD.sub("", r.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(what: str, check, timeout: float = 120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if got := check():
            return got
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path):
    """(data folder, base url, log file) of a running ``mkdocs serve``."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs"),
        "hooks": [str(ROOT / "scripts" / "mkdocs_hooks.py")], "watch": [str(data)],
        "theme": {"custom_dir": str(ROOT / "overrides")}}), encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env=dict(os.environ, PRACTICE_SITE_DATA=str(data), NO_MKDOCS_2_WARNING="1"))
    try:
        yield data, f"http://127.0.0.1:{port}/", log
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_keeps_last_good_pages_and_logs_every_problem(served, tmp_path):
    data, url, log = served
    page = url + "practices/jiayi/"
    good = wait_for("the first build", lambda: fetch(page))
    assert "测试用的" in good

    # A bad edit: the many-problems case, copied over the served data folder.
    case = next(c for c in CASE_LIST if c.name == "many-problems")
    broken = tmp_path / "broken" / "data"
    case.apply(broken)
    shutil.copytree(broken, data, dirs_exist_ok=True)
    wait_for("the failed rebuild in the log",
             lambda: "Still serving the last good site" in log.read_text(encoding="utf-8"))
    text = log.read_text(encoding="utf-8")
    for line in case.expect:
        assert line in text, line
    assert f"{len(case.expect)} problem(s) found; nothing was built." in text
    # The last good pages are still served, unchanged.
    assert fetch(page) == good
    assert fetch(url + "practices/xiangmu-jingguan/") is not None

    # A good edit afterwards is built and served.
    shutil.copytree(FIXTURE, data, dirs_exist_ok=True)
    target = data / "practices" / "jingwang-zhizhi.yml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "警网智治的测试记录。", "警网智治的测试记录，已修改。"), encoding="utf-8")
    wait_for("the fixed rebuild",
             lambda: "已修改" in (fetch(url + "practices/jingwang-zhizhi/") or ""))
