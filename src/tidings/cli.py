"""The `tidings` command line: a thin layer over the library that turns its errors into messages."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from tidings import export
from tidings.actors import load_knowledge_base
from tidings.actors.catalogue import search, show, validate
from tidings.actors.kb import kb_sizes
from tidings.devsets.common import DEV_SET_NAMES, GOLD_FORMATS
from tidings.errors import StoreError, TidingsError
from tidings.evaluate import check_floors, evaluate_gold, load_floors
from tidings.model import Article
from tidings.render import report_summary, table
from tidings.settings import Settings, load_settings
from tidings.sources import Skipped, read_all, read_sources, read_with_origins
from tidings.store import Store, is_postgres_url

FORMATS = click.Choice(["table", "json", "jsonl"])


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """Click callback: a YYYY-MM-DD option as a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a real date in YYYY-MM-DD form.") from error


@click.group()
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML settings file with a [tidings] table.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log progress to standard error.")
@click.pass_context
def main(ctx: click.Context, config: Path | None, verbose: bool) -> None:
    """tidings: turn news articles into sourced political event data."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)
    try:
        ctx.obj = load_settings(config)
    except TidingsError as error:
        raise click.ClickException(str(error)) from error


def actor_files_option(function: Any) -> Any:
    """The --actors option shared by commands that resolve actors."""
    return click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra actors (YAML or CSV, schema in src/tidings/data/kb/README.md); repeatable.",
    )(function)


def settings_for(ctx: click.Context, **overrides: Any) -> Settings:
    """The run's settings with command-line flags applied."""
    settings: Settings = ctx.obj or Settings()
    if overrides.get("actor_files"):
        overrides["actor_files"] = settings.actor_files + tuple(overrides["actor_files"])
    else:
        overrides.pop("actor_files", None)
    return settings.with_overrides(**overrides)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=iso_date, help="Publication date YYYY-MM-DD (overrides).")
@click.option("--outlet", help="Outlet name (overrides the file's metadata).")
@click.option("--format", "output_format", type=FORMATS, default="table", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="Drop less confident events.")
@actor_files_option
@click.pass_context
def extract(
    ctx: click.Context,
    files: tuple[Path, ...],
    published: date | None,
    outlet: str | None,
    output_format: str,
    min_confidence: float | None,
    actor_files: tuple[Path, ...],
) -> None:
    """Extract the record of each article in FILES (.txt, .json, .jsonl, .html, RSS/Atom .xml,
    directories) and print it; what cannot be read or extracted is skipped with its reason."""
    from tidings.pipeline import ExtractionFailure, extract_each, load_pipeline

    settings = settings_for(ctx, min_confidence=min_confidence, actor_files=actor_files)
    overrides = {"published": published, "outlet": outlet or None}
    try:
        reading = read_all(files, settings)
        articles = [with_flags(article, overrides) for article in reading.articles]
        results = list(extract_each(articles, pipeline=load_pipeline(settings)))
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    reasons = [s.reason for s in reading.skipped]
    reasons += [r.reason for r in results if isinstance(r, ExtractionFailure)]
    reports = [r for r in results if not isinstance(r, ExtractionFailure)]
    if output_format == "json":
        records = [r.to_dict() for r in reports]
        click.echo(json.dumps(records[0] if len(records) == 1 else records, indent=2))
    elif output_format == "jsonl":
        for report in reports:
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        for report in reports:
            click.echo(report_summary(report))
    for reason in reasons:
        click.echo(f"skipped {reason}", err=True)
    if reasons:
        sys.exit(1)


def with_flags(article: Article, overrides: dict[str, Any]) -> Article:
    """The article with the metadata given on the command line in place of its own."""
    return dataclasses.replace(article, **{k: v for k, v in overrides.items() if v is not None})


def require_store(location: str) -> None:
    """Refuse a DuckDB path with no file: a command that reads would create an empty store
    there and succeed on a mistyped path."""
    if not is_postgres_url(location) and not Path(location).exists():
        raise StoreError(
            f"No store at {location}. Check the --db path, or create the store with "
            f"`tidings ingest FILES --db {location}`."
        )


