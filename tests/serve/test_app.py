"""The HTTP API: filtered pages of events, article records, aggregates, guarded writes."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tidings.cli import main
from tidings.serve import create_app

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "store.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(str(db), token="s3cret"))


def test_events_come_in_pages(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])


def test_events_filter_by_type_and_actor(client):
    sanctions = client.get("/api/events", params={"type": "sanction", "limit": 500}).json()
    assert sanctions["items"] and {e["type"] for e in sanctions["items"]} == {"SANCTION"}
    assert sanctions["next_offset"] is None
    rwanda = client.get("/api/events", params={"actor": "RWA", "limit": 500}).json()["items"]
    assert rwanda


def test_an_article_comes_with_its_annotations_and_a_miss_is_a_json_404(client):
    record = client.get("/api/articles/congo-goma-2025-01-28").json()
    assert record["events"] and record["quotes"] and record["actors"]
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_bad_parameters_get_the_same_error_shape(client):
    response = client.get("/api/events", params={"limit": 100000})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_daily_aggregates(client):
    items = client.get("/api/aggregates/daily").json()["items"]
    assert items and {"day", "type", "quad_class", "events", "goldstein"} <= set(items[0])


def test_writes_need_the_token_and_bodies_are_bounded(client):
    article = {
        "id": "api-1",
        "published": "2025-03-05",
        "text": "Kenya asked the International Monetary Fund for an emergency loan on Monday.",
    }
    assert client.post("/api/articles", json=article).status_code == 401
    wrong = client.post("/api/articles", json=article, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401
    stored = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert stored.status_code == 201 and stored.json()["events"] >= 1
    assert client.get("/api/articles/api-1").status_code == 200
    huge = client.post(
        "/api/articles",
        content=b"x" * 1_100_000,
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "too_large"


def test_openapi_describes_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/articles/{article_id}", "/api/aggregates/daily"} <= set(paths)
