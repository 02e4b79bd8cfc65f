"""Golden test: what brinkwatch must (and must not) say about the seed article."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from brinkwatch.pipeline import Coder
from brinkwatch.read import read_all
from brinkwatch.serialize import document_dict
from conftest import shared_path
from expectations import matches, violates

SEED = "000_52ab0be4df1ce3ec"
PUBLISHED = date(2025, 11, 1)


@pytest.fixture(scope="module")
def seed(coder: Coder) -> tuple[dict[str, Any], dict[str, Any]]:
    text_path = shared_path("seed", f"{SEED}.txt")
    expected = json.loads(shared_path("seed", f"{SEED}.expected.json").read_text("utf-8"))
    (coded,) = list(coder.code_documents(read_all([str(text_path)], PUBLISHED)))
    return document_dict(coded), expected


def _ids(kind: str) -> list[int]:
    # the number of entries is fixed by the seed file; ids make failures readable
    return list(range({"must": 7, "must_not": 3}[kind]))


@pytest.mark.parametrize("index", _ids("must"))
def test_must(seed: tuple[dict[str, Any], dict[str, Any]], index: int) -> None:
    document, expected = seed
    rule = expected["must"][index]
    hits = [e for e in document["events"] if matches(e, rule, document["published_at"])]
    assert hits, f"no event satisfies must entry {rule['id']!r}: {rule['why']}"


@pytest.mark.parametrize("index", _ids("must_not"))
def test_must_not(seed: tuple[dict[str, Any], dict[str, Any]], index: int) -> None:
    document, expected = seed
    rule = expected["must_not"][index]
    bad = violates(document, rule)
    assert not bad, (
        f"{rule['why']}: {[(e['type'], e['status'], e['sentence']['text']) for e in bad]}"
    )


def test_should_entries_are_reported(
    seed: tuple[dict[str, Any], dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    document, expected = seed
    held = {
        rule["id"]: any(matches(e, rule, document["published_at"]) for e in document["events"])
        for rule in expected["should"]
    }
    with capsys.disabled():
        print(f"\nseed should entries: {held}")
    assert set(held) == {rule["id"] for rule in expected["should"]}


def test_seed_entry_counts_are_what_the_tests_cover(
    seed: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, expected = seed
    assert len(expected["must"]) == 7
    assert len(expected["must_not"]) == 3
