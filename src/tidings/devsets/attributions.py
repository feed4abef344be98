"""Attributions (PolNeAR): who said or held what, scored against tidings' quotes and citations.

Gold: every attribution of an article as a source, a cue and a content, each a stretch of text
that may be discontinuous. The sets carry no kind, so one is derived from the text:

- direct: every word of the content lies inside quotation marks;
- mixed: some words do (a paraphrase with a quoted phrase);
- indirect: no quoted words and a cue word is a speech verb (``data/speech_verbs.txt``);
- other: the rest ("according to", "polls show", beliefs, intentions, endorsements).

"speech" is direct + mixed + indirect.

Predictions: tidings' attribution records (``Report.attributions``, built by
``tidings/attributions.py``), each with its own kind; the source is the actor's name and
mention spans when the record names a known actor, else the words that name the source.

Matching is one-to-one within a document, greedy by best word Jaccard (≥ 0.5) between the gold
and predicted content texts, their words taken without the quotation marks and punctuation stuck
to them; "exact" matching asks for the same words in the same order (case, marks, edge
punctuation and a leading "that" aside). A prediction matched to a gold item of any kind is a
true positive for the gold item's kind; an unmatched prediction is a false positive for its own
kind. On matched pairs, the speaker is right when a mention of the predicted actor overlaps the
gold source or the two names share a word longer than two letters (not "the"); the cue is right
when the spans overlap or a word of each has the same rough lemma. Speaker accuracy counts the
pairs whose gold has a source, cue accuracy those whose gold has a cue.

Doubled single marks (''…'', as the New York Times prints quotes) count as quotation marks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from tidings.devsets.common import Counts, ErrorCase, SetScore, ratio, read_jsonl, word_jaccard
from tidings.model import Article, Report
from tidings.model import Attribution as AttributionRecord
from tidings.pipeline import Pipeline, extract_many
from tidings.quotes import speech_verbs

Span = tuple[int, int]

KINDS = ("direct", "mixed", "indirect", "other")
SPEECH_KINDS = frozenset({"direct", "mixed", "indirect"})
GROUPS: dict[str, frozenset[str]] = {
    **{kind: frozenset({kind}) for kind in KINDS},
    "speech": SPEECH_KINDS,
    "all": frozenset(KINDS),
}

MIN_JACCARD = 0.5
ERROR_TEXT_CHARS = 200

OPENING_MARKS = frozenset("“«„‘")
CLOSING_MARKS = {"“": "”", "«": "»", "„": "“", "‘": "’"}
EDGE_CHARACTERS = " \t\n\r\"“”«»„‘’'.,;:!?…—–-()[]"
# Words that two source names share without naming the same one ("The Post", "The Times").
NAME_FILLERS = frozenset({"the", "and", "for", "mr.", "mrs.", "ms.", "dr.", "sen.", "rep."})
IRREGULAR_LEMMAS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "found": "find",
    "spoke": "speak",
    "spoken": "speak",
}


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of an article's text, possibly discontinuous: its words and character spans."""

    text: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: what was said or held (content), by whom (source), how (cue)."""

    content: Part
    source: Part | None
    cue: Part | None
    kind: str  # direct | mixed | indirect | other


@dataclass(frozen=True, slots=True)
class AttributionDocument:
    """An article with its gold attributions."""

    id: str
    text: str
    attributions: tuple[Attribution, ...]
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A gold attribution paired with a predicted one, by their indexes and content Jaccard."""

    gold: int
    predicted: int
    jaccard: float


@dataclass(slots=True)
class KindTally:
    """What one kind (or group of kinds) counts: content matches, exact matches, speakers."""

    overlap: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    speakers: int = 0
    speakers_right: int = 0
    cues: int = 0
    cues_right: int = 0


# --- text helpers -------------------------------------------------------------------------------


def part_from_spans(text: str, spans: Iterable[Span]) -> Part:
    """The part of a text the spans cover, its pieces joined by a space, in text order."""
    ordered = tuple(sorted((int(start), int(end)) for start, end in spans))
    return Part(" ".join(text[start:end] for start, end in ordered), ordered)


def strip_edges(text: str) -> str:
    """A content text without quotation marks, whitespace and punctuation at its edges."""
    return " ".join(text.strip(EDGE_CHARACTERS).split())


