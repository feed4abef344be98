"""The quotes endpoints honour the event filters: a quote belongs to the events a filter selects
when it lies in the evidence sentence of one, when its speaker is a side of one, or (actor and
country filters only) when its speaker is that actor."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tidings.cli import main
from tidings.serve import create_app

EXAMPLES = Path(__file__).parents[2] / "examples"
EVENT_FILTERS = [
    {"type": "ASSAULT"},
    {"modality": "planned"},
    {"quad_class": 1},
    {"place": "Cairo"},
    {"type": "SANCTION", "country": "USA"},
    {"actor": "RWA"},
    {"country": "SDN"},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("quotes") / "store.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(str(db)))


def quotes(client, **params):
    return client.get("/api/quotes", params={**params, "limit": 500}).json()["items"]


def tied_to_events(quote, record, events):
    """Whether `quote` (an article record's quote) lies in the evidence of one of `events`
    (ids of that article's events) or is said by one of their sides."""
    for event in record["events"]:
        if event["id"] not in events:
            continue
        evidence = event["evidence"]
        inside = quote["start"] < evidence["end"] and quote["end"] > evidence["start"]
        if inside or quote["speaker"] in event["source"] + event["target"]:
            return True
    return False


def speaker_is(quote, filters):
    """Whether the speaker's code answers the actor and country filters (and no other is set)."""
    code = (quote["speaker_code"] or "").upper()
    if set(filters) - {"actor", "country"}:
        return False
    return all(code.startswith(filters[name].upper()) for name in filters)


@pytest.mark.parametrize(
    "filters", EVENT_FILTERS, ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items())
)
def test_quotes_follow_the_event_filters(client, filters):
    everything = quotes(client)
    found = quotes(client, **filters)
    assert 0 < len(found) < len(everything)
    for quote in found:
        article = quote["article_id"]
        record = client.get(f"/api/articles/{article}").json()
        matching = client.get("/api/events", params={**filters, "article": article, "limit": 500})
        events = {e["id"].removeprefix(f"{article}:") for e in matching.json()["items"]}
        stored = next(q for q in record["quotes"] if q["start"] == quote["start_char"])
        assert tied_to_events(stored, record, events) or speaker_is(quote, filters), quote


def test_a_speaker_without_events_is_found_by_the_actor_filter_alone(client):
    def said(quote):
        return quote["speaker"] == "Nasser Kanaani"

    assert any(said(q) for q in quotes(client, actor="IRN"))
    assert any(said(q) for q in quotes(client, country="IRN"))
    assert not any(said(q) for q in quotes(client, actor="IRN", type="ASSAULT"))


def test_speakers_follow_the_event_filters_as_the_quotes_do(client):
    for filters in EVENT_FILTERS:
        found = quotes(client, **filters)
        response = client.get("/api/quotes/speakers", params={**filters, "limit": 500})
        speakers = response.json()["items"]
        assert sum(s["quotes"] for s in speakers) == len(found), filters


def test_dates_and_words_keep_their_meaning_for_quotes(client):
    in_june = quotes(client, since="2025-06-01", until="2025-06-30", type="AID")
    assert in_june and {q["published"] for q in in_june} == {"2025-06-12"}
    worded = quotes(client, text="famine", country="SDN")
    assert worded and all("famine" in q["text"].lower() for q in worded)


def test_postgresql_keeps_the_same_quotes(postgres_url, client):
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", postgres_url, "--quiet"])
    assert result.exit_code == 0, result.output
    postgres = TestClient(create_app(postgres_url))
    for filters in [*EVENT_FILTERS, {"actor": "IRN"}, {"actor": "kanaani"}]:
        for path in ("/api/quotes", "/api/quotes/speakers"):
            expected = client.get(path, params={**filters, "limit": 500}).json()
            assert postgres.get(path, params={**filters, "limit": 500}).json() == expected
