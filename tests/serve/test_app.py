"""The HTTP API: filtered pages of events, article records, aggregates, guarded writes."""

from pathlib import Path
from urllib.parse import quote

import duckdb
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


def test_an_event_stated_in_an_attribution_says_who_says_it_happened(client):
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    attributed = [e for e in events if e["attribution"] is not None]
    assert attributed and len(attributed) < len(events)
    assert all(e["according_to"] is None for e in events if e["attribution"] is None)
    for event in attributed:
        record = client.get(f"/api/articles/{quote(event['article_id'], safe='')}").json()
        statement = record["attributions"][event["attribution"]]
        (stored,) = [e for e in record["events"] if e["id"] == event["id"].split(":")[-1]]
        trigger = stored["trigger"]
        assert any(s <= trigger["start"] and trigger["end"] <= e for s, e in statement["content"])
        source = next((a["name"] for a in record["actors"] if a["id"] == statement["source"]), None)
        assert event["according_to"] == {
            "source": source or statement["source_text"],
            "cue": statement["cue"],
            "kind": statement["kind"],
        }


def test_a_quote_lists_the_events_it_states(client):
    quotes = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    stating = [q for q in quotes if q["events"]]
    assert stating
    for stated in stating:
        record = client.get(f"/api/articles/{quote(stated['article_id'], safe='')}").json()
        by_id = {e["id"]: e for e in record["events"]}
        for event in stated["events"]:
            found = by_id[event["id"]]
            assert found["type"] == event["type"] and found["attribution"] is not None
            assert stated["start_char"] <= found["trigger"]["start"] < stated["end_char"]


def test_bad_parameters_get_the_same_error_shape(client):
    response = client.get("/api/events", params={"limit": 100000})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_daily_aggregates_follow_the_filters(client):
    items = client.get("/api/aggregates/daily").json()["items"]
    assert items and {"day", "quad_class", "events", "goldstein"} <= set(items[0])
    conflict = client.get("/api/aggregates/daily", params={"quad_class": 4}).json()["items"]
    assert conflict and {row["quad_class"] for row in conflict} == {4}
    assert sum(r["events"] for r in conflict) < sum(r["events"] for r in items)


def test_every_filter_narrows_the_events_and_the_count_agrees(client):
    everything = client.get("/api/events/count").json()["events"]
    for params in (
        {"country": "SDN"},
        {"actor": "rapid support"},
        {"actor": "USA"},
        {"modality": "planned"},
        {"place": "Khartoum"},
        {"text": "drones"},
        {"since": "2025-06-01", "until": "2025-06-30"},
        {"article": "congo-goma-2025-01-28"},
    ):
        items = client.get("/api/events", params={**params, "limit": 500}).json()["items"]
        count = client.get("/api/events/count", params=params).json()["events"]
        assert 0 < len(items) == count < everything, params
    sudan = client.get("/api/events", params={"country": "sdn", "limit": 500}).json()["items"]
    assert all(
        e["location_country"] == "SDN" or any(a["code"].startswith("SDN") for a in
                                              e["sources"] + e["targets"] if a["code"])
        for e in sudan
    )  # fmt: skip
    worded = client.get("/api/events", params={"text": "DRONES"}).json()["items"]
    assert all("drones" in e["evidence"].lower() for e in worded)


def test_filter_values_are_data_not_sql(client):
    for hostile in ("x' OR '1'='1", "%", "_", "'; DROP TABLE events; --"):
        for name in ("actor", "text", "place"):
            response = client.get("/api/events", params={name: hostile})
            assert response.status_code == 200 and response.json()["items"] == [], (name, hostile)
    assert client.get("/api/events/count").json()["events"] > 0


def test_events_are_newest_first_with_both_sides(client):
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    starts = [e["date_start"] for e in items if e["date_start"]]
    assert starts == sorted(starts, reverse=True)
    assert any(e["sources"] and e["targets"] for e in items)
    assert all({"code", "name"} <= set(side) for e in items for side in e["sources"])
    oldest = client.get("/api/events", params={"order": "oldest", "limit": 1}).json()["items"]
    assert oldest[0]["date_start"] == min(starts)


