"""Targets read from the place of an act: the place of the light verb that performs an event
noun, places after "across" and "throughout", and several coordinated places."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place belongs to the relative clause's light verb, which performs the noun's act
        (
            "The ministry counted the attacks al-Shabab had carried out in Kenya last year.",
            ("ASSAULT", ["SOM"], ["KEN"]),
        ),
        # "across" places an act as "in" does
        ("Russian forces launched raids across Ukraine on Monday.", ("ASSAULT", ["RUS"], ["UKR"])),
        # every coordinated place's country is a target, a name the model mistags included
        (
            "Al-Shabab fighters carried out attacks in Kenya and Ethiopia.",
            ("ASSAULT", ["SOM"], ["ETH", "KEN"]),
        ),
        (
            "Sudanese troops launched raids across Chad and Niger.",
            ("ASSAULT", ["SDN"], ["NER", "TCD"]),
        ),
    ],
)
def test_an_act_on_places_targets_their_countries(run, text, expected):
    found = [(t, sorted(s), sorted(g)) for t, s, g, _ in events_of(run(text))]
    assert expected in found
