"""The store: DuckDB by default (one file, embedded), PostgreSQL for a shared server."""

from __future__ import annotations

from pathlib import Path

from tidings.store._base import Store, content_hash
from tidings.store._duckdb import open_duckdb_store
from tidings.store._postgres import is_postgres_url, open_postgres_store

__all__ = ["Store", "content_hash", "is_postgres_url", "open_store"]


def open_store(location: str | Path, *, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at `location`: a DuckDB file, or a PostgreSQL
    server when `location` is a `postgresql://` URL. `read_only` lets other processes read a
    DuckDB file at the same time (PostgreSQL always does)."""
    location = str(location)
    if is_postgres_url(location):
        return open_postgres_store(location)
    return open_duckdb_store(location, read_only=read_only)
