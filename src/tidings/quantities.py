"""Quantities: numbers with their units, normalised (miles to km, money to its ISO currency).

A conversion in brackets right after a quantity ("1,000-mile (1,600-kilometer)") is the same
quantity written twice and is merged into one. Vague counts take a lower bound: "dozens" 24,
"hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000. Counts of people in a sentence
about killing or wounding are casualties; counts of troops, fighters or rebels are troops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from tidings.lexicons import data_lines, data_table
from tidings.model import Quantity
from tidings.parse import document_text

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12, "dozens": 24,
    "hundreds": 200, "thousands": 2000, "tens of thousands": 20000, "hundreds of thousands": 200000,
    "millions": 2000000,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn)\b)?",
    re.I,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<word>" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + r")\b",
    re.I,
)
QUANTITY_LABELS = ("QUANTITY", "MONEY", "PERCENT", "CARDINAL")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as the units table defines it."""

    unit: str
    kind: str
    factor: float
    normalized_unit: str


@cache
def units() -> dict[str, Unit]:
    """Unit surface forms (lower case) -> unit definitions, from data/units.tsv."""
    return {
        row["surface"]: Unit(row["unit"], row["kind"], float(row["factor"]), row["normalized_unit"])
        for row in data_table("data/units.tsv")
    }


@cache
def casualty_cues() -> frozenset[str]:
    """Lemmas that make a count of people a casualty count."""
    return frozenset(data_lines("data/casualty_cues.txt"))


def parse_number(text: str) -> float | None:
    """The first number in `text`: digits with separators and scale words, or number words."""
    match = _NUMBER.search(text)
    if match:
        value = float(match["number"].replace(",", ""))
        return value * SCALES.get((match["scale"] or "").lower(), 1)
    word = _WORD_NUMBER.search(text)
    if word:
        value = NUMBER_WORDS[word["word"].lower()]
        scale = re.search(r"\b(thousand|million|billion)\b", text[word.end() :], re.I)
        return value * (SCALES[scale[1].lower()] if scale else 1)
    return None


def find_unit(span: Span) -> tuple[Unit | None, int]:
    """The unit inside the span or right after it, and the token index where the quantity ends."""
    table = units()
    for token in span:
        for piece in re.split(r"-", token.lower_):
            if piece in table and not piece.replace(".", "").isdigit():
                return table[piece], span.end
    doc = span.doc
    end = span.end
    # "5,000 troops", "14 people", "3 metric tons", "dozens of civilians"
    if end < len(doc) and doc[end].lower_ == "of":
        end += 1
    for width in (2, 1):
        words = " ".join(t.lower_ for t in doc[end : end + width])
        if len(doc[end : end + width]) == width and words in table:
            return table[words], end + width
    if end < len(doc) and doc[end].lemma_.lower() in table and doc[end].pos_ == "NOUN":
        return table[doc[end].lemma_.lower()], end + 1
    return None, span.end


def _is_conversion(doc: Doc, quantity_end: int, span: Span) -> bool:
    """Whether `span` is a bracketed conversion right after the previous quantity."""
    between = doc[quantity_end : span.start]
    return len(between) <= 1 and all(t.text in "(" for t in between) and span.start > 0


def _trimmed(span: Span) -> Span:
    """The entity without leading verbs the model sometimes sweeps in ("flew 300 miles")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ in ("VERB", "AUX"):
        start += 1
    return span.doc[start : span.end]


def _candidate_spans(doc: Doc) -> list[Span]:
    spans = [_trimmed(e) for e in doc.ents if e.label_ in QUANTITY_LABELS]
    covered = {i for s in spans for i in range(s.start, s.end)}
    for token in doc:
        if token.i not in covered and token.lower_ in ("dozens", "hundreds", "thousands"):
            spans.append(doc[token.i : token.i + 1])
    return sorted(spans, key=lambda s: s.start)


def find_quantities(doc: Doc) -> list[Quantity]:
    """Quantities with units in a parsed article, conversions merged, values normalised."""
    quantities: list[Quantity] = []
    last_end = -1
    text = document_text(doc)
    for span in _candidate_spans(doc):
        if quantities and _is_conversion(doc, last_end, span):
            merged = quantities[-1]
            close = span.end + (span.end < len(doc) and doc[span.end].text == ")")
            quantities[-1] = Quantity(
                text=text[merged.start : doc[close - 1].idx + len(doc[close - 1])],
                start=merged.start,
                end=doc[close - 1].idx + len(doc[close - 1]),
                value=merged.value,
                unit=merged.unit,
                kind=merged.kind,
                normalized_value=merged.normalized_value,
                normalized_unit=merged.normalized_unit,
            )
            last_end = close
            continue
        value = parse_number(span.text)
        if value is None:
            continue
        unit, end = find_unit(span)
        if unit is None and span.label_ in ("MONEY", "PERCENT"):
            # A bare MONEY entity ("2.5 billion dollars" is caught above) is in dollars.
            unit, end = units()["$" if span.label_ == "MONEY" else "%"], span.end
        if unit is None:
            continue
        kind = unit.kind
        if kind == "count" and unit.normalized_unit == "people" and _about_casualties(span):
            kind = "casualties"
        text_end = doc[end - 1].idx + len(doc[end - 1])
        quantities.append(
            Quantity(
                text=text[span.start_char : text_end],
                start=span.start_char,
                end=text_end,
                value=value,
                unit=unit.unit,
                kind=kind,
                normalized_value=round(value * unit.factor, 3),
                normalized_unit=unit.normalized_unit,
            )
        )
        last_end = end
    return quantities


def _about_casualties(span: Span) -> bool:
    cues = casualty_cues()
    return any(t.lemma_.lower() in cues for t in span.sent)
