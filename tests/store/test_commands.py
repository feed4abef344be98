"""The commands over a store (events, failures, dedup, export, actors unknown, serve): their
options, and stores that are damaged, missing or busy, which each refuses in one line with its
cause and a fix."""

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.model import Article
from tidings.pipeline import extract
from tidings.settings import Settings
from tidings.sources import read_sources
from tidings.store import content_hash, open_store
from tidings.store.queries import EventFilter, count_events, event_page

EXAMPLES = Path(__file__).parents[2] / "examples"

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


@pytest.fixture(scope="module")
def examples(tmp_path_factory, pipeline):
    """A store of the bundled examples (five articles)."""
    path = tmp_path_factory.mktemp("examples") / "store.duckdb"
    articles = [a for a in read_sources((EXAMPLES,), Settings()) if isinstance(a, Article)]
    with open_store(path) as store:
        store.ingest_many([(extract(a, pipeline), content_hash(a)) for a in articles])
    return path


def events_json(db, *options):
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    ("options", "where"),
    [
        (["--country", "sdn"], EventFilter(country="SDN")),
        (["--place", "Khartoum"], EventFilter(place="Khartoum")),
        (["--text", "DRONES"], EventFilter(text="drones")),
        (["--quad-class", "4"], EventFilter(quad_class=4)),
        (["--modality", "PLANNED"], EventFilter(modality="planned")),
        (["--type", "assault", "--actor", "rapid"], EventFilter(type="ASSAULT", actor="rapid")),
        (["--article", "congo-goma-2025-01-28"], EventFilter(article="congo-goma-2025-01-28")),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_events_take_the_apis_filters_and_agree_with_it(examples, options, where):
    with open_store(examples) as store:
        expected = {row["id"] for row in event_page(store.reader(), where, limit=500)}
        everything = count_events(store.reader(), EventFilter())
    found = {row["id"] for row in events_json(examples, *options)}
    assert 0 < len(found) < everything and found == expected


def test_events_come_a_page_at_a_time(examples):
    every = [row["id"] for row in events_json(examples)]
    page = [row["id"] for row in events_json(examples, "--offset", "5", "--limit", "5")]
    assert page == every[5:10]


def test_the_events_table_names_the_actors_behind_their_codes(examples):
    result = CliRunner().invoke(main, ["events", "--db", str(examples), "--actor", "RWAGOV"])
    assert result.exit_code == 0, result.output
    assert "RWAGOV (Rwanda)" in result.output


def test_merged_events_follow_the_filters(examples, tmp_path):
    db = shutil.copy(examples, tmp_path / "merged.duckdb")
    assert CliRunner().invoke(main, ["dedup", "--db", str(db)]).exit_code == 0
    merged = events_json(db, "--merged")
    assaults = events_json(db, "--merged", "--type", "assault")
    assert 0 < len(assaults) < len(merged) and {m["type"] for m in assaults} == {"ASSAULT"}
    congo = events_json(db, "--merged", "--article", "congo-goma-2025-01-28")
    assert congo and all("congo-goma-2025-01-28" in m["article_ids"] for m in congo)
    assert events_json(db, "--merged", "--actor", "nobody-at-all") == []


def test_merged_events_before_dedup_say_to_run_it(examples, tmp_path):
    db = shutil.copy(examples, tmp_path / "raw.duckdb")
    stored = len(events_json(db))
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--merged"])
    assert result.exit_code == 1
    assert f"{stored} event(s)" in result.output and f"tidings dedup --db {db}" in result.output


def serve(db, *options, env=None):
    return CliRunner().invoke(main, ["serve", "--db", str(db), *options], env=env)


def test_serve_says_where_it_serves_and_what(examples, no_server):
    stored = len(events_json(examples))
    result = serve(examples, "--port", "8123")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"Serving 5 article(s) and {stored} event(s) from {examples} at http://127.0.0.1:8123/ "
        "(read-only: no token)."
    )
    ((_app, options),) = no_server
    assert options["port"] == 8123


def writes_allowed(app, token):
    """Whether the app lets a write with `token` past the token check (an empty body then
    fails validation, which comes after it)."""
    from fastapi.testclient import TestClient

    response = TestClient(app).post(
        "/api/articles", content=b"{}", headers={"Authorization": f"Bearer {token}"}
    )
    return response.status_code == 422


def test_a_token_on_the_command_line_works_and_is_warned_about(examples, tmp_path, no_server):
    db = shutil.copy(examples, tmp_path / "served.duckdb")
    result = serve(db, "--token", "s3cret")
    assert result.exit_code == 0, result.output
    assert "visible to other users" in result.stderr and "TIDINGS_TOKEN" in result.stderr
    assert writes_allowed(no_server[0][0], "s3cret")


@pytest.mark.parametrize("source", ["environment", "file"])
def test_a_token_from_the_environment_or_a_file_is_not_warned_about(
    examples, tmp_path, no_server, source
):
    db = shutil.copy(examples, tmp_path / "served.duckdb")
    secret = tmp_path / "token"
    secret.write_text("s3cret\n", encoding="utf-8")
    if source == "file":
        result = serve(db, "--token-file", str(secret))
    else:
        result = serve(db, env={"TIDINGS_TOKEN": "s3cret"})
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and "with the token" in result.output
    assert writes_allowed(no_server[0][0], "s3cret")


@pytest.fixture
def held(tmp_path, examples):
    """Run a process holding a copy of the examples store, as `serve` does (read-only
    without a token, read-write with one); yields the path once it holds it."""
    processes = []

    def hold(read_only):
        db = shutil.copy(examples, tmp_path / "held.duckdb")
        code = (
            "import duckdb, sys, time\n"
            "db = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == '1')\n"
            "print('held', flush=True)\ntime.sleep(120)"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(db), "1" if read_only else "0"],
            stdout=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        assert process.stdout.readline().strip() == "held"
        return db

    yield hold
    for process in processes:
        process.kill()
        process.wait()


def test_a_store_held_for_writing_is_refused_with_where_to_write_instead(held):
    db = held(read_only=False)
    result = CliRunner().invoke(main, ["events", "--db", str(db)])
    assert result.exit_code == 1
    message = result.output.strip()
    assert message.startswith(f"Error: [E301] The store {db} is in use by another process")
    assert "POST /api/articles" in message and "PostgreSQL" in message
    assert len(message.splitlines()) == 1


@pytest.mark.parametrize(
    "command",
    [
        c
        for c in READING_COMMANDS
        if c[0] != "dedup" and c not in (["serve"], ["events", "--merged"])
    ],
    ids=" ".join,
)
def test_commands_that_read_share_a_store_with_a_server_that_only_reads(held, tmp_path, command):
    db = held(read_only=True)
    result = run(command, db, tmp_path)
    assert result.exit_code == 0, result.output
