"""The brinkwatch command line: a thin click layer over the Python API."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from brinkwatch import api
from brinkwatch.config import Options, load_options
from brinkwatch.errors import BrinkwatchError
from brinkwatch.pipeline import Coder
from brinkwatch.records import CodedDocument
from brinkwatch.serialize import document_dict
from brinkwatch.store import EventQuery, Store, parse_dyad

F = TypeVar("F", bound=Callable[..., Any])


def _options(ctx: click.Context) -> Options:
    options: Options = ctx.obj["options"]
    return options


def _date(_: click.Context, __: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def db_option(func: F) -> F:
    """--db FILE, shared by the commands that use the store."""
    return click.option(
        "--db", "db", default=None, help="DuckDB file (default brinkwatch.duckdb)."
    )(func)


def model_option(func: F) -> F:
    """--model NAME, shared by the commands that code text."""
    return click.option("--model", default=None, help="spaCy pipeline package name.")(func)


def workers_option(func: F) -> F:
    """--workers N: parse in N processes."""
    return click.option(
        "--workers", type=click.IntRange(1, 64), default=None, help="Parser processes (default 1)."
    )(func)


def published_option(func: F) -> F:
    """--published-at DATE, for documents that carry no publication date."""
    return click.option(
        "--published-at",
        callback=_date,
        default=None,
        help="Publication date (YYYY-MM-DD) for documents that have none.",
    )(func)


class _CliGroup(click.Group):
    """Turns brinkwatch errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrinkwatchError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_CliGroup)
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="TOML config file.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def main(ctx: click.Context, config: str | None, verbose: bool) -> None:
    """brinkwatch: source-attributed political event data from news text.

    \b
    Example:
      brinkwatch code article.txt --published-at 2025-11-01
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj["options"] = load_options(config)


def _coder(ctx: click.Context, **overrides: Any) -> Coder:
    return Coder(_options(ctx).with_overrides(**overrides))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl")
@click.option("--with-text", is_flag=True, help="Add each document's text to the JSON.")
@published_option
@model_option
@workers_option
@click.pass_context
def code(
    ctx: click.Context,
    paths: Sequence[str],
    fmt: str,
    with_text: bool,
    published_at: date | None,
    model: str | None,
    workers: int | None,
) -> None:
    """Code documents and print one JSON object per document.

    PATHS are .txt files, .jsonl files (id, text, title, url, outlet,
    published_at) or - for standard input.

    \b
    Example:
      brinkwatch code article.txt --published-at 2025-11-01 --format table
    """
    coder = _coder(ctx, model=model, workers=workers)
    coded = api.code_paths(coder, paths, published_at)
    if fmt == "jsonl":
        for item in coded:
            click.echo(json.dumps(document_dict(item, with_text), ensure_ascii=False))
    else:
        _print_coded_table(coded)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@model_option
@workers_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: Sequence[str],
    db: str | None,
    published_at: date | None,
    model: str | None,
    workers: int | None,
) -> None:
    """Code documents and store them in the DuckDB event store (idempotent).

    \b
    Example:
      brinkwatch ingest news.jsonl --db events.duckdb
    """
    options = _options(ctx).with_overrides(model=model, db=db, workers=workers)
    coder = Coder(options)
    with Store(options.db) as store, _progress() as progress:
        task = progress.add_task("coding", total=None)
        report = api.ingest_paths(
            coder, store, paths, published_at, progress=lambda n: progress.advance(task, n)
        )
    click.echo(
        f"{report.documents_seen} documents read, {report.documents_added} new,"
        f" {report.events_added} events stored in {options.db}"
        + (
            f"; {report.documents_failed} failed (see the errors table)"
            if report.documents_failed
            else ""
        )
    )


@main.command()
@db_option
@click.option("--dyad", default=None, help="SOURCE-TARGET country codes, e.g. USA-VEN.")
@click.option("--type", "event_type", default=None, help="PLOVER type, e.g. ASSAULT.")
@click.option("--status", default=None, help="occurred, planned, possible, hypothetical, negated.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@click.option("--canonical", is_flag=True, help="One row per real-world event, across documents.")
@click.pass_context
def events(
    ctx: click.Context,
    db: str | None,
    dyad: str | None,
    event_type: str | None,
    status: str | None,
    limit: int | None,
    fmt: str,
    canonical: bool,
) -> None:
    """Query stored events (per document, or --canonical across documents).

    \b
    Example:
      brinkwatch events --dyad USA-VEN --status planned --format jsonl
      brinkwatch events --canonical --format jsonl
    """
    query = EventQuery(
        dyad=parse_dyad(dyad) if dyad else None, type=event_type, status=status, limit=limit
    )
    with _existing_store(ctx, db) as store:
        if canonical:
            found = store.canonical_events(query)
            if fmt == "table":
                _print_canonical(found)
            elif fmt == "csv":
                click.echo(_csv([_canonical_row(e) for e in found]), nl=False)
            else:
                for event in found:
                    click.echo(json.dumps(event, ensure_ascii=False))
        elif fmt == "jsonl":
            for event in store.event_json(query):
                click.echo(json.dumps(event, ensure_ascii=False))
        elif fmt == "csv":
            click.echo(_csv(store.events(query)), nl=False)
        else:
            _print_events(store.events(query))


@main.command()
@db_option
@click.pass_context
def stories(ctx: click.Context, db: str | None) -> None:
    """List story clusters: syndicated and lightly edited copies of one report.

    \b
    Example:
      brinkwatch stories --db events.duckdb
    """
    with _existing_store(ctx, db) as store:
        _print_rows("Stories (near-duplicate documents count once)", store.stories())


@main.command()
@db_option
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled sample articles into a fresh database and show what was coded.

    \b
    Example:
      brinkwatch demo --db demo.duckdb
    """
    path = Path(db or "demo.duckdb")
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    coder = Coder(_options(ctx))
    with Store(path) as store:
        report = api.ingest_documents(coder, store, api.sample_documents())
        console = Console()
        console.print(
            f"[bold]brinkwatch demo[/]: {report.documents_added} sample articles,"
            f" {report.events_added} events in {path}"
        )
        _print_events(store.events())
        _print_canonical(store.canonical_events(EventQuery(limit=15)))
        _print_rows(
            "Dyad summary: events per source -> target, type and status", store.dyad_summary()
        )


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@model_option
@click.pass_context
def eval_command(ctx: click.Context, gold: Sequence[str], as_json: bool, model: str | None) -> None:
    """Score the coder on gold JSONL files: type, CAMEO-root and dyad F1, actor accuracy.

    \b
    Example:
      brinkwatch eval ../shared/eval/dev/plover_gsr.dev.jsonl --json
    """
    from brinkwatch import evaluate

    results = evaluate.evaluate_files(_coder(ctx, model=model), gold)
    if as_json:
        click.echo(evaluate.as_json(results))
        return
    figures = [
        "sentences",
        "gold_events",
        "predicted_events",
        "type_f1",
        "cameo_root_f1",
        "dyad_f1",
        "source_country_accuracy",
        "source_sector_accuracy",
        "target_country_accuracy",
        "target_sector_accuracy",
        "no_event_sentences",
        "no_event_precision",
    ]
    rows = [
        {"file": name, **{key: value[key] for key in figures}} for name, value in results.items()
    ]
    _print_rows("Accuracy on gold sentences", rows)
    confusions = results["overall"].get("type_confusions") or {}
    if confusions:
        click.echo(
            "type confusions (gold->coded): " + ", ".join(f"{k} {v}" for k, v in confusions.items())
        )