@contextmanager
def opened_store(location: str, *, read_only: bool = False) -> Iterator[Store]:
    """The existing store at `location` for a command, the database's own errors (a damaged
    file, a lost server) raised as a one-line StoreError. `read_only` for commands that only
    read, so that several can read a DuckDB file at once (with a server that has no token)."""
    from tidings.store import open_store

    require_store(location)
    with (
        open_store(location, read_only=read_only) as store,
        store.database_errors_as_store_errors(),
    ):
        yield store


def readable_articles(
    paths: tuple[Path, ...], settings: Settings, failures: list[tuple[str, str]]
) -> Iterator[Article]:
    """Articles in the paths' files (text, JSON, JSONL, HTML, RSS/Atom); what cannot be read is
    added to `failures` with its reason."""
    for item in read_sources(paths, settings):
        if isinstance(item, Skipped):
            failures.append((item.source, item.reason))
        else:
            yield item


def progress_bar(quiet: bool) -> Any:
    """A progress counter on standard error with the count and rate of articles (none when
    quiet): the corpus is read as it is ingested, so its size is not known beforehand."""
    from tqdm import tqdm

    return tqdm(unit=" articles", disable=quiet, file=sys.stderr)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default=None, help="Database file (default: tidings.duckdb).")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@actor_files_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: str | None,
    processes: int,
    quiet: bool,
    actor_files: tuple[Path, ...],
) -> None:
    """Extract and store the articles of files and directories (.txt, .json, .jsonl, .html,
    RSS/Atom .xml). Unchanged articles are skipped, so an interrupted run resumes."""
    from tidings.ingest import ingest_stream
    from tidings.pipeline import load_pipeline
    from tidings.store import open_store

    settings = settings_for(ctx, database=db, processes=processes, actor_files=actor_files)
    try:
        with open_store(settings.database) as store, progress_bar(quiet) as bar:
            # This run reads everything under its paths again: their old failures give way to
            # this run's, so a file fixed and stored since has none and none is listed twice.
            store.forget_failures(
                [f["source"] for f in store.failures() if lies_under(f["source"], paths)]
            )
            tally = ingest_stream(
                read_with_origins(paths, settings),
                store,
                load_pipeline(settings),
                processes=settings.processes,
                batch_size=settings.batch_size,
                progress=bar.update,
            )
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    report_tally(tally, settings.database)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default=None, help="Database file or postgresql:// URL.")
@click.pass_context
def load(ctx: click.Context, paths: tuple[Path, ...], db: str | None) -> None:
    """Store the records `tidings ray` wrote (its OUT/records directory, or Parquet files) in
    a DuckDB or PostgreSQL store, as ingest would have: unchanged articles are skipped (an
    interrupted load resumes), records are committed in batches, failures are recorded."""
    from tidings.ingest import load_records
    from tidings.records import read_record_rows
    from tidings.store import open_store

    settings = settings_for(ctx, database=db)
    try:
        with open_store(settings.database) as store:
            tally = load_records(
                read_record_rows(list(paths)), store, memory_mb=settings.ingest_memory_mb
            )
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    report_tally(tally, settings.database)


def report_tally(tally: Any, location: str) -> None:
    """Print what an ingest or load stored, and why pieces were skipped (exit 1 if any)."""
    for _source, reason in tally.failures:
        click.echo(f"skipped {reason}", err=True)
    click.echo(
        f"{tally.stored} article(s) stored, {tally.unchanged} unchanged, "
        f"{len(tally.failures)} skipped -> {display_location(location)}"
    )
    if tally.failures:
        sys.exit(1)


# A line of a JSONL file ("x.jsonl:3") or an item of a feed ("x.rss#2").
_PIECE = re.compile(r"[:#]\d+$")


def lies_under(source: str, paths: tuple[Path, ...]) -> bool:
    """Whether a recorded failure's source (a file, a directory, a JSONL line, a feed item)
    is one of `paths` or lies below one of them."""
    where = Path(_PIECE.sub("", source))
    return any(where == path or where.is_relative_to(path) for path in paths)


