"""TimeML (TimeBank, TempEval-3): time expressions scored as TempEval-3 task A, and the
negation and modality of the events tidings codes.

Time expressions are scored as the TempEval-3 entity scorer does: a strict match is an
identical span, a relaxed match any overlap (one gold expression to one found expression);
value and type are compared as strings on relaxed matches, and value F1 is value accuracy
times relaxed F1 (the TE3 "attribute F1"). The document creation time lives in the metadata,
not in the text, so it is never scored.

Events: a TimeML EVENT counts as coded when a tidings event's trigger overlaps it; on those,
TimeML's NEG polarity is compared with tidings' ``negated`` modality, and TimeML's modal
readings (a ``modality`` attribute, or a MODAL/CONDITIONAL subordination link) with tidings'
``hypothetical``, ``conditional`` and ``planned``.

Sources read by `load_timeml`: the shared JSON Lines file, one ``.tml`` file, or a directory
of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree

from tidings.devsets.common import ErrorCase, SetScore, ratio, read_jsonl
from tidings.errors import GoldError, GoldFormatError
from tidings.model import Article, Event, Modality, Report, TimeExpression
from tidings.pipeline import Pipeline, extract_many

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
# tidings granularity -> TIMEX3 type; any granularity not listed is a DATE (day, week, month,
# year, season, range). tidings has no time-of-day or set granularity today: the entries are
# there so that adding one scores it under the right type.
GRANULARITY_TYPES = {
    "duration": "DURATION",
    "time": "TIME",
    "hour": "TIME",
    "minute": "TIME",
    "set": "SET",
}
# tidings modalities that say an event has not (or not yet) happened for sure.
MODAL_MODALITIES = frozenset({Modality.HYPOTHETICAL, Modality.CONDITIONAL, Modality.PLANNED})
# Values of TimeBank's `modality` attribute that are annotation leftovers, not a modal.
NON_MODAL_VALUES = frozenset({"", "none", "delete"})
MODAL_LINKS = frozenset({"MODAL", "CONDITIONAL"})
CONTEXT_CHARS = 40

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3: its span in the document text, its type and its normalised value."""

    text: str
    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TimemlEvent:
    """A TimeML EVENT with the polarity and modality of its (first) instance."""

    eid: str
    text: str
    start: int
    end: int
    polarity: str = "POS"
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class Slink:
    """A subordination link: `event` governs `subordinated` (event ids, not instance ids)."""

    event: str
    subordinated: str
    rel_type: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    """One TimeML document: plain text, creation date and its annotations."""

    id: str
    text: str
    dct: date | None
    timexes: tuple[Timex, ...] = ()
    events: tuple[TimemlEvent, ...] = ()
    slinks: tuple[Slink, ...] = ()


# ---------------------------------------------------------------------------------------
# Reading


def load_timeml(path: Path) -> list[TimemlDocument]:
    """The documents of a ``.jsonl`` file, a ``.tml`` file or a directory of ``.tml`` files."""
    if path.is_dir():
        return [read_tml(file) for file in sorted(path.glob("*.tml"))]
    if path.suffix == ".jsonl":
        return [document_from_row(row) for row in read_jsonl(path)]
    if path.suffix == ".tml":
        return [read_tml(path)]
    raise GoldFormatError(
        f"can't read {path} as TimeML: give a .jsonl file in the shared format, "
        "a .tml file, or a directory of .tml files."
    )


