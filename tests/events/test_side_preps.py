"""Targets named by the prepositions a type takes (data/events/roles.tsv): where aid is flown
or troops are sent ("into", "to", "in")."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid carried into a country is aid to it
        ("The charity flew ten tons of medicine into Afghanistan.", ("AID", [], ["AFG"])),
        # troops sent into or deployed in a country: PLOVER codes the place as the target
        ("Ethiopia sent soldiers into Somalia last year.", ("MOBILIZE", ["ETH"], ["SOM"])),
        ("Russia deployed more warplanes in Syria.", ("MOBILIZE", ["RUS"], ["SYR"])),
    ],
)
def test_an_act_aimed_at_a_place_targets_its_country(run, text, expected):
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert expected in found