@main.command()
@click.option("--db", default=None, help="Database file (default: tidings.duckdb).")
@click.option("--actor", help="Start of an actor code (USAGOV), country (USA), id or name word.")
@click.option("--country", help="ISO-3 country of either side or of the place.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT.")
@click.option("--modality", help="asserted, planned, hypothetical, conditional, negated...")
@click.option(
    "--quad-class", type=click.IntRange(1, 4), help="1-4: verbal/material co-op/conflict."
)
@click.option("--since", callback=iso_date, help="Events on or after YYYY-MM-DD.")
@click.option("--until", callback=iso_date, help="Events on or before YYYY-MM-DD.")
@click.option("--place", help="Words of the place name.")
@click.option("--text", help="Words of the evidence sentence.")
@click.option("--article", help="Events of one article id.")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many events first.")
@click.option("--format", "output_format", type=FORMATS, default="table", show_default=True)
@click.option("--merged", is_flag=True, help="One row per real-world event (after dedup).")
@click.pass_context
def events(
    ctx: click.Context,
    db: str | None,
    event_type: str | None,
    limit: int | None,
    offset: int,
    output_format: str,
    merged: bool,
    **filters: Any,
) -> None:
    """Query the events in the store with the API's filters (with --merged: each real-world
    event with a matching report once, after `tidings dedup`, with every article and outlet
    that reported it)."""
    settings = settings_for(ctx, database=db)
    filters["type"] = event_type
    try:
        with opened_store(settings.database, read_only=True) as store:
            if merged:
                require_dedup(store, settings.database)
                rows = store.merged_events(limit, offset, **filters)
            else:
                rows = store.events(limit=limit, offset=offset, **filters)
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, default=str))
    elif output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
    else:
        click.echo(merged_table(rows) if merged else events_table(rows))


def require_dedup(store: Store, location: str) -> None:
    """Refuse merged events from a store no dedup has run on; warn about events stored since
    the last one (they are not merged yet)."""
    unmerged = store.unmerged_event_count()
    if not unmerged:
        return
    advice = f"run `tidings dedup --db {location}`"
    if unmerged == store.counts()["events"]:
        raise click.ClickException(
            f"No merged events: the store holds {unmerged} event(s) and has not been "
            f"deduplicated; {advice} first."
        )
    click.echo(
        f"{unmerged} event(s) stored since the last dedup are not merged; {advice}.", err=True
    )


def merged_table(rows: list[dict[str, Any]]) -> str:
    """Merged events as a text table: one line per real-world event."""
    return table(
        ["date", "type", "modality", "articles", "mentions", "outlets", "first report"],
        [
            (
                r["date"],
                r["type"],
                r["modality"],
                r["articles"],
                r["mentions"],
                r["outlets"],
                (r["sentences"] or [""])[0],
            )
            for r in rows
        ],  # fmt: skip
        max_width=60,
    )


def actor_with_name(code: str | None, name: str | None) -> str:
    """An actor as the events table shows it: `RWAGOV (Rwanda)`, or whichever is known."""
    if code and name and name != code:
        return f"{code} ({name})"
    return code or name or "?"


def events_table(rows: list[dict[str, Any]]) -> str:
    """Stored events as a text table."""

    def sides(row: dict[str, Any], key: str) -> str:
        named = zip(row.get(key) or [], row.get(f"{key}_names") or [], strict=False)
        return ", ".join(actor_with_name(code, name) for code, name in named) or "-"

    return table(
        ["date", "type", "modality", "source", "target", "place", "article", "evidence"],
        [
            (
                row.get("date"),
                row.get("type"),
                row.get("modality"),
                sides(row, "source"),
                sides(row, "target"),
                row.get("location"),
                row.get("article_id"),
                row.get("evidence"),
            )
            for row in rows
        ],
        max_width=50,
    )


@main.command()
@click.option("--db", default=None, help="Database file (default: tidings.duckdb).")
@click.pass_context
def failures(ctx: click.Context, db: str | None) -> None:
    """List the articles that could not be ingested, with their reason."""

    settings = settings_for(ctx, database=db)
    try:
        with opened_store(settings.database, read_only=True) as store:
            rows = store.failures()
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    rows_shown = [(r["source"], r["reason"], r["at"]) for r in rows]
    click.echo(table(["source", "reason", "at"], rows_shown, max_width=100))


