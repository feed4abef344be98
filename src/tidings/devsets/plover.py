"""Score event type and dyad on PLOVER-coded sentences (one row per source-target pair).

The rows are `{"id", "text", "labels": {"plover_root", "source_text", "target_text", ...}}`, as in
the Zero-Shot PLOVER release; a plain CSV or JSONL with columns `text`, `plover_root`,
`source_text`, `target_text` reads the same way.

The single-answer rule, fixed before measuring: a sentence's answer is the type of its event with
the highest confidence, ties going to the event whose trigger comes first. A sentence with no event
answers nothing (a miss for every class). CONCEDE and RETREAT both answer YIELD, the CAMEO 08
root the rows use for either.

Dyads are scored where the answer's type is right: among the sentence's events of that type, one
must have a source actor mentioned inside the gold source span and a target actor mentioned inside
the gold target span (spans overlap).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.devsets.common import (
    Counts,
    ErrorCase,
    SetScore,
    counts_table,
    ratio,
    read_jsonl,
    sample_by_cause,
)
from tidings.model import Article, Event, Report
from tidings.pipeline import Pipeline, extract_many

# The rows' roots; PLOVER's CONCEDE and RETREAT are CAMEO 08, "YIELD".
ROOTS = (
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "MOBILIZE",
    "PROTEST", "REJECT", "REQUEST", "SANCTION", "SUPPORT", "THREATEN", "YIELD",
)  # fmt: skip
AS_ROOT = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


@dataclass(frozen=True, slots=True)
class CodedPair:
    """One coded row: a sentence, its PLOVER root and the spans of the pair's two sides."""

    id: str
    text: str
    root: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None


def load_plover(path: Path) -> list[CodedPair]:
    """Rows of a PLOVER-coded JSONL (the shared format or flat columns) or CSV file."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [
                {"id": str(i), "text": r["text"], "labels": r}
                for i, r in enumerate(csv.DictReader(handle))
            ]
    else:
        rows = [r if "labels" in r else {**r, "labels": r} for r in read_jsonl(path)]
    return [_coded_pair(row, n) for n, row in enumerate(rows)]


def _coded_pair(row: dict, n: int) -> CodedPair:
    labels = row["labels"]
    text = row["text"]
    root = str(labels.get("plover_root") or labels.get("plover_event") or "").upper()
    return CodedPair(
        id=str(row.get("id", n)),
        text=text,
        root=AS_ROOT.get(root, root),
        source=find_span(text, labels.get("source_text")),
        target=find_span(text, labels.get("target_text")),
    )


def find_span(text: str, part: str | None) -> tuple[int, int] | None:
    """The first occurrence of `part` in `text` as whole words, else anywhere (case-sensitive
    first, then not), or None. A side "Sudan" is the country named, not the letters inside
    "South Sudanese" earlier in the sentence."""
    if not part:
        return None
    whole = re.escape(part)
    if part[0].isalnum():
        whole = r"(?<!\w)" + whole
    if part[-1].isalnum():
        whole += r"(?!\w)"
    for pattern, flags in ((whole, 0), (whole, re.IGNORECASE), (re.escape(part), re.IGNORECASE)):
        found = re.search(pattern, text, flags)
        if found:
            return found.span()
    return None


def root_of(event: Event) -> str:
    """The row vocabulary's root for a tidings event type."""
    return AS_ROOT.get(event.type, event.type)


def single_answer(events: list[Event]) -> Event | None:
    """The sentence's one answer: the most confident event, the earliest on a tie."""
    if not events:
        return None
    return min(events, key=lambda e: (-e.confidence, e.trigger_start))


def side_matches(report: Report, actor_ids: Iterable[str], span: tuple[int, int] | None) -> bool:
    """Whether one of the actors is mentioned inside the gold span."""
    if span is None:
        return False
    for actor_id in actor_ids:
        actor = report.actor(actor_id)
        if actor and any(m.start < span[1] and span[0] < m.end for m in actor.mentions):
            return True
    return False


def side_right(report: Report, actor_ids: list[str], span: tuple[int, int] | None) -> bool:
    """Whether an event side matches the gold side. A gold side the sentence does not contain
    (the set's placeholder "a recipient" for a side the text leaves implicit) is matched by
    an empty side."""
    return not actor_ids if span is None else side_matches(report, actor_ids, span)


