"""The stores (DuckDB and PostgreSQL): round trip, idempotent ingest, replacement, rollback,
safe filters."""

import json
from dataclasses import replace
from datetime import date

import duckdb
import psycopg
import pytest

from tidings.errors import StoreError
from tidings.model import (
    Actor,
    Article,
    Attribution,
    AttributionKind,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    Modality,
    Quantity,
    Quote,
    QuoteKind,
    Report,
)
from tidings.store import open_store
from tidings.store._base import date_start


def make_report(
    article_id="a-1", text="Kyiv asked Washington for help.", modality=Modality.ASSERTED
):
    kyiv = Actor(
        "a1", "Ukraine", "UKR", "GOV", kind="country", mentions=[Mention("Kyiv", 0, 4, "metonym")]
    )
    usa = Actor(
        "a2",
        "United States",
        "USA",
        "GOV",
        kind="country",
        mentions=[Mention("Washington", 11, 21)],
    )
    event = Event(
        id="e1",
        type="REQUEST",
        trigger="asked",
        trigger_start=5,
        trigger_end=10,
        evidence=Evidence(text, 0, len(text)),
        modality=modality,
        cameo="020",
        goldstein=3.0,
        quad_class=3,
        source=["a1"],
        target=["a2"],
        date=EventDate("2025-03-03", "day", "Monday"),
        location=Location("Kyiv", "UKR", 50.45, 30.52),
        confidence=0.9,
        casualties={"killed": 3.0, "injured": 12.0},
        attribution=0,
    )
    statement = Attribution(
        AttributionKind.MIXED, "Washington for help", ((11, 30),), source="a1",
        source_text="Ukraine", source_span=(0, 4), cue="asked", cue_span=(5, 10),
        fragments=((26, 30),),
    )  # fmt: skip
    quote = Quote("help", 26, 30, QuoteKind.PARTIAL, "a1", "asked", outlet="Reuters")
    count = Quantity("3 to 5 people", 0, 13, 3, "people", "casualties", 3, "people", 5, "killed")
    article = Article(article_id, text, title="T", outlet="Wire", published=date(2025, 3, 5))
    return Report(
        article, actors=[kyiv, usa], events=[event], quotes=[quote], attributions=[statement],
        quantities=[count],
    )  # fmt: skip


