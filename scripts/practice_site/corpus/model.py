"""The corpus as loaded and validated: frozen records, nothing MkDocs-specific."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from practice_site.corpus.problems import Problem
from practice_site.text.quotes import Quote, QuoteIndex
from practice_site.text.report import ParsedReport


@dataclass(frozen=True)
class Report:
    id: str
    """File stem of ``data/reports/<id>.txt``; the annotated report's URL slug."""
    title: str
    """Title as the report gives it (its first line)."""
    unit: str
    """Issuing unit as the source names it."""
    year: int
    kind: str
    """What sort of document it is (工作汇报发言, 年度工作总结, ...)."""
    path: str
    """Where the text is, for messages."""
    parsed: ParsedReport


@dataclass(frozen=True)
class Outcome:
    figure: str
    """The figure exactly as the report prints it, masks kept (``化解率**％``)."""
    measures: str
    """What the figure measures (editorial)."""
    quote: Quote
    """The sentence the figure is taken from."""


@dataclass(frozen=True)
class Relation:
    target: str
    """Practice id the relation points to."""
    kind: str
    """Relation kind id from ``data/relations.yml``."""
    note: str = ""
    """Optional editorial note on the relation (required for an editorial kind)."""
    quote: Quote | None = None
    """The phrase of a report sentence that states the link (required unless the kind is
    ``listing`` or ``editorial``)."""
    line: int = 0
    """Line of the relation in its record, for messages."""


@dataclass(frozen=True)
class Practice:
    id: str
    """ASCII slug; equals the file stem and the page URL."""
    name: str
    aliases: tuple[str, ...]
    kind: str
    """Kind id from ``data/kinds.yml`` (practice, mechanism, campaign, ...)."""
    theme: str
    """Theme id from ``data/themes.yml``."""
    tags: tuple[str, ...]
    """Tag names from ``data/tags.yml``."""
    summary: str
    """One editorial sentence; shown marked as editorial."""
    how: tuple[Quote, ...]
    """做法要点, each quoted from a report."""
    outcomes: tuple[Outcome, ...]
    related: tuple[Relation, ...]
    evidence: tuple[Quote, ...]
    """Extra source sentences a name search would not find."""
    path: str
    line: int = 1
    former_ids: tuple[str, ...] = ()
    """Ids the record had before a rename: their URLs redirect to this page (redirects.py)."""
    status: str = ""
    """``draft`` for a record written by ``add-report`` and not yet reviewed (shown by
    ``mkdocs serve`` with a banner, left out of ``mkdocs build``); empty once published."""
    name_editorial: bool = False
    """``name_editorial: true``: the name is the editors' wording, not a string the report
    prints (the page says so); otherwise the name must occur in a report."""

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    """Editorial description."""
    parts: tuple[tuple[str, int], ...]
    """(report id, part number) pairs the theme stands for."""


@dataclass(frozen=True)
class Tag:
    id: str
    """ASCII slug used as the anchor on the tags page."""
    name: str
    description: str


@dataclass(frozen=True)
class RelationKind:
    id: str
    label: str
    """How the relation reads from the record that declares it."""
    inverse: str
    """How it reads on the target's page."""
    listing: bool = False
    """The relation says only that a report names both side by side (``listed-with``): it
    needs no quote."""
    editorial: bool = False
    """The editors' reading, not the report's: needs a note, has no quote, and is shown
    as 编者关联, never as a plain fact."""

    @property
    def stated(self) -> bool:
        """Whether the relation claims a link the report must state (so needs a quote)."""
        return not (self.listing or self.editorial)

    def shown(self, inverse: bool = False) -> str:
        """The label as a reader sees it: an editorial kind always says 编者关联."""
        label = self.inverse if inverse else self.label
        return label if not self.editorial or label == EDITORIAL else f"{EDITORIAL}（{label}）"


EDITORIAL = "编者关联"
"""How the site marks a relation that is the editors' reading, not the report's."""


@dataclass(frozen=True)
class Kind:
    id: str
    name: str


