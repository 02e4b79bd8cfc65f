"""Stories and canonical events across documents, written for brinkwatch."""

from __future__ import annotations

import json
from pathlib import Path

from brinkwatch import api
from brinkwatch.pipeline import Coder
from brinkwatch.store import EventQuery, Store

PLAN = (
    "Serbia is preparing to expel two Croatian diplomats, officials in Belgrade said on Monday."
    " The foreign ministry accused the pair of spying and summoned the Croatian ambassador."
    " Zagreb rejected the accusation and said it would respond in kind."
)
COPY = PLAN.replace("officials in Belgrade said on Monday", "officials in Belgrade said Monday")
EXPELLED = (
    "Serbia expelled two Croatian diplomats on Thursday, the foreign ministry in Belgrade said."
)
ARREST = "Serbian police arrested a Croatian journalist in Belgrade on Wednesday, his editor said."
ROWS = [
    {"id": "plan", "text": PLAN, "outlet": "Danube Daily", "published_at": "2025-06-02"},
    {"id": "copy", "text": COPY, "outlet": "Adriatic Times", "published_at": "2025-06-02"},
    {"id": "arrest", "text": ARREST, "outlet": "Sava Post", "published_at": "2025-06-04"},
    {"id": "expelled", "text": EXPELLED, "outlet": "Sava Post", "published_at": "2025-06-05"},
]


def _ingest(coder: Coder, tmp_path: Path, rows: list[dict[str, str]]) -> Store:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    store = Store(tmp_path / "e.duckdb")
    api.ingest_paths(coder, store, [str(path)])
    return store


def _sanction(store: Store) -> dict[str, object]:
    (event,) = [e for e in store.canonical_events() if e["type"] == "SANCTION"]
    return event


def test_copies_form_one_story(coder: Coder, tmp_path: Path) -> None:
    with _ingest(coder, tmp_path, ROWS) as store:
        stories = store.stories()
    assert [s["documents"] for s in stories] == [2, 1, 1]
    assert stories[0]["outlets"] == 2


def test_planned_then_occurred_is_one_canonical_event(coder: Coder, tmp_path: Path) -> None:
    with _ingest(coder, tmp_path, ROWS) as store:
        event = _sanction(store)
        coerce = [e for e in store.canonical_events() if e["type"] == "COERCE"]
    assert event["status"] == "occurred"
    assert (event["mention_count"], event["outlet_count"], event["independent_outlet_count"]) == (
        3,
        3,
        2,
    )
    assert event["status_history"] == [
        {"date": "2025-06-02", "status": "planned"},
        {"date": "2025-06-05", "status": "occurred"},
    ]
    assert (event["first_seen"], event["last_seen"]) == ("2025-06-02", "2025-06-05")
    # the arrest the same week between the same countries is another event
    assert len(coerce) == 1 and coerce[0]["mention_count"] == 1


def test_new_documents_update_incrementally_and_reingest_changes_nothing(
    coder: Coder, tmp_path: Path
) -> None:
    with _ingest(coder, tmp_path, ROWS[:1]) as store:
        assert _sanction(store)["status"] == "planned"
    with _ingest(coder, tmp_path, ROWS) as store:
        counts = store.counts()
        event = _sanction(store)
    with _ingest(coder, tmp_path, ROWS) as store:
        assert store.counts() == counts
        assert _sanction(store) == event
    assert event["status"] == "occurred"


def test_canonical_query_filters(coder: Coder, tmp_path: Path) -> None:
    with _ingest(coder, tmp_path, ROWS) as store:
        found = store.canonical_events(EventQuery(dyad=("SRB", "HRV"), type="SANCTION"))
    assert [e["type"] for e in found] == ["SANCTION"]
