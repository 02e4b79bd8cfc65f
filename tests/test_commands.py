"""The CLI: code, ingest, events and demo, and one clear line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from brinkwatch.cli import main

ARTICLE = (
    "Pakistani troops shelled Indian army posts near the border on Monday,"
    " an Indian army spokesman said.\n"
)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "loc.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_code_prints_one_json_object_per_document(article: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(article), "--published-at", "2025-10-22"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.strip().splitlines()
    document = json.loads(line)
    assert document["doc_id"] == "loc" and document["published_at"] == "2025-10-22"
    # the attack, attributed to the spokesman, and India's accusation against Pakistan
    assert sorted(e["type"] for e in document["events"]) == ["ACCUSE", "ASSAULT"]
    (accusation,) = [e for e in document["events"] if e["type"] == "ACCUSE"]
    assert (accusation["source"]["code"], accusation["target"]["code"]) == ("INDMIL", "PAKMIL")
    (event,) = [e for e in document["events"] if e["type"] == "ASSAULT"]
    assert (event["type"], event["status"], event["source"]["code"], event["target"]["code"]) == (
        "ASSAULT",
        "occurred",
        "PAKMIL",
        "INDMIL",
    )
    assert event["date"] == {"value": "2025-10-20", "precision": "day", "basis": "text"}
    assert event["attribution"]["speaker"]["text"] == "an Indian army spokesman"


def test_code_table_format(article: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(article), "--format", "table"])
    assert result.exit_code == 0
    assert "PAKMIL" in result.output and "INDMIL" in result.output


def test_ingest_then_query_events(article: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    runner = CliRunner()
    ingested = runner.invoke(
        main, ["ingest", str(article), "--db", db, "--published-at", "2025-10-22"]
    )
    assert ingested.exit_code == 0, ingested.output
    assert "1 documents read, 1 new" in ingested.output
    again = runner.invoke(main, ["ingest", str(article), "--db", db])
    assert "1 documents read, 0 new, 0 events" in again.output
    listed = runner.invoke(main, ["events", "--db", db, "--dyad", "PAK-IND", "--format", "jsonl"])
    assert [json.loads(x)["type"] for x in listed.output.strip().splitlines()] == ["ASSAULT"]
    as_csv = runner.invoke(main, ["events", "--db", db, "--format", "csv"])
    assert as_csv.output.splitlines()[0].startswith("event_id,doc_id,type,")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file"),
        ("empty.txt", b"", "empty.txt: is empty"),
        ("blob.txt", b"\x00\x01\x02binary", "blob.txt: looks like a binary file"),
        ("bad.jsonl", b'{"id": 1, "text": "x"}\nnot json\n', "bad.jsonl:2: invalid JSON"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    db = tmp_path / "e.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_events_without_store_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "run 'brinkwatch ingest" in result.output


def test_bad_dyad_is_one_line(tmp_path: Path, article: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    CliRunner().invoke(main, ["ingest", str(article), "--db", db])
    result = CliRunner().invoke(main, ["events", "--db", db, "--dyad", "PAKIND"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: dyad 'PAKIND' is not SOURCE-TARGET with two ISO alpha-3 codes, e.g. USA-VEN"
    )


def test_demo_ingests_samples_and_prints_dyads(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert result.exit_code == 0, result.output
    assert "9 sample articles" in result.output
    assert "Canonical events" in result.output
    assert "Dyad summary" in result.output
    assert "PAK" in result.output and "IND" in result.output
