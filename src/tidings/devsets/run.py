"""Run every labelled development set found in a folder and check the figures against floors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tidings.devsets.actor_phrases import load_actor_phrases, score_actor_phrases
from tidings.devsets.attributions import load_attributions, score_attributions
from tidings.devsets.common import GOLD_FORMATS, SetScore
from tidings.devsets.plover import load_plover, score_plover
from tidings.devsets.sentence_labels import load_sentence_labels, score_sentence_labels
from tidings.devsets.stories import load_story_gold, score_stories
from tidings.devsets.timeml import load_timeml, score_timeml
from tidings.errors import GoldFormatError
from tidings.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class DevSet:
    """A labelled set: its name, its file in the dev folder, and how to score it."""

    name: str
    file: str
    score: Callable[[Path, Pipeline, Path, int], SetScore]


def _plover(path: Path, pipeline: Pipeline, _gold: Path, errors: int) -> SetScore:
    return score_plover(load_plover(path), pipeline, errors=errors)


def _police(path: Path, pipeline: Pipeline, _gold: Path, errors: int) -> SetScore:
    return score_sentence_labels(load_sentence_labels(path), pipeline, errors=errors)


def _timeml(path: Path, pipeline: Pipeline, _gold: Path, errors: int) -> SetScore:
    return score_timeml(load_timeml(path), pipeline, errors=errors)


def _attributions(path: Path, pipeline: Pipeline, _gold: Path, errors: int) -> SetScore:
    # the largest set (924 articles): both cores of a laptop
    return score_attributions(load_attributions(path), pipeline, errors=errors, processes=2)


def _story_set(folder: str, name: str) -> Callable[[Path, Pipeline, Path, int], SetScore]:
    """How to score the VOA stories whose gold is in one folder of the gold directory, as a set
    named `name`."""

    def score(path: Path, pipeline: Pipeline, gold: Path, errors: int) -> SetScore:
        golds = load_story_gold(gold / folder, path)
        return score_stories(golds, pipeline, errors=errors, name=name)

    return score


DEV_SETS = (
    DevSet("plover", "plover-dyads.jsonl", _plover),
    DevSet("police", "police-events.jsonl", _police),
    DevSet("timeml", "timeml.jsonl", _timeml),
    DevSet("attributions", "attributions.jsonl", _attributions),
    DevSet("voa", "voa-stories.jsonl", _story_set("voa", "voa")),
    # stories annotated after the rules were tuned on the first ten: how the rules generalise
    DevSet("voa-unseen", "voa-stories.jsonl", _story_set("voa-blind2", "voa-unseen")),
    # stories annotated blind in session 27 and kept from tuning until its end
    DevSet("voa-heldout", "voa-stories.jsonl", _story_set("voa-blind3", "voa-heldout")),
    # stories annotated blind in session 28 and scored once at its end before anyone saw them
    DevSet("voa-heldout2", "voa-stories.jsonl", _story_set("voa-blind4", "voa-heldout2")),
    # stories annotated blind in session 29 and scored once at its end before anyone saw them
    DevSet("voa-heldout3", "voa-stories.jsonl", _story_set("voa-blind5", "voa-heldout3")),
    # stories annotated blind in session 30 and scored once at its end before anyone saw them
    DevSet("voa-heldout4", "voa-stories.jsonl", _story_set("voa-blind6", "voa-heldout4")),
    # stories annotated blind in session 31 and scored once at its end before anyone saw them
    DevSet("voa-heldout5", "voa-stories.jsonl", _story_set("voa-blind7", "voa-heldout5")),
    # stories annotated blind in session 32 and scored once at its end before anyone saw them
    DevSet("voa-heldout6", "voa-stories.jsonl", _story_set("voa-blind8", "voa-heldout6")),
)


def run_dev_sets(
    dev_dir: Path,
    pipeline: Pipeline,
    *,
    gold_dir: Path,
    only: Iterable[str] = (),
    errors: int = 0,
    progress: Callable[[str], None] = lambda _name: None,
) -> tuple[list[SetScore], list[str]]:
    """Scores of the sets present in `dev_dir` (all, or those named in `only`), and the names
    of the sets that were absent."""
    wanted = set(only)
    scores, absent = [], []
    for dev_set in DEV_SETS:
        if wanted and dev_set.name not in wanted:
            continue
        path = dev_dir / dev_set.file
        if not path.exists():
            absent.append(dev_set.name)
            continue
        progress(dev_set.name)
        scores.append(dev_set.score(path, pipeline, gold_dir, errors))
    return scores, absent


def flat_metrics(scores: Iterable[SetScore]) -> dict[str, float]:
    """`set.metric` -> value over all sets."""
    return {f"{s.name}.{name}": value for s in scores for name, value in s.metrics.items()}


def below_floors(scores: Iterable[SetScore], floors: dict[str, float]) -> list[str]:
    """A line per metric under its floor; floors of sets not run are not checked."""
    figures = flat_metrics(scores)
    return [
        f"{name} {figures[name]:.3f} < {floor:.3f}"
        for name, floor in sorted(floors.items())
        if name in figures and figures[name] < floor - 1e-9
    ]


def figures_document(scores: Iterable[SetScore]) -> dict[str, Any]:
    """Everything the run measured, for the JSON file: metrics, counts and tables per set."""
    return {s.name: {"metrics": s.metrics, "counts": s.counts, "tables": s.tables} for s in scores}


def errors_document(scores: Iterable[SetScore]) -> dict[str, list[dict[str, str]]]:
    """The listed error cases per set."""
    return {s.name: [asdict(case) for case in s.errors] for s in scores}


def write_figures(path: Path, scores: list[SetScore]) -> None:
    """Write the figures of a run as JSON."""
    path.write_text(
        json.dumps(figures_document(scores), indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


_ROW_KEYS = {
    "timexes": "timeml",
    "attributions": "attributions",
    "plover_root": "plover",
    "police_labels": "labels",
}


def detect_format(path: Path) -> str:
    """The annotation format of a gold path: own gold folder, TimeML, brat, or a JSONL/CSV set."""
    if path.is_dir():
        if any(path.rglob("*.gold.json")) or any(path.rglob("*.pairs.jsonl")):
            return "gold"  # the project's own gold, dedup pairs included
        if any(path.rglob("*.tml")):
            return "timeml"
        if any(path.rglob("*.ann")):
            return "attributions"
        raise GoldFormatError(
            f"{path} holds no gold files (*.gold.json, *.pairs.jsonl, *.tml, *.ann): "
            "pass a gold folder or a file, or name its format with --as"
        )
    suffix = path.suffix.lower()
    if suffix in {".tml", ".xml"}:
        return "timeml"
    if suffix in {".ann", ".txt"}:
        return "attributions"
    if suffix == ".csv":
        return "plover"
    if suffix == ".tsv":
        return "actors"
    with path.open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "{}")
    try:
        row = json.loads(first)
    except json.JSONDecodeError as error:
        raise GoldFormatError(
            f"{path} is not JSON Lines ({error}): name its format with --as"
        ) from error
    keys = set(row.get("labels", row)) if isinstance(row, dict) else set()
    for key, name in _ROW_KEYS.items():
        if key in keys:
            return name
    raise GoldFormatError(
        f"cannot tell the format of {path} from its first row: name it with --as "
        f"({', '.join(GOLD_FORMATS)})"
    )


def score_file(path: Path, gold_format: str, pipeline: Pipeline, *, errors: int = 0) -> SetScore:
    """Score one gold file or folder in an outside format (not the project's own gold)."""
    if gold_format == "timeml":
        return score_timeml(load_timeml(path), pipeline, errors=errors)
    if gold_format == "attributions":
        return score_attributions(load_attributions(path), pipeline, errors=errors)
    if gold_format == "plover":
        return score_plover(load_plover(path), pipeline, errors=errors)
    if gold_format == "labels":
        return score_sentence_labels(load_sentence_labels(path), pipeline, errors=errors)
    if gold_format == "actors":
        return score_actor_phrases(load_actor_phrases(path), pipeline, errors=errors)
    raise GoldFormatError(f"unknown gold format {gold_format!r}: one of {', '.join(GOLD_FORMATS)}")
