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


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The inspectors offered an independent assessment of the damage.", "offered"),
        ("Agronomists offered advice to growers hit by the frost.", "offered"),
        ("The castle offers guided tours in three languages.", "tours"),
        ("The pupils went on a school trip to the coast.", "trip"),
    ],
)
def test_leisure_and_opinion_senses_are_no_event(run, text, word):
    assert typed(run(text), word) == []


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Qatar offered to mediate between the two governments.", "offered", "AGREE"),
        ("The president began a three-nation tour of Africa.", "tour", "CONSULT"),
        ("Blinken's trip to Beijing was postponed.", "trip", "CONSULT"),
    ],
)
def test_offers_and_visits_of_actors_stay(run, text, word, kind):
    assert kind in typed(run(text), word)
