"""Streamed ingest: articles read, extracted and stored in bounded batches.

Nothing holds the whole corpus: articles are read one file at a time, the stored hashes are
looked up a window of articles at a time (an unchanged article is skipped before extraction,
so an interrupted run resumes), extraction keeps a few batches in flight, and records are
committed `STORE_BATCH` at a time (a killed run loses at most one batch). What cannot be read
or extracted is recorded as a failure with its source and reason, and the rest go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tidings.model import Article, Report
from tidings.pipeline import ExtractionFailure, Pipeline, chunked, extract_each
from tidings.settings import Settings
from tidings.sources import Skipped
from tidings.store import Store, content_hash

STORE_BATCH = 32  # articles per store transaction: a killed run loses at most one batch


@dataclass(slots=True)
class IngestTally:
    """What an ingest did: articles stored, found stored unchanged, and failures (source,
    reason)."""

    stored: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, store: Store, source: str, reason: str) -> None:
        """Count and record one piece that could not be ingested."""
        self.failures.append((source, reason))
        store.record_failure(source, reason)


def pending_articles(
    items: Iterable[tuple[str, Article | Skipped]],
    store: Store,
    tally: IngestTally,
    origins: dict[str, str],
    progress: Callable[[int], object],
) -> Iterator[Article]:
    """The articles not stored unchanged, a window at a time; skipped pieces are recorded as
    failures, unchanged articles counted, and each pending article's file put in `origins`."""
    for window in chunked(items, STORE_BATCH):
        known = store.stored_hashes([a.id for _, a in window if isinstance(a, Article)])
        for origin, item in window:
            if isinstance(item, Skipped):
                tally.fail(store, item.source, item.reason)
            elif known.get(item.id) == content_hash(item):
                tally.unchanged += 1
                progress(1)
            else:
                origins[item.id] = origin
                yield item


def store_batch(store: Store, batch: list[tuple[Report, str]], tally: IngestTally) -> None:
    """Commit a batch of records in one transaction and count what was new."""
    new = sum(store.ingest_many(batch))
    tally.stored += new
    tally.unchanged += len(batch) - new


def ingest_stream(
    items: Iterable[tuple[str, Article | Skipped]],
    store: Store,
    pipeline: Pipeline,
    *,
    processes: int = 1,
    batch_size: int = 16,
    progress: Callable[[int], object] = lambda _n: None,
) -> IngestTally:
    """Extract and store a stream of (origin file, article or skipped piece), in bounded
    batches, the database's memory held to the pipeline's `ingest_memory_mb` setting;
    `progress` is called with the number of articles each step finished."""
    tally = IngestTally()
    origins: dict[str, str] = {}  # the file of each article in flight, for its failure
    pending = pending_articles(items, store, tally, origins, progress)
    results = extract_each(pending, pipeline=pipeline, processes=processes, batch_size=batch_size)
    batch: list[tuple[Report, str]] = []
    with store.bulk_ingest(pipeline.settings.ingest_memory_mb):
        for result in results:
            progress(1)
            source = origins.pop(result.article.id, result.article.id)
            if isinstance(result, ExtractionFailure):
                tally.fail(store, source, result.reason)
                continue
            batch.append((result, content_hash(result.article)))
            if len(batch) >= STORE_BATCH:
                store_batch(store, batch, tally)
                batch = []
        if batch:
            store_batch(store, batch, tally)
    return tally


def load_records(
    batches: Iterable[list[dict[str, Any]]], store: Store, *, memory_mb: int | None = None
) -> IngestTally:
    """Store records extracted elsewhere (`tidings ray`'s Parquet rows: id, text, record JSON,
    failure) batch by batch, as ingest would: unchanged articles skipped, each batch committed
    whole, failures recorded with the article id as their source, the database's memory held
    to `memory_mb` MiB (the `ingest_memory_mb` setting's default when None)."""
    from tidings.records import report_from_record

    tally = IngestTally()
    with store.bulk_ingest(memory_mb or Settings().ingest_memory_mb):
        for rows in batches:
            batch = []
            for row in rows:
                if row.get("failure"):
                    tally.fail(store, row["id"], row["failure"])
                    continue
                report = report_from_record(json.loads(row["record"]), row["text"])
                batch.append((report, content_hash(report.article)))
            if batch:
                store_batch(store, batch, tally)
    return tally
