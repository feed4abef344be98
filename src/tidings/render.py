"""Plain-text rendering of reports and stored events for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tidings.model import Quantity, Report

EVENT_COLUMNS = (
    "id",
    "type",
    "mode",
    "modality",
    "source",
    "target",
    "date",
    "place",
    "trigger",
    "conf",
)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    """A fixed-width text table; long cells are cut with an ellipsis."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def _cell(value: Any, max_width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def report_summary(report: Report) -> str:
    """A readable summary of one article's record: actors, events, quotes, sources, times."""
    article = report.article
    names = {a.id: f"{a.name} ({a.code or '?'})" for a in report.actors}

    def who(ids: Sequence[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "-"

    published = article.published.isoformat() if article.published else "undated"
    parts = [
        f"== {article.title or article.id} [{article.id}, {article.outlet or '-'}, {published}]"
    ]
    parts.append(f"\nActors ({len(report.actors)})")
    parts.append(
        table(
            ["id", "name", "code", "role", "mentions"],
            [(a.id, a.name, a.code, a.role, len(a.mentions)) for a in report.actors],
        )
    )
    parts.append(f"\nEvents ({len(report.events)})")
    parts.append(
        table(
            [
                "id",
                "type",
                "mode",
                "modality",
                "source",
                "target",
                "date",
                "place",
                "trigger",
                "casualties",
                "conf",
            ],
            [
                (
                    e.id,
                    e.type,
                    e.mode,
                    e.modality,
                    who(e.source),
                    who(e.target),
                    e.date.value if e.date else None,
                    e.location.name if e.location else None,
                    e.trigger,
                    ", ".join(f"{n:g} {k}" for k, n in e.casualties.items()) or None,
                    f"{e.confidence:.2f}",
                )
                for e in report.events
            ],
            max_width=40,
        )
    )
    parts.append(f"\nQuotes ({len(report.quotes)})")
    parts.append(
        table(
            ["kind", "speaker", "cue", "outlet", "text"],
            [
                (q.kind, who([q.speaker] if q.speaker else []), q.cue, q.outlet, q.text)
                for q in report.quotes
            ],
        )
    )
    parts.append(f"\nCited sources ({len(report.citations)})")
    parts.append(
        table(
            ["outlet", "kind", "speaker", "date"],
            [
                (c.outlet, c.kind, who([c.speaker] if c.speaker else []), c.date)
                for c in report.citations
            ],
        )
    )
    parts.append(f"\nTimes ({len(report.times)})")
    parts.append(
        table(
            ["text", "value", "granularity"],
            [(t.text, t.value, t.granularity) for t in report.times],
        )
    )
    parts.append(f"\nQuantities ({len(report.quantities)})")
    parts.append(
        table(
            ["text", "value", "unit", "kind", "normalized"],
            [(q.text, q.value, q.unit, q.kind, _normalized(q)) for q in report.quantities],
        )
    )
    return "\n".join(parts) + "\n"


def _normalized(quantity: Quantity) -> str:
    """The normalised value or range and its unit: "5000-7000 people", "1609.34 km"."""
    upper = f"-{quantity.normalized_max:g}" if quantity.normalized_max is not None else ""
    return f"{quantity.normalized_value:g}{upper} {quantity.normalized_unit}"
