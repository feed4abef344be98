"""End to end through the command line: ingest, re-ingest, query, skip bad input, evaluate."""

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
GOLD = Path(__file__).parents[1] / "gold"


def test_ingest_is_idempotent_and_queryable(tmp_path):
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "5 article(s) stored, 0 unchanged" in first.output
    second = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert "0 article(s) stored, 5 unchanged" in second.output
    result = runner.invoke(main, ["events", "--db", db, "--actor", "COD", "--format", "json"])
    rows = json.loads(result.output)
    assert rows and all(r["article_id"] == "congo-goma-2025-01-28" for r in rows)


def test_bad_files_are_skipped_recorded_and_nothing_is_lost(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(EXAMPLES / "georgia-protests-2024-12-02.txt", corpus / "good.txt")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    (corpus / "broken.json").write_text("{oops")
    (corpus / "german.txt").write_text(
        "Die Regierung hat am Montag die Gespräche mit der Opposition abgebrochen."
    )
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 1
    assert "1 article(s) stored, 0 unchanged, 4 skipped" in result.output
    failures = runner.invoke(main, ["failures", "--db", db])
    for code in ("E101", "E102", "E104", "E105"):
        assert code in failures.output
    again = runner.invoke(main, ["events", "--db", db, "--format", "json"])
    assert json.loads(again.output)


def test_extract_json_follows_the_contract():
    result = CliRunner().invoke(
        main, ["extract", str(EXAMPLES / "red-sea-strikes-2024-01-12.json"), "--format", "json"]
    )
    record = json.loads(result.output)
    assert set(record) == {
        "article",
        "actors",
        "events",
        "quotes",
        "attributions",
        "citations",
        "times",
        "quantities",
    }
    event = record["events"][0]
    assert {"type", "cameo", "goldstein", "quad_class", "modality", "evidence", "date"} <= set(
        event
    )
    text = (EXAMPLES / "red-sea-strikes-2024-01-12.txt").read_text(encoding="utf-8").strip()
    assert (
        text[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["sentence"]
    )


def test_min_confidence_filters_events():
    path = str(EXAMPLES / "congo-goma-2025-01-28.json")
    everything = json.loads(CliRunner().invoke(main, ["extract", path, "--format", "json"]).output)
    confident = json.loads(
        CliRunner()
        .invoke(main, ["extract", path, "--format", "json", "--min-confidence", "0.8"])
        .output
    )
    assert len(confident["events"]) < len(everything["events"])
    assert all(e["confidence"] >= 0.8 for e in confident["events"])


@pytest.mark.parametrize(
    ("gold_dir", "floors"),
    [
        ("examples", "floors.json"),
        ("sentences", "floors-sentences.json"),
        ("passages", "floors-passages.json"),
        ("dedup", "floors-dedup.json"),
        (".", "floors-bars.json"),
        ("actors/phrases.tsv", "floors-actors.json"),
        ("actors/phrases-blind.tsv", "floors-actors-blind.json"),
    ],
)
def test_score_floors_hold_on_the_development_gold(gold_dir, floors):
    result = CliRunner().invoke(
        main, ["evaluate", str(GOLD / gold_dir), "--floors", str(GOLD / floors)]
    )
    assert result.exit_code == 0, result.output


def corpus_jsonl(directory: Path, copies: int) -> Path:
    """A JSONL corpus cycling the example articles, each copy with its own id."""
    from tidings.articles import read_article

    originals = [read_article(p) for p in sorted(EXAMPLES.glob("*.json"))]
    path = directory / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(copies):
            article = originals[i % len(originals)]
            record = {"id": f"{article.id}-{i}", "published": str(article.published)}
            out.write(json.dumps({**record, "text": article.text}) + "\n")
    return path


def test_a_killed_ingest_resumes_with_every_article_stored_once(tmp_path):
    import os
    import re
    import select
    import signal
    import subprocess
    import sys
    import time

    from tidings.store import open_store

    corpus = corpus_jsonl(tmp_path, 70)  # two store batches of 32 and a rest
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    command = [sys.executable, "-c", "from tidings.cli import main; main()", "ingest"]
    process = subprocess.Popen(
        [*command, str(corpus), "--db", str(killed_db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen, deadline = b"", time.monotonic() + 180
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], 1)
        if ready:
            chunk = os.read(process.stderr.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            done = re.findall(rb"(\d+) articles \[", seen)  # the count, not the rate
            if done and int(done[-1]) >= 40:
                process.send_signal(signal.SIGKILL)
                break
    process.wait()
    assert process.returncode == -signal.SIGKILL, seen.decode(errors="replace")[-500:]
    with open_store(killed_db) as store:
        assert 32 <= store.counts()["articles"] < 70  # whole batches only
    resumed = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(killed_db), "--quiet"])
    assert resumed.exit_code == 0, resumed.output
    clean = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(clean_db), "--quiet"])
    assert clean.exit_code == 0, clean.output
    with open_store(killed_db) as killed, open_store(clean_db) as fresh:
        assert killed.counts() == fresh.counts()
        assert killed.counts()["articles"] == 70


