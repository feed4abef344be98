"""Targets found inside an event's object phrases once the source's own words are set aside."""

import pytest

from tests.events.test_coordinated_sides import sides_of


def test_a_phrase_owned_by_the_source_does_not_stop_the_search_for_a_target(run):
    # "the group's last holdout": the group is the source; the place beyond it is the target
    text = (
        "Around 2,000 Islamic State members have surrendered from the group's last holdout "
        "in Iraq, Kurdish-led forces said Monday."
    )
    assert ("RETREAT", ["ISIS"], ["IRQ"]) in sides_of(run(text))


def test_a_mobilisation_aims_where_the_act_it_readies_for_aims(run):
    found = sides_of(run("Russia mobilised reservists for a new offensive against Ukraine."))
    assert ("MOBILIZE", ["RUS"], ["UKR"]) in found


def test_a_mobilisation_for_no_act_has_no_target(run):
    found = sides_of(run("Kenya deployed police officers for the elections."))
    assert [(t, tg) for t, _, tg in found] == [("MOBILIZE", [])]


@pytest.mark.parametrize(
    "text",
    [
        # the parse hangs the recipient on the object's relative clause
        "Germany returned three bronze artefacts that were looted in 1897 to Nigeria.",
        # or on a participle set off by commas
        "Germany returned a stolen artifact, missing since 1995, to Nigeria.",
    ],
)
def test_a_stranded_recipient_is_the_target_of_a_return(run, text):
    assert ("RETREAT", ["DEU"], ["NGA"]) in sides_of(run(text))


def test_a_clause_with_an_act_of_its_own_keeps_its_recipient(run):
    text = "Kenya donated 50 ventilators to help Somalia with its response to the outbreak."
    assert ("AID", ["KEN"], ["SOM"]) in sides_of(run(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Qatar launched a mediation effort to end the dispute between Israel and Hamas.",
            ("CONSULT", ["QAT"], ["ISR", "PSE"]),
        ),
        (
            "Egypt began mediation efforts to try to prevent a war between Sudan and Ethiopia.",
            ("CONSULT", ["EGY"], ["ETH", "SDN"]),
        ),
    ],
)
def test_a_mediation_deals_with_the_sides_its_purpose_names(run, text, expected):
    found = [(t, s, sorted(tg)) for t, s, tg in sides_of(run(text))]
    assert expected in found


def test_the_owner_of_a_light_verbs_event_noun_is_its_source_not_its_target(run):
    found = sides_of(run("The envoy expressed Japan's support for Ukraine."))
    assert ("SUPPORT", ["JPN"], ["UKR"]) in found


def test_an_act_of_speech_a_call_was_made_for_is_addressed_to_the_one_called(run):
    text = (
        "Kenyan President William Ruto phoned Ugandan President Yoweri Museveni on Friday "
        "to congratulate him on his victory."
    )
    assert ("SUPPORT", ["KEN"], ["UGA"]) in sides_of(run(text))
