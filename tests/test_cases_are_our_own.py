"""The written test sentences are our own: none is a copy or close paraphrase of a
dev gold sentence or of the seed article (they would make the tests measure memory)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import shared_path

CASES = Path(__file__).with_name("cases")
_WORD = re.compile(r"\w+")
_SPAN = 4  # words in a shared sequence
_ALLOWED = 1  # a stock phrase ("in the capital of") may recur once


def _sequences(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + _SPAN]) for i in range(len(words) - _SPAN + 1)}


def _written() -> list[str]:
    texts = []
    for path in sorted(CASES.glob("*.yaml")):
        texts.extend(str(case["text"]) for case in yaml.safe_load(path.read_text("utf-8")))
    return texts


@pytest.fixture(scope="module")
def outside() -> list[set[tuple[str, ...]]]:
    texts = [
        json.loads(line)["text"] or ""
        for path in sorted(shared_path("eval", "dev").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    texts.extend(p.read_text("utf-8") for p in sorted(shared_path("seed").glob("*.txt")))
    return [_sequences(text) for text in texts]


def test_no_written_case_repeats_outside_text(outside: list[set[tuple[str, ...]]]) -> None:
    close = [
        text
        for text in _written()
        if max((len(_sequences(text) & other) for other in outside), default=0) > _ALLOWED
    ]
    assert close == [], f"{len(close)} written cases are too close to gold or seed text"


def test_the_check_finds_a_copy(outside: list[set[tuple[str, ...]]]) -> None:
    copied = next(other for other in outside if len(other) > _ALLOWED + 1)
    words = [" ".join(sequence) for sequence in sorted(copied)[: _ALLOWED + 1]]
    assert any(len(_sequences(" ".join(words)) & other) > _ALLOWED for other in outside)
