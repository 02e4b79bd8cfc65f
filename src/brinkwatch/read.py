"""read: turn paths (plain text, JSON Lines, stdin) into Documents."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from brinkwatch.errors import InputError
from brinkwatch.records import Document

STDIN = "-"


def _decode(raw: bytes, origin: str) -> str:
    if b"\x00" in raw:
        raise InputError(f"{origin}: looks like a binary file; give UTF-8 text (.txt) or .jsonl")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin}: is not UTF-8 text (byte {exc.start}); convert it to UTF-8 first"
        ) from exc
    if not text.strip():
        raise InputError(f"{origin}: is empty; there is nothing to code in it")
    return text


def parse_date(value: Any, origin: str) -> date | None:
    """A publication date from ``YYYY-MM-DD`` or an ISO timestamp; None when absent."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError as exc:
            raise InputError(f"{origin}: published_at {text!r} is not a YYYY-MM-DD date") from exc


def _document_from_json(record: Any, origin: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSON line must be an object with 'id' and 'text'")
    text, doc_id = record.get("text"), record.get("id")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{origin}: has no non-empty 'text' string; every line needs one")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError(f"{origin}: has no 'id'; give every line a unique 'id'")

    def optional(key: str) -> str | None:
        value = record.get(key)
        return None if value in (None, "") else str(value)

    return Document(
        doc_id=str(doc_id),
        text=text,
        title=optional("title"),
        url=optional("url"),
        outlet=optional("outlet"),
        published_at=parse_date(record.get("published_at"), origin),
        origin=origin,
    )


def documents_from_jsonl(text: str, origin: str) -> list[Document]:
    """Documents from JSON Lines text; any bad line is an InputError naming the line."""
    documents = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where}: invalid JSON ({exc.msg}); each line must be one JSON object"
            ) from exc
        documents.append(_document_from_json(record, where))
    if not documents:
        raise InputError(f"{origin}: has no JSON lines; there is nothing to code in it")
    return documents


_HTML = (".html", ".htm", ".xhtml")
_FEEDS = (".rss", ".atom", ".xml")
_JSONL = (".jsonl", ".ndjson")
_READABLE = (".txt", ".text", *_JSONL, *_HTML, *_FEEDS)


def _documents_from(text: str, name: str, origin: str, stem: str) -> list[Document]:
    """Dispatch on the file name's suffix (after any .gz)."""
    from brinkwatch.read_web import document_from_html, documents_from_feed

    suffix = Path(name).suffix.lower()
    if suffix in _JSONL:
        return documents_from_jsonl(text, origin)
    if suffix in _HTML or (
        suffix not in _FEEDS and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    ):
        return [document_from_html(text, origin, stem)]
    if suffix in _FEEDS or text.lstrip().startswith("<?xml"):
        return documents_from_feed(text, origin)
    return [Document(doc_id=stem, text=text, origin=origin)]


def _files_below(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not p.name.startswith(".")
        and (
            p.suffix.lower() in _READABLE
            or p.name.lower().endswith(tuple(s + ".gz" for s in _READABLE))
        )
    )


def read_path(path: str, stdin: TextIO | None = None) -> list[Document]:
    """All documents in one path (``-`` for standard input, a directory for every
    readable file below it, ``.gz`` for gzip), validated in full."""
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin
        text = _decode(stream.read().encode("utf-8"), "<stdin>")
        if text.lstrip().startswith("{"):
            return documents_from_jsonl(text, "<stdin>")
        return _documents_from(text, "stdin", "<stdin>", "stdin")
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file; check the path")
    if file.is_dir():
        found = _files_below(file)
        if not found:
            raise InputError(
                f"{path}: a directory with no readable files (.txt, .jsonl, .html, feeds)"
            )
        return [document for child in found for document in read_path(str(child))]
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    name = file.name
    if name.lower().endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a valid gzip file ({exc}); check the file") from exc
        name = name[:-3]
    text = _decode(raw, path)
    stem = Path(name).stem
    return _documents_from(text, name, path, stem)


def read_documents(
    paths: Iterable[str], published_at: date | None = None, stdin: TextIO | None = None
) -> Iterator[Document]:
    """Every document in every path, in order; ``published_at`` fills missing dates.

    Each path is read and validated whole before its documents are yielded, so a
    bad file fails before any of its documents reaches a store.
    """
    for path in paths:
        for document in read_path(path, stdin):
            if document.published_at is None and published_at is not None:
                document = replace(document, published_at=published_at)
            if document.outlet is None and document.url:
                from brinkwatch.read_web import outlet_from_url

                document = replace(document, outlet=outlet_from_url(document.url))
            yield document


def read_all(
    paths: Iterable[str], published_at: date | None = None, stdin: TextIO | None = None
) -> list[Document]:
    """Every document of every path, all validated before any is returned."""
    return list(read_documents(paths, published_at, stdin))
