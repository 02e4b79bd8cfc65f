"""Cross-document merging on a 20-article corpus written for brinkwatch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from brinkwatch import api
from brinkwatch.pipeline import Coder
from brinkwatch.store import Store

CORPUS = Path(__file__).with_name("corpus") / "stories.jsonl"


@pytest.fixture(scope="module")
def canonical(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    with Store(tmp_path_factory.mktemp("corpus") / "e.duckdb") as store:
        report = api.ingest_paths(coder, store, [str(CORPUS)])
        assert report.documents_added == 20
        stories = store.stories()
        assert sorted(s["documents"] for s in stories)[-3:] == [2, 3, 3]
        return store.canonical_events()


def _one(
    events: list[dict[str, Any]], kind: str, source: str, target: str | None
) -> dict[str, Any]:
    found = [
        e
        for e in events
        if e["type"] == kind
        and (e["source"] or {}).get("country") == source
        and (e["target"] or {}).get("country") == target
    ]
    assert len(found) == 1, [(e["type"], e["source"], e["target"]) for e in found]
    return found[0]


def test_planned_expulsion_that_happened_is_one_event(canonical: list[dict[str, Any]]) -> None:
    event = _one(canonical, "SANCTION", "SRB", "HRV")
    assert event["status"] == "occurred"
    # the Zagreb denial ("called the expulsion a political show") names neither party
    assert (event["outlet_count"], event["independent_outlet_count"]) == (4, 2)
    assert event["status_history"][:2] == [
        {"date": "2025-06-02", "status": "planned"},
        {"date": "2025-06-05", "status": "occurred"},
    ]


def test_syndicated_copies_are_not_corroboration(canonical: list[dict[str, Any]]) -> None:
    arrests = _one(canonical, "COERCE", "ETH", "ETH")
    assert (arrests["mention_count"], arrests["outlet_count"]) == (3, 3)
    assert arrests["independent_outlet_count"] == 1


def test_independent_reports_corroborate(canonical: list[dict[str, Any]]) -> None:
    (attack,) = [
        e
        for e in canonical
        if e["type"] == "ASSAULT" and (e["source"] or {}).get("country") == "CHN"
    ]
    assert (attack["outlet_count"], attack["independent_outlet_count"]) == (2, 2)


def test_retaliation_between_the_same_countries_is_another_event(
    canonical: list[dict[str, Any]],
) -> None:
    pakistan = [
        e
        for e in canonical
        if e["type"] == "ASSAULT" and (e["source"] or {}).get("country") == "PAK"
    ]
    india = _one(canonical, "ASSAULT", "IND", "PAK")
    assert len(pakistan) == 1
    assert pakistan[0]["canonical_id"] != india["canonical_id"]
    assert india["mention_count"] == 1
    # Pakistan's denial of firing first is part of the history of its attack
    assert [h["status"] for h in pakistan[0]["status_history"]] == ["occurred", "negated"]


def test_release_is_not_merged_with_the_arrest(canonical: list[dict[str, Any]]) -> None:
    release = _one(canonical, "RETREAT", "ETH", "ETH")
    assert release["mention_count"] == 1
