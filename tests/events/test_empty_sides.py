"""Sides the syntax holds away from the trigger: a quote's "we" reached through control, an
appeal to a country's people, givers named on what is received, doers of nouns."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will keep working with the Kenyan government to defeat the militants," '
            "said Ethiopian Foreign Minister Abebe Tadesse.",
            ("COOPERATE", ["ETH"], ["KEN"], "planned"),
        ),
        (
            '"I will continue to engage with the leaders of Sudan," said UN envoy Maria Lopez.',
            ("CONSULT", ["UN"], ["SDN"], "planned"),
        ),
    ],
)
def test_a_quote_s_we_controlling_the_trigger_is_its_speaker(run, text, expected):
    assert expected in events_of(run(text))


def test_an_appeal_to_the_people_falls_on_the_appealing_state_s_country(run):
    found = events_of(run("Nigerian police urged residents to stay indoors on Sunday."))
    assert ("REQUEST", ["NGA"], ["NGA"], "asserted") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is received names its giver by its own modifier
        ("Ghana accepted Chinese funding for a new port.", ("AID", ["CHN"], ["GHA"], "asserted")),
        ("Ghana received Japan's aid last year.", ("AID", ["JPN"], ["GHA"], "asserted")),
        (
            "Ghana accepted $2 billion in Chinese funding to rebuild a port.",
            ("AID", ["CHN"], ["GHA"], "asserted"),
        ),
        # an active verb has no doer phrase of its own: "by" belongs to its event-noun object
    ],
)
def test_doers_named_on_a_noun_s_modifier_or_its_verb(run, text, expected):
    assert expected in events_of(run(text))


def test_a_by_phrase_on_an_active_verb_names_its_event_noun_s_doer(run):
    found = events_of(run("The Kenyan government said it faced coercion by Ethiopia."))
    assert [(t, s) for t, s, _, _ in found if t == "COERCE"] == [("COERCE", ["ETH"])]


def test_an_adjective_s_subject_does_the_act_its_preposition_takes(run):
    found = events_of(run("Nigeria is interested in talking to Cameroon about the border."))
    assert ("CONSULT", ["NGA"], ["CMR"], "asserted") in found


def test_an_agent_hung_on_a_passive_s_as_predicate_is_its_doer(run):
    text = "Al-Shabab is designated as a terrorist organization by the United States."
    found = events_of(run(text))
    assert [(t, s) for t, s, _, _ in found if t == "SANCTION"] == [("SANCTION", ["USA"])]
