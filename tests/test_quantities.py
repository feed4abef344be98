"""Quantities carry units and normalised values; bracketed conversions are merged."""

import pytest

from tidings.quantities import find_quantities


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The missiles have a 1,000-mile (1,600-kilometer) range.",
            [("1,000-mile (1,600-kilometer)", 1000, "mi", "length", 1609.344, "km")],
        ),
        (
            "The drone flew 300 miles (480 km) before it was shot down.",
            [("300 miles (480 km)", 300, "mi", "length", 482.803, "km")],
        ),
        (
            "Brussels approved €800 million and Washington sent $2.5 billion.",
            [
                ("€800 million", 8e8, "EUR", "money", 8e8, "EUR"),
                ("$2.5 billion", 2.5e9, "USD", "money", 2.5e9, "USD"),
            ],
        ),
        (
            "At least 14 people were killed in the attack.",
            [("At least 14 people", 14, "people", "casualties", 14, "people")],
        ),
        (
            "Moscow massed 5,000 troops near the border.",
            [("5,000 troops", 5000, "troops", "troops", 5000, "people")],
        ),
        ("Turnout fell 40 percent.", [("40 percent", 40, "%", "percent", 40, "%")]),
    ],
)
def test_quantities_are_normalised(nlp, sentence, expected):
    found = [
        (q.text, q.value, q.unit, q.kind, q.normalized_value, q.normalized_unit)
        for q in find_quantities(nlp(sentence))
    ]
    assert found == expected


def test_numbers_without_units_are_not_quantities(nlp):
    assert find_quantities(nlp("The two leaders met three times in 2024.")) == []


def test_vague_counts_take_their_lower_bound(nlp):
    (quantity,) = find_quantities(nlp("Dozens of civilians were wounded."))
    assert (quantity.value, quantity.kind) == (24, "casualties")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Officials said 2,400 Belgian troops would stay.",
            ("2,400 Belgian troops", 2400, "people"),
        ),
        ("The flood displaced 40,000 Somalis.", ("40,000 Somalis", 40000, "people")),
        (
            "Rebels fired two dozen rockets at the base.",
            ("two dozen rockets", 24, "rockets"),
        ),
        (
            "The park covers 3,000 square kilometres of forest.",
            ("3,000 square kilometres", 3000, "km2"),
        ),
        (
            "The convoy of 80 armoured vehicles crossed the river.",
            ("80 armoured vehicles", 80, "vehicles"),
        ),
    ],
)
def test_units_are_found_past_modifiers(nlp, sentence, expected):
    found = [
        (q.text, q.normalized_value, q.normalized_unit) for q in find_quantities(nlp(sentence))
    ]
    assert found == [expected]


def test_a_partitive_count_is_not_a_quantity(nlp):
    assert find_quantities(nlp("One of the drones hit a school.")) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("The strikes displaced between 5,000 and 8,000 people.", 5000, 8000, "people"),
        ("Kigali has deployed 3,000 to 4,000 troops in the east.", 3000, 4000, "people"),
    ],
)
def test_ranges_keep_both_bounds(nlp, sentence, low, high, unit):
    (quantity,) = find_quantities(nlp(sentence))
    assert (quantity.normalized_value, quantity.normalized_max) == (low, high)
    assert quantity.normalized_unit == unit
    assert quantity.to_dict()["normalized"]["max"] == high


def test_a_bare_count_shares_the_unit_and_outcome_of_its_neighbour(nlp):
    found = find_quantities(nlp("The shelling killed 17 civilians and wounded 45 in Kharkiv."))
    assert [(q.text, q.normalized_value, q.normalized_unit, q.outcome) for q in found] == [
        ("17 civilians", 17, "people", "killed"),
        ("45", 45, "people", "injured"),
    ]
    assert all(q.kind == "casualties" for q in found)


def test_counts_outside_violence_have_no_outcome(nlp):
    (quantity,) = find_quantities(nlp("Police detained 120 protesters in the capital."))
    assert quantity.outcome is None and quantity.kind == "count"