@pytest.fixture(params=["duckdb", "postgres"])
def store(request, tmp_path):
    """The same tests on both stores: a DuckDB file, and a fresh schema on PostgreSQL."""
    location = (
        str(tmp_path / "t.duckdb")
        if request.param == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    with open_store(location) as opened:
        yield opened


def test_round_trip_keeps_the_record(store):
    report = make_report()
    assert store.ingest(report, content_hash="h1")
    stored = store.report("a-1")
    expected = report.to_dict()
    assert stored["events"][0] == {**expected["events"][0], "confidence": 0.9}
    assert stored["actors"][0]["mentions"] == expected["actors"][0]["mentions"]
    assert stored["quotes"] == expected["quotes"]
    assert stored["attributions"] == json.loads(json.dumps(expected["attributions"]))
    assert stored["events"][0]["attribution"] == 0
    assert stored["quantities"] == expected["quantities"]


READ_MODEL = [("events", c) for c in ("sources", "targets", "actor_keys", "countries")]
NETWORK = [("events", "dyads"), ("events", "actor_roles")]
PARTS = [("quantities", "part_of_count")]  # version 5
LINKS = [("events", "attribution"), ("events", "according_to")]  # version 6, and attributions
EVERY_READ_MODEL_COLUMN = "sources, targets, actor_keys, countries, dyads, actor_roles"
VERSION_2_COLUMNS = [
    ("events", "killed"),
    ("events", "injured"),
    ("events", "casualties"),
    ("quotes", "outlet"),
    ("quantities", "normalized_max"),
    ("quantities", "outcome"),
]


def downgrade(path, version, columns):
    """Make the store at `path` look as an older tidings wrote it."""
    with open_store(path) as opened:
        opened.ingest(make_report(), content_hash="h1")
        opened.connection.execute("DROP INDEX events_article")
        opened.connection.execute("DROP INDEX events_type")
        for table, column in columns:
            opened.connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        if set(LINKS) <= set(columns):
            opened.connection.execute("DROP TABLE attributions")
        opened.connection.execute("CREATE INDEX events_article ON events (article_id)")
        opened.connection.execute("CREATE INDEX events_type ON events (type)")
        opened.connection.execute("DELETE FROM schema_version")
        opened.connection.execute("INSERT INTO schema_version VALUES (?)", [version])


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    downgrade(path, 1, VERSION_2_COLUMNS + READ_MODEL + NETWORK + PARTS + LINKS)
    with open_store(path) as reopened:
        stored = reopened.report("a-1")
        version = reopened.connection.execute("SELECT max(version) FROM schema_version")
        assert version.fetchone()[0] == 6
    assert stored["events"][0]["casualties"] == {}
    assert stored["quotes"][0]["outlet"] is None


def test_a_version_5_store_gets_attributions_and_ingests_as_before(tmp_path):
    path = tmp_path / "v5.duckdb"
    downgrade(path, 5, LINKS)
    with open_store(path) as reopened:
        old = reopened.report("a-1")
        # The article is unchanged: ingesting it again is still a no-op, so it keeps no links.
        assert not reopened.ingest(make_report(), content_hash="h1")
        assert reopened.ingest(make_report("a-2"), content_hash="h2")
        new = reopened.report("a-2")
    assert old["attributions"] == [] and old["events"][0]["attribution"] is None
    assert new["events"][0]["attribution"] == 0 and new["attributions"][0]["cue"] == "asked"


def test_a_version_4_store_gets_the_part_of_count_column(tmp_path):
    path = tmp_path / "v4.duckdb"
    downgrade(path, 4, PARTS + LINKS)
    part = make_report("a-2")
    part.quantities[0] = replace(part.quantities[0], part_of_count=True)
    with open_store(path) as reopened:
        reopened.ingest(part, content_hash="h2")
        (old,) = reopened.report("a-1")["quantities"]
        (new,) = reopened.report("a-2")["quantities"]
    assert "part_of_count" not in old and new["part_of_count"] is True


@pytest.mark.parametrize(
    ("version", "dropped"),
    [(2, READ_MODEL + NETWORK + PARTS + LINKS), (3, NETWORK + PARTS + LINKS)],
)
def test_an_older_store_gets_its_read_model_filled(tmp_path, version, dropped):
    path = tmp_path / f"v{version}.duckdb"
    with open_store(tmp_path / "fresh.duckdb") as fresh:
        fresh.ingest(make_report(), content_hash="h1")
        expected = fresh.connection.execute(f"SELECT {EVERY_READ_MODEL_COLUMN} FROM events")
        expected = expected.fetchall()
    downgrade(path, version, dropped)
    with open_store(path) as reopened:
        filled = reopened.connection.execute(f"SELECT {EVERY_READ_MODEL_COLUMN} FROM events")
        filled = filled.fetchall()
    assert filled == expected and expected[0][2] and expected[0][4] and expected[0][5]


@pytest.mark.parametrize("kind", ["duckdb", "postgres"])
def test_a_version_3_store_gets_its_network_columns_on_either_database(request, tmp_path, kind):
    location = (
        str(tmp_path / "v3.duckdb") if kind == "duckdb" else request.getfixturevalue("postgres_url")
    )
    with open_store(tmp_path / "fresh.duckdb") as fresh:
        fresh.ingest(make_report(), content_hash="h1")
        expected = fresh.connection.execute("SELECT id, dyads, actor_roles FROM events").fetchall()
    downgrade(location, 3, NETWORK + PARTS + LINKS)
    with open_store(location) as reopened:
        filled = reopened.connection.execute("SELECT id, dyads, actor_roles FROM events")
        assert filled.fetchall() == expected and expected[0][1]


def test_postgres_pages_events_newest_first_through_an_index(postgres_url):
    with open_store(postgres_url) as opened:
        opened.ingest(make_report(), content_hash="h1")
        names = opened.connection.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'events' "
            "AND schemaname = current_schema()"
        ).fetchall()
        assert ("events_newest",) in names
        opened.connection.execute("SET enable_seqscan = off")  # a one-row table: force the plan
        plan = opened.connection.execute(
            "EXPLAIN SELECT id FROM events ORDER BY date_start DESC NULLS LAST, id LIMIT 50"
        ).fetchall()
        assert "events_newest" in " ".join(line for (line,) in plan)


