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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the refusal is aimed at whom its until- or unless-clause asks to act
        (
            "Hamas said it would not release the hostages unless Israel frees its prisoners.",
            ("REJECT", ["PSE"], ["ISR"]),
        ),
        (
            "Washington has said it will not lift the embargo until Havana holds elections.",
            ("REJECT", ["USA"], ["CUB"]),
        ),
        # the refusing side itself in the condition is no addressee: the next subject is
        (
            "Iran said it will not resume talks until it is sure Britain has changed course.",
            ("REJECT", ["IRN"], ["GBR"]),
        ),
    ],
)
def test_a_refusal_with_a_condition_targets_who_must_act(run, text, expected):
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert expected in found


def test_sanctions_in_a_story_of_one_country_have_no_home_doer(run):
    text = (
        "Somali President Hassan Sheikh Mohamud dismissed the prime minister on Monday. "
        "Somali police arrested three opposition leaders in Mogadishu. "
        "Somali troops attacked protesters in Baidoa, and the army detained two journalists. "
        "The Somali parliament accused the president of violating the constitution. "
        "Analysts say sanctions may be imminent."
    )
    sanctions = [(s, g) for t, s, g, _ in events_of(run(text)) if t == "SANCTION"]
    # a country's own state does not sanction it: the imposer stays unnamed
    assert sanctions and all("SOM" not in s for s, _ in sanctions)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # the place where a promised act that is no event happens gains by the promise
        ("Japan agreed to build a new port in Sri Lanka.", ("AGREE", ["JPN"], ["LKA"]), None),
        # an act that is an event keeps its own sides: the venue of talks is no target
        (
            "Russia agreed to hold talks with Ukraine in Istanbul.",
            ("AGREE", ["RUS"], ["UKR"]),
            ("AGREE", ["RUS"], ["TUR"]),
        ),
    ],
)
def test_a_promise_targets_the_place_of_what_it_promises(run, text, expected, absent):
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force eased on one's own soil falls on one's own country, as force used there does
        ("Libyan forces declared a ceasefire in Tripoli on Friday.", ("RETREAT", ["LBY"], ["LBY"])),
        (
            "The Egyptian government eased the curfew in Alexandria on Monday.",
            ("CONCEDE", ["EGY"], ["EGY"]),
        ),
    ],
)
def test_force_eased_at_home_targets_the_home_country(run, text, expected):
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert expected in found


def test_an_object_with_a_participle_is_the_target(run):
    # the parse makes "refugees" the subject of "fleeing"; they are what is not accepted
    text = "Thailand will not accept any Rohingya refugees fleeing violence in Myanmar."
    report = run(text)
    refugees = next(a.id for a in report.actors if a.name == "Rohingya refugees")
    refusals = [e for e in report.events if e.type == "REJECT"]
    assert refusals and all(e.target == [refugees] for e in refusals)


def test_a_place_left_is_the_target_not_what_moves(run):
    found = [(t, s, g) for t, s, g, _ in events_of(run("Russian troops left Syria last year."))]
    assert ("RETREAT", ["RUS"], ["SYR"]) in found


@pytest.mark.parametrize(
    "text",
    [
        # "into" holds a clause: its subject is who is investigated
        "Kenyan police opened an investigation into whether the Somali envoy took bribes.",
        # "into" holds a content noun with its that-clause, the phrase on the noun or the verb
        "Kenyan police launched an inquiry into claims that the Somali envoy took bribes.",
    ],
)
def test_an_inquiry_into_a_claim_targets_who_the_claim_is_about(run, text):
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert ("ACCUSE", ["KEN"], ["SOM"]) in found


def test_an_act_on_an_agreement_targets_the_agreement_partner(run):
    text = "The United States reneged on the nuclear accord with Iran."
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert ("REJECT", ["USA"], ["IRN"]) in found
