"""Scoring against gold: matching rules and metrics, on reports built by hand."""

import json
from dataclasses import replace
from datetime import date

import pytest

from tidings.errors import GoldError
from tidings.evaluate import (
    check_floors,
    evaluate_gold,
    evaluate_report,
    load_gold,
)
from tidings.model import (
    Actor,
    Article,
    Citation,
    CitationKind,
    Event,
    EventDate,
    Evidence,
    Mention,
    Modality,
    Quote,
    QuoteKind,
    Report,
    TimeExpression,
)

TEXT = (
    "Ukraine asked Washington for air defence on Monday. "
    '"We need help," Zelensky said, according to Reuters.'
)


def gold_file(tmp_path, **annotations):
    article = {"id": "s-1", "published": "2025-03-05", "text": TEXT}
    path = tmp_path / "s-1.gold.json"
    path.write_text(json.dumps({"article": article, **annotations}), encoding="utf-8")
    return load_gold(path)


def report_with(events=(), quotes=(), citations=(), times=()):
    ukraine = Actor(
        "a1", "Ukraine", "UKR", "GOV", kind="country", mentions=[Mention("Ukraine", 0, 7)]
    )
    usa = Actor("a2", "United States", "USA", "GOV", kind="country")
    usa.mentions.append(Mention("Washington", 14, 24, "metonym"))
    zelensky = Actor("a3", "Volodymyr Zelensky", "UKR", "GOV")
    zelensky.mentions.append(
        Mention("Zelensky", TEXT.index("Zelensky"), TEXT.index("Zelensky") + 8)
    )
    article = Article("s-1", TEXT, published=date(2025, 3, 5))
    return Report(
        article,
        actors=[ukraine, usa, zelensky],
        events=list(events),
        quotes=list(quotes),
        citations=list(citations),
        times=list(times),
    )


def request_event(modality=Modality.ASSERTED, target=("a2",)):
    sentence = TEXT[: TEXT.index(".") + 1]
    return Event(
        id="e1",
        type="REQUEST",
        trigger="asked",
        trigger_start=8,
        trigger_end=13,
        evidence=Evidence(sentence, 0, len(sentence)),
        modality=modality,
        source=["a1"],
        target=list(target),
        date=EventDate("2025-03-03", "day", "Monday"),
    )


GOLD_EVENT = {
    "sentence": "asked Washington",
    "trigger": "asked",
    "type": "REQUEST",
    "source": ["UKR"],
    "target": ["USA"],
    "modality": "asserted",
    "date": "2025-03-03",
}


def test_event_matching_all_attributes_counts_strict_hit(tmp_path):
    gold = gold_file(tmp_path, events=[GOLD_EVENT])
    evaluation = evaluate_report(report_with(events=[request_event()]), gold)
    metrics = evaluation.metrics()
    assert metrics["events.strict.f1"] == 1.0
    assert metrics["events.date.accuracy"] == 1.0
    assert metrics["events.type_macro_f1"] == 1.0


def test_wrong_modality_is_found_but_not_strict(tmp_path):
    gold = gold_file(tmp_path, events=[GOLD_EVENT])
    evaluation = evaluate_report(report_with(events=[request_event(Modality.PLANNED)]), gold)
    metrics = evaluation.metrics()
    assert metrics["events.f1"] == 1.0
    assert metrics["events.strict.f1"] == 0.0
    assert metrics["events.modality.accuracy"] == 0.0


def test_wrong_direction_counts_against_source_target(tmp_path):
    gold = gold_file(tmp_path, events=[GOLD_EVENT])
    evaluation = evaluate_report(report_with(events=[request_event(target=("a3",))]), gold)
    assert evaluation.metrics()["events.source_target.accuracy"] == 0.0


def test_a_word_that_triggers_two_events_matches_the_gold_of_its_type(tmp_path):
    # an act and the statement made by it share a trigger; each gold item takes its own type
    gold = gold_file(tmp_path, events=[GOLD_EVENT])
    other = replace(request_event(), id="e0", type="CONSULT")
    evaluation = evaluate_report(report_with(events=[other, request_event()]), gold)
    assert evaluation.metrics()["events.type.accuracy"] == 1.0


def test_missing_and_extra_items_lower_recall_and_precision(tmp_path):
    gold = gold_file(
        tmp_path,
        quotes=[{"text": "We need help", "speaker": "Volodymyr Zelensky", "kind": "direct"}],
        citations=[{"outlet": "Reuters", "kind": "report"}],
        times=[{"text": "Monday", "n": 1, "value": "2025-03-03"}],
    )
    start = TEXT.index("We need")
    report = report_with(
        quotes=[Quote("We need help,", start, start + 13, QuoteKind.DIRECT, "a3", "said")],
        citations=[
            Citation("Reuters", CitationKind.REPORT, 0, 1),
            Citation("the Guardian", CitationKind.REPORT, 0, 1),
        ],
        times=[
            TimeExpression(
                "Monday", TEXT.index("Monday"), TEXT.index("Monday") + 6, "2025-03-04", "day"
            )
        ],
    )
    metrics = evaluate_report(report, gold).metrics()
    assert metrics["quotes.f1"] == 1.0
    assert metrics["quotes.speaker.accuracy"] == 1.0
    assert metrics["citations.precision"] == 0.5
    assert metrics["citations.recall"] == 1.0
    assert metrics["times.value.accuracy"] == 0.0


def test_gold_span_that_is_not_in_the_text_is_an_error(tmp_path):
    gold = gold_file(tmp_path, times=[{"text": "Tuesday", "n": 1, "value": "2025-03-04"}])
    with pytest.raises(GoldError, match="Tuesday"):
        evaluate_report(report_with(), gold)


def test_floors_report_only_metrics_below_them(tmp_path):
    gold = gold_file(tmp_path, events=[GOLD_EVENT])
    evaluation = evaluate_report(report_with(events=[request_event(Modality.PLANNED)]), gold)
    below = check_floors(evaluation, {"events.f1": 0.9, "events.modality.accuracy": 0.5})
    assert below == ["events.modality.accuracy: 0.0000 is below the floor 0.5"]


def test_gold_with_missing_article_file_is_skipped_not_fatal(tmp_path):
    (tmp_path / "ref.gold.json").write_text(json.dumps({"article_file": "nowhere.json"}))
    evaluation, skipped = evaluate_gold(tmp_path, lambda article: report_with())
    assert evaluation.files == 0
    assert len(skipped) == 1 and "nowhere.json" in skipped[0]
