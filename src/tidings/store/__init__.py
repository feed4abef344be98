"""The store: DuckDB by default (one file, embedded)."""

from tidings.store._duckdb import Store, open_store

__all__ = ["Store", "open_store"]
