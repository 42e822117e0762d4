"""A real `mkdocs build --strict` of a corpus holding a report in every layout (the fixture
corpus plus tests/fixtures/reports/): clean, every report heading a heading with its fixed id
and a table-of-contents entry, the per-report and by-unit/year pages linked."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

LAYOUTS = {  # fixture report -> metadata (the fixtures' own invented units)
    "four-levels": ("青山县公安局2023年工作总结", "青山县公安局", 2023),
    "sections-only": ("白河市公安局关于2023年度平安建设工作情况的报告", "白河市公安局", 2023),
    "slogan-headings": ("守护一方平安的西岭答卷", "西岭区公安分局", 2023),
    "no-title": ("南湾派出所警格网格联动纪实", "南湾派出所", 2023),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("layouts")
    data = work / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", data)
    for rid, (title, unit, year) in LAYOUTS.items():
        shutil.copy(ROOT / "tests" / "fixtures" / "reports" / f"{rid}.txt", data / "reports")
        (data / "reports" / f"{rid}.yml").write_text(
            f"title: {title}\nunit: {unit}\nyear: {year}\nkind: 测试\n", encoding="utf-8")
    out = work / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PRACTICE_SITE_DATA=str(data), NO_MKDOCS_2_WARNING="1"))
    assert proc.returncode == 0 and "WARNING" not in proc.stderr, proc.stderr
    return out


def _headings(html: str) -> list[tuple[str, str]]:
    """(tag, id) of every content heading h2–h6, in page order."""
    return re.findall(r'<(h[2-6]) id="([^"]+)"', html)


def test_nested_headings_keep_their_level_and_fixed_id(site):
    html = (site / "reports/four-levels/index.html").read_text(encoding="utf-8")
    heads = dict((hid, tag) for tag, hid in _headings(html))
    assert heads["p1"] == "h2" and heads["p1-s1"] == "h3" and heads["p1-s1-n1"] == "h4"
    assert heads["p1-s1-n1-i2"] == "h5" and heads["p2-s2"] == "h3"
    # The table of contents lists every heading, by the same fixed anchor.
    toc = html[html.index('data-md-component="toc"'):]
    for hid in heads:
        assert f'href="#{hid}"' in toc, hid


@pytest.mark.parametrize("rid, ids, items", [
    ("sections-only", ["s1", "s1-d2", "s2", "s2-n1", "s2-n2", "s3"], ["s1-d1"]),
    ("slogan-headings", ["h1", "h2", "h3"], ["h1-e1", "h1-e2", "h1-e3"]),
    ("no-title", [], ["i1", "i2"]),
])
def test_every_layouts_headings_show_as_headings(site, rid, ids, items):
    """A section with a body is a heading; an item that is one sentence (第一，…。 首先，…。
    一是…。) is body text with its marker as a label, keeping its anchor."""
    html = (site / f"reports/{rid}/index.html").read_text(encoding="utf-8")
    assert [hid for _, hid in _headings(html) if not hid.startswith("__")] == ids
    assert re.findall(r'<p class="ps-item" id="([^"]+)"><span class="ps-s" id="s-\w+"><span class="ps-label">',
                      html) == items


def test_report_views_link_each_other(site):
    index = (site / "reports/index.html").read_text(encoding="utf-8")
    for rid in LAYOUTS:
        assert f'id="{rid}"' in index and f'href="{rid}/"' in index
        report = (site / "reports" / rid / "index.html").read_text(encoding="utf-8")
        assert f'href="../../browse/{rid}/"' in report
        assert (site / "browse" / rid / "index.html").exists()
    browse = (site / "browse/index.html").read_text(encoding="utf-8")
    assert browse.count('id="u-') == 6 and 'id="y2023"' in browse and 'id="y2022"' in browse
