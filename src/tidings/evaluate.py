"""Scoring extraction against hand-made gold files (format: gold/README.md)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.articles import article_from_fields, read_article
from tidings.errors import GoldError, TidingsError
from tidings.model import Actor, Article, Event, Report
from tidings.settings import Settings


@dataclass(slots=True)
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when there is no gold)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Accumulate another score's counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float]:
        """Counts and ratios for JSON output."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Accuracy:
    """Share of matched items whose attribute is right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """correct / total (1.0 when nothing was compared)."""
        return self.correct / self.total if self.total else 1.0

    def count(self, is_correct: bool) -> None:
        """Record one comparison."""
        self.correct += is_correct
        self.total += 1

    def add(self, other: Accuracy) -> None:
        """Accumulate another accuracy's counts."""
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, float]:
        """Counts and ratio for JSON output."""
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(slots=True)
class Evaluation:
    """Scores of the pipeline over one or more gold files."""

    files: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    event_types: dict[str, Score] = field(default_factory=dict)
    modalities: dict[str, Accuracy] = field(default_factory=dict)

    def score(self, name: str) -> Score:
        """The named score, created empty on first use."""
        return self.scores.setdefault(name, Score())

    def accuracy(self, name: str) -> Accuracy:
        """The named accuracy, created empty on first use."""
        return self.accuracies.setdefault(name, Accuracy())

    def merge(self, other: Evaluation) -> None:
        """Accumulate another evaluation's counts."""
        self.files += other.files
        for table, other_table in (
            (self.scores, other.scores),
            (self.event_types, other.event_types),
        ):
            for name, score in other_table.items():
                table.setdefault(name, Score()).add(score)
        for table, other_table in (
            (self.accuracies, other.accuracies),
            (self.modalities, other.modalities),
        ):
            for name, accuracy in other_table.items():
                table.setdefault(name, Accuracy()).add(accuracy)

    @property
    def event_type_macro_f1(self) -> float:
        """Unweighted mean F1 over the event types present in gold or predictions."""
        scores = list(self.event_types.values())
        return sum(s.f1 for s in scores) / len(scores) if scores else 1.0

    def metrics(self) -> dict[str, float]:
        """Flat metric name -> value, the keys score floors refer to."""
        flat = {f"{name}.f1": s.f1 for name, s in self.scores.items()}
        flat |= {f"{name}.precision": s.precision for name, s in self.scores.items()}
        flat |= {f"{name}.recall": s.recall for name, s in self.scores.items()}
        flat |= {f"{name}.accuracy": a.value for name, a in self.accuracies.items()}
        if self.event_types:  # no event gold, no macro-F1 (an empty mean is not a perfect score)
            flat["events.type_macro_f1"] = self.event_type_macro_f1
        return {k: round(v, 4) for k, v in sorted(flat.items())}

    def to_dict(self) -> dict[str, Any]:
        """Everything, for `tidings evaluate --format json`."""
        return {
            "files": self.files,
            "metrics": self.metrics(),
            "scores": {k: v.to_dict() for k, v in sorted(self.scores.items())},
            "accuracies": {k: v.to_dict() for k, v in sorted(self.accuracies.items())},
            "event_types": {k: v.to_dict() for k, v in sorted(self.event_types.items())},
            "modalities": {k: v.to_dict() for k, v in sorted(self.modalities.items())},
        }


class GoldArticleMissingError(GoldError):
    """A gold file's article is not on this machine (the reference corpus lives outside)."""

    code = "E202"


@dataclass(frozen=True, slots=True)
class GoldFile:
    """A gold annotation and the article it annotates."""

    path: Path
    article: Article
    annotations: dict[str, Any]


def load_gold(path: Path, settings: Settings | None = None) -> GoldFile:
    """Read one gold file and the article it refers to."""
    settings = settings or Settings()
    try:
        annotations = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"{path}: cannot read gold file ({error}).") from error
    if not isinstance(annotations, dict):
        raise GoldError(f"{path}: a gold file is one JSON object.")
    if "article_file" in annotations:
        article_path = path.parent / annotations["article_file"]
        if not article_path.exists():
            raise GoldArticleMissingError(f"{path}: its article {article_path} is not here.")
        article = read_article(article_path, settings=settings)
    elif isinstance(annotations.get("article"), dict):
        fields = annotations["article"]
        article = article_from_fields(fields, str(fields.get("text", "")), str(path), settings)
    else:
        raise GoldError(f"{path}: needs 'article_file' or an inline 'article' object.")
    return GoldFile(path=path, article=article, annotations=annotations)


