"""The read side's search keys and filters: what ingest writes and what a filter looks for."""

from datetime import date

import duckdb

from tidings.store.queries import (
    EventFilter,
    SideActor,
    actor_keys,
    actor_label,
    actor_roles,
    country_keys,
    dyad_pairs,
    escape_like,
)

TRUMP = SideActor("USAGOV", "Donald Trump", "USA", "donald-trump")
HAMAS = SideActor("PSEREB", "Hamas", "PSE", None)


def test_actor_keys_hold_codes_countries_ids_names_and_name_words():
    keys = actor_keys([TRUMP, HAMAS])
    assert keys.startswith("|") and keys.endswith("|")
    names = ("donald-trump", "donald trump", "donald", "trump")
    for key in ("usagov", "usa", *names, "psereb", "hamas"):
        assert f"|{key}|" in keys
    assert actor_keys([SideActor(None, "al Shabab", None, None)]).count("|al|") == 0
    assert actor_keys([]) == ""


def test_country_keys_join_sides_and_place():
    assert country_keys([TRUMP, HAMAS], "ISR") == "|ISR|PSE|USA|"
    assert country_keys([SideActor(None, "someone", None, None)], None) == ""


UN = SideActor("IGO", "United Nations", None, "un")
IAEA = SideActor("IGO", "International Atomic Energy Agency", None, "iaea")


def test_an_actor_is_labelled_by_code_with_a_country_and_by_name_without():
    assert actor_label(TRUMP) == "USAGOV"
    assert actor_label(UN) == "United Nations"
    assert actor_label(SideActor(None, None, None, None)) is None


def test_dyad_pairs_cross_the_sides_once_each_and_skip_self_action():
    pairs = dyad_pairs([TRUMP, UN, TRUMP], [HAMAS, TRUMP])
    assert pairs.split("\x1e") == [
        "USAGOV\x1fPSEREB", "United Nations\x1fPSEREB", "United Nations\x1fUSAGOV",
    ]  # fmt: skip
    assert dyad_pairs([TRUMP], []) is None
    assert dyad_pairs([TRUMP], [TRUMP]) is None


def test_actor_roles_say_once_per_actor_which_sides_it_is_on():
    roles = actor_roles([TRUMP, IAEA], [HAMAS, TRUMP, TRUMP])
    assert roles.split("\x1e") == [
        "International Atomic Energy Agency\x1fs", "PSEREB\x1ft", "USAGOV\x1fst",
    ]  # fmt: skip
    assert actor_roles([], []) is None


def test_like_wildcards_are_escaped():
    assert escape_like("50%_off\\") == "50\\%\\_off\\\\"


def match(where: EventFilter, rows: list[tuple]) -> list[str]:
    """Ids of the rows an event filter keeps, on an in-memory events table."""
    db = duckdb.connect()
    db.execute(
        "CREATE TABLE events (id VARCHAR, type VARCHAR, modality VARCHAR, quad_class INTEGER, "
        "date_start DATE, location_name VARCHAR, evidence VARCHAR, article_id VARCHAR, "
        "actor_keys VARCHAR, countries VARCHAR)"
    )
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    condition, params = where.where()
    found = db.execute(f"SELECT id FROM events e WHERE {condition} ORDER BY id", params)
    return [row[0] for row in found.fetchall()]


ROWS = [
    ("e1", "CONSULT", "planned", 1, date(2025, 3, 1), "Geneva", "Trump will meet Hamas envoys.",
     "a", actor_keys([TRUMP, HAMAS]), country_keys([TRUMP, HAMAS], "CHE")),
    ("e2", "ASSAULT", "asserted", 4, date(2025, 3, 9), "Gaza City", "Strikes hit 50% of homes.",
     "b", actor_keys([HAMAS]), country_keys([HAMAS], "PSE")),
]  # fmt: skip


def test_each_filter_keeps_the_rows_it_names():
    assert match(EventFilter(), ROWS) == ["e1", "e2"]
    assert match(EventFilter(actor="Trum"), ROWS) == ["e1"]
    assert match(EventFilter(actor="usa"), ROWS) == ["e1"]
    assert match(EventFilter(actor="hamas"), ROWS) == ["e1", "e2"]
    assert match(EventFilter(actor="rump"), ROWS) == []  # keys match from their start
    assert match(EventFilter(country="che"), ROWS) == ["e1"]
    assert match(EventFilter(country="US"), ROWS) == []  # a whole code, not a prefix
    assert match(EventFilter(type="assault"), ROWS) == ["e2"]
    assert match(EventFilter(quad_class=1, modality="PLANNED"), ROWS) == ["e1"]
    assert match(EventFilter(since=date(2025, 3, 2)), ROWS) == ["e2"]
    assert match(EventFilter(until=date(2025, 3, 2)), ROWS) == ["e1"]
    assert match(EventFilter(place="gaza"), ROWS) == ["e2"]
    assert match(EventFilter(text="50%"), ROWS) == ["e2"]
    assert match(EventFilter(place="%"), ROWS) == []
    assert match(EventFilter(article="a", actor="hamas"), ROWS) == ["e1"]
