"""Running the written status and attribution cases (tests and the report script share it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from brinkwatch.pipeline import Coder
from brinkwatch.records import Mention

CASES = Path(__file__).with_name("cases") / "status_attribution.yaml"
PUBLISHED = date(2025, 6, 14)


@dataclass(frozen=True)
class Outcome:
    """What one expected mention got: the mention found (or None) and each check."""

    text: str
    expected: dict[str, Any]
    mention: Mention | None

    @property
    def status_ok(self) -> bool:
        return self.mention is not None and self.mention.status == self.expected["status"]

    @property
    def attribution_ok(self) -> bool:
        if self.mention is None:
            return False
        attribution = self.mention.attribution
        if attribution.kind != self.expected["kind"]:
            return False
        speaker = self.expected.get("speaker")
        if speaker is None:
            ok = attribution.speaker is None
        else:
            ok = attribution.speaker is not None and speaker in attribution.speaker.text
        if "quote" in self.expected:
            ok = ok and attribution.quote == self.expected["quote"]
        if "chain" in self.expected:
            ok = ok and [link.kind for link in attribution.chain] == self.expected["chain"]
        if "hedges" in self.expected:
            ok = ok and set(self.expected["hedges"]) <= set(self.mention.hedges)
        return ok


def load_cases() -> list[dict[str, Any]]:
    """The written cases."""
    cases: list[dict[str, Any]] = yaml.safe_load(CASES.read_text("utf-8"))
    return cases


def run_case(coder: Coder, case: dict[str, Any]) -> list[Outcome]:
    """Code one case and pair each expected mention with the mention its trigger names."""
    coded = coder.code_text(case["text"], published_at=PUBLISHED)
    mentions = [m for event in coded.events for m in event.mentions]
    outcomes = []
    for expected in case["expect"]:
        found = next((m for m in mentions if m.trigger.text == expected["trigger"]), None)
        outcomes.append(Outcome(case["text"], expected, found))
    return outcomes
