"""Cross-article dedup: the merge rule, its parts, and clusters over a real store."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.dedup import (
    EventView,
    clusters,
    content_words,
    date_chunks,
    date_span,
    event_span,
    merge_stored_events,
    merged_events,
    near_copies,
    numbers_in,
    same_event,
    stored_wire_copies,
    sweep_day,
)
from tidings.store import open_store


def view(event_id, article, **fields):
    base = {
        "type": "ASSAULT",
        "modality": "asserted",
        "sources": frozenset({"RUS"}),
        "targets": frozenset({"UKR"}),
        "start": date(2025, 3, 4),
        "end": date(2025, 3, 4),
        "place_country": "UKR",
        "words": content_words("Russian missiles struck Kharkiv, killing four people"),
    }
    return EventView(id=event_id, article_id=article, **{**base, **fields})


def test_two_reports_of_one_strike_are_one_event():
    other = view("b", "2", words=content_words("Russia hit Kharkiv with missiles; four died"))
    assert same_event(view("a", "1"), other)


def test_the_rule_keeps_apart_what_differs():
    first = view("a", "1")
    assert not same_event(first, view("b", "1"))  # same article
    assert not same_event(first, view("b", "2", type="COERCE"))
    assert not same_event(first, view("b", "2", modality="planned"))
    assert not same_event(first, view("b", "2", targets=frozenset({"MDA"})))
    assert not same_event(first, view("b", "2", start=date(2025, 3, 11), end=date(2025, 3, 11)))
    assert not same_event(first, view("b", "2", place_country="RUS"))
    assert not same_event(
        view("a", "1", numbers=frozenset({"13"})), view("b", "2", numbers=frozenset({"17"}))
    )
    assert same_event(first, view("b", "2", modality="reported-claim"))


def test_symmetric_types_ignore_direction():
    meeting = {"type": "CONSULT", "place_country": None}
    usa_chn = view("a", "1", sources=frozenset({"USA"}), targets=frozenset({"CHN"}), **meeting)
    joint = view("b", "2", sources=frozenset({"CHN", "USA"}), targets=frozenset(), **meeting)
    assert same_event(usa_chn, joint)


def test_date_spans_and_numbers():
    assert date_span("2025-W10") == (date(2025, 3, 3), date(2025, 3, 9))
    assert date_span("2025-02") == (date(2025, 2, 1), date(2025, 2, 28))
    assert date_span("2023-10/2024-01-12") == (date(2023, 10, 1), date(2024, 1, 12))
    assert date_span("P4Y") == (None, None)
    assert numbers_in("Hamas freed 13 hostages and four others in 2023, the G7 said") == {
        "13",
        "4",
    }


def test_dates_at_the_end_of_the_calendar_are_compared_without_overflow():
    last = date(9999, 12, 31)
    assert date_span("9999-W52") == (date(9999, 12, 27), last)
    assert date_span("9999-12") == (date(9999, 12, 1), last)
    assert same_event(view("a", "1", start=last, end=last), view("b", "2", start=last, end=last))


def test_clusters_are_transitive():
    a, b, c = view("a", "1"), view("b", "2"), view("c", "3")
    assert set(clusters([a, b, c]).values()) == {"a"}


def test_wire_copies_are_found():
    story = (
        "Russian missiles struck Kharkiv on Tuesday, killing four people and wounding eleven, "
        "the regional governor said. The strike hit an apartment block and a school in the "
        "north of the city, where rescuers searched the rubble through the night. Ukraine's "
        "president called for more air defence systems from Western allies after the attack, "
        "the third on the city this week, and said Moscow was not interested in peace talks."
    )
    texts = {"x": story, "y": story + " Reporting by the wire.", "z": "Something else entirely."}
    assert [(a, b) for a, b, _ in near_copies(texts)] == [("x", "y")]


def test_dedup_merges_reports_in_a_store(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    articles = [
        ("a", "Outlet A", "Russian missiles struck Kharkiv on Tuesday, killing four people."),
        ("b", "Outlet B", "Russia hit the city of Kharkiv with missiles on Tuesday; four died."),
        ("c", "Outlet C", "Turkey's army shelled Kurdish positions in northern Iraq on Tuesday."),
    ]
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "outlet": o, "published": "2025-03-05", "text": t}) + "\n"
            for i, o, t in articles
        )
    )
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--quiet"]).exit_code == 0
    result = runner.invoke(main, ["dedup", "--db", str(db)])
    assert result.exit_code == 0 and "1 reported by several articles" in result.output
    with open_store(db) as store:
        merged = store.merged_events()
    kharkiv = next(m for m in merged if m["articles"] == 2)
    assert kharkiv["type"] == "ASSAULT" and set(kharkiv["outlets"].split("; ")) == {
        "Outlet A",
        "Outlet B",
    }


def exhaustive_partition(views):
    """The clusters as sets of ids, from every pair compared (the rule without blocking)."""
    parent = {v.id: v.id for v in views}

    def root(event_id):
        while parent[event_id] != event_id:
            event_id = parent[event_id]
        return event_id

    for i, first in enumerate(views):
        for second in views[i + 1 :]:
            if same_event(first, second):
                parent[root(second.id)] = root(first.id)
    groups = {}
    for v in views:
        groups.setdefault(root(v.id), set()).add(v.id)
    return sorted(map(sorted, groups.values()))


def random_views(seed, count):
    import random
    from datetime import timedelta

    rng = random.Random(seed)
    countries = [frozenset(), frozenset({"RUS"}), frozenset({"UKR"}), frozenset({"USA", "CHN"})]
    words = ["missile", "strike", "kharkiv", "talks", "summit", "ceasefire", "troops", "port"]
    views = []
    for i in range(count):
        start = date(2025, 3, 1) + timedelta(days=rng.randrange(60))
        span = rng.choice([0, 0, 0, 6, 30, None, "open"])
        if span == "open":  # on or before a day: the OPEN_DAYS before it too
            start, span = start - timedelta(days=30), 30
        views.append(
            view(
                f"e{i}",
                f"a{rng.randrange(count // 2)}",
                type=rng.choice(["ASSAULT", "CONSULT", "ASSAULT"]),
                modality=rng.choice(["asserted", "reported-claim", "planned"]),
                sources=rng.choice(countries),
                targets=rng.choice(countries),
                start=None if span is None else start,
                end=None if span is None else start + timedelta(days=span),
                open_start=span == 30 and i % 2 == 0,
                place_country=rng.choice([None, "UKR", "RUS"]),
                words=frozenset(rng.sample(words, 3)),
            )
        )
    return views


def test_blocked_clusters_are_those_of_every_pair_compared():
    for seed in range(20):
        views = random_views(seed, 120)
        grouping = clusters(views)
        groups = {}
        for event_id, cluster in grouping.items():
            groups.setdefault(cluster, set()).add(event_id)
        assert sorted(map(sorted, groups.values())) == exhaustive_partition(views), seed
        assert all(c == min(ids) for c, ids in groups.items())  # named by its smallest id


def test_wire_copies_found_through_lsh_are_those_of_every_pair_compared():
    import random

    from tidings.dedup import copy_similarity, shingles

    rng = random.Random(7)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=6)) for _ in range(2000)]
    texts = {f"a{i:03d}": " ".join(rng.choices(vocabulary, k=200)) for i in range(150)}
    for i in range(60):  # copies edited in 0 to 12 places: similarities across the threshold
        words = texts[f"a{i:03d}"].split()
        for _ in range(rng.randrange(13)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        texts[f"c{i:03d}"] = " ".join(words)
    ids = sorted(texts)
    found = {article_id: shingles(texts[article_id]) for article_id in ids}
    expected = []
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            similarity = copy_similarity(found[first], found[second])
            if similarity >= 0.8:
                expected.append((first, second, round(similarity, 3)))
    assert 10 < len(expected) < 60  # copies on both sides of the threshold, no others
    assert near_copies(texts) == expected


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_clusters_and_copies_are_saved_whole_on_both_stores(tmp_path, backend, request):
    location = (
        str(tmp_path / "s.duckdb")
        if backend == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    grouping = {f"a{i}:e1": f"a{i - i % 3}:e1" for i in range(5)}
    copies = [("a1", "a2", 0.912), ("a3", "a4", 1.0)]
    with open_store(location) as store:
        store.save_clusters({"old:e1": "old:e1"}, [("old1", "old2", 0.9)])  # replaced whole
        store.save_clusters(grouping, copies)
        saved = store.connection.execute("SELECT * FROM event_clusters").fetchall()
        copied = store.connection.execute("SELECT * FROM article_copies").fetchall()
    assert sorted(saved) == sorted(grouping.items())
    assert sorted(copied) == copies


def test_events_merged_in_order_of_their_days_are_those_of_every_pair_compared(monkeypatch):
    import tidings.dedup

    monkeypatch.setattr(tidings.dedup, "SWEEP_FLOOR", 0)  # drop ended events at every step
    for seed in range(20):
        views = random_views(seed, 120)
        dated = sorted((v for v in views if v.start), key=lambda v: (sweep_day(v), v.id))
        merged = merged_events([v for v in views if not v.start], dated)
        groups = {}
        for v in views:
            groups.setdefault(merged.get(v.id, v.id), set()).add(v.id)
        assert sorted(map(sorted, groups.values())) == exhaustive_partition(views), seed
        assert all(len(groups[c]) > 1 for c in merged.values())  # only merged events listed


def test_dated_events_out_of_order_are_refused():
    later, earlier = view("a", "1", start=date(2025, 3, 5)), view("b", "2")
    with pytest.raises(ValueError, match="out of order"):
        merged_events([], [later, earlier])


def test_date_chunks_hold_what_the_stored_order_cannot_sweep():
    values = [
        ("2025-03-01", date(2025, 3, 1), 3),
        ("2025-03-02", date(2025, 3, 2), 2),
        ("2025-W10", date(2025, 3, 3), 4),
        ("2025-03-09", date(2025, 3, 9), 1),
        ("2025-Q1", date(2025, 1, 1), 5),  # a quarter: no day span for the merge rule
        ("../2025-03-14", date(2025, 3, 14), 1),  # swept on its last day
        ("../2025-03", date(2025, 3, 1), 1),  # swept on March 31, stored on the 1st
        ("P3D", None, 2),
        (None, None, 7),
    ]
    held, chunks = date_chunks(values, size=5)
    assert held == ["../2025-03", "2025-Q1", "P3D"]
    assert chunks == [
        (date(2025, 3, 1), date(2025, 3, 2)),
        (date(2025, 3, 3), date(2025, 3, 9)),
        (date(2025, 3, 14), date(2025, 3, 14)),
    ]


def test_an_event_on_or_before_a_day_matches_the_weeks_before_it_leniently():
    start, end, open_start = event_span("../2025-03-14")
    assert (start, end, open_start) == (date(2025, 2, 12), date(2025, 3, 14), True)
    recent = view("b", "2", start=start, end=end, open_start=True)
    assert same_event(view("a", "1"), recent)  # March 4, within the weeks before
    months_before = view("a", "1", start=date(2024, 11, 4), end=date(2024, 11, 4))
    assert not same_event(months_before, recent)
    # two content words of 38 shared: enough for dated events, not for a lenient match
    mine = frozenset(f"w{i}" for i in range(20))
    theirs = frozenset(f"w{i}" for i in range(18, 38))
    assert same_event(view("a", "1", words=mine), view("c", "3", words=theirs))
    assert not same_event(
        view("a", "1", words=mine),
        view("c", "3", words=theirs, start=start, end=end, open_start=True),
    )


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_stored_events_merged_a_few_days_at_a_time_are_those_of_every_pair_compared(
    tmp_path, backend, request
):
    gold = Path(__file__).parents[1] / "gold" / "dedup" / "events.pairs.jsonl"
    pairs = [json.loads(line) for line in gold.read_text().splitlines()[:40]]
    corpus = tmp_path / "pairs.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"{p['id']}-{side}", **p[side]}) + "\n"
            for p in pairs
            for side in ("a", "b")
        )
    )
    db = (
        str(tmp_path / "store.duckdb")
        if backend == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    assert (
        CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--quiet"]).exit_code == 0
    )
    with open_store(db) as store:
        values = store.event_date_values()
        dates = [v for _, v, _, _ in values if v]
        everything = [
            v for kind in {k for k, *_ in values} for v in store.held_event_views(kind, dates)
        ]
        assert len(everything) == sum(count for *_, count in values) > 40
        merged = merge_stored_events(store, chunk_events=3)
    groups = {}
    for v in everything:
        groups.setdefault(merged.get(v.id, v.id), set()).add(v.id)
    assert sorted(map(sorted, groups.values())) == exhaustive_partition(everything)
    assert len(groups) < len(everything)  # some reports merged


def test_every_pair_of_a_text_copied_three_times_is_a_wire_copy():
    text = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(60))
    texts = {"a": text, "b": text, "c": text, "d": "Something else entirely, and short."}
    assert near_copies(texts) == [("a", "b", 1.0), ("a", "c", 1.0), ("b", "c", 1.0)]


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_wire_copies_of_a_store_are_read_in_batches_and_found_whole(
    tmp_path, backend, request, monkeypatch
):
    import random

    import tidings.dedup
    import tidings.store._base
    from tidings.model import Article, Report
    from tidings.store import content_hash

    monkeypatch.setattr(tidings.store._base, "TEXT_BATCH", 7)
    monkeypatch.setattr(tidings.dedup, "COPY_CHECK_BATCH", 3)
    rng = random.Random(3)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=5)) for _ in range(500)]
    texts = {f"a{i:02d}": " ".join(rng.choices(vocabulary, k=80)) for i in range(30)}
    for i in range(12):
        words = texts[f"a{i:02d}"].split()
        words[rng.randrange(80)] = "changed"
        texts[f"c{i:02d}"] = " ".join(words)
    location = (
        str(tmp_path / "s.duckdb")
        if backend == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    with open_store(location) as store:
        reports = [Report(Article(i, t)) for i, t in texts.items()]
        store.ingest_many([(r, content_hash(r.article)) for r in reports])
        found = stored_wire_copies(store)
    assert found == near_copies(texts) and len(found) == 12


def test_dedup_on_postgresql_never_prints_the_password(postgres_url):
    from urllib.parse import urlsplit

    password = urlsplit(postgres_url).password
    result = CliRunner().invoke(main, ["dedup", "--db", postgres_url])
    assert result.exit_code == 0, result.output
    assert "0 event mention(s)" in result.output
    assert not password or f":{password}@" not in result.output
