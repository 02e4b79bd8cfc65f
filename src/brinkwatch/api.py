"""The Python API behind the CLI: code, ingest, query, demo."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from importlib import resources
from itertools import islice
from typing import TextIO

from brinkwatch.pipeline import Coder, content_hash
from brinkwatch.read import documents_from_jsonl, read_all, read_documents
from brinkwatch.records import CodedDocument, Document
from brinkwatch.store import IngestReport, Store

Progress = Callable[[int], None]


def code_paths(
    coder: Coder,
    paths: Sequence[str],
    published_at: date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[CodedDocument]:
    """Coded documents for every document in the paths (each path validated before coding)."""
    return coder.code_documents(read_documents(paths, published_at, stdin))


def ingest_documents(
    coder: Coder,
    store: Store,
    documents: Sequence[Document],
    progress: Progress | None = None,
) -> IngestReport:
    """Code and store documents, one transaction per batch; known documents are not re-coded."""
    fresh = [d for d in documents if not store.has_document(content_hash(d))]
    seen, added, events, failed = len(documents), 0, 0, 0
    coded = coder.code_documents(fresh)
    while batch := list(islice(coded, coder.options.batch_size)):
        report = store.write_batch(batch, coder.options.merge_window_days)
        added += report.documents_added
        events += report.events_added
        failed += report.documents_failed
        if progress is not None:
            progress(len(batch))
    return IngestReport(seen, added, events, failed)


def ingest_paths(
    coder: Coder,
    store: Store,
    paths: Sequence[str],
    published_at: date | None = None,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every path (all validated first, so bad input stores nothing), code and store."""
    documents = read_all(paths, published_at, stdin)
    return ingest_documents(coder, store, documents, progress)


def sample_documents() -> list[Document]:
    """The bundled sample articles (fictional, written for brinkwatch)."""
    text = resources.files("brinkwatch").joinpath("samples", "articles.jsonl").read_text("utf-8")
    return documents_from_jsonl(text, "samples/articles.jsonl")
