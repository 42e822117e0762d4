"""mkdocs_adapter/compat.py: each of the five touchpoints into private parts of MkDocs and
Material works on the installed versions, and refuses an unknown version loudly, naming the
version found and the file to read."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.livereload import LiveReloadServer

from practice_site.mkdocs_adapter import compat
from practice_site.search.worker import is_worker

WORKERS = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts" / "workers"


@pytest.fixture
def server(tmp_path):
    s = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    yield s
    s.server_close()


@pytest.fixture
def unknown(monkeypatch):
    """Every package reports a version no touchpoint knows."""
    monkeypatch.setattr(compat, "version", lambda package: "99.0.0")


def test_the_installed_stack_is_known():
    for package in ("mkdocs", "mkdocs-material"):
        compat.check(package, "test")


@pytest.mark.parametrize("package", sorted(compat.KNOWN))
def test_an_unknown_version_names_itself_and_the_file_to_read(package):
    with pytest.raises(compat.UnknownVersion) as err:
        compat.check(package, "a touchpoint", installed="99.1.0")
    message = str(err.value)
    assert f"{package} 99.1.0" in message and compat.FILES[package] in message and "compat.KNOWN" in message


def test_properdocs_server_is_checked_as_properdocs():
    fake = type("LiveReloadServer", (), {"__module__": "properdocs.livereload"})()
    assert compat.server_package(fake) == "properdocs"


def test_1_live_reload_script_replaced(server, unknown):
    seen = []

    def inject(page, epoch):
        seen.append(epoch)
        return page + b"<script src=/reload.js></script>"
    with pytest.raises(compat.UnknownVersion, match="mkdocs 99.0.0"):
        compat.live_reload(server, inject)


def test_1_live_reload_script_replaced_on_the_installed_server(server):
    seen = []

    def inject(page, epoch):
        seen.append(epoch)
        return page + b"<script src=/reload.js></script>"
    error_page = compat.live_reload(server, inject)
    assert server._inject_js_into_html(b"<body></body>", 7).endswith(b"<script src=/reload.js></script>")
    assert error_page(b"<p>404</p>") == b"<p>404</p><script src=/reload.js></script>"
    assert seen == [7, server._visible_epoch]
    assert error_page(None) is None


def test_2_rebuild_requested(server):
    assert not server._want_rebuild
    compat.request_rebuild(server)
    assert server._want_rebuild


def test_2_rebuild_refused_on_an_unknown_version(server, unknown):
    with pytest.raises(compat.UnknownVersion, match="mkdocs 99.0.0"):
        compat.request_rebuild(server)
    assert not server._want_rebuild


def test_3_observer_replaced_with_every_watch(server, tmp_path):
    from watchdog.observers.polling import PollingObserver
    (tmp_path / "a").mkdir()
    server.watch(str(tmp_path / "a"))
    server.watch(str(tmp_path / "a"))
    server.watch(str(tmp_path))
    before = dict(server._watched_paths)
    observer = PollingObserver()
    compat.replace_observer(server, observer)
    assert server.observer is observer and dict(server._watched_paths) == before
    assert len(observer.emitters) == 2


def test_3_observer_refused_on_an_unknown_version(server, unknown):
    old = server.observer
    with pytest.raises(compat.UnknownVersion):
        compat.replace_observer(server, object())
    assert server.observer is old


def test_3_a_server_without_the_attributes_is_refused():
    with pytest.raises(compat.UnknownVersion, match="_watched_paths"):
        compat.replace_observer(SimpleNamespace(observer=None, _watch_refs={}), object())


def index() -> SearchIndex:
    return SearchIndex(lang=["zh"], separator=r"[\s\-]+", pipeline=[], fields={})


def test_4_search_entries_routed():
    calls = []
    idx = index()
    compat.route_search_entries(idx, lambda i, original, page: calls.append((i, page, original.__name__)))
    idx.add_entry_from_context("page")
    assert calls == [(idx, "page", "add_entry_from_context")]
    assert isinstance(idx.entries, list)


def test_4_search_entries_refused_on_an_unknown_version(unknown):
    idx = index()
    original = idx.add_entry_from_context
    with pytest.raises(compat.UnknownVersion, match="mkdocs-material 99.0.0"):
        compat.route_search_entries(idx, lambda *a: None)
    assert idx.add_entry_from_context == original


def test_4_an_index_without_the_method_is_refused():
    with pytest.raises(compat.UnknownVersion, match="add_entry_from_context"):
        compat.route_search_entries(SimpleNamespace(entries=[]), lambda *a: None)


def test_5_search_worker_patched():
    [worker] = [p for p in WORKERS.glob("*.js") if is_worker(f"assets/javascripts/workers/{p.name}")]
    source = worker.read_text(encoding="utf-8")
    patched = compat.patch_search_worker(source)
    assert "o<t.length" in source and "o<=n" in patched and patched.count("function psStarts") == 1


def test_5_search_worker_refused_on_an_unknown_version(unknown):
    with pytest.raises(compat.UnknownVersion, match="mkdocs-material 99.0.0"):
        compat.patch_search_worker("")
