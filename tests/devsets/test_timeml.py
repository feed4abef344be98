"""TimeML scorer: reading TimeML written for the tests, TempEval-3 matching and arithmetic on
hand-made spans, event negation and modality, and one run of the real pipeline."""

import json
from datetime import date
from pathlib import Path

import pytest

from tidings.devsets.timeml import (
    Slink,
    TimemlDocument,
    TimemlEvent,
    Timex,
    cause_table,
    in_context,
    is_gold_modal,
    load_timeml,
    match_spans,
    modal_event_ids,
    parse_tml,
    per_type_table,
    pick_errors,
    predicted_timexes,
    score_reports,
    score_timeml,
    tally_events,
    tally_timexes,
    timex_errors,
    timex_metrics,
    timex_type,
)
from tidings.errors import GoldError, GoldFormatError
from tidings.model import Article, Event, Evidence, Modality, Report, TimeExpression

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>harbour-01</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-07T09:00:00" temporalFunction="false" \
functionInDocument="CREATION_TIME">03/07/2024</TIMEX3></DCT>
<TEXT>
The harbour board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on \
<TIMEX3 tid="t1" type="DATE" value="2024-03-05">Tuesday</TIMEX3> &amp; did not \
<EVENT eid="e2" class="OCCURRENCE">vote</EVENT>.
It <EVENT eid="e3" class="I_ACTION">wants</EVENT> to <EVENT eid="e4" class="OCCURRENCE">\
reopen</EVENT> the pier for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="NONE" polarity="NEG"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PRESENT" polarity="POS"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="INFINITIVE" polarity="POS" modality="could"/>
<SLINK lid="l1" eventInstanceID="ei3" subordinatedEventInstance="ei4" relType="MODAL"/>
</TimeML>
"""


def timex(start: int, end: int, value: str | None = "2024", kind: str = "DATE") -> Timex:
    return Timex(text="x" * (end - start), start=start, end=end, type=kind, value=value)


def tidings_event(start: int, end: int, modality: Modality = Modality.ASSERTED) -> Event:
    return Event(
        id=f"ev{start}",
        type="CONSULT",
        trigger="x",
        trigger_start=start,
        trigger_end=end,
        evidence=Evidence(sentence="", start=0, end=0),
        modality=modality,
    )


# Reading


def test_reader_strips_tags_and_keeps_offsets_into_the_plain_text(tmp_path: Path):
    path = tmp_path / "harbour.tml"
    path.write_text(TML, encoding="utf-8")
    (document,) = load_timeml(path)
    assert document.id == "harbour"
    assert "<" not in document.text and "& did not vote." in document.text
    assert [(t.text, t.type, t.value) for t in document.timexes] == [
        ("Tuesday", "DATE", "2024-03-05"),
        ("two weeks", "DURATION", "P2W"),
    ]
    for annotation in [*document.timexes, *document.events]:
        assert document.text[annotation.start : annotation.end] == annotation.text


def test_reader_takes_the_dct_as_date_and_leaves_it_out_of_the_timexes():
    document = parse_tml(TML, doc_id="d")
    assert document.dct == date(2024, 3, 7)
    assert all(t.value != "2024-03-07T09:00:00" for t in document.timexes)


def test_reader_reads_polarity_and_modality_from_makeinstance_and_slinks_by_event_id():
    document = parse_tml(TML, doc_id="d")
    assert [(e.text, e.polarity, e.modality) for e in document.events] == [
        ("met", "POS", None),
        ("vote", "NEG", None),
        ("wants", "POS", None),
        ("reopen", "POS", "could"),
    ]
    assert document.slinks == (Slink("e3", "e4", "MODAL"),)


def test_reader_does_not_expand_entities():
    xml = (
        '<?xml version="1.0"?><!DOCTYPE TimeML [<!ENTITY boom "BOOM">]>'
        "<TimeML><TEXT>Before &boom; after</TEXT></TimeML>"
    )
    assert "BOOM" not in parse_tml(xml, doc_id="d").text


def test_reader_reads_a_directory_of_tml_files_in_name_order(tmp_path: Path):
    for name in ("b", "a"):
        (tmp_path / f"{name}.tml").write_text(TML, encoding="utf-8")
    assert [d.id for d in load_timeml(tmp_path)] == ["a", "b"]


def test_reader_reads_the_shared_jsonl_shape(tmp_path: Path):
    row = {
        "id": "r1",
        "text": "Rain fell on Monday.",
        "labels": {
            "dct": "2024-03-07",
            "timexes": [
                {
                    "tid": "t1",
                    "text": "Monday",
                    "start": 13,
                    "end": 19,
                    "type": "DATE",
                    "value": "2024-03-04",
                    "mod": None,
                    "anchor": None,
                    "temporal_function": "true",
                },
            ],
            "events": [
                {
                    "eid": "e1",
                    "text": "fell",
                    "start": 5,
                    "end": 9,
                    "class": "OCCURRENCE",
                    "tense": "PAST",
                    "polarity": "POS",
                    "modality": None,
                },
            ],
            "slinks": [],
        },
    }
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (document,) = load_timeml(path)
    assert document.dct == date(2024, 3, 7)
    assert document.timexes == (Timex("Monday", 13, 19, "DATE", "2024-03-04"),)
    assert document.events[0].eid == "e1"


def test_reader_refuses_a_file_it_cannot_read(tmp_path: Path):
    with pytest.raises(GoldFormatError, match="E202"):
        load_timeml(tmp_path / "notes.txt")


@pytest.mark.parametrize(
    "xml", ["<TimeML><DOCID>x</DOCID></TimeML>", "<TimeML><TEXT>open</TimeML>"]
)
def test_reader_refuses_timeml_without_text_or_well_formed_markup(xml):
    with pytest.raises(GoldError, match="E201"):
        parse_tml(xml, doc_id="x")


# Matching


@pytest.mark.parametrize(
    ("gold", "predicted", "pairs"),
    [
        ([(0, 5)], [(0, 5)], [(0, 0)]),
        ([(0, 5)], [(3, 9)], [(0, 0)]),
        ([(0, 5)], [(5, 9)], []),
        # one to one: the second overlapping prediction stays unmatched
        ([(0, 10)], [(0, 3), (4, 10)], [(0, 1)]),
        # an identical span wins over a longer overlap
        ([(0, 4), (0, 10)], [(0, 10)], [(1, 0)]),
        ([(0, 4), (6, 10)], [(0, 10)], [(0, 0)]),
        ([], [(0, 3)], []),
    ],
)
def test_match_spans_pairs_overlaps_one_to_one(gold, predicted, pairs):
    assert match_spans(gold, predicted) == pairs


def test_scoring_arithmetic_follows_tempeval3():
    gold = [
        timex(0, 5, "2024-03-05"),
        timex(10, 20, "P2W", "DURATION"),
        timex(30, 35, "PRESENT_REF"),
        timex(40, 45, "2024-W10"),
    ]
    predicted = [
        timex(0, 5, "2024-03-05"),  # strict, right value and type
        timex(12, 20, "P2W", "DATE"),  # relaxed, right value, wrong type
        timex(30, 35, None),  # strict, no value
        timex(50, 55, "2024"),  # false positive
    ]
    metrics = timex_metrics(tally_timexes(gold, predicted))
    assert metrics["strict_precision"] == pytest.approx(2 / 4)
    assert metrics["strict_recall"] == pytest.approx(2 / 4)
    assert metrics["relaxed_precision"] == pytest.approx(3 / 4)
    assert metrics["relaxed_recall"] == pytest.approx(3 / 4)
    assert metrics["relaxed_f1"] == pytest.approx(3 / 4)
    assert metrics["value_accuracy"] == pytest.approx(2 / 3)
    assert metrics["value_f1"] == pytest.approx(2 / 3 * 3 / 4)
    assert metrics["type_accuracy"] == pytest.approx(2 / 3)


def test_per_type_table_gives_recall_and_value_accuracy_by_gold_type():
    gold = [timex(0, 5, "2024"), timex(10, 15, "P1Y", "DURATION"), timex(20, 25, "2025")]
    predicted = [timex(0, 5, "2024"), timex(20, 25, "2026")]
    rows = {row["type"]: row for row in per_type_table(tally_timexes(gold, predicted))}
    assert rows["DATE"] == {
        "type": "DATE",
        "gold": 2,
        "found": 2,
        "recall": 1.0,
        "value_accuracy": 0.5,
    }
    assert rows["DURATION"]["recall"] == 0.0
    assert rows["SET"]["gold"] == 0


def test_values_compare_as_strings():
    gold, predicted = [timex(0, 4, "1998-Q3")], [timex(0, 4, "1998-07")]
    assert timex_metrics(tally_timexes(gold, predicted))["value_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("granularity", "kind"),
    [("duration", "DURATION"), ("day", "DATE"), ("range", "DATE"), ("season", "DATE")],
)
def test_timex_type_maps_tidings_granularity(granularity, kind):
    assert timex_type(granularity) == kind


def test_predicted_timexes_carry_span_value_and_type():
    found = predicted_timexes([TimeExpression("two weeks", 4, 13, "P2W", "duration")])
    assert found == [Timex("two weeks", 4, 13, "DURATION", "P2W")]


def test_since_is_a_signal_outside_the_timex3_whose_value_is_the_start():
    since = TimeExpression("since March 2024", 10, 26, "2024-03/2025-03-05", "range")
    between = TimeExpression("March 1 to 4", 0, 12, "2025-03-01/2025-03-04", "range")
    assert predicted_timexes([since, between]) == [
        Timex("March 2024", 16, 26, "DATE", "2024-03"),
        Timex("March 1 to 4", 0, 12, "DATE", "2025-03-01/2025-03-04"),
    ]


# Errors


def test_errors_name_misses_false_positives_and_wrong_values():
    text = "On Monday the board met; for two weeks nothing; in 2024 again."
    document = TimemlDocument(id="d", text=text, dct=None)
    gold = [timex(3, 9, "2024-03-04"), timex(29, 38, "P2W", "DURATION")]
    predicted = [timex(3, 9, "2024-03-11"), timex(51, 55, "2024")]
    causes = {(c.kind, c.cause, c.gold, c.output) for c in timex_errors(document, gold, predicted)}
    assert causes == {
        ("miss", "not found", "P2W DURATION", ""),
        ("false-positive", "not in gold", "", "2024 DATE"),
        ("wrong", "wrong value", "2024-03-04 DATE", "2024-03-11 DATE"),
    }


def test_pick_errors_keeps_up_to_n_of_each_kind_and_counts_all_causes():
    document = TimemlDocument(id="d", text="a" * 100, dct=None)
    gold = [timex(0, 2), timex(10, 12), timex(20, 22, "1999")]
    predicted = [timex(50, 52), timex(60, 62), timex(20, 22, None)]
    cases = timex_errors(document, gold, predicted)
    assert [c.kind for c in pick_errors(cases, 1)] == ["miss", "false-positive", "wrong"]
    assert cause_table(cases)[0] == {"kind": "miss", "cause": "not found", "count": 2}
    assert pick_errors(cases, 0) == []


def test_in_context_brackets_the_expression_on_one_line():
    assert in_context("one\ntwo three four", 4, 7, width=4) == "one [two] thr"


# Events


def test_gold_modal_reading_comes_from_the_modality_word_or_a_modal_link():
    links = [Slink("e1", "e2", "MODAL"), Slink("e5", "e6", "CONDITIONAL")]
    modal_ids = modal_event_ids(links)
    assert modal_ids == {"e2", "e5", "e6"}
    assert is_gold_modal(TimemlEvent("e9", "go", 0, 2, modality="would"), modal_ids)
    assert is_gold_modal(TimemlEvent("e2", "go", 0, 2), modal_ids)
    assert not is_gold_modal(TimemlEvent("e9", "go", 0, 2, modality="none"), modal_ids)


def test_events_score_negation_and_modality_on_coded_events_only():
    document = parse_tml(TML, doc_id="d")
    start = {e.eid: e.start for e in document.events}
    found = [
        tidings_event(start["e1"], start["e1"] + 3),  # met: asserted, right
        tidings_event(start["e2"], start["e2"] + 4, Modality.NEGATED),  # vote: right
        tidings_event(start["e4"], start["e4"] + 6, Modality.NEGATED),  # reopen: modal missed
    ]
    tally = tally_events(document, found)
    assert (tally.events, tally.coded) == (4, 3)
    assert (tally.gold_negated, tally.found_negated, tally.both_negated) == (1, 2, 1)
    assert (tally.gold_modal, tally.found_modal, tally.both_modal) == (1, 0, 0)


def test_score_reports_gives_the_agreed_keys():
    document = parse_tml(TML, doc_id="d")
    article = Article(id="d", text=document.text, published=document.dct)
    score = score_reports([document], [Report(article=article)], errors=5)
    assert score.name == "timeml"
    assert set(score.metrics) == {
        "strict_precision", "strict_recall", "strict_f1",
        "relaxed_precision", "relaxed_recall", "relaxed_f1",
        "value_accuracy", "value_f1", "type_accuracy",
        "events_coded_share", "negation_precision", "negation_recall",
        "modal_precision", "modal_recall",
    }  # fmt: skip
    assert score.counts == {"gold": 2, "predicted": 0, "relaxed_matches": 0}
    assert [row["type"] for row in score.tables["per_type"]] == [
        "DATE",
        "TIME",
        "DURATION",
        "SET",
    ]
    assert [c.kind for c in score.errors] == ["miss", "miss"]


# The real pipeline

PIPELINE_TML = """<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-07" functionInDocument="CREATION_TIME">\
March 7, 2024</TIMEX3></DCT>
<TEXT>Ministers from Chile and Peru <EVENT eid="e1" class="OCCURRENCE">met</EVENT> in Lima on \
<TIMEX3 tid="t1" type="DATE" value="2024-03-05">Tuesday</TIMEX3>. They did not \
<EVENT eid="e2" class="OCCURRENCE">sign</EVENT> the accord, and talks will resume in \
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" polarity="NEG"/>
</TimeML>
"""


def test_score_timeml_runs_the_pipeline_on_a_timeml_document(pipeline):
    document = parse_tml(PIPELINE_TML, doc_id="lima")
    score = score_timeml([document], pipeline, errors=3)
    assert score.counts["gold"] == 2
    assert score.counts["relaxed_matches"] == 2
    assert score.metrics["value_accuracy"] == 1.0
    assert score.tables["per_type"][0] == {
        "type": "DATE",
        "gold": 1,
        "found": 1,
        "recall": 1.0,
        "value_accuracy": 1.0,
    }
