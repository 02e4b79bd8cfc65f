"""store and ingest: idempotent, transactional, and bad input stores nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from brinkwatch import api
from brinkwatch.errors import InputError, StoreError
from brinkwatch.pipeline import Coder
from brinkwatch.read import read_all
from brinkwatch.store import EventQuery, Store, parse_dyad

ARTICLE = (
    "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, Ukrainian officials said.\n\n"
    "Ukraine's foreign ministry condemned the attack.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_ingest_twice_changes_nothing(coder: Coder, tmp_path: Path) -> None:
    source = _write(tmp_path, "kharkiv.txt", ARTICLE)
    with Store(tmp_path / "events.duckdb") as store:
        first = api.ingest_paths(coder, store, [source], date(2025, 3, 6))
        counts = store.counts()
        second = api.ingest_paths(coder, store, [source], date(2025, 3, 6))
        assert store.counts() == counts
    assert (first.documents_added, second.documents_added, second.events_added) == (1, 0, 0)
    assert counts["documents"] == 1
    assert counts["events"] == first.events_added >= 1


def test_events_query_by_dyad_and_type(coder: Coder, tmp_path: Path) -> None:
    source = _write(tmp_path, "kharkiv.txt", ARTICLE)
    with Store(tmp_path / "events.duckdb") as store:
        api.ingest_paths(coder, store, [source], date(2025, 3, 6))
        assault = store.events(EventQuery(dyad=("RUS", "UKR"), type="ASSAULT"))
        assert [row["status"] for row in assault] == ["occurred"]
        (event,) = list(store.event_json(EventQuery(dyad=("RUS", "UKR"), type="ASSAULT")))
        assert event["source"]["code"] == "RUSMIL"
        assert event["date"] == {"value": "2025-03-04", "precision": "day", "basis": "text"}
        rows = {
            (r["source"], r["target"], r["type"], r["status"]): r["events"]
            for r in store.dyad_summary()
        }
        assert rows[("RUS", "UKR", "ASSAULT", "occurred")] == 1


def test_bad_input_among_good_stores_nothing(coder: Coder, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", ARTICLE)
    bad = _write(tmp_path, "bad.jsonl", '{"id": "a", "text": "Troops moved."}\n{broken\n')
    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        api.ingest_paths(coder, store, [good], date(2025, 3, 6))
        before = store.counts()
        with pytest.raises(InputError, match=r"bad\.jsonl:2: invalid JSON"):
            api.ingest_paths(coder, store, [bad, good], date(2025, 3, 6))
        assert store.counts() == before


def test_failed_batch_rolls_back(coder: Coder, tmp_path: Path) -> None:
    (coded,) = list(coder.code_documents(read_all([_write(tmp_path, "a.txt", ARTICLE)])))
    with Store(tmp_path / "events.duckdb") as store:
        store.connection.execute("CREATE TABLE guard (x INTEGER)")
        store.connection.execute("DROP TABLE mentions")  # the batch's third insert will fail
        with pytest.raises(StoreError, match="nothing of this batch was kept"):
            store.write_batch([coded])
        assert store.connection.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_stored_event_json_matches_design_shape(coder: Coder, tmp_path: Path) -> None:
    source = _write(tmp_path, "k.txt", ARTICLE)
    with Store(tmp_path / "e.duckdb") as store:
        api.ingest_paths(coder, store, [source], date(2025, 3, 6))
        event = next(iter(store.event_json()))
    assert set(event) == {
        "event_id",
        "type",
        "mode",
        "cameo",
        "quad_class",
        "goldstein",
        "status",
        "confidence",
        "source",
        "target",
        "trigger",
        "sentence",
        "location",
        "date",
        "attribution",
        "hedges",
        "mentions",
    }
    json.dumps(event)


@pytest.mark.parametrize("value", ["USA", "USA-VENE", "US-VE", "usa_ven"])
def test_bad_dyad(value: str) -> None:
    with pytest.raises(StoreError, match="SOURCE-TARGET"):
        parse_dyad(value)


def test_dyad_parses() -> None:
    assert parse_dyad("usa-ven") == ("USA", "VEN")
