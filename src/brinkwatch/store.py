"""store: documents, events and mentions in one DuckDB file, written idempotently.

A document's content hash is its identity: ingesting the same text twice changes
nothing. Each batch is one transaction, so a failure leaves what was stored before
it untouched and nothing of the batch half-written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from brinkwatch.dedup import StoryIndex, signature, to_bytes
from brinkwatch.errors import StoreError
from brinkwatch.link import EventKey, agreement, linkable
from brinkwatch.pipeline import content_hash
from brinkwatch.records import ATTRIBUTION_ORDER, STATUS_ORDER, CodedDocument, Event
from brinkwatch.serialize import event_dict

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_hash VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    published_at DATE,
    origin VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    warnings VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_hash VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR NOT NULL,
    quad_class INTEGER,
    goldstein DOUBLE,
    status VARCHAR NOT NULL,
    confidence DOUBLE,
    source_text VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_code VARCHAR,
    target_text VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_code VARCHAR,
    trigger_text VARCHAR,
    sentence_text VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    event_date DATE,
    date_precision VARCHAR,
    date_basis VARCHAR,
    attribution_kind VARCHAR,
    speaker VARCHAR,
    speaker_code VARCHAR,
    cue VARCHAR,
    quote VARCHAR,
    hedges VARCHAR,
    mention_count INTEGER,
    event_json VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR NOT NULL,
    doc_hash VARCHAR NOT NULL,
    sentence_index INTEGER,
    sentence_text VARCHAR,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    status VARCHAR,
    attribution_kind VARCHAR,
    speaker VARCHAR,
    cue VARCHAR,
    quote VARCHAR,
    hedges VARCHAR
);
CREATE TABLE IF NOT EXISTS stories (
    doc_hash VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    duplicate_of VARCHAR,
    signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS canonical_events (
    canonical_id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    source_country VARCHAR,
    target_country VARCHAR,
    event_day DATE,
    location_country VARCHAR
);
CREATE TABLE IF NOT EXISTS canonical_links (
    event_id VARCHAR PRIMARY KEY,
    canonical_id VARCHAR NOT NULL,
    doc_hash VARCHAR NOT NULL,
    story_id VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    attribution_kind VARCHAR NOT NULL,
    seen DATE
);
CREATE TABLE IF NOT EXISTS errors (
    doc_hash VARCHAR,
    doc_id VARCHAR,
    origin VARCHAR,
    message VARCHAR,
    logged_at TIMESTAMP DEFAULT current_timestamp
);
"""

