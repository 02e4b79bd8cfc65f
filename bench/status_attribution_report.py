"""Status and attribution accuracy on the written cases, with a status confusion table.

Usage: python bench/status_attribution_report.py [--out bench/results/status_attribution.json]
Prints the figures and writes them to a JSON file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from brinkwatch.pipeline import Coder  # noqa: E402
from status_cases import load_cases, run_case  # noqa: E402

STATUSES = ("occurred", "planned", "possible", "hypothetical", "negated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", default=str(ROOT / "bench" / "results" / "status_attribution.json")
    )
    args = parser.parse_args()
    coder = Coder()
    outcomes = [o for case in load_cases() for o in run_case(coder, case)]
    confusion: Counter[tuple[str, str]] = Counter()
    for outcome in outcomes:
        got = outcome.mention.status if outcome.mention else "(missing)"
        confusion[(outcome.expected["status"], got)] += 1
    total = len(outcomes)
    figures = {
        "mentions": total,
        "status_accuracy": round(sum(o.status_ok for o in outcomes) / total, 4),
        "attribution_accuracy": round(sum(o.attribution_ok for o in outcomes) / total, 4),
        "status_confusion": {f"{gold}->{got}": n for (gold, got), n in sorted(confusion.items())},
    }
    print(f"mentions: {total}")
    print(f"status accuracy:      {figures['status_accuracy']:.4f}")
    print(f"attribution accuracy: {figures['attribution_accuracy']:.4f}")
    columns = [*STATUSES, "(missing)"]
    print("\nexpected \\ coded " + " ".join(f"{c[:9]:>10}" for c in columns))
    for gold in STATUSES:
        row = " ".join(f"{confusion[(gold, got)]:>10}" for got in columns)
        print(f"{gold:<17}{row}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
