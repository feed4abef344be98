"""Sides named as a list inside one noun phrase: each listed country is a side of its own, and
a joint act's first named side is its source (PLOVER's convention)."""

import pytest


def sides_of(report):
    """(type, source codes, target codes) of each event, in the order the sides are listed."""
    codes = {a.id: a.country or a.affiliation or a.name for a in report.actors}
    return [
        (e.type, [codes[i] for i in e.source], [codes[i] for i in e.target]) for e in report.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated possessors: Kenya's and Uganda's ministers
        (
            "Kenya and Uganda's defence ministers met in Nairobi on Tuesday.",
            ("CONSULT", ["KEN"], ["UGA"]),
        ),
        # the parser leaves the last modifier of the list unlinked to the first
        (
            "UK and EU officials agreed a new fisheries deal.",
            ("SUPPORT", ["GBR"], ["EU"]),
        ),
        # a plural noun of a listed "of" phrase: one for each owner
        (
            "The navies of India and France held joint exercises in the Indian Ocean.",
            ("COOPERATE", ["IND"], ["FRA"]),
        ),
        (
            "The foreign ministers of Egypt and Jordan met in Cairo on Sunday.",
            ("CONSULT", ["EGY"], ["JOR"]),
        ),
    ],
)
def test_listed_owners_are_the_sides_of_a_joint_act(run, text, expected):
    found = sides_of(run(text))
    assert [(t, s[:1], tg[:1]) for t, s, tg in found] == [expected]


def test_one_owner_named_twice_is_not_a_list(run):
    # "the mission, or AMISOM" names one force: its forces are not two sides
    text = "Forces of the African Union mission, or AMISOM, were deployed to Kismayo."
    found = sides_of(run(text))
    assert all(len(source) <= 1 for _, source, _ in found)