@main.command(name="export")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["parquet", "csv", "gdelt", "plover"]), required=True
)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.pass_context
def export_command(ctx: click.Context, db: str | None, fmt: str, out: str) -> None:
    """Export canonical events: Parquet, CSV, GDELT-style TSV or PLOVER-style JSON Lines.

    \b
    Example:
      brinkwatch export --db events.duckdb --format gdelt --out events.tsv
    """
    from brinkwatch.export import export

    with _existing_store(ctx, db) as store:
        written = export(store, fmt, out)
    click.echo(f"{written} canonical events written to {out} ({fmt})")


def _existing_store(ctx: click.Context, db: str | None) -> Store:
    """The store a query command reads; a clear error when there is none yet."""
    path = _options(ctx).with_overrides(db=db).db
    if path != ":memory:" and not Path(path).exists():
        raise click.ClickException(
            f"{path}: no event store here; run 'brinkwatch ingest FILES --db {path}' first"
        )
    return Store(path)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _print_rows(title: str, rows: list[dict[str, Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in rows[0] if rows else ["(no rows)"]:
        table.add_column(str(column))
    for row in rows:
        table.add_row(*["" if value is None else str(value) for value in row.values()])
    Console(width=200).print(table)


def _print_events(rows: list[dict[str, Any]]) -> None:
    shown = [
        {
            "doc": row["doc_id"],
            "type": row["type"],
            "cameo": row["cameo"],
            "status": row["status"],
            "source": row["source_code"] or "",
            "target": row["target_code"] or "",
            "trigger": row["trigger_text"],
            "date": row["event_date"],
            "attribution": row["attribution_kind"]
            + (f": {row['speaker']}" if row["speaker"] else ""),
            "mentions": row["mention_count"],
        }
        for row in rows
    ]
    _print_rows("Events", shown)


def _canonical_row(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "canonical_id": event["canonical_id"],
        "type": event["type"],
        "status": event["status"],
        "source": (event["source"] or {}).get("code") or "",
        "target": (event["target"] or {}).get("code") or "",
        "mentions": event["mention_count"],
        "outlets": event["outlet_count"],
        "independent": event["independent_outlet_count"],
        "first_seen": event["first_seen"],
        "last_seen": event["last_seen"],
        "history": " > ".join(f"{h['date']}:{h['status']}" for h in event["status_history"]),
    }


def _print_canonical(found: list[dict[str, Any]]) -> None:
    _print_rows("Canonical events (one per real-world event)", [_canonical_row(e) for e in found])


def _print_coded_table(coded: Iterable[CodedDocument]) -> None:
    rows = []
    for item in coded:
        for event in item.events:
            rows.append(
                {
                    "doc": item.document.doc_id,
                    "type": event.type,
                    "cameo": event.cameo,
                    "status": event.status,
                    "source": event.source.code if event.source else "",
                    "target": event.target.code if event.target else "",
                    "trigger": event.trigger.text,
                    "attribution": event.attribution.kind
                    + (f": {event.attribution.speaker.text}" if event.attribution.speaker else ""),
                    "mentions": len(event.mentions),
                }
            )
    _print_rows("Events", rows)
