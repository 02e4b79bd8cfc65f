"""Coding in several processes: each worker process builds one Coder and codes whole
batches of documents, so parsing and every later stage run in parallel."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from brinkwatch.config import Options
from brinkwatch.records import CodedDocument, Document

if TYPE_CHECKING:
    from brinkwatch.pipeline import Coder

# The one Coder of a worker process, set by _start in that process only (each worker
# has its own copy; the parent process never touches it).
_WORKER: dict[str, Coder] = {}


def _start(options: Options) -> None:
    from brinkwatch.pipeline import Coder

    _WORKER["coder"] = Coder(replace(options, workers=1))


def _code_batch(batch: list[Document]) -> list[CodedDocument]:
    return list(_WORKER["coder"].code_documents(batch))


def code_in_processes(options: Options, documents: Iterable[Document]) -> Iterator[CodedDocument]:
    """Coded documents in input order, coded by ``options.workers`` processes."""
    iterator = iter(documents)
    batches = iter(lambda: list(islice(iterator, options.batch_size)), [])
    context = multiprocessing.get_context("spawn")
    with context.Pool(options.workers, initializer=_start, initargs=(options,)) as pool:
        for coded in pool.imap(_code_batch, batches):
            yield from coded
