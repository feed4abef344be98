"""End to end through the command line: ingest, re-ingest, query, skip bad input, evaluate."""

import json
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
            done = re.findall(rb"(\d+)/70", seen)
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
