"""A bad input never costs the last good site: for every invalid case, ``site/`` is
unchanged byte for byte (file list, contents and modification times) after the failing
build, and the build names every problem.

The good site is built once (real ``mkdocs build --strict``). Every case then runs MkDocs'
own build function in-process (``mkdocs.commands.build.build``: the code ``mkdocs build``
runs, minus a new interpreter per case) into that same folder; a representative subset
also runs the real command line, to prove the exit status and the printed messages.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from test_invalid import CASE_LIST, Case, case_params, shown

CLI_SUBSET = {"yaml-tab", "report-not-utf8", "many-problems", "unsafe-id-dotdot", "script-in-fields"}


def site_hash(site: Path) -> str:
    """One digest of every file's path, bytes and mtime under ``site``."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        digest.update(path.relative_to(site).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
            digest.update(str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """The fixture corpus built into ``site/``: (work folder, site folder, digest)."""
    work = tmp_path_factory.mktemp("preserved")
    site = work / "site"
    Case("good", "", {}, []).apply(work / "data")
    old = os.environ.get("PRACTICE_SITE_DATA")
    os.environ["PRACTICE_SITE_DATA"] = str(work / "data")
    try:
        proc = mkdocs_build(site)
    finally:
        if old is None:
            del os.environ["PRACTICE_SITE_DATA"]
        else:
            os.environ["PRACTICE_SITE_DATA"] = old
    assert proc.returncode == 0, proc.stderr
    assert (site / "practices" / "jiayi" / "index.html").is_file()
    return work, site, site_hash(site)


def test_good_build_is_nonempty(good_site):
    _, site, _ = good_site
    assert len(list(site.rglob("*.html"))) >= 8


@pytest.mark.parametrize("case", case_params())
def test_failed_build_keeps_site(case: Case, good_site, monkeypatch, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    work, site, digest = good_site
    case.apply(work / "data")
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(work / "data"))
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(config)
    logged = shown(caplog.text, work)
    for line in case.expect:
        assert line in logged
    assert site_hash(site) == digest


def test_subset_is_present():
    assert {c.name for c in CASE_LIST} >= CLI_SUBSET


@pytest.mark.slow  # a new interpreter per case
@pytest.mark.parametrize("case", [c for c in CASE_LIST if c.name in CLI_SUBSET], ids=lambda c: c.name)
def test_failed_cli_build_keeps_site(case: Case, good_site, monkeypatch):
    work, site, digest = good_site
    case.apply(work / "data")
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(work / "data"))
    proc = mkdocs_build(site)
    assert proc.returncode != 0
    assert shown(proc.stderr, work).count("\n".join(case.expect)) == 1, proc.stderr
    assert site_hash(site) == digest


@pytest.mark.slow  # a build on the command line
def test_digest_sees_a_rebuild(good_site, monkeypatch):
    """The control (runs last): a good build into the same folder changes the digest, so
    the checks above would notice a failed build that had touched site/."""
    work, site, digest = good_site
    Case("good", "", {}, []).apply(work / "data")
    monkeypatch.setenv("PRACTICE_SITE_DATA", str(work / "data"))
    assert mkdocs_build(site).returncode == 0
    assert site_hash(site) != digest
