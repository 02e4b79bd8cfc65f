"""Gazetteer size, build time and load time from the cache.

Usage: python bench/geo_load.py [--out bench/results/geo_load.json]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import emit

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
    emit(figures, args.out)


if __name__ == "__main__":
    main()
