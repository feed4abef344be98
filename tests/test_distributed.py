"""The Ray engine: a local Ray cluster extracts the same records as the local path."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.articles import find_article_files, read_article
from tidings.cli import main
from tidings.pipeline import extract

ray = pytest.importorskip("ray")
EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture
def local_cluster():
    """A two-CPU local Ray cluster, shut down afterwards."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_extracts_what_the_local_path_extracts(tmp_path, pipeline, local_cluster):
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["ray", str(EXAMPLES), "--out", str(out), "--workers", "2", "--batch-size", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "5 article(s) extracted on Ray" in result.output
    distributed = {
        row["id"]: json.loads(row["record"]) for row in pq.read_table(out / "records").to_pylist()
    }
    local = {
        article.id: extract(article, pipeline).to_dict()
        for article in (read_article(p) for p in find_article_files([EXAMPLES]))
    }
    assert distributed.keys() == local.keys()
    for article_id, record in local.items():
        got = distributed[article_id]
        assert [(e["type"], e["trigger"]["start"]) for e in got["events"]] == [
            (e["type"], e["trigger"]["start"]) for e in record["events"]
        ]
        assert len(got["quotes"]) == len(record["quotes"])


def test_ray_reads_and_writes_urls_every_node_can_reach(tmp_path, local_cluster):
    import pyarrow.parquet as pq

    out = f"file://{tmp_path}/out"  # stands in for s3://bucket/out: the articles staged there
    result = CliRunner().invoke(main, ["ray", str(EXAMPLES), "--out", out, "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "_input.parquet").exists()
    again = CliRunner().invoke(
        main, ["ray", f"{out}/_input.parquet", "--out", f"{out}/again", "--batch-size", "2"]
    )
    assert again.exit_code == 0, again.output
    first, second = (pq.read_table(tmp_path / "out" / d / "records") for d in (".", "again"))
    assert sorted(first.column("id").to_pylist()) == sorted(second.column("id").to_pylist())
    assert first.num_rows == 5


def test_ray_refuses_a_local_path_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(main, ["ray", str(tmp_path / "nowhere"), "--out", "x"])
    assert result.exit_code == 2 and "does not exist" in result.output


def store_rows(location):
    """Every table of a store as sorted rows, without the times things were written."""
    from tidings.store import open_store

    with open_store(location) as store:
        tables = {}
        for name in store.table_names():
            cursor = store.connection.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cursor.description]
            rows = [
                tuple(v for c, v in zip(columns, row, strict=True) if c not in TIMES)
                for row in cursor.fetchall()
            ]
            tables[name] = sorted(rows, key=repr)
        return tables


TIMES = ("ingested_at", "failed_at")


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_ray_records_loaded_into_a_store_equal_the_local_ingest(
    tmp_path, local_cluster, backend, request
):
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["ray", str(EXAMPLES), "--out", str(out), "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    if backend == "duckdb":
        loaded, local = str(tmp_path / "loaded.duckdb"), str(tmp_path / "local.duckdb")
    else:
        loaded = request.getfixturevalue("postgres_url")
        local = str(tmp_path / "local.duckdb")
    first = runner.invoke(main, ["load", str(out / "records"), "--db", loaded])
    assert first.exit_code == 0, first.output
    assert "5 article(s) stored, 0 unchanged, 0 skipped" in first.output
    again = runner.invoke(main, ["load", str(out / "records"), "--db", loaded])
    assert "0 article(s) stored, 5 unchanged, 0 skipped" in again.output
    ingested = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", local, "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    assert store_rows(loaded) == store_rows(local)
