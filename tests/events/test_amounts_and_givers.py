"""Amounts that stand for what they are of, verbs of receiving, and closures, bans and
compulsion: vocabulary and constructions of aid and coercion news."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount is an amount of something: the thing selects the verb's sense
        ("Japan gave $40 million in aid to Kenya.", ("AID", ["JPN"], ["KEN"])),
        (
            "The United States froze $3 billion in Venezuelan assets.",
            ("SANCTION", ["USA"], ["VEN"]),
        ),
        # whoever receives is the target, whoever it came from the source
        ("Ecuador received $40 million from the World Bank.", ("AID", ["WB"], ["ECU"])),
        ("Ukraine received Patriot missiles from Germany.", ("AID", ["DEU"], ["UKR"])),
        ("Pakistan has secured a $3 billion loan from the IMF.", ("AID", ["IMF"], ["PAK"])),
        # an award of money is given as a grant is
        ("Norway awarded Malawi $12 million for its schools.", ("AID", ["NOR"], ["MWI"])),
    ],
)
def test_aid_given_and_received(run, text, expected):
    found = [(t, s, g) for t, s, g, _ in events_of(run(text))]
    assert found[0] == expected or expected in found, found


def test_a_country_taking_in_refugees_still_gives_the_refuge(run):
    found = events_of(run("Jordan accepted 2,000 Syrian refugees in March."))
    assert [(t, s) for t, s, _, _ in found] == [("AID", ["JOR"])]


def test_giving_in_is_not_giving_an_amount(run):
    found = events_of(run("The rebels gave in to the demands of the army."))
    assert found[0][0] == "CONCEDE"


@pytest.mark.parametrize(
    "text",
    [
        "The junta prohibited the envoy from entering the country.",
        "Authorities shut down two mosques in the northern city.",
        "The closure of the refugee camps was ordered by the interior ministry.",
        "The government forced the refugees to leave the camps.",
    ],
)
def test_bans_closures_and_compulsion_are_coercion(run, text):
    assert "COERCE" in [e.type for e in run(text).events]


def test_a_company_closing_its_offices_coerces_no_one(run):
    assert not run("The company closed its offices in Lyon.").events


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The judge called the ruling arbitrary.", []),
        ("The minister called Canada one of the worst offenders in the world.", ["CAN"]),
    ],
)
def test_calling_something_by_a_judgement_is_an_accusation(run, text, target):
    found = [(t, g) for t, _, g, _ in events_of(run(text))]
    assert ("ACCUSE", target) in found


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a summons to appear is a demand on whoever is summoned
        ("The police ordered the senator to appear for questioning on Friday.", "REQUEST"),
        ("The court ordered the former minister to testify next week.", "REQUEST"),
        # a name given as a predicate the parser splits into a predicate and its apposition
        (
            "Trump on Tuesday called Canada's prime minister a very dishonest and weak man.",
            "ACCUSE",
        ),
    ],
)
def test_summonses_and_names_given_in_two_parts(run, text, event_type):
    assert event_type in [e.type for e in run(text).events]


def test_requests_for_comment_are_no_requests_and_tourists_visits_no_events(run):
    # the journalist's request is no event; leaving it unanswered is a refusal
    unanswered = run("Neither the ministry nor the embassy has responded to requests for comment.")
    assert [e.type for e in unanswered.events] == ["REJECT"]
    assert not run("More than two million Chinese tourists visited Vietnam last year.").events


def test_a_request_for_aid_stays_a_request(run):
    found = run("Pakistan sent a request for assistance to the IMF on Monday.").events
    assert "REQUEST" in [e.type for e in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients would pay less for dental work in Hanoi.", []),
        ("I paid for the extra to have a suite.", []),
        ("Japan paid $40 million in aid to Kenya.", ["AID"]),
    ],
)
def test_paying_is_aid_only_when_money_or_aid_is_paid(run, text, expected):
    assert [e.type for e in run(text).events] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The officials, speaking on condition of anonymity to discuss the raid, gave no names.",
        "Officials said 23 high-threat detainees were held at the base.",
    ],
)
def test_an_anonymity_aside_and_a_hyphenated_modifier_are_no_events(run, text):
    assert not [e for e in run(text).events if e.type in ("CONSULT", "THREATEN")]
