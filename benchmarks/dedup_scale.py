"""Wire-copy detection and event dedup at scale: `tidings dedup`'s steps timed at two sizes.

Run from the repository root:
    .venv/bin/python benchmarks/dedup_scale.py --articles 10000 100000 [--steps] [--json PATH]

Each size is a generated store (`synthetic_store.py`: ten events per article, random dyads
from a pool of 150 actors, twenty types, days over three years) whose article texts are
replaced by generated news-length texts (250 words drawn from a 5,000-word vocabulary), a
tenth of them wire copies of an earlier article with 0 to 12 words changed, and whose events
are 60% dated "on or before" a day (`../2025-03-14`) and 5% undated, as on real news: the
merge rule matches those with any date. The steps of
`tidings dedup` are timed one by one: merging the events (read a range of days at a time),
finding the wire copies, saving both.
`tidings dedup` runs in a child process on each store: its seconds and its peak resident memory
(from the kernel, `wait4`) are what a user sees. `--steps` also times the steps of dedup one by
one in this process (a second run: twice the time).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic_store import build
from throughput import print_results

from tidings.store import open_store

WORDS = 250
COPY_SHARE = 10  # one article in COPY_SHARE is a wire copy
OPEN, UNDATED = 60, 5  # percent of events dated "on or before" a day, and undated


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
        # As on real news (65% of the events of the example articles and gold passages):
        # past events without a time of their own, on or before a day, and a few undated.
        store.connection.execute(
            f"UPDATE events SET date_value = '../' || date_value WHERE hash(id) % 100 < {OPEN}"
        )
        store.connection.execute(
            "UPDATE events SET date_value = NULL, date_start = NULL "
            f"WHERE hash(id || 'undated') % 100 < {UNDATED}"
        )


def measured_dedup(path: Path) -> dict[str, object]:
    """Seconds, peak RSS (MB) and summary line of `tidings dedup` in a child process."""
    command = [sys.executable, "-c", "from tidings.cli import main; main()", "dedup", "--db"]
    start = time.perf_counter()
    process = subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode().strip() if process.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"dedup failed: {output}")
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "load_average": round(os.getloadavg()[0], 1),
        "output": output.splitlines()[-1] if output else "",  # not DuckDB's progress bars
    }


def timed_dedup(path: Path) -> dict[str, float | int]:
    """Seconds of each step of `tidings dedup` on the store, and what it found."""
    from tidings.dedup import merge_stored_events, stored_wire_copies

    seconds: dict[str, float | int] = {}
    start = time.perf_counter()
    with open_store(path) as store:
        merged = merge_stored_events(store)  # events read a range of days at a time
        seconds["merge_events_s"] = time.perf_counter() - start
        mark = time.perf_counter()
        copies = stored_wire_copies(store)  # texts streamed
        seconds["wire_copies_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        store.save_clusters(merged, copies)
        seconds["save_s"] = time.perf_counter() - mark
    seconds["total_s"] = time.perf_counter() - start
    seconds = {k: round(v, 1) for k, v in seconds.items()}
    seconds["merged_events"] = len(merged) - len(set(merged.values()))
    seconds["wire_copies"] = len(copies)
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Time dedup at each size and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--steps", action="store_true", help="also time each step")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.articles:
            path = Path(folder) / f"dedup-{size}.duckdb"
            # built in a child: the dedup child's peak RSS counts its parent's at its start
            # (the kernel keeps the high-water mark across exec), so the parent stays small
            code = (
                f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                f"from pathlib import Path; from dedup_scale import generated_store; "
                f"generated_store(Path({str(path)!r}), {size})"
            )
            subprocess.run([sys.executable, "-c", code], check=True)
            results[str(size)] = measured_dedup(path)
            if args.steps:
                results[f"{size} steps"] = timed_dedup(path)
    first, last = (results[str(size)] for size in (args.articles[0], args.articles[-1]))
    growth = last["seconds"] / max(first["seconds"], 0.1)
    ratio = args.articles[-1] / args.articles[0]
    results["time_growth"] = f"{growth:.1f}x for {ratio:.0f}x the articles"
    results["memory_growth"] = f"{last['peak_rss_mb'] / first['peak_rss_mb']:.1f}x"
    print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
