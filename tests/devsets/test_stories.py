"""Blind story gold kept as offsets: loading, matching and the figures on the real pipeline."""

import json
from dataclasses import replace
from datetime import date

import pytest

from tidings.devsets.run import run_dev_sets
from tidings.devsets.stories import (
    StoryGold,
    date_right,
    load_story_gold,
    match_events,
    score_stories,
    speaker_right,
)
from tidings.model import Actor, Event, EventDate, Evidence, Mention

STORY = (
    "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday. "
    '"We will work together," Boric said.'
)


def span(part: str, n: int = 1) -> list[int]:
    start = -1
    for _ in range(n):
        start = STORY.index(part, start + 1)
    return [start, start + len(part)]


def gold() -> StoryGold:
    return StoryGold(
        story="s1",
        text=STORY,
        published=date(2025, 3, 4),
        events=[
            {
                "trigger": span("met"),
                "type": "CONSULT",
                "source": ["CHL"],
                "target": ["ARG"],
                "modality": "asserted",
            }
        ],
        quotes=[
            {
                "span": span("We will work together"),
                "speaker": span("Gabriel Boric"),
                "kind": "direct",
            }
        ],
        actors=[
            {"span": span("Gabriel Boric"), "country": "CHL", "sector": "GOV"},
            {"span": span("Javier Milei"), "country": "ARG", "sector": "GOV"},
        ],
    )


def test_load_story_gold_joins_offsets_with_the_story_text(tmp_path):
    (tmp_path / "stories.jsonl").write_text(
        json.dumps({"id": "s1", "text": STORY})
        + "\n"
        + json.dumps({"id": "s2", "text": "x"})
        + "\n"
    )
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "s1.story.json").write_text(
        json.dumps({"story": "s1", "published": "2025-03-04", "events": []})
    )
    (folder / "s9.story.json").write_text(json.dumps({"story": "s9", "events": []}))
    [loaded] = load_story_gold(folder, tmp_path / "stories.jsonl")
    assert loaded.text == STORY and loaded.published == date(2025, 3, 4) and loaded.quotes == []


def test_match_events_prefers_trigger_overlap_then_sentence_and_type():
    evidence = Evidence(sentence="", start=0, end=91)
    talks = Event(
        id="a", type="CONSULT", trigger="talks", trigger_start=60, trigger_end=65, evidence=evidence
    )
    met = Event(
        id="b", type="ACCUSE", trigger="met", trigger_start=32, trigger_end=35, evidence=evidence
    )
    items = [{"trigger": span("met"), "type": "CONSULT"}]
    assert match_events(items, [talks, met]) == {0: met}
    assert match_events(items, [talks]) == {0: talks}


def test_speaker_right_by_mention_or_surname():
    boric = Actor(
        id="a1", name="Gabriel Boric", mentions=[Mention(text="Boric", start=123, end=128)]
    )
    assert speaker_right(boric, tuple(span("Gabriel Boric")), STORY)
    assert not speaker_right(
        Actor(id="a2", name="Javier Milei"), tuple(span("Gabriel Boric")), STORY
    )
    assert not speaker_right(None, tuple(span("Gabriel Boric")), STORY)


def test_score_stories_on_the_real_pipeline(pipeline):
    score = score_stories([gold()], pipeline, errors=2)
    assert score.metrics["event_recall_by_type"] == 1.0
    assert score.metrics["type_source_target"] == 1.0
    assert score.metrics["quote_recall"] == 1.0
    assert score.metrics["quote_speaker_accuracy"] == 1.0
    assert score.metrics["actor_recall"] == 1.0 and score.metrics["actor_code_accuracy"] == 1.0


def test_event_dates_are_scored_where_the_gold_gives_them(pipeline):
    story = gold()
    undated = score_stories([story], pipeline)
    assert "event_date_accuracy" not in undated.metrics
    assert undated.counts["dated_gold_events"] == 0
    # "met ... on Monday" in a story published on Tuesday 2025-03-04: not the publication day
    assert undated.metrics["events_dated_publication_day"] == 0.0
    dated = replace(story, events=[{**story.events[0], "date": "2025-03-03"}])
    assert score_stories([dated], pipeline).metrics["event_date_accuracy"] == 1.0


def test_gold_dates_compare_values_and_an_unknown_date_wants_none():
    event = Event(
        id="e1", type="CONSULT", trigger="met", trigger_start=0, trigger_end=3,
        evidence=Evidence("met", 0, 3),
    )  # fmt: skip
    before = {"value": "../2025-03-04", "granularity": "before"}
    unknown = {"value": None, "granularity": "unknown"}
    assert date_right(unknown, event)
    assert not date_right(before, event)
    event.date = EventDate("../2025-03-04", "before")
    assert date_right(before, event) and date_right("../2025-03-04", event)
    assert not date_right({"value": "2025-03-04", "granularity": "day"}, event)
    assert not date_right(unknown, event)


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("voa-unseen", "voa-blind2"),
        ("voa-heldout", "voa-blind3"),
        ("voa-heldout2", "voa-blind4"),
        ("voa-heldout3", "voa-blind5"),
        ("voa-heldout4", "voa-blind6"),
        ("voa-heldout5", "voa-blind7"),
        ("voa-heldout6", "voa-blind8"),
    ],
)
def test_the_unseen_stories_are_a_set_of_their_own(tmp_path, pipeline, name, folder):
    (tmp_path / "voa-stories.jsonl").write_text(json.dumps({"id": "s1", "text": STORY}) + "\n")
    for gold in ("voa", folder):
        (tmp_path / "gold" / gold).mkdir(parents=True)
    (tmp_path / "gold" / folder / "s1.story.json").write_text(
        json.dumps({"story": "s1", "published": "2025-03-04", "events": []})
    )
    scores, absent = run_dev_sets(tmp_path, pipeline, gold_dir=tmp_path / "gold", only=(name,))
    assert absent == [] and [(s.name, s.counts["stories"]) for s in scores] == [(name, 1)]


def test_wholly_right_counts_tidings_events_not_gold_ones(pipeline):
    story = gold()
    story.events.append({"trigger": span("Santiago"), "type": "PROTEST", "source": ["CHL"]})
    score = score_stories([story], pipeline)
    assert score.counts["predicted_events"] == 1
    assert score.metrics["type_source_target"] == 0.5  # one of two gold events
    assert score.metrics["events_wholly_right"] == 1.0  # the one event tidings gave