def test_actors_dyads_types_and_places(client):
    actors = client.get("/api/actors", params={"limit": 10}).json()["items"]
    assert actors and actors[0]["events"] >= actors[-1]["events"]
    assert {"actor", "as_source", "as_target", "names"} <= set(actors[0])
    dyads = client.get("/api/aggregates/dyads").json()["items"]
    assert dyads and all(d["source"] != d["target"] and d["events"] >= 1 for d in dyads)
    congo = client.get("/api/aggregates/dyads", params={"country": "COD"}).json()["items"]
    assert {"source": "CODGOV", "target": "RWAGOV"} in [
        {"source": d["source"], "target": d["target"]} for d in congo
    ]
    types = client.get("/api/aggregates/types").json()["items"]
    assert {t["type"] for t in types} >= {"ASSAULT", "CONSULT"}
    places = client.get("/api/aggregates/places").json()
    assert places["countries"] and places["places"]
    assert all(p["lat"] is not None and p["lon"] is not None for p in places["places"])


def test_quotes_by_speaker(client):
    speakers = client.get("/api/quotes/speakers").json()["items"]
    assert speakers and speakers[0]["quotes"] >= speakers[-1]["quotes"]
    named = next(s["speaker"] for s in speakers if s["speaker"] != "(unattributed)")
    quotes = client.get("/api/quotes", params={"speaker": named, "limit": 500}).json()["items"]
    assert quotes and {q["speaker"] for q in quotes} == {named}
    assert {"text", "kind", "cue", "outlet", "article_id", "published"} <= set(quotes[0])


def test_vocabulary_lists_the_filter_values(client):
    vocabulary = client.get("/api/vocabulary").json()
    assert len(vocabulary["types"]) == 16 and "planned" in vocabulary["modalities"]
    assert [q["quad_class"] for q in vocabulary["quad_classes"]] == [1, 2, 3, 4]


def test_deep_pages_and_unknown_orders_are_refused_in_the_error_shape(client):
    for params in ({"offset": 10_000_000}, {"order": "random"}, {"quad_class": 9}):
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["error"]["code"] == "invalid_request"