def test_ingesting_twice_changes_nothing(store):
    assert store.ingest(make_report(), content_hash="h1")
    before = store.counts()
    assert not store.ingest(make_report(), content_hash="h1")
    assert store.counts() == before


def test_changed_article_replaces_its_rows(store):
    store.ingest(make_report(), content_hash="h1")
    store.ingest(make_report(modality=Modality.PLANNED), content_hash="h2")
    assert store.counts()["events"] == 1
    assert store.events()[0]["modality"] == "planned"


def test_failed_ingest_rolls_back_and_keeps_old_rows(store, monkeypatch):
    store.ingest(make_report(), content_hash="h1")
    before = store.counts()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_rows", broken)
    with pytest.raises(RuntimeError):
        store.ingest(make_report(modality=Modality.PLANNED), content_hash="h2")
    assert store.counts() == before
    assert store.events()[0]["modality"] == "asserted"


@pytest.mark.parametrize(
    ("filters", "count"),
    [
        ({"actor": "UKR"}, 1),
        ({"actor": "USAGOV"}, 1),
        ({"actor": "ukraine"}, 1),
        ({"actor": "RUS"}, 0),
        ({"type": "REQUEST"}, 1),
        ({"type": "ASSAULT"}, 0),
        ({"since": date(2025, 3, 3)}, 1),
        ({"since": date(2025, 3, 4)}, 0),
        ({"until": date(2025, 3, 3), "modality": "asserted"}, 1),
    ],
)
def test_event_filters(store, filters, count):
    store.ingest(make_report(), content_hash="h1")
    assert len(store.events(**filters)) == count


def test_filter_values_are_never_sql(store):
    store.ingest(make_report(), content_hash="h1")
    assert store.events(actor="x' OR '1'='1") == []
    assert store.events(type="REQUEST'; DROP TABLE events; --") == []
    assert store.counts()["events"] == 1


def test_untrusted_text_is_stored_verbatim(store):
    text = "Robert'); DROP TABLE articles;-- <script>alert(1)</script> asked Washington."
    store.ingest(make_report("evil", text), content_hash="h")
    assert store.report("evil")["events"][0]["evidence"]["sentence"] == text


def test_failures_are_recorded(store):
    store.record_failure("bad.txt", "[E101] empty")
    assert [(f["source"], f["reason"]) for f in store.failures()] == [("bad.txt", "[E101] empty")]


def test_forgotten_failures_are_gone_and_the_others_stay(store):
    for source in ("a.txt", "b.jsonl:2", "c.txt"):
        store.record_failure(source, "[E101] empty")
    store.forget_failures(["a.txt", "b.jsonl:2", "never-failed.txt"])
    assert [f["source"] for f in store.failures()] == ["c.txt"]


def test_events_carry_codes_of_both_sides(store):
    store.ingest(make_report(), content_hash="h1")
    (row,) = store.events()
    assert (row["source"], row["target"], row["location"]) == (["UKRGOV"], ["USAGOV"], "Kyiv")