def spans_overlap(left: Sequence[Span], right: Sequence[Span]) -> bool:
    """Whether any span of one list shares a character with any span of the other."""
    return any(a < d and c < b for a, b in left for c, d in right)


def word_lemma(word: str) -> str:
    """A rough lemma of an English verb form, lower-cased ("says", "said", "saying" → "say").

    Good enough to compare cue words with each other and with the speech-verb list; it needs
    no model so the scoring stays a pure function of the texts.
    """
    word = word.lower().strip(EDGE_CHARACTERS)
    if word in IRREGULAR_LEMMAS:
        return IRREGULAR_LEMMAS[word]
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + replacement
            doubled = len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt"
            if replacement == "" and doubled:
                stem = stem[:-1]  # "admitted" → "admit", but "called" → "call"
            return stem
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def lemma_variants(word: str) -> frozenset[str]:
    """The lemma of a word and the lemma with a final "e" ("noted" → "not", "note")."""
    lemma = word_lemma(word)
    return frozenset({lemma, lemma + "e", word.lower().strip(EDGE_CHARACTERS)})


def is_speech_cue(cue: str) -> bool:
    """Whether a cue holds a speech verb ("said", "has told", "said in a statement")."""
    verbs = speech_verbs()
    return any(lemma_variants(word) & verbs for word in cue.split())


# --- gold kinds ---------------------------------------------------------------------------------


DOUBLED_MARKS = re.compile(r"''|``")


@lru_cache(maxsize=4)  # every attribution of an article reads the same text
def normalise_marks(text: str) -> str:
    """Doubled single marks (''…'' and ``…'', as some papers print quotes) as one double mark
    next to the word they touch; the text keeps its length so offsets still hold."""

    def one_mark(found: re.Match[str]) -> str:
        opens = found.end() < len(text) and text[found.end()].isalnum()
        return ' "' if opens else '" '

    return DOUBLED_MARKS.sub(one_mark, text)


def _widen_to_marks(text: str, start: int, end: int) -> Span:
    """A span widened over the quotation marks right at its edges (and the punctuation before
    a closing mark: '…win,"'), so a quote marked without its marks still reads as quoted."""
    if start > 0 and text[start - 1] in '"“«„‘':
        start -= 1
    while end < len(text) and text[end] in ",.;:!?":
        end += 1
    if end < len(text) and text[end] in '"”»“’':
        end += 1
    return start, end


def quoted_share(piece: str) -> tuple[int, int]:
    """Letters and digits of a piece of text inside and outside quotation marks.

    Curly and angle marks open and close; a straight double mark toggles; a right single mark
    closes only a quote a left single mark opened and is followed by no letter (else it is an
    apostrophe: "Clinton’s").
    """
    inside = outside = 0
    open_marks: list[str] = []
    for position, char in enumerate(piece):
        following = piece[position + 1 : position + 2]
        if char == '"':
            if open_marks and open_marks[-1] == '"':
                open_marks.pop()
            else:
                open_marks.append('"')
        elif char in OPENING_MARKS and not (char == "“" and open_marks[-1:] == ["„"]):
            if char != "‘" or not following.isspace():
                open_marks.append(char)
        elif open_marks and char == CLOSING_MARKS.get(open_marks[-1]):
            if char != "’" or not following.isalnum():
                open_marks.pop()
        elif char.isalnum():
            if open_marks:
                inside += 1
            else:
                outside += 1
    return inside, outside


def attribution_kind(text: str, content_spans: Sequence[Span], cue: str | None) -> str:
    """The kind of a gold attribution: direct, mixed, indirect or other (see the module doc)."""
    inside = outside = 0
    text = normalise_marks(text)
    for start, end in content_spans:
        wide_start, wide_end = _widen_to_marks(text, start, end)
        piece_in, piece_out = quoted_share(text[wide_start:wide_end])
        inside, outside = inside + piece_in, outside + piece_out
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect" if cue is not None and is_speech_cue(cue) else "other"


# --- readers ------------------------------------------------------------------------------------


def load_attributions(path: Path) -> list[AttributionDocument]:
    """Articles with gold attributions from a PolNeAR JSON Lines file or brat standoff.

    - ``*.jsonl``: rows ``{id, text, labels: {publication_date?, attributions: [{source, cue,
      content: [...], has_source}]}}``, each part ``{text, spans: [[start, end], …]}``.
    - brat: a directory of ``.txt`` + ``.ann`` pairs, or one of the two files; see
      :func:`read_brat_attributions` for the annotations understood.
    """
    if path.is_dir():
        return [read_brat_document(ann) for ann in sorted(path.rglob("*.ann"))]
    if path.suffix in (".ann", ".txt"):
        return [read_brat_document(path.with_suffix(".ann"))]
    return [document_from_row(row) for row in read_jsonl(path)]


