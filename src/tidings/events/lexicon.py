"""The event lexicon and ontology tables, loaded once from `tidings/data/events/`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tidings.lexicons import data_table


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
    """All event tables: triggers by (pos, lemma), modifiers, modality cues, CAMEO, PLOVER."""

    triggers: dict[tuple[str, str], Trigger]
    modifiers: dict[tuple[str, str], ModifierRule]
    modality_cues: dict[tuple[str, str], str]  # (scope, cue) -> modality
    goldstein: dict[str, float]
    quad_class: dict[str, int]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p for p in cell.split("|") if p)


@cache
def load_lexicon() -> Lexicon:
    """The shipped event lexicon and tables (format: data/events/README.md)."""
    triggers = {
        (row["pos"], row["trigger"]): Trigger(
            trigger=row["trigger"],
            pos=row["pos"],
            type=row["type"],
            mode=row["mode"] or None,
            contexts=_split(row["contexts"]),
            cameo=row["cameo"],
            target_preps=frozenset(_split(row["target_preps"])),
        )
        for row in data_table("data/events/lexicon.tsv")
    }
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
    return Lexicon(triggers, modifiers, cues, goldstein, quad)