def test_ingest_and_query_a_postgresql_store(postgres_url):
    runner = CliRunner()
    stored = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", postgres_url, "--quiet"])
    assert stored.exit_code == 0 and "5 article(s) stored" in stored.output, stored.output
    again = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", postgres_url, "--quiet"])
    assert "0 article(s) stored, 5 unchanged" in again.output
    listed = runner.invoke(main, ["events", "--db", postgres_url, "--type", "SANCTION"])
    assert listed.exit_code == 0 and "SANCTION" in listed.output


GOOD = EXAMPLES / "georgia-protests-2024-12-02.txt"
EDGE_TEXT = "Ministers will meet next week in Paris. Rebels attacked the town yesterday."


def refusing(read, name):
    """`read` (Path.read_bytes, os.scandir) refusing the path called `name` as chmod 000 would
    for a user other than root (tests may run as root, who reads everything)."""

    def read_or_refuse(path="."):
        if isinstance(path, str | os.PathLike) and Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return read(path)

    return read_or_refuse


def stored_ids(db: str) -> list[str]:
    from tidings.store import open_store

    with open_store(db) as store:
        return sorted(a["id"] for a in store.articles())


def failed_sources(db: str) -> list[str]:
    from tidings.store import open_store

    with open_store(db) as store:
        return [Path(f["source"]).name for f in store.failures()]