def document_from_row(row: dict[str, Any]) -> AttributionDocument:
    """An article of the JSON Lines form, its attributions' kinds derived from the text."""
    text, labels = row["text"], row.get("labels", {})
    attributions = []
    for item in labels.get("attributions", []):
        spans = [tuple(span) for part in item.get("content", []) for span in part["spans"]]
        if not spans:
            continue  # an attribution with no content marked has nothing to match
        source = _row_part(text, item.get("source"))
        cue = _row_part(text, item.get("cue"))
        attributions.append(_attribution(text, spans, source, cue))
    published = labels.get("publication_date")
    return AttributionDocument(
        id=str(row["id"]),
        text=text,
        attributions=tuple(attributions),
        published=date.fromisoformat(published) if published else None,
    )


def _row_part(text: str, item: dict[str, Any] | None) -> Part | None:
    if not item or not item.get("spans"):
        return None
    return part_from_spans(text, (tuple(span) for span in item["spans"]))


def _attribution(
    text: str, content_spans: Iterable[Span], source: Part | None, cue: Part | None
) -> Attribution:
    content = part_from_spans(text, content_spans)
    kind = attribution_kind(text, content.spans, cue.text if cue else None)
    return Attribution(content=content, source=source, cue=cue, kind=kind)


# A text-bound annotation of a group, with the role its event argument gives it, if any.
BratRef = tuple[str | None, str]


@dataclass(frozen=True, slots=True)
class BratAnnotations:
    """The parts of a brat .ann file an attribution is built from."""

    bounds: dict[str, tuple[str, tuple[Span, ...]]]  # T id -> (type, spans)
    relations: list[tuple[str, str]]  # (T id, T id)
    events: list[list[BratRef]]  # the trigger first, as the cue
    groups: dict[str, list[str]]  # "attribute=value" -> T ids


BRAT_ROLES = ("source", "cue", "content")
GROUP_ATTRIBUTE = re.compile(r"(?i)attribution|group|(^|_)id$")


def brat_role(name: str) -> str | None:
    """The attribution role a brat type or argument name stands for ("Content2" → content)."""
    lowered = name.lower().rstrip("0123456789")
    return next((role for role in BRAT_ROLES if lowered.startswith(role)), None)


def parse_brat(ann: str) -> BratAnnotations:
    """The text-bound annotations, relations, events and id attributes of a .ann file."""
    bounds: dict[str, tuple[str, tuple[Span, ...]]] = {}
    relations: list[tuple[str, str]] = []
    events: list[list[BratRef]] = []
    groups: dict[str, list[str]] = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        tag, body = fields[0], fields[1].split()
        if tag.startswith("T") and len(body) >= 3:
            pieces = " ".join(body[1:]).split(";")
            bounds[tag] = (body[0], tuple(_brat_span(piece) for piece in pieces))
        elif tag.startswith("R") and len(body) >= 3:
            relations.append((body[1].split(":", 1)[-1], body[2].split(":", 1)[-1]))
        elif tag.startswith("E") and body:
            arguments = [arg.split(":", 1) for arg in body if ":" in arg]
            trigger: BratRef = ("cue", arguments[0][1])
            events.append([trigger, *((brat_role(role), ref) for role, ref in arguments[1:])])
        elif tag.startswith("A") and len(body) >= 3 and GROUP_ATTRIBUTE.search(body[0]):
            groups.setdefault(f"{body[0]}={body[2]}", []).append(body[1])
    return BratAnnotations(bounds, relations, events, groups)


def _brat_span(piece: str) -> Span:
    start, end = piece.split()
    return int(start), int(end)