def test_a_batch_is_stored_whole_and_reports_what_was_new(store):
    first, second = make_report("a-1"), make_report("a-2", text="Kyiv asked Paris for help.")
    assert store.ingest_many([(first, "h1"), (second, "h2")]) == [True, True]
    assert store.ingest_many([(first, "h1"), (second, "h3")]) == [False, True]
    assert store.counts()["articles"] == 2
    assert store.stored_hashes()["a-2"] == "h3"
    tricky = make_report("a-3", text='He said "no",\nthen left; a\\tb ␀ end.')
    assert store.ingest_many([(tricky, "h4")]) == [True]
    assert store.article_texts()["a-3"] == 'He said "no",\nthen left; a\\tb ␀ end.'


def test_a_bulk_ingest_stores_batches_as_plain_ingest_does(store):
    first, second = make_report("a-1"), make_report("a-2", text="Kyiv asked Paris for help.")
    with store.bulk_ingest(64):
        assert store.ingest_many([(first, "h1")]) == [True]
        assert store.ingest_many([(first, "h1"), (second, "h2")]) == [False, True]
    assert store.counts()["articles"] == 2


def duckdb_setting(store, name):
    return store.connection.execute(f"SELECT current_setting('{name}')").fetchone()[0]


def test_a_bulk_ingest_holds_duckdb_memory_then_writes_out_and_lifts_the_limit(tmp_path):
    path = tmp_path / "t.duckdb"
    with open_store(path) as opened:
        unbounded = duckdb_setting(opened, "memory_limit")
        with opened.bulk_ingest(64):
            assert duckdb_setting(opened, "memory_limit") == "64.0 MiB"
            assert not duckdb_setting(opened, "enable_progress_bar")  # a library never prints
            opened.ingest_many([(make_report(), "h1")])
        assert duckdb_setting(opened, "memory_limit") == unbounded
        assert not path.with_suffix(".duckdb.wal").exists()  # checkpointed under the bound


def test_an_interrupted_bulk_ingest_keeps_its_stored_batches_and_lifts_the_limit(tmp_path):
    path = tmp_path / "t.duckdb"
    with open_store(path) as opened:
        unbounded = duckdb_setting(opened, "memory_limit")
        with pytest.raises(KeyboardInterrupt), opened.bulk_ingest(64):
            opened.ingest_many([(make_report("a-1"), "h1")])
            raise KeyboardInterrupt
        assert duckdb_setting(opened, "memory_limit") == unbounded
    with open_store(path) as reopened:
        assert reopened.stored_hashes() == {"a-1": "h1"}


def test_a_checkpoint_never_merges_the_row_groups_earlier_ones_wrote(tmp_path):
    """Merging rewrote the unfilled last row group of each table at every checkpoint: the
    ingesting process grew with the store (benchmarks/README.md, ingest_memory.py)."""
    path = tmp_path / "t.duckdb"
    for day in range(3):  # three runs, as three ingests or a server restarted daily would
        with open_store(path) as opened:
            opened.ingest_many([(make_report(f"a-{day}"), "h")])
            opened.connection.execute("CHECKPOINT")
    with open_store(path, read_only=True) as opened:
        groups = opened.connection.execute(
            "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('articles')"
        ).fetchone()[0]
        assert groups == 3 and len(opened.stored_hashes()) == 3


def test_a_truncated_store_is_refused_before_anything_is_written(tmp_path, damage):
    path = tmp_path / "cut.duckdb"
    with open_store(path) as opened:
        opened.ingest(make_report(), content_hash="h1")
    damaged = damage(path, "cut")
    with pytest.raises(StoreError, match=r"^\[E301\] The store .*cut\.duckdb is damaged"):
        open_store(path)
    assert path.read_bytes() == damaged and not path.with_suffix(".duckdb.wal").exists()