def find_gold_files(gold_dir: Path) -> list[Path]:
    """Every `*.gold.json` below a directory (or the file itself)."""
    if gold_dir.is_file():
        return [] if gold_dir.name.endswith(".pairs.jsonl") else [gold_dir]
    return sorted(gold_dir.rglob("*.gold.json"))


def locate(text: str, needle: str, n: int, source: Path) -> tuple[int, int]:
    """Character span of the n-th (1-based) occurrence of `needle` in `text`."""
    start = -1
    for _ in range(max(n, 1)):
        start = text.find(needle, start + 1)
        if start < 0:
            raise GoldError(f"{source}: {needle!r} (occurrence {n}) is not in the article text.")
    return start, start + len(needle)


def nearest(
    text: str, needle: str, start: int, end: int, reach: int = 300
) -> tuple[int, int] | None:
    """Span of the occurrence of `needle` closest to the span start..end, within `reach`."""
    if not needle:
        return None
    best = None
    position = text.find(needle, max(0, start - reach))
    while 0 <= position <= end + reach:
        distance = 0 if start <= position < end else min(abs(position - start), abs(position - end))
        if best is None or distance < best[0]:
            best = (distance, position)
        position = text.find(needle, position + 1)
    return (best[1], best[1] + len(needle)) if best else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def actor_reference(actor: Actor | None) -> str | None:
    """How gold files name an actor: its ISO-3 country, else its organisation's id, else name."""
    if actor is None:
        return None
    return actor.reference


def event_references(report: Report, actor_ids: Iterable[str]) -> frozenset[str]:
    """The gold-style references of a list of actor ids."""
    refs = (actor_reference(report.actor(a)) for a in actor_ids)
    return frozenset(r for r in refs if r)


def normalise_outlet(name: str) -> str:
    """An outlet name compared case-insensitively, without a leading 'the'."""
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def same_speaker(actor: Actor | None, gold_speaker: str | None) -> bool:
    """Whether the predicted speaker is the person the gold names."""
    if not gold_speaker:
        return actor is None
    if actor is None:
        return False
    gold = gold_speaker.lower().strip()
    names = {actor.name.lower(), *(m.text.lower() for m in actor.mentions)}
    if gold in names:
        return True
    surname = gold.split()[-1]
    return any(n.split()[-1] == surname for n in names if n and n.split())


def evaluate_events(report: Report, gold: GoldFile, evaluation: Evaluation) -> None:
    """Match predicted events to gold events and count what is right."""
    text = report.article.text
    predicted = list(report.events)
    unmatched = set(range(len(predicted)))
    detection = evaluation.score("events")
    strict = evaluation.score("events.strict")
    type_scores = evaluation.event_types
    items = gold.annotations.get("events", [])
    matches = _event_matches(predicted, items, text, gold.path)
    for item, match in zip(items, matches, strict=True):
        gold_type = item["type"]
        type_scores.setdefault(gold_type, Score())
        if match is None:
            detection.fn += 1
            strict.fn += 1
            type_scores[gold_type].fn += 1
            continue
        unmatched.discard(match)
        detection.tp += 1
        event = predicted[match]
        type_right = event.type == gold_type
        source_right = event_references(report, event.source) == _refs(item.get("source"))
        target_right = event_references(report, event.target) == _refs(item.get("target"))
        modality_right = str(event.modality) == item.get("modality", "asserted")
        all_right = type_right and source_right and target_right and modality_right
        strict.tp += all_right
        strict.fn += not all_right
        strict.fp += not all_right
        if type_right:
            type_scores[gold_type].tp += 1
            evaluation.accuracy("events.source_target").count(source_right and target_right)
        else:
            type_scores[gold_type].fn += 1
            type_scores.setdefault(event.type, Score()).fp += 1
        evaluation.accuracy("events.type").count(type_right)
        evaluation.accuracy("events.modality").count(modality_right)
        evaluation.modalities.setdefault(item.get("modality", "asserted"), Accuracy()).count(
            modality_right
        )
        evaluation.accuracy("events.date").count(
            (event.date.value if event.date else None) == item.get("date")
        )
    for i in unmatched:
        detection.fp += 1
        strict.fp += 1
        type_scores.setdefault(predicted[i].type, Score()).fp += 1


