"""The HTTP API over a store: events (filtered, paginated), articles with their annotations,
daily aggregates, and article submission behind a bearer token.

Every error has one JSON shape: `{"error": {"status", "code", "message"}}`. Requests bodies are
bounded (`MAX_BODY_BYTES`); article text is data, never markup: the API returns JSON only.
"""

from __future__ import annotations

import json
import secrets
import threading
from datetime import date
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from tidings.errors import TidingsError
from tidings.store import content_hash, open_store

MAX_BODY_BYTES = 1_000_000
MAX_PAGE = 500


class ArticleIn(BaseModel):
    """An article submitted for extraction."""

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=500_000)
    published: date | None = None
    title: str = Field(default="", max_length=1_000)
    outlet: str = Field(default="", max_length=200)
    url: str = Field(default="", max_length=2_000)


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The one error shape of the API."""
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message}}, status_code=status
    )


def create_app(database: str, token: str | None = None) -> FastAPI:
    """An app serving the store at `database`; writes need `Authorization: Bearer <token>`
    and are refused when no token is set."""
    app = FastAPI(title="tidings", summary="Sourced political event data from news articles.")
    store = open_store(database)
    lock = threading.Lock()  # one connection, used by one request at a time

    @app.middleware("http")
    async def bounded_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return error_response(
                413, "too_large", f"Bodies are limited to {MAX_BODY_BYTES} bytes."
            )
        return await call_next(request)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return error_response(error.status_code, _code(error.status_code), str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        return error_response(422, "invalid_request", details)

    @app.get("/api/events")
    def events(
        actor: str | None = Query(None, max_length=100),
        type: str | None = Query(None, max_length=20),
        modality: str | None = Query(None, max_length=20),
        since: date | None = None,
        until: date | None = None,
        limit: int = Query(50, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        """Events matching the filters, a page at a time (`next_offset` is null on the last)."""
        with lock:
            rows = store.events(
                actor=actor, type=type.upper() if type else None, modality=modality,
                since=since, until=until, limit=limit + 1, offset=offset,
            )  # fmt: skip
        more = len(rows) > limit
        return {
            "items": _plain(rows[:limit]),
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if more else None,
        }

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """An article's full record: actors, events, quotes, citations, times, quantities."""
        with lock:
            record = store.report(article_id)
        if record is None:
            raise HTTPException(404, f"No article {article_id!r}.")
        return _plain(record)

    @app.get("/api/aggregates/daily")
    def daily() -> dict[str, Any]:
        """Events per day, type and QuadClass, with the mean Goldstein score."""
        with lock:
            return {"items": _plain(store.daily_counts())}

    @app.post("/api/articles", status_code=201)
    def submit(article: ArticleIn, request: Request) -> dict[str, Any]:
        """Extract and store an article (needs the bearer token)."""
        supplied = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not token or not secrets.compare_digest(supplied, token):
            raise HTTPException(401, "A valid bearer token is needed to submit articles.")
        from tidings.articles import article_from_fields
        from tidings.pipeline import extract
        from tidings.settings import Settings

        fields = article.model_dump()
        fields["published"] = article.published.isoformat() if article.published else None
        try:
            parsed = article_from_fields(fields, article.text, f"api:{article.id}", Settings())
        except TidingsError as error:
            raise HTTPException(422, str(error)) from error
        report = extract(parsed)
        with lock:
            stored = store.ingest(report, content_hash=content_hash(parsed))
        return {"id": parsed.id, "stored": stored, "events": len(report.events)}

    return app


def _code(status: int) -> str:
    return {401: "unauthorized", 404: "not_found", 413: "too_large", 422: "invalid_request"}.get(
        status, "error"
    )


def _plain(value: Any) -> Any:
    """Rows as JSON-ready values (dates and timestamps as ISO strings)."""
    return json.loads(json.dumps(value, default=str))
