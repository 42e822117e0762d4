"""Fuzzing the loader (issue 14.1): generated and mutated data files never make it raise.

The property, for every input: ``load_corpus`` returns (never raises); every problem names a
file under data/ that exists (or says the file is missing), a line (0 = the whole file), a
field and a one-line message; a corpus that loads without problems also renders. And a
valid file stays valid after a no-op round trip (read, written back as YAML; records also
through the record writer).

The base is the fixture corpus plus a small coverage.yml and honours.yml, so every kind of
data file is mutated. One copy per module; each example writes one file and puts it back.
CI runs a bounded number of examples; a long local run sets FUZZ_EXAMPLES (see the
docstring of ``EXAMPLES``) and reports figures with ``--hypothesis-show-statistics``.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from practice_site.corpus.fields import plain
from practice_site.corpus.load import load_corpus
from practice_site.corpus.write_record import record_yaml
from practice_site.corpus.yamlnodes import parse_yaml
from practice_site.render.site import render_site

pytestmark = pytest.mark.slow  # hundreds of loads per property (about a minute)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
"""Examples per property test: 150 in CI (all tests together well under two minutes);
``FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py`` for a long local run."""
# CI runs the same examples every time (a red CI is reproducible, not a flake); long runs
# draw new ones, and each crash they find gets an invalid case of its own.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

FIXTURE = ROOT / "tests" / "fixtures" / "corpus"
EXTRA = {  # invented entries, so coverage.yml and honours.yml are fuzzed too
    "coverage.yml": "- term: 零发生\n  category: target\n  reason: 测试用的目标表述。\n"
                    "- term: 由5名民警认领5个项目\n  category: not-a-measure\n  reason: 测试用：句式像措施。\n",
    "honours.yml": "mini-honour:\n  title: 化解纠纷\n  kind: award\n  quote: 共化解纠纷*****起\n"
                   "  practices: [jiayi]\n",
}
FILES = sorted([p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*") if p.is_file()]
               + list(EXTRA))
YAML_FILES = [f for f in FILES if f.endswith(".yml")]

# Characters that have broken text handling somewhere: byte-order mark, zero-width and bidi
# marks, NUL and other controls, a lone surrogate, full-width digits and marks, every kind
# of line end, non-characters, an astral character, a combining mark, quotation marks.
EDGE = ["\ufeff", "\u200b", "\u200d", "\u2060", "\u202e", "\u2066", "\u061c", "\x00", "\x1b",
        "\x7f", "\ud800", "\udfff", "１２３", "＊＊", "：", "\r", "\r\n", "\x85", "\u2028",
        "\u2029", "\t", "\ufffe", "\uffff", "𝕏", "e\u0301", "“", "”", "《", "*", "&a", "!!",
        "---", "...", "? ", ": ", "- ", "#", "'", '"', "\\", "{", "[", "]", "}", "%", "@", "`"]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(FIXTURE, root / "data")
    for name, text in EXTRA.items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    _, problems = load_corpus(root / "data", root)
    assert problems == [], problems  # the base itself is valid: every problem is the mutation's
    return root


def load_with(root: Path, rel: str, raw: bytes | None) -> list:
    """Load the base with ``rel`` replaced by ``raw`` (None: removed); check the property;
    put the file back. Returns the problems."""
    path = root / "data" / rel
    original = path.read_bytes()
    try:
        if raw is None:
            path.unlink()
        else:
            path.write_bytes(raw)
        problems = check(root)
        if not problems and raw is not None and rel.endswith(".yml"):
            # A no-op round trip (read, write back as YAML) keeps a valid file valid.
            value, _ = parse_yaml(raw.decode("utf-8"), rel)
            path.write_text(yaml.safe_dump(plain(value), allow_unicode=True, sort_keys=False),
                            encoding="utf-8")
            assert check(root) == [], rel
        return problems
    finally:
        path.write_bytes(original)


def check(root: Path) -> list:
    corpus, problems = load_corpus(root / "data", root)  # must not raise
    for p in problems:
        assert p.path.startswith("data/"), p
        assert (root / p.path).exists() or "文件不存在" in p.message, p
        assert isinstance(p.line, int) and p.line >= 0, p
        assert p.field.strip() and p.message.strip(), p
        assert "\n" not in str(p) and "\r" not in str(p), p
        assert "Node(" not in str(p), p  # a YAML internal object is no message
    if not problems:
        render_site(corpus)  # what loads also renders
    return problems


def original(root: Path, rel: str) -> bytes:
    return (root / "data" / rel).read_bytes()


# -- truncation at every position --------------------------------------------------------
@pytest.mark.parametrize("rel", FILES)
def test_truncation_at_every_position(base, rel):
    raw = original(base, rel)
    for n in range(len(raw)):
        load_with(base, rel, raw[:n])


def test_every_file_removed(base):
    for rel in FILES:
        load_with(base, rel, None)


# -- byte and text mutations -------------------------------------------------------------
def _text(raw: bytes) -> str:
    return raw.decode("utf-8")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8


@st.composite
def mutated(draw, raw: bytes) -> bytes:
    kind = draw(st.sampled_from(["bytes", "splice", "delete", "edge", "dup-line", "swap-lines",
                                 "line-ends", "bom", "repeat", "nest"]))
    text = _text(raw)
    lines = text.split("\n")
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "splice":
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if kind == "delete":
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 12)))
        return _encode(text[:a] + text[b:])
    if kind == "edge":
        out = text
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(out)))
            out = out[:at] + draw(st.sampled_from(EDGE)) + out[at:]
        return _encode(out)
    if kind == "dup-line":  # keys repeated
        i = draw(st.integers(0, len(lines) - 1))
        return _encode("\n".join(lines[: i + 1] + [lines[i]] + lines[i + 1:]))
    if kind == "swap-lines":
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
        return _encode("\n".join(lines))
    if kind == "line-ends":
        return _encode(text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\u2028", "\x85"]))))
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw
    if kind == "nest":  # a value nested deep in balanced brackets: it parses, then must be built
        keyed = [i for i, line in enumerate(lines) if ": " in line] or [0]
        i = draw(st.sampled_from(keyed))
        n = draw(st.one_of(st.sampled_from([45, 300, 600, 999, 1500]), st.integers(1, 1200)))
        opener, closer = draw(st.sampled_from([("[", "]"), ("{a: ", "}")]))
        lines[i] = lines[i].split(": ", 1)[0] + ": " + opener * n + "x" + closer * n
        return _encode("\n".join(lines))
    # repeat: a huge value or a very long file
    at = draw(st.integers(0, len(text)))
    piece = draw(st.sampled_from(["甲", "a", "*", "[", "{", "- ", "  ", "\n", "一、"]))
    return _encode(text[:at] + piece * draw(st.integers(100, 200_000)) + text[at:])


@FUZZ
@given(data=st.data())
def test_mutated_files(base, data):
    rel = data.draw(st.sampled_from(FILES))
    load_with(base, rel, data.draw(mutated(original(base, rel))))


# -- YAML structure swapped --------------------------------------------------------------
_SCALAR_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
WEIRD = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), _SCALAR_TEXT,
              st.integers(1000, 100_000).map(lambda n: "甲" * n),
              st.integers(1, 2000).map(lambda n: 10 ** n),
              st.sampled_from(["no", "on", "2022-01-01", "*起", "<b>", "0x1F", ".inf", "~", ""])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(_SCALAR_TEXT, st.integers()), inner, max_size=4)),
    max_leaves=12)


def _paths(tree, prefix=()):
    """Every place in a loaded YAML tree a value can be swapped."""
    yield prefix
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from _paths(v, (*prefix, i))


def _replace(tree, path, value):
    if not path:
        return value
    head, *rest = path
    copy = dict(tree) if isinstance(tree, dict) else list(tree)
    copy[head] = _replace(tree[head], rest, value)
    return copy


@FUZZ
@given(data=st.data())
def test_yaml_structure_swapped(base, data):
    rel = data.draw(st.sampled_from(YAML_FILES))
    tree = yaml.safe_load(original(base, rel))
    path = data.draw(st.sampled_from(list(_paths(tree))))
    value = data.draw(st.one_of(WEIRD, st.integers(1, 300).map(lambda d: _nested(d))))
    text = yaml.safe_dump(_replace(tree, path, value), allow_unicode=True, sort_keys=False)
    load_with(base, rel, text.encode("utf-8", "surrogatepass"))


def _nested(depth: int):
    value: object = "x"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


# -- reports: generated text in the report's alphabet ------------------------------------
_PIECES = list("一二三四五六七八九十、（）()是。，；：“”‘’《》*0123456789.甲乙 \t") + [
    "一、", "（一）", "(二)", "1.", "1、", "一是", "\n", "\n\n", "化解率**％", "“甲乙”机制", "汇报完毕。"]
REPORT_TEXT = st.lists(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
                       max_size=40).map(lambda ls: "测试报告标题\n" + "\n".join(ls))


@FUZZ
@given(text=REPORT_TEXT)
def test_generated_report_text(base, text):
    load_with(base, "reports/mini.txt", text.encode("utf-8"))


@FUZZ
@given(data=st.data())
def test_report_with_generated_lines(base, data):
    """Generated lines put between the report's own: the records' quotes still resolve, so
    most of these load and the annotated report is rendered with the odd lines in it."""
    lines = _text(original(base, "reports/mini.txt")).split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(1, len(lines)))
        extra = data.draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20).map("".join))
        lines.insert(at, extra)
    load_with(base, "reports/mini.txt", "\n".join(lines).encode("utf-8"))


# -- round trip: what loads stays valid through the record writer -------------------------
RECORDS = [f for f in FILES if f.startswith("practices/")]


def _round_trip(root: Path, rel: str, raw: bytes) -> None:
    """If ``raw`` loads without problems as ``rel``, its values written back by the record
    writer load again without problems, to the same practice."""
    path = root / "data" / rel
    keep = path.read_bytes()
    try:
        path.write_bytes(raw)
        corpus, problems = load_corpus(root / "data", root)
        if problems:
            return
        value, _ = parse_yaml(raw.decode("utf-8"), rel)
        path.write_text(record_yaml(plain(value)), encoding="utf-8")
        again, problems = load_corpus(root / "data", root)
        assert problems == [], problems
        pid = Path(rel).stem
        assert again.practices[pid].names == corpus.practices[pid].names
        assert again.practices[pid].how == corpus.practices[pid].how
        assert again.practices[pid].outcomes == corpus.practices[pid].outcomes
    finally:
        path.write_bytes(keep)


@pytest.mark.parametrize("rel", RECORDS)
def test_fixture_records_round_trip(base, rel):
    _round_trip(base, rel, original(base, rel))


@pytest.mark.parametrize("rel", YAML_FILES)
def test_every_fixture_file_round_trips(base, rel):
    assert load_with(base, rel, original(base, rel)) == []  # and, inside, its YAML round trip


SAFE_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Cf")),
                    min_size=1, max_size=20).map(str.strip).filter(lambda s: s and "<" not in s)


@FUZZ
@given(data=st.data())
def test_edited_records_round_trip(base, data):
    """A record with its summary, name or tags edited to generated text: when it loads, the
    round trip keeps it valid (quotes, colons, yes/no words, masks included)."""
    rel = data.draw(st.sampled_from(RECORDS))
    tree = yaml.safe_load(original(base, rel))
    key = data.draw(st.sampled_from(["summary", "name"]))
    tree[key] = data.draw(SAFE_TEXT)
    assume(all(isinstance(v, (str, list, dict)) for v in tree.values()))
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    _round_trip(base, rel, text.encode("utf-8"))


# -- add-report inputs --------------------------------------------------------------------
ADD_REPORT_INPUTS = sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt"))
ADD_FUZZ = settings(FUZZ, max_examples=max(6, EXAMPLES // 25))
"""Each example copies data/ and drafts a report (one to four seconds): fewer examples."""


@ADD_FUZZ
@given(data=st.data())
def test_add_report_inputs(base, tmp_path_factory, data):
    """A mutated report given to add-report: it is added (and the data then passes check) or
    refused with problems and data/ unchanged; never a traceback."""
    from hypothesis import event

    from practice_site.drafting.add_report import Refused, Request, add_report
    source = data.draw(st.sampled_from(ADD_REPORT_INPUTS))
    title = source.read_text(encoding="utf-8").split("\n", 1)[0]
    raw = data.draw(st.one_of(st.just(source.read_bytes()), mutated(source.read_bytes())))
    work = tmp_path_factory.mktemp("add")
    shutil.copytree(base / "data", work / "data")
    (work / "in.txt").write_bytes(raw)
    before = {p: p.read_bytes() for p in (work / "data").rglob("*") if p.is_file()}
    try:
        add_report(Request(work / "in.txt", "fuzzed", title, "某局", "2023"), work / "data",
                   work, say=lambda _: None)
    except Refused as refused:
        event("refused")
        assert refused.problems and all(p.path and p.message and "\n" not in str(p)
                                        for p in refused.problems)
        assert {p: p.read_bytes() for p in (work / "data").rglob("*") if p.is_file()} == before
        return
    event("added")
    _, problems = load_corpus(work / "data", work)
    assert problems == [], problems
