"""The masking hazards of DESIGN.md, rendered through real Python-Markdown with the
site's extensions: each must come out literally."""
import markdown
import pytest

from practice_site.render.escape import md_text

EXTENSIONS = ["attr_list", "md_in_html", "tables", "pymdownx.escapeall", "pymdownx.tilde",
              "admonition"]
CONFIG = {"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}


def render(text: str) -> str:
    html = markdown.markdown(md_text(text), extensions=EXTENSIONS, extension_configs=CONFIG)
    return html.removeprefix("<p>").removesuffix("</p>")


@pytest.mark.parametrize("text, html", [
    ("尊敬的**局长", "尊敬的**局长"),
    ("*****起，化解率**％", "*****起，化解率**％"),
    ("***", "***"),
    ("* 列表", "* 列表"),
    ("*起", "*起"),
    ("1~3月", "1~3月"),
    ("# 标题", "# 标题"),
    ("1＋3＋N", "1＋3＋N"),
    ("a_b_c", "a_b_c"),
    ("[链接](http://x)", "[链接](http://x)"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("A & B", "A &amp; B"),
    ("`代码`", "`代码`"),
    ("{: #x }", "{: #x }"),
    ("1. 第一", "1. 第一"),
    ("> 引用", "&gt; 引用"),
    ("| 表 |", "| 表 |"),
    ("行一\n行二", "行一 行二"),
])
def test_rendered_literally(text, html):
    assert render(text) == html


def test_attr_list_value_keeps_a_place_and_drops_what_markdown_would_act_on():
    from practice_site.render.escape import attr_list_value
    assert attr_list_value("（一）1.") == "（一）1."
    assert attr_list_value('二、"三是"{x}*a*_b_`c`') == "二、三是xabc"