def test_an_unreadable_file_is_skipped_in_one_line_and_the_others_are_stored(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.txt")
    shutil.copy(GOOD, corpus / "locked.txt")
    monkeypatch.setattr(Path, "read_bytes", refusing(Path.read_bytes, "locked.txt"))
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 1, result.output
    assert "1 article(s) stored, 0 unchanged, 1 skipped" in result.output
    (line,) = [x for x in result.output.splitlines() if x.startswith("skipped")]
    assert "[E107]" in line and "locked.txt" in line and "Permission denied" in line
    assert stored_ids(db) == ["good"]


def test_articles_dated_at_the_ends_of_the_calendar_are_stored_with_the_others(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.txt")
    for name, published in (("last", "9999-12-31"), ("first", "0001-01-01")):
        article = {"id": name, "published": published, "text": EDGE_TEXT}
        (corpus / f"{name}.json").write_text(json.dumps(article))
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert stored_ids(db) == ["first", "good", "last"]
    assert runner.invoke(main, ["dedup", "--db", db]).exit_code == 0
    printed = runner.invoke(main, ["extract", str(corpus / "last.json"), "--format", "json"])
    assert printed.exit_code == 0, printed.output
    times = json.loads(printed.output)["times"]
    assert [(t["text"], t["value"]) for t in times] == [
        ("next week", None),
        ("yesterday", "9999-12-30"),
    ]


def test_an_article_whose_extraction_fails_is_recorded_and_the_others_are_stored(
    tmp_path, monkeypatch
):
    import tidings.pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.txt")
    (corpus / "cursed.json").write_text(json.dumps({"id": "cursed", "text": EDGE_TEXT}))
    real_find_quotes = tidings.pipeline.find_quotes

    def find_quotes(doc, **kwargs):
        if "Paris" in doc.text:
            raise ValueError("a bug in a stage")
        return real_find_quotes(doc, **kwargs)

    monkeypatch.setattr(tidings.pipeline, "find_quotes", find_quotes)
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 1, result.output
    assert "1 article(s) stored, 0 unchanged, 1 skipped" in result.output
    assert "[E108]" in result.output and "a bug in a stage" in result.output
    assert stored_ids(db) == ["good"]
    assert failed_sources(db) == ["cursed.json"]


def test_failures_are_recorded_once_and_cleared_when_the_file_is_stored(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.txt")
    (corpus / "later.txt").write_text("")
    (corpus / "lines.jsonl").write_text('{"id": "j1", "text": ""}\n{oops\n')
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    for _ in range(2):
        runner.invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert sorted(failed_sources(db)) == ["later.txt", "lines.jsonl:1", "lines.jsonl:2"]
    shutil.copy(GOOD, corpus / "later.txt")
    (corpus / "lines.jsonl").write_text(json.dumps({"id": "j1", "text": EDGE_TEXT}) + "\n")
    result = runner.invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert failed_sources(db) == []
    assert stored_ids(db) == ["good", "j1", "later"]


def test_a_linked_or_unreadable_directory_is_reported(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    shutil.copy(GOOD, corpus / "good.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(GOOD, elsewhere / "other.txt")
    (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
    monkeypatch.setattr(os, "scandir", refusing(os.scandir, "locked"))
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 1, result.output
    assert "1 article(s) stored, 0 unchanged, 2 skipped" in result.output
    skipped = sorted(x for x in result.output.splitlines() if x.startswith("skipped"))
    assert "linked" in skipped[0] and "not followed" in skipped[0]
    assert "locked" in skipped[1] and "Permission denied" in skipped[1]


def test_extract_reads_pages_feeds_and_jsonl_as_ingest_does(tmp_path):
    paragraph = "Kenya asked the International Monetary Fund for an emergency loan on Monday."
    (tmp_path / "page.html").write_text(
        "<html><head><title>Kenya asks IMF for a loan</title>"
        '<meta name="date" content="2025-03-05">'
        "<style>body { font-family: Georgia, serif; }</style></head><body>"
        f"<article><h1>Kenya asks IMF for a loan</h1><p>{paragraph}</p></article></body></html>"
    )
    (tmp_path / "wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Kenya asks IMF for a loan</title><link>https://example.org/1</link>"
        f"<description>&lt;p&gt;{paragraph}&lt;/p&gt;</description></item>"
        "</channel></rss>"
    )
    (tmp_path / "lines.jsonl").write_text(
        "".join(json.dumps({"id": f"l{i}", "text": paragraph}) + "\n" for i in (1, 2))
    )
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(r["article"]["id"] for r in records) == [
        "https://example.org/1",
        "l1",
        "l2",
        "page",
    ]
    names = {a["name"] for r in records for a in r["actors"]}
    assert "Kenya" in names and not any("<" in n or "Georgia" in n for n in names)


def test_extract_skips_a_bad_file_and_prints_the_others(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [json.loads(x)["article"]["id"] for x in lines if x.startswith("{")] == ["good"]
    assert [x for x in lines if x.startswith("skipped")][0].startswith("skipped [E101]")


def test_ingest_commits_batches_before_the_whole_corpus_is_read(tmp_path, monkeypatch):
    import tidings.sources
    from tidings.store._base import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for part in range(3):  # three files of 40 articles: three store batches and more
        corpus_jsonl(tmp_path, 40).rename(corpus / f"part-{part}.jsonl")
    files_read: list[str] = []
    read_source = tidings.sources.read_source

    def counted_read_source(path, settings):
        files_read.append(path.name)
        yield from read_source(path, settings)

    files_read_at_first_commit: list[int] = []
    ingest_many = Store.ingest_many

    def counted_ingest_many(self, items):
        files_read_at_first_commit.append(len(files_read))
        return ingest_many(self, items)

    monkeypatch.setattr(tidings.sources, "read_source", counted_read_source)
    monkeypatch.setattr(Store, "ingest_many", counted_ingest_many)
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "40 article(s) stored, 80 unchanged" in result.output  # the same ids in each file
    assert files_read_at_first_commit[0] == 1  # the first batch is stored from the first file
    assert len(files_read) == 3


def test_load_holds_the_store_memory_to_the_settings_file(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    import tidings.ingest
    from tidings.distributed import record_schema
    from tidings.model import Article, Report

    article = Article("a1", "Kenya's president met his cabinet on Monday.")
    row = {"id": "a1", "text": article.text, "events": 0, "failure": None,
           "record": json.dumps(Report(article).to_dict())}  # fmt: skip
    (tmp_path / "records").mkdir()
    pq.write_table(pa.Table.from_pylist([row], schema=record_schema()),
                   tmp_path / "records" / "part.parquet")  # fmt: skip
    config = tmp_path / "tidings.toml"
    config.write_text("[tidings]\ningest_memory_mb = 96\n", encoding="utf-8")
    limits = []
    store_batch = tidings.ingest.store_batch

    def observed_store_batch(store, batch, tally):
        limits.append(store.connection.execute("SELECT current_setting('memory_limit')").fetchone())
        store_batch(store, batch, tally)

    monkeypatch.setattr(tidings.ingest, "store_batch", observed_store_batch)
    db = str(tmp_path / "t.duckdb")
    args = ["--config", str(config), "load", str(tmp_path / "records"), "--db", db]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "1 article(s) stored" in result.output
    assert limits == [("96.0 MiB",)]
