"""Senses of event words in soft news (travel, health, politics of words) that are no event."""

import pytest


def typed(report, word: str) -> list[str]:
    """The types of the events whose trigger is `word`."""
    return [e.type for e in report.events if e.trigger == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Opposition newspapers seized on the governor's remarks.", "seized"),
        ("Health workers are fighting the spread of the virus in the camps.", "fighting"),
        ("The ministry warned tourists to avoid the mountain passes.", "warned"),
        ("The airport authority warned passengers to expect long delays.", "warned"),
    ],
)
def test_soft_sense_is_no_event(run, text, word):
    assert typed(run(text), word) == []


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Border guards seized three trucks of weapons.", "seized", "COERCE"),
        ("The United States warned Iran to stop enriching uranium.", "warned", "THREATEN"),
        ("The army is fighting the rebels in the north.", "fighting", "ASSAULT"),
    ],
)
def test_political_sense_stays(run, text, word, kind):
    assert kind in typed(run(text), word)
