"""Under ``mkdocs serve`` a bad edit names every problem in the log and on every served page,
the last good pages keep being served, and the next good edit is picked up (the server is
not stuck). What a browser does with it: tests/browser/test_live_reload.py.
"""
from __future__ import annotations

import html
import re
import shutil
import time
import urllib.error
import urllib.request

import pytest

from conftest import FIXTURE, fetch, mkdocs_serve, wait_for
from test_invalid import CASE_LIST

pytestmark = pytest.mark.slow  # runs mkdocs serve

SCRIPTS = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
BANNER = re.compile(r'<div class="ps-preview-problems" role="alert">.*?</div>', re.S)
RELOAD = re.compile(r'<script src="/__practice_site__/livereload\.js" data-epoch="\d+"></script>')


def page_itself(page: str) -> str:
    """A served page without what serve adds: the built page (and so comparable)."""
    page = RELOAD.sub("", BANNER.sub("", page))
    return page.replace('<link rel="stylesheet" href="/__practice_site__/preview.css">', "")


def test_served_pages_run_no_inline_script(served):
    """The CSP (script-src 'self') refuses inline scripts: serve must not add one."""
    _, url, _ = served
    page = fetch(url + "practices/jiayi/")
    assert len(RELOAD.findall(page)) == 1
    for attrs, body in SCRIPTS.findall(page):
        assert "src=" in attrs or 'type="application/json"' in attrs, (attrs, body[:80])
    assert "livereload(" not in page  # MkDocs' own inline script
    script = fetch(url + "__practice_site__/livereload.js")
    assert script and "/livereload/" in script and "location.reload()" in script


def test_serve_keeps_last_good_pages_and_names_every_problem(served, tmp_path):
    data, url, log = served
    page = url + "practices/jiayi/"
    good = fetch(page)
    assert "测试用的" in good and "ps-preview-problems" not in good

    # A bad edit: the many-problems case, copied over the served data folder.
    case = next(c for c in CASE_LIST if c.name == "many-problems")
    broken = tmp_path / "broken" / "data"
    case.apply(broken)
    shutil.copytree(broken, data, dirs_exist_ok=True)
    wait_for("the failed rebuild in the log",
             lambda: "仍在提供上次成功生成的网站" in log.read_text(encoding="utf-8"))
    text = log.read_text(encoding="utf-8")
    for line in case.expect:
        assert line in text, line
    assert f"共 {len(case.expect)} 个问题，未生成网站。" in text
    # Every page (this one, another, the 404 page) names every problem; under the banner,
    # the last good page, unchanged.
    served_page = fetch(page)
    assert page_itself(served_page) == page_itself(good)
    for other in (served_page, fetch(url + "practices/xiangmu-jingguan/"),
                  _not_found(url + "no/such/page/")):
        banner = html.unescape(BANNER.search(other).group(0))
        for line in case.expect:
            assert f"<code>{line}</code>" in banner, line

    # A good edit afterwards is built and served, and the banner is gone.
    shutil.copytree(FIXTURE, data, dirs_exist_ok=True)
    target = data / "practices" / "jingwang-zhizhi.yml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "警网智治的测试记录。", "警网智治的测试记录，已修改。"), encoding="utf-8")
    wait_for("the fixed rebuild",
             lambda: "已修改" in (fetch(url + "practices/jingwang-zhizhi/") or ""))
    assert "ps-preview-problems" not in fetch(page)


def _not_found(url: str) -> str:
    try:
        urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as exc:
        assert exc.code == 404
        return exc.read().decode("utf-8")
    raise AssertionError(f"{url} answered")


def test_serve_started_on_broken_data_names_the_problems_and_waits_for_the_fix(tmp_path):
    """No last good site to keep: serve starts anyway, every URL names the problem, and
    the fix builds the whole site."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    record = data / "practices" / "jiayi.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("theme: pingan", "theme: [pingan"), encoding="utf-8")
    with mkdocs_serve(tmp_path, data) as (url, log):
        home = _not_found(url)  # the home page is generated: not there yet
        banner = html.unescape(BANNER.search(home).group(0))
        assert "<code>data/practices/jiayi.yml:6: 做法记录: YAML 语法错误：" in banner
        assert "尚无成功生成的页面" in banner
        record.write_text(good, encoding="utf-8")
        wait_for("the fixed build", lambda: "测试用的" in (fetch(url + "practices/jiayi/") or ""))
        assert "ps-preview-problems" not in fetch(url)


def test_data_folder_moved_away_and_back_is_watched_again(served, tmp_path):
    """MkDocs' file watcher stops for good when its folder disappears; serve watches it
    again when it returns, and builds what it finds."""
    data, url, log = served
    away = tmp_path / "away"
    data.rename(away)
    time.sleep(1.5)  # the watcher polls every 0.5 s: let it see the folder gone
    record = away / "practices" / "jiayi.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("测试用的", "搬回来的"),
                      encoding="utf-8")
    away.rename(data)
    wait_for("the returned folder's build", lambda: "搬回来的" in (fetch(url + "practices/jiayi/") or ""))
    # inotify's watch follows the moved folder, so the build above may come before the
    # folder check (every 0.5 s) watches it again; a deleted folder needs that check.
    wait_for("the folder watched again", lambda: "又出现了：重新监视它" in log.read_text(encoding="utf-8"),
             timeout=10)
    # And later edits are seen too.
    record = data / "practices" / "jiayi.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("搬回来的", "再次修改的"),
                      encoding="utf-8")
    wait_for("a later edit", lambda: "再次修改的" in (fetch(url + "practices/jiayi/") or ""), timeout=30)


def test_one_save_is_one_rebuild(served):
    """Saves are noticed by change notification (watcher.py): a build reads every data file,
    and reading must not count as a change, or one save would set off rebuild after rebuild."""
    data, url, log = served
    assert "Watching paths for changes" in log.read_text(encoding="utf-8")
    record = data / "practices" / "jiayi.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("测试用的", "只存一次的"), encoding="utf-8")
    wait_for("the edit", lambda: "只存一次的" in (fetch(url + "practices/jiayi/") or ""), timeout=30)
    time.sleep(3)  # time for a rebuild that the build's own reads would set off
    text = log.read_text(encoding="utf-8")
    assert text.count("Detected file changes") == 1, text[-3000:]
    assert text.count("Reloading browsers") == 1, text[-3000:]
    # Reading a record is not a change; deleting one is (whether or not the data then passes).
    record.read_text(encoding="utf-8")
    (data / "practices" / "xiangmu-jingguan.yml").unlink()
    wait_for("the deletion seen", lambda: log.read_text(encoding="utf-8").count("Detected file changes") == 2,
             timeout=30)


def test_config_saved_by_rename_is_seen_every_time(served, tmp_path):
    """Editors save by writing a new file and renaming it over the old one: a watch on the
    file itself would see the first such save only."""
    data, url, log = served
    config = tmp_path / "mkdocs.yml"
    for n in (1, 2):
        temp = tmp_path / f".mkdocs.yml.save{n}"
        temp.write_text(config.read_text(encoding="utf-8") + f"\n# saved {n}\n", encoding="utf-8")
        temp.replace(config)
        wait_for(f"save {n} seen", lambda n=n: log.read_text(encoding="utf-8").count("Detected file changes") == n,
                 timeout=30)
        wait_for(f"build {n} done", lambda n=n: log.read_text(encoding="utf-8").count("Reloading browsers") == n,
                 timeout=60)
