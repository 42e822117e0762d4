"""A real `mkdocs build --strict` of the site, with facts checked in the HTML."""
import json
import re
from html.parser import HTMLParser

from conftest import ROOT

REPORT_ID = "2022-district-police-work-summary"


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def parse(path):
    p = Ids()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_practice_page_has_fixed_sections(built_site):
    page = parse(built_site / "practices/duoyuan-huajie/index.html")
    assert {"overview", "how", "outcomes", "sources", "related", "backlinks", "cite"} <= page.ids


def test_evidence_links_land_on_sentence_anchors(built_site):
    """Every link from a practice page into a report, whichever report, hits an id there."""
    ids: dict[str, set[str]] = {}
    checked = 0
    for practice in (built_site / "practices").glob("*/index.html"):
        for href in parse(practice).hrefs:
            if m := re.fullmatch(r"\.\./\.\./reports/([^/#]+)/#(.+)", href):
                rid, anchor = m.groups()
                if rid not in ids:
                    ids[rid] = parse(built_site / "reports" / rid / "index.html").ids
                assert anchor in ids[rid], f"{practice.parent.name}: {href}"
                checked += 1
    assert checked >= 10


def test_masks_render_literally(built_site):
    html = (built_site / "practices/duoyuan-huajie/index.html").read_text(encoding="utf-8")
    assert "化解率**％" in html
    assert "*****起" in html
    report = (built_site / f"reports/{REPORT_ID}/index.html").read_text(encoding="utf-8")
    assert "尊敬的**局长" in report
    # No mask was eaten as emphasis anywhere in the report.
    assert not re.search(r"<(em|strong)>[^<]*</\1>", report.split('class="md-content"', 1)[1])


class SentenceText(HTMLParser):
    """The text inside the sentence spans (class ps-s), in document order."""

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth or ("class", "ps-s") in attrs:
            self.depth += tag == "span"

    def handle_endtag(self, tag):
        if self.depth and tag == "span":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def test_every_report_is_verbatim(built_site):
    reports = sorted((ROOT / "data" / "reports").glob("*.txt"))
    assert reports
    altered = []
    for path in reports:
        p = SentenceText()
        p.feed((built_site / f"reports/{path.stem}/index.html").read_text(encoding="utf-8"))
        if "".join(p.parts) != "".join(path.read_text(encoding="utf-8").splitlines()[1:]):
            altered.append(path.stem)
    assert altered == []


def test_search_index_keeps_masks_and_segments_chinese(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    text = "".join(d["text"] for d in index["docs"])
    assert "**" in text
    assert "\u200b" in text, "jieba segmentation missing: is jieba installed?"


def test_no_external_fetch_in_html(built_site):
    """Nothing a page loads (scripts, styles, images, fonts) comes from another host."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'(?:src="|<link[^>]*href=")(https?:)?//([^/"]+)', html):
            raise AssertionError(f"{page}: loads from {m.group(2)}")


def test_no_escape_backslash_is_visible(built_site):
    """Escaped data text inside raw HTML must still go through Markdown (``markdown`` attr):
    a visible ``\\*`` or ``\\.`` means a block skipped it."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        body = html.split('class="md-content"', 1)[-1].split("</article>", 1)[0]
        text = re.sub(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", "", body, flags=re.S)
        found = re.search(r".{0,20}\\[!-/:-@\[-`{-~].{0,20}", text)
        assert not found, f"{page}: {found and found.group(0)}"
