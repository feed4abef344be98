"""Streamed ingest (`tidings.ingest`): the store's memory held to the setting while a stream
is stored, and lifted after. Extraction is replaced by empty records: no model is needed."""

import json
from datetime import date

import pytest

import tidings.ingest
from tidings.ingest import ingest_stream, load_records
from tidings.model import Article, Report
from tidings.pipeline import Pipeline
from tidings.settings import Settings
from tidings.store import open_store


def memory_limit(store):
    return store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def articles(count):
    return [
        Article(f"a{i}", f"Kenya's president met his cabinet, day {i}.", published=date(2025, 1, 2))
        for i in range(count)
    ]


@pytest.fixture
def bare_extraction(monkeypatch):
    """Ingest with each article's record empty instead of extracted."""

    def empty_records(items, *, pipeline, processes=1, batch_size=16):
        yield from (Report(article) for article in items)

    monkeypatch.setattr(tidings.ingest, "extract_each", empty_records)


def test_ingest_holds_the_store_memory_to_the_setting_while_it_runs(tmp_path, bare_extraction):
    pipeline = Pipeline(nlp=None, kb=None, settings=Settings(ingest_memory_mb=96))
    with open_store(tmp_path / "t.duckdb") as store:
        unbounded = memory_limit(store)
        limits = []
        items = [("corpus.jsonl", article) for article in articles(40)]
        tally = ingest_stream(
            items, store, pipeline, progress=lambda _n: limits.append(memory_limit(store))
        )
        assert tally.stored == 40
        assert set(limits) == {"96.0 MiB"}
        assert memory_limit(store) == unbounded
        assert store.counts()["articles"] == 40


def test_loaded_records_are_stored_with_the_store_memory_held(tmp_path, monkeypatch):
    rows = [
        {"id": a.id, "text": a.text, "record": json.dumps(Report(a).to_dict()), "failure": None}
        for a in articles(3)
    ]
    rows.append({"id": "broken", "text": "", "record": None, "failure": "[E108] failed"})
    limits = []
    store_batch = tidings.ingest.store_batch

    def observed_store_batch(store, batch, tally):
        limits.append(memory_limit(store))
        store_batch(store, batch, tally)

    monkeypatch.setattr(tidings.ingest, "store_batch", observed_store_batch)
    with open_store(tmp_path / "t.duckdb") as store:
        tally = load_records([rows[:2], rows[2:]], store, memory_mb=80)
        assert (tally.stored, tally.failures) == (3, [("broken", "[E108] failed")])
        assert limits == ["80.0 MiB", "80.0 MiB"]
