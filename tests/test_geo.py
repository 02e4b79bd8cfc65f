"""geo: event locations on sentences written for brinkwatch."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from brinkwatch.gazetteer import fold
from brinkwatch.pipeline import Coder

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("cases") / "locations.yaml").read_text("utf-8")
)
SCORED = [c for c in CASES if c["country"] != "null_ok"]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _correct(coder: Coder, case: dict[str, Any]) -> bool:
    coded = coder.code_text(case["text"], published_at=date(2025, 6, 14))
    mentions = [m for e in coded.events for m in e.mentions if m.trigger.text == case["trigger"]]
    if not mentions:
        return False
    location = mentions[0].location
    if case["country"] is None:
        return location is None
    if location is None or location.country != case["country"]:
        return False
    if "precision" in case and location.precision != case["precision"]:
        return False
    if "lat" in case:
        assert location.lat is not None and location.lon is not None
        return _km(case["lat"], case["lon"], location.lat, location.lon) <= 50
    return True


def test_location_accuracy_on_written_cases(coder: Coder) -> None:
    results = {c["text"]: _correct(coder, c) for c in SCORED}
    wrong = [text for text, ok in results.items() if not ok]
    accuracy = 1 - len(wrong) / len(results)
    assert len(SCORED) >= 40 - 5 and len(CASES) >= 40
    assert accuracy >= 0.90, f"location accuracy {accuracy:.2f}; wrong: {wrong}"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Washington said it would impose sanctions on Caracas.", "impose"),
        ("Moscow accused Kyiv of sabotage.", "accused"),
    ],
)
def test_capitals_acting_as_governments_are_not_locations(
    coder: Coder, text: str, trigger: str
) -> None:
    coded = coder.code_text(text)
    (mention,) = [m for e in coded.events for m in e.mentions if m.trigger.text == trigger]
    assert mention.location is None


def test_fold_removes_accents_and_case() -> None:
    assert fold("  Bahía  de Caráquez ") == "bahia de caraquez"
    assert fold("Kharkivs\u2019ka") == "kharkivs'ka"
