"""Score events against sentence labels (IndiaPoliceEvents: what police did in each sentence).

Rows are `{"id", "text", "labels": {"police_labels": [...], "doc_id", "sent_id", "doc_date"}}`.
The sentences of a document are joined in order into one article, so that tidings reads them
with their context; each event then belongs to the sentence its trigger falls in. Which events
give which label is data (`data/evaluation/police-labels.tsv`), written before measuring.
Scores are per-label precision, recall and F1 over sentences and over documents (a document
has a label when one of its sentences has it).
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from tidings.devsets.common import (
    Counts,
    ErrorCase,
    SetScore,
    counts_table,
    read_jsonl,
    sample_by_cause,
)
from tidings.model import Article, Event, Report
from tidings.pipeline import Pipeline, extract_many

IMPLIES_ANY_ACTION = ("KILL", "ARREST", "FORCE")


@dataclass(frozen=True, slots=True)
class LabelRule:
    """Events that give a label: their types, modes, source sectors, modalities, deaths."""

    label: str
    types: frozenset[str]
    modes: frozenset[str]
    sources: frozenset[str]
    modalities: frozenset[str]
    killed: bool


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One sentence of a document with its gold labels."""

    id: str
    doc_id: str
    position: int
    text: str
    labels: frozenset[str]
    published: date | None


def _cell(value: str) -> frozenset[str]:
    return frozenset() if value == "*" else frozenset(value.split("|"))


@cache
def load_label_rules() -> tuple[LabelRule, ...]:
    """The event-to-label mapping shipped with tidings."""
    path = resources.files("tidings") / "data" / "evaluation" / "police-labels.tsv"
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return tuple(
        LabelRule(
            label=row["label"],
            types=_cell(row["types"]),
            modes=_cell(row["modes"]),
            sources=_cell(row["sources"]),
            modalities=_cell(row["modalities"]),
            killed=row["killed"] == "yes",
        )
        for row in csv.DictReader(lines, delimiter="\t")
    )


def load_sentence_labels(path: Path) -> list[LabelledSentence]:
    """Labelled sentences of a JSONL file in the IndiaPoliceEvents shape, in document order."""
    sentences = []
    for row in read_jsonl(path):
        labels = row["labels"]
        day = labels.get("doc_date")
        sentences.append(
            LabelledSentence(
                id=str(row["id"]),
                doc_id=str(labels.get("doc_id", row["id"])),
                position=int(labels.get("sent_id", 0)),
                text=row["text"],
                labels=frozenset(labels.get("police_labels") or ()),
                published=date.fromisoformat(day) if day else None,
            )
        )
    return sorted(sentences, key=lambda s: (s.doc_id, s.position))


def source_sectors(report: Report, event: Event) -> frozenset[str]:
    """The sectors of an event's source actors, `-` when it names none."""
    if not event.source:
        return frozenset({"-"})
    actors = (report.actor(a) for a in event.source)
    return frozenset(a.sector for a in actors if a and a.sector)


def reports_deaths(event: Event) -> bool:
    """Whether the event reports deaths: a count of killed, or the verb kill as trigger."""
    return bool(event.casualties.get("killed")) or event.trigger.lower().startswith("kill")


def rule_matches(rule: LabelRule, report: Report, event: Event) -> bool:
    """Whether an event gives the rule's label."""
    return (
        (not rule.types or event.type in rule.types)
        and (not rule.modes or (event.mode or "") in rule.modes)
        and (not rule.modalities or str(event.modality) in rule.modalities)
        and (not rule.sources or bool(rule.sources & source_sectors(report, event)))
        and (not rule.killed or reports_deaths(event))
    )


def event_labels(report: Report, event: Event, rules: Iterable[LabelRule]) -> set[str]:
    """The labels one event gives, ANY_ACTION included where a police action implies it."""
    labels = {rule.label for rule in rules if rule_matches(rule, report, event)}
    if labels & set(IMPLIES_ANY_ACTION):
        labels.add("ANY_ACTION")
    return labels


def join_document(sentences: list[LabelledSentence]) -> tuple[str, list[int]]:
    """The document's text and the start offset of each sentence in it."""
    starts, parts, offset = [], [], 0
    for sentence in sentences:
        starts.append(offset)
        parts.append(sentence.text)
        offset += len(sentence.text) + 1
    return " ".join(parts), starts


def score_sentence_labels(
    sentences: list[LabelledSentence], pipeline: Pipeline, *, errors: int = 0
) -> SetScore:
    """Per-label P/R/F1 at sentence and document level."""
    rules = load_label_rules()
    names = sorted({r.label for r in rules})
    documents: dict[str, list[LabelledSentence]] = {}
    for sentence in sentences:
        documents.setdefault(sentence.doc_id, []).append(sentence)
    joined = {doc_id: join_document(parts) for doc_id, parts in documents.items()}
    articles = (
        Article(id=doc_id, text=joined[doc_id][0], published=parts[0].published)
        for doc_id, parts in documents.items()
    )
    sentence_counts = {name: Counts() for name in names}
    document_counts = {name: Counts() for name in names}
    cases: list[ErrorCase] = []
    for report in extract_many(articles, pipeline=pipeline, batch_size=16):
        parts = documents[report.article.id]
        starts = joined[report.article.id][1]
        predicted: list[set[str]] = [set() for _ in parts]
        described: list[list[str]] = [[] for _ in parts]
        for event in report.events:
            index = bisect_right(starts, event.trigger_start) - 1
            predicted[index] |= event_labels(report, event, rules)
            described[index].append(
                f"{event.type}/{event.mode or '-'} '{event.trigger}' {event.modality}"
            )
        for sentence, labels, events in zip(parts, predicted, described, strict=True):
            for name in names:
                _count(sentence_counts[name], name in sentence.labels, name in labels)
                if (name in sentence.labels) != (name in labels):
                    cases.append(_case(sentence, name, name in labels, events))
        gold_doc = set().union(*(s.labels for s in parts))
        predicted_doc = set().union(*predicted)
        for name in names:
            _count(document_counts[name], name in gold_doc, name in predicted_doc)

    score = SetScore(name="police")
    for name in names:
        score.metrics[f"{name.lower()}_f1"] = sentence_counts[name].f1
        score.metrics[f"doc_{name.lower()}_f1"] = document_counts[name].f1
    score.counts = {"sentences": len(sentences), "documents": len(documents)}
    score.tables["per_label"] = [
        {
            **row,
            "doc_precision": document_counts[row["label"]].precision,
            "doc_recall": document_counts[row["label"]].recall,
            "doc_f1": document_counts[row["label"]].f1,
        }
        for row in counts_table("label", sentence_counts)
    ]
    score.errors = sample_by_cause(cases, errors)
    return score


def _count(counts: Counts, gold: bool, predicted: bool) -> None:
    counts.tp += gold and predicted
    counts.fp += predicted and not gold
    counts.fn += gold and not predicted


def _case(sentence: LabelledSentence, label: str, predicted: bool, events: list[str]) -> ErrorCase:
    if predicted:
        kind, cause = "false-positive", f"{label}: not a police action"
    else:
        kind, cause = "miss", f"{label}: {'no event' if not events else 'event not mapped'}"
    return ErrorCase(
        kind=kind,
        cause=cause,
        item=sentence.id,
        text=sentence.text,
        gold=",".join(sorted(sentence.labels)) or "-",
        output="; ".join(events) or "no event",
    )
