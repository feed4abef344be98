"""What every store shares: the schema and its migrations, and the SQL that writes and reads
articles, their records and ingest failures (portable: DuckDB and PostgreSQL read it alike).
`_duckdb.py` and `_postgres.py` build on it with their connection, bulk load and files.

Every article is written in one transaction: a failure leaves the store as it was. Ids that are
local to an article (a1, e1) are stored prefixed with the article id (`<article>:e1`).
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.dedup import EventView, content_words, event_span, numbers_in
from tidings.errors import StoreError
from tidings.model import Article, Attribution, Report
from tidings.store.queries import (
    ID_LIST,
    TEXT_ORDER,
    EventFilter,
    SideActor,
    actor_keys,
    actor_roles,
    country_keys,
    dyad_pairs,
    side_labels,
)

SCHEMA_VERSION = 6
CASUALTY_OUTCOMES = ("killed", "injured", "casualties")  # events columns, in schema order
# Statements that bring a store of the keyed version up to the next one.
MIGRATIONS = {
    1: [
        # DuckDB alters no table that an index depends on: drop the indexes, add, rebuild.
        "DROP INDEX IF EXISTS events_article",
        "DROP INDEX IF EXISTS events_type",
        "ALTER TABLE events ADD COLUMN killed DOUBLE",
        "ALTER TABLE events ADD COLUMN injured DOUBLE",
        "ALTER TABLE events ADD COLUMN casualties DOUBLE",
        "ALTER TABLE quotes ADD COLUMN outlet VARCHAR",
        "ALTER TABLE quantities ADD COLUMN normalized_max DOUBLE",
        "ALTER TABLE quantities ADD COLUMN outcome VARCHAR",
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE INDEX events_type ON events (type)",
    ],
    2: [
        "DROP INDEX IF EXISTS events_article",
        "DROP INDEX IF EXISTS events_type",
        "ALTER TABLE events ADD COLUMN sources VARCHAR",
        "ALTER TABLE events ADD COLUMN targets VARCHAR",
        "ALTER TABLE events ADD COLUMN actor_keys VARCHAR",
        "ALTER TABLE events ADD COLUMN countries VARCHAR",
        lambda connection: fill_read_model(connection, READ_MODEL_COLUMNS[:4]),
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE INDEX events_type ON events (type)",
    ],
    3: [
        "DROP INDEX IF EXISTS events_article",
        "DROP INDEX IF EXISTS events_type",
        "ALTER TABLE events ADD COLUMN dyads VARCHAR",
        "ALTER TABLE events ADD COLUMN actor_roles VARCHAR",
        lambda connection: fill_read_model(connection, READ_MODEL_COLUMNS[4:]),
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE INDEX events_type ON events (type)",
    ],
    4: ["ALTER TABLE quantities ADD COLUMN part_of_count BOOLEAN"],
    # The attributions table itself is new in 6: the schema's CREATE ... IF NOT EXISTS makes it.
    5: [
        "DROP INDEX IF EXISTS events_article",
        "DROP INDEX IF EXISTS events_type",
        "ALTER TABLE events ADD COLUMN attribution INTEGER",
        "ALTER TABLE events ADD COLUMN according_to VARCHAR",
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE INDEX events_type ON events (type)",
    ],
}
# Where actor `{r}` of an event is named: its first mention in the evidence sentence, else
# its first mention in the article.
MENTION_OFFSET = (
    "coalesce((SELECT min(m.start_char) FROM mentions m WHERE m.actor_id = {r}.id "
    "AND m.start_char >= e.evidence_start AND m.start_char < e.evidence_end), "
    "(SELECT min(m.start_char) FROM mentions m WHERE m.actor_id = {r}.id))"
)
FILL_BATCH = 20_000  # events whose read model one migration statement fills
TEXT_BATCH = 1_000  # article texts streamed at a time
# The events' read-model columns, in schema order (store/queries.py reads them).
READ_MODEL_COLUMNS = ("sources", "targets", "actor_keys", "countries", "dyads", "actor_roles")
ARTICLE_TABLES = (
    "mentions",
    "actors",
    "event_actors",
    "events",
    "quotes",
    "attributions",
    "citations",
    "times",
    "quantities",
)


PERIOD_MONTHS = {"Q": 3, "H": 6}  # months in a quarter and a half year


def date_start(value: str | None) -> date | None:
    """The first day an ISO date value covers (day, week, month, quarter, half, year, range,
    season); for an open interval "on or before" a period (`../2025-03-14`), that period's
    first day, the only one the text gives (events sort and filter on it)."""
    if not value:
        return None
    first = value.removeprefix("../").split("/")[0]
    try:
        if "-W" in first:
            year, week = first.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1)
        parts = first.split("-")
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2 and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 2 and parts[1][:1] in PERIOD_MONTHS and parts[1][1:].isdigit():
            # "2025-Q3", "2023-H2": the first month of the quarter or half
            months = PERIOD_MONTHS[parts[1][0]]
            return date(int(parts[0]), (int(parts[1][1:]) - 1) * months + 1, 1)
        if parts[0].isdigit() and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def paged(query: str, params: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """A query and its parameters limited to one page (no limit: every row from `offset`)."""
    if limit:
        query, params = f"{query} LIMIT ?", [*params, limit]
    if offset:
        query, params = f"{query} OFFSET ?", [*params, offset]
    return query, params


def _scoped(article_id: str, local_id: str | None) -> str | None:
    return f"{article_id}:{local_id}" if local_id else None


class Store(ABC):
    """Articles and their extracted records in a database; a subclass per database."""

    # The database driver's own exceptions, raised as StoreError by
    # `database_errors_as_store_errors`; a subclass names its driver's.
    database_errors: tuple[type[Exception], ...] = ()

    def __init__(self, connection: Any, path: str) -> None:
        self.connection = connection
        self.path = path

    @property
    def name(self) -> str:
        """How messages name the store (never with credentials)."""
        return self.path

    @contextmanager
    def database_errors_as_store_errors(self) -> Iterator[None]:
        """Raise the driver's errors inside the block as a StoreError (E301): a damaged file
        or a lost server then reads as one line with its cause, not a traceback."""
        try:
            yield
        except self.database_errors as error:
            cause = (str(error).strip() or type(error).__name__).splitlines()[0]
            raise StoreError(
                f"The store {self.name} failed: {cause}. If it is damaged, restore it from a "
                "copy or re-ingest the articles into a new store."
            ) from error

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    @abstractmethod
    def limit_query_threads(self, threads: int) -> None:
        """Run each query on at most `threads` threads, where the database takes the setting."""

    @abstractmethod
    def reader(self) -> Any:
        """A connection of its own for one reading thread."""

    @contextmanager
    def bulk_ingest(self, memory_mb: int) -> Iterator[None]:
        """A long run of ingest batches, with the database's memory held to `memory_mb` MiB
        where the database runs inside this process (DuckDB); a server keeps its own."""
        yield

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def stored_hashes(self, ids: list[str] | None = None) -> dict[str, str]:
        """Article id -> content hash of the stored articles among `ids` (of every stored one
        when None): what a resumed ingest skips."""
        if ids is None:
            return dict(self.connection.execute("SELECT id, content_hash FROM articles").fetchall())
        found = self.connection.execute(
            f"SELECT id, content_hash FROM articles WHERE id IN {ID_LIST}", [ids]
        )
        return dict(found.fetchall())

    def ingest(self, report: Report, *, content_hash: str) -> bool:
        """Store an article's record; False (and no change) when it is stored unchanged."""
        return self.ingest_many([(report, content_hash)])[0]

    def ingest_many(self, items: list[tuple[Report, str]]) -> list[bool]:
        """Store a batch of records in one transaction (all or none of the batch); for each,
        whether it was stored (False: already stored unchanged)."""
        existing = self.stored_hashes([report.article.id for report, _ in items])
        stored: list[bool] = []
        rows: dict[str, list[list[Any]]] = {}
        replaced: list[str] = []
        seen: set[str] = set()
        for report, content_hash in items:
            article_id = report.article.id
            fresh = existing.get(article_id) != content_hash and article_id not in seen
            stored.append(fresh)
            if not fresh:
                continue
            seen.add(article_id)
            if article_id in existing:
                replaced.append(article_id)
            for table, values in self._report_rows(report, content_hash).items():
                rows.setdefault(table, []).extend(values)
        if rows:
            with self.transaction() as db:
                for article_id in replaced:
                    self._delete_article(db, article_id)
                self._insert_rows(db, rows)
        return stored

    def _delete_article(self, db: Any, article_id: str) -> None:
        db.execute(
            "DELETE FROM event_clusters WHERE event_id IN "
            "(SELECT id FROM events WHERE article_id = ?)",
            [article_id],
        )
        db.execute(
            "DELETE FROM article_copies WHERE article_id = ? OR copy_of = ?",
            [article_id, article_id],
        )
        db.execute(
            "DELETE FROM event_actors WHERE event_id IN "
            "(SELECT id FROM events WHERE article_id = ?)",
            [article_id],
        )
        for table in ARTICLE_TABLES:
            if table != "event_actors":
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _report_rows(self, report: Report, content_hash: str) -> dict[str, list[list[Any]]]:
        """The rows of every table that one article's record fills."""
        article = report.article
        aid = article.id
        article_row = [
            aid,
            article.title,
            article.outlet,
            article.published,
            article.url,
            article.text,
            content_hash,
            datetime.now(UTC).replace(tzinfo=None),
        ]
        actors = [
            [_scoped(aid, a.id), aid, a.id, a.name, a.country, a.sector, a.code or None,
             a.role, a.kind, a.kb_id]
            for a in report.actors
        ]  # fmt: skip
        mentions = [
            [_scoped(aid, a.id), aid, m.text, m.kind, m.start, m.end]
            for a in report.actors
            for m in a.mentions
        ]
        events, sides = [], []
        side_actors = {
            a.id: SideActor(a.code or None, a.name, a.country, a.kb_id) for a in report.actors
        }
        for e in report.events:
            date_value = e.date.value if e.date else None
            granularity = e.date.granularity if e.date else None
            location = e.location
            events.append(
                [_scoped(aid, e.id), aid, e.id, e.type, e.mode, json.dumps(e.contexts), e.cameo,
                 e.goldstein, e.quad_class, str(e.modality), e.trigger, e.trigger_start,
                 e.trigger_end, date_value, granularity, e.date.text if e.date else None,
                 date_start(date_value),
                 location.name if location else None, location.country if location else None,
                 location.lat if location else None, location.lon if location else None,
                 e.evidence.sentence, e.evidence.start, e.evidence.end, e.reported_by,
                 round(e.confidence, 3), *(e.casualties.get(k) for k in CASUALTY_OUTCOMES),
                 *read_model_columns(
                     [side_actors[i] for i in e.source if i in side_actors],
                     [side_actors[i] for i in e.target if i in side_actors],
                     location.country if location else None),
                 e.attribution, according_to(report, e.attribution)]
            )  # fmt: skip
            for role, ids in (("source", e.source), ("target", e.target)):
                sides += [
                    [_scoped(aid, e.id), _scoped(aid, actor_id), role, position]
                    for position, actor_id in enumerate(ids)
                ]
        return {
            "articles": [article_row],
            "actors": actors,
            "mentions": mentions,
            "events": events,
            "event_actors": sides,
            "quotes": [
                [
                    aid,
                    i,
                    q.text,
                    str(q.kind),
                    _scoped(aid, q.speaker),
                    q.cue,
                    q.start,
                    q.end,
                    q.outlet,
                ]
                for i, q in enumerate(report.quotes)
            ],
            "attributions": [attribution_row(aid, i, a) for i, a in enumerate(report.attributions)],
            "citations": [
                [
                    aid,
                    i,
                    c.outlet,
                    str(c.kind),
                    _scoped(aid, c.speaker),
                    c.date,
                    c.text,
                    c.start,
                    c.end,
                ]
                for i, c in enumerate(report.citations)
            ],  # fmt: skip
            "times": [
                [aid, i, t.text, t.value, t.granularity, t.start, t.end]
                for i, t in enumerate(report.times)
            ],
            "quantities": [
                [
                    aid,
                    i,
                    q.text,
                    q.value,
                    q.unit,
                    q.kind,
                    q.normalized_value,
                    q.normalized_unit,
                    q.start,
                    q.end,
                    q.normalized_max,
                    q.outcome,
                    q.part_of_count,
                ]
                for i, q in enumerate(report.quantities)
            ],  # fmt: skip
        }

    @abstractmethod
    def _insert_rows(self, db: Any, rows: dict[str, list[list[Any]]]) -> None:
        """Bulk-load rows table by table inside the open transaction `db`."""

    def record_failure(self, source: str, reason: str) -> None:
        """Record an article that could not be ingested, with the reason."""
        self.connection.execute(
            "INSERT INTO failures VALUES (?, ?, ?)",
            [source, reason, datetime.now(UTC).replace(tzinfo=None)],
        )

    def forget_failures(self, sources: list[str]) -> None:
        """Remove the recorded failures of these sources (read again, stored or failed anew)."""
        if sources:
            self.connection.executemany(
                "DELETE FROM failures WHERE source = ?", [[s] for s in sources]
            )

    def failures(self) -> list[dict[str, Any]]:
        """Recorded ingest failures, oldest first."""
        query = "SELECT source, reason, failed_at AS at FROM failures ORDER BY failed_at"
        return self._dicts(query, [])

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = ("articles", *ARTICLE_TABLES, "failures")
        return {
            t: self.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
        }

    def articles(self) -> list[dict[str, Any]]:
        """Stored articles' metadata."""
        return self._dicts(
            "SELECT id, title, outlet, published, url, content_hash, ingested_at "
            "FROM articles ORDER BY published, id",
            [],
        )

    def events(
        self, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> list[dict[str, Any]]:
        """Stored events matching the filters, oldest first, with their actors' codes and
        names. `filters` are those of the API (`EventFilter`: actor, country, type, modality,
        quad_class, since, until, place, text, article)."""
        condition, params = EventFilter(**filters).where()
        query = (
            "SELECT e.id, e.article_id, e.date_value AS date, e.date_granularity, e.type, e.mode, "
            "e.modality, e.cameo, e.goldstein, e.quad_class, e.location_name AS location, "
            "e.location_country, e.lat, e.lon, e.trigger, e.evidence, e.reported_by, "
            f"e.confidence FROM events e WHERE {condition} "
            f"ORDER BY e.date_start NULLS LAST, e.article_id, {TEXT_ORDER}"
        )
        rows = self._dicts(*paged(query, params, limit, offset))
        sides = self._event_sides([row["id"] for row in rows])
        for row in rows:
            for role in ("source", "target"):
                members = sides.get((row["id"], role), [])
                row[role] = [code or name for code, name in members]
                row[f"{role}_names"] = [name for _, name in members]
        return rows

    def event_records(self) -> list[dict[str, Any]]:
        """Every stored event with its article and its first source and target actor (and
        where each is named: in the evidence sentence if it is, else first), and who its
        attribution says stated it (`attributed_to`, `attribution_cue`), for exports (one row
        per event, in date order)."""
        side = (
            "LEFT JOIN event_actors {r}e ON {r}e.event_id = e.id AND {r}e.role = '{role}' "
            "AND {r}e.position = 0 LEFT JOIN actors {r} ON {r}.id = {r}e.actor_id "
        )
        query = (
            "SELECT e.*, ar.url, ar.outlet, ar.published, ar.title, ar.ingested_at, "
            "s.code AS source_code, s.name AS source_name, s.country AS source_country, "
            "s.sector AS source_sector, t.code AS target_code, t.name AS target_name, "
            "t.country AS target_country, t.sector AS target_sector, "
            f"{MENTION_OFFSET.format(r='s')} AS source_offset, "
            f"{MENTION_OFFSET.format(r='t')} AS target_offset, "
            "coalesce(sa.name, st.source_text) AS attributed_to, st.cue AS attribution_cue "
            "FROM events e JOIN articles ar ON ar.id = e.article_id "
            + side.format(r="s", role="source")
            + side.format(r="t", role="target")
            + "LEFT JOIN attributions st ON st.article_id = e.article_id "
            "AND st.position = e.attribution LEFT JOIN actors sa ON sa.id = st.source "
            f"ORDER BY e.date_start NULLS LAST, e.article_id, {TEXT_ORDER}"
        )
        return self._dicts(query, [])

    def event_date_values(self) -> list[tuple[str, str | None, date | None, int]]:
        """Each event type with each of its distinct date values, the value's stored first
        day and how many events have both: what dedup reads the events by, a type and a
        range of days at a time (`dedup.merge_stored_events`)."""
        return self.connection.execute(
            "SELECT type, date_value, date_start, count(*) FROM events "
            "GROUP BY type, date_value, date_start"
        ).fetchall()

    def held_event_views(self, kind: str, date_values: list[str]) -> list[EventView]:
        """The events of type `kind` without a stored first day or dated with one of
        `date_values`, as the dedup merge rule sees them."""
        condition = f"e.type = ? AND (e.date_start IS NULL OR e.date_value IN {ID_LIST})"
        return self._event_views(condition, [kind, date_values])

    def event_views_between(
        self, kind: str, first: date, last: date, held_values: list[str]
    ) -> list[EventView]:
        """The events of type `kind` whose stored first day is from `first` to `last`, except
        those dated with one of `held_values`, in order of that day (then id), as the dedup
        merge rule sees them."""
        condition = f"e.type = ? AND e.date_start BETWEEN ? AND ? AND e.date_value NOT IN {ID_LIST}"
        return self._event_views(condition, [kind, first, last, held_values])

    def _event_views(self, condition: str, params: list[Any]) -> list[EventView]:
        """The events meeting `condition` (on `events e`) as the merge rule sees them."""
        sides = self.connection.execute(
            "SELECT ea.event_id, ea.role, coalesce(a.country, a.kb_id, upper(a.name)) "
            "FROM events e JOIN event_actors ea ON ea.event_id = e.id "
            f"JOIN actors a ON a.id = ea.actor_id WHERE {condition}",
            params,
        ).fetchall()
        refs: dict[tuple[str, str], set[str]] = {}
        for event_id, role, ref in sides:
            refs.setdefault((event_id, role), set()).add(ref)
        named = self.connection.execute(
            "SELECT e.id, a.country FROM events e JOIN mentions m ON m.article_id = e.article_id "
            "AND m.start_char >= e.evidence_start AND m.start_char < e.evidence_end "
            f"JOIN actors a ON a.id = m.actor_id WHERE a.country IS NOT NULL AND ({condition})",
            params,
        ).fetchall()
        countries: dict[str, set[str]] = {}
        for event_id, country in named:
            countries.setdefault(event_id, set()).add(country)
        rows = self.connection.execute(
            "SELECT id, article_id, type, modality, date_value, location_country, evidence "
            f"FROM events e WHERE {condition} ORDER BY e.date_start, e.id",
            params,
        ).fetchall()
        views = []
        for event_id, article_id, kind, modality, date_value, place, evidence in rows:
            start, end, open_start = event_span(date_value)
            views.append(
                EventView(
                    id=event_id, article_id=article_id, type=kind, modality=modality,
                    sources=frozenset(refs.get((event_id, "source"), ())),
                    targets=frozenset(refs.get((event_id, "target"), ())),
                    start=start, end=end, place_country=place,
                    words=content_words(evidence or ""),
                    named=frozenset(countries.get(event_id, set()) | ({place} - {None})),
                    numbers=numbers_in(evidence or ""), open_start=open_start,
                )
            )  # fmt: skip
        return views

    def save_clusters(self, merged: dict[str, str], copies: list[tuple[str, str, float]]) -> None:
        """Replace the stored event clusters and wire copies in one transaction: `merged`
        gives the cluster of each event that merged with others, every other stored event is
        a cluster of its own."""
        with self.transaction() as db:
            self._clear_clusters(db)
            db.execute("DELETE FROM article_copies")
            # One statement per FILL_BATCH rows, each column bound as one list: a statement
            # per row took four minutes for a million events.
            events = list(merged.items())
            for first in range(0, len(events), FILL_BATCH):
                batch = events[first : first + FILL_BATCH]
                db.execute(
                    "INSERT INTO event_clusters SELECT unnest(CAST(? AS VARCHAR[])), "
                    "unnest(CAST(? AS VARCHAR[]))",
                    [[e for e, _ in batch], [c for _, c in batch]],
                )
            db.execute(
                "INSERT INTO event_clusters SELECT e.id, e.id FROM events e WHERE NOT EXISTS "
                "(SELECT 1 FROM event_clusters c WHERE c.event_id = e.id)"
            )
            for first in range(0, len(copies), FILL_BATCH):
                batch = copies[first : first + FILL_BATCH]
                db.execute(
                    "INSERT INTO article_copies SELECT unnest(CAST(? AS VARCHAR[])), "
                    "unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS FLOAT8[]))",
                    [[a for a, _, _ in batch], [b for _, b, _ in batch], [v for *_, v in batch]],
                )

    def _clear_clusters(self, db: Any) -> None:
        """Empty the clusters table inside a transaction (readers keep the old rows)."""
        db.execute("DELETE FROM event_clusters")

    def article_texts(self, ids: list[str] | None = None) -> dict[str, str]:
        """Article id -> text of the articles among `ids` (of every article when None)."""
        if ids is None:
            return dict(self.connection.execute("SELECT id, text FROM articles").fetchall())
        found = self.connection.execute(f"SELECT id, text FROM articles WHERE id IN {ID_LIST}",
                                        [ids])  # fmt: skip
        return dict(found.fetchall())

    def article_text_batches(self) -> Iterator[list[tuple[str, str]]]:
        """Every article's (id, text), `TEXT_BATCH` at a time, streamed from the database:
        what finding wire copies reads without holding every text."""
        return self._streamed("SELECT id, text FROM articles", TEXT_BATCH)

    def _streamed(self, query: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a query, `size` at a time, the database handing them out as they are
        fetched (DuckDB streams a query's result)."""
        cursor = self.connection.cursor()
        try:
            cursor.execute(query)
            while rows := cursor.fetchmany(size):
                yield rows
        finally:
            cursor.close()

    def merged_events(
        self, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> list[dict[str, Any]]:
        """One row per real-world event that has a report matching the filters (those of
        `events`): the cluster's first report, and every article, sentence and outlet that
        reported it."""
        condition, params = EventFilter(**filters).where()
        query = (
            "SELECT c.cluster_id, min(e.date_value) AS date, min(e.type) AS type, "
            "min(e.modality) AS modality, count(*) AS mentions, "
            "count(DISTINCT e.article_id) AS articles, "
            "string_agg(DISTINCT nullif(ar.outlet, ''), '; ') AS outlets, "
            "array_agg(e.article_id ORDER BY e.article_id) AS article_ids, "
            "array_agg(e.evidence ORDER BY e.article_id) AS sentences "
            "FROM event_clusters c JOIN events e ON e.id = c.event_id "
            "JOIN articles ar ON ar.id = e.article_id "
            "WHERE c.cluster_id IN (SELECT m.cluster_id FROM event_clusters m "
            f"JOIN events e ON e.id = m.event_id WHERE {condition}) "
            "GROUP BY c.cluster_id ORDER BY articles DESC, date, c.cluster_id"
        )
        return self._dicts(*paged(query, params, limit, offset))

    def unmerged_event_count(self) -> int:
        """How many stored events no dedup has merged (all of them before the first)."""
        found = self.connection.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM event_clusters c WHERE c.event_id = e.id)"
        )
        return found.fetchone()[0]

    def daily_counts(self) -> list[dict[str, Any]]:
        """Events per day, PLOVER type and QuadClass, with the mean Goldstein score."""
        return self._dicts(
            "SELECT date_start AS day, type, quad_class, count(*) AS events, "
            "avg(goldstein) AS goldstein FROM events WHERE date_start IS NOT NULL "
            "GROUP BY date_start, type, quad_class ORDER BY day, type",
            [],
        )

    def table_names(self) -> tuple[str, ...]:
        """The store's tables, in schema order."""
        return ("articles", *ARTICLE_TABLES, "event_clusters", "article_copies", "failures")

    @abstractmethod
    def copy_table_to_parquet(self, table: str, path: Path) -> None:
        """Write one table to a Parquet file."""

    def _event_sides(self, event_ids: list[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
        if not event_ids:
            return {}
        result = self.connection.execute(
            "SELECT ea.event_id, ea.role, a.code, a.name FROM event_actors ea "
            "JOIN actors a ON a.id = ea.actor_id "
            f"WHERE ea.event_id IN {ID_LIST} ORDER BY ea.event_id, ea.role, ea.position",
            [event_ids],
        ).fetchall()
        sides: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for event_id, role, code, name in result:
            sides.setdefault((event_id, role), []).append((code, name))
        return sides

    def report(self, article_id: str) -> dict[str, Any] | None:
        """The stored record of one article in the JSON contract's shape, or None."""
        articles = self._dicts(
            "SELECT id, title, outlet, published, url FROM articles WHERE id = ?", [article_id]
        )
        if not articles:
            return None
        article = articles[0]
        article["published"] = article["published"].isoformat() if article["published"] else None
        prefix = len(article_id) + 1
        actors = self._dicts(
            "SELECT * FROM actors WHERE article_id = ? ORDER BY local_id", [article_id]
        )
        mentions = self._dicts(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY start_char", [article_id]
        )
        events = self._dicts(
            f"SELECT * FROM events e WHERE e.article_id = ? ORDER BY {TEXT_ORDER}",
            [article_id],
        )
        sides = self._dicts(
            "SELECT ea.* FROM event_actors ea JOIN events e ON e.id = ea.event_id "
            "WHERE e.article_id = ? ORDER BY ea.position",
            [article_id],
        )
        return {
            "article": article,
            "actors": [
                {
                    "id": a["local_id"], "name": a["name"], "country": a["country"],
                    "sector": a["sector"], "code": a["code"], "role": a["role"],
                    "kind": a["kind"], "kb_id": a["kb_id"],
                    "mentions": [
                        {"text": m["text"], "start": m["start_char"], "end": m["end_char"],
                         "kind": m["kind"]}
                        for m in mentions if m["actor_id"] == a["id"]
                    ],
                }
                for a in actors
            ],
            "events": [
                {
                    "id": e["local_id"], "type": e["type"], "mode": e["mode"],
                    "contexts": json.loads(e["contexts"] or "[]"), "cameo": e["cameo"],
                    "goldstein": e["goldstein"], "quad_class": e["quad_class"],
                    "source": [s["actor_id"][prefix:] for s in sides
                               if s["event_id"] == e["id"] and s["role"] == "source"],
                    "target": [s["actor_id"][prefix:] for s in sides
                               if s["event_id"] == e["id"] and s["role"] == "target"],
                    "modality": e["modality"],
                    "trigger": {"text": e["trigger"], "start": e["trigger_start"],
                                "end": e["trigger_end"]},
                    "date": {"value": e["date_value"], "granularity": e["date_granularity"],
                             "text": e["date_text"]} if e["date_granularity"] else None,
                    "location": {"name": e["location_name"], "country": e["location_country"],
                                 "lat": e["lat"], "lon": e["lon"]} if e["location_name"] else None,
                    "evidence": {"sentence": e["evidence"], "start": e["evidence_start"],
                                 "end": e["evidence_end"]},
                    "reported_by": e["reported_by"], "confidence": e["confidence"],
                    "casualties": {k: e[k] for k in CASUALTY_OUTCOMES if e[k] is not None},
                    "attribution": e["attribution"],
                }
                for e in events
            ],
            "quotes": [
                {"text": q["text"], "start": q["start_char"], "end": q["end_char"],
                 "kind": q["kind"], "speaker": q["speaker"][prefix:] if q["speaker"] else None,
                 "cue": q["cue"], "outlet": q["outlet"]}
                for q in self._rows("quotes", article_id)
            ],
            "attributions": [
                attribution_record(row, prefix) for row in self._rows("attributions", article_id)
            ],
            "citations": [
                {"outlet": c["outlet"], "kind": c["kind"], "start": c["start_char"],
                 "end": c["end_char"], "text": c["text"],
                 "speaker": c["speaker"][prefix:] if c["speaker"] else None, "date": c["date"]}
                for c in self._rows("citations", article_id)
            ],
            "times": [
                {"text": t["text"], "start": t["start_char"], "end": t["end_char"],
                 "value": t["value"], "granularity": t["granularity"]}
                for t in self._rows("times", article_id)
            ],
            "quantities": [
                {"text": q["text"], "start": q["start_char"], "end": q["end_char"],
                 "value": q["value"], "unit": q["unit"], "kind": q["kind"],
                 "normalized": {"value": q["normalized_value"], "unit": q["normalized_unit"]}
                 | ({"max": q["normalized_max"]} if q["normalized_max"] is not None else {}),
                 "outcome": q["outcome"]}
                 | ({"part_of_count": True} if q["part_of_count"] else {})
                for q in self._rows("quantities", article_id)
            ],
        }  # fmt: skip

    def _rows(self, table: str, article_id: str) -> list[dict[str, Any]]:
        return self._dicts(
            f"SELECT * FROM {table} WHERE article_id = ? ORDER BY position", [article_id]
        )

    def _dicts(self, query: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.connection.execute(query, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def according_to(report: Report, position: int | None) -> str | None:
    """Who the attribution at `position` gives as the source (the actor's name, else the words
    that name it), with its cue and kind, as the JSON an event row keeps for display."""
    if position is None:
        return None
    record = report.attributions[position]
    actor = report.actor(record.source)
    source = actor.name if actor is not None else record.source_text
    return json.dumps(
        {"source": source, "cue": record.cue, "kind": str(record.kind)}, ensure_ascii=False
    )


def attribution_row(article_id: str, position: int, record: Attribution) -> list[Any]:
    """The `attributions` row of one attribution of an article."""
    source_start, source_end = record.source_span or (None, None)
    cue_start, cue_end = record.cue_span or (None, None)
    return [
        article_id, position, str(record.kind), record.text, json.dumps(record.content),
        record.content[0][0] if record.content else None,
        record.content[-1][1] if record.content else None,
        _scoped(article_id, record.source), record.source_text, source_start, source_end,
        record.cue, cue_start, cue_end, json.dumps(record.fragments),
    ]  # fmt: skip


def attribution_record(row: dict[str, Any], prefix: int) -> dict[str, Any]:
    """A stored attribution in the JSON contract's shape (`prefix`: the length of the
    article id and its colon, cut from the source's scoped actor id)."""

    def span(start: int | None, end: int | None) -> list[int] | None:
        return [start, end] if start is not None and end is not None else None

    return {
        "kind": row["kind"], "text": row["text"], "content": json.loads(row["content"] or "[]"),
        "source": row["source"][prefix:] if row["source"] else None,
        "source_text": row["source_text"],
        "source_span": span(row["source_start"], row["source_end"]),
        "cue": row["cue"], "cue_span": span(row["cue_start"], row["cue_end"]),
        "fragments": json.loads(row["fragments"] or "[]"),
    }  # fmt: skip


def create_schema(connection: Any, dialect: Callable[[str], str] = str) -> None:
    """Create the tables (idempotent) and bring an older store up to SCHEMA_VERSION; a store
    this version cannot read is refused before anything is created in it.

    `dialect` rewrites each statement for another database (PostgreSQL's DOUBLE PRECISION).
    """
    version = stored_schema_version(connection)
    refuse_unreadable_version(version)
    for statement in schema_statements():
        connection.execute(dialect(statement))
    if version is None:
        connection.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        return
    while version in MIGRATIONS:
        connection.execute("BEGIN TRANSACTION")
        for step in MIGRATIONS[version]:
            if callable(step):
                step(connection)
            else:
                connection.execute(dialect(step))
        version += 1
        connection.execute("INSERT INTO schema_version VALUES (?)", [version])
        connection.execute("COMMIT")


def schema_statements() -> list[str]:
    """The statements of schema.sql (comments left out)."""
    schema = resources.files("tidings.store").joinpath("schema.sql").read_text("utf-8")
    body = "\n".join(line for line in schema.splitlines() if not line.startswith("--"))
    return [statement.strip() for statement in body.split(";") if statement.strip()]


def stored_schema_version(connection: Any) -> int | None:
    """The schema version the store was written with; None for a new store."""
    found = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
        "AND table_schema = current_schema() AND table_catalog = current_database()"
    ).fetchone()[0]
    if not found:
        return None
    return connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]


def refuse_unreadable_version(version: int | None) -> None:
    """Refuse a store written by a newer tidings, or older than any migration starts from."""
    if version is None or version == SCHEMA_VERSION or version in MIGRATIONS:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The store was written by a newer tidings (schema version {version}; this one "
            f"reads up to {SCHEMA_VERSION}). Upgrade tidings (pip install --upgrade tidings) "
            "to open it; nothing in it was changed."
        )
    raise StoreError(
        f"The store has schema version {version}, older than any this tidings migrates "
        f"(from {min(MIGRATIONS)}). Re-ingest the articles into a new store."
    )


def read_model_columns(
    sources: list[SideActor], targets: list[SideActor], place_country: str | None
) -> list[str | None]:
    """An event's read-model columns (`READ_MODEL_COLUMNS`): both sides as JSON, the actor
    and country search keys, the source-target pairs and each actor's roles."""
    everyone = sources + targets
    return [
        side_labels(sources),
        side_labels(targets),
        actor_keys(everyone),
        country_keys(everyone, place_country),
        dyad_pairs(sources, targets),
        actor_roles(sources, targets),
    ]


def fill_read_model(connection: Any, columns: tuple[str, ...]) -> None:
    """Compute read-model `columns` of events stored before they existed (older schemas)."""
    members = connection.execute(
        "SELECT ea.event_id, ea.role, a.code, a.name, a.country, a.kb_id FROM event_actors ea "
        "JOIN actors a ON a.id = ea.actor_id ORDER BY ea.event_id, ea.role, ea.position"
    ).fetchall()
    sides: dict[tuple[str, str], list[SideActor]] = {}
    for event_id, role, *actor in members:
        sides.setdefault((event_id, role), []).append(SideActor(*actor))
    places = connection.execute("SELECT id, location_country FROM events").fetchall()
    wanted = [READ_MODEL_COLUMNS.index(column) for column in columns]
    # One statement per batch, each column bound as one list: a statement per event took
    # a millisecond each (18 minutes for a million events).
    assignments = ", ".join(f"{column} = filled.{column}" for column in columns)
    unnested = ", ".join(f"unnest(CAST(? AS VARCHAR[])) AS {column}" for column in ("id", *columns))
    update = (
        f"UPDATE events SET {assignments} FROM (SELECT {unnested}) filled "
        "WHERE events.id = filled.id"
    )
    for first in range(0, len(places), FILL_BATCH):
        batch = places[first : first + FILL_BATCH]
        values = [
            read_model_columns(
                sides.get((event_id, "source"), []), sides.get((event_id, "target"), []), place
            )
            for event_id, place in batch
        ]
        lists = [[event_id for event_id, _ in batch]]
        lists += [[row[i] for row in values] for i in wanted]
        connection.execute(update, lists)


def content_hash(article: Article) -> str:
    """A fingerprint of an article's text and metadata: re-ingesting it unchanged is a no-op."""
    payload = json.dumps([article.to_dict(), article.text], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
