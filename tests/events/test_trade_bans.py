"""Bans on imports and exports are sanctions, imposed by the state that bans; one counted among
those that did something did it."""

import pytest

from tests.events.test_events import events_of


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Norway and Chile have banned the importation of shark fins.", ["CHL", "NOR"]),
        ("Peru banned the exportation of raw timber in March.", ["PER"]),
        (
            "Mexico and Chile are among the states that have banned importation of ivory.",
            ["CHL", "MEX"],
        ),
    ],
)
def test_trade_bans_are_sanctions_by_the_banning_state(run, text, source):
    found = [(t, sorted(s)) for t, s, _, _ in events_of(run(text))]
    assert ("SANCTION", source) in found, found


def test_other_bans_stay_coercion(run):
    found = events_of(run("Police banned the opposition rally in the capital."))
    assert found[0][0] == "COERCE"


def test_one_of_those_who_acted_is_the_doer(run):
    found = events_of(run("Ghana is one of the countries that have sent troops to Mali."))
    assert [(t, s) for t, s, _, _ in found] == [("MOBILIZE", ["GHA"])]


def test_a_relative_clause_without_a_copula_keeps_its_noun_as_doer(run):
    found = events_of(run("The militants who attacked the convoy fled into the hills."))
    assert found[0][0] == "ASSAULT" and found[0][1], found