@main.command()
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON of metric -> minimum; exit 1 when a score falls below its floor.",
)
@click.option(
    "--as",
    "gold_format",
    type=click.Choice(["auto", *GOLD_FORMATS]),
    default="auto",
    show_default=True,
    help="Annotation format: tidings gold, TimeML, attribution spans (brat/JSONL), "
    "PLOVER-coded sentences, sentence labels.",
)
@click.option("--errors", type=click.IntRange(0), default=0, help="List N misses per cause.")
@actor_files_option
@click.pass_context
def evaluate(
    ctx: click.Context,
    gold: Path,
    output_format: str,
    floors: Path | None,
    gold_format: str,
    errors: int,
    actor_files: tuple[Path, ...],
) -> None:
    """Score the pipeline against GOLD: a folder of tidings gold files (gold/README.md), or a
    file or folder in a standard format (TimeML .tml, brat .ann, PLOVER or label JSONL/CSV)."""
    from tidings.devsets.run import below_floors, detect_format, score_file
    from tidings.pipeline import extract as extract_report
    from tidings.pipeline import load_pipeline

    settings = settings_for(ctx, actor_files=actor_files)
    try:
        if gold_format == "auto":
            gold_format = detect_format(gold)
        pipeline = load_pipeline(settings)
        if gold_format != "gold":
            score = score_file(gold, gold_format, pipeline, errors=errors)
            below = below_floors([score], load_floors(floors)) if floors else []
            echo_dev_scores([score], output_format, {})
            report_below(below)
            return
        evaluation, skipped = evaluate_gold(gold, lambda a: extract_report(a, pipeline))
        below = check_floors(evaluation, load_floors(floors)) if floors else []
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    for line in skipped:
        click.echo(f"skipped {line}", err=True)
    if output_format == "json":
        click.echo(json.dumps(evaluation.to_dict(), indent=2))
    else:
        click.echo(evaluation_table(evaluation.to_dict()))
    report_below(below)


def report_below(below: list[str]) -> None:
    """Print the metrics under their floors and exit 1 when there are any."""
    for line in below:
        click.echo(f"below floor: {line}", err=True)
    if below:
        sys.exit(1)