def read_brat_attributions(text: str, ann: str) -> tuple[Attribution, ...]:
    """Attributions of a brat .ann file over its text.

    Text-bound annotations typed Source, Cue and Content (case and a trailing number ignored;
    discontinuous spans written ``40 60;70 90``) are linked in any of three ways:

    - events: ``E1\\tAttribution:T2 Source:T1 Content:T3``, one attribution each; the trigger
      is the cue, the other roles come from the argument names (else the annotations' types);
    - relations: ``R1\\tSOURCE Arg1:T3 Arg2:T1`` of any type and direction; cues and contents
      linked to each other form one attribution, a source joins every attribution it is linked
      to without joining them together;
    - id attributes: ``A1\\tAttributionId T3 a7`` (a name holding "attribution", "group" or
      "id", with a value): the annotations sharing name and value form one attribution.

    An attribution needs a content; one found twice (by two ways) is kept once. Its kind is
    derived as for the JSON Lines form.
    """
    brat = parse_brat(ann)
    groups: list[list[BratRef]] = [
        *brat.events,
        *([(None, ref) for ref in group] for group in _relation_groups(brat)),
        *([(None, ref) for ref in group] for group in brat.groups.values()),
    ]
    found: dict[tuple[Span, ...], Attribution] = {}
    for group in groups:
        attribution = _group_attribution(text, brat, group)
        if attribution is not None:
            found.setdefault(attribution.content.spans, attribution)
    return tuple(sorted(found.values(), key=lambda a: a.content.spans))


def _type_role(brat: BratAnnotations, ref: str) -> str | None:
    return brat_role(brat.bounds[ref][0]) if ref in brat.bounds else None


def _relation_groups(brat: BratAnnotations) -> Iterator[list[str]]:
    """Connected cues and contents, each with the sources linked to them."""
    links: dict[str, set[str]] = {}
    for left, right in brat.relations:
        links.setdefault(left, set()).add(right)
        links.setdefault(right, set()).add(left)
    seen: set[str] = set()
    for start in links:
        if start in seen or _type_role(brat, start) == "source":
            continue
        group, frontier = [], [start]
        while frontier:
            node = frontier.pop()
            if node in seen:
                continue
            seen.add(node)
            group.append(node)
            for neighbour in links[node]:
                if _type_role(brat, neighbour) == "source":
                    group.append(neighbour)  # shared by several attributions: not walked through
                else:
                    frontier.append(neighbour)
        yield group


def _group_attribution(text: str, brat: BratAnnotations, refs: list[BratRef]) -> Attribution | None:
    roles: dict[str, list[Span]] = {role: [] for role in BRAT_ROLES}
    for role, ref in dict.fromkeys(refs):
        role = role or _type_role(brat, ref)
        if role is not None and ref in brat.bounds:
            roles[role].extend(brat.bounds[ref][1])
    if not roles["content"]:
        return None
    source = part_from_spans(text, set(roles["source"])) if roles["source"] else None
    cue = part_from_spans(text, set(roles["cue"])) if roles["cue"] else None
    return _attribution(text, set(roles["content"]), source, cue)


DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


def read_brat_document(ann_path: Path) -> AttributionDocument:
    """An article from a brat pair: ``name.txt`` and ``name.ann``; a date in the name
    (PolNeAR's ``publisher_2016-09-12_title``) is the publication date."""
    text = ann_path.with_suffix(".txt").read_text(encoding="utf-8")
    ann = ann_path.read_text(encoding="utf-8") if ann_path.exists() else ""
    found = DATE_IN_NAME.search(ann_path.stem)
    return AttributionDocument(
        id=ann_path.stem,
        text=text,
        attributions=read_brat_attributions(text, ann),
        published=date.fromisoformat(found.group(1)) if found else None,
    )


# --- predictions --------------------------------------------------------------------------------


def predicted_attributions(report: Report) -> tuple[Attribution, ...]:
    """tidings' attribution records of an article (``report.attributions``) in the scorer's
    form: the source is the actor's name and mentions when it is a known actor, else the words
    that name it."""
    text = report.article.text
    return tuple(_record_attribution(text, record, report) for record in report.attributions)


def _record_attribution(text: str, record: AttributionRecord, report: Report) -> Attribution:
    source_spans = (record.source_span,) if record.source_span else ()
    actor = report.actor(record.source)
    source = None
    if actor is not None:
        mentions = tuple((m.start, m.end) for m in actor.mentions)
        source = Part(actor.name, (*mentions, *source_spans))
    elif record.source_text:
        source = Part(record.source_text, source_spans)
    cue = None
    if record.cue:
        cue = Part(record.cue, (record.cue_span,) if record.cue_span else ())
    return Attribution(part_from_spans(text, record.content), source, cue, str(record.kind))


# --- matching and scoring -----------------------------------------------------------------------