def parse_dct(value: str | None) -> date | None:
    """The date of a creation time such as ``1998-01-08`` or ``1998-01-08T18:30:00``."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return date(year, month, day)


def document_from_row(row: dict[str, Any]) -> TimemlDocument:
    """A document from one row of the shared JSON Lines format."""
    labels = row["labels"]
    return TimemlDocument(
        id=str(row["id"]),
        text=row["text"],
        dct=parse_dct(labels.get("dct")),
        timexes=tuple(
            Timex(t["text"], t["start"], t["end"], t["type"], t.get("value"))
            for t in labels.get("timexes", [])
        ),
        events=tuple(
            TimemlEvent(
                eid=e["eid"],
                text=e["text"],
                start=e["start"],
                end=e["end"],
                polarity=e.get("polarity") or "POS",
                modality=e.get("modality"),
            )
            for e in labels.get("events", [])
        ),
        slinks=tuple(
            Slink(s["event"], s["subordinated"], s["rel_type"]) for s in labels.get("slinks", [])
        ),
    )


def read_tml(path: Path) -> TimemlDocument:
    """A document from a ``.tml`` file, its id the file name without suffix."""
    return parse_tml(path.read_bytes(), doc_id=path.stem)


def _safe_parser() -> etree.XMLParser:
    # No entity expansion, no DTD, no network: a TimeML file needs none of them.
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def parse_tml(source: bytes | str, *, doc_id: str) -> TimemlDocument:
    """A document from TimeML XML; offsets index the text of <TEXT> with its tags removed."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as error:
        raise GoldError(f"{doc_id} is not well-formed XML ({error}): fix the markup.") from error
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise GoldError(
            f"{doc_id} has no <TEXT> element: TimeML keeps the document text in one; "
            "wrap the text in <TEXT>...</TEXT>."
        )
    text, tagged = flatten_text(text_element)
    instances = _instances(root)
    instance_events = {eiid: attributes["eventID"] for eiid, attributes in instances.items()}
    by_event = {}
    for attributes in instances.values():
        by_event.setdefault(attributes["eventID"], attributes)
    return TimemlDocument(
        id=doc_id,
        text=text,
        dct=parse_dct(_dct_value(root)),
        timexes=tuple(
            Timex(text[start:end], start, end, el.get("type", ""), el.get("value"))
            for el, start, end in tagged
            if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME"
        ),
        events=tuple(
            _tml_event(el, text, start, end, by_event.get(el.get("eid", ""), {}))
            for el, start, end in tagged
            if el.tag == "EVENT"
        ),
        slinks=tuple(
            Slink(
                instance_events.get(el.get("eventInstanceID", ""), ""),
                instance_events.get(el.get("subordinatedEventInstance", ""), ""),
                el.get("relType", ""),
            )
            for el in root.iter("SLINK")
        ),
    )


def flatten_text(element: Any) -> tuple[str, list[tuple[Any, int, int]]]:
    """The text inside `element` without tags, and each descendant element with its span."""
    pieces: list[str] = []
    tagged: list[tuple[Any, int, int]] = []
    _walk(element, pieces, tagged, 0)
    return "".join(pieces), tagged


def _walk(element: Any, pieces: list[str], tagged: list[tuple[Any, int, int]], at: int) -> int:
    """Append the text of `element`'s content from offset `at`; return the offset after it."""
    if isinstance(element.tag, str):  # comments, processing instructions and entities: no text
        pieces.append(element.text or "")
        at += len(element.text or "")
    for child in element:
        start = at
        at = _walk(child, pieces, tagged, at)
        if isinstance(child.tag, str):
            tagged.append((child, start, at))
        pieces.append(child.tail or "")
        at += len(child.tail or "")
    return at


def _instances(root: Any) -> dict[str, dict[str, str]]:
    return {
        el.get("eiid", ""): dict(el.attrib) for el in root.iter("MAKEINSTANCE") if el.get("eventID")
    }


def _dct_value(root: Any) -> str | None:
    creation = root.find(".//DCT/TIMEX3")
    if creation is None:
        creation = root.find(".//TIMEX3[@functionInDocument='CREATION_TIME']")
    return creation.get("value") if creation is not None else None


def _tml_event(
    element: Any, text: str, start: int, end: int, instance: dict[str, str]
) -> TimemlEvent:
    # TimeML 1.2 puts polarity and modality on MAKEINSTANCE; older files on the EVENT itself.
    attributes = {**element.attrib, **instance}
    return TimemlEvent(
        eid=element.get("eid", ""),
        text=text[start:end],
        start=start,
        end=end,
        polarity=attributes.get("polarity") or "POS",
        modality=attributes.get("modality"),
    )


# ---------------------------------------------------------------------------------------
# Matching time expressions


def overlap(a: Span, b: Span) -> int:
    """The number of characters two spans share (0 when they are apart)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one relaxed alignment: (gold index, predicted index) pairs of overlapping spans.

    Identical spans pair first, then the pairs sharing most characters, so the relaxed pairs
    contain every strict match there is.
    """
    candidates = sorted(
        (
            (g, p)
            for g, gold_span in enumerate(gold)
            for p, found_span in enumerate(predicted)
            if overlap(gold_span, found_span)
        ),
        key=lambda pair: (
            gold[pair[0]] != predicted[pair[1]],
            -overlap(gold[pair[0]], predicted[pair[1]]),
            pair,
        ),
    )
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for g, p in candidates:
        if g not in used_gold and p not in used_found:
            pairs.append((g, p))
            used_gold.add(g)
            used_found.add(p)
    return sorted(pairs)


