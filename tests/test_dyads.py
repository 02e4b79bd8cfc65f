"""Source and target coding on sentences written for brinkwatch (tests/cases/dyads.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from brinkwatch.pipeline import Coder
from brinkwatch.records import Actor, Document

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("cases") / "dyads.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_dyad(coder: Coder, case: dict[str, Any]) -> None:
    (coded,) = coder.code_documents([Document(doc_id="d", text=case["text"])])
    found = [[e.type, _code(e.source), _code(e.target), e.cameo] for e in coded.events]
    for expected in case.get("events", []):
        # [TYPE, source, target] or, where the case names it, [..., CAMEO code] too
        assert expected in [f[: len(expected)] for f in found], found
    assert not {e.type for e in coded.events} & set(case.get("absent", [])), found
    if "count" in case:
        assert len(found) == case["count"], found


def _code(actor: Actor | None) -> str | list[str | None] | None:
    """An actor's code, or its members' countries (sorted) for a compound actor."""
    if actor is None:
        return None
    if actor.members:
        return sorted((m.country for m in actor.members), key=str)
    return actor.code