def bare_words(text: str) -> str:
    """A text's words without the quotation marks and punctuation stuck to them, so that
    '"I do," she' and 'I do she' have the same words."""
    words = (word.strip(EDGE_CHARACTERS) for word in normalise_marks(text).split())
    return " ".join(word for word in words if word)


def match_contents(gold: Sequence[str], predicted: Sequence[str]) -> list[Match]:
    """One-to-one pairs of gold and predicted contents with word Jaccard ≥ 0.5 (over their
    bare words), best first."""
    gold, predicted = [bare_words(t) for t in gold], [bare_words(t) for t in predicted]
    candidates = sorted(
        (
            Match(g, p, score)
            for g, gold_text in enumerate(gold)
            for p, predicted_text in enumerate(predicted)
            if (score := word_jaccard(gold_text, predicted_text)) >= MIN_JACCARD
        ),
        key=lambda m: (-m.jaccard, m.gold, m.predicted),
    )
    return _one_to_one(candidates)


def exact_key(text: str) -> str:
    """What two contents must share to match exactly: their bare words, lower-cased, without a
    leading "that" (a complementiser, not content)."""
    words = bare_words(text).lower()
    return words[5:] if words.startswith("that ") else words


def match_exact(gold: Sequence[str], predicted: Sequence[str]) -> list[Match]:
    """One-to-one pairs of gold and predicted contents equal once quotation marks, punctuation
    and whitespace around their words and a leading "that" are stripped."""
    keys = [exact_key(text) for text in predicted]
    candidates = [
        Match(g, p, 1.0)
        for g, gold_text in enumerate(gold)
        for p, key in enumerate(keys)
        if key and exact_key(gold_text) == key
    ]
    return _one_to_one(candidates)


def _one_to_one(candidates: Iterable[Match]) -> list[Match]:
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matches = []
    for match in candidates:
        if match.gold in used_gold or match.predicted in used_predicted:
            continue
        used_gold.add(match.gold)
        used_predicted.add(match.predicted)
        matches.append(match)
    return matches


def name_words(name: str) -> frozenset[str]:
    """The words of a name that can tell it apart: longer than two letters, no fillers."""
    words = (word.strip(EDGE_CHARACTERS).lower() for word in name.split())
    return frozenset(w for w in words if len(w) > 2 and w not in NAME_FILLERS)


def speaker_correct(gold: Part | None, predicted: Part | None) -> bool:
    """Whether a predicted source is the gold one: a mention of the predicted actor overlaps the
    gold source, or the two names share a word (longer than two letters, not "the")."""
    if gold is None or predicted is None:
        return False
    if spans_overlap(gold.spans, predicted.spans):
        return True
    return bool(name_words(gold.text) & name_words(predicted.text))


def cue_correct(gold: Part | None, predicted: Part | None) -> bool:
    """Whether a predicted cue is the gold one: their spans overlap, or a word of each has the
    same rough lemma ("says" and "said")."""
    if gold is None or predicted is None:
        return False
    if spans_overlap(gold.spans, predicted.spans):
        return True
    gold_lemmas = {word_lemma(word) for word in gold.text.split()}
    return any(word_lemma(word) in gold_lemmas for word in predicted.text.split())


def tally_document(
    gold: Sequence[Attribution], predicted: Sequence[Attribution]
) -> tuple[dict[str, KindTally], list[Match]]:
    """Per kind and group, the counts of one document's gold and predicted attributions;
    also the content matches, for reading errors."""
    matches = match_contents([a.content.text for a in gold], [a.content.text for a in predicted])
    exact = match_exact([a.content.text for a in gold], [a.content.text for a in predicted])
    tallies = {group: KindTally() for group in GROUPS}
    for group, kinds in GROUPS.items():
        tally = tallies[group]
        _count(tally.overlap, gold, predicted, matches, kinds)
        _count(tally.exact, gold, predicted, exact, kinds)
        for match in matches:
            expected, found = gold[match.gold], predicted[match.predicted]
            if expected.kind not in kinds:
                continue
            if expected.source is not None:
                tally.speakers += 1
                tally.speakers_right += speaker_correct(expected.source, found.source)
            if expected.cue is not None:
                tally.cues += 1
                tally.cues_right += cue_correct(expected.cue, found.cue)
    return tallies, matches


