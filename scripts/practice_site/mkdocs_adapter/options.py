"""The adapter's options: ``extra: practice_site:`` in mkdocs.yml, environment overrides.

A hook takes no options of its own, and a plugin of its own would have to be installed as a
package (an entry point) to be named in ``plugins:``; ``extra`` is the one free section
MkDocs reads without a warning. Keys (all optional)::

    extra:
      practice_site:
        data: data            # the data folder, relative to mkdocs.yml
        cache: build/cache    # the page cache's folder, or off

Environment variables override them, for tests and benchmarks: ``PRACTICE_SITE_DATA``,
``PRACTICE_SITE_CACHE`` (``off`` turns the cache off), ``PRACTICE_SITE_DRAFTS`` (``1`` shows
draft records, ``0`` hides them; unset, serve shows them and build does not).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.utils.yaml import yaml_load

from practice_site.mkdocs_adapter.cache_entries import CACHE_ENV
from practice_site.render.drafts import ENV as DRAFTS_ENV

DATA_ENV = "PRACTICE_SITE_DATA"
KEYS = {"data", "cache"}
OFF = {"off", "0", "no", "false"}


@dataclass(frozen=True)
class Options:
    root: Path
    """The project: the folder of mkdocs.yml (a config read from stdin: the working directory)."""
    data: Path
    """The data folder."""
    cache: Path | None
    """The page cache's folder; None when off."""
    drafts: str | None
    """``PRACTICE_SITE_DRAFTS`` as set, or None."""

    @classmethod
    def read(cls, config: Any) -> Options:
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        section = (config.extra or {}).get("practice_site") or {}
        if not isinstance(section, dict) or set(section) - KEYS:
            raise PluginError(f"mkdocs.yml: extra.practice_site: 只能有这些键：{', '.join(sorted(KEYS))}")
        # A relative path is from mkdocs.yml's folder; an environment variable's from the
        # working directory, as usual (root / an absolute path is that path).
        data = Path(os.environ.get(DATA_ENV) or root / str(section.get("data") or "data"))
        env_cache = os.environ.get(CACHE_ENV, "").strip()
        cache = env_cache or str(section.get("cache") or "build/cache")
        folder = Path(cache) if env_cache else root / cache
        return cls(root=root, data=data, cache=None if cache.lower() in OFF else folder,
                   drafts=os.environ.get(DRAFTS_ENV))


def configured_site_url(config: Any, command: str) -> str:
    """``site_url`` as mkdocs.yml sets it. ``mkdocs serve`` replaces ``config.site_url`` with
    its own local address (http://127.0.0.1:8000/), which printed pages must never carry:
    under serve the value is read from the file itself, with MkDocs' own YAML loader (it
    follows ``INHERIT`` and resolves ``!ENV`` as a build would)."""
    if command != "serve" or not config.config_file_path:
        return config.site_url or ""
    try:
        with open(config.config_file_path, "rb") as fd:
            value = yaml_load(fd).get("site_url")
    except (OSError, ConfigurationError):
        return ""
    return value if isinstance(value, str) else ""
