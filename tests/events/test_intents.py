"""What a statement commits to: a promise to act is AGREE, a refusal REJECT, an announced
conflict act THREATEN, and saying that another actor must act a REQUEST (PLOVER), each besides
the act itself."""

import pytest

from tests.events.test_events import events_of
from tidings.model import Modality


@pytest.mark.parametrize(
    ("text", "promise", "act"),
    [
        (
            "Norway will give Malawi a grant of 20 million dollars, the foreign ministry said.",
            ("AGREE", ["NOR"], ["MWI"], "asserted"),
            "AID",
        ),
        (
            "The Kenyan government is willing to withdraw its troops from Somalia.",
            ("AGREE", ["KEN"], ["SOM"], "asserted"),  # a retreat falls on the place left
            "RETREAT",
        ),
        (
            "Pakistan will not hold talks with India until the shelling stops.",
            ("REJECT", ["PAK"], ["IND"], "asserted"),
            "CONSULT",
        ),
        (
            "The rebels said they would not lay down their weapons.",
            ("REJECT", ["The rebels"], [], "asserted"),
            "RETREAT",
        ),
    ],
)
def test_a_stated_intent_is_a_promise_or_a_refusal_and_the_act_stays(run, text, promise, act):
    report = run(text)
    found = events_of(report)
    assert promise in found
    intent = next(e for e in report.events if e.type == promise[0])
    announced = next(e for e in report.events if e.type == act)
    # the statement is marked on the act it announces, as coders mark it; the act is planned
    # or negated
    assert intent.mode == "intent" and intent.trigger_start == announced.trigger_start
    assert announced.modality != Modality.ASSERTED


def test_a_plain_report_of_an_act_is_no_promise(run):
    found = events_of(run("Norway gave Malawi a grant of 20 million dollars on Monday."))
    assert [e[0] for e in found] == ["AID"]


def test_a_promise_is_dated_when_it_was_made(run):
    from datetime import date

    report = run(
        "Japan will send medical teams to Turkey next month, the government said on Monday.",
        published=date(2025, 3, 5),
    )
    (promise,) = [e for e in report.events if e.mode == "intent"]
    assert promise.date.value == "2025-03-03"


def test_a_pledge_is_a_promise_made(run):
    found = events_of(run("Germany pledged 150 generators to Ukraine on Friday."))
    assert ("AGREE", ["DEU"], ["UKR"], "asserted") in found


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        (
            "Russia must withdraw its troops from Ukraine, Macron said on Monday.",
            ("REQUEST", ["FRA"], ["RUS"], "asserted"),
        ),
        (
            "The EU said Israel should allow aid into Gaza.",
            ("REQUEST", ["EU"], ["ISR"], "asserted"),
        ),
    ],
)
def test_saying_another_actor_must_act_is_a_demand(run, text, demand):
    found = events_of(run(text))
    assert demand in found
    assert all(e[3] != "asserted" for e in found if e[0] != "REQUEST")  # the act is not done


def test_an_actors_own_obligation_is_no_demand(run):
    found = events_of(run("We must defend every inch of our land, the Pakistani president said."))
    assert all(e[0] != "REQUEST" for e in found)


@pytest.mark.parametrize(
    ("text", "accusation"),
    [
        (
            "Afghan officials said the Haqqani network was responsible for the bombing.",
            ("ACCUSE", ["AFG"], ["AFG"], "asserted"),
        ),
        (
            "Israel held Hamas responsible for the rocket fire.",
            ("ACCUSE", ["ISR"], ["PSE"], "asserted"),
        ),
    ],
)
def test_declaring_another_actor_responsible_is_an_accusation(run, text, accusation):
    assert accusation in events_of(run(text))


def test_declaring_oneself_responsible_is_no_accusation(run):
    found = events_of(run("The minister said he was responsible for the delay."))
    assert all(e[0] != "ACCUSE" for e in found)


def test_an_actor_announcing_its_own_conflict_act_threatens(run):
    found = events_of(run("Ghana said it would expel Togo's ambassador if the raids continued."))
    assert ("THREATEN", ["GHA"], ["TGO"], "asserted") in found
    assert ("SANCTION", ["GHA"], ["TGO"], "conditional") in found


def test_a_conflict_act_weighed_or_warned_of_is_no_new_threat(run):
    weighed = events_of(run("The EU would consider sanctions against Serbian officials."))
    warned = events_of(run("Iran warned that it would suspend the deal if sanctions returned."))
    assert not [e for e in weighed if e[0] == "THREATEN"]
    assert len([e for e in warned if e[0] == "THREATEN"]) == 1
