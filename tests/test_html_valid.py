"""The Nu Html Checker (vnu: npm package vnu-jar, run with Java) finds no error in our own
markup. Material's own errors are listed in ``MATERIAL`` with the template they come from;
any other error fails, and so does an entry that no longer matches anything (a Material
upgrade fixed it: remove the entry). The whole site takes about 3 s.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the real site and the Nu Html Checker on Java

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import npm_packages  # noqa: E402


@dataclass(frozen=True)
class Known:
    message: str
    """How vnu's message starts."""
    markup: str
    """A regular expression the reported source line matches."""
    source: str
    """Where Material writes it, and why it is not ours to change."""


MATERIAL = (
    Known("Attribute “autocomplete” is only allowed when the input type is",
          r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
          "base.html: the drawer and search toggles are checkboxes with autocomplete=\"off\""),
    Known("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
          r'<label class="md-nav__title" for="__toc">',
          "partials/toc.html: the label names the __toc checkbox that partials/nav-item.html "
          "writes only for a page in the nav; practice, theme and report pages are left out "
          "of the nav on purpose (a site of 1,000 pages in the nav is ten times larger)"),
)


@dataclass(frozen=True)
class Error:
    path: str
    line: int
    message: str
    source_line: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n    {self.source_line.strip()[:160]}"


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    java = shutil.which("java")
    if not java or not npm_packages.available("vnu-jar"):
        message = "the Nu Html Checker needs java (apt-get install default-jre-headless) and npm"
        if os.environ.get("CI"):
            pytest.fail(message + ": it cannot be skipped in CI")
        pytest.skip(message)
    jar = npm_packages.install("vnu-jar") / "build" / "dist" / "vnu.jar"
    return [java, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", "--skip-non-html"]


def check(vnu: list[str], target: Path) -> list[Error]:
    """Every error vnu reports for the HTML files under ``target``."""
    proc = subprocess.run([*vnu, str(target)], capture_output=True, text=True)
    assert proc.stdout, proc.stderr  # the JSON report (stderr keeps whatever Java says)
    messages = json.loads(proc.stdout)["messages"]
    errors = []
    for m in messages:
        path = Path(m["url"].removeprefix("file:"))
        line = m.get("lastLine", 0)
        source = path.read_text(encoding="utf-8").splitlines()[line - 1] if line else ""
        rel = path.relative_to(target) if path.is_relative_to(target) else path
        errors.append(Error(str(rel), line, m["message"], source))
    return errors


def known(error: Error) -> Known | None:
    return next((k for k in MATERIAL
                 if error.message.startswith(k.message) and re.search(k.markup, error.source_line)), None)


def test_no_error_in_our_markup(vnu, built_site, capsys):
    errors = check(vnu, built_site)
    ours = [e for e in errors if not known(e)]
    assert not ours, "\n".join(map(str, ours))
    seen = {known(e) for e in errors}
    stale = [k.source for k in MATERIAL if k not in seen]
    assert not stale, f"Material no longer makes these errors; remove them from MATERIAL: {stale}"
    with capsys.disabled():
        counts = {k.source.split(":")[0]: sum(known(e) == k for e in errors) for k in MATERIAL}
        print(f"\nvnu: {len(errors)} errors, all Material's own: {counts}")


def test_checker_reports_an_error_of_ours(vnu, built_site, tmp_path):
    """The control: an invalid role written into a built page is reported, and not taken
    for one of Material's errors."""
    page = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    assert 'role="group"' in page
    (tmp_path / "index.html").write_text(page.replace('role="group"', 'role="diagram"', 1), encoding="utf-8")
    ours = [e for e in check(vnu, tmp_path) if not known(e)]
    assert len(ours) == 1 and "role" in ours[0].message and 'role="diagram"' in ours[0].source_line, ours