@main.command("dev-eval")
@click.argument(
    "dev_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("../shared/dev")
)
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("gold"),
    show_default=True,
    help="The project's gold folder (its voa/ holds the blind story gold).",
)
@click.option(
    "--only", multiple=True, help="Run only this set (repeatable): " + ", ".join(DEV_SET_NAMES)
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the figures here.",
)
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON of set.metric -> minimum; exit 1 when a figure falls below its floor.",
)
@click.option("--errors", type=click.IntRange(0), default=0, help="List N cases per cause and set.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@actor_files_option
@click.pass_context
def dev_eval(
    ctx: click.Context,
    dev_dir: Path,
    gold_dir: Path,
    only: tuple[str, ...],
    json_out: Path | None,
    floors: Path | None,
    errors: int,
    output_format: str,
    actor_files: tuple[Path, ...],
) -> None:
    """Score every labelled development set in DEV_DIR (default ../shared/dev); absent sets
    are skipped."""
    from tidings.devsets.run import below_floors, run_dev_sets, write_figures
    from tidings.pipeline import load_pipeline

    unknown = set(only) - set(DEV_SET_NAMES)
    if unknown:
        raise click.BadParameter(
            f"unknown set(s) {', '.join(sorted(unknown))}", param_hint="--only"
        )
    settings = settings_for(ctx, actor_files=actor_files)
    try:
        pipeline = load_pipeline(settings)
        scores, absent = run_dev_sets(
            dev_dir,
            pipeline,
            gold_dir=gold_dir,
            only=only,
            errors=errors,
            progress=lambda name: click.echo(f"scoring {name}", err=True),
        )
        floor_values = load_floors(floors) if floors else {}
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    for name in absent:
        click.echo(f"skipped {name}: not in {dev_dir}", err=True)
    if json_out:
        write_figures(json_out, scores)
    echo_dev_scores(scores, output_format, floor_values)
    report_below(below_floors(scores, floor_values))


def echo_dev_scores(scores: list[Any], output_format: str, floors: dict[str, float]) -> None:
    """Print set scores as one table (and their error cases), or as JSON."""
    from tidings.devsets.run import errors_document, figures_document

    if output_format == "json":
        click.echo(
            json.dumps({**figures_document(scores), "errors": errors_document(scores)}, indent=2)
        )
        return
    rows = [
        (
            s.name,
            name,
            f"{value:.3f}",
            f"{floors[key]:.3f}" if (key := f"{s.name}.{name}") in floors else "",
        )
        for s in scores
        for name, value in s.metrics.items()
    ]
    click.echo(table(["set", "metric", "value", "floor"], rows))
    for score in scores:
        if score.errors:
            click.echo(f"\n{score.name}: error cases by cause")
            for case in score.errors:
                click.echo(f"[{case.kind} | {case.cause}] {case.item}")
                click.echo(f"  text:   {' '.join(case.text.split())[:400]}")
                click.echo(f"  gold:   {case.gold}")
                click.echo(f"  output: {case.output}")


SCORE_COLUMNS = ("precision", "recall", "f1", "tp", "fp", "fn")
ACCURACY_COLUMNS = ("accuracy", "correct", "total")


def metric_table(label: str, columns: tuple[str, ...], rows: dict[str, dict[str, Any]]) -> str:
    """One row per named metric, ratios to three decimals."""
    return table(
        [label, *columns],
        [
            (name, *(f"{v[c]:.3f}" if isinstance(v[c], float) else v[c] for c in columns))
            for name, v in rows.items()
        ],
    )


def evaluation_table(result: dict[str, Any]) -> str:
    """Evaluation scores as text tables."""
    parts = [
        f"{result['files']} gold file(s)",
        metric_table("kind", SCORE_COLUMNS, result["scores"]),
        metric_table("attribute", ACCURACY_COLUMNS, result["accuracies"]),
    ]
    macro = result["metrics"].get("events.type_macro_f1")
    if macro is not None:
        parts += [
            f"event type macro-F1: {macro:.3f}\n"
            + metric_table("event type", SCORE_COLUMNS, result["event_types"]),
            metric_table("gold modality", ACCURACY_COLUMNS, result["modalities"]),
        ]
    return "\n\n".join(parts)


@main.group()
def actors() -> None:
    """Search, show and validate the actor knowledge base (and your --actors files)."""


def knowledge_base_for(ctx: click.Context, actor_files: tuple[Path, ...]) -> Any:
    """The shipped knowledge base plus the run's actor files."""
    settings = settings_for(ctx, actor_files=actor_files)
    try:
        return load_knowledge_base(settings.actor_files)
    except TidingsError as error:
        raise click.ClickException(str(error)) from error


@actors.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@actor_files_option
@click.pass_context
def actors_search(
    ctx: click.Context, query: str, limit: int, output_format: str, actor_files: tuple[Path, ...]
) -> None:
    """Countries, people and organisations whose id, name or alias contains QUERY."""
    found = search(knowledge_base_for(ctx, actor_files), query, limit)
    if output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    click.echo(table(["kind", "id", "name"], [(r["kind"], r["id"], r["name"]) for r in found]))


@actors.command("show")
@click.argument("record_id")
@click.option("--date", "day", callback=iso_date, help="Also give the role held on YYYY-MM-DD.")
@actor_files_option
@click.pass_context
def actors_show(
    ctx: click.Context, record_id: str, day: date | None, actor_files: tuple[Path, ...]
) -> None:
    """One record (ISO-3 country, person id or organisation id) in full, as JSON."""
    record = show(knowledge_base_for(ctx, actor_files), record_id, day)
    if record is None:
        raise click.ClickException(f"No actor {record_id!r}: try `tidings actors search`.")
    click.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))


@actors.command("validate")
@actor_files_option
@click.pass_context
def actors_validate(ctx: click.Context, actor_files: tuple[Path, ...]) -> None:
    """Check every record: codes, sectors, dates, organisations, office overlaps, clashes.

    Exits 1 when a problem is found, so it can guard a user's actor file in their own CI.
    """
    kb = knowledge_base_for(ctx, actor_files)
    problems = validate(kb)
    sizes = kb_sizes(kb)
    summary = ", ".join(f"{count} {name}" for name, count in sizes.items())
    for problem in problems:
        click.echo(problem)
    click.echo(f"{summary}: {len(problems)} problem(s).")
    if problems:
        sys.exit(1)