def _count(
    counts: Counts,
    gold: Sequence[Attribution],
    predicted: Sequence[Attribution],
    matches: Sequence[Match],
    kinds: frozenset[str],
) -> None:
    matched_gold = {m.gold for m in matches}
    matched_predicted = {m.predicted for m in matches}
    counts.tp += sum(gold[m.gold].kind in kinds for m in matches)
    counts.fn += sum(a.kind in kinds for i, a in enumerate(gold) if i not in matched_gold)
    counts.fp += sum(a.kind in kinds for i, a in enumerate(predicted) if i not in matched_predicted)


def add_tally(total: KindTally, part: KindTally) -> None:
    """Add one document's tally of a kind into the running total."""
    for mine, theirs in ((total.overlap, part.overlap), (total.exact, part.exact)):
        mine.tp, mine.fp, mine.fn = mine.tp + theirs.tp, mine.fp + theirs.fp, mine.fn + theirs.fn
    total.speakers += part.speakers
    total.speakers_right += part.speakers_right
    total.cues += part.cues
    total.cues_right += part.cues_right


def kind_row(kind: str, tally: KindTally) -> dict[str, Any]:
    """The per-kind table row of a tally."""
    counts = tally.overlap
    return {
        "kind": kind,
        "gold": counts.tp + counts.fn,
        "predicted": counts.tp + counts.fp,
        "matched": counts.tp,
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
        "exact_f1": round(tally.exact.f1, 4),
        "speaker_accuracy": round(ratio(tally.speakers_right, tally.speakers), 4),
        "cue_accuracy": round(ratio(tally.cues_right, tally.cues), 4),
    }


def attribution_metrics(tallies: dict[str, KindTally]) -> dict[str, float]:
    """The flat metrics of the attributions set from the totals per kind and group."""
    speech, every = tallies["speech"].overlap, tallies["all"].overlap
    metrics = {
        "speech_precision": speech.precision,
        "speech_recall": speech.recall,
        "speech_f1": speech.f1,
        "all_precision": every.precision,
        "all_recall": every.recall,
        "all_f1": every.f1,
        "direct_exact_f1": tallies["direct"].exact.f1,
        "direct_recall": tallies["direct"].overlap.recall,
        "speaker_accuracy": ratio(tallies["all"].speakers_right, tallies["all"].speakers),
        "cue_accuracy": ratio(tallies["all"].cues_right, tallies["all"].cues),
    }
    metrics.update({f"{kind}_f1": tallies[kind].overlap.f1 for kind in KINDS})
    return {name: round(value, 4) for name, value in metrics.items()}


# --- errors -------------------------------------------------------------------------------------


def miss_cause(gold: Attribution, predicted: Sequence[Attribution]) -> str:
    """Why a gold attribution found no match: nothing there (and whether its cue is one tidings
    does not look for, or its quote is printed with doubled single marks, which tidings does
    not read as quotation marks), cut in pieces, or a wrong extent."""
    overlapping = [a for a in predicted if spans_overlap(gold.content.spans, a.content.spans)]
    if not overlapping:
        if gold.kind == "other":
            return "no attribution, cue not a speech verb"
        if gold.kind in ("direct", "mixed") and DOUBLED_MARKS.search(gold.content.text):
            return "no attribution, quoted with ''"
        return "no attribution"
    if len(overlapping) > 1:
        return "content split"
    return _extent_cause(gold.content.text, overlapping[0].content.text)


def false_positive_cause(found: Attribution, gold: Sequence[Attribution], matched: bool) -> str:
    """Why a predicted attribution matched nothing: no attribution there, or a wrong extent.

    ``matched`` says whether the gold content it overlaps is already matched by another
    prediction (then this one is a piece of a split content).
    """
    overlapping = [a for a in gold if spans_overlap(found.content.spans, a.content.spans)]
    if not overlapping:
        short_quote = found.kind in ("direct", "mixed") and len(found.content.text.split()) <= 4
        return "scare quote or title" if short_quote else "not an attribution"
    if len(overlapping) > 1:
        return "content merges several"
    if matched:
        return "content split"
    return _extent_cause(overlapping[0].content.text, found.content.text)


def _extent_cause(gold_text: str, predicted_text: str) -> str:
    gold_words, predicted_words = len(gold_text.split()), len(predicted_text.split())
    return "content too long" if predicted_words > gold_words else "content too short"


