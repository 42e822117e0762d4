"""Practice records: ``data/practices/<id>.yml``, read and checked against the corpus.

Fidelity is checked here, not trusted: every quoted phrase must occur in a report, every
figure must occur in the sentence its outcome cites.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from practice_site.corpus.attribution import AttributionWords
from practice_site.corpus.fields import FieldReader
from practice_site.corpus.folder import DataFolder
from practice_site.corpus.hints import did_you_mean, no_practice, quote_not_found, unknown
from practice_site.corpus.model import Kind, Outcome, Practice, Quote, Relation, RelationKind, Report, Tag, Theme
from practice_site.corpus.problems import Problem, quoted
from practice_site.corpus.taxonomies import flag
from practice_site.corpus.yamlnodes import Value
from practice_site.text.figures import whole_figure_at
from practice_site.text.quotes import QuoteIndex
from practice_site.text.slug import id_problem
from practice_site.text.terms import in_quotes, name_key, occurs_unquoted

Known = Collection[str] | None
"""Ids (or tag names) a record may use: a taxonomy table, or None when it did not load."""

REQUIRED = ("id", "name", "kind", "theme", "tags", "summary", "how", "outcomes", "related")
OPTIONAL = ("aliases", "evidence", "former_ids", "status", "name_editorial")
STATUSES = ("draft",)
"""``status``: only ``draft`` (written by add-report); deleting the line publishes the record."""
DRAFT_SUMMARY = "（草稿）概述待编辑依据报告原文撰写。"
"""The summary add-report writes into a draft; a published record may not keep it."""
DRAFT_MARK = "（草稿）"
OUTCOME_REQUIRED = ("figure", "measures", "quote")
OUTCOME_OPTIONAL = ("report",)
"""``report``: the report id whose sentence the outcome cites, where several reports hold
the quoted phrase."""


def read_practices(folder: DataFolder, reports: dict[str, Report], themes: dict[str, Theme],
                   tags: dict[str, Tag], kinds: dict[str, Kind],
                   relation_kinds: dict[str, RelationKind], *, memo: RecordMemo | None = None) -> dict[str, Practice]:
    """Every ``practices/*.yml``; records with problems are left out (their problems kept).
    ``memo``: records unchanged since the last load with this memo are taken from it."""
    # A source that did not load has its own problem; checking records against it would
    # only repeat that problem once per record. A taxonomy entry that is declared but
    # broken still counts as known: its own problem stops the build anyway.
    quotes = None if folder.broken("reports") else folder.quotes(reports)

    def known(name: str, table: dict, declared: set[str] | None = None) -> set[str] | None:
        ids = folder.declared.get(name, set())
        return None if ids is None else set(table) | (ids if declared is None else declared)

    out: dict[str, Practice] = {}
    readers: dict[str, FieldReader] = {}
    tops: dict[str, Value] = {}
    files = folder.record_ids()
    memo = memo or RecordMemo()
    # What a record is checked against: every file read so far, and the attribution words,
    # which the first record that parses reads (read here too, so that the context holds them).
    memo.begin((folder.read_digest(), _raw(folder.data_dir / "attribution.yml"), str(folder.data_dir),
                str(folder.root), tuple(sorted(files))))
    for path in sorted((folder.data_dir / "practices").glob("*")):
        if path.suffix != ".yml":
            folder.whole_file(path, 0, "不是 .yml 记录；做法记录的文件是 "
                              "data/practices/<id>.yml")
            continue
        text = folder.read_text(path)
        if text is None:
            continue
        if (seen := memo.get(path, text)) is not None:
            top, p = seen.top, seen.practice
            r = FieldReader(seen.shown, folder.problems, seen.role)  # folder.reader(path), cheaper
            folder.problems.extend(seen.problems)
            if top is not None:
                folder.attribution()  # read where a fresh load reads it: its problems are told
        else:
            r = folder.reader(path)
            start = len(folder.problems)
            top = folder.parse_yaml(path, text)
            p = None if top is None else read_practice(
                path, top, r, quotes, known("themes.yml", themes),
                known("tags.yml", tags, folder.tag_names), known("kinds.yml", kinds),
                known("relations.yml", relation_kinds), files, relations=relation_kinds,
                words=folder.attribution())
            memo.put(path, RecordRead(text, top, tuple(folder.problems[start:]), p, r.path, r.whole))
        if p is not None and top is not None:
            out[p.id], readers[p.id], tops[p.id] = p, r, top
            if (style := summary_style(p.summary)) is not None:
                folder.warnings.append(Problem(r.path, top.value["summary"].line, "summary", style))
    memo.end()
    check_corpus(out, readers, tops, quotes, relation_kinds)
    return out


@dataclass(frozen=True)
class RecordRead:
    """What reading one record file gave: a function of its text and its context."""

    text: str
    top: Value | None
    problems: tuple[Problem, ...]
    """Its own problems (YAML and record checks; not those across records)."""
    practice: Practice | None
    shown: str
    """The file as messages name it, and what it is (its FieldReader's path and whole)."""
    role: str


class RecordMemo:
    """The records of the last load, reused while their file text is the same and so is
    their context: the digest of every other data file as the load read it (reports,
    taxonomies, attribution words), the folder and the set of record ids. Any change to
    the context reads every record again. A record is checked against nothing else, and the
    checks across records (check_corpus) run on every load."""

    def __init__(self) -> None:
        self._context: tuple | None = None
        self._last: dict[Path, RecordRead] = {}
        self._now: dict[Path, RecordRead] = {}

    def begin(self, context: tuple) -> None:
        """A load starts; a load that never ended (an exception) left nothing usable."""
        if context != self._context:
            self._last = {}
        self._context, self._now = context, {}

    def get(self, path: Path, text: str) -> RecordRead | None:
        seen = self._last.get(path)
        if seen is not None and seen.text == text:
            self._now[path] = seen
            return seen
        return None

    def put(self, path: Path, read: RecordRead) -> None:
        self._now[path] = read

    def end(self) -> None:
        """Keep this load's records (deleted files dropped) for the next."""
        self._last = self._now


def _raw(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def read_practice(path: Path, top: Value, r: FieldReader, quotes: QuoteIndex | None,
                  themes: Known, tags: Known, kinds: Known, relation_kinds: Known,
                  files: set[str] | None = None, *,
                  relations: dict[str, RelationKind] | None = None,
                  words: AttributionWords | None = None) -> Practice | None:
    """One record, or None when it has problems (all of them appended to ``r``).

    ``quotes`` is None and a taxonomy is None when that source could not be read: its own
    problem is reported, and checking records against it would only repeat it.
    ``relations`` (the relation kinds themselves) decide which relations need a quote or a
    note; ``words`` are the attribution words checked in the editorial fields.
    """
    before = len(r.problems)
    # A missing id is the file name (when that is an id): say so.
    f = r.mapping(top, "", REQUIRED, OPTIONAL,
                  fill={} if id_problem(path.stem) else {"id": f"id: {path.stem}"})
    if f is None:
        return None
    pid = r.text(f.get("id"), "id")
    if pid is not None:
        if msg := id_problem(pid):
            r.problem(f["id"].line, "id", msg)
        elif pid != path.stem and id_problem(path.stem):
            r.problem(f["id"].line, "id", f"文件名{quoted(path.name)}不是由 id 构成的；"
                      f"把文件改名为 {pid}.yml")
        elif pid != path.stem and path.with_name(f"{pid}.yml").exists():
            r.problem(f["id"].line, "id", f"{quoted(pid)}已是 {pid}.yml 的 id；id 不能重复："
                      f"把这条记录的 id 写成{quoted(path.stem)}（它的文件名）")
        elif pid != path.stem:
            r.problem(f["id"].line, "id", f"{quoted(pid)}与文件名{quoted(path.stem)}不一致；"
                      f"把文件改名为 {pid}.yml，或改 id")
    name = r.text(f.get("name"), "name", max_len=40)
    name_editorial = flag(r, f.get("name_editorial"), "name_editorial")
    if name and quotes is not None and name_editorial is False and not quotes.occurs_unquoted(name):
        r.problem(f["name"].line, "name", f"名称{in_quotes(name)}在报告中找不到（引号不计）；名称应照录报告中的写法，"
                  "若这是编者拟的名称，请加一行 name_editorial: true（页面会注明为编者拟名）")
    former = former_ids(r, f, pid, files)
    status = r.text(f.get("status"), "status") if "status" in f else ""
    if status and status not in STATUSES:
        r.problem(f["status"].line, "status", f"没有状态{quoted(status)}；唯一的状态是 "
                  "draft（删去这一行即发布记录）")
    aliases = r.text_list(f.get("aliases"), "aliases")
    if quotes is not None:
        # "又称" claims the report uses the name: an alias must occur in a report.
        for i, (av, a) in enumerate(zip(r.items(f.get("aliases"), "aliases"), aliases, strict=False)):
            if not quotes.occurs_unquoted(a):
                r.problem(av.line, f"aliases[{i}]", f"{quoted(a)}在所有报告中都找不到（不计引号）；"
                          "别名必须是报告用过的另一个名称")
    summary = r.text(f.get("summary"), "summary", max_len=300)
    if summary and not status and DRAFT_MARK in summary:
        r.problem(f["summary"].line, "summary", f"已发布的记录（没有 status: draft）仍是草稿占位文字"
                  f"“{summary[:40]}”：请依据报告原文撰写概述，或恢复 status: draft")

    def choice(key: str, table: Known, what: str) -> str | None:
        value = r.text(f.get(key), key)
        if value is not None and table is not None and value not in table:
            # Declared ids that break the slug rule have their own problem: never suggested.
            r.problem(f[key].line, key, unknown(what, value, [t for t in table if not id_problem(t)]))
        return value

    kind = choice("kind", kinds, "类型")
    theme = choice("theme", themes, "主题")
    tag_names = r.text_list(f.get("tags"), "tags")
    for i, (tv, t) in enumerate(zip(r.items(f.get("tags"), "tags"), tag_names, strict=False)):
        if tags is not None and t not in tags:
            r.problem(tv.line, f"tags[{i}]", unknown("标签", t, tags, listed=False) +
                      ("" if did_you_mean(t, tags) else
                       f"；把它加进 data/tags.yml，或从这些标签中选用：{', '.join(sorted(tags))}"))
    if "tags" in f and f["tags"].value == []:
        r.problem(f["tags"].line, "tags", "至少写一个标签")

    def quote(v: Value, where: str, report: str | None = None, figure: str | None = None) -> Quote | None:
        phrase = r.text(v, where, max_len=500)
        if phrase is None:
            return None
        if quotes is None:  # a report did not load: its own problem says why
            return None
        holds = (lambda s: whole_figure_at(figure, s.text) >= 0) if figure else None
        q = quotes.quote(phrase, report, holds)
        if q is None:
            r.problem(v.line, where, quote_not_found(quotes, phrase, report))
        return q

    how = [q for i, v in enumerate(r.items(f.get("how"), "how")) if (q := quote(v, f"how[{i}]"))]
    if not r.items(f.get("how"), "how") and "how" in f:
        r.problem(f["how"].line, "how", "至少写一条从报告中引用的做法要点")
    evidence = [q for i, v in enumerate(r.items(f.get("evidence"), "evidence"))
                if (q := quote(v, f"evidence[{i}]"))]
    outcomes = []
    checked_measures: list[tuple[str, int, str, Quote]] = []
    for i, ov in enumerate(r.items(f.get("outcomes"), "outcomes")):
        where = f"outcomes[{i}]"
        of = r.mapping(ov, where, OUTCOME_REQUIRED, OUTCOME_OPTIONAL)
        if of is None:
            continue
        figure = r.text(of.get("figure"), f"{where}.figure", max_len=60)
        measures = r.text(of.get("measures"), f"{where}.measures", max_len=200)
        report = r.text(of.get("report"), f"{where}.report") if "report" in of else None
        if report is not None and quotes is not None and not quotes.has_report(report):
            r.problem(of["report"].line, f"{where}.report", unknown("报告", report, quotes.report_ids(),
                      listed=False) + "；写 data/reports/<id>.txt 的文件名（不含 .txt）")
            report = None
        q = quote(of["quote"], f"{where}.quote", report, figure) if "quote" in of else None
        if figure and q:
            sentence = quotes.sentence(q.report, q.sentence) if quotes else None
            if sentence is not None and figure not in sentence.text:
                r.problem(of["figure"].line, f"{where}.figure", f"数字{quoted(figure)}不在所引的句子"
                          f"{quoted(sentence.text)}中；照原文复制，连同隐去的 * 号")
            elif sentence is not None and whole_figure_at(figure, sentence.text) < 0:
                r.problem(of["figure"].line, f"{where}.figure", f"数字{quoted(figure)}在所引的句子中"
                          "只是一个更长数字的一部分；复制完整的数字，连同隐去的 * 号")
            elif sentence is not None and whole_figure_at(figure, q.text) < 0:
                r.problem(of["figure"].line, f"{where}.figure", f"数字{quoted(figure)}不在引文"
                          f"{quoted(q.text)}中；把数字连同它前后的文字一起引用，让读者看出它统计的是什么")
        if figure and measures and q:
            outcomes.append(Outcome(figure, measures, q))
            checked_measures.append((f"{where}.measures", of["measures"].line, measures, q))
    related: list[Relation] = []
    checked_notes: list[tuple[str, int, Relation]] = []
    for i, rv in enumerate(r.items(f.get("related"), "related")):
        rel = read_relation(rv, f"related[{i}]", r, pid, quote, relation_kinds, relations, files)
        if rel is not None:
            related.append(rel)
            if rel.note:
                checked_notes.append((f"related[{i}].note", rv.value["note"].line, rel))
    if words is not None and quotes is not None:
        record = _sentences(quotes, [*how, *evidence, *(o.quote for o in outcomes)])
        if summary:
            words.check(r, f["summary"].line, "summary", summary, record)
        for where, line, measures, q in checked_measures:
            words.check(r, line, where, measures, _sentences(quotes, [q]))
        for where, line, rel in checked_notes:
            words.check(r, line, where, rel.note, _sentences(quotes, [rel.quote]) if rel.quote else record)
    if len(r.problems) > before or None in (pid, name, kind, theme, summary, name_editorial):
        return None
    return Practice(pid, name, tuple(aliases), kind, theme, tuple(tag_names), summary,  # type: ignore[arg-type]
                    tuple(how), tuple(outcomes), tuple(related), tuple(evidence), r.path, top.line,
                    tuple(former), status or "", bool(name_editorial))


SAME_SENTENCE_NOTE = "报告在同一句中"
"""An editor's working note, not a handbook's sentence (issue 22): the summary says what the
practice is and does, and hedges in a short clause (与……同句写出, 报告未说明……)."""


def summary_style(summary: str) -> str | None:
    """The one style rule for a 编者概述, or None when it keeps it. A summary is read on its
    own (a link's tooltip, a related list), so it must be a sentence: it may not open with a
    verbless fragment that ends in a semicolon (持续深化的“甲乙”工作；……), recognised by a
    的 in a head with no comma or colon before the first ；, nor carry the working note
    报告在同一句中写……."""
    head, semicolon, _ = summary.partition("；")
    if semicolon and "的" in head and not any(c in head for c in "，：,:"):
        return (f"概述以不成句的“……的……”短语开头（{in_quotes(head + '；')}）：请改写成一两句完整的话，"
                "说明报告所写的这项做法是什么、做了什么，需要时用短句限定（如“与……同句写出”）")
    if SAME_SENTENCE_NOTE in summary:
        return (f"概述写了编辑笔记式的“{SAME_SENTENCE_NOTE}……”：请改写成一两句完整的话，"
                "同句并列的内容用短句限定（如“与……同句写出”“报告未说明二者关系”）")
    return None


def former_ids(r: FieldReader, f: dict[str, Value], pid: str | None, files: set[str] | None) -> list[str]:
    """``former_ids``: ids the record had before, whose URLs must keep working. A former id
    cannot be a current record's id (both would own the URL)."""
    out = []
    for i, v in enumerate(r.items(f.get("former_ids"), "former_ids")):
        old = r.text(v, f"former_ids[{i}]")
        if old is None:
            continue
        if msg := id_problem(old):
            r.problem(v.line, f"former_ids[{i}]", msg)
        elif old == pid or (files is not None and old in files):
            r.problem(v.line, f"former_ids[{i}]", f"{quoted(old)}是现有记录的 id"
                      f"（data/practices/{old}.yml）；旧 id 不能被占用，旧地址才能转到本页")
        else:
            out.append(old)
    return out


def read_relation(rv: Value, where: str, r: FieldReader, pid: str | None, quote,
                  relation_kinds: Known, relations: dict[str, RelationKind] | None,
                  files: set[str] | None) -> Relation | None:
    """One ``related`` entry. A kind that claims more than "listed side by side" needs
    ``quote`` (the report's words for the link); an editorial kind needs a ``note`` and is
    never given a quote (what the report states is not the editors' reading)."""
    rf = r.mapping(rv, where, ("id", "relation"), ("note", "quote"))
    if rf is None:
        return None
    target = r.text(rf.get("id"), f"{where}.id")
    kind = r.text(rf.get("relation"), f"{where}.relation")
    note = r.text(rf.get("note"), f"{where}.note") if "note" in rf else ""
    q = quote(rf["quote"], f"{where}.quote") if "quote" in rf else None
    ok = target is not None and kind is not None and note is not None
    if kind is not None and relation_kinds is not None and kind not in relation_kinds:
        r.problem(rf["relation"].line, f"{where}.relation", unknown("关系", kind, relation_kinds))
        ok = False
    elif kind is not None and relations is not None and kind in relations:
        rk = relations[kind]
        if rk.editorial and "quote" in rf:
            stated = ", ".join(k for k in sorted(relations) if relations[k].stated)
            r.problem(rf["quote"].line, f"{where}.quote", f"{quoted(kind)}是编者的判断，"
                      "不带引文；报告写明的关联要用有原文依据的关系"
                      + (f"（{stated}）" if stated else ""))
            ok = False
        elif rk.editorial and "note" not in rf:
            r.problem(rv.line, f"{where}.note", f"缺少：关系{quoted(kind)}（{rk.label}）是编者的"
                      "判断，报告没有写明，要在 note 中说明编者为何把两者关联起来")
            ok = False
        elif rk.stated and "quote" not in rf:
            r.problem(rv.line, f"{where}.quote", f"缺少：{quoted(kind)}（{rk.label}）所说的关联"
                      "必须是报告写明的；引用报告中写明这一关联的一句话里的文字，"
                      f"或改用{_weaker(relations)}")
            ok = False
    if "quote" in rf and q is None:
        ok = False
    if target is not None and target == pid:
        r.problem(rf["id"].line, f"{where}.id", "做法不能与自己关联；写另一个做法的 id")
        ok = False
    elif target and files is not None and target not in files:
        # Checked here, not after loading, so a record with other problems still gets this
        # one. A target whose file exists but has problems is not dangling: those problems
        # are reported already.
        r.problem(rf["id"].line, f"{where}.id", no_practice(target, files))
        ok = False
    return Relation(target, kind, note or "", q, rv.line) if ok else None  # type: ignore[arg-type]


def _weaker(relations: dict[str, RelationKind]) -> str:
    """The kinds that need no quote, for the message that asks for one."""
    listing = [quoted(k) for k in sorted(relations) if relations[k].listing]
    editorial = [quoted(k) for k in sorted(relations) if relations[k].editorial]
    return "或".join([*([f"{'/'.join(listing)}（报告只是并列写出两者）"] if listing else []),
                     *([f"带 note 的{'/'.join(editorial)}（编者的判断）"] if editorial else [])]
                    ) or "不需要引文的关系"


def _sentences(quotes: QuoteIndex, qs) -> list[str]:
    """The texts of the sentences these quotes resolved to."""
    return [s.text for q in qs if q is not None and (s := quotes.sentence(q.report, q.sentence))]


def check_corpus(practices: dict[str, Practice], readers: dict[str, FieldReader],
                 tops: dict[str, Value], quotes: QuoteIndex | None = None,
                 relations: dict[str, RelationKind] | None = None) -> None:
    """Checks across records: a former id claimed twice; a name claimed by two practices, compared as ``name_key`` does
    (“租安心” and 租安心 are one name), reported on both records, each on the line of the
    name, since either may be the one just edited; a relation's quote that does not name
    both practices; a listing relation between practices that no sentence or item holds
    both of (listed_together). (Dangling relations are checked in ``read_practice`` against the record
    files, so broken records get it too.)"""
    owner: dict[str, tuple[str, str, str, int]] = {}
    former: dict[str, str] = {}
    for p in sorted(practices.values(), key=lambda p: p.id):
        for old in p.former_ids:
            if old in former:
                readers[p.id].problem(tops[p.id].value["former_ids"].line, "former_ids",
                                      f"{quoted(old)}已是{quoted(former[old])}的旧 id；"
                                      "一个旧地址只能转到一个页面")
            former.setdefault(old, p.id)
        for n, where, line in _name_lines(p, tops[p.id]):
            oid, on, owhere, oline = owner.setdefault(name_key(n), (p.id, n, where, line))
            if oid == p.id:
                continue
            o = practices[oid]
            fix = "一个做法只有一个页面：合并两条记录，或给其中一条改名"
            readers[p.id].problem(line, where, f"{quoted(n)}已是{quoted(oid)}的名称（{quoted(on)}，"
                                  f"{o.path}:{oline}）；{fix}")
            readers[oid].problem(oline, owhere, f"{quoted(on)}也被{quoted(p.id)}用作名称（{quoted(n)}，"
                                 f"{p.path}:{line}）；{fix}")
        for i, rel in enumerate(p.related):
            target = practices.get(rel.target)
            if (quotes is not None and relations is not None and target is not None
                    and rel.kind in relations and relations[rel.kind].listing
                    and not listed_together(p, target, quotes)):
                readers[p.id].problem(rel.line, f"related[{i}].relation", f"“{rel.kind}”（"
                                      f"{relations[rel.kind].label}）只用于报告在同一句或同一项中并列写出的"
                                      f"两项做法，而报告没有在同一句或同一项（如“一是……”）中同时写到{in_quotes(p.name)}"
                                      f"和{in_quotes(target.name)}；请删去这条关系，或改用编者关联（editors-link）并在 "
                                      "note 中说明依据")
            if rel.quote is None or target is None:
                continue  # a broken target has its own problems
            missing = [x.name for x in (p, target)
                       if not any(occurs_unquoted(n, rel.quote.text) for n in x.names)]
            if missing:
                readers[p.id].problem(rel.line, f"related[{i}].quote", f"引文没有写到"
                                      f"{'或'.join(quoted(m) for m in missing)}；引用同一句中既写出两个"
                                      "做法（名称或别名）、又写明两者关联的文字")


def links_to_drafts(practices: dict[str, Practice]) -> list[str]:
    """One line per link of a published record to a draft (``check`` prints them): the site
    leaves the link out until the draft is published, so the editor is told where."""
    out = []
    for p in sorted(practices.values(), key=lambda p: p.id):
        if p.draft:
            continue
        for i, rel in enumerate(p.related):
            target = practices.get(rel.target)
            if target is not None and target.draft:
                out.append(f"{p.path}:{rel.line}: related[{i}].id: 已发布的记录 {p.id} 链接到草稿 "
                           f"{rel.target}（{target.path}，仍有 status: draft）；草稿发布前，网站上不显示这条链接")
    return out


def _name_lines(p: Practice, top: Value) -> list[tuple[str, str, int]]:
    """(name, field, line) for the name and each alias of a record that loaded."""
    out = [(p.name, "name", top.value["name"].line)]
    aliases = top.value["aliases"].value if p.aliases else []
    out += [(a, f"aliases[{i}]", v.line) for i, (a, v) in enumerate(zip(p.aliases, aliases, strict=True))]
    return out


def _places(p: Practice, quotes: QuoteIndex) -> set[tuple[str, str]]:
    """Where a practice stands in the reports: (report, item) for every sentence that names
    it (a name or alias, quotation marks ignored) or that a quote of its record is from. The
    item is the sentence's innermost numbered section (``p2-i3``, 二、三是); a sentence
    outside every section (导语, 结语) is an item of its own."""
    named = [hit for n in p.names for hit in quotes.find_unquoted(n)]
    quoted = [(q.report, s) for q in (*p.how, *p.evidence, *(o.quote for o in p.outcomes))
              if (s := quotes.sentence(q.report, q.sentence)) is not None]
    return {(rid, s.section or s.id) for rid, s in (*named, *quoted)}


def listed_together(a: Practice, b: Practice, quotes: QuoteIndex) -> bool:
    """Whether a report names or quotes both practices inside one sentence or one item: what
    a listing relation (``listed-with``, 报告中并列提及) claims."""
    return bool(_places(a, quotes) & _places(b, quotes))
