"""The store: DuckDB by default (one file, embedded)."""

from tidings.store._duckdb import Store, content_hash, open_store

__all__ = ["Store", "content_hash", "open_store"]