def same_value(gold: str | None, found: str | None) -> bool:
    """Whether two TIMEX3 values are equal: compared as strings, as the TE3 scorer does."""
    return gold is not None and found is not None and gold.strip() == found.strip()


@dataclass(slots=True)
class TypeTally:
    """Gold expressions of one TIMEX3 type: how many, how many found, how many valued right."""

    gold: int = 0
    found: int = 0
    value_correct: int = 0


@dataclass(slots=True)
class TimexTally:
    """The counts behind the TempEval-3 figures, summed over documents."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0
    per_type: dict[str, TypeTally] = field(default_factory=dict)


def tally_timexes(gold: Sequence[Timex], predicted: Sequence[Timex]) -> TimexTally:
    """The counts of one document's gold and found expressions."""
    pairs = match_spans([(t.start, t.end) for t in gold], [(t.start, t.end) for t in predicted])
    per_type = {kind: TypeTally() for kind in {t.type for t in gold}}
    for timex in gold:
        per_type[timex.type].gold += 1
    tally = TimexTally(gold=len(gold), predicted=len(predicted), per_type=per_type)
    for g, p in pairs:
        expected, found = gold[g], predicted[p]
        right_value = same_value(expected.value, found.value)
        tally.relaxed += 1
        tally.strict += (expected.start, expected.end) == (found.start, found.end)
        tally.value_correct += right_value
        tally.type_correct += expected.type == found.type
        per_type[expected.type].found += 1
        per_type[expected.type].value_correct += right_value
    return tally


def sum_tallies(tallies: Iterable[TimexTally]) -> TimexTally:
    """The tallies of many documents added up."""
    total = TimexTally()
    for tally in tallies:
        total.gold += tally.gold
        total.predicted += tally.predicted
        total.strict += tally.strict
        total.relaxed += tally.relaxed
        total.value_correct += tally.value_correct
        total.type_correct += tally.type_correct
        for kind, part in tally.per_type.items():
            into = total.per_type.setdefault(kind, TypeTally())
            into.gold += part.gold
            into.found += part.found
            into.value_correct += part.value_correct
    return total


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def timex_metrics(tally: TimexTally) -> dict[str, float]:
    """Strict and relaxed P/R/F1, value and type accuracy on relaxed matches, value F1."""
    strict_p, strict_r = ratio(tally.strict, tally.predicted), ratio(tally.strict, tally.gold)
    relaxed_p, relaxed_r = ratio(tally.relaxed, tally.predicted), ratio(tally.relaxed, tally.gold)
    value_accuracy = ratio(tally.value_correct, tally.relaxed)
    return {
        "strict_precision": strict_p,
        "strict_recall": strict_r,
        "strict_f1": f1(strict_p, strict_r),
        "relaxed_precision": relaxed_p,
        "relaxed_recall": relaxed_r,
        "relaxed_f1": f1(relaxed_p, relaxed_r),
        "value_accuracy": value_accuracy,
        "value_f1": value_accuracy * f1(relaxed_p, relaxed_r),
        "type_accuracy": ratio(tally.type_correct, tally.relaxed),
    }


def per_type_table(tally: TimexTally) -> list[dict[str, Any]]:
    """Recall and value accuracy by gold TIMEX3 type, the four TimeML types first."""
    kinds = [*TIMEX_TYPES, *sorted(set(tally.per_type) - set(TIMEX_TYPES))]
    return [
        {
            "type": kind,
            "gold": part.gold,
            "found": part.found,
            "recall": ratio(part.found, part.gold),
            "value_accuracy": ratio(part.value_correct, part.found),
        }
        for kind in kinds
        for part in [tally.per_type.get(kind, TypeTally())]
    ]


# ---------------------------------------------------------------------------------------
# tidings' output as TIMEX3


def timex_type(granularity: str) -> str:
    """The TIMEX3 type of a tidings time granularity."""
    return GRANULARITY_TYPES.get(granularity, "DATE")


_SINCE = re.compile(r"^since\s+", re.I)


def as_timex3(time: TimeExpression) -> Timex:
    """A tidings time expression as a TIMEX3.

    tidings reads "since March" as the range from March to publication; TimeML marks "since"
    as a signal outside the TIMEX3, whose value is the start alone ("March": 1990-03).
    """
    since = _SINCE.match(time.text)
    if since and time.granularity == "range" and time.value and "/" in time.value:
        start = time.value.split("/")[0]
        return Timex(time.text[since.end() :], time.start + since.end(), time.end, "DATE", start)
    return Timex(time.text, time.start, time.end, timex_type(time.granularity), time.value)


