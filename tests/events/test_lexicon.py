"""The event tables: every trigger row well-formed, every code known, no key in two files."""

from collections import defaultdict

from tidings.events.lexicon import PARSE_CLASSES, load_lexicon, noun_classes, trigger_rows
from tidings.lexicons import data_table

PLOVER_TYPES = {row["type"] for row in data_table("data/events/plover.tsv")}
CAMEO_CODES = {row["cameo"] for row in data_table("data/events/cameo.tsv")}
ROWS = trigger_rows()


def row_problems(row: dict[str, str]) -> list[str]:
    """What is wrong with one trigger row."""
    problems = []
    if row["pos"] not in {"verb", "noun"}:
        problems.append(f"pos {row['pos']!r}")
    if row["type"] not in PLOVER_TYPES | {"-"}:
        problems.append(f"type {row['type']!r}")
    elif row["type"] != "-" and row["cameo"] not in CAMEO_CODES:
        problems.append(f"CAMEO {row['cameo']!r} not in cameo.tsv")
    classes = {c for names in noun_classes().values() for c in names} | PARSE_CLASSES
    parts = row["trigger"].split("+")
    if not 1 <= len(parts) <= 2 or not all(parts):
        problems.append("trigger is not lemma or lemma+word")
    for part in parts:
        if part.startswith("@") and part[1:] not in classes:
            problems.append(f"unknown noun class {part}")
        if not part.startswith("@") and (part != part.lower() or " " in part):
            problems.append(f"{part!r} is not a lower-case lemma")
    return problems


def test_every_trigger_row_is_well_formed():
    bad = {f"{file}: {row['trigger']}": p for file, row in ROWS if (p := row_problems(row))}
    assert not bad, bad


def test_no_trigger_is_defined_twice():
    files = defaultdict(list)
    for file, row in ROWS:
        files[(row["pos"], row["trigger"])].append(file)
    twice = {key: names for key, names in files.items() if len(names) > 1}
    assert not twice, twice


def test_cameo_codes_are_unique_and_scored():
    codes = [row["cameo"] for row in data_table("data/events/cameo.tsv")]
    assert len(codes) == len(set(codes))
    assert all(-10 <= v <= 10 for v in load_lexicon().goldstein.values())


def test_nominalizations_name_verbs_with_rows():
    from tidings.events.lexicon import nominalizations

    lexicon = load_lexicon()
    verbs = {key.partition("+")[0] for pos, key in lexicon.triggers if pos == "verb"}
    assert set(nominalizations()) <= verbs
    # a derived row keeps its verb row's type; an explicit noun row is never overridden
    assert lexicon.triggers[("noun", "lifting+sanction")].type == "CONCEDE"
    assert lexicon.triggers[("noun", "expulsion+@c15-envoy")].type == "SANCTION"
