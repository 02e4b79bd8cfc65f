"""Gazetteer size, build time and load time from the cache.

Usage: python bench/geo_load.py [--out bench/results/geo_load.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from brinkwatch.gazetteer import _cache_path, build, load_gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--out", default=str(root / "bench" / "results" / "geo_load.json"))
    args = parser.parse_args()
    started = time.perf_counter()
    gazetteer = build()
    built = time.perf_counter() - started
    load_gazetteer()  # make sure the cache exists
    started = time.perf_counter()
    load_gazetteer()
    loaded = time.perf_counter() - started
    kinds = {
        k: sum(1 for p in gazetteer.places if p.precision == k)
        for k in ("city", "admin1", "country")
    }
    figures = {
        "places": len(gazetteer),
        "by_precision": kinds,
        "aliases": len(gazetteer.index),
        "build_seconds": round(built, 2),
        "load_seconds": round(loaded, 3),
        "cache_file": str(_cache_path()),
        "cache_megabytes": round(_cache_path().stat().st_size / 1e6, 1),
    }
    for key, value in figures.items():
        print(f"{key}: {value}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