def test_a_store_written_by_many_runs_opens_though_duckdb_cut_its_free_blocks_off(tmp_path):
    """DuckDB truncates free blocks at the end of the file when it closes it: the file is then
    shorter than all the blocks its header counts, and whole."""
    path = tmp_path / "runs.duckdb"
    with open_store(path) as opened:
        opened.connection.execute("CREATE TABLE notes (id VARCHAR PRIMARY KEY, text VARCHAR)")
    for run in range(60):  # one run a day: ingest, close
        with open_store(path) as opened:
            opened.connection.execute(
                f"INSERT INTO notes SELECT 'r{run}-' || range, repeat(md5(range::VARCHAR), 20) "
                "FROM range(3000)"
            )
        with duckdb.connect(str(path), read_only=True) as connection:
            block_size, blocks = connection.execute(
                "SELECT block_size, total_blocks FROM pragma_database_size()"
            ).fetchone()
        if path.stat().st_size < 3 * 4096 + block_size * blocks:
            break
    else:
        pytest.skip("DuckDB kept every block of the file this time")
    with open_store(path, read_only=True) as opened:
        assert opened.connection.execute("SELECT count(*) FROM notes").fetchone()[0] == 3000 * (
            run + 1
        )


def test_a_database_error_while_reading_is_a_store_error(tmp_path, damage):
    path = tmp_path / "rotten.duckdb"
    with open_store(path) as opened:
        opened.ingest(make_report(), content_hash="h1")
    damage(path, "rot")
    failed = pytest.raises(StoreError, match=r"^\[E301\].*damaged")
    with open_store(path) as opened, failed, opened.database_errors_as_store_errors():
        opened.report("a-1")


def make_future_store(location):
    """A store as a later tidings might write it: a higher schema version, other tables."""
    with open_store(location) as opened:
        opened.connection.execute("DROP TABLE quotes")
        opened.connection.execute("CREATE TABLE claims (id VARCHAR, text VARCHAR)")
        opened.connection.execute("UPDATE schema_version SET version = 99")


def table_names(location):
    """The tables at `location`, read without tidings (which would create its own)."""
    query = (
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() ORDER BY table_name"
    )
    if location.startswith("postgresql://"):
        with psycopg.connect(location) as connection:
            return [name for (name,) in connection.execute(query).fetchall()]
    with duckdb.connect(location, read_only=True) as connection:
        return [name for (name,) in connection.execute(query).fetchall()]


@pytest.mark.parametrize("kind", ["duckdb", "postgres"])
def test_a_store_from_a_newer_tidings_is_refused_untouched(request, tmp_path, kind):
    location = (
        str(tmp_path / "new.duckdb")
        if kind == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    make_future_store(location)
    before = table_names(location)
    with pytest.raises(StoreError, match=r"newer tidings.*schema version 99.*[Uu]pgrade tidings"):
        open_store(location)
    assert table_names(location) == before and "claims" in before and "quotes" not in before


def test_a_store_older_than_every_migration_is_refused_with_advice_to_re_ingest(tmp_path):
    path = tmp_path / "ancient.duckdb"
    with open_store(path) as opened:
        opened.connection.execute("UPDATE schema_version SET version = 0")
    with pytest.raises(StoreError, match=r"schema version 0, older .*Re-ingest"):
        open_store(path)


@pytest.mark.parametrize(
    ("value", "first_day"),
    [
        ("2025-03-05", date(2025, 3, 5)),
        ("2025-W10", date(2025, 3, 3)),
        ("2025-03", date(2025, 3, 1)),
        ("2025-Q3", date(2025, 7, 1)),
        ("2023-H2", date(2023, 7, 1)),
        ("2025", date(2025, 1, 1)),
        ("../2025-03-14", date(2025, 3, 14)),
        ("PRESENT_REF", None),
        ("XXXX-XX-XXTEV", None),
    ],
)
def test_a_date_value_starts_on_its_first_day(value, first_day):
    assert date_start(value) == first_day
