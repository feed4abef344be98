"""Exports: each format written from a real store and read back the way its users read it."""

import csv
import json
import xml.etree.ElementTree as ElementTree
from datetime import date

import duckdb
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, ICEWS_COLUMNS
from tidings.model import Actor, Article, Event, EventDate, Evidence, Location, Mention, Report
from tidings.store import open_store

ARTICLE = {
    "id": "gulf-talks",
    "published": "2025-03-05",
    "outlet": "Gulf & Levant <Wire>",
    "url": "https://example.org/gulf",
    "text": (
        "Gulf talks\n\nQatar hosted talks between Israel and Hamas in Doha on Tuesday. "
        "Iran launched drones at Israel on Monday, the Israeli military said. "
        "Egypt will send aid to Gaza next week."
    ),
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    (folder / "gulf.json").write_text(json.dumps(ARTICLE))
    path = folder / "store.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def run_export(store_path, tmp_path, export_format, *extra):
    out = tmp_path / f"out.{export_format}"
    result = CliRunner().invoke(
        main, ["export", export_format, "--db", str(store_path), "--out", str(out), *extra]
    )
    assert result.exit_code == 0, result.output
    return out


def test_gdelt_events_have_61_fields_and_load_with_the_gdelt_columns(store_path, tmp_path):
    out = run_export(store_path, tmp_path, "gdelt")
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows and all(len(row) == 61 for row in rows)
    records = [dict(zip(GDELT_EVENT_COLUMNS, row, strict=True)) for row in rows]
    assert len(GDELT_EVENT_COLUMNS) == 61
    assault = next(r for r in records if r["EventRootCode"] == "19")
    assert (assault["Actor1CountryCode"], assault["Actor2CountryCode"]) == ("IRN", "ISR")
    assert assault["SQLDATE"] == "20250303" and assault["QuadClass"] == "4"
    consult = next(r for r in records if r["EventCode"].startswith("04"))
    assert len(consult["EventCode"]) == 3  # a string: the leading zero stays ("046")
    assert consult["ActionGeo_CountryCode"] == "QA"  # Doha in FIPS 10-4 (QA), not ISO (QAT)
    assert all(r["SOURCEURL"] == "https://example.org/gulf" for r in records)


def test_only_asserted_events_reach_gdelt_unless_asked(store_path, tmp_path):
    asserted = run_export(store_path, tmp_path, "gdelt").read_text().count("\n")
    everything = run_export(store_path, tmp_path, "gdelt", "--all-modalities").read_text()
    assert everything.count("\n") > asserted  # Egypt's planned aid is not a GDELT event


def test_gdelt_mentions_point_back_to_the_events(store_path, tmp_path):
    events = run_export(store_path, tmp_path, "gdelt").read_text().splitlines()
    mentions = run_export(store_path, tmp_path, "gdelt-mentions").read_text().splitlines()
    mention_rows = [line.split("\t") for line in mentions]
    assert all(len(row) == len(GDELT_MENTION_COLUMNS) for row in mention_rows)
    assert {row[0] for row in mention_rows} == {line.split("\t")[0] for line in events}


def test_plover_jsonl_keeps_every_event_with_its_modality(store_path, tmp_path):
    lines = run_export(store_path, tmp_path, "plover").read_text().splitlines()
    events = [json.loads(line) for line in lines]
    assert {e["modality"] for e in events} >= {"asserted", "planned"}
    aid = next(e for e in events if e["event_type"] == "AID")
    assert (aid["source_country"], aid["modality"], aid["publisher"]) == (
        "EGY",
        "planned",
        "Gulf & Levant <Wire>",
    )


def test_plover_jsonl_says_who_stated_an_attributed_event(store_path, tmp_path):
    lines = run_export(store_path, tmp_path, "plover").read_text().splitlines()
    events = {e["event_type"]: e for e in map(json.loads, lines)}
    attack = events["ASSAULT"]
    assert attack["attributed_to"].startswith("Israel") and attack["attribution_cue"] == "said"
    assert events["AID"]["attributed_to"] is None  # the writer's own statement


def test_icews_tsv_has_its_header(store_path, tmp_path):
    out = run_export(store_path, tmp_path, "icews")
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert tuple(rows[0].keys()) == ICEWS_COLUMNS
    assert {r["Source Country"] for r in rows} >= {"IRN", "ISR"}


def test_parquet_holds_every_table(store_path, tmp_path):
    out = run_export(store_path, tmp_path, "parquet")
    with open_store(store_path) as store:
        counts = store.counts()
    for table, count in counts.items():
        path = out / f"{table}.parquet"
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0] == count


def test_aggregates_carry_the_numeric_country_codes(store_path, tmp_path):
    with run_export(store_path, tmp_path, "dyads").open(encoding="utf-8") as handle:
        dyads = list(csv.DictReader(handle, delimiter="\t"))
    attack = next(d for d in dyads if d["source_iso3c"] == "IRN")
    assert (attack["source_cown"], attack["target_cown"], attack["target_gwcode"]) == (
        "630",
        "666",
        "666",
    )
    with run_export(store_path, tmp_path, "country-day").open(encoding="utf-8") as handle:
        days = list(csv.DictReader(handle, delimiter="\t"))
    assert {"iso3c", "cown", "gwcode", "date"} <= set(days[0])


def test_gexf_is_well_formed_with_escaped_names(store_path, tmp_path):
    tree = ElementTree.parse(run_export(store_path, tmp_path, "gexf"))
    ns = {"g": "http://gexf.net/1.3"}
    nodes = tree.findall(".//g:node", ns)
    edges = tree.findall(".//g:edge", ns)
    assert nodes and edges
    known = {n.get("id") for n in nodes}
    assert all(e.get("source") in known and e.get("target") in known for e in edges)


