"""The read side of the store: one filter over events, and the queries the API and the
dashboard ask (pages of events, actors, quotes, and aggregates by day, type, place and dyad).

Filters match denormalised columns that ingest writes on each event: `actor_keys` holds its
actors' codes, countries, knowledge-base ids, names and name words as `|key|key|` (lower
case), `countries` its actors' and place's countries as `|USA|UKR|`. A filter is then one
string search per row, not a join over the actor tables: that keeps a filtered page under
the API's latency bar on a store of a million events. Every value is bound as a parameter;
the SQL reads the same on DuckDB and PostgreSQL.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

MIN_NAME_WORD = 3  # shorter name words ("al", "de") would match nearly everything
# A list of ids bound as one parameter, in SQL both DuckDB and PostgreSQL read.
ID_LIST = "(SELECT unnest(CAST(? AS VARCHAR[])))"
# An article's events in text order. An act and the promise of it share their trigger: their
# ids break the tie alike in every backend.
TEXT_ORDER = "e.trigger_start, length(e.local_id), e.local_id"


@dataclass(frozen=True)
class SideActor:
    """What an event row keeps of one of its actors."""

    code: str | None
    name: str | None
    country: str | None
    kb_id: str | None


def actor_keys(actors: list[SideActor]) -> str:
    """The `|key|` string the actor filter searches: codes, countries, ids, names, name words."""
    keys: list[str] = []
    for actor in actors:
        name = (actor.name or "").lower()
        words = [w for w in name.replace("-", " ").split() if len(w) >= MIN_NAME_WORD]
        for key in (actor.code, actor.country, actor.kb_id, name, *words):
            if key and key.lower() not in keys:
                keys.append(key.lower())
    return "|" + "|".join(keys) + "|" if keys else ""


def country_keys(actors: list[SideActor], place_country: str | None) -> str:
    """The `|ISO|` string the country filter searches: actors' countries and the place's."""
    codes = sorted({a.country for a in actors if a.country} | ({place_country} - {None}))
    return "|" + "|".join(codes) + "|" if codes else ""


def side_labels(actors: list[SideActor]) -> str:
    """One side of an event as stored for display: a JSON list of codes and names."""
    return json.dumps([{"code": a.code, "name": a.name} for a in actors], ensure_ascii=False)


# Separators of the network's read-model columns: control characters no name contains
# (articles.py reads them as spaces), written `chr(n)` in SQL for DuckDB and PostgreSQL alike.
PAIR_MARK = "\x1f"
ITEM_MARK = "\x1e"
PAIR_SQL = f"chr({ord(PAIR_MARK)})"
ITEM_SQL = f"chr({ord(ITEM_MARK)})"


def actor_label(actor: SideActor) -> str | None:
    """How the network and the actor list name an actor (see `ACTOR_LABEL`)."""
    return (actor.name or actor.code) if actor.country is None else (actor.code or actor.name)


def dyad_pairs(sources: list[SideActor], targets: list[SideActor]) -> str | None:
    """The event's distinct source-target label pairs (`S<PAIR_MARK>T`, joined by ITEM_MARK),
    an actor acting on itself left out; None when there is no pair."""
    pairs = sorted(
        {
            f"{s}{PAIR_MARK}{t}"
            for s in map(actor_label, sources)
            for t in map(actor_label, targets)
            if s and t and s != t
        }
    )
    return ITEM_MARK.join(pairs) or None


def actor_roles(sources: list[SideActor], targets: list[SideActor]) -> str | None:
    """Each distinct actor label of the event with its roles (`label<PAIR_MARK>s`, `t` or
    `st`), joined by ITEM_MARK; None when the event has no actor."""
    roles: dict[str, str] = {}
    for side, mark in ((sources, "s"), (targets, "t")):
        for label in filter(None, map(actor_label, side)):
            if mark not in roles.get(label, ""):
                roles[label] = roles.get(label, "") + mark
    return ITEM_MARK.join(f"{label}{PAIR_MARK}{r}" for label, r in sorted(roles.items())) or None


def escape_like(value: str) -> str:
    """A value matched literally inside a LIKE pattern: its wildcards escaped."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class EventFilter:
    """The filters every read endpoint and dashboard view shares; None means any."""

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    modality: str | None = None
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    text: str | None = None
    article: str | None = None

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """The SQL condition on events (aliased `alias`) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause.replace("e.", f"{alias}."))
            params.extend(values)

        if self.actor:
            add("strpos(e.actor_keys, ?) > 0", "|" + self.actor.strip().lower())
        if self.country:
            add("strpos(e.countries, ?) > 0", f"|{self.country.strip().upper()}|")
        if self.type:
            add("e.type = ?", self.type.upper())
        if self.modality:
            add("e.modality = ?", self.modality.lower())
        if self.quad_class is not None:
            add("e.quad_class = ?", self.quad_class)
        if self.since:
            add("e.date_start >= ?", self.since)
        if self.until:
            add("e.date_start <= ?", self.until)
        if self.place:
            add("e.location_name ILIKE ? ESCAPE '\\'", f"%{escape_like(self.place.strip())}%")
        if self.text:
            add("strpos(lower(e.evidence), ?) > 0", self.text.strip().lower())
        if self.article:
            add("e.article_id = ?", self.article)
        return (" AND ".join(clauses) or "TRUE"), params

    def as_params(self) -> dict[str, Any]:
        """The filters that are set, by name (for links and logs)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