@dataclass(frozen=True)
class Term:
    """A glossary entry (术语): an abbreviation or numbered formula of the reports."""

    id: str
    term: str
    """The term as the report writes it (两队一室, 1＋3＋N)."""
    meaning: str
    """What it stands for."""
    source: str
    """``report`` when ``meaning`` is the report's own words (checked by ``quote``);
    ``general`` when it is general knowledge, shown as such, not as the report's claim."""
    quote: Quote | None
    """For ``report``: the phrase of the report that expands the term."""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Honour:
    """An honour, award, commendation or media report the report names (荣誉与表彰):
    not a practice, listed on its own page and linked to the practices it concerns."""

    id: str
    title: str
    """The honour as the report words it (checked: it occurs in ``quote``)."""
    kind: str
    """Kind id from ``read_honours.HONOUR_KINDS`` (award, commendation, ...)."""
    quote: Quote
    """The phrase of the report that states the honour."""
    practices: tuple[str, ...] = ()
    """Practice ids the report's sentence ties the honour to (only where it says so)."""
    note: str = ""
    """Editorial note."""


@dataclass(frozen=True)
class Skip:
    """A term of the reports that is deliberately not a practice page (``data/coverage.yml``)."""

    term: str
    """The term without quotation marks, as the report writes it."""
    category: str
    """Category id from ``read_coverage.CATEGORIES`` (slogan, target, honour, campaign, ...)."""
    reason: str
    """Why it is not a page, for the reader of the coverage list (editorial)."""
    see: tuple[str, ...] = ()
    """Practice ids where the term is dealt with, if any."""
    line: int = 0
    """Line in ``data/coverage.yml``."""
    report: str = ""
    """The report id the entry was written for: it skips the term in that report only. Empty:
    in every report."""


@dataclass(frozen=True)
class CollectionItem:
    """One entry of a topic handout: a practice, or a sentence quoted from a report."""

    practice: str = ""
    """Practice id; empty for a quoted sentence."""
    quote: Quote | None = None
    """For a sentence entry: the phrase, resolved to its sentence."""
    note: str = ""
    """The trainer's note (editorial)."""
    questions: tuple[str, ...] = ()
    """Discussion questions (editorial)."""


@dataclass(frozen=True)
class Collection:
    """A topic handout for trainers (``data/collections/<id>.yml``)."""

    id: str
    """File stem; the page is ``collections/<id>/``."""
    title: str
    audience: str
    """Who the handout is for (editorial)."""
    introduction: str
    """Editorial introduction, shown marked as such."""
    items: tuple[CollectionItem, ...]
    """In the order the trainer chose."""
    path: str = ""


@dataclass(frozen=True)
class OfficerWord:
    """A word officers type for what the reports say otherwise (``data/synonyms.yml``): a
    search aid only, never shown as the report's claim."""

    word: str
    """What the officer types (盗窃)."""
    terms: tuple[tuple[str, str], ...]
    """(report term, link) in file order; link is ``same``, ``broader`` (the officer's word
    is wider than the term) or ``narrower`` (it is one kind of what the term names)."""
    line: int = 0
    """Line of the word in data/synonyms.yml."""


@dataclass(frozen=True)
class Corpus:
    reports: dict[str, Report]
    practices: dict[str, Practice]
    themes: dict[str, Theme]
    tags: dict[str, Tag]
    """Keyed by tag name."""
    relation_kinds: dict[str, RelationKind]
    kinds: dict[str, Kind]
    glossary: dict[str, Term] = field(default_factory=dict)
    """Keyed by term id."""
    honours: dict[str, Honour] = field(default_factory=dict)
    """Keyed by honour id, in file order (``data/honours.yml``)."""
    skipped: tuple[Skip, ...] = ()
    """Terms deliberately not made pages (``data/coverage.yml``), in file order."""
    collections: dict[str, Collection] = field(default_factory=dict)
    """Topic handouts (``data/collections/<id>.yml``), keyed by id, sorted by id."""
    warnings: tuple[Problem, ...] = ()
    """What the load found questionable but not wrong (a summary's style): told, not refused."""
    synonyms: dict[str, OfficerWord] = field(default_factory=dict)
    """Officers' words (``data/synonyms.yml``), keyed by the word, in file order."""

    @cached_property
    def quotes(self) -> QuoteIndex:
        """The reports' sentences, indexed for phrase lookups (built on first use)."""
        return QuoteIndex({rid: r.parsed for rid, r in self.reports.items()})