def predicted_timexes(times: Iterable[TimeExpression]) -> list[Timex]:
    """tidings' time expressions as TIMEX3s."""
    return [as_timex3(t) for t in times]


# ---------------------------------------------------------------------------------------
# Error cases


def in_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The span in brackets with up to `width` characters either side, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _label(timex: Timex) -> str:
    return f"{timex.value or '-'} {timex.type}"


def wrong_cause(gold: Timex, found: Timex) -> str | None:
    """Why a relaxed match is wrong ("found, no value", "wrong value", "wrong type"), or None."""
    if found.value is None:
        return "found, no value"
    if not same_value(gold.value, found.value):
        return "wrong value"
    if gold.type != found.type:
        return "wrong type"
    return None


def timex_errors(
    document: TimemlDocument, gold: Sequence[Timex], predicted: Sequence[Timex]
) -> list[ErrorCase]:
    """Every miss, false positive and wrong value or type of one document, in text order."""
    pairs = match_spans([(t.start, t.end) for t in gold], [(t.start, t.end) for t in predicted])
    matched_gold = {g for g, _ in pairs}
    matched_found = {p for _, p in pairs}
    text, item = document.text, document.id
    cases = [
        ErrorCase("miss", "not found", item, in_context(text, t.start, t.end), _label(t), "")
        for i, t in enumerate(gold)
        if i not in matched_gold
    ]
    cases += [
        ErrorCase(
            "false-positive", "not in gold", item, in_context(text, t.start, t.end), "", _label(t)
        )
        for i, t in enumerate(predicted)
        if i not in matched_found
    ]
    for g, p in pairs:
        cause = wrong_cause(gold[g], predicted[p])
        if cause:
            expected, found = gold[g], predicted[p]
            span = (min(expected.start, found.start), max(expected.end, found.end))
            context = in_context(text, *span)
            cases.append(ErrorCase("wrong", cause, item, context, _label(expected), _label(found)))
    return cases


def pick_errors(cases: Iterable[ErrorCase], limit: int) -> list[ErrorCase]:
    """The first `limit` cases of each kind (misses, false positives, wrong), kinds in turn."""
    picked: dict[str, list[ErrorCase]] = {"miss": [], "false-positive": [], "wrong": []}
    for case in cases:
        bucket = picked.setdefault(case.kind, [])
        if len(bucket) < limit:
            bucket.append(case)
    return [case for bucket in picked.values() for case in bucket]


def cause_table(cases: Iterable[ErrorCase]) -> list[dict[str, Any]]:
    """How many errors of each kind and cause, most frequent first."""
    counts = Counter((case.kind, case.cause) for case in cases)
    return [
        {"kind": kind, "cause": cause, "count": count}
        for (kind, cause), count in counts.most_common()
    ]


# ---------------------------------------------------------------------------------------
# Events: negation and modality


@dataclass(slots=True)
class EventTally:
    """TimeML events tidings codes, and how their negation and modal readings agree."""

    events: int = 0
    coded: int = 0
    gold_negated: int = 0
    found_negated: int = 0
    both_negated: int = 0
    gold_modal: int = 0
    found_modal: int = 0
    both_modal: int = 0


def modal_event_ids(slinks: Iterable[Slink]) -> frozenset[str]:
    """Events a MODAL or CONDITIONAL link makes non-factual.

    The subordinated event of either link; a CONDITIONAL's governing event too, since TimeML
    links the condition ("if they win") to its consequence and neither is asserted.
    """
    ids = set()
    for link in slinks:
        if link.rel_type in MODAL_LINKS:
            ids.add(link.subordinated)
        if link.rel_type == "CONDITIONAL":
            ids.add(link.event)
    return frozenset(ids)


def is_gold_modal(event: TimemlEvent, modal_ids: frozenset[str]) -> bool:
    """Whether TimeML reads an event as modal: a modal word, or a modal/conditional link."""
    word = (event.modality or "").strip().lower()
    return word not in NON_MODAL_VALUES or event.eid in modal_ids


