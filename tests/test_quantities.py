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