# One article written by hand: a month-dated event in the second sentence, both actors named
# in it, placed in Kyiv.
KYIV_TEXT = "Talks resumed. In March Kyiv asked Washington for air defence. Nothing more."


def named_government(local_id, name, country, word):
    """A country's government named once in KYIV_TEXT, by `word`."""
    start = KYIV_TEXT.index(word)
    mention = Mention(word, start, start + len(word))
    return Actor(local_id, name, country, "GOV", kind="country", mentions=[mention])


@pytest.fixture(scope="module")
def month_store(tmp_path_factory):
    start = KYIV_TEXT.index("In March")
    end = KYIV_TEXT.index("Nothing")
    kyiv = named_government("a1", "Ukraine", "UKR", "Kyiv")
    usa = named_government("a2", "United States", "USA", "Washington")
    trigger = KYIV_TEXT.index("asked")
    event = Event(
        id="e1", type="REQUEST", trigger="asked", trigger_start=trigger,
        trigger_end=trigger + 5, evidence=Evidence(KYIV_TEXT[start:end].strip(), start, end - 1),
        cameo="020", goldstein=3.0, quad_class=1, source=["a1"], target=["a2"],
        date=EventDate("2025-03", "month", "In March"), confidence=0.9,
        location=Location("Kyiv", "UKR", 50.45, 30.52),
    )  # fmt: skip
    article = Article("kyiv-1", KYIV_TEXT, outlet="Wire", published=date(2025, 4, 2))
    path = tmp_path_factory.mktemp("month") / "store.duckdb"
    with open_store(path) as store:
        store.ingest(Report(article, actors=[kyiv, usa], events=[event]), content_hash="h")
    return path


def read_tsv(path, columns=None):
    with path.open(encoding="utf-8") as handle:
        if columns:
            return [
                dict(zip(columns, row, strict=True)) for row in csv.reader(handle, delimiter="\t")
            ]
        return list(csv.DictReader(handle, delimiter="\t"))


def test_a_month_date_keeps_its_granularity(month_store, tmp_path):
    (plover,) = [json.loads(line) for line in run_export(month_store, tmp_path, "plover").open()]
    assert (plover["event_date"], plover["date_value"], plover["date_granularity"]) == (
        "2025-03-01", "2025-03", "month",
    )  # fmt: skip
    (icews,) = read_tsv(run_export(month_store, tmp_path, "icews"))
    assert (icews["Event Date"], icews["Date Granularity"]) == ("2025-03-01", "month")
    (gdelt,) = read_tsv(run_export(month_store, tmp_path, "gdelt"), GDELT_EVENT_COLUMNS)
    assert gdelt["SQLDATE"] == "20250301"  # GDELT's 61 columns stay as GDELT reads them


def test_gdelt_actor_places_stay_empty_when_only_the_action_place_is_known(month_store, tmp_path):
    (row,) = read_tsv(run_export(month_store, tmp_path, "gdelt"), GDELT_EVENT_COLUMNS)
    assert row["ActionGeo_FullName"] == "Kyiv" and row["ActionGeo_CountryCode"] == "UP"
    actor_geo = [v for k, v in row.items() if k.startswith(("Actor1Geo", "Actor2Geo"))]
    assert len(actor_geo) == 16 and set(actor_geo) == {""}


def test_gdelt_mentions_give_the_sentence_and_where_each_part_was_read(month_store, tmp_path):
    (row,) = read_tsv(run_export(month_store, tmp_path, "gdelt-mentions"), GDELT_MENTION_COLUMNS)
    assert row["SentenceID"] == "2"
    assert row["Actor1CharOffset"] == str(KYIV_TEXT.index("Kyiv"))
    assert row["Actor2CharOffset"] == str(KYIV_TEXT.index("Washington"))
    assert row["ActionCharOffset"] == str(KYIV_TEXT.index("asked"))


def test_parquet_carries_the_public_columns_only(month_store, tmp_path):
    out = run_export(month_store, tmp_path, "parquet")
    events = duckdb.sql(f"SELECT * FROM read_parquet('{out / 'events.parquet'}')")
    assert {"sources", "targets", "actor_keys", "countries", "dyads", "actor_roles"}.isdisjoint(
        events.columns
    )
    assert {"id", "article_id", "type", "date_value", "date_granularity", "evidence"} <= set(
        events.columns
    )
    for name in ("events", "actors", "articles"):
        values = duckdb.sql(f"SELECT * FROM read_parquet('{out / f'{name}.parquet'}')").fetchall()
        assert not any(
            "\x1e" in v or "\x1f" in v for row in values for v in row if isinstance(v, str)
        )


def test_parquet_from_postgresql_holds_what_duckdb_writes(store_path, tmp_path, postgres_url):
    import pyarrow.parquet as pq

    folder = store_path.parent
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", postgres_url, "--quiet"])
    assert result.exit_code == 0, result.output
    from_duckdb = run_export(store_path, tmp_path / "duckdb", "parquet")
    from_postgres = run_export(postgres_url, tmp_path / "postgres", "parquet")
    for path in sorted(from_duckdb.glob("*.parquet")):
        mine, theirs = pq.read_table(from_postgres / path.name), pq.read_table(path)
        # DuckDB marks a column `not null` when it holds no null: compare names and types
        assert [(f.name, f.type) for f in mine.schema] == [(f.name, f.type) for f in theirs.schema]
        moments = ("ingested_at", "failed_at")
        rows = [
            sorted(
                repr({k: v for k, v in row.items() if k not in moments}) for row in t.to_pylist()
            )
            for t in (mine, theirs)
        ]
        assert rows[0] == rows[1], path.name