def dyad_cause(report: Report, events: list[Event], pair: CodedPair) -> str | None:
    """None when an event of the pair's type has both sides right, else what went wrong."""
    typed = [e for e in events if root_of(e) == pair.root]
    causes = []
    for event in typed:
        source_ok = side_right(report, event.source, pair.source)
        target_ok = side_right(report, event.target, pair.target)
        if source_ok and target_ok:
            return None
        if side_matches(report, event.target, pair.source) and side_matches(
            report, event.source, pair.target
        ):
            causes.append("sides swapped")
        elif not event.target and not event.source:
            causes.append("both sides empty")
        elif not event.target:
            causes.append("empty target")
        elif not event.source:
            causes.append("empty source")
        elif not source_ok and not target_ok:
            causes.append("wrong source and target")
        else:
            causes.append("wrong source" if not source_ok else "wrong target")
    return causes[0] if causes else "no event of the type"


def miss_cause(events: list[Event], pair: CodedPair) -> str:
    """Why the single answer is not the gold root."""
    if not events:
        return "no event"
    if any(root_of(e) == pair.root for e in events):
        return "right type not chosen"
    return "wrong type"


def describe(report: Report, event: Event) -> str:
    """An event as `TYPE trigger (source -> target)` for error listings."""

    def names(ids: list[str]) -> str:
        found = (report.actor(i) for i in ids)
        return ",".join(a.name for a in found if a) or "-"

    return f"{event.type} '{event.trigger}' ({names(event.source)} -> {names(event.target)})"


def score_plover(pairs: list[CodedPair], pipeline: Pipeline, *, errors: int = 0) -> SetScore:
    """Has-event rate, single-answer accuracy and macro-F1, any-match rate, dyads, confusions."""
    texts = list(dict.fromkeys(p.text for p in pairs))
    articles = (Article(id=f"s{i}", text=t) for i, t in enumerate(texts))
    reports = dict(
        zip(texts, extract_many(articles, pipeline=pipeline, batch_size=64), strict=True)
    )

    per_root = {root: Counts() for root in ROOTS}
    confusion: Counter[tuple[str, str]] = Counter()
    has_event = right = any_match = dyad_right = 0
    causes: Counter[str] = Counter()
    dyad_causes: Counter[str] = Counter()
    misses: list[ErrorCase] = []
    dyad_errors: list[ErrorCase] = []
    for pair in pairs:
        report = reports[pair.text]
        events = report.events
        answer = single_answer(events)
        answered = root_of(answer) if answer else "NONE"
        confusion[(pair.root, answered)] += 1
        has_event += bool(events)
        any_match += any(root_of(e) == pair.root for e in events)
        if answered == pair.root:
            right += 1
            per_root[pair.root].tp += 1
            cause = dyad_cause(report, events, pair)
            if cause is None:
                dyad_right += 1
            else:
                dyad_causes[cause] += 1
                dyad_errors.append(_case("wrong", cause, pair, report))
            continue
        per_root.setdefault(pair.root, Counts()).fn += 1
        if answered in per_root:
            per_root[answered].fp += 1
        cause = miss_cause(events, pair)
        causes[cause] += 1
        misses.append(_case("miss", cause, pair, report))

    total = len(pairs)
    score = SetScore(name="plover")
    score.metrics = {
        "has_event_rate": ratio(has_event, total),
        "accuracy": ratio(right, total),
        "macro_f1": sum(c.f1 for c in per_root.values()) / len(per_root) if per_root else 0.0,
        "any_match_rate": ratio(any_match, total),
        "dyad_right_where_type_right": ratio(dyad_right, right),
    }
    score.counts = {"rows": total, "sentences": len(texts), "type_right": right}
    score.tables["per_root"] = counts_table("root", per_root)
    score.tables["confusion"] = [
        {"gold": gold, "answer": answer, "rows": n} for (gold, answer), n in confusion.most_common()
    ]
    score.tables["causes"] = [
        {"cause": c, "rows": n} for c, n in (causes + dyad_causes).most_common()
    ]
    score.errors = sample_by_cause(misses, errors) + sample_by_cause(dyad_errors, errors)
    return score


def _case(kind: str, cause: str, pair: CodedPair, report: Report) -> ErrorCase:
    def span_text(span: tuple[int, int] | None) -> str:
        return pair.text[span[0] : span[1]] if span else "-"

    return ErrorCase(
        kind=kind,
        cause=cause,
        item=pair.id,
        text=pair.text,
        gold=f"{pair.root} ({span_text(pair.source)} -> {span_text(pair.target)})",
        output="; ".join(describe(report, e) for e in report.events) or "no event",
    )
