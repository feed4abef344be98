"""tidings: turn news articles into sourced, queryable political event data.

The public API is re-exported here; the modules behind it may change. The extraction
functions are imported on first use, so `import tidings` stays cheap.
"""

from __future__ import annotations

import logging
from typing import Any

from tidings.articles import read_article
from tidings.errors import TidingsError
from tidings.model import (
    Actor,
    Article,
    Citation,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    Modality,
    Quantity,
    Quote,
    Report,
    TimeExpression,
)
from tidings.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Citation",
    "Event",
    "EventDate",
    "Evidence",
    "Location",
    "Mention",
    "Modality",
    "Quantity",
    "Quote",
    "Report",
    "Settings",
    "TidingsError",
    "TimeExpression",
    "extract",
    "extract_many",
    "load_pipeline",
    "load_settings",
    "open_store",
    "read_article",
]

logging.getLogger("tidings").addHandler(logging.NullHandler())

_LAZY = {
    "extract": "tidings.pipeline",
    "extract_many": "tidings.pipeline",
    "load_pipeline": "tidings.pipeline",
    "open_store": "tidings.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