EVENT_COLUMNS = (
    "event_id, doc_id, type, mode, cameo, status, confidence, source_code, source_text, "
    "target_code, target_text, trigger_text, event_date, attribution_kind, speaker, cue, "
    "mention_count, sentence_text"
)


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did."""

    documents_seen: int
    documents_added: int
    events_added: int
    documents_failed: int


@dataclass(frozen=True)
class EventQuery:
    """Filters for reading events back."""

    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    limit: int | None = None


def _canonical(canonical_id: str, links: list[tuple[Any, ...]]) -> dict[str, Any]:
    """One canonical event from its linked events (rows of canonical_events())."""
    statuses = [link[2] for link in links]
    best = min(
        links,
        key=lambda link: (
            STATUS_ORDER.index(link[2]),
            ATTRIBUTION_ORDER.index(link[3]),
            str(link[4]),
        ),
    )
    event: dict[str, Any] = json.loads(best[1])
    event["status"] = min(statuses, key=STATUS_ORDER.index)
    history: list[dict[str, Any]] = []
    for link in links:
        entry = {"date": link[4].isoformat() if link[4] else None, "status": link[2]}
        if entry not in history:
            history.append(entry)
    seen = [link[4] for link in links if link[4] is not None]
    event.update(
        {
            "canonical_id": canonical_id,
            "mention_count": sum(int(link[7]) for link in links),
            "outlet_count": len({link[5] for link in links}),
            "independent_outlet_count": len({link[6] for link in links}),
            "first_seen": min(seen).isoformat() if seen else None,
            "last_seen": max(seen).isoformat() if seen else None,
            "status_history": history,
        }
    )
    return event


def parse_dyad(value: str) -> tuple[str, str]:
    """'USA-VEN' -> ('USA', 'VEN'); a clear error otherwise."""
    parts = value.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise StoreError(
            f"dyad {value!r} is not SOURCE-TARGET with two ISO alpha-3 codes, e.g. USA-VEN"
        )
    return parts[0], parts[1]


class Store:
    """The event store: one DuckDB file (or ``:memory:``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = duckdb.connect(self.path)
            self._db.execute(_SCHEMA)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the event store ({exc}); check the path or remove a"
                " damaged file"
            ) from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for analytics that read the tables directly."""
        return self._db

    def has_document(self, doc_hash: str) -> bool:
        """Whether a document with this content hash is stored."""
        row = self._db.execute("SELECT 1 FROM documents WHERE doc_hash = ?", [doc_hash]).fetchone()
        return row is not None

    def write_batch(self, coded: Iterable[CodedDocument], window_days: int = 3) -> IngestReport:
        """Store a batch of coded documents in one transaction; known documents are skipped.

        Each new document joins its story (near-duplicates) and each new event links to
        the canonical event it reports, or starts one."""
        seen = added = events = failed = 0
        try:
            self._db.execute("BEGIN TRANSACTION")
            stories = StoryIndex(
                self._db.execute("SELECT doc_hash, story_id, signature FROM stories").fetchall()
            )
            for item in coded:
                seen += 1
                doc_hash = content_hash(item.document)
                if self.has_document(doc_hash):
                    continue
                self._insert_document(item, doc_hash)
                story = self._insert_story(item, doc_hash, stories)
                for event in item.events:
                    self._link(event, item, doc_hash, story, window_days)
                added += 1
                events += len(item.events)
                if item.warnings and not item.events:
                    failed += 1
            self._db.execute("COMMIT")
        except duckdb.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: writing failed, nothing of this batch was kept ({exc})"
            ) from exc
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return IngestReport(seen, added, events, failed)

    def _insert_document(self, item: CodedDocument, doc_hash: str) -> None:
        document = item.document
        self._db.execute(
            "INSERT INTO documents (doc_hash, doc_id, title, url, outlet, published_at, origin,"
            " language, text, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc_hash,
                document.doc_id,
                document.title,
                document.url,
                document.outlet,
                document.published_at,
                document.origin,
                item.language,
                document.text,
                json.dumps(list(item.warnings)),
            ],
        )
        for warning in item.warnings:
            self._db.execute(
                "INSERT INTO errors (doc_hash, doc_id, origin, message) VALUES (?, ?, ?, ?)",
                [doc_hash, document.doc_id, document.origin, warning],
            )
        for event in item.events:
            self._insert_event(event, doc_hash)

    def _insert_story(self, item: CodedDocument, doc_hash: str, stories: StoryIndex) -> str:
        minhash = signature(item.document.text)
        story = stories.assign(doc_hash, minhash)
        self._db.execute(
            "INSERT INTO stories VALUES (?, ?, ?, ?)",
            [doc_hash, story.story_id, story.duplicate_of, to_bytes(minhash)],
        )
        return story.story_id

    def _link(
        self, event: Event, item: CodedDocument, doc_hash: str, story_id: str, window_days: int
    ) -> None:
        day = event.date.value if event.date is not None else item.document.published_at
        key = EventKey(
            type=event.type,
            source_country=event.source.country if event.source else None,
            target_country=event.target.country if event.target else None,
            day=day,
            location_country=event.location.country if event.location else None,
        )
        rows = self._db.execute(
            "SELECT canonical_id, type, source_country, target_country, event_day,"
            " location_country FROM canonical_events WHERE type = ?",
            [event.type],
        ).fetchall()
        candidates = [(row[0], EventKey(*row[1:])) for row in rows]
        linked = [(cid, c) for cid, c in candidates if linkable(key, c, window_days)]
        if linked:
            canonical_id = max(linked, key=lambda pair: agreement(key, pair[1]))[0]
            self._db.execute(
                "UPDATE canonical_events SET source_country = coalesce(source_country, ?),"
                " target_country = coalesce(target_country, ?),"
                " location_country = coalesce(location_country, ?) WHERE canonical_id = ?",
                [key.source_country, key.target_country, key.location_country, canonical_id],
            )
        else:
            canonical_id = event.event_id
            self._db.execute(
                "INSERT INTO canonical_events VALUES (?, ?, ?, ?, ?, ?)",
                [
                    canonical_id,
                    key.type,
                    key.source_country,
                    key.target_country,
                    key.day,
                    key.location_country,
                ],
            )
        document = item.document
        self._db.execute(
            "INSERT INTO canonical_links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                event.event_id,
                canonical_id,
                doc_hash,
                story_id,
                document.outlet or document.doc_id,
                event.status,
                event.attribution.kind,
                document.published_at or day,
            ],
        )

    def canonical_events(self, query: EventQuery = EventQuery()) -> list[dict[str, Any]]:
        """Canonical events in the DESIGN.md shape plus corroboration counts and history."""
        where, params = self._where(query)
        where = where.replace("WHERE", "AND") if where else ""
        rows = self._db.execute(
            "SELECT l.canonical_id, e.event_json, l.status, l.attribution_kind, l.seen,"
            " l.outlet, l.story_id, e.mention_count FROM canonical_links l"
            " JOIN events e ON e.event_id = l.event_id"
            " WHERE l.canonical_id IN (SELECT l2.canonical_id FROM canonical_links l2"
            f" JOIN events USING (event_id) WHERE 1 = 1 {where})"
            " ORDER BY l.canonical_id, l.seen, e.event_id",
            params,
        ).fetchall()
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(row)
        results = [_canonical(canonical_id, links) for canonical_id, links in grouped.items()]
        results.sort(
            key=lambda e: (
                -e["independent_outlet_count"],
                -e["outlet_count"],
                -e["mention_count"],
                e["first_seen"] or "",
                e["canonical_id"],
            )
        )
        return results[: query.limit] if query.limit else results

    def stories(self) -> list[dict[str, Any]]:
        """Story clusters: their documents, outlets and first title."""
        cursor = self._db.execute(
            "SELECT s.story_id AS story, count(*) AS documents,"
            " count(DISTINCT coalesce(d.outlet, d.doc_id)) AS outlets,"
            " min(d.published_at) AS first_published,"
            " arg_min(coalesce(d.title, d.doc_id), coalesce(d.published_at, DATE '9999-12-31'))"
            " AS title FROM stories s JOIN documents d USING (doc_hash)"
            " GROUP BY s.story_id ORDER BY documents DESC, first_published, story"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _insert_event(self, event: Event, doc_hash: str) -> None:
        source, target = event.source, event.target
        location, when, attribution = event.location, event.date, event.attribution
        speaker = attribution.speaker
        self._db.execute(
            f"INSERT INTO events VALUES ({', '.join(['?'] * 35)})",
            [
                event.event_id,
                doc_hash,
                event.mentions[0].doc_id,
                event.type,
                event.mode,
                event.cameo,
                event.quad_class,
                event.goldstein,
                event.status,
                event.confidence,
                source.text if source else None,
                source.country if source else None,
                source.sector if source else None,
                source.code if source else None,
                target.text if target else None,
                target.country if target else None,
                target.sector if target else None,
                target.code if target else None,
                event.trigger.text,
                event.sentence.text,
                location.name if location else None,
                location.country if location else None,
                location.lat if location else None,
                location.lon if location else None,
                when.value if when else None,
                when.precision if when else None,
                when.basis if when else None,
                attribution.kind,
                speaker.text if speaker else None,
                speaker.code if speaker else None,
                attribution.cue,
                attribution.quote,
                json.dumps(list(event.hedges)),
                len(event.mentions),
                json.dumps(event_dict(event), ensure_ascii=False),
            ],
        )
        for mention in event.mentions:
            mspeaker = mention.attribution.speaker
            self._db.execute(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    event.event_id,
                    doc_hash,
                    mention.sentence.index,
                    mention.sentence.text,
                    mention.trigger.text,
                    mention.trigger.span[0],
                    mention.trigger.span[1],
                    mention.status,
                    mention.attribution.kind,
                    mspeaker.text if mspeaker else None,
                    mention.attribution.cue,
                    mention.attribution.quote,
                    json.dumps(list(mention.hedges)),
                ],
            )

    def _where(self, query: EventQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if query.dyad is not None:
            clauses.append("source_country = ? AND target_country = ?")
            params.extend(query.dyad)
        if query.type is not None:
            clauses.append("type = ?")
            params.append(query.type.upper())
        if query.status is not None:
            clauses.append("status = ?")
            params.append(query.status.lower())
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return where, params

    def events(self, query: EventQuery = EventQuery()) -> list[dict[str, Any]]:
        """Stored events as flat rows (columns of EVENT_COLUMNS), oldest document first."""
        where, params = self._where(query)
        limit = f" LIMIT {int(query.limit)}" if query.limit else ""
        cursor = self._db.execute(
            f"SELECT {EVENT_COLUMNS} FROM events {where} ORDER BY doc_id, event_id{limit}",
            params,
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def event_json(self, query: EventQuery = EventQuery()) -> Iterator[dict[str, Any]]:
        """Stored events in the DESIGN.md JSON shape."""
        where, params = self._where(query)
        limit = f" LIMIT {int(query.limit)}" if query.limit else ""
        rows = self._db.execute(
            f"SELECT event_json FROM events {where} ORDER BY doc_id, event_id{limit}", params
        ).fetchall()
        for (text,) in rows:
            yield json.loads(text)

    def dyad_summary(self) -> list[dict[str, Any]]:
        """Events per source -> target country pair, type and status."""
        cursor = self._db.execute(
            "SELECT coalesce(source_country, '---') AS source, coalesce(target_country, '---')"
            " AS target, type, status, count(*) AS events, sum(mention_count) AS mentions"
            " FROM events GROUP BY ALL ORDER BY events DESC, source, target, type, status"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """How many documents, events, mentions and errors are stored."""
        result = {}
        for table in ("documents", "events", "mentions", "errors", "stories", "canonical_events"):
            row = self._db.execute(f"SELECT count(*) FROM {table}").fetchone()
            result[table] = int(row[0]) if row else 0
        return result
