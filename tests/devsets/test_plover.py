"""PLOVER-coded sentences: reading rows, the single-answer rule, dyads and the figures."""

import json

import pytest

from tidings.devsets.plover import CodedPair, find_span, load_plover, score_plover, single_answer
from tidings.model import Event, Evidence


def event(type_: str, start: int, confidence: float) -> Event:
    return Event(
        id=f"e{start}",
        type=type_,
        trigger="x",
        trigger_start=start,
        trigger_end=start + 1,
        evidence=Evidence(sentence="", start=0, end=100),
        confidence=confidence,
    )


def test_single_answer_is_most_confident_then_earliest():
    events = [event("ASSAULT", 30, 0.7), event("ACCUSE", 10, 0.9), event("REJECT", 5, 0.9)]
    assert single_answer(events).type == "REJECT"
    assert single_answer([]) is None


def test_find_span_falls_back_to_case_insensitive():
    assert find_span("The Senate voted.", "the senate") == (0, 10)
    assert find_span("The Senate voted.", "the house") is None
    assert find_span("text", None) is None


def test_find_span_prefers_whole_words():
    text = "South Sudanese refugees fled to Sudan."
    assert find_span(text, "Sudan") == (32, 37)
    assert find_span("Sudanese troops", "Sudan") == (0, 5)  # no whole word: the letters


def test_load_plover_reads_shared_rows_flat_rows_and_csv(tmp_path):
    shared = {
        "id": "r1",
        "text": "Norway criticised Chile.",
        "labels": {"plover_root": "ACCUSE", "source_text": "Norway", "target_text": "Chile"},
    }
    flat = {
        "text": "Peru freed two sailors.",
        "plover_root": "CONCEDE",
        "source_text": "Peru",
        "target_text": "",
    }
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(shared) + "\n\n" + json.dumps(flat) + "\n")
    pairs = load_plover(path)
    assert pairs[0] == CodedPair("r1", "Norway criticised Chile.", "ACCUSE", (0, 6), (18, 23))
    assert pairs[1].root == "YIELD" and pairs[1].target is None
    csv_path = tmp_path / "rows.csv"
    csv_path.write_text(
        "text,plover_root,source_text,target_text\nNorway criticised Chile.,ACCUSE,Norway,Chile\n"
    )
    assert load_plover(csv_path)[0].source == (0, 6)


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        (
            "Norway's foreign minister condemned the Chilean government on Monday.",
            "ACCUSE",
            "Norway",
            "Chilean",
        ),
        (
            "Kenyan police arrested twelve protesters in Nairobi.",
            "COERCE",
            "Kenyan police",
            "protesters",
        ),
    ],
)
def test_score_plover_on_the_real_pipeline(pipeline, text, root, source, target):
    pair = CodedPair("x", text, root, find_span(text, source), find_span(text, target))
    score = score_plover([pair], pipeline, errors=5)
    assert score.metrics["has_event_rate"] == 1.0
    assert score.metrics["accuracy"] == 1.0
    assert score.counts == {"rows": 1, "sentences": 1, "type_right": 1}


def test_score_plover_counts_a_sentence_without_event_as_a_miss(pipeline):
    text = "The weather in the capital was mild."
    score = score_plover([CodedPair("x", text, "PROTEST", None, None)], pipeline, errors=5)
    assert score.metrics["has_event_rate"] == 0.0
    assert score.metrics["accuracy"] == 0.0
    assert [(e.kind, e.cause) for e in score.errors] == [("miss", "no event")]
    assert {"gold": "PROTEST", "answer": "NONE", "rows": 1} in score.tables["confusion"]


def test_an_implicit_gold_side_is_matched_by_an_empty_side(pipeline):
    text = "Kenyan police launched an investigation on Monday."
    implicit = CodedPair("x", text, "ACCUSE", find_span(text, "Kenyan police"), None)
    named = CodedPair("y", text, "ACCUSE", find_span(text, "Kenyan police"), (0, 6))
    assert score_plover([implicit], pipeline).metrics["dyad_right_where_type_right"] == 1.0
    assert score_plover([named], pipeline).metrics["dyad_right_where_type_right"] == 0.0
