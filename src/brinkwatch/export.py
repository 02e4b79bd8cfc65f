"""export: canonical events as Parquet, CSV, a GDELT 2.0 event-table-style TSV, or
PLOVER/POLECAT-style JSON Lines (field by field in the README)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from brinkwatch.errors import StoreError
from brinkwatch.store import Store

FORMATS = ("parquet", "csv", "gdelt", "plover")

# GDELT 2.0 event table columns brinkwatch fills, in GDELT's order (no header line).
GDELT_COLUMNS = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
    "Status",
    "AttributionKind",
)
_GEO_TYPE = {"country": 1, "admin1": 2, "city": 4}


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    """One canonical event as a flat row (CSV and Parquet)."""
    source, target = event.get("source") or {}, event.get("target") or {}
    location, when = event.get("location") or {}, event.get("date") or {}
    attribution = event.get("attribution") or {}
    speaker = attribution.get("speaker") or {}
    return {
        "canonical_id": event["canonical_id"],
        "type": event["type"],
        "mode": event["mode"],
        "cameo": event["cameo"],
        "quad_class": event["quad_class"],
        "goldstein": event["goldstein"],
        "status": event["status"],
        "confidence": event["confidence"],
        "source_code": source.get("code"),
        "source_text": source.get("text"),
        "target_code": target.get("code"),
        "target_text": target.get("text"),
        "date": when.get("value"),
        "date_precision": when.get("precision"),
        "location": location.get("name"),
        "location_country": location.get("country"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "attribution_kind": attribution.get("kind"),
        "speaker": speaker.get("text"),
        "mention_count": event["mention_count"],
        "outlet_count": event["outlet_count"],
        "independent_outlet_count": event["independent_outlet_count"],
        "first_seen": event["first_seen"],
        "last_seen": event["last_seen"],
        "status_history": json.dumps(event["status_history"]),
        "sentence": event["sentence"]["text"],
    }


def _gdelt(event: dict[str, Any], number: int) -> list[Any]:
    source, target = event.get("source") or {}, event.get("target") or {}
    location = event.get("location") or {}
    day = ((event.get("date") or {}).get("value") or event["first_seen"] or "").replace("-", "")
    cameo = event["cameo"]
    return [
        number,
        day,
        day[:6],
        day[:4],
        f"{int(day[:4]) + (int(day[4:6]) - 1) / 12:.4f}" if len(day) == 8 else "",
        source.get("code") or "",
        source.get("text") or "",
        source.get("country") or "",
        source.get("sector") or "",
        target.get("code") or "",
        target.get("text") or "",
        target.get("country") or "",
        target.get("sector") or "",
        1,
        cameo,
        cameo[:3],
        cameo[:2],
        event["quad_class"],
        event["goldstein"],
        event["mention_count"],
        event["independent_outlet_count"],
        event["outlet_count"],
        _GEO_TYPE.get(location.get("precision") or "", 0),
        location.get("name") or "",
        location.get("country") or "",
        location.get("lat") or "",
        location.get("lon") or "",
        location.get("geonameid") or "",
        event["last_seen"] or "",
        "",
        event["status"],
        (event.get("attribution") or {}).get("kind", ""),
    ]


def _plover(event: dict[str, Any]) -> dict[str, Any]:
    source, target = event.get("source") or {}, event.get("target") or {}
    location, attribution = event.get("location") or {}, event.get("attribution") or {}
    return {
        "event_id": event["canonical_id"],
        "event_date": (event.get("date") or {}).get("value"),
        "event_type": event["type"],
        "event_mode": event["mode"],
        "event_text": event["sentence"]["text"],
        "event_status": event["status"],
        "actor": source.get("text"),
        "actor_country": source.get("country"),
        "actor_sector": source.get("sector"),
        "recipient": target.get("text"),
        "recipient_country": target.get("country"),
        "recipient_sector": target.get("sector"),
        "placename": location.get("name"),
        "country": location.get("country"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "geonameid": location.get("geonameid"),
        "cameo": event["cameo"],
        "attribution": attribution,
        "num_mentions": event["mention_count"],
        "num_outlets": event["outlet_count"],
        "num_independent_outlets": event["independent_outlet_count"],
        "status_history": event["status_history"],
    }


def export(store: Store, fmt: str, out: str | Path) -> int:
    """Write every canonical event to ``out`` in a format; the number written."""
    if fmt not in FORMATS:
        raise StoreError(f"export format {fmt!r} is unknown; use one of {', '.join(FORMATS)}")
    events = store.canonical_events()
    path = Path(out)
    partial = path.with_name(path.name + ".partial")
    try:
        if fmt == "plover":
            lines = (json.dumps(_plover(e), ensure_ascii=False) for e in events)
            partial.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        elif fmt == "gdelt":
            with partial.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
                writer.writerows(_gdelt(e, n) for n, e in enumerate(events, start=1))
        else:
            _write_table([_flat(e) for e in events], fmt, partial)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"{path}: cannot write the export ({exc.strerror}); check the folder"
        ) from exc
    return len(events)


def _write_table(rows: Sequence[dict[str, Any]], fmt: str, path: Path) -> None:
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["canonical_id"])
            writer.writeheader()
            writer.writerows(rows)
        return
    # DuckDB writes the Parquet file from the rows, typed by its JSON reader
    staging = path.with_name(path.name + ".jsonl")
    try:
        staging.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        with duckdb.connect() as db:
            source = f"read_json_auto('{staging}')" if rows else "(SELECT NULL AS canonical_id)"
            db.execute(f"COPY (SELECT * FROM {source}) TO '{path}' (FORMAT PARQUET)")
    finally:
        staging.unlink(missing_ok=True)
