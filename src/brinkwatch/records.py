"""Typed records that flow through the pipeline (see DESIGN.md for the JSON shape)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from brinkwatch.errors import InputError

Status = Literal["occurred", "planned", "possible", "hypothetical", "negated"]
AttributionKind = Literal["named", "anonymous", "media", "none"]
QuoteKind = Literal["direct", "indirect"]
BlockKind = Literal["title", "heading", "body"]
DatePrecision = Literal["day", "week", "month", "year"]

# Most factual first: the event-level status is the first one any mention has.
STATUS_ORDER: tuple[Status, ...] = ("occurred", "planned", "possible", "hypothetical", "negated")
# Best sourced first: the event-level attribution is the first kind any mention has.
ATTRIBUTION_ORDER: tuple[AttributionKind, ...] = ("named", "media", "anonymous", "none")

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One input article, its text exactly as read and its metadata."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: date | None = None
    origin: str = "-"

    def __post_init__(self) -> None:
        value: object = self.published_at
        if isinstance(value, str):  # an ISO date given as text, as JSON and callers have it
            try:
                object.__setattr__(self, "published_at", date.fromisoformat(value[:10]))
            except ValueError as exc:
                raise InputError(
                    f"document {self.doc_id}: published_at {value!r} is not an ISO date "
                    "(YYYY-MM-DD); fix or drop it"
                ) from exc


@dataclass(frozen=True)
class Block:
    """A line or paragraph of a document after cleaning: the title, a heading or body text."""

    index: int
    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a title or heading line) with its character span in the document."""

    index: int
    start: int
    end: int
    text: str
    kind: BlockKind
    block: int


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted on: text, ISO 3166 alpha-3 country, CAMEO sector, members."""

    text: str
    span: Span
    country: str | None = None
    sector: str | None = None
    members: tuple[Actor, ...] = ()
    inferred: bool = False  # the country was taken from context, not from the phrase
    stateless: bool = False  # a dictionary organisation that belongs to no country

    @property
    def code(self) -> str | None:
        """The CAMEO-style code: country (or ``---``) followed by the sector."""
        if self.country is None and self.sector is None:
            return None
        return f"{self.country or '---'}{self.sector or ''}"


@dataclass(frozen=True)
class Trigger:
    """The words that express the event."""

    text: str
    span: Span
    lemma: str = ""


@dataclass(frozen=True)
class Speaker:
    """Who is said to make a claim: the words naming them and their actor code."""

    text: str
    code: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class ChainLink:
    """One link of a reporting chain: outlet, then the sources it cites."""

    text: str
    kind: AttributionKind


@dataclass(frozen=True)
class Attribution:
    """Who claims a mention, through which cue, quoted how, via which chain."""

    kind: AttributionKind = "none"
    speaker: Speaker | None = None
    cue: str | None = None
    quote: QuoteKind | None = None
    chain: tuple[ChainLink, ...] = ()


NO_ATTRIBUTION = Attribution()


@dataclass(frozen=True)
class Location:
    """Where an event happened, resolved against the gazetteer."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: Literal["city", "admin1", "country"]


@dataclass(frozen=True)
class EventDate:
    """When an event happened: the first day of a period, its precision and basis."""

    value: date
    precision: DatePrecision
    basis: Literal["text", "published"]


@dataclass(frozen=True)
class Mention:
    """One report of an event in one sentence of one document."""

    doc_id: str
    sentence: Sentence
    trigger: Trigger
    type: str
    mode: str | None
    cameo: str
    source: Actor | None
    target: Actor | None
    confidence: float
    status: Status = "occurred"
    attribution: Attribution = NO_ATTRIBUTION
    hedges: tuple[str, ...] = ()
    location: Location | None = None
    date: EventDate | None = None
    needs_antecedent: bool = False


@dataclass(frozen=True)
class Event:
    """One event in one document, merged from its mentions."""

    event_id: str
    type: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float
    status: Status
    confidence: float
    source: Actor | None
    target: Actor | None
    trigger: Trigger
    sentence: Sentence
    location: Location | None
    date: EventDate | None
    attribution: Attribution
    hedges: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class CodedDocument:
    """A document with the events coded from it and any warnings."""

    document: Document
    events: tuple[Event, ...]
    language: str = "en"
    warnings: tuple[str, ...] = field(default_factory=tuple)
