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
        (".", "floors-bars.json"),
    ],
)
def test_score_floors_hold_on_the_development_gold(gold_dir, floors):
    result = CliRunner().invoke(
        main, ["evaluate", str(GOLD / gold_dir), "--floors", str(GOLD / floors)]
    )
    assert result.exit_code == 0, result.output
