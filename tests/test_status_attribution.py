"""Status and attribution on sentences and short articles written for brinkwatch."""

from __future__ import annotations

from typing import Any

import pytest

from brinkwatch.pipeline import Coder
from status_cases import load_cases, run_case

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:60] for c in CASES])
def test_case(coder: Coder, case: dict[str, Any]) -> None:
    for outcome in run_case(coder, case):
        assert outcome.mention is not None, (
            f"no mention with trigger {outcome.expected['trigger']!r}"
        )
        attribution = outcome.mention.attribution
        got = (
            outcome.mention.status,
            attribution.kind,
            attribution.speaker.text if attribution.speaker else None,
        )
        assert outcome.status_ok, f"status {got} != {outcome.expected}"
        assert outcome.attribution_ok, f"attribution {got} {attribution} != {outcome.expected}"


def test_suite_is_large_and_covers_every_status_and_kind() -> None:
    expected = [e for case in CASES for e in case["expect"]]
    assert len(CASES) >= 80
    statuses = {e["status"] for e in expected}
    kinds = {e["kind"] for e in expected}
    assert statuses == {"occurred", "planned", "possible", "hypothetical", "negated"}
    assert kinds == {"named", "anonymous", "media", "none"}
    pairs = {(e["status"], e["kind"]) for e in expected}
    assert len(pairs) == 20, sorted(pairs)
