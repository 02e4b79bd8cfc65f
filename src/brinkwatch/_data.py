"""Reading the data files bundled inside the package."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def data_text(*parts: str) -> str:
    """Text of a bundled data file, e.g. ``data_text("rules", "status.yaml")``."""
    return resources.files("brinkwatch").joinpath("data", *parts).read_text("utf-8")


def data_yaml(*parts: str) -> Any:
    """A bundled YAML data file, parsed."""
    return yaml.safe_load(data_text(*parts))


def tsv_rows(text: str) -> list[dict[str, str]]:
    """Rows of a TSV text with a header line; ``#`` lines and blank lines are skipped."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = [name.strip() for name in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def alternatives(cell: str) -> list[str]:
    """The ``|``-separated alternatives of a TSV cell, without empties."""
    return [part.strip() for part in cell.split("|") if part.strip()]
