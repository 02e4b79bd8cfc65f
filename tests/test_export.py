"""export: canonical events as Parquet, CSV, GDELT-style TSV and PLOVER-style JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from brinkwatch import api
from brinkwatch.cli import main
from brinkwatch.errors import StoreError
from brinkwatch.export import GDELT_COLUMNS, export
from brinkwatch.pipeline import Coder
from brinkwatch.store import Store

ROWS = [
    {
        "id": "a",
        "text": "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.",
        "outlet": "Steppe News",
        "published_at": "2025-03-06",
    },
    {
        "id": "b",
        "text": "Russian artillery shelled Kharkiv on Tuesday, the regional governor said.",
        "outlet": "Dnipro Daily",
        "published_at": "2025-03-06",
    },
]


@pytest.fixture()
def store(coder: Coder, tmp_path: Path) -> Store:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    opened = Store(tmp_path / "e.duckdb")
    api.ingest_paths(coder, opened, [str(path)])
    return opened


def _shelling(rows: list[dict[str, str]]) -> dict[str, str]:
    (row,) = [r for r in rows if r["type"] == "ASSAULT" and r["source_code"] == "RUSMIL"]
    return row


def test_csv_and_parquet_hold_the_same_rows(store: Store, tmp_path: Path) -> None:
    written = export(store, "csv", tmp_path / "e.csv")
    assert export(store, "parquet", tmp_path / "e.parquet") == written
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    row = _shelling(rows)
    assert (row["outlet_count"], row["independent_outlet_count"], row["location"]) == (
        "2",
        "2",
        "Kharkiv",
    )
    parquet = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchall()[0]
    assert parquet == (written,)


def test_gdelt_tsv_columns(store: Store, tmp_path: Path) -> None:
    export(store, "gdelt", tmp_path / "e.tsv")
    lines = (tmp_path / "e.tsv").read_text("utf-8").splitlines()
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == len(GDELT_COLUMNS) for c in cells)
    (shelling,) = [c for c in cells if c[GDELT_COLUMNS.index("Actor1Code")] == "RUSMIL"]
    record = dict(zip(GDELT_COLUMNS, shelling, strict=True))
    assert (record["Day"], record["EventCode"], record["EventRootCode"], record["QuadClass"]) == (
        "20250304",
        "194",
        "19",
        "4",
    )
    assert (record["NumArticles"], record["ActionGeo_CountryCode"]) == ("2", "UKR")


def test_plover_json(store: Store, tmp_path: Path) -> None:
    export(store, "plover", tmp_path / "e.jsonl")
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()]
    (record,) = [r for r in records if r["actor_country"] == "RUS" and r["event_type"] == "ASSAULT"]
    assert (record["recipient_country"], record["placename"], record["event_status"]) == (
        "UKR",
        "Kharkiv",
        "occurred",
    )
    assert record["num_outlets"] == 2


def test_unknown_format_and_cli(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown"):
        export(store, "xml", tmp_path / "e.xml")
    store.close()
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--db",
            str(tmp_path / "e.duckdb"),
            "--format",
            "plover",
            "--out",
            str(tmp_path / "o.jsonl"),
        ],
    )
    assert result.exit_code == 0 and "canonical events written" in result.output
