"""The gazetteer: city names, their other spellings, and the seas that are no one's soil."""

import pytest

import tidings.pipeline  # noqa: F401  (tidings.places is imported through the pipeline)
from tidings.places import resolve_place, sea_names, spellings


@pytest.mark.parametrize(
    ("name", "country"),
    [("Basra", "IRQ"), ("Basrah", "IRQ"), ("Misrata", "LBY"), ("Kandahar", "AFG")],
)
def test_a_large_city_is_found_under_its_usual_english_spelling(name, country):
    place = resolve_place(name)
    assert place is not None and place.country == country


def test_only_close_latin_spellings_of_a_large_city_count():
    city = {
        "name": "Basrah",
        "population": 1_300_000,
        "alternatenames": ["Basra", "BSR", "Bassora", "Vasora", "Al Basrah", "basra"],
    }
    assert spellings(city) == ["Basra"]
    assert spellings({**city, "population": 20_000}) == []


def test_a_variant_spelling_never_displaces_a_city_of_that_name():
    place = resolve_place("Paris")
    assert place is not None and place.country == "FRA"


def test_seas_and_straits_are_known_as_water():
    assert "Strait of Hormuz" in sea_names() and "Basra" not in sea_names()


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Turkish jets struck a depot and other positions inside Syria.", "Syria"),
        ("The army imposed a curfew in parts of Kashmir.", "Kashmir"),
    ],
)
def test_a_place_named_through_a_coordinated_object_or_a_part_locates_the_event(
    run, sentence, place
):
    (event,) = run(sentence).events
    assert event.location is not None and event.location.name == place
