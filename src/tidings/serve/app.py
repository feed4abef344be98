"""The HTTP API and the dashboard over a store.

Read endpoints share one set of event filters (`EventFilter`); lists come in pages. Every error
has one JSON shape: `{"error": {"status", "code", "message"}}`. Request bodies are bounded
(`MAX_BODY_BYTES`); writes need a bearer token. Article text is data, never markup: the API
answers JSON only, and the dashboard puts text into the page as text nodes under a
Content-Security-Policy that runs no inline or foreign script.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials as Credentials
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.errors import TidingsError
from tidings.lexicons import data_table
from tidings.model import Modality
from tidings.store import content_hash, open_store, queries
from tidings.store.queries import EventFilter, QuoteFilter

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
MAX_BODY_BYTES = 1_000_000
MAX_PAGE = 500
MAX_OFFSET = 100_000  # deep pages cost a scan each; narrow the filters instead
MAX_FILTER = 200
INTERNAL_ERROR = "The server failed to answer; the error is in its log."
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The API docs pages (fastapi-offline's local Swagger UI and ReDoc) start with an inline script.
DOCS_PAGES = ("/docs", "/redoc")
DOCS_HEADERS = SECURITY_HEADERS | {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
        "'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
    )
}
STATIC = resources.files("tidings.serve").joinpath("static")
BEARER = HTTPBearer(
    auto_error=False,
    description="The server's token (`TIDINGS_TOKEN` or `--token-file`); needed by writes.",
)


class ArticleIn(BaseModel):
    """An article submitted for extraction."""

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=500_000)
    published: date | None = None
    title: str = Field(default="", max_length=1_000)
    outlet: str = Field(default="", max_length=200)
    url: str = Field(default="", max_length=2_000)


ARTICLE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
    }
}


def event_filter(
    actor: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="Code, country or name prefix")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=3, description="ISO-3 country of an actor or the place")
    ] = None,
    type: Annotated[str | None, Query(max_length=20, description="PLOVER event type")] = None,
    modality: Annotated[str | None, Query(max_length=20)] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: date | None = None,
    until: date | None = None,
    place: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="Words of the place name")
    ] = None,
    text: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="Words in the evidence")
    ] = None,
    article: Annotated[str | None, Query(max_length=MAX_FILTER)] = None,
) -> EventFilter:
    """The event filters, read from the query string."""
    return EventFilter(
        actor=actor, country=country, type=type, modality=modality, quad_class=quad_class,
        since=since, until=until, place=place, text=text, article=article,
    )  # fmt: skip


def quote_filter(
    speaker: Annotated[str | None, Query(max_length=MAX_FILTER)] = None,
    text: Annotated[
        str | None, Query(max_length=MAX_FILTER, description="Words in the quote")
    ] = None,
    article: Annotated[str | None, Query(max_length=MAX_FILTER)] = None,
    since: Annotated[date | None, Query(description="Published on or after")] = None,
    until: Annotated[date | None, Query(description="Published on or before")] = None,
    actor: Annotated[
        str | None,
        Query(max_length=MAX_FILTER, description="Of this actor's events, or said by it"),
    ] = None,
    country: Annotated[
        str | None, Query(max_length=3, description="Of events of this country, or said by it")
    ] = None,
    type: Annotated[str | None, Query(max_length=20, description="Of events of this type")] = None,
    modality: Annotated[str | None, Query(max_length=20)] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    place: Annotated[str | None, Query(max_length=MAX_FILTER)] = None,
) -> QuoteFilter:
    """The quote filters, read from the query string. Dates and words apply to the quote and
    its article; the event filters keep quotes that belong to a matching event: in its
    evidence sentence or said by one of its sides (`queries.quotes_of_events`)."""
    events = EventFilter(
        actor=actor, country=country, type=type, modality=modality, quad_class=quad_class,
        place=place,
    )  # fmt: skip
    return QuoteFilter(
        speaker=speaker, text=text, article=article, since=since, until=until, events=events
    )


Events = Annotated[EventFilter, Depends(event_filter)]
Quotes = Annotated[QuoteFilter, Depends(quote_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


class BoundedBody:
    """ASGI middleware that refuses request bodies over `limit` bytes, whether declared in
    Content-Length or streamed without one (counted as the chunks arrive)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"Bodies are limited to {self.limit} bytes."
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await error_response(413, "too_large", too_large)(scope, receive, send)
            return
        received = 0

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                # Raised inside the body read, it reaches the app's handler as any HTTP error.
                raise HTTPException(413, too_large)
            return message

        await self.app(scope, counted, send)


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The one error shape of the API (with the error's own headers, such as a 401's
    WWW-Authenticate)."""
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message}},
        status_code=status,
        headers={**SECURITY_HEADERS, **(headers or {})},
    )


def token_matches(supplied: str, token: str | None) -> bool:
    """Whether a bearer credential is the server's token; always False when the server has
    none. Compared in constant time on bytes: Starlette decodes headers as Latin-1, so
    re-encoding gives back what the client sent, and a token with non-ASCII characters
    (which `compare_digest` refuses as text) matches its UTF-8 form."""
    if not token:
        return False
    return secrets.compare_digest(supplied.encode("latin-1"), token.encode("utf-8"))


def page(items: list[Any], limit: int, offset: int) -> Response:
    """A page of a list fetched with one row more than `limit`: `next_offset` is null on the
    last page."""
    return as_json(
        {
            "items": items[:limit],
            "limit": limit,
            "offset": offset,
            "next_offset": offset + limit if len(items) > limit else None,
        }
    )


def as_json(value: Any) -> Response:
    """A JSON response written in one pass (dates as ISO strings): validating and re-encoding
    pages of rows took a third of a request's time."""
    body = json.dumps(value, default=str, ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), media_type="application/json")