EVENT_COLUMNS = (
    "e.id, e.article_id, e.date_value AS date, e.date_start, e.date_granularity, e.type, "
    "e.mode, e.modality, e.cameo, e.goldstein, e.quad_class, e.location_name AS location, "
    "e.location_country, e.lat, e.lon, e.trigger, e.evidence, e.evidence_start, "
    "e.evidence_end, e.reported_by, e.confidence, e.sources, e.targets, e.attribution, "
    "e.according_to"
)


def rows(connection: Any, query: str, params: list[Any]) -> list[dict[str, Any]]:
    """A query's rows as dicts keyed by column name."""
    cursor = connection.execute(query, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def event_page(
    connection: Any, where: EventFilter, *, limit: int, offset: int = 0, newest_first: bool = True
) -> list[dict[str, Any]]:
    """A page of events matching the filter, newest (or oldest) first, with both sides."""
    condition, params = where.where()
    order = "DESC" if newest_first else "ASC"
    found = rows(
        connection,
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE {condition} "
        f"ORDER BY e.date_start {order} NULLS LAST, e.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for row in found:
        for side in ("sources", "targets"):
            row[side] = json.loads(row[side] or "[]")
        # who says it happened: {source, cue, kind} of its attribution, kept on the row
        row["according_to"] = json.loads(row["according_to"] or "null")
    return found


def count_events(connection: Any, where: EventFilter) -> int:
    """How many events match the filter."""
    condition, params = where.where()
    found = connection.execute(f"SELECT count(*) FROM events e WHERE {condition}", params)
    return found.fetchone()[0]


def daily_counts(connection: Any, where: EventFilter) -> list[dict[str, Any]]:
    """Events per day and QuadClass with the mean Goldstein score: the timeline."""
    condition, params = where.where()
    return rows(
        connection,
        "SELECT e.date_start AS day, e.quad_class, count(*) AS events, "
        "avg(e.goldstein) AS goldstein FROM events e "
        f"WHERE e.date_start IS NOT NULL AND {condition} "
        "GROUP BY e.date_start, e.quad_class ORDER BY day, e.quad_class",
        params,
    )


def type_counts(connection: Any, where: EventFilter) -> list[dict[str, Any]]:
    """Events per PLOVER type and QuadClass, most frequent first."""
    condition, params = where.where()
    return rows(
        connection,
        "SELECT e.type, e.quad_class, count(*) AS events, avg(e.goldstein) AS goldstein "
        f"FROM events e WHERE {condition} GROUP BY e.type, e.quad_class "
        "ORDER BY events DESC, e.type",
        params,
    )


def place_counts(connection: Any, where: EventFilter, points: int) -> dict[str, Any]:
    """Events per country of place, and the most frequent places with coordinates."""
    condition, params = where.where()
    countries = rows(
        connection,
        "SELECT e.location_country AS country, count(*) AS events, avg(e.goldstein) AS goldstein "
        f"FROM events e WHERE e.location_country IS NOT NULL AND {condition} "
        "GROUP BY e.location_country ORDER BY events DESC, country",
        params,
    )
    # Counted by exact coordinates in SQL, rounded here: the two databases round a float's
    # half (50.455) differently, and a place has few distinct coordinates.
    exact = rows(
        connection,
        "SELECT e.location_name AS name, e.location_country AS country, e.lat, e.lon, "
        f"count(*) AS events FROM events e WHERE e.lat IS NOT NULL AND {condition} "
        "GROUP BY 1, 2, 3, 4",
        params,
    )
    totals: Counter[tuple[Any, Any, float, float]] = Counter()
    for row in exact:
        key = (row["name"], row["country"], round(row["lat"], 2), round(row["lon"], 2))
        totals[key] += int(row["events"])
    ranked = sorted(totals.items(), key=lambda item: (-item[1], str(item[0][0]), item[0][2:]))
    places = [
        {"name": name, "country": country, "lat": lat, "lon": lon, "events": events}
        for (name, country, lat, lon), events in ranked[:points]
    ]
    return {"countries": countries, "places": places}


# How the network and the actor list name an actor: by code when it has a country (USAGOV),
# by name otherwise, since "IGO" or "BUS" alone would fold the UN, the IAEA and the WFP into one.
ACTOR_LABEL = (
    "CASE WHEN a.country IS NULL THEN coalesce(a.name, a.code) ELSE coalesce(a.code, a.name) END"
)


def dyads(connection: Any, where: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Who acts on whom: source and target actors (`ACTOR_LABEL`) with the
    number of events between them and their mean Goldstein score, heaviest first.
    Read from each event's `dyads` column: no join with its actors."""
    condition, params = where.where()
    return rows(
        connection,
        f"SELECT split_part(d.pair, {PAIR_SQL}, 1) AS source, "
        f"split_part(d.pair, {PAIR_SQL}, 2) AS target, "
        "count(*) AS events, avg(e.goldstein) AS goldstein "
        f"FROM events e, unnest(string_to_array(e.dyads, {ITEM_SQL})) AS d(pair) "
        f"WHERE {condition} GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?",
        [*params, limit],
    )


NAMES_SHOWN = 5  # an actor's most frequent names; a big store knows hundreds for a government


def actor_counts(connection: Any, where: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Actors of matching events (`ACTOR_LABEL`): how often each acts and is acted on
    (from each event's `actor_roles` column), with its country, sector and the names it
    most often goes by in the store."""
    condition, params = where.where()
    role = f"split_part(r.item, {PAIR_SQL}, 2)"
    counted = rows(
        connection,
        f"SELECT split_part(r.item, {PAIR_SQL}, 1) AS actor, "
        f"sum(CASE WHEN strpos({role}, 's') > 0 THEN 1 ELSE 0 END) AS as_source, "
        f"sum(CASE WHEN strpos({role}, 't') > 0 THEN 1 ELSE 0 END) AS as_target, "
        "count(*) AS events "
        f"FROM events e, unnest(string_to_array(e.actor_roles, {ITEM_SQL})) AS r(item) "
        f"WHERE {condition} GROUP BY 1 ORDER BY events DESC, actor LIMIT ?",
        [*params, limit],
    )
    if not counted:
        return []
    named = rows(
        connection,
        "SELECT label, name, min(min(country)) OVER (PARTITION BY label) AS country, "
        "min(min(sector)) OVER (PARTITION BY label) AS sector, "
        "row_number() OVER (PARTITION BY label ORDER BY count(*) DESC, name) AS rank "
        f"FROM (SELECT {ACTOR_LABEL} AS label, a.country, a.sector, a.name FROM actors a) n "
        "WHERE label = ANY(CAST(? AS VARCHAR[])) GROUP BY label, name",
        [[row["actor"] for row in counted]],
    )
    about = {row["label"]: row for row in named}  # country and sector: the same on every row
    names: dict[str, list[str]] = {}
    for row in sorted(named, key=lambda r: r["rank"]):
        if row["rank"] <= NAMES_SHOWN and row["name"]:
            names.setdefault(row["label"], []).append(row["name"])
    for row in counted:
        known = about.get(row["actor"], {})
        row.update(country=known.get("country"), sector=known.get("sector"))
        row["names"] = "; ".join(names.get(row["actor"], [])) or None
    return counted


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes to list: by speaker (name or code), words, article or publication dates,
    and by the events they belong to (see `quotes_of_events`)."""

    speaker: str | None = None
    text: str | None = None
    article: str | None = None
    since: date | None = None
    until: date | None = None
    events: EventFilter | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on quotes `q`, speakers `a` and articles `ar`, with parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker:
            clauses.append("(a.code = ? OR strpos(lower(a.name), ?) > 0)")
            params += [self.speaker.strip().upper(), self.speaker.strip().lower()]
        if self.text:
            clauses.append("strpos(lower(q.text), ?) > 0")
            params.append(self.text.strip().lower())
        for clause, value in (
            ("q.article_id = ?", self.article),
            ("ar.published >= ?", self.since),
            ("ar.published <= ?", self.until),
        ):
            if value:
                clauses.append(clause)
                params.append(value)
        if self.events is not None and self.events != EventFilter():
            clause, values = quotes_of_events(self.events)
            clauses.append(clause)
            params += values
        return (" AND ".join(clauses) or "TRUE"), params


# Filters that describe an event, not a person: a speaker alone cannot answer them.
EVENT_ONLY_FILTERS = (
    "type",
    "modality",
    "quad_class",
    "place",
    "since",
    "until",
    "text",
    "article",
)


def quotes_of_events(events: EventFilter) -> tuple[str, list[Any]]:
    """The condition that quote `q` (speaker `a`) belongs to the events `events` selects: it
    lies in the evidence sentence of a matching event of its article, or its speaker is a
    source or target of one. With only the actor and country filters set, a speaker who is
    that actor counts too, events or not (a spokesman quoted on the side)."""
    condition, params = events.where("qe")
    tied = (
        "EXISTS (SELECT 1 FROM events qe WHERE qe.article_id = q.article_id "
        f"AND {condition} AND ((q.start_char < qe.evidence_end "
        "AND q.end_char > qe.evidence_start) OR EXISTS (SELECT 1 FROM event_actors qa "
        "WHERE qa.event_id = qe.id AND qa.actor_id = q.speaker)))"
    )
    if any(getattr(events, name) not in (None, "") for name in EVENT_ONLY_FILTERS):
        return tied, params
    speaker, speaker_params = speaker_is(events)
    return f"({tied} OR {speaker})", [*params, *speaker_params]


def speaker_is(events: EventFilter) -> tuple[str, list[Any]]:
    """The condition that speaker `a` answers the actor and country filters, matched as
    `actor_keys` and `country_keys` match an event's actors (codes, countries, knowledge-base
    ids, names and name words, by prefix)."""
    clauses = ["a.id IS NOT NULL"]
    params: list[Any] = []
    if events.actor:
        keys = " || '|' || ".join(
            f"lower(coalesce({column}, ''))"
            for column in ("a.code", "a.country", "a.kb_id", "a.name")
        )
        words = "replace(replace(lower(coalesce(a.name, '')), '-', ' '), ' ', '|')"
        clauses.append(f"strpos('|' || {keys} || '|' || {words} || '|', ?) > 0")
        params.append("|" + events.actor.strip().lower())
    if events.country:
        clauses.append("a.country = ?")
        params.append(events.country.strip().upper())
    return "(" + " AND ".join(clauses) + ")", params


QUOTE_SOURCE = (
    "FROM quotes q JOIN articles ar ON ar.id = q.article_id LEFT JOIN actors a ON a.id = q.speaker "
)


def quote_page(
    connection: Any, where: QuoteFilter, *, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """Quotes with their speaker, cue, outlet and article, newest article first."""
    condition, params = where.where()
    found = rows(
        connection,
        "SELECT q.article_id, q.position, q.text, q.kind, q.cue, q.start_char, q.end_char, "
        "coalesce(q.outlet, ar.outlet) AS outlet, ar.published, ar.title, "
        "a.name AS speaker, a.code AS speaker_code "
        f"{QUOTE_SOURCE} WHERE {condition} "
        "ORDER BY ar.published DESC NULLS LAST, q.article_id, q.position LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return with_stated_events(connection, found)


def with_stated_events(connection: Any, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quote rows, each with `events`: the events stated in it (an attributed event whose
    trigger lies inside the quote), as their local ids and types in text order."""
    attributed = rows(
        connection,
        "SELECT e.article_id, e.local_id AS id, e.type, e.trigger_start FROM events e "
        f"WHERE e.article_id IN {ID_LIST} AND e.attribution IS NOT NULL "
        f"ORDER BY {TEXT_ORDER}",
        [sorted({q["article_id"] for q in quotes})],
    ) if quotes else []  # fmt: skip
    for quote in quotes:
        quote["events"] = [
            {"id": e["id"], "type": e["type"]}
            for e in attributed
            if e["article_id"] == quote["article_id"]
            and quote["start_char"] <= e["trigger_start"] < quote["end_char"]
        ]
    return quotes


def quote_speakers(connection: Any, where: QuoteFilter, limit: int) -> list[dict[str, Any]]:
    """Speakers of matching quotes, most quoted first."""
    condition, params = where.where()
    return rows(
        connection,
        "SELECT coalesce(a.name, '(unattributed)') AS speaker, min(a.code) AS code, "
        f"count(*) AS quotes, count(DISTINCT q.article_id) AS articles {QUOTE_SOURCE} "
        f"WHERE {condition} GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ?",
        [*params, limit],
    )


def article_page(connection: Any, *, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles' metadata with their event counts, newest first."""
    return rows(
        connection,
        "SELECT ar.id, ar.title, ar.outlet, ar.published, ar.url, "
        "(SELECT count(*) FROM events e WHERE e.article_id = ar.id) AS events "
        "FROM articles ar ORDER BY ar.published DESC NULLS LAST, ar.id LIMIT ? OFFSET ?",
        [limit, offset],
    )


def unknown_actors(connection: Any, limit: int) -> list[dict[str, Any]]:
    """Names of people and organisations the knowledge base did not know, most frequent
    first: in how many articles and events each appears, and the country and sector the
    text gave it (names only: generic groups such as "police" are not listed)."""
    return rows(
        connection,
        "SELECT min(a.name) AS name, count(DISTINCT a.article_id) AS articles, "
        "count(DISTINCT ea.event_id) AS events, min(a.country) AS country, "
        "min(a.sector) AS sector, min(a.kind) AS kind "
        "FROM actors a LEFT JOIN event_actors ea ON ea.actor_id = a.id "
        "WHERE a.kb_id IS NULL AND a.kind IN ('person', 'organisation') "
        "AND EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id AND m.kind = 'name') "
        "GROUP BY lower(a.name) ORDER BY articles DESC, events DESC, name LIMIT ?",
        [limit],
    )