@actors.command("unknown")
@click.option("--db", default=None, help="Database file or postgresql:// URL.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table")
@click.pass_context
def actors_unknown(ctx: click.Context, db: str | None, limit: int, output_format: str) -> None:
    """The most frequent names in a store that the knowledge base does not know, with the
    country and sector the text gave them: candidates for your --actors file."""
    from tidings.store.queries import unknown_actors

    settings = settings_for(ctx, database=db)
    try:
        with opened_store(settings.database, read_only=True) as store:
            found = unknown_actors(store.reader(), limit)
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    columns = ["name", "kind", "country", "sector", "articles", "events"]
    click.echo(
        table(columns, [["" if row[c] is None else row[c] for c in columns] for row in found])
    )


COUNTRY_DAY_HEADER = ("iso3c", "cown", "gwcode", "date", "quad_class", "events")
DYAD_HEADER = (
    "source_iso3c", "target_iso3c", "source_cown", "source_gwcode", "target_cown",
    "target_gwcode", "type", "events", "goldstein_sum",
)  # fmt: skip


@main.command("export")
@click.argument("export_format", metavar="FORMAT", type=click.Choice(export.FORMATS))
@click.option("--db", default=None, help="Database file (default: tidings.duckdb).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Output path.")
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Also planned, hypothetical, negated... events (GDELT, ICEWS and aggregates count "
    "only asserted ones by default).",
)
@click.pass_context
def export_command(
    ctx: click.Context, export_format: str, db: str | None, out: Path, all_modalities: bool
) -> None:
    """Write the store as FORMAT: plover (JSONL), gdelt (2.0 Events, 61 columns), gdelt-mentions,
    icews (TSV), parquet (a directory, one file per table), country-day, dyads (TSV) or gexf."""

    settings = settings_for(ctx, database=db)
    try:
        with opened_store(settings.database, read_only=True) as store:
            if export_format == "parquet":
                out.mkdir(parents=True, exist_ok=True)
                for name in store.table_names():
                    store.copy_table_to_parquet(name, out / f"{name}.parquet")
                click.echo(f"{len(store.table_names())} table(s) -> {out}")
                return
            records = store.event_records()
            texts = store.article_texts() if export_format == "gdelt-mentions" else None
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    chosen = (
        records
        if all_modalities or export_format == "plover"
        else list(export.asserted_only(records))
    )
    if export_format == "plover":
        lines = list(export.plover_lines(chosen))
        out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        count = len(lines)
    elif export_format == "gexf":
        out.write_text(export.gexf_document(chosen), encoding="utf-8")
        click.echo(f"actor network of {len(chosen)} event(s) -> {out}")
        return
    else:
        writers = {
            "gdelt": (export.gdelt_event_rows, None),
            "gdelt-mentions": (partial(export.gdelt_mention_rows, texts=texts), None),
            "icews": (export.icews_rows, export.ICEWS_COLUMNS),
            "country-day": (export.country_day_rows, COUNTRY_DAY_HEADER),
            "dyads": (export.dyad_rows, DYAD_HEADER),
        }
        rows, header = writers[export_format]
        count = export.write_tsv(out, rows(chosen), header)
    click.echo(f"{count} row(s) -> {out}")


@main.command("dedup")
@click.option("--db", default=None, help="Database file (default: tidings.duckdb).")
@click.pass_context
def dedup_command(ctx: click.Context, db: str | None) -> None:
    """Merge the events that several articles report into one, and find wire copies.

    The merge rule is documented in src/tidings/dedup.py; `tidings events --merged` then lists
    each real-world event once, with every article, sentence and outlet that reported it.
    """
    from tidings.dedup import merge_stored_events, stored_wire_copies

    settings = settings_for(ctx, database=db)
    try:
        with opened_store(settings.database) as store:
            merged = merge_stored_events(store)
            copies = stored_wire_copies(store)
            store.save_clusters(merged, copies)
            mentions = store.counts()["events"]
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    reported_more = len(set(merged.values()))
    click.echo(
        f"{mentions} event mention(s) -> {mentions - len(merged) + reported_more} event(s), "
        f"{reported_more} reported by several articles; {len(copies)} wire cop(ies) -> "
        f"{display_location(settings.database)}"
    )


