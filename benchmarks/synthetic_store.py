"""A generated store for the serving benchmarks: N events with the shape extraction writes.

Articles hold ten events each; every event has one source and one target drawn from a pool of
actors (countries' governments, militaries, rebels, named leaders, organisations), a PLOVER type
with its QuadClass and Goldstein score, a modality, a day over three years, a place with
coordinates for most, and an evidence sentence stated in an attribution ("officials said").
Each article has two quotes. Values come from
DuckDB's hash of the row number, so the same N always gives the same store.

    python benchmarks/synthetic_store.py /tmp/events-1m.duckdb 1000000

With a PostgreSQL URL as a third argument the generated store is also copied there (into a
database whose tables it replaces), for the serving benchmarks on the shared store:

    python benchmarks/synthetic_store.py /tmp/events-1m.duckdb 1000000 \
        postgresql://tidings:tidings@localhost:5432/tidings_bench
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import duckdb

from tidings.store import open_store
from tidings.store.queries import SideActor, actor_keys

COUNTRIES = [
    ("USA", "United States", 38.9, -77.0, "Washington"), ("RUS", "Russia", 55.8, 37.6, "Moscow"),
    ("UKR", "Ukraine", 50.5, 30.5, "Kyiv"), ("CHN", "China", 39.9, 116.4, "Beijing"),
    ("IRN", "Iran", 35.7, 51.4, "Tehran"), ("ISR", "Israel", 31.8, 35.2, "Jerusalem"),
    ("SDN", "Sudan", 15.6, 32.5, "Khartoum"), ("COD", "DR Congo", -4.3, 15.3, "Kinshasa"),
    ("RWA", "Rwanda", -1.9, 30.1, "Kigali"), ("FRA", "France", 48.9, 2.4, "Paris"),
    ("DEU", "Germany", 52.5, 13.4, "Berlin"), ("GBR", "United Kingdom", 51.5, -0.1, "London"),
    ("TUR", "Turkey", 39.9, 32.9, "Ankara"), ("IND", "India", 28.6, 77.2, "New Delhi"),
    ("PAK", "Pakistan", 33.7, 73.1, "Islamabad"), ("YEM", "Yemen", 15.4, 44.2, "Sanaa"),
    ("SAU", "Saudi Arabia", 24.7, 46.7, "Riyadh"), ("EGY", "Egypt", 30.0, 31.2, "Cairo"),
    ("SYR", "Syria", 33.5, 36.3, "Damascus"), ("LBN", "Lebanon", 33.9, 35.5, "Beirut"),
    ("GEO", "Georgia", 41.7, 44.8, "Tbilisi"), ("VEN", "Venezuela", 10.5, -66.9, "Caracas"),
    ("MLI", "Mali", 12.6, -8.0, "Bamako"), ("NGA", "Nigeria", 9.1, 7.5, "Abuja"),
    ("ETH", "Ethiopia", 9.0, 38.7, "Addis Ababa"), ("KOR", "South Korea", 37.6, 127.0, "Seoul"),
    ("PRK", "North Korea", 39.0, 125.8, "Pyongyang"), ("JPN", "Japan", 35.7, 139.7, "Tokyo"),
    ("TWN", "Taiwan", 25.0, 121.6, "Taipei"), ("BRA", "Brazil", -15.8, -47.9, "Brasilia"),
]  # fmt: skip
SECTORS = [("GOV", "government"), ("MIL", "army"), ("REB", "rebels"), ("OPP", "opposition")]
LEADERS = [
    "Amara Okafor", "Lena Vogel", "Tomas Herrera", "Yusuf Demir", "Mei Lin", "Ivan Petrov",
    "Nadia Haddad", "Kwame Mensah", "Sofia Rossi", "Arjun Mehta", "Hana Sato", "Omar Farouk",
]  # fmt: skip
TYPES = [
    ("AGREE", 1, "057", 4.8), ("CONSULT", 1, "040", 1.0), ("SUPPORT", 1, "051", 3.4),
    ("CONCEDE", 1, "080", 5.0), ("COOPERATE", 2, "060", 6.0), ("AID", 2, "070", 7.0),
    ("RETREAT", 2, "087", 9.0), ("REQUEST", 3, "020", 3.0), ("ACCUSE", 3, "112", -2.0),
    ("REJECT", 3, "120", -4.0), ("THREATEN", 3, "130", -4.4), ("PROTEST", 4, "140", -6.5),
    ("SANCTION", 4, "163", -8.0), ("MOBILIZE", 4, "150", -7.2), ("COERCE", 4, "170", -7.0),
    ("ASSAULT", 4, "190", -10.0),
]  # fmt: skip
MODALITIES = ["asserted"] * 6 + ["planned", "hypothetical", "conditional", "negated"]
VERBS = ["met", "warned", "struck", "accused", "asked", "agreed with", "sanctioned", "praised"]


def actor_pool() -> list[tuple[str, str, str, str, str, str]]:
    """(code, name, country, sector, actor_keys, label JSON) for every actor of the pool."""
    pool = []
    for code, country, *_ in COUNTRIES:
        for sector, noun in SECTORS:
            name = f"{country} {noun}" if sector != "GOV" else country
            pool.append((code + sector, name, code, sector))
        for leader in LEADERS:
            pool.append((code + "GOV", f"{leader} of {country}", code, "GOV"))
    return [
        (code, name, country, sector, actor_keys([SideActor(code, name, country, None)]), name)
        for code, name, country, sector in pool
    ]


def build(path: Path, events: int) -> None:
    """Write a store of `events` generated events at `path` (replacing it)."""
    path.unlink(missing_ok=True)
    store = open_store(path)
    db = store.connection
    db.execute(
        "CREATE TEMP TABLE pool (n INTEGER, code VARCHAR, name VARCHAR, country VARCHAR, "
        "sector VARCHAR, keys VARCHAR, label VARCHAR)"
    )
    db.executemany(
        "INSERT INTO pool VALUES (?, ?, ?, ?, ?, ?, ?)",
        [[i, *row] for i, row in enumerate(actor_pool())],
    )
    db.execute(
        "CREATE TEMP TABLE kinds (n INTEGER, type VARCHAR, quad INTEGER, cameo VARCHAR, g DOUBLE)"
    )
    db.executemany(
        "INSERT INTO kinds VALUES (?, ?, ?, ?, ?)", [[i, *t] for i, t in enumerate(TYPES)]
    )
    db.execute(
        "CREATE TEMP TABLE places "
        "(n INTEGER, country VARCHAR, lat DOUBLE, lon DOUBLE, name VARCHAR)"
    )
    db.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?)",
        [[i, code, lat, lon, city] for i, (code, _, lat, lon, city) in enumerate(COUNTRIES)],
    )
    actors = db.execute("SELECT count(*) FROM pool").fetchone()[0]
    articles = (events + 9) // 10
    db.execute(
        "INSERT INTO articles SELECT 'g' || i, 'Generated report ' || i, 'outlet ' || (i % 40), "
        "DATE '2023-01-01' + CAST(i * 1095 // ? AS INTEGER), '', "
        "'Generated article text ' || i, 'h' || i, TIMESTAMP '2026-01-01' FROM range(?) t(i)",
        [articles, articles],
    )
    db.execute(
        f"""
        CREATE TEMP TABLE draw AS SELECT i, 'g' || (i // 10) AS article, 'e' || (i % 10) AS local,
            CAST(hash(i, 'source') % {actors} AS BIGINT) AS s,
            CAST(hash(i, 'target') % {actors} AS BIGINT) AS t,
            CAST(hash(i, 'type') % {len(TYPES)} AS BIGINT) AS k,
            CAST(hash(i, 'place') % {len(COUNTRIES)} AS BIGINT) AS p,
            CAST(hash(i, 'modality') % {len(MODALITIES)} AS BIGINT) AS m,
            CAST(hash(i, 'verb') % {len(VERBS)} AS BIGINT) AS v,
            hash(i, 'located') % 10 < 7 AS located,
            DATE '2023-01-01' + CAST((i // 10) * 1095 // {articles} AS INTEGER) AS day
        FROM range({events}) r(i)
        """
    )
    db.execute(
        """
        INSERT INTO events SELECT d.article || ':' || d.local, d.article, d.local, k.type, NULL,
            '[]', k.cameo, k.g, k.quad, list_extract(?, d.m + 1), 'verb', 0, 4,
            strftime(d.day, '%Y-%m-%d'), 'day', 'on Monday', d.day,
            CASE WHEN d.located THEN pl.name END, CASE WHEN d.located THEN pl.country END,
            CASE WHEN d.located THEN pl.lat END, CASE WHEN d.located THEN pl.lon END,
            s.name || ' ' || list_extract(?, d.v + 1) || ' ' || t.name || ' in ' || pl.name
                || ' on Monday, officials said in report ' || d.i || '.',
            0, 120, NULL, 0.9, NULL, NULL, NULL,
            '[{"code": "' || s.code || '", "name": "' || s.label || '"}]',
            '[{"code": "' || t.code || '", "name": "' || t.label || '"}]',
            s.keys || substr(t.keys, 2),
            '|' || array_to_string(list_sort(list_distinct([s.country, t.country]
                || CASE WHEN d.located THEN [pl.country] ELSE [] END)), '|') || '|',
            CASE WHEN s.code <> t.code THEN s.code || chr(31) || t.code END,
            CASE WHEN s.code = t.code THEN s.code || chr(31) || 'st'
                WHEN s.code < t.code
                    THEN s.code || chr(31) || 's' || chr(30) || t.code || chr(31) || 't'
                ELSE t.code || chr(31) || 't' || chr(30) || s.code || chr(31) || 's' END,
            d.i % 10, '{"source": "officials", "cue": "said", "kind": "indirect"}'
        FROM draw d JOIN pool s ON s.n = d.s JOIN pool t ON t.n = d.t
        JOIN kinds k ON k.n = d.k JOIN places pl ON pl.n = d.p ORDER BY d.i
        """,
        [MODALITIES, VERBS],
    )
    db.execute(
        "INSERT INTO actors SELECT d.article || ':' || d.local || side, d.article, "
        "d.local || side, p.name, p.country, p.sector, p.code, NULL, 'group', NULL "
        "FROM draw d, (VALUES ('s'), ('t')) sides(side) "
        "JOIN pool p ON p.n = CASE WHEN side = 's' THEN d.s ELSE d.t END"
    )
    db.execute(
        "INSERT INTO event_actors SELECT d.article || ':' || d.local, "
        "d.article || ':' || d.local || side, CASE WHEN side = 's' THEN 'source' ELSE 'target' "
        "END, 0 FROM draw d, (VALUES ('s'), ('t')) sides(side)"
    )
    # Each event is stated in its own attribution: "…, officials said in report N."
    db.execute(
        "INSERT INTO attributions SELECT d.article, d.i % 10, 'indirect', 'what happened', "
        "'[[0, 60]]', 0, 60, NULL, 'officials', 62, 71, 'said', 72, 76, '[]' FROM draw d"
    )
    db.execute(
        "INSERT INTO quotes SELECT d.article, d.i % 10, 'We will not accept this, ' || d.i, "
        "'direct', d.article || ':' || d.local || 's', 'said', 0, 30, NULL "
        "FROM draw d WHERE d.i % 10 < 2"
    )
    db.execute("CHECKPOINT")
    store.close()


def copy_to_postgres(path: Path, url: str) -> None:
    """Copy the generated DuckDB store at `path` into the PostgreSQL database at `url`, whose
    tidings tables are dropped first; tidings creates them (and their indexes) anew."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as server:
        for (table,) in server.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall():
            server.execute(f'DROP TABLE "{table}" CASCADE')
    open_store(url).close()
    source = duckdb.connect(str(path), read_only=True)
    tables = [
        table
        for (table,) in source.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        if table != "schema_version"
    ]
    with psycopg.connect(url, autocommit=True) as server, tempfile.TemporaryDirectory() as tmp:
        for table in tables:
            csv = Path(tmp) / f"{table}.csv"
            source.execute(f"COPY {table} TO '{csv}' (HEADER false, NULL '\\N')")
            with (
                server.cursor() as cursor,
                cursor.copy(f"COPY {table} FROM STDIN (FORMAT csv, NULL '\\N')") as copy,
                csv.open("rb") as rows,
            ):
                while chunk := rows.read(1 << 20):
                    copy.write(chunk)
            csv.unlink()
        server.execute("ANALYZE")
    source.close()


def main() -> None:
    path, events = Path(sys.argv[1]), int(sys.argv[2])
    started = time.perf_counter()
    build(path, events)
    took = time.perf_counter() - started
    print(f"{events:,} events -> {path} ({path.stat().st_size / 2**20:.0f} MiB) in {took:.0f} s")
    if len(sys.argv) > 3:
        started = time.perf_counter()
        copy_to_postgres(path, sys.argv[3])
        print(f"copied to PostgreSQL in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
