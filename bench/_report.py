"""Printing a benchmark's figures and writing them to a JSON file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def emit(figures: dict[str, Any], out: str | Path) -> None:
    """Print each figure on its own line and write all of them as JSON to ``out``."""
    for key, value in figures.items():
        print(f"{key}: {value}")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"written to {path}")
