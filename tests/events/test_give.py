""" "Give" is aid only when what is given is material: aid, money, arms, relief, protection."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    "text",
    [
        "Norway gave 5,000 tents and blankets to the flood victims.",
        "Germany has given Lithuania 40 anti-tank missiles.",
        "The European Union gave Chad 30 million euros for its schools.",
        "Sweden gave $12 million to the refugee agency.",
        "The army gave medical equipment to the clinics of the province.",
        "Peacekeepers gave protection to the convoy.",
    ],
)
def test_material_given_is_aid(run, text):
    assert "AID" in [t for t, _, _, _ in events_of(run(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The survivor gave a harrowing account of the night.",
        "Firm assurance has been given to the workers' families.",
        "The court ruling gave a boost to the opposition.",
        "The governor gave no relaxation of the curfew rules.",
        "The treaty gives the provinces a voice in the budget.",
    ],
)
def test_abstract_things_given_are_no_aid(run, text):
    assert "AID" not in [t for t, _, _, _ in events_of(run(text))]


def test_information_handed_over_is_cooperation(run):
    found = events_of(run("The Swiss bank gave account information to the Indian tax office."))
    assert [t for t, _, _, _ in found] == ["COOPERATE"]


def test_time_given_until_a_day_is_an_ultimatum(run):
    found = events_of(run("The bloc gave the generals until Friday to hand back power."))
    assert found[0][0] == "THREATEN"


def test_a_time_until_which_something_lasts_selects_no_ultimatum(run):
    found = events_of(run("The donors gave food to the camps until June."))
    assert [t for t, _, _, _ in found] == ["AID"]