def _refs(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(v.upper() for v in values or ())


def _event_matches(
    predicted: list[Event], items: list[dict[str, Any]], text: str, path: Path
) -> list[int | None]:
    """Each gold event's predicted event, one-to-one: first those whose trigger overlaps the
    gold trigger with the gold type (a word may trigger an act and the promise of it), then
    any overlapping one, else one of the same type in the sentence."""
    located = []
    for item in items:
        sentence_start, sentence_end = locate(text, item["sentence"], 1, path)
        trigger_span = nearest(text, item.get("trigger") or "", sentence_start, sentence_end)
        located.append((sentence_start, sentence_end, trigger_span))
    unmatched = set(range(len(predicted)))
    matches: dict[int, int | None] = {}
    for typed_only in (True, False):
        for n, (item, (start, end, trigger_span)) in enumerate(zip(items, located, strict=True)):
            if n in matches:
                continue
            candidates = sorted(
                i
                for i in unmatched
                if predicted[i].evidence.start <= start and end <= predicted[i].evidence.end
            )
            match = _best_event(predicted, candidates, item, trigger_span, typed_only=typed_only)
            if match is not None:
                unmatched.discard(match)
            if match is not None or not typed_only:
                matches[n] = match
    return [matches[n] for n in range(len(items))]


def _best_event(
    predicted: list[Event],
    candidates: list[int],
    item: dict[str, Any],
    trigger_span: tuple[int, int] | None,
    *,
    typed_only: bool = False,
) -> int | None:
    """The candidate whose trigger overlaps the gold trigger, of the same type first (only
    that when `typed_only`), else one of the same type."""
    overlapping = [
        i
        for i in candidates
        if trigger_span
        and overlaps((predicted[i].trigger_start, predicted[i].trigger_end), trigger_span)
    ]
    typed = [i for i in overlapping if predicted[i].type == item["type"]]
    if typed_only:
        return typed[0] if typed else None
    if overlapping:
        return (typed or overlapping)[0]
    same_type = [i for i in candidates if predicted[i].type == item["type"]]
    return min(same_type) if same_type else None


def match_spans(
    items: list[dict[str, Any]],
    spans: list[tuple[int, int]],
    gold: GoldFile,
    score: Score,
) -> list[tuple[dict[str, Any], int]]:
    """Pair gold items (located by `text` and `n`) one-to-one with overlapping predicted spans.

    Counts hits, misses and extra predictions into `score`; returns the matched pairs.
    """
    text = gold.article.text
    used: set[int] = set()
    pairs = []
    for item in items:
        span = locate(text, item["text"], item.get("n", 1), gold.path)
        match = next(
            (i for i, other in enumerate(spans) if i not in used and overlaps(span, other)), None
        )
        if match is None:
            score.fn += 1
            continue
        used.add(match)
        pairs.append((item, match))
    score.tp += len(pairs)
    score.fp += len(spans) - len(used)
    return pairs


def evaluate_actors(report: Report, gold: GoldFile, evaluation: Evaluation) -> None:
    """Match gold actor mentions to predicted mentions and check their codes."""
    mentions = [(m.start, m.end, actor) for actor in report.actors for m in actor.acting_mentions]
    items = gold.annotations.get("actors", [])
    spans = [(start, end) for start, end, _ in mentions]
    for item, index in match_spans(items, spans, gold, evaluation.score("actors")):
        actor = mentions[index][2]
        country_right = (actor.country or None) == (item.get("country") or None)
        evaluation.accuracy("actors.country").count(country_right)
        evaluation.accuracy("actors.country_sector").count(
            country_right and (actor.sector or None) == (item.get("sector") or None)
        )


def evaluate_quotes(report: Report, gold: GoldFile, evaluation: Evaluation) -> None:
    """Match gold quotes to predicted quotes and check speakers."""
    items = gold.annotations.get("quotes", [])
    spans = [(q.start, q.end) for q in report.quotes]
    for item, index in match_spans(items, spans, gold, evaluation.score("quotes")):
        quote = report.quotes[index]
        evaluation.accuracy("quotes.speaker").count(
            same_speaker(report.actor(quote.speaker), item.get("speaker"))
        )
        evaluation.accuracy("quotes.kind").count(str(quote.kind) == item.get("kind", "direct"))


def evaluate_citations(report: Report, gold: GoldFile, evaluation: Evaluation) -> None:
    """Compare cited outlets as multisets of normalised names."""
    predicted = Counter(normalise_outlet(c.outlet) for c in report.citations)
    expected = Counter(normalise_outlet(c["outlet"]) for c in gold.annotations.get("citations", []))
    found = sum((predicted & expected).values())
    score = evaluation.score("citations")
    score.tp += found
    score.fp += sum(predicted.values()) - found
    score.fn += sum(expected.values()) - found
    for item in gold.annotations.get("citations", []):
        if item.get("date"):
            dates = [
                c.date
                for c in report.citations
                if normalise_outlet(c.outlet) == normalise_outlet(item["outlet"])
            ]
            if dates:
                evaluation.accuracy("citations.date").count(item["date"] in dates)


def evaluate_times(report: Report, gold: GoldFile, evaluation: Evaluation) -> None:
    """Match gold time expressions and check their normalised values."""
    items = gold.annotations.get("times", [])
    spans = [(t.start, t.end) for t in report.times]
    for item, index in match_spans(items, spans, gold, evaluation.score("times")):
        evaluation.accuracy("times.value").count(report.times[index].value == item.get("value"))


def evaluate_quantities(report: Report, gold: GoldFile, evaluation: Evaluation) -> None:
    """Match gold quantities and check their normalised value and unit."""
    items = gold.annotations.get("quantities", [])
    spans = [(q.start, q.end) for q in report.quantities]
    for item, index in match_spans(items, spans, gold, evaluation.score("quantities")):
        quantity = report.quantities[index]
        expected = item.get("normalized") or {"value": item.get("value"), "unit": item.get("unit")}
        value_right = _close(quantity.normalized_value, expected.get("value"))
        if "max" in expected:
            value_right = value_right and _close(quantity.normalized_max or 0.0, expected["max"])
        unit_right = quantity.normalized_unit.lower() == str(expected.get("unit", "")).lower()
        evaluation.accuracy("quantities.value").count(value_right and unit_right)


def _close(value: float, expected: Any) -> bool:
    try:
        expected_value = float(expected)
    except (TypeError, ValueError):
        return False
    return abs(value - expected_value) <= 0.01 * max(abs(expected_value), 1.0)


def evaluate_report(report: Report, gold: GoldFile) -> Evaluation:
    """Scores of one report against its gold file."""
    evaluation = Evaluation(files=1)
    for kind, evaluate_kind in (
        ("events", evaluate_events),
        ("actors", evaluate_actors),
        ("quotes", evaluate_quotes),
        ("citations", evaluate_citations),
        ("times", evaluate_times),
        ("quantities", evaluate_quantities),
    ):
        # A kind the file does not annotate is not scored ([] means "annotated: none").
        if kind in gold.annotations:
            evaluate_kind(report, gold, evaluation)
    return evaluation


def evaluate_gold(gold_dir: Path, extract_report: Any) -> tuple[Evaluation, list[str]]:
    """Scores over every gold file below `gold_dir`, and the files skipped with their reason.

    `extract_report` turns an Article into a Report (normally `tidings.pipeline.extract`).
    """
    total = Evaluation()
    skipped = []
    for path in find_gold_files(gold_dir):
        try:
            gold = load_gold(path)
        except GoldArticleMissingError as error:
            skipped.append(str(error))
            continue
        total.merge(evaluate_report(extract_report(gold.article), gold))
    pair_files = (
        [gold_dir]
        if gold_dir.is_file() and gold_dir.name.endswith(".pairs.jsonl")
        else (sorted(gold_dir.rglob("*.pairs.jsonl")) if gold_dir.is_dir() else [])
    )
    for path in pair_files:
        total.merge(evaluate_pairs(path, extract_report))
    return total, skipped


def evaluate_pairs(path: Path, extract_report: Any) -> Evaluation:
    """Dedup precision and recall over a file of article pairs labelled `same` or `different`.

    A pair is predicted `same` when the merge rule (tidings.dedup) joins any event of one
    article with any event of the other.
    """
    from tidings.dedup import same_event, views_of_report

    evaluation = Evaluation()
    score = evaluation.score("dedup")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            pair = json.loads(line)
            sides = [
                article_from_fields(
                    {"id": f"{pair['id']}-{side}", "published": pair[side].get("published")},
                    pair[side]["text"],
                    f"{path}:{number}",
                    Settings(),
                )
                for side in ("a", "b")
            ]
        except (KeyError, TypeError, json.JSONDecodeError, TidingsError) as error:
            raise GoldError(f"{path}:{number}: malformed pair ({error}).") from error
        first, second = (views_of_report(extract_report(article)) for article in sides)
        predicted = any(same_event(x, y) for x in first for y in second)
        expected = pair.get("label") == "same"
        score.tp += predicted and expected
        score.fp += predicted and not expected
        score.fn += expected and not predicted
    return evaluation


def check_floors(evaluation: Evaluation, floors: dict[str, float]) -> list[str]:
    """The metrics that fall below their committed floor, as readable lines."""
    metrics = evaluation.metrics()
    failures = []
    for name, floor in sorted(floors.items()):
        if name not in metrics:
            failures.append(f"{name}: not measured (floor {floor})")
        elif metrics[name] < floor:
            failures.append(f"{name}: {metrics[name]:.4f} is below the floor {floor}")
    return failures


def load_floors(path: Path) -> dict[str, float]:
    """Score floors from a JSON object of metric name -> minimum value."""
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise TidingsError(f"Cannot read score floors {path}: {error}.") from error
    return {str(k): float(v) for k, v in floors.items() if not str(k).startswith("_")}
