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