def speaker_cause(found: Attribution) -> str:
    """Why a matched attribution has a wrong speaker: none found, or another one."""
    return "no speaker" if found.source is None else "wrong speaker"


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ERROR_TEXT_CHARS else text[: ERROR_TEXT_CHARS - 1] + "…"


def _who(attribution: Attribution) -> str:
    source = attribution.source.text if attribution.source else "—"
    cue = attribution.cue.text if attribution.cue else "—"
    return f"{source} | {cue}"


def document_errors(
    document: AttributionDocument, predicted: Sequence[Attribution], matches: Sequence[Match]
) -> Iterator[ErrorCase]:
    """Every miss, false positive and wrong speaker of one document, in that order."""
    gold = document.attributions
    matched_gold = {m.gold for m in matches}
    matched_predicted = {m.predicted for m in matches}
    for index, attribution in enumerate(gold):
        if index not in matched_gold:
            yield ErrorCase(
                "miss",
                miss_cause(attribution, predicted),
                document.id,
                _cut(attribution.content.text),
                _who(attribution),
                "",
            )
    for index, found in enumerate(predicted):
        if index not in matched_predicted:
            overlapped_matched = any(
                spans_overlap(found.content.spans, gold[g].content.spans) for g in matched_gold
            )
            yield ErrorCase(
                "false-positive",
                false_positive_cause(found, gold, overlapped_matched),
                document.id,
                _cut(found.content.text),
                "",
                _who(found),
            )
    for match in matches:
        expected, found = gold[match.gold], predicted[match.predicted]
        if expected.source is not None and not speaker_correct(expected.source, found.source):
            yield ErrorCase(
                "wrong",
                speaker_cause(found),
                document.id,
                _cut(expected.content.text),
                _who(expected),
                _who(found),
            )


def pick_errors(cases: Iterable[ErrorCase], limit: int) -> list[ErrorCase]:
    """Up to ``limit`` cases of each kind (misses, false positives, wrong speakers)."""
    taken: Counter[str] = Counter()
    picked = []
    for case in cases:
        if taken[case.kind] < limit:
            taken[case.kind] += 1
            picked.append(case)
    return picked


def error_causes(cases: Iterable[ErrorCase]) -> list[dict[str, Any]]:
    """How many cases each (kind, cause) has, most frequent first."""
    counted = Counter((case.kind, case.cause) for case in cases)
    return [
        {"kind": kind, "cause": cause, "count": count}
        for (kind, cause), count in counted.most_common()
    ]


# --- the set ------------------------------------------------------------------------------------


def score_predictions(
    documents: Sequence[AttributionDocument],
    predictions: Sequence[Sequence[Attribution]],
    *,
    errors: int = 0,
) -> SetScore:
    """The attributions set's score from gold documents and predicted attributions, in order.

    ``tables`` holds ``per_kind`` (direct, mixed, indirect, other, speech, all) and
    ``error_causes`` (every case counted, not only the ones kept); with ``errors`` = N, up to N
    misses, N false positives and N wrong speakers are kept as error cases.
    """
    totals = {group: KindTally() for group in GROUPS}
    cases: list[ErrorCase] = []
    for document, predicted in zip(documents, predictions, strict=True):
        tallies, matches = tally_document(document.attributions, predicted)
        for group, tally in tallies.items():
            add_tally(totals[group], tally)
        if errors:
            cases.extend(document_errors(document, predicted, matches))
    every = totals["all"].overlap
    score = SetScore(
        name="attributions",
        metrics=attribution_metrics(totals),
        counts={
            "documents": len(documents),
            "gold": every.tp + every.fn,
            "predicted": every.tp + every.fp,
            "matched": every.tp,
        },
        tables={"per_kind": [kind_row(group, tally) for group, tally in totals.items()]},
    )
    if errors:
        score.tables["error_causes"] = error_causes(cases)
        score.errors = pick_errors(cases, errors)
    return score


def score_attributions(
    documents: Sequence[AttributionDocument],
    pipeline: Pipeline,
    *,
    errors: int = 0,
    processes: int = 1,
) -> SetScore:
    """Run tidings over the articles and score its quotes and citations as attributions."""
    articles = (
        Article(id=document.id, text=document.text, published=document.published)
        for document in documents
    )
    reports = extract_many(articles, pipeline=pipeline, processes=processes)
    predictions = [predicted_attributions(report) for report in reports]
    return score_predictions(documents, predictions, errors=errors)
