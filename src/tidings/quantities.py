"""Quantities: numbers with their units, normalised (miles to km, money to its ISO currency).

A conversion in brackets right after a quantity ("1,000-mile (1,600-kilometer)") is the same
quantity written twice and is merged into one. Vague counts take a lower bound: "dozens" 24,
"hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000. Counts of people in a sentence
about killing or wounding are casualties; counts of troops, fighters or rebels are troops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from tidings.lexicons import data_lines, data_table
from tidings.model import Quantity
from tidings.parse import document_text, tokens_with_lower

SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6,
    "dozen": 12,
}  # fmt: skip
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
_RANGE = re.compile(
    r"(?P<low>\d[\d,.]*)\s*(?P<low_scale>thousand|million|billion)?\s*(?:and|to|-|–)\s*"
    r"(?P<high>\d[\d,.]*)\s*(?P<high_scale>thousand|million|billion)?",
    re.I,
)
QUANTITY_LABELS = ("QUANTITY", "MONEY", "PERCENT", "CARDINAL")
_COUNT_KINDS = ("count", "casualties", "troops")
SUBSET_MARKERS = frozenset({"including", "among"})


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
def casualty_cues() -> dict[str, str]:
    """Lemmas that make a count of people a casualty count -> the outcome they report."""
    return {row["lemma"]: row["outcome"] for row in data_table("data/casualty_cues.tsv")}


def casualty_outcome(span: Span) -> str | None:
    """What happened to the people a count counts: the nearest casualty word governing it or
    modifying its noun ("killing at least 12 people", "57 wounded", "39 people were killed")."""
    cues = casualty_cues()
    sentence = span.sent
    paths = {
        t: _path(t, span[-1])
        for t in sentence
        if (t.lemma_.lower() in cues or t.lower_ in cues)
        # "killed 1,200 people and took 251 hostages": a coordinated predicate says its own
        # outcome, so the hostages were not killed
        and not _crosses_coordinated_predicates(_path(t, span[-1]))
    }
    nearest = sorted(paths, key=lambda t: (len(paths[t]) - 1, abs(t.i - span.start)))
    if not nearest or len(paths[nearest[0]]) - 1 > 4:
        return None
    cue = nearest[0]
    return cues.get(cue.lemma_.lower()) or cues.get(cue.lower_)


def _path(a: Token, b: Token) -> list[Token]:
    """The tokens on the dependency path from `a` to `b` (both included)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for steps_a, node in enumerate(up_a):
        if node in up_b:
            return up_a[: steps_a + 1] + list(reversed(up_b[: up_b.index(node)]))
    return up_a + list(reversed(up_b))


def _crosses_coordinated_predicates(path: list[Token]) -> bool:
    """Whether a dependency path runs from one conjunct to another where either is a verb."""
    for a, b in zip(path, path[1:], strict=False):
        child = a if a.head.i == b.i else b
        if child.dep_ == "conj" and "VERB" in (child.pos_, child.head.pos_):
            return True
    return False


def is_part_of_count(span: Span) -> bool:
    """Whether a count names part of a count just before it ("six people, including two
    children", "12 dead, among them three soldiers"): it is already inside that total."""
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    if any(  # "among them two children"
        c.lower_ in SUBSET_MARKERS and any(g.lower_ in ("them", "whom") for g in c.children)
        for c in noun.children
    ):
        return True
    marker = noun.head
    if noun.dep_ != "pobj" or marker.lower_ not in SUBSET_MARKERS:
        return False
    whole = marker.head
    return any(c.dep_ == "nummod" for c in whole.children) or whole.pos_ == "NUM"


def parse_number(text: str) -> float | None:
    """The first number in `text`: digits with separators and scale words, or number words."""
    match = _NUMBER.search(text)
    if match:
        value = float(match["number"].replace(",", ""))
        return value * SCALES.get((match["scale"] or "").lower(), 1)
    word = _WORD_NUMBER.search(text)
    if word:
        value = NUMBER_WORDS[word["word"].lower()]
        scale = re.match(r"\s+(thousand|million|billion|dozen)\b", text[word.end() :], re.I)
        return value * (SCALES[scale[1].lower()] if scale else 1)
    return None


def parse_range(text: str) -> tuple[float, float] | None:
    """Both ends of a range written "between 200 and 300", "5,000 to 7,000" or "10-15"."""
    match = _RANGE.search(text)
    if not match:
        return None
    low, high = parse_number(match["low"]), parse_number(match["high"])
    if low is None or high is None:
        return None
    if not match["low_scale"] and match["high_scale"]:
        low = low * SCALES[match["high_scale"].lower()]  # "2 to 3 million": the scale is shared
    return (low, high) if low < high else None


def _unit_words(tokens: list[Token]) -> Unit | None:
    """The unit these tokens write: "nautical miles", "police officers", "drones"."""
    table = units()
    words = " ".join(t.lower_ for t in tokens)
    if words in table:
        return table[words]
    if len(tokens) == 1 and tokens[0].pos_ == "NOUN":
        return table.get(tokens[0].lemma_.lower())
    return None


