"""link: events reported by different documents become one canonical event.

Two events link when they have the same type, compatible source and target countries
(equal or unknown, and at least one side known and shared), dates within the window
(default 3 days) and compatible locations (same country, or unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EventKey:
    """What linking compares."""

    type: str
    source_country: str | None
    target_country: str | None
    day: date | None
    location_country: str | None


def _agree(left: str | None, right: str | None) -> bool:
    return left is None or right is None or left == right


def linkable(event: EventKey, canonical: EventKey, window_days: int) -> bool:
    """Whether an event reports the same real-world event as a canonical event."""
    if event.type != canonical.type:
        return False
    if not (
        _agree(event.source_country, canonical.source_country)
        and _agree(event.target_country, canonical.target_country)
    ):
        return False
    shared = (
        event.source_country is not None and event.source_country == canonical.source_country
    ) or (event.target_country is not None and event.target_country == canonical.target_country)
    if not shared or not _agree(event.location_country, canonical.location_country):
        return False
    if event.day is not None and canonical.day is not None:
        return abs((event.day - canonical.day).days) <= window_days
    return True


def agreement(event: EventKey, canonical: EventKey) -> int:
    """How many fields agree, to pick the best of several linkable canonical events."""
    pairs = (
        (event.source_country, canonical.source_country),
        (event.target_country, canonical.target_country),
        (event.location_country, canonical.location_country),
    )
    return sum(1 for a, b in pairs if a is not None and a == b)
