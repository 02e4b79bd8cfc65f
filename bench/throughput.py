"""Throughput: bare spaCy nlp.pipe versus brinkwatch on the same generated corpus.

Usage: python bench/throughput.py [--mb 2.0] [--workers 1] [--out bench/results/throughput.json]
Each side runs in its own process, so each peak RSS is its own. Prints words/s,
documents/s, peak RSS and the ratio brinkwatch / bare spaCy, and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from _report import emit  # noqa: E402

from corpus import corpus  # noqa: E402


def _bare(articles: list[dict[str, str]], workers: int, queue: Any) -> None:
    from brinkwatch.clean import split_blocks
    from brinkwatch.config import Options
    from brinkwatch.parse import block_texts, load_model
    from brinkwatch.read import documents_from_jsonl

    nlp = load_model(Options().model)
    documents = documents_from_jsonl("\n".join(json.dumps(a) for a in articles), "bench")
    texts = [t for d in documents for t in block_texts(d, split_blocks(d), frozenset())]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    queue.put((time.perf_counter() - started, _peak_mb()))


def _brinkwatch(articles: list[dict[str, str]], workers: int, queue: Any) -> None:
    from brinkwatch.config import Options
    from brinkwatch.pipeline import Coder
    from brinkwatch.read import documents_from_jsonl

    coder = Coder(Options(workers=workers))
    documents = documents_from_jsonl("\n".join(json.dumps(a) for a in articles), "bench")
    started = time.perf_counter()
    events = sum(len(c.events) for c in coder.code_documents(documents))
    queue.put((time.perf_counter() - started, _peak_mb(), events))


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def _run(target: Any, articles: list[dict[str, str]], workers: int) -> tuple[Any, ...]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(articles, workers, queue))
    process.start()
    result = queue.get()
    process.join()
    return tuple(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in megabytes of text")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="bare/brinkwatch pairs run one after the other; the median pair is reported"
        " (use 3 or more on a shared machine whose speed drifts between runs)",
    )
    parser.add_argument("--out", default=str(ROOT / "results" / "throughput.json"))
    args = parser.parse_args()
    articles = corpus(int(args.mb * 1_000_000))
    words = sum(len(a["text"].split()) for a in articles)
    size = sum(len(a["text"].encode("utf-8")) for a in articles)
    pairs = []
    for _ in range(max(1, args.rounds)):
        bare = _run(_bare, articles, args.workers)
        coded = _run(_brinkwatch, articles, args.workers)
        pairs.append((bare[0] / coded[0], bare, coded))
    pairs.sort(key=lambda pair: pair[0])
    _, (bare_seconds, bare_rss), (coded_seconds, coded_rss, events) = pairs[len(pairs) // 2]
    figures = {
        "documents": len(articles),
        "megabytes": round(size / 1e6, 2),
        "words": words,
        "workers": args.workers,
        "spacy_words_per_second": round(words / bare_seconds),
        "spacy_documents_per_second": round(len(articles) / bare_seconds, 1),
        "spacy_peak_rss_mb": bare_rss,
        "brinkwatch_words_per_second": round(words / coded_seconds),
        "brinkwatch_documents_per_second": round(len(articles) / coded_seconds, 1),
        "brinkwatch_peak_rss_mb": coded_rss,
        "brinkwatch_events": events,
        "ratio_brinkwatch_to_spacy": round(bare_seconds / coded_seconds, 3),
        "ratios_by_round": sorted(round(ratio, 3) for ratio, _, _ in pairs),
    }
    emit(figures, args.out)


if __name__ == "__main__":
    main()