def coded_event(event: TimemlEvent, found: Sequence[Event]) -> Event | None:
    """The first tidings event whose trigger overlaps a TimeML event, if any: the act, not
    the statement of intent marked on the same word (TimeML's event is the act)."""
    span = (event.start, event.end)
    hits = [e for e in found if overlap(span, (e.trigger_start, e.trigger_end))]
    return next((e for e in hits if e.mode != "intent"), hits[0] if hits else None)


def tally_events(document: TimemlDocument, found: Sequence[Event]) -> EventTally:
    """Negation and modality agreement on the TimeML events of one document tidings codes."""
    modal_ids = modal_event_ids(document.slinks)
    ordered = sorted(found, key=lambda e: (e.trigger_start, e.trigger_end))
    tally = EventTally(events=len(document.events))
    for event in document.events:
        match = coded_event(event, ordered)
        if match is None:
            continue
        gold_negated = event.polarity == "NEG"
        found_negated = match.modality == Modality.NEGATED
        gold_modal = is_gold_modal(event, modal_ids)
        found_modal = match.modality in MODAL_MODALITIES
        tally.coded += 1
        tally.gold_negated += gold_negated
        tally.found_negated += found_negated
        tally.both_negated += gold_negated and found_negated
        tally.gold_modal += gold_modal
        tally.found_modal += found_modal
        tally.both_modal += gold_modal and found_modal
    return tally


def sum_event_tallies(tallies: Iterable[EventTally]) -> EventTally:
    """The event tallies of many documents added up."""
    total = EventTally()
    for tally in tallies:
        for part in fields(EventTally):
            setattr(total, part.name, getattr(total, part.name) + getattr(tally, part.name))
    return total


def event_metrics(tally: EventTally) -> dict[str, float]:
    """The share of TimeML events tidings codes as events, and precision/recall of its negated
    and modal readings on them."""
    return {
        "events_coded_share": ratio(tally.coded, tally.events),
        "negation_precision": ratio(tally.both_negated, tally.found_negated),
        "negation_recall": ratio(tally.both_negated, tally.gold_negated),
        "modal_precision": ratio(tally.both_modal, tally.found_modal),
        "modal_recall": ratio(tally.both_modal, tally.gold_modal),
    }


def event_table(tally: EventTally) -> list[dict[str, Any]]:
    """The counts behind the event figures, one row per reading."""
    return [
        {
            "reading": "negated",
            "events": tally.events,
            "coded": tally.coded,
            "gold": tally.gold_negated,
            "found": tally.found_negated,
            "both": tally.both_negated,
        },
        {
            "reading": "modal",
            "events": tally.events,
            "coded": tally.coded,
            "gold": tally.gold_modal,
            "found": tally.found_modal,
            "both": tally.both_modal,
        },
    ]


# ---------------------------------------------------------------------------------------
# Scoring


def article_of(document: TimemlDocument) -> Article:
    """The article tidings reads for a document, published on its creation date."""
    return Article(id=document.id, text=document.text, published=document.dct)


def score_reports(
    documents: Sequence[TimemlDocument], reports: Sequence[Report], *, errors: int = 0
) -> SetScore:
    """The TimeML figures of tidings' reports, one report per document in the same order."""
    if len(documents) != len(reports):
        raise ValueError(
            f"{len(documents)} documents but {len(reports)} reports: score one report "
            "per document, in the documents' order."
        )
    timex_tallies, event_tallies, cases = [], [], []
    for document, report in zip(documents, reports, strict=True):
        found = predicted_timexes(report.times)
        timex_tallies.append(tally_timexes(document.timexes, found))
        event_tallies.append(tally_events(document, report.events))
        cases.extend(timex_errors(document, document.timexes, found))
    timexes, events = sum_tallies(timex_tallies), sum_event_tallies(event_tallies)
    return SetScore(
        name="timeml",
        metrics={**timex_metrics(timexes), **event_metrics(events)},
        counts={
            "gold": timexes.gold,
            "predicted": timexes.predicted,
            "relaxed_matches": timexes.relaxed,
        },
        tables={
            "per_type": per_type_table(timexes),
            "events": event_table(events),
            "causes": cause_table(cases),
        },
        errors=pick_errors(cases, errors),
    )


def score_timeml(
    documents: Sequence[TimemlDocument], pipeline: Pipeline, *, errors: int = 0
) -> SetScore:
    """Run tidings over TimeML documents and score its time expressions and event readings."""
    reports = list(extract_many((article_of(d) for d in documents), pipeline=pipeline))
    return score_reports(documents, reports, errors=errors)
