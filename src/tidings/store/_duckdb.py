"""The embedded DuckDB store: one file holds articles, their records and ingest failures."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from tidings.errors import StoreError
from tidings.store._base import (
    READ_MODEL_COLUMNS,
    SCHEMA_VERSION,
    Store,
    create_schema,
    refuse_unreadable_version,
    schema_statements,
    stored_schema_version,
)

NULL_MARK = "\u2400NULL\u2400"  # how a missing value is written in the bulk-load CSV


FILE_HEADERS = 3 * 4096  # a DuckDB file's main header and two database headers
# Every connection: a checkpoint writes what was added since the last one, and never merges
# the row groups earlier checkpoints wrote. Merging rewrote each table's unfilled last row
# group at every checkpoint (up to 122,880 rows: the texts of as many articles) and held it
# uncompressed: the ingesting process grew with the store (411 MB at 10,000 articles, 669 MB
# at 100,000) and each checkpoint took longer. A table keeps a row group per checkpoint
# instead (an ingest checkpoints every 3,000 articles or so: `DuckDBStore.bulk_ingest`).
CONNECTION_CONFIG = {"max_vacuum_tasks": 0}


class DuckDBStore(Store):
    """The store in a DuckDB file."""

    database_errors = (duckdb.Error,)

    def limit_query_threads(self, threads: int) -> None:
        """Run each query on at most `threads` threads. A server answering many small queries
        at once spends half its CPU coordinating DuckDB's threads otherwise (measured: 7 ms
        against 16 ms per filtered page on a million events)."""
        self.connection.execute(f"SET threads = {int(threads)}")

    @contextmanager
    def bulk_ingest(self, memory_mb: int) -> Iterator[None]:
        """A long run of ingest batches with DuckDB's memory held to `memory_mb` MiB, half of
        it the log written between two checkpoints, and no progress bar printed; written out
        at the end, the settings restored after.

        Unbounded, DuckDB keeps the blocks its checkpoints write, a few MB more every thousand
        articles; bounded, it drops them (they are on disk) and the process barely grows
        with the store. What was appended since the last checkpoint is held in memory,
        spilled to `<store>.tmp` beyond the bound, but long texts are not spilled: with a log
        as large as the bound, batches of the largest articles made a checkpoint fail; with
        half, they hold (down to 64 MiB). The log is also the size of each checkpoint's row
        groups: more memory, fewer and larger ones (a smaller file).
        """
        db = self.connection
        progress_bar = db.execute("SELECT current_setting('enable_progress_bar')").fetchone()[0]
        db.execute(f"SET memory_limit = '{int(memory_mb)}MiB'")
        db.execute(f"SET wal_autocheckpoint = '{int(memory_mb) // 2}MiB'")
        db.execute("SET enable_progress_bar = false")
        try:
            yield
        finally:
            db.execute("CHECKPOINT")  # under the bound still: the one at close would not be
            db.execute("RESET memory_limit")
            db.execute("RESET wal_autocheckpoint")
            db.execute(f"SET enable_progress_bar = {bool(progress_bar)}")

    def _clear_clusters(self, db: Any) -> None:
        """Replace the clusters table by a new empty one: DuckDB commits a delete of a million
        keyed rows in 79 s (their index entries removed one by one), a new table in no time."""
        db.execute("DROP TABLE event_clusters")
        db.execute(next(s for s in schema_statements() if " event_clusters " in s))

    def reader(self) -> Any:
        """A connection of its own for one reading thread (DuckDB: a cursor on the same file),
        so that concurrent requests read in parallel while writes keep the main one."""
        return self.connection.cursor()

    def _insert_rows(self, db: Any, rows: dict[str, list[list[Any]]]) -> None:
        """Insert rows table by table through a CSV file and COPY: binding thousands of
        parameters made storing cost as much as extracting."""
        with tempfile.TemporaryDirectory(prefix="tidings-") as folder:
            for table, values in rows.items():
                if not values:
                    continue
                path = Path(folder) / f"{table}.csv"
                with path.open("w", encoding="utf-8", newline="") as out:
                    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
                    writer.writerows([_csv_cell(v) for v in row] for row in values)
                db.execute(
                    f"COPY {table} FROM '{_quoted_path(path)}' "
                    f"(FORMAT CSV, DELIMITER ',', HEADER false, QUOTE '\"', ESCAPE '\"', "
                    f"NULL '{NULL_MARK}', AUTO_DETECT false, MAX_LINE_SIZE 100000000)"
                )

    def copy_table_to_parquet(self, table: str, path: Path) -> None:
        """Write one table to a Parquet file (the table name is checked, the path bound)."""
        if table not in self.table_names():
            raise StoreError(f"No table {table!r} in the store.")
        # The read model's columns are internal (search keys, control-character separators).
        columns = f"* EXCLUDE ({', '.join(READ_MODEL_COLUMNS)})" if table == "events" else "*"
        self.connection.execute(
            f"COPY (SELECT {columns} FROM {table}) TO '{_quoted_path(path)}' (FORMAT PARQUET)"
        )


def open_duckdb_store(path: str, *, read_only: bool = False) -> DuckDBStore:
    """Open the DuckDB file at `path`, created and migrated if needed. `read_only` shares it
    with other reading processes (DuckDB lets one process write a file, and none read it
    meanwhile); a missing or older file is created or migrated first."""
    if read_only and not Path(path).exists():
        open_duckdb_store(path).close()
    store = DuckDBStore(connect(path, read_only=read_only), path)
    try:
        with store.database_errors_as_store_errors():
            refuse_cut_short(store.connection, path)
            version = stored_schema_version(store.connection)
            refuse_unreadable_version(version)
            if not read_only:
                create_schema(store.connection)
    except StoreError:
        store.close()  # the file stays locked to this process otherwise
        raise
    if read_only and version != SCHEMA_VERSION:
        # A read-only connection cannot migrate: a writing one does, then it is reopened.
        store.close()
        open_duckdb_store(path).close()
        return open_duckdb_store(path, read_only=True)
    return store


def connect(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection to the file, or a StoreError saying why there is none (another process
    holding it, above all)."""
    try:
        return duckdb.connect(path, read_only=read_only, config=CONNECTION_CONFIG)
    except duckdb.Error as error:
        if "Could not set lock" not in str(error):
            raise StoreError(f"Cannot open the store {path}: {error}.") from error
        raise StoreError(
            f"The store {path} is in use by another process (a `tidings serve` or `ingest`?): "
            "DuckDB lets one process write a file, and none read it meanwhile. Stop that "
            "process, send articles to the running server (POST /api/articles), or use a "
            "PostgreSQL store (--db postgresql://...) for concurrent writers."
        ) from error


def refuse_cut_short(connection: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a file shorter than the blocks in use its header counts (a copy or a disk that
    stopped midway): DuckDB opens it, then fails on the first row it cannot read. Free blocks
    are not counted: DuckDB cuts those at the end of the file off when it closes it, so a
    store written by many runs is often shorter than all its blocks."""
    file = Path(path)
    if not file.is_file():
        return
    block_size, blocks = connection.execute(
        "SELECT block_size, used_blocks FROM pragma_database_size()"
    ).fetchone()
    expected = FILE_HEADERS + block_size * blocks
    size = file.stat().st_size
    if size < expected:
        raise StoreError(
            f"The store {path} is damaged: the file holds {size} bytes where its header counts "
            f"{expected} in use (it was cut short). Restore it from a copy or re-ingest the "
            "articles into a new store."
        )


def _quoted_path(path: Path) -> str:
    """A file path safe inside a SQL string literal (COPY takes no parameter for it)."""
    return str(path).replace("'", "''")


def _csv_cell(value: Any) -> Any:
    """A value as the bulk-load CSV writes it: None as the null mark."""
    return NULL_MARK if value is None else value
