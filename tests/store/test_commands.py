"""The commands that read a store, on stores that are damaged, missing or busy: each refuses
in one line with its cause and a fix."""

import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.model import Article
from tidings.pipeline import extract
from tidings.store import content_hash, open_store

TEXT = "Qatar hosted talks between Israel and Hamas in Doha on Tuesday."
READING_COMMANDS = [
    ["events"],
    ["events", "--merged"],
    ["failures"],
    ["export", "gdelt", "--out", "{tmp}/out.tsv"],
    ["export", "parquet", "--out", "{tmp}/parquet"],
    ["dedup"],
    ["actors", "unknown"],
    ["serve"],
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("commands") / "store.duckdb"
    article = Article("gulf-talks", TEXT, published=date(2025, 3, 5))
    with open_store(path) as store:
        store.ingest(extract(article, pipeline), content_hash=content_hash(article))
    return path


@pytest.fixture
def no_server(monkeypatch):
    """`serve` returns where it would start serving, with what it would serve."""
    started = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append((app, options)))
    return started


def run(command, db, tmp_path):
    args = [part.format(tmp=tmp_path) for part in command]
    return CliRunner().invoke(main, [*args, "--db", str(db)])


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_truncated_store_is_refused_in_one_line(stored, tmp_path, damage, no_server, command):
    damaged = tmp_path / "cut.duckdb"
    damage(shutil.copy(stored, damaged), "cut")
    result = run(command, damaged, tmp_path)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: [E301] The store") and "damaged" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not no_server


@pytest.mark.parametrize(
    "command", [c for c in READING_COMMANDS if c[0] in ("events", "export", "dedup")], ids=" ".join
)
def test_a_store_whose_rows_cannot_be_read_fails_in_one_line(stored, tmp_path, damage, command):
    damaged = tmp_path / "rotten.duckdb"
    damage(shutil.copy(stored, damaged), "rot")
    result = run(command, damaged, tmp_path)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: [E301] The store") and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_mistyped_store_path_is_refused_and_not_created(tmp_path, no_server, command):
    missing = tmp_path / "typo.duckdb"
    result = run(command, missing, tmp_path)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: [E301] No store at {missing}")
    assert not missing.exists() and not no_server
