"""Shared fixtures: paths, a built site, a served site, ``mkdocs serve`` on a copy, a browser.

Browser tests use Debian's chromium through Playwright (no browser download). Without
chromium they fail when CI is set, and skip elsewhere with the reason.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


# A test that asks for one of these is slow (a real-site build, a served site, a browser):
# ``dev.py test --fast`` (``-m "not slow"``) leaves it out. Tests that build or serve by
# themselves carry ``pytest.mark.slow`` (or their module's ``pytestmark``).
SLOW_FIXTURES = {"built_site", "site_url", "served", "browser", "page"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.path.parent.name == "browser":
            item.add_marker(pytest.mark.slow)


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", *extra: str,
                 cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``site_dir``; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(site_dir), *extra],
        cwd=cwd, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def fixture_project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the fixture data and of docs/ under ``tmp_path``, with a config building them
    through the site's hook: (data folder, config). The caller points PRACTICE_SITE_DATA at it."""
    data, docs = tmp_path / "data", tmp_path / "docs"
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", data)  # test_invalid.FIXTURE
    shutil.copytree(ROOT / "docs", docs)
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(docs),
        "hooks": [str(ROOT / "scripts" / "mkdocs_hooks.py")], "watch": [str(data)],
        "theme": {"custom_dir": str(ROOT / "overrides")}}), encoding="utf-8")
    return data, config


@pytest.fixture(scope="session")
def real_data():
    """(corpus, problems) of data/, loaded once per session, when a test first asks for it:
    no test module reads data/ when it is imported (tests/test_imports.py checks)."""
    from practice_site.corpus.load import load_corpus
    return load_corpus(ROOT / "data", ROOT)


@pytest.fixture(scope="session")
def real_corpus(real_data):
    """The corpus of data/. Whether it loads without problems is tests/test_content.py's
    one test, not asserted again by every user of this fixture."""
    return real_data[0]


@pytest.fixture(scope="session")
def kind_urls(real_corpus) -> dict[str, str]:
    """One built page of each kind (tests/page_kinds.py) of the real site: kind -> URL path."""
    from page_kinds import KINDS, page_kinds
    kinds = page_kinds(real_corpus)
    assert set(kinds) <= set(KINDS), f"add {sorted(set(kinds) - set(KINDS))} to KINDS in tests/page_kinds.py"
    return kinds


def kind_url(kind_urls: dict[str, str], kind: str) -> str:
    """The page of ``kind``; skips when the data has none (a corpus without collections)."""
    if kind not in kind_urls:
        pytest.skip(f"the data has no page of kind {kind}")
    return kind_urls[kind]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(site)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (for servers started as subprocesses)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 (a free port); returns (server, base url)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


FIXTURE = ROOT / "tests" / "fixtures" / "corpus"


def fetch(url: str) -> str | None:
    """The page's text, or None when the server does not answer or answers with an error."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8")
    except (OSError, urllib.error.URLError):
        return None


def wait_for(what: str, check, timeout: float = 120):
    """``check()``'s first true value, polled until ``timeout`` seconds (then the test fails)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if got := check():
            return got
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@contextlib.contextmanager
def mkdocs_serve(tmp_path: Path, data: Path, settings: dict | None = None):
    """(base url, log file) of ``mkdocs serve`` on ``data``, through a config that inherits
    the site's mkdocs.yml and watches ``data``, with ``settings`` added (site_url, …); fails
    if serve died meanwhile."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs"),
        "hooks": [str(ROOT / "scripts" / "mkdocs_hooks.py")], "watch": [str(data)],
        "theme": {"custom_dir": str(ROOT / "overrides")}, **(settings or {})}), encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
            env=dict(os.environ, PRACTICE_SITE_DATA=str(data), NO_MKDOCS_2_WARNING="1"))
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for("the first build", lambda: "Serving on" in log.read_text(encoding="utf-8")
                 or proc.poll() is not None)
        assert proc.poll() is None, log.read_text(encoding="utf-8")
        yield url, log
        assert proc.poll() is None, "mkdocs serve died:\n" + log.read_text(encoding="utf-8")
    finally:
        stop_serve(proc)


def stop_serve(proc: subprocess.Popen) -> None:
    """Stop ``mkdocs serve`` as Ctrl+C does, so that it removes its temporary site folder
    (``mkdocs_*`` in the temp folder; a terminated server leaves it behind)."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def served(tmp_path):
    """(data folder, base url, log file) of ``mkdocs serve`` on a copy of the fixture corpus."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    with mkdocs_serve(tmp_path, data) as (url, log):
        yield data, url, log


def chromium_path() -> str | None:
    return os.environ.get("PS_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium driven by Playwright."""
    path = chromium_path()
    if not path:
        message = "chromium not installed (apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CI"):
            pytest.fail(message + ": browser tests cannot be skipped in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request URL in ``page.requested``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    pg.requested = []
    pg.on("request", lambda req: pg.requested.append(req.url))
    yield pg
    context.close()


def search(pg, query: str, timeout: float = 10_000) -> list[dict]:
    """Type ``query`` into Material's search box; return the results as [{href, title}]."""
    pg.click("label.md-search__icon, .md-search__input", timeout=timeout)
    box = pg.locator("input.md-search__input")
    box.fill("")
    box.type(query)
    box.press("End")  # Material searches on keyup; typed CJK alone may not fire one
    # Wait for results: not the initializer (正在…) nor the empty-box placeholder (键入…).
    pg.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/正在|键入|Initializing|Type to/i.test(m.textContent); }", timeout=timeout)
    return pg.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "els => els.map(e => ({href: e.href, title: (e.querySelector('h1,h2') || e).textContent.trim()}))")
