"""Disasters, hazards and animals do no act a coder codes; actors beside them still do."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A heat wave killed dozens of elderly people in the south last week.", "killed"),
        ("Rising temperatures threaten harvests across the plains.", "threaten"),
        ("Climate change threatens the survival of coral reefs.", "threatens"),
        ("Snow blocked mountain roads in the north on Monday.", "blocked"),
        ("Landslides blocked the main highway to the port.", "blocked"),
        ("A bear attacked two hikers near the lake.", "attacked"),
        ("Wild elephants killed a farmer and destroyed his maize.", "killed"),
        ("Heavy rain caused flooding that killed four villagers.", "killed"),
    ],
)
def test_natural_doer_makes_no_event(run, text, word):
    assert typed(run(text), word) == []


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The rebels attacked the town and killed 12 soldiers.", "attacked", "ASSAULT"),
        ("Police blocked roads leading to the parliament.", "blocked", "COERCE"),
        ("ICE returned five stolen paintings to the government of Peru.", "returned", "RETREAT"),
    ],
)
def test_actor_doer_keeps_its_event(run, text, word, kind):
    assert kind in typed(run(text), word)
