"""Records read back: the JSON contract (`Report.to_dict()`) as the typed model again, and the
Parquet records `tidings ray` writes as a stream of reports, for `tidings load`.

A record holds every annotation the store keeps; the article's text travels beside it (the
contract does not repeat it), so that a loaded article has the same text and content hash as
one extracted locally.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from tidings.errors import MalformedMetadataError
from tidings.model import (
    Actor,
    Article,
    Attribution,
    AttributionKind,
    Citation,
    CitationKind,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    Modality,
    Quantity,
    Quote,
    QuoteKind,
    Report,
    TimeExpression,
)

RECORD_COLUMNS = ("id", "text", "record", "failure")
RECORD_BATCH = 32  # records read (and stored) at a time


def article_from_record(fields: dict[str, Any], text: str) -> Article:
    """The article of a record, with its text."""
    published = fields.get("published")
    return Article(
        id=fields["id"],
        text=text,
        title=fields.get("title") or "",
        outlet=fields.get("outlet") or "",
        published=date.fromisoformat(published) if published else None,
        url=fields.get("url") or "",
    )


def actor_from_record(fields: dict[str, Any]) -> Actor:
    """An actor of a record, with its mentions."""
    return Actor(
        id=fields["id"],
        name=fields["name"],
        country=fields.get("country"),
        sector=fields.get("sector"),
        role=fields.get("role"),
        kind=fields.get("kind") or "person",
        kb_id=fields.get("kb_id"),
        affiliation=fields.get("affiliation"),
        mentions=[Mention(**mention) for mention in fields.get("mentions", [])],
    )


def event_from_record(fields: dict[str, Any]) -> Event:
    """An event of a record."""
    trigger = fields["trigger"]
    return Event(
        id=fields["id"],
        type=fields["type"],
        trigger=trigger["text"],
        trigger_start=trigger["start"],
        trigger_end=trigger["end"],
        evidence=Evidence(**fields["evidence"]),
        modality=Modality(fields["modality"]),
        mode=fields.get("mode"),
        contexts=list(fields.get("contexts", [])),
        cameo=fields.get("cameo"),
        goldstein=fields.get("goldstein"),
        quad_class=fields.get("quad_class"),
        source=list(fields.get("source", [])),
        target=list(fields.get("target", [])),
        date=EventDate(**fields["date"]) if fields.get("date") else None,
        location=Location(**fields["location"]) if fields.get("location") else None,
        reported_by=fields.get("reported_by"),
        confidence=fields.get("confidence", 0.5),
        casualties=dict(fields.get("casualties", {})),
        attribution=fields.get("attribution"),
    )


def attribution_from_record(fields: dict[str, Any]) -> Attribution:
    """An attribution of a record (JSON gives its spans as lists: tuples again here)."""

    def span(pair: list[int] | None) -> tuple[int, int] | None:
        return (pair[0], pair[1]) if pair else None

    return Attribution(
        kind=AttributionKind(fields["kind"]),
        text=fields["text"],
        content=tuple((start, end) for start, end in fields["content"]),
        source=fields.get("source"),
        source_text=fields.get("source_text"),
        source_span=span(fields.get("source_span")),
        cue=fields.get("cue"),
        cue_span=span(fields.get("cue_span")),
        fragments=tuple((start, end) for start, end in fields.get("fragments", [])),
    )


def quantity_from_record(fields: dict[str, Any]) -> Quantity:
    """A quantity of a record."""
    normalized = fields["normalized"]
    return Quantity(
        text=fields["text"],
        start=fields["start"],
        end=fields["end"],
        value=fields["value"],
        unit=fields["unit"],
        kind=fields["kind"],
        normalized_value=normalized["value"],
        normalized_unit=normalized["unit"],
        normalized_max=normalized.get("max"),
        outcome=fields.get("outcome"),
        part_of_count=fields.get("part_of_count", False),
    )


def report_from_record(record: dict[str, Any], text: str) -> Report:
    """The report a record in the JSON contract describes."""
    return Report(
        article=article_from_record(record["article"], text),
        actors=[actor_from_record(a) for a in record.get("actors", [])],
        events=[event_from_record(e) for e in record.get("events", [])],
        quotes=[Quote(**{**q, "kind": QuoteKind(q["kind"])}) for q in record.get("quotes", [])],
        attributions=[attribution_from_record(a) for a in record.get("attributions", [])],
        citations=[
            Citation(**{**c, "kind": CitationKind(c["kind"])}) for c in record.get("citations", [])
        ],
        times=[TimeExpression(**t) for t in record.get("times", [])],
        quantities=[quantity_from_record(q) for q in record.get("quantities", [])],
    )


def read_record_rows(paths: list[Path]) -> Iterator[list[dict[str, Any]]]:
    """The rows of the Parquet records under `paths` (files or directories), `RECORD_BATCH`
    at a time; records written without the article text are refused (E105)."""
    import pyarrow.dataset as ds

    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.parquet")))
    dataset = ds.dataset([str(f) for f in files], format="parquet")
    missing = [c for c in ("id", "text", "record") if c not in dataset.schema.names]
    if missing:
        raise MalformedMetadataError(
            f"{', '.join(map(str, paths))}: not tidings records (no {', '.join(missing)} "
            "column). Give the OUT/records directory of `tidings ray`, written by this version "
            "(older versions did not keep the article text): run `tidings ray` again."
        )
    columns = [c for c in RECORD_COLUMNS if c in dataset.schema.names]
    for batch in dataset.to_batches(columns=columns, batch_size=RECORD_BATCH):
        yield batch.to_pylist()
