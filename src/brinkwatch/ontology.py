"""CAMEO codes, names, Goldstein values and the CAMEO -> PLOVER mapping, from data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from brinkwatch._data import data_text

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

_MAPPING_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?")


@dataclass(frozen=True)
class Ontology:
    """Lookup tables for CAMEO codes: names, Goldstein values, PLOVER type and mode."""

    names: dict[str, str]
    goldstein_values: dict[str, float]
    plover: dict[str, tuple[str, str | None]]

    def plover_of(self, cameo: str) -> tuple[str, str | None] | None:
        """PLOVER (type, mode) of a CAMEO code, falling back to its parent codes."""
        for length in range(len(cameo), 1, -1):
            found = self.plover.get(cameo[:length])
            if found is not None:
                return found
        return None

    def goldstein(self, cameo: str) -> float:
        """Goldstein value of a CAMEO code (or its nearest parent; 0.0 if unknown)."""
        for length in range(len(cameo), 1, -1):
            value = self.goldstein_values.get(cameo[:length])
            if value is not None:
                return value
        return 0.0

    def name(self, cameo: str) -> str | None:
        """The CAMEO description of a code."""
        return self.names.get(cameo)

    @staticmethod
    def quad_class(cameo: str) -> int:
        """GDELT QuadClass: 01-05 verbal cooperation ... 15-20 material conflict."""
        root = int(cameo[:2])
        if root <= 5:
            return 1
        if root <= 9:
            return 2
        if root <= 14:
            return 3
        return 4


def _read_tsv_pairs(name: str) -> dict[str, str]:
    text = data_text("ontology", name)
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2}


def _read_mapping(name: str) -> dict[str, tuple[str, str | None]]:
    text = data_text("ontology", name)
    mapping: dict[str, tuple[str, str | None]] = {}
    for line in text.splitlines():
        match = _MAPPING_LINE.match(line.strip())
        if match is None or match.group(2) not in PLOVER_TYPES:
            continue
        code, plover_type, mode = match.group(1), match.group(2), (match.group(3) or "").strip()
        mapping.setdefault(code, (plover_type, mode or None))
    return mapping


@cache
def load_ontology() -> Ontology:
    """Read the bundled ontology tables (once per process; the result is immutable in use)."""
    plover = _read_mapping("CAMEO2PLOVER-2021.txt")
    plover.update(_read_mapping("CAMEO2PLOVER-overrides.txt"))
    for code, value in _read_mapping("CAMEO2PLOVER-supplement.txt").items():
        plover.setdefault(code, value)
    goldstein = {
        code: float(value) for code, value in _read_tsv_pairs("cameo_goldstein.tsv").items()
    }
    return Ontology(
        names=_read_tsv_pairs("cameo_eventcodes.tsv"), goldstein_values=goldstein, plover=plover
    )
