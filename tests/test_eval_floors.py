"""Accuracy floors on the dev gold sets: the coder may only get better."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from brinkwatch.evaluate import evaluate_files
from brinkwatch.pipeline import Coder
from conftest import shared_path

FLOORS: dict[str, Any] = json.loads(
    (Path(__file__).with_name("eval_floors.json")).read_text("utf-8")
)


@pytest.fixture(scope="module")
def results(coder: Coder) -> dict[str, dict[str, Any]]:
    folder = shared_path("eval", "dev")
    paths = [str(folder / name) for name in FLOORS if name.endswith(".jsonl")]
    return evaluate_files(coder, paths)


@pytest.mark.parametrize(
    ("name", "figure"),
    [(name, figure) for name, floors in FLOORS.items() if name != "about" for figure in floors],
)
def test_figure_holds_its_floor(results: dict[str, dict[str, Any]], name: str, figure: str) -> None:
    reached = results[name][figure]
    assert reached is not None and reached >= FLOORS[name][figure], (
        f"{name} {figure} fell to {reached} (floor {FLOORS[name][figure]})"
    )
