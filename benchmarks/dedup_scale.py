"""Wire-copy detection and event dedup at scale: `tidings dedup`'s steps timed at two sizes.

Run from the repository root:
    .venv/bin/python benchmarks/dedup_scale.py --articles 10000 100000 [--json PATH]

Each size is a generated store (`synthetic_store.py`: ten events per article, random dyads
from a pool of 150 actors, twenty types, days over three years) whose article texts are
replaced by generated news-length texts (250 words drawn from a 5,000-word vocabulary), a
tenth of them wire copies of an earlier article with 0 to 12 words changed. The steps of
`tidings dedup` are timed one by one: reading the events, clustering them, finding the wire
copies, saving both.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from synthetic_store import build
from throughput import print_results

from tidings.dedup import clusters, near_copies
from tidings.store import open_store

WORDS = 250
COPY_SHARE = 10  # one article in COPY_SHARE is a wire copy


def letters(number: int) -> str:
    """A word of letters only for a number (shingles are made of letter words)."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return word + "x"


def generated_texts(count: int, seed: int = 18) -> list[str]:
    """`count` article texts, every COPY_SHARE-th a lightly edited copy of an earlier one."""
    rng = random.Random(seed)
    vocabulary = [letters(n) for n in range(5000)]
    texts: list[str] = []
    for i in range(count):
        if i and i % COPY_SHARE == 0:
            words = texts[rng.randrange(i)].split()
            for _ in range(rng.randrange(13)):
                words[rng.randrange(WORDS)] = rng.choice(vocabulary)
        else:
            words = rng.choices(vocabulary, k=WORDS)
        texts.append(" ".join(words))
    return texts


def generated_store(path: Path, articles: int) -> None:
    """The synthetic store of `articles` articles with generated texts."""
    import pyarrow as pa

    build(path, events=articles * 10)
    texts = pa.table({"id": [f"g{i}" for i in range(articles)], "text": generated_texts(articles)})
    with open_store(path) as store:
        store.connection.register("texts", texts)
        store.connection.execute(
            "UPDATE articles SET text = texts.text FROM texts WHERE articles.id = texts.id"
        )


def timed_dedup(path: Path) -> dict[str, float | int]:
    """Seconds of each step of `tidings dedup` on the store, and what it found."""
    seconds: dict[str, float | int] = {}
    start = time.perf_counter()
    with open_store(path) as store:
        views = store.event_views()
        seconds["read_events_s"] = time.perf_counter() - start
        mark = time.perf_counter()
        grouping = clusters(views)
        seconds["cluster_events_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        copies = near_copies(store.article_texts())
        seconds["wire_copies_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        store.save_clusters(grouping, copies)
        seconds["save_s"] = time.perf_counter() - mark
    seconds["total_s"] = time.perf_counter() - start
    seconds = {k: round(v, 1) for k, v in seconds.items()}
    seconds["events"] = len(views)
    seconds["merged_events"] = len(views) - len(set(grouping.values()))
    seconds["wire_copies"] = len(copies)
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Time dedup at each size and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.articles:
            path = Path(folder) / f"dedup-{size}.duckdb"
            generated_store(path, size)
            results[str(size)] = timed_dedup(path)
    sizes = args.articles
    growth = results[str(sizes[-1])]["total_s"] / max(results[str(sizes[0])]["total_s"], 0.1)
    results["time_growth"] = f"{growth:.1f}x for {sizes[-1] / sizes[0]:.0f}x the articles"
    print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
