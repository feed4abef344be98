"""The event lexicon and ontology tables, loaded once from `tidings/data/events/`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from tidings.lexicons import data_files, data_table


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or verb + object) that evokes an event of a PLOVER type."""

    trigger: str
    pos: str  # verb | noun
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str
    target_preps: frozenset[str]


@dataclass(frozen=True, slots=True)
class ModifierRule:
    """A modifier that refines an event's mode, CAMEO code and contexts, or retypes it."""

    modifier: str
    type: str
    mode: str | None
    cameo: str
    contexts: tuple[str, ...]
    becomes: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All event tables: triggers by (pos, lemma), modifiers, modality cues, CAMEO, PLOVER,
    and the noun classes that select a verb's sense ("strike" + @agreement)."""

    triggers: dict[tuple[str, str], Trigger]
    modifiers: dict[tuple[str, str], ModifierRule]
    modality_cues: dict[tuple[str, str], str]  # (scope, cue) -> modality
    goldstein: dict[str, float]
    quad_class: dict[str, int]
    noun_classes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lemma -> classes
    # nouns with `noun+object` rows: only their objects can select a sense ("lifting+sanction")
    object_nouns: frozenset[str] = frozenset()


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p for p in cell.split("|") if p)


def trigger_files() -> list[str]:
    """The trigger tables, `lexicon.tsv` first, then `lexicon/*.tsv` by name."""
    return data_files("data/events/lexicon.tsv", "data/events/lexicon", ".tsv")


def trigger_rows() -> list[tuple[str, dict[str, str]]]:
    """Every trigger row with the file it comes from, in load order."""
    return [(name, row) for name in trigger_files() for row in data_table(name)]


# Classes the parse gives rather than a word list: an object that is a person's name
# ("called Putin": a phone call); a clause saying what another is to do ("wants Serbia to
# recognise Kosovo": a demand on Serbia); a thing, not people, that the verb acts on ("returned
# the paintings to Italy": a return of property, where "returned to Italy" is a journey).
PERSON_NAME_CLASS = "person-name"
ASKED_ACT_CLASS = "asked-act"
THING_CLASS = "thing"
# an infinitive saying an act of the lexicon the subject itself is to do ("declined to resign",
# where "declined to comment" names no act)
OWN_ACT_CLASS = "own-act"
PARSE_CLASSES = frozenset({PERSON_NAME_CLASS, ASKED_ACT_CLASS, THING_CLASS, OWN_ACT_CLASS})


def noun_classes() -> dict[str, tuple[str, ...]]:
    """Noun lemma -> the classes it belongs to (data/events/noun_classes.tsv)."""
    classes: dict[str, list[str]] = {}
    for row in data_table("data/events/noun_classes.tsv"):
        for lemma in _split(row["lemmas"]):
            classes.setdefault(lemma, []).append(row["class"])
    return {lemma: tuple(names) for lemma, names in classes.items()}


def type_target_preps() -> dict[tuple[str, str], frozenset[str]]:
    """(PLOVER type, verb | noun) -> the target prepositions every trigger of it takes
    (data/events/roles.tsv)."""
    preps: dict[tuple[str, str], frozenset[str]] = {}
    for row in data_table("data/events/roles.tsv"):
        preps[(row["type"], "verb")] = frozenset(_split(row["verb_preps"]))
        preps[(row["type"], "noun")] = frozenset(_split(row["noun_preps"]))
    return preps


@cache
def noun_doer_preps() -> dict[str, frozenset[str]]:
    """PLOVER type -> the prepositions whose object does a nominal event of it, beside "by"
    ("the withdrawal of Ethiopian troops"; data/events/roles.tsv)."""
    return {
        row["type"]: frozenset(_split(row["noun_doer_preps"]))
        for row in data_table("data/events/roles.tsv")
    }


@cache
def nominalizations() -> dict[str, tuple[str, ...]]:
    """Verb lemma -> the nouns that name its act and take its object as their "of" phrase
    (data/events/nominalizations.tsv)."""
    return {
        row["verb"]: _split(row["nouns"]) for row in data_table("data/events/nominalizations.tsv")
    }


@cache
def load_lexicon() -> Lexicon:
    """The shipped event lexicon and tables (format: data/events/README.md). The first row for
    a (pos, trigger) wins, so `lexicon.tsv` overrides the per-code files."""
    roles = type_target_preps()
    triggers: dict[tuple[str, str], Trigger] = {}
    for _name, row in trigger_rows():
        own = frozenset(_split(row["target_preps"]))
        triggers.setdefault(
            (row["pos"], row["trigger"]),
            Trigger(
                trigger=row["trigger"],
                pos=row["pos"],
                type=row["type"],
                mode=row["mode"] or None,
                contexts=_split(row["contexts"]),
                cameo=row["cameo"],
                target_preps=own | roles.get((row["type"], row["pos"]), frozenset()),
            ),
        )
    for (pos, key), trigger in list(triggers.items()):
        verb, _, argument = key.partition("+")
        if pos != "verb" or not argument:
            continue
        preps = trigger.target_preps | roles.get((trigger.type, "noun"), frozenset())
        for noun in nominalizations().get(verb, ()):
            key = f"{noun}+{argument}"
            derived = replace(trigger, trigger=key, pos="noun", target_preps=preps)
            triggers.setdefault(("noun", key), derived)
    modifiers = {
        (row["type"], row["modifier"]): ModifierRule(
            modifier=row["modifier"],
            type=row["type"],
            mode=row["mode"] or None,
            cameo=row["cameo"],
            contexts=_split(row["contexts"]),
            becomes=row["becomes"] or None,
        )
        for row in data_table("data/events/modifiers.tsv")
    }
    cues = {
        (row["scope"], row["cue"]): row["modality"]
        for row in data_table("data/events/modality.tsv")
    }
    goldstein = {
        row["cameo"]: float(row["goldstein"]) for row in data_table("data/events/cameo.tsv")
    }
    quad = {row["type"]: int(row["quad_class"]) for row in data_table("data/events/plover.tsv")}
    object_nouns = frozenset(
        key.partition("+")[0]
        for pos, key in triggers
        if pos == "noun" and "+" in key and not key.startswith("@")
    )
    return Lexicon(triggers, modifiers, cues, goldstein, quad, noun_classes(), object_nouns)