def test_pages_carry_a_content_security_policy_and_docs_work_offline(client):
    dashboard = client.get("/")
    assert dashboard.status_code == 200 and "dashboard.js" in dashboard.text
    policy = dashboard.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/api/events").headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()
    asset = docs.text.split('src="')[1].split('"')[0]
    assert client.get(asset).status_code == 200
    assert client.get("/static/world.json").json()["countries"]


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
    # Readers on their own connections see the write at once.
    assert client.get("/api/events", params={"article": "api-1"}).json()["items"]
    huge = client.post(
        "/api/articles",
        content=b"x" * 1_100_000,
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "too_large"
    # A streamed body declares no length: it is counted as it arrives, and refused the same way.
    streamed = client.post(
        "/api/articles",
        content=(b"x" * 100_000 for _ in range(11)),
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413 and streamed.json()["error"]["code"] == "too_large"


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_an_article_dated_at_the_end_of_the_calendar_is_stored(client, published):
    article = {
        "id": f"edge-{published}",
        "published": published,
        "text": "Kenya asked the IMF for a loan yesterday. Talks resume next week.",
    }
    answer = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert answer.status_code == 201, answer.text
    assert client.get(f"/api/articles/edge-{published}").status_code == 200


def test_shutdown_closes_the_store_and_every_reader(tmp_path):
    db = tmp_path / "store.duckdb"
    app = create_app(str(db))
    with TestClient(app) as served:
        assert served.get("/api/events").status_code == 200
    with pytest.raises(duckdb.ConnectionException):
        app.state.store.connection.execute("SELECT 1")
    # The file is free again: a new server opens it.
    with TestClient(create_app(str(db))) as again:
        assert again.get("/api/events/count").json() == {"events": 0}


def test_openapi_describes_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/events", "/api/events/count", "/api/actors", "/api/quotes", "/api/quotes/speakers",
        "/api/articles", "/api/articles/{article_id}", "/api/aggregates/daily",
        "/api/aggregates/types", "/api/aggregates/places", "/api/aggregates/dyads",
    } <= set(paths)  # fmt: skip
    described = {path: paths[path]["get"]["description"] for path in paths if "get" in paths[path]}
    assert "according_to" in described["/api/events"]
    assert "`events`" in described["/api/quotes"]
    assert "attributions" in described["/api/articles/{article_id}"]


def _same(value):
    """An answer with floats rounded: the two databases average in different orders."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list):
        return [_same(v) for v in value]
    if isinstance(value, dict):
        return {k: _same(v) for k, v in value.items()}
    return value


def test_postgresql_answers_as_duckdb_does(postgres_url, tmp_path):
    runner = CliRunner()
    for db in (postgres_url, str(tmp_path / "store.duckdb")):
        result = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", db, "--quiet"])
        assert result.exit_code == 0, result.output
    duck = TestClient(create_app(str(tmp_path / "store.duckdb")))
    postgres = TestClient(create_app(postgres_url))
    for path, params in [
        ("/api/events", {"limit": 500}),
        ("/api/events", {"country": "SDN", "type": "ASSAULT"}),
        ("/api/events", {"actor": "rapid", "since": "2025-01-01", "quad_class": 4}),
        ("/api/events", {"place": "khart", "text": "army"}),
        ("/api/events/count", {"modality": "planned"}),
        ("/api/actors", {}),
        ("/api/quotes", {"limit": 500}),
        ("/api/quotes/speakers", {"text": "the"}),
        ("/api/articles", {}),
        ("/api/articles/congo-goma-2025-01-28", {}),
        ("/api/aggregates/daily", {}),
        ("/api/aggregates/types", {"country": "IRN"}),
        ("/api/aggregates/places", {}),
        ("/api/aggregates/dyads", {}),
    ]:
        expected = duck.get(path, params=params)
        answer = postgres.get(path, params=params)
        assert expected.status_code == answer.status_code == 200, (path, answer.text)
        assert _same(answer.json()) == _same(expected.json()), (path, params)


@pytest.mark.parametrize("article_id", ["a/b", "https://example.org/news/1?x=1"])
def test_an_article_id_with_slashes_opens_raw_or_percent_encoded(client, article_id):
    article = {"id": article_id, "published": "2025-03-05", "text": "Kenya asked Uganda for help."}
    posted = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert posted.status_code == 201
    encoded = quote(article_id, safe="")  # as the dashboard's encodeURIComponent writes it
    for path in (f"/api/articles/{encoded}", f"/api/articles/{quote(article_id, safe='/:')}"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.json()["article"]["id"] == article_id


def test_a_token_with_non_ascii_characters_is_refused_in_the_error_shape(client):
    article = {"id": "api-2", "text": "Kenya asked Uganda for help."}
    for supplied in ("Bearer s3crét", "Bearer ключ"):
        response = client.post(
            "/api/articles", json=article, headers={"Authorization": supplied.encode("utf-8")}
        )
        assert response.status_code == 401, supplied
        assert response.json()["error"]["code"] == "unauthorized"


def test_a_non_ascii_server_token_is_matched_byte_for_byte(tmp_path):
    served = TestClient(create_app(str(tmp_path / "store.duckdb"), token="clé-secrète"))
    article = {"id": "api-3", "text": "Kenya asked Uganda for help."}
    right = {"Authorization": "Bearer clé-secrète".encode()}
    assert served.post("/api/articles", json=article, headers=right).status_code == 201


def test_an_unexpected_failure_is_a_500_in_the_error_shape(tmp_path, monkeypatch):
    served = TestClient(create_app(str(tmp_path / "store.duckdb")), raise_server_exceptions=False)

    def broken(*_args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("tidings.store.queries.count_events", broken)
    response = served.get("/api/events/count")
    assert response.status_code == 500
    assert response.json()["error"] == {
        "status": 500,
        "code": "internal_error",
        "message": "The server failed to answer; the error is in its log.",
    }
    assert "disk on fire" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("authorization", "status"),
    [("bearer s3cret", 201), ("BEARER s3cret", 201), ("s3cret", 401), ("Basic s3cret", 401)],
)
def test_the_bearer_scheme_is_needed_in_any_case(client, authorization, status):
    article = {"id": "scheme", "text": "Kenya asked Uganda for help."}
    response = client.post("/api/articles", json=article, headers={"Authorization": authorization})
    assert response.status_code == status, response.text


@pytest.mark.parametrize(
    "body", [b'{"id": "x"}', b"{not json", b'{"id": "", "text": "t"}'], ids=["field", "json", "id"]
)
def test_the_token_is_checked_before_the_body(client, body):
    headers = {"Content-Type": "application/json"}
    response = client.post("/api/articles", content=body, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"
    headers["Authorization"] = "Bearer s3cret"
    invalid = client.post("/api/articles", content=body, headers=headers)
    assert invalid.status_code == 422 and invalid.json()["error"]["code"] == "invalid_request"


def test_openapi_declares_the_bearer_scheme_and_the_article_body(client):
    spec = client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    ((name, scheme),) = schemes.items()
    assert scheme["type"] == "http" and scheme["scheme"].lower() == "bearer"
    submit = spec["paths"]["/api/articles"]["post"]
    assert submit["security"] == [{name: []}]
    body = submit["requestBody"]["content"]["application/json"]["schema"]
    assert {"id", "text"} <= set(body["required"]) and "published" in body["properties"]