def _unit_in_span(span: Span) -> Unit | None:
    table = units()
    tokens = list(span)
    for width in (2, 1):
        for i in range(len(tokens) - width + 1):
            words = " ".join(t.lower_ for t in tokens[i : i + width])
            if words in table and not words.replace(".", "").isdigit():
                return table[words]
    for token in tokens:  # "1,000-mile"
        for piece in token.lower_.split("-"):
            if piece in table and not piece.replace(".", "").isdigit():
                return table[piece]
    return None


def _counted_noun(span: Span) -> Token | None:
    """The noun a number counts, past its modifiers: "1,500 French soldiers", "thousands of
    pagers"."""
    number = span[-1]
    head = number.head
    if number.dep_ == "nummod" and head.i >= span.end and head.pos_ in ("NOUN", "PROPN"):
        return head
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    # "one of the missiles" picks one out of a set: it counts nothing.
    if not objects or any(c.dep_ == "det" for c in objects[0].children):
        return None
    return objects[0]


def find_unit(span: Span) -> tuple[Unit | None, int]:
    """The unit inside the span or after it, and the token index where the quantity ends."""
    inside = _unit_in_span(span)
    if inside is not None:
        return inside, span.end
    doc = span.doc
    end = span.end
    # "5,000 troops", "14 people", "3 metric tons", "dozens of civilians"
    if end < len(doc) and doc[end].lower_ == "of":
        end += 1
    for width in (2, 1):
        adjacent = list(doc[end : end + width])
        unit = _unit_words(adjacent) if len(adjacent) == width else None
        if unit is not None:
            return unit, end + width
    noun = _counted_noun(span)
    if noun is None:
        return None, span.end
    for width in (2, 1):
        unit = _unit_words(list(doc[noun.i - width + 1 : noun.i + 1]))
        if unit is not None:
            return unit, noun.i + 1
    if noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS"):
        return units()["people"], noun.i + 1  # "65,000 Palestinians"
    if noun.tag_ == "NNS" and noun.lemma_.lower() in person_nouns():
        return Unit(noun.lower_, "count", 1, "people"), noun.i + 1  # "nine villagers"
    return None, span.end


@cache
def person_nouns() -> frozenset[str]:
    """Lemmas of nouns for people, whose counts are counts of people."""
    return frozenset(data_lines("data/events/victim_nouns.txt"))


def _elided_unit(span: Span, previous: Quantity | None, doc: Doc) -> Unit | None:
    """The unit a bare count shares with a count before it in its sentence.

    "killed 39 people and wounded nearly 3,000", "93 votes in favour, 18 against".
    """
    if previous is None or span.label_ != "CARDINAL" or span[-1].dep_ == "nummod":
        return None
    if previous.start < span.sent.start_char or previous.kind not in _COUNT_KINDS:
        return None
    return units().get(previous.unit) or next(
        (u for u in units().values() if u.unit == previous.unit), None
    )


def _is_conversion(doc: Doc, quantity_end: int, span: Span) -> bool:
    """Whether `span` is a bracketed conversion right after the previous quantity."""
    between = doc[quantity_end : span.start]
    return len(between) <= 1 and all(t.text in "(" for t in between) and span.start > 0


def _trimmed(span: Span) -> Span:
    """The entity without leading verbs the model sometimes sweeps in ("flew 300 miles")."""
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ in ("VERB", "AUX"):
        start += 1
    return Span(span.doc, start, span.end, label=span.label_)


def _candidate_spans(doc: Doc) -> list[Span]:
    spans = [_trimmed(e) for e in doc.ents if e.label_ in QUANTITY_LABELS]
    covered = {i for s in spans for i in range(s.start, s.end)}
    for token in tokens_with_lower(doc, ("dozens", "hundreds", "thousands")):
        if token.i not in covered:
            spans.append(doc[token.i : token.i + 1])
    return _joined_ranges(sorted(spans, key=lambda s: s.start))


def _joined_ranges(spans: list[Span]) -> list[Span]:
    """Two numbers the model tagged apart but the text joins: "3,000 to 4,000 troops"."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        doc = span.doc
        if (
            last is not None
            and span.start == last.end + 1
            and doc[last.end].lower_ in ("to", "and", "-", "–")
            and last[-1].like_num
        ):
            joined[-1] = Span(doc, last.start, span.end, label=span.label_ or last.label_)
            continue
        joined.append(span)
    return joined


def find_quantities(doc: Doc) -> list[Quantity]:
    """Quantities with units in a parsed article, conversions merged, values normalised."""
    quantities: list[Quantity] = []
    last_end = -1
    text = document_text(doc)
    for span in _candidate_spans(doc):
        if quantities and _is_conversion(doc, last_end, span):
            merged = quantities[-1]
            close = span.end + (span.end < len(doc) and doc[span.end].text == ")")
            merged_end = doc[close - 1].idx + len(doc[close - 1])
            quantities[-1] = replace(merged, text=text[merged.start : merged_end], end=merged_end)
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
            unit = _elided_unit(span, quantities[-1] if quantities else None, doc)
        if unit is None:
            continue
        bounds = parse_range(span.text)
        kind = unit.kind
        outcome = casualty_outcome(span) if unit.normalized_unit == "people" else None
        if kind == "count" and outcome is not None:
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
                normalized_max=round(bounds[1] * unit.factor, 3) if bounds else None,
                outcome=outcome,
                part_of_count=is_part_of_count(span),
            )
        )
        last_end = end
    return quantities
