"""Words of events that describe a thing or name an idiom: no act is told."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The Qatar-funded hospital opened its doors to patients on Monday.",
        "Turkish-backed fighters patrolled the border town.",
    ],
)
def test_a_hyphenated_participle_describes_and_tells_no_act(run, text):
    assert not [e for e in run(text).events if e.trigger.endswith(("funded", "backed"))]


def test_a_participle_without_hyphen_still_tells_the_act(run):
    report = run("The hospital, funded by Qatar, opened on Monday.")
    assert [e.type for e in report.events if e.trigger == "funded"] == ["AID"]


def test_what_takes_place_in_a_court_is_no_lawsuit(run):
    assert not run("The hearing takes place in a county court next week.").events


def test_a_town_taken_is_still_taken(run):
    assert [e.type for e in run("The rebels took the town in March.").events] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The three camps near the border shelter about 250,000 refugees.",
        "The boarding school now houses 300 displaced families.",
    ],
)
def test_a_facility_housing_refugees_gives_no_refuge(run, text):
    assert "AID" not in [e.type for e in run(text).events]


def test_a_country_sheltering_refugees_gives_refuge(run):
    assert [e.type for e in run("Uganda shelters 1.5 million refugees.").events] == ["AID"]
