"""The PostgreSQL store: the schema and behaviour of every store (`_base.py`) on a shared server.

Selected by a URL (`--db postgresql://user:password@host/database`). The SQL is the shared
one (portable by design); this module adapts the connection (placeholders, autocommit with
explicit transactions), the types (DOUBLE PRECISION) and the bulk load (COPY FROM STDIN).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import StoreError
from tidings.store._base import READ_MODEL_COLUMNS, Store, create_schema

URL_SCHEMES = ("postgresql://", "postgres://")
PARQUET_BATCH = 50_000  # rows fetched and written at a time by the Parquet export


def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {
        "character varying": pa.string, "text": pa.string, "integer": pa.int32,
        "bigint": pa.int64, "double precision": pa.float64, "boolean": pa.bool_,
        "date": pa.date32, "timestamp without time zone": lambda: pa.timestamp("us"),
    }  # fmt: skip


def is_postgres_url(location: str) -> bool:
    """Whether a --db value names a PostgreSQL server rather than a DuckDB file."""
    return location.startswith(URL_SCHEMES)


# Indexes only a row store needs: PostgreSQL walks events newest first and stops at a full
# page (a filtered page on a million events: 20 ms instead of 250-900 ms). DuckDB scans
# columns and skips row groups by their date range without one.
POSTGRES_INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_newest ON events (date_start DESC NULLS LAST, id)",
)


def dialect(statement: str) -> str:
    """A DuckDB DDL statement in PostgreSQL's words."""
    return re.sub(r"\bDOUBLE\b(?! PRECISION)", "DOUBLE PRECISION", statement)


class PostgresConnection:
    """A psycopg connection that speaks like DuckDB's: `?` placeholders, `.execute()`."""

    def __init__(self, connection: Any) -> None:
        self.raw = connection

    def execute(self, query: str, params: Any = None) -> Any:
        """Run a statement with DuckDB-style `?` placeholders; the cursor holds the result."""
        return self.raw.execute(query.replace("?", "%s"), params)

    def executemany(self, query: str, rows: list[Any]) -> None:
        """Run a statement once per row."""
        with self.raw.cursor() as cursor:
            cursor.executemany(query.replace("?", "%s"), rows)

    def close(self) -> None:
        """Close the server connection."""
        self.raw.close()


class PostgresStore(Store):
    """The store on PostgreSQL: same tables, same methods, same results."""

    @property
    def database_errors(self) -> tuple[type[Exception], ...]:  # type: ignore[override]
        """psycopg's errors (imported when a PostgreSQL store is used, not by every command)."""
        import psycopg

        return (psycopg.Error,)

    @property
    def name(self) -> str:
        """ "on PostgreSQL", since the URL may hold a password."""
        return "on PostgreSQL"

    def _insert_rows(self, db: Any, rows: dict[str, list[list[Any]]]) -> None:
        """Bulk-load rows with COPY FROM STDIN, table by table."""
        for table, values in rows.items():
            if not values:
                continue
            with db.raw.cursor() as cursor, cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)  # psycopg writes NULLs and escapes itself

    def limit_query_threads(self, threads: int) -> None:
        """PostgreSQL plans its own parallel workers: nothing to set."""

    def reader(self) -> PostgresConnection:
        """A server connection of its own for one reading thread."""
        import psycopg

        return PostgresConnection(psycopg.connect(self.path, autocommit=True))

    def copy_table_to_parquet(self, table: str, path: Path) -> None:
        """Write one table to a Parquet file, `PARQUET_BATCH` rows at a time (`_streamed`),
        with the column types DuckDB's export gives (the table name is checked)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if table not in self.table_names():
            raise StoreError(f"No table {table!r} in the store.")
        columns = self.connection.execute(
            "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position",
            [table],
        ).fetchall()
        # The read model's columns are internal (search keys, control-character separators).
        public = [c for c in columns if not (table == "events" and c[0] in READ_MODEL_COLUMNS)]
        types = _arrow_types()
        schema = pa.schema(
            [pa.field(name, types[kind](), nullable) for name, kind, nullable in public]
        )
        names = ", ".join(name for name, _, _ in public)
        with pq.ParquetWriter(path, schema) as writer:
            for rows in self._streamed(f"SELECT {names} FROM {table}", PARQUET_BATCH):
                values = zip(*rows, strict=True)
                arrays = [pa.array(v, type=f.type) for v, f in zip(values, schema, strict=True)]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))

    def _streamed(self, query: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a query, `size` at a time, through a server-side cursor: a table of
        millions of rows never sits in this process whole."""
        with (
            self.connection.raw.transaction(),  # a server-side cursor lives in a transaction
            self.connection.raw.cursor(name="tidings_stream") as cursor,
        ):
            cursor.execute(query)
            while rows := cursor.fetchmany(size):
                yield rows


def open_postgres_store(url: str) -> PostgresStore:
    """Connect to the PostgreSQL server at `url` and make sure the schema is there."""
    try:
        import psycopg
    except ImportError as error:  # pragma: no cover - psycopg is a dependency
        raise StoreError("PostgreSQL needs the psycopg package: pip install psycopg.") from error
    try:
        connection = PostgresConnection(psycopg.connect(url, autocommit=True))
        create_schema(connection, dialect)
        for statement in POSTGRES_INDEXES:
            connection.execute(statement)
    except psycopg.Error as error:
        raise StoreError(f"Cannot open the PostgreSQL store: {error}".strip()) from error
    return PostgresStore(connection, url)
