"""What serve adds to a page (scripts/practice_site/serve/preview.py), without a server."""
from __future__ import annotations

import sys

from practice_site.serve import preview

PAGE = b'<html><head><title>t</title></head><body dir="ltr" class="x"><p>page</p></body></html>'


def state(*problems: str, kept: bool = True) -> preview.BuildState:
    s = preview.BuildState()
    s.problems, s.site_kept = problems, kept
    return s


def test_good_build_adds_only_the_reload_script():
    served = preview.inject(PAGE, 1234, state())
    assert served == PAGE.replace(b"</body>", b'<script src="/__practice_site__/livereload.js"'
                                  b' data-epoch="1234"></script></body>')


def test_refused_build_adds_banner_first_in_body_and_its_stylesheet():
    served = preview.inject(PAGE, 1, state("data/a.yml:3: name: 缺少必填字段；补上这一项")).decode()
    assert served.index('<link rel="stylesheet" href="/__practice_site__/preview.css">') \
        < served.index("</head>")
    body = served.index('<body dir="ltr" class="x">') + len('<body dir="ltr" class="x">')
    assert served[body:].startswith('<div class="ps-preview-problems" role="alert">'
                                    "<h2>有 1 个问题，未能生成新页面</h2>"
                                    "<ul><li><code>data/a.yml:3: name: 缺少必填字段；补上这一项"
                                    "</code></li></ul>")
    assert "页面仍是上次成功生成的版本" in served
    assert "尚无成功生成的页面" in preview.inject(PAGE, 1, state("x", kept=False)).decode()


def test_problem_text_is_escaped():
    """A message quotes the data: a record's text must not become markup in the page."""
    served = preview.inject(PAGE, 1, state('data/a.yml:1: summary: "<script>alert(1)</script>"'))
    assert b"<script>alert" not in served
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in served


def test_data_problems_win_over_what_was_logged():
    s = preview.BuildState()
    s.data_problems(["data/a.yml:1: id: 缺少必填字段；补上这一项"])
    s.finished(SystemExit("Aborted with a BuildError!"), ["data/ 中有问题：..."])
    assert s.problems == ("data/a.yml:1: id: 缺少必填字段；补上这一项",)
    s.finished(None, [])
    assert s.problems == ()


def test_other_failures_are_named_with_where_they_happened():
    s = preview.BuildState()
    try:
        line = sys._getframe().f_lineno + 1
        {}["missing"]
    except KeyError as exc:
        s.finished(exc, ["a warning"])
    assert s.problems[0] == "a warning"
    assert s.problems[1].startswith("生成中断，程序出错（请把这一行告诉开发人员）："), s.problems[1]
    assert s.problems[1].endswith(f"test_preview.py:{line}: KeyError: 'missing'"), s.problems[1]
    s.finished(None, [])
    assert s.problems == () and s.site_kept
    s.finished(SystemExit("Aborted with 1 warnings in strict mode!"), ["a warning"])
    assert s.problems == ("a warning", "MkDocs 中止了生成（Aborted with 1 warnings in strict mode!）；原因见上面几行")


def test_assets_only_by_exact_name():
    kind, body = preview.asset("/__practice_site__/livereload.js")
    assert kind.startswith("application/javascript") and b"/livereload/" in body
    assert preview.asset("/__practice_site__/preview.css")[0].startswith("text/css")
    for path in ("/__practice_site__/../mkdocs_hooks.py", "/__practice_site__/", "/livereload.js",
                 "/__practice_site__/preview.py"):
        assert preview.asset(path) is None, path


def test_published_site_has_no_preview(built_site):
    for page in built_site.rglob("*.html"):
        assert "__practice_site__" not in page.read_text(encoding="utf-8"), page
