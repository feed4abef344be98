"""Police acts in local crime and riot news: who acts, and which acts are events."""

import pytest


def police_acts(report):
    """(type, mode, source sectors) of each event."""
    return [
        (e.type, e.mode, sorted({report.actor(a).sector for a in e.source})) for e in report.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit of a force belongs to the force, not to business
        (
            "Three companies of the state reserve police were deployed near the market.",
            ("MOBILIZE", "troops", ["COP"]),
        ),
        # coordinated modifiers share their head: police forces and security forces
        (
            "Officials said the police and security forces were deployed on the highway.",
            ("MOBILIZE", "troops", ["COP"]),
        ),
        ("The crime branch arrested two brothers in the port town.", ("COERCE", "arrest", ["COP"])),
        (
            "Constables of the railway police kept a close vigil at the bus depot.",
            ("MOBILIZE", "police", ["COP"]),
        ),
        ("Armed policemen were posted outside the court.", ("MOBILIZE", "police", ["COP"])),
        ("A police team swooped on the warehouse at dawn.", ("ASSAULT", None, ["COP"])),
        # booking under a penal code is a formal charge, by whoever did it
        (
            "The three youths were booked under the arms act on Friday.",
            ("COERCE", "arrest", []),
        ),
    ],
)
def test_police_acts_and_their_doers(run, text, expected):
    assert police_acts(run(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a raising of police power with no doer is the article's police
        (
            "Police arrested four men after the clash in the bazaar. "
            "Security was tightened in the old quarter on Sunday.",
            "tightened",
        ),
        # forces moved with no doer are the force named just before
        (
            "Constables of the city police chased the looters. "
            "Patrolling was intensified in the lanes on Sunday.",
            "Patrolling",
        ),
    ],
)
def test_a_mobilisation_with_no_doer_takes_the_force_of_its_context(run, text, trigger):
    report = run(text)
    moved = next(e for e in report.events if e.trigger == trigger)
    assert [report.actor(a).sector for a in moved.source] == ["COP"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guarding a place shows police or military power (CAMEO 150)
        ("Armed constables were guarding the polling booths.", ("MOBILIZE", "police", ["COP"])),
        # escorting people and police protection are protection provided (CAMEO 074)
        ("Policemen escorted the bus to the border on Monday.", ("AID", None, ["COP"])),
        ("The witnesses travelled to court under police protection.", ("AID", None, ["COP"])),
        # "step up vigil" raises police alertness as "step up security" does
        (
            "The railway police have stepped up vigil at the terminus.",
            ("MOBILIZE", "police", ["COP"]),
        ),
    ],
)
def test_guarding_escorting_and_vigil_are_police_acts(run, text, expected):
    assert police_acts(run(text))[0] == expected


def test_guarding_against_a_risk_is_no_event(run):
    assert run("The minister said voters must guard against complacency.").events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recovering stolen goods or ammunition is a seizure (CAMEO 1711)
        (
            "The stolen jewellery was recovered by the police on Sunday.",
            ("COERCE", "seize", ["COP"]),
        ),
        ("The police recovered three cartridges from the car.", ("COERCE", "seize", ["COP"])),
        # jamming text messages is censorship like blocking the internet (CAMEO 1721)
        ("The police jammed the sms service across the state.", ("COERCE", "censor", ["COP"])),
    ],
)
def test_recoveries_and_jamming_are_police_coercion(run, text, expected):
    assert police_acts(run(text))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "No protester has been arrested so far, the inspector said.",
        "None of the looters was arrested on Tuesday.",
        "Not a single rioter has been detained in the district.",
    ],
)
def test_a_negative_subject_denies_the_act(run, text):
    assert [str(e.modality) for e in run(text).events] == ["negated"]


def test_a_cardiac_arrest_is_no_arrest(run):
    assert run("The former minister died of a cardiac arrest on Monday.").events == []


def test_an_act_said_to_be_likely_is_not_yet_done(run):
    report = run("The union leaders are likely to be arrested before the strike.")
    arrest = next(e for e in report.events if e.trigger == "arrested")
    assert str(arrest.modality) == "hypothetical"


def test_an_act_only_allowed_is_not_yet_done(run):
    report = run("The new law allows the police to detain suspects for a month.")
    detention = next(e for e in report.events if e.trigger == "detain")
    assert str(detention.modality) == "hypothetical"
