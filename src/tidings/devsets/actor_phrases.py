"""Score actor coding on a file of dated actor phrases, each inside a sentence.

The file is tab-separated with `#` comment lines and a header row
`id, date, phrase, country, sector, category, sentence` (gold/actors/README.md). Each sentence
is read as an article published on the row's date; the actor whose mention covers the phrase
is compared with the expected country and sector (an empty cell expects no country). A row
whose phrase yields no actor counts as wrong on both, with the cause "not found".
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tidings.devsets.common import ErrorCase, SetScore, ratio, sample_by_cause
from tidings.errors import GoldFormatError
from tidings.model import Actor, Article, Report
from tidings.pipeline import Pipeline, extract_many

COLUMNS = ("id", "date", "phrase", "country", "sector", "category", "sentence")


@dataclass(frozen=True, slots=True)
class ActorPhrase:
    """One row: a phrase in its sentence, dated, with the code it should get."""

    id: str
    published: date
    phrase: str
    country: str | None
    sector: str
    category: str
    sentence: str

    @property
    def span(self) -> tuple[int, int]:
        """Character offsets of the phrase in the sentence."""
        start = self.sentence.index(self.phrase)
        return start, start + len(self.phrase)


def load_actor_phrases(path: Path) -> list[ActorPhrase]:
    """The rows of an actor-phrase file; a malformed row is a GoldFormatError naming it."""
    try:
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"{path}: cannot read actor phrases ({error})") from error
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise GoldFormatError(f"{path}: the header must be {' '.join(COLUMNS)}")
    return [_phrase(row, path) for row in reader]


def _phrase(row: dict[str, str], path: Path) -> ActorPhrase:
    where = f"{path}: row {row.get('id')}"
    try:
        published = date.fromisoformat(row["date"])
    except (TypeError, ValueError) as error:
        raise GoldFormatError(f"{where}: bad date {row.get('date')!r}") from error
    phrase, sentence = row["phrase"] or "", row["sentence"] or ""
    if not phrase or phrase not in sentence:
        raise GoldFormatError(f"{where}: the phrase is not in the sentence")
    return ActorPhrase(
        id=row["id"],
        published=published,
        phrase=phrase,
        country=row["country"] or None,
        sector=row["sector"],
        category=row["category"],
        sentence=sentence,
    )


def actor_at(report: Report, span: tuple[int, int]) -> Actor | None:
    """The actor whose mention overlaps the span most (the longest overlap wins)."""
    best, best_overlap = None, 0
    for actor in report.actors:
        for mention in actor.mentions:
            overlap = min(span[1], mention.end) - max(span[0], mention.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best


def score_actor_phrases(
    rows: list[ActorPhrase], pipeline: Pipeline, *, errors: int = 0
) -> SetScore:
    """Country accuracy, country+sector accuracy and found rate, overall and per category."""
    articles = (Article(id=row.id, text=row.sentence, published=row.published) for row in rows)
    reports = extract_many(articles, pipeline=pipeline, batch_size=64)
    found = country_right = code_right = 0
    per_category: dict[str, Counter[str]] = {}
    cases: list[ErrorCase] = []
    for row, report in zip(rows, reports, strict=True):
        actor = actor_at(report, row.span)
        tally = per_category.setdefault(row.category, Counter())
        tally["rows"] += 1
        if actor is None:
            cases.append(_case(row, "not found", "no actor"))
            continue
        found += 1
        country_ok = actor.country == row.country
        code_ok = country_ok and actor.sector == row.sector
        country_right += country_ok
        code_right += code_ok
        tally["country"] += country_ok
        tally["code"] += code_ok
        if not code_ok:
            cause = "wrong sector" if country_ok else "wrong country"
            cases.append(_case(row, cause, f"{actor.name}: {actor.country or '-'} {actor.sector}"))
    total = len(rows)
    score = SetScore(name="actors")
    score.metrics = {
        "found_rate": ratio(found, total),
        "country_accuracy": ratio(country_right, total),
        "code_accuracy": ratio(code_right, total),
    }
    score.counts = {"rows": total, "found": found}
    score.tables["per_category"] = [
        {
            "category": category,
            "rows": tally["rows"],
            "country": ratio(tally["country"], tally["rows"]),
            "code": ratio(tally["code"], tally["rows"]),
        }
        for category, tally in sorted(per_category.items())
    ]
    score.tables["causes"] = [
        {"cause": cause, "rows": n} for cause, n in Counter(c.cause for c in cases).most_common()
    ]
    score.errors = sample_by_cause(cases, errors)
    return score


def _case(row: ActorPhrase, cause: str, output: str) -> ErrorCase:
    return ErrorCase(
        kind="wrong",
        cause=cause,
        item=f"{row.id} {row.published} {row.category}",
        text=row.sentence,
        gold=f"{row.phrase}: {row.country or '-'} {row.sector}",
        output=output,
    )
