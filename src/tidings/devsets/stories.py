"""Score whole stories against blind gold kept as offsets (gold/voa: events, quotes, actors).

The gold files hold ids, character offsets and labels only; the stories' text is read from a
JSONL file of `{"id", "text", "labels"}` rows. Format and conventions: gold/voa/README.md.

Matching, one-to-one: an event matches a gold event when its trigger overlaps the gold trigger,
or failing that when the gold trigger lies in the event's evidence sentence and the types agree.
Quotes match by overlap; actors when one of an actor's mentions overlaps the gold span.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tidings.devsets.common import (
    Counts,
    ErrorCase,
    SetScore,
    counts_table,
    ratio,
    read_jsonl,
    sample_by_cause,
)
from tidings.model import Actor, Article, Event, Report
from tidings.pipeline import Pipeline, extract_many

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class StoryGold:
    """One story's text and its gold annotations."""

    story: str
    text: str
    published: date | None
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    actors: list[dict[str, Any]]


def load_story_gold(gold_dir: Path, stories_file: Path) -> list[StoryGold]:
    """The gold files of `gold_dir` with their stories' text; stories not found are skipped."""
    texts = {str(row["id"]): row["text"] for row in read_jsonl(stories_file)}
    golds = []
    for path in sorted(gold_dir.glob("*.story.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        story = str(gold["story"])
        if story not in texts:
            continue
        golds.append(
            StoryGold(
                story=story,
                text=texts[story],
                published=date.fromisoformat(gold["published"]) if gold.get("published") else None,
                events=gold.get("events", []),
                quotes=gold.get("quotes", []),
                actors=gold.get("actors", []),
            )
        )
    return golds


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def references(report: Report, actor_ids: Iterable[str]) -> frozenset[str]:
    """The gold-style references (ISO-3, organisation id or name) of actor ids."""
    actors = (report.actor(a) for a in actor_ids)
    return frozenset(a.reference for a in actors if a)


def match_events(gold: list[dict[str, Any]], events: list[Event]) -> dict[int, Event]:
    """Gold event index -> predicted event, trigger overlap first, then same sentence and type."""
    matched: dict[int, Event] = {}
    used: set[str] = set()
    passes: list[Callable[[dict[str, Any], Event], bool]] = [
        lambda g, e: (
            overlaps(tuple(g["trigger"]), (e.trigger_start, e.trigger_end)) and e.type == g["type"]
        ),
        lambda g, e: overlaps(tuple(g["trigger"]), (e.trigger_start, e.trigger_end)),
        lambda g, e: e.evidence.start <= g["trigger"][0] < e.evidence.end and e.type == g["type"],
    ]
    for fits in passes:
        for index, item in enumerate(gold):
            if index in matched:
                continue
            candidate = next((e for e in events if e.id not in used and fits(item, e)), None)
            if candidate is not None:
                matched[index] = candidate
                used.add(candidate.id)
    return matched


def same_type(gold_type: str, predicted: str) -> bool:
    """PLOVER types equal, YIELD standing for CONCEDE or RETREAT."""
    yields = {"YIELD", "CONCEDE", "RETREAT"}
    return gold_type == predicted or (gold_type in yields and predicted in yields)


def speaker_right(actor: Actor | None, speaker: Span | None, text: str) -> bool:
    """Whether the predicted speaker is the gold one: a mention overlapping the gold span, or
    the gold name's last word in the actor's name."""
    if speaker is None:
        return actor is None
    if actor is None:
        return False
    if any(overlaps((m.start, m.end), speaker) for m in actor.mentions):
        return True
    last = text[speaker[0] : speaker[1]].split()[-1].lower()
    return last in actor.name.lower().split()


def score_stories(
    golds: list[StoryGold], pipeline: Pipeline, *, errors: int = 0, name: str = "voa"
) -> SetScore:
    """Event, quote and actor figures over blind-annotated stories."""
    articles = [Article(id=g.story, text=g.text, published=g.published) for g in golds]
    reports = list(extract_many(articles, pipeline=pipeline, batch_size=8))
    detected, typed, dyad, source_right, target_right = Counts(), Counts(), 0, 0, 0
    type_matches = 0
    dated_gold, dates_right = 0, 0
    quotes, speakers_right, speakers_total = Counts(), 0, 0
    actors, country_right, code_right = Counts(), 0, 0
    per_type: dict[str, Counts] = {}
    cases: list[ErrorCase] = []
    for gold, report in zip(golds, reports, strict=True):
        matched = match_events(gold.events, report.events)
        for index, item in enumerate(gold.events):
            counts = per_type.setdefault(item["type"], Counts())
            event = matched.get(index)
            if event is None:
                detected.fn += 1
                typed.fn += 1
                counts.fn += 1
                cases.append(_event_case("miss", "no event", gold, item, None, report))
                continue
            detected.tp += 1
            if item.get("date"):
                dated_gold += 1
                dates_right += date_right(item["date"], event)
            if not same_type(item["type"], event.type):
                typed.fn += 1
                typed.fp += 1
                counts.fn += 1
                per_type.setdefault(event.type, Counts()).fp += 1
                cases.append(_event_case("wrong", "wrong type", gold, item, event, report))
                continue
            typed.tp += 1
            counts.tp += 1
            type_matches += 1
            src = references(report, event.source) == frozenset(item.get("source", []))
            tgt = references(report, event.target) == frozenset(item.get("target", []))
            source_right += src
            target_right += tgt
            dyad += src and tgt
            if not (src and tgt):
                cause = _dyad_cause(report, event, src, tgt)
                cases.append(_event_case("wrong", cause, gold, item, event, report))
        used = {e.id for e in matched.values()}
        for event in report.events:
            if event.id not in used:
                detected.fp += 1
                typed.fp += 1
                per_type.setdefault(event.type, Counts()).fp += 1
                cases.append(
                    _event_case("false-positive", "not in gold", gold, None, event, report)
                )

        quote_pairs = _match_spans(
            [tuple(q["span"]) for q in gold.quotes], [(q.start, q.end) for q in report.quotes]
        )
        quotes.tp += len(quote_pairs)
        quotes.fn += len(gold.quotes) - len(quote_pairs)
        for gold_index, predicted_index in quote_pairs.items():
            speaker = gold.quotes[gold_index].get("speaker")
            actor = report.actor(report.quotes[predicted_index].speaker or "")
            speakers_total += 1
            if speaker_right(actor, tuple(speaker) if speaker else None, gold.text):
                speakers_right += 1
            else:
                cases.append(_quote_case(gold, gold_index, actor))

        mentions = [(m.start, m.end, a) for a in report.actors for m in a.acting_mentions]
        actor_pairs = _match_spans(
            [tuple(a["span"]) for a in gold.actors], [(s, e) for s, e, _ in mentions]
        )
        actors.tp += len(actor_pairs)
        actors.fn += len(gold.actors) - len(actor_pairs)
        for gold_index, predicted_index in actor_pairs.items():
            item, actor = gold.actors[gold_index], mentions[predicted_index][2]
            country_ok = actor.country == item.get("country")
            code_ok = country_ok and actor.sector == item.get("sector")
            country_right += country_ok
            code_right += code_ok
            if not code_ok:
                cause = "actor sector" if country_ok else "actor country"
                cases.append(_actor_case(gold, item, actor, cause))

    score = SetScore(name=name)
    score.metrics = {
        "event_recall_by_type": typed.recall,
        "event_precision_by_type": typed.precision,
        "event_detection_recall": detected.recall,
        "event_detection_precision": detected.precision,
        "type_source_target": ratio(dyad, typed.tp + typed.fn),
        # The share of tidings' own events a reader checking them would find wholly right,
        # the figure a hand check of output measures (it counts the events, not the gold).
        "events_wholly_right": ratio(dyad, typed.tp + typed.fp),
        "source_right_where_type_right": ratio(source_right, type_matches),
        "target_right_where_type_right": ratio(target_right, type_matches),
        "quote_recall": quotes.recall,
        "quote_speaker_accuracy": ratio(speakers_right, speakers_total),
        "actor_recall": actors.recall,
        "actor_country_accuracy": ratio(country_right, actors.tp),
        "actor_code_accuracy": ratio(code_right, actors.tp),
        "events_dated_publication_day": publication_day_share(golds, reports),
    }
    if dated_gold:  # only where the gold gives event dates
        score.metrics["event_date_accuracy"] = ratio(dates_right, dated_gold)
    score.counts = {
        "stories": len(golds),
        "gold_events": sum(len(g.events) for g in golds),
        "predicted_events": sum(len(r.events) for r in reports),
        "gold_quotes": sum(len(g.quotes) for g in golds),
        "gold_actors": sum(len(g.actors) for g in golds),
        "dated_gold_events": dated_gold,
    }
    score.tables["per_type"] = counts_table("type", per_type)
    score.tables["causes"] = [
        {"cause": cause, "events": n}
        for cause, n in Counter(c.cause for c in cases).most_common()
        if not cause.startswith("actor")
    ]
    score.tables["actor_causes"] = [
        {"cause": cause, "actors": n}
        for cause, n in Counter(c.cause for c in cases).most_common()
        if cause.startswith("actor")
    ]
    score.errors = sample_by_cause(cases, errors)
    return score


def date_right(gold: dict[str, Any] | str, event: Event) -> bool:
    """Whether an event's date value is the gold one (`{"value", "granularity"}` or a bare
    value); an unknown gold date (null value) wants no date."""
    value = gold.get("value") if isinstance(gold, dict) else gold
    return (event.date.value if event.date else None) == value


def publication_day_share(golds: list[StoryGold], reports: list[Report]) -> float:
    """The share of tidings' events dated to their story's publication day."""
    days = [
        (event.date.value if event.date else None, gold.published)
        for gold, report in zip(golds, reports, strict=True)
        for event in report.events
    ]
    same_day = sum(1 for value, day in days if day and value == day.isoformat())
    return ratio(same_day, len(days))


def _match_spans(gold: list[Span], predicted: list[Span]) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one: the unused prediction that overlaps the gold
    span most ("Somalia's intelligence agency" is the agency, not "Somalia")."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gold_index, span in enumerate(gold):
        best, best_overlap = None, 0
        for index, other in enumerate(predicted):
            overlap = min(span[1], other[1]) - max(span[0], other[0])
            if index not in used and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is not None:
            pairs[gold_index] = best
            used.add(best)
    return pairs


def _dyad_cause(report: Report, event: Event, source_ok: bool, target_ok: bool) -> str:
    side = "target" if source_ok else "source" if target_ok else "source and target"
    ids = event.target if side == "target" else event.source
    return f"{'empty' if not ids else 'wrong'} {side}"


def _sentence_of(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position) + 2, 0)
    end = text.find(". ", position)
    return text[start : end + 1 if end >= 0 else len(text)]


def _event_case(
    kind: str,
    cause: str,
    gold: StoryGold,
    item: dict[str, Any] | None,
    event: Event | None,
    report: Report,
) -> ErrorCase:
    def describe(e: Event) -> str:
        sides = [sorted(references(report, ids)) for ids in (e.source, e.target)]
        return f"{e.type} '{e.trigger}' {sides[0]}->{sides[1]}"

    position = item["trigger"][0] if item else event.trigger_start if event else 0
    gold_text = (
        f"{item['type']} '{gold.text[item['trigger'][0] : item['trigger'][1]]}' "
        f"{sorted(item.get('source', []))}->{sorted(item.get('target', []))} "
        f"{item.get('modality', '')}"
        if item
        else "-"
    )
    return ErrorCase(
        kind=kind,
        cause=cause,
        item=gold.story,
        text=_sentence_of(gold.text, position),
        gold=gold_text,
        output=describe(event) if event else "no event",
    )


def _quote_case(gold: StoryGold, index: int, actor: Actor | None) -> ErrorCase:
    quote = gold.quotes[index]
    speaker = quote.get("speaker")
    return ErrorCase(
        kind="wrong",
        cause="wrong speaker",
        item=gold.story,
        text=gold.text[quote["span"][0] : quote["span"][1]][:200],
        gold=gold.text[speaker[0] : speaker[1]] if speaker else "-",
        output=actor.name if actor else "no speaker",
    )


def _actor_case(gold: StoryGold, item: dict[str, Any], actor: Actor, cause: str) -> ErrorCase:
    start, end = item["span"]
    return ErrorCase(
        kind="wrong",
        cause=cause,
        item=gold.story,
        text=_sentence_of(gold.text, start),
        gold=f"{gold.text[start:end]}: {item.get('country') or '-'} {item.get('sector')}",
        output=f"{actor.name}: {actor.country or '-'} {actor.sector}",
    )
