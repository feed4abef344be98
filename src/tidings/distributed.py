"""Extraction on a Ray cluster, for corpora beyond one machine.

The same stage code as the local path (`tidings.pipeline.analyse`), run by Ray Data:
`read_parquet` of articles -> `map_batches` with one pipeline loaded per worker (the spaCy
model and knowledge base are loaded once, in the worker's constructor, not per batch) ->
`write_parquet` of records. Input columns: `id`, `text`, and optionally `published`
(YYYY-MM-DD), `title`, `outlet`, `url`. Output columns: `id`, `text`, `events` (count),
`record` (the article's full record as JSON, the format `tidings extract --format json`
prints) and `failure` (why extraction failed on the article, which then has no record; the
others go on). `tidings load` stores them in DuckDB or PostgreSQL.

Each worker asks Ray for half a CPU: the read and write tasks need CPU too, and workers that
took every CPU would leave them none (Ray Data would wait for ever on a two-core machine).
On one machine `ray.init()` starts a local cluster; against a real cluster pass its address
(`ray://head:10001`, or set RAY_ADDRESS) and paths every node can reach (S3, GCS, a shared
file system).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tidings.model import Article

ARTICLE_COLUMNS = ("id", "text", "published", "title", "outlet", "url")
# The records' columns: `tidings load` stores them (text beside the record, which does not
# repeat it; `failure` the reason when extraction failed on the article, else null).
RECORD_COLUMNS = ("id", "text", "events", "record", "failure")
WORKER_CPUS = 0.5


def article_rows(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """Articles as the rows of the input Parquet file."""
    return [
        {
            "id": a.id,
            "text": a.text,
            "published": a.published.isoformat() if a.published else None,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
        }
        for a in articles
    ]


def make_output_dir(location: str) -> None:
    """Create the output directory: a local path, or a URL (file://, s3://, gs://) whose file
    system pyarrow knows (object stores have no directories: nothing to create there)."""
    from pyarrow import fs

    if "://" in location:
        filesystem, path = fs.FileSystem.from_uri(location)
    else:
        filesystem, path = fs.LocalFileSystem(), str(Path(location).resolve())
    filesystem.create_dir(path, recursive=True)


def write_articles_parquet(articles: Iterable[Article], path: Path | str) -> int:
    """Write articles to a Parquet file Ray can read (a local path, or a URL such as
    s3://bucket/file.parquet that pyarrow writes to); returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = article_rows(articles)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return len(rows)


def record_schema() -> Any:
    """The records' Arrow schema: typed, so that a batch without any failure (or without any
    record) writes the same column types as the others."""
    import pyarrow as pa

    return pa.schema(
        [("id", pa.string()), ("text", pa.string()), ("events", pa.int64()),
         ("record", pa.string()), ("failure", pa.string())]
    )  # fmt: skip


class ExtractBatch:
    """A Ray Data worker: loads the pipeline once, then extracts each batch it is given."""

    def __init__(self) -> None:
        from tidings.pipeline import load_pipeline

        self.pipeline = load_pipeline()

    def __call__(self, batch: dict[str, Any]) -> Any:
        """Records of a batch of article rows (columns as arrays), as an Arrow table."""
        import pyarrow as pa

        from tidings.articles import article_from_fields
        from tidings.pipeline import ExtractionFailure, extract_or_fail
        from tidings.settings import Settings

        rows: dict[str, list[Any]] = {name: [] for name in RECORD_COLUMNS}
        for index in range(len(batch["id"])):
            fields = {name: _plain(batch[name][index]) for name in ARTICLE_COLUMNS if name in batch}
            article = article_from_fields(
                fields, str(fields["text"]), str(fields["id"]), Settings()
            )
            result = extract_or_fail(article, self.pipeline)
            failed = isinstance(result, ExtractionFailure)
            rows["id"].append(article.id)
            rows["text"].append(article.text)
            rows["events"].append(0 if failed else len(result.events))
            rows["record"].append(
                None if failed else json.dumps(result.to_dict(), ensure_ascii=False, default=str)
            )
            rows["failure"].append(result.reason if failed else None)
        return pa.table(rows, schema=record_schema())


def run(
    source: str,
    destination: str,
    *,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = 16,
) -> int:
    """Extract every article of the Parquet `source` into Parquet files under `destination`,
    on the Ray cluster at `address` (a local one when None); returns the article count."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    articles = ray.data.read_parquet(source, override_num_blocks=workers * 2)
    records = articles.map_batches(
        ExtractBatch,
        batch_size=batch_size,
        concurrency=workers,
        num_cpus=WORKER_CPUS,
        batch_format="numpy",
    )
    records.write_parquet(destination)
    return articles.count()


def _plain(value: Any) -> Any:
    """A numpy scalar as a plain Python value."""
    return value.item() if hasattr(value, "item") else value