def vocabulary_of_filters() -> dict[str, Any]:
    """The values the filters take, read once from the shipped ontology."""
    return {
        "types": [
            {"type": row["type"], "quad_class": int(row["quad_class"]),
             "description": row["description"]}
            for row in data_table("data/events/plover.tsv")
        ],
        "modalities": [str(m) for m in Modality],
        "quad_classes": [{"quad_class": q, "name": n} for q, n in QUAD_CLASSES.items()],
    }  # fmt: skip


def create_app(database: str, token: str | None = None, query_threads: int = 1) -> FastAPI:
    """An app serving the store at `database`; writes need `Authorization: Bearer <token>`
    and are refused when no token is set (a DuckDB file is then opened read-only, so other
    processes can read it too). Concurrent requests run in parallel, each query on
    `query_threads` threads."""
    store = open_store(database, read_only=token is None)
    store.limit_query_threads(query_threads)
    write_lock = threading.Lock()  # the main connection writes, one request at a time
    local = threading.local()
    readers: list[Any] = []

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        with write_lock:
            for connection in readers:
                connection.close()
            store.close()

    app = FastAPIOffline(
        title="tidings",
        summary="Sourced political event data from news articles.",
        lifespan=lifespan,
    )
    app.state.store = store

    def reader() -> Any:
        if not hasattr(local, "connection"):
            local.connection = store.reader()
            with write_lock:
                readers.append(local.connection)
        return local.connection

    app.add_middleware(BoundedBody, limit=MAX_BODY_BYTES)

    @app.middleware("http")
    async def guarded(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        headers = DOCS_HEADERS if request.url.path in DOCS_PAGES else SECURITY_HEADERS
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    # Starlette's own errors (unknown routes, bodies over the limit) get the same shape.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return error_response(
            error.status_code, _code(error.status_code), str(error.detail), error.headers
        )

    # Registered for Exception, Starlette answers with it and still re-raises: the traceback
    # goes to the server's log, never to the client.
    @app.exception_handler(Exception)
    async def failed(_request: Request, _error: Exception) -> JSONResponse:
        return error_response(500, "internal_error", INTERNAL_ERROR)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        return error_response(422, "invalid_request", details)

    filter_values = vocabulary_of_filters()

    @app.get("/api/vocabulary", tags=["events"])
    def vocabulary() -> dict[str, Any]:
        """The values the filters take: PLOVER types with their QuadClass, modalities,
        QuadClasses."""
        return filter_values

    @app.get("/api/events", tags=["events"])
    def events(
        where: Events, limit: Limit = 50, offset: Offset = 0, order: str = "newest"
    ) -> Response:
        """Events matching the filters, newest first (`order=oldest` for the other way), a page
        at a time; each with both sides, modality, date, place and evidence sentence, and who
        says it happened: `attribution` (the position of the statement it is stated in, in its
        article's `attributions`) and `according_to` (that statement's `source`, `cue` and
        `kind`; null for an event the article states in its own words)."""
        if order not in ("newest", "oldest"):
            raise HTTPException(422, "order: newest or oldest")
        found = queries.event_page(
            reader(), where, limit=limit + 1, offset=offset, newest_first=order == "newest"
        )
        return page(found, limit, offset)

    @app.get("/api/events/count", tags=["events"])
    def count(where: Events) -> dict[str, int]:
        """How many events match the filters."""
        return {"events": queries.count_events(reader(), where)}

    @app.get("/api/actors", tags=["actors"])
    def actors(where: Events, limit: Limit = 50) -> Response:
        """Actors of the matching events, most active first, with their names."""
        return as_json({"items": queries.actor_counts(reader(), where, limit)})

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(where: Quotes, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Quotes with speaker, cue and outlet, newest article first, a page at a time; each
        with `events`, the events it states (`id` and `type`: attributed events whose trigger
        lies inside the quote)."""
        found = queries.quote_page(reader(), where, limit=limit + 1, offset=offset)
        return page(found, limit, offset)

    @app.get("/api/quotes/speakers", tags=["quotes"])
    def speakers(where: Quotes, limit: Limit = 50) -> Response:
        """Who is quoted, most quoted first."""
        return as_json({"items": queries.quote_speakers(reader(), where, limit)})

    @app.get("/api/articles", tags=["articles"])
    def articles(limit: Limit = 50, offset: Offset = 0) -> Response:
        """Stored articles, newest first, with their event counts."""
        found = queries.article_page(reader(), limit=limit + 1, offset=offset)
        return page(found, limit, offset)

    # A path parameter, since ids keyed by URL hold slashes (sent raw or as %2F).
    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def article(article_id: str) -> Response:
        """An article's text and full record: actors, events, quotes, attributions, citations,
        times, quantities, with character offsets into the text. An event's `attribution` is
        the index in `attributions` of the statement it is stated in (source, cue, kind,
        content spans), or null. Ids may hold slashes."""
        with write_lock:
            record = store.report(article_id)
            text = store.connection.execute(
                "SELECT text FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        if record is None or text is None:
            raise HTTPException(404, f"No article {article_id!r}.")
        record["article"]["text"] = text[0]
        return as_json(record)

    @app.get("/api/aggregates/daily", tags=["aggregates"])
    def daily(where: Events) -> Response:
        """Events per day and QuadClass with the mean Goldstein score (the timeline)."""
        return as_json({"items": queries.daily_counts(reader(), where)})

    @app.get("/api/aggregates/types", tags=["aggregates"])
    def types(where: Events) -> Response:
        """Events per PLOVER type and QuadClass."""
        return as_json({"items": queries.type_counts(reader(), where)})

    @app.get("/api/aggregates/places", tags=["aggregates"])
    def places(where: Events, limit: Limit = 200) -> Response:
        """Events per country of place, and the busiest places with coordinates (the map)."""
        return as_json(queries.place_counts(reader(), where, limit))

    @app.get("/api/aggregates/dyads", tags=["aggregates"])
    def dyad_counts(where: Events, limit: Limit = 60) -> Response:
        """Who acts on whom, weighted by events, with the mean Goldstein score (the network)."""
        return as_json({"items": queries.dyads(reader(), where, limit)})

    def writer(credentials: Annotated[Credentials | None, Security(BEARER)]) -> None:
        """Let a write through only with the server's bearer token."""
        if credentials is None or not token_matches(credentials.credentials, token):
            raise HTTPException(
                401,
                "A valid bearer token is needed to submit articles.",
                headers={"WWW-Authenticate": "Bearer"},
            )

    # The body is read by hand, after `writer`: FastAPI reads and validates a declared body
    # before any dependency runs, which told a caller without the token what it got wrong.
    @app.post(
        "/api/articles",
        status_code=201,
        tags=["articles"],
        dependencies=[Depends(writer)],
        openapi_extra=ARTICLE_BODY,
    )
    async def submit(request: Request) -> dict[str, Any]:
        """Extract and store an article (needs `Authorization: Bearer <token>`)."""
        try:
            article = ArticleIn.model_validate_json(await request.body())
        except ValidationError as error:
            located = [{**e, "loc": ("body", *e["loc"])} for e in error.errors()]
            raise RequestValidationError(located) from error
        return await run_in_threadpool(store_article, article)

    def store_article(article: ArticleIn) -> dict[str, Any]:
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
        with write_lock:
            stored = store.ingest(report, content_hash=content_hash(parsed))
        return {"id": parsed.id, "stored": stored, "events": len(report.events)}

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _code(status: int) -> str:
    return {401: "unauthorized", 404: "not_found", 413: "too_large", 422: "invalid_request"}.get(
        status, "error"
    )
