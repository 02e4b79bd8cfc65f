"""time: date expressions resolved against the publication date (a Saturday)."""

from __future__ import annotations

from datetime import date

import pytest

from brinkwatch.dates import resolve
from brinkwatch.pipeline import Coder

PUBLISHED = date(2025, 6, 14)  # Saturday


@pytest.mark.parametrize(
    ("expression", "status", "value", "precision"),
    [
        ("on Thursday", "occurred", date(2025, 6, 12), "day"),
        ("Thursday", "occurred", date(2025, 6, 12), "day"),
        ("on Monday", "occurred", date(2025, 6, 9), "day"),
        ("on Saturday", "occurred", date(2025, 6, 14), "day"),
        ("last Saturday", "occurred", date(2025, 6, 7), "day"),
        ("on Tuesday", "planned", date(2025, 6, 17), "day"),
        ("next Friday", "occurred", date(2025, 6, 20), "day"),
        ("yesterday", "occurred", date(2025, 6, 13), "day"),
        ("overnight", "occurred", date(2025, 6, 13), "day"),
        ("last night", "occurred", date(2025, 6, 13), "day"),
        ("today", "occurred", date(2025, 6, 14), "day"),
        ("tomorrow", "planned", date(2025, 6, 15), "day"),
        ("last week", "occurred", date(2025, 6, 2), "week"),
        ("this week", "occurred", date(2025, 6, 9), "week"),
        ("next week", "planned", date(2025, 6, 16), "week"),
        ("last month", "occurred", date(2025, 5, 1), "month"),
        ("next month", "planned", date(2025, 7, 1), "month"),
        ("earlier this month", "occurred", date(2025, 6, 1), "month"),
        ("last year", "occurred", date(2024, 1, 1), "year"),
        ("earlier this year", "occurred", date(2025, 1, 1), "year"),
        ("next year", "planned", date(2026, 1, 1), "year"),
        ("in March", "occurred", date(2025, 3, 1), "month"),
        ("in September", "occurred", date(2024, 9, 1), "month"),
        ("in September", "planned", date(2025, 9, 1), "month"),
        ("March 3", "occurred", date(2025, 3, 3), "day"),
        ("3 March", "occurred", date(2025, 3, 3), "day"),
        ("on March 3, 2023", "occurred", date(2023, 3, 3), "day"),
        ("2024-11-05", "occurred", date(2024, 11, 5), "day"),
        ("three days ago", "occurred", date(2025, 6, 11), "day"),
        ("two weeks ago", "occurred", date(2025, 5, 26), "week"),
        ("in 2019", "occurred", date(2019, 1, 1), "year"),
        ("Dec. 25", "occurred", date(2024, 12, 25), "day"),
    ],
)
def test_resolve(expression: str, status: str, value: date, precision: str) -> None:
    period = resolve(expression, PUBLISHED, status)  # type: ignore[arg-type]
    assert period is not None
    assert (period.value, period.precision) == (value, precision)


@pytest.mark.parametrize("expression", ["within days", "soon", "for decades", "at dawn"])
def test_unresolvable_expressions(expression: str) -> None:
    assert resolve(expression, PUBLISHED) is None


def test_event_date_from_the_text(coder: Coder) -> None:
    coded = coder.code_text(
        "Egyptian police arrested four men on Thursday.", published_at=PUBLISHED
    )
    (event,) = coded.events
    assert event.date is not None
    assert (event.date.value, event.date.precision, event.date.basis) == (
        date(2025, 6, 12),
        "day",
        "text",
    )


def test_event_date_falls_back_to_publication(coder: Coder) -> None:
    coded = coder.code_text("Egyptian police arrested four men.", published_at=PUBLISHED)
    (event,) = coded.events
    assert event.date is not None
    assert (event.date.value, event.date.basis) == (PUBLISHED, "published")


def test_no_publication_date_no_event_date(coder: Coder) -> None:
    (event,) = coder.code_text("Egyptian police arrested four men on Thursday.").events
    assert event.date is None


def test_future_weekday_lands_in_the_future(coder: Coder) -> None:
    coded = coder.code_text("Egypt will host talks on Tuesday.", published_at=PUBLISHED)
    (event,) = coded.events  # "host talks" is one event
    assert event.trigger.text == "host"
    assert event.date is not None and event.date.value == date(2025, 6, 17)


def test_the_nearer_of_two_dates_dates_the_act(coder: Coder) -> None:
    coded = coder.code_text(
        "A Kenyan court jailed the editor on Thursday for the 2021 killing of a rival.",
        published_at=PUBLISHED,
    )
    jailing = next(e for e in coded.events if e.trigger.text == "jailed")
    assert jailing.date is not None and jailing.date.value == date(2025, 6, 12)


def test_since_is_when_an_ongoing_act_began_not_its_date(coder: Coder) -> None:
    coded = coder.code_text(
        "Sudanese troops have occupied the border town since 2020.", published_at=PUBLISHED
    )
    (event,) = coded.events
    assert event.date is not None
    assert (event.date.value, event.date.basis) == (PUBLISHED, "published")


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Chile and Peru fought a short war over the desert in 1879.", []),
        ("Norway expelled three Russian diplomats in March 2022.", []),
        ("Norway expelled three Russian diplomats last year.", ["SANCTION"]),
        ("Norway expelled three Russian diplomats in March.", ["SANCTION"]),
        ("Ecuador and Peru fought a border war in the mid-1990s.", []),  # a decade
    ],
)
def test_background_dated_years_back_is_not_coded(
    coder: Coder, text: str, types: list[str]
) -> None:
    coded = coder.code_text(text, published_at=PUBLISHED)
    assert [e.type for e in coded.events] == types


def test_without_a_publication_date_dated_background_is_kept(coder: Coder) -> None:
    coded = coder.code_text("Norway expelled three Russian diplomats in March 2022.")
    assert [e.type for e in coded.events] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a relative clause dated months back describes the thing, with or without commas
        ("Coast guards freed the crew of a trawler they seized last year.", ["RETREAT"]),
        ("The militia, which shelled the port last year, signed a truce.", ["RETREAT"]),
        # one dated days back is news of its own
        ("The gunmen who abducted 40 pupils last week freed 12 of them.", ["ASSAULT", "RETREAT"]),
    ],
)
def test_relative_clause_dated_months_back_is_background(
    coder: Coder, text: str, types: list[str]
) -> None:
    coded = coder.code_text(text, published_at=PUBLISHED)
    assert [e.type for e in coded.events] == types
