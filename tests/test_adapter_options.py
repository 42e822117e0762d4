"""mkdocs_adapter/options.py: ``extra: practice_site:`` in mkdocs.yml, environment overrides."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from practice_site.mkdocs_adapter.options import Options


def config(tmp_path, extra=None):
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra=extra or {})


@pytest.fixture(autouse=True)
def no_overrides(monkeypatch):
    for name in ("PRACTICE_SITE_DATA", "PRACTICE_SITE_CACHE", "PRACTICE_SITE_DRAFTS"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_are_beside_mkdocs_yml(tmp_path):
    o = Options.read(config(tmp_path))
    assert (o.root, o.data, o.cache, o.drafts) == (tmp_path, tmp_path / "data", tmp_path / "build" / "cache", None)


def test_mkdocs_yml_sets_them(tmp_path):
    o = Options.read(config(tmp_path, {"practice_site": {"data": "records", "cache": "off"}}))
    assert o.data == tmp_path / "records" and o.cache is None


def test_environment_overrides_mkdocs_yml(tmp_path, monkeypatch):
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(tmp_path / "fixture"))
    monkeypatch.setenv("PRACTICE_SITE_CACHE", str(tmp_path / "c"))
    monkeypatch.setenv("PRACTICE_SITE_DRAFTS", "1")
    o = Options.read(config(tmp_path, {"practice_site": {"data": "records", "cache": "off"}}))
    assert (o.data, o.cache, o.drafts) == (tmp_path / "fixture", tmp_path / "c", "1")
    monkeypatch.setenv("PRACTICE_SITE_CACHE", "OFF")
    assert Options.read(config(tmp_path)).cache is None


def test_an_unknown_key_is_refused_by_name(tmp_path):
    with pytest.raises(PluginError, match=r"extra\.practice_site.*cache, data"):
        Options.read(config(tmp_path, {"practice_site": {"dat": "x"}}))
