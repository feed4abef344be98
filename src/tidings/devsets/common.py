"""What every outside-format scorer returns, and the counting they share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class ErrorCase:
    """One miss or false positive, with what the scorer can tell of its cause."""

    kind: str  # "miss" | "false-positive" | "wrong"
    cause: str  # e.g. "no trigger", "wrong type", "empty target"
    item: str  # row or document id
    text: str  # the sentence or span the case is about
    gold: str
    output: str


@dataclass(slots=True)
class SetScore:
    """The figures of one labelled set: metrics for the table and floors, breakdowns, errors."""

    name: str
    metrics: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: list[ErrorCase] = field(default_factory=list)


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def counts_table(key: str, counts: dict[str, Counts]) -> list[dict[str, Any]]:
    """One row per name (in name order) with its gold count, precision, recall and F1."""
    return [
        {key: name, "gold": c.tp + c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}
        for name, c in sorted(counts.items())
    ]


def ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator, 0.0 for an empty denominator."""
    return numerator / denominator if denominator else 0.0


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a JSON Lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def word_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the lower-cased word sets of two texts."""
    left, right = set(a.lower().split()), set(b.lower().split())
    return len(left & right) / len(left | right) if left | right else 0.0


def sample_by_cause(cases: list[ErrorCase], n: int) -> list[ErrorCase]:
    """Up to n cases of each cause, most frequent causes first, in input order within a cause."""
    if n <= 0:
        return []
    by_cause: dict[str, list[ErrorCase]] = {}
    for case in cases:
        by_cause.setdefault(case.cause, []).append(case)
    ordered = sorted(by_cause.values(), key=len, reverse=True)
    return [case for group in ordered for case in group[:n]]


# The outside formats `tidings evaluate --as` reads, and the sets `tidings dev-eval` runs, named
# here so the command line can offer them without loading the pipeline.
GOLD_FORMATS = ("gold", "timeml", "attributions", "plover", "labels", "actors")
DEV_SET_NAMES = (
    "plover", "police", "timeml", "attributions", "voa", "voa-unseen", "voa-heldout",
    "voa-heldout2", "voa-heldout3", "voa-heldout4", "voa-heldout5", "voa-heldout6",
)  # fmt: skip
