"""Sentence labels (what police did): the label mapping, document joining and the figures."""

import json
from datetime import date

from tidings.devsets.sentence_labels import (
    LabelledSentence,
    join_document,
    load_label_rules,
    load_sentence_labels,
    score_sentence_labels,
)


def test_label_rules_cover_every_police_label():
    assert {r.label for r in load_label_rules()} == {
        "KILL",
        "ARREST",
        "FORCE",
        "FAIL",
        "ANY_ACTION",
    }


def test_join_document_keeps_each_sentence_start():
    text, starts = join_document(
        [
            LabelledSentence("a", "1", 0, "First one.", frozenset(), None),
            LabelledSentence("b", "1", 1, "Second.", frozenset(), None),
        ]
    )
    assert text == "First one. Second."
    assert [text[s:] for s in starts] == ["First one. Second.", "Second."]


def test_load_sentence_labels_orders_sentences_within_documents(tmp_path):
    rows = [
        {
            "id": "d-1",
            "text": "b",
            "labels": {"police_labels": [], "doc_id": 7, "sent_id": 1, "doc_date": "2002-03-02"},
        },
        {
            "id": "d-0",
            "text": "a",
            "labels": {"police_labels": ["ARREST"], "doc_id": 7, "sent_id": 0},
        },
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    sentences = load_sentence_labels(path)
    assert [s.id for s in sentences] == ["d-0", "d-1"]
    assert sentences[0].labels == {"ARREST"} and sentences[1].published == date(2002, 3, 2)


def test_score_sentence_labels_maps_police_arrests_and_ignores_other_sentences(pipeline):
    day = date(2024, 5, 2)
    sentences = [
        LabelledSentence(
            "s0",
            "d",
            0,
            "Police arrested 14 protesters in the city on Tuesday.",
            frozenset({"ARREST", "ANY_ACTION"}),
            day,
        ),
        LabelledSentence("s1", "d", 1, "The weather stayed dry all week.", frozenset(), day),
    ]
    score = score_sentence_labels(sentences, pipeline, errors=3)
    rows = {r["label"]: r for r in score.tables["per_label"]}
    assert rows["ARREST"]["recall"] == 1.0 and rows["ARREST"]["precision"] == 1.0
    assert rows["ANY_ACTION"]["f1"] == 1.0
    assert score.metrics["doc_arrest_f1"] == 1.0
    assert score.counts == {"sentences": 2, "documents": 1}