def local_or_url(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """Refuse a local path that does not exist; URLs (s3://, gs://...) go to Ray as given."""
    for value in values:
        if "://" not in value and not Path(value).exists():
            raise click.BadParameter(f"Path {value!r} does not exist.")
    return values


@main.command("ray")
@click.argument("paths", nargs=-1, required=True, callback=local_or_url)
@click.option("--out", "out", required=True, help="Output directory (or s3://..., gs://...).")
@click.option("--address", help="Ray cluster address (default: RAY_ADDRESS, else a local one).")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True)
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True)
@click.pass_context
def ray_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: str,
    address: str | None,
    workers: int,
    batch_size: int,
) -> None:
    """Extract articles on a Ray cluster: PATHS are Parquet files of articles (id, text,
    published...), local or URLs every node reads (s3://bucket/articles/, a file or a
    directory of them), or local article files and directories, first written to Parquet.
    Records go to OUT/records as Parquet (id, events, record JSON)."""
    from tidings import distributed

    settings = settings_for(ctx)
    sources = [p for p in paths if "://" in p or p.endswith(".parquet")]
    others = tuple(Path(p) for p in paths if p not in sources)
    failures: list[tuple[str, str]] = []
    distributed.make_output_dir(out)
    if others:  # staged where the output goes: every node of a cluster reads it there
        staged = f"{out}/_input.parquet" if "://" in out else str(Path(out) / "_input.parquet")
        articles = readable_articles(others, settings, failures)
        distributed.write_articles_parquet(articles, staged)
        sources.append(staged)
    count = 0
    for source in sources:
        count += distributed.run(
            source, f"{out}/records", address=address, workers=workers, batch_size=batch_size
        )
    for _source, reason in failures:
        click.echo(f"skipped {reason}", err=True)
    click.echo(f"{count} article(s) extracted on Ray -> {out}/records")


@main.command()
@click.option("--db", default=None, help="Database file or postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="TIDINGS_TOKEN",
    help="Bearer token for POST /api/articles. Prefer the TIDINGS_TOKEN variable or "
    "--token-file: other users see a command line (ps).",
)
@click.option(
    "--token-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="File holding the bearer token.",
)
@click.option(
    "--query-threads",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="DuckDB threads per query (requests already run in parallel).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    token_file: Path | None,
    query_threads: int,
) -> None:
    """Serve the store over HTTP: the dashboard at /, the API under /api, its docs at /docs.
    Without a token the server only reads (a DuckDB file is opened read-only, so other
    commands can read it meanwhile)."""
    import uvicorn

    from tidings.serve import create_app

    if token and token_file:
        raise click.UsageError("Give the token once: --token (or TIDINGS_TOKEN) or --token-file.")
    if ctx.get_parameter_source("token") == ParameterSource.COMMANDLINE:
        click.echo(
            "Warning: a --token on the command line is visible to other users (ps, shell "
            "history); set TIDINGS_TOKEN or use --token-file.",
            err=True,
        )
    settings = settings_for(ctx, database=db)
    try:
        token = read_token(token_file) if token_file else token
        require_store(settings.database)
        app = create_app(settings.database, token=token, query_threads=query_threads)
        counts = app.state.store.counts()
    except TidingsError as error:
        raise click.ClickException(str(error)) from error
    writes = "POST /api/articles with the token" if token else "read-only: no token"
    click.echo(
        f"Serving {counts['articles']} article(s) and {counts['events']} event(s) from "
        f"{display_location(settings.database)} at http://{host}:{port}/ ({writes}). "
        "Ctrl-C stops."
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def read_token(path: Path) -> str:
    """The bearer token in a file (surrounding whitespace and the final newline dropped)."""
    token = path.read_text(encoding="utf-8").strip()
    if not token:
        raise click.BadParameter(f"{path} holds no token.", param_hint="--token-file")
    return token


def display_location(location: str) -> str:
    """A --db value as messages show it: a PostgreSQL URL without its password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", location)
