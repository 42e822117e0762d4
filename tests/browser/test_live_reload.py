"""An editor's open tab under ``mkdocs serve``: it refreshes by itself after a save (the
reload script is same-origin, so the CSP lets it run), shows the problems of a save that is
refused (a record saved half-written), and recovers when the fix is saved. The test never
reloads the page itself."""
from __future__ import annotations

import time

from conftest import wait_for

LISTEN = ("window.__csp = []; document.addEventListener('securitypolicyviolation', e =>"
          " window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));")
TIMEOUT = 60_000  # ms; how fast it is, the test prints (the benchmark owns speed targets)


def text_shown(page, text: str) -> bool:
    return page.evaluate("t => document.body.innerText.includes(t)", text)


def test_open_tab_follows_edits_and_shows_problems(served, page, tmp_path):
    data, url, log = served
    page.add_init_script(LISTEN)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(url + "practices/jiayi/")
    page.wait_for_load_state("load")
    assert text_shown(page, "测试用的")
    record = data / "practices" / "jiayi.yml"
    good = record.read_text(encoding="utf-8")
    time.sleep(1)  # the tab starts polling on its load event

    # 1. An edit: the open tab shows it by itself.
    start = time.monotonic()
    record.write_text(good.replace("测试用的", "实时刷新的"), encoding="utf-8")
    page.wait_for_function("() => document.body.innerText.includes('实时刷新的')", timeout=TIMEOUT)
    print(f"\nedit shown in the open tab after {time.monotonic() - start:.1f} s")

    # 2. Saved half-written (cut inside an open [): the tab shows the problem, naming the file.
    start = time.monotonic()
    record.write_text(good[: good.index("tags: [") + len("tags: [矛盾")], encoding="utf-8")
    banner = page.locator(".ps-preview-problems")
    banner.wait_for(state="visible", timeout=TIMEOUT)
    print(f"problem shown after {time.monotonic() - start:.1f} s")
    assert "data/practices/jiayi.yml:" in banner.inner_text()
    assert "做法记录: YAML 语法错误：" in banner.inner_text()
    assert "像是没有保存完整（保存到一半？）；把文件重新完整保存" in banner.inner_text()
    assert text_shown(page, "实时刷新的")  # the last good page, under the banner
    assert banner.evaluate("e => { const r = e.getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }"), "banner out of sight"
    page.screenshot(path=str(tmp_path / "problem.png"))

    # 3. The fix: banner gone, the fixed text shown.
    start = time.monotonic()
    record.write_text(good.replace("测试用的", "修好后的"), encoding="utf-8")
    page.wait_for_function("() => document.body.innerText.includes('修好后的')"
                           " && !document.querySelector('.ps-preview-problems')", timeout=TIMEOUT)
    print(f"fix shown after {time.monotonic() - start:.1f} s")
    assert page.evaluate("window.__csp") == [] and violations == []
    wait_for("the log", lambda: "Reloading browsers" in log.read_text(encoding="utf-8"))
