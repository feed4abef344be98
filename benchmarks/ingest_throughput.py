"""Ingest against bare extraction, per process, on the same articles in alternating windows.

Run from the repository root:
    .venv/bin/python benchmarks/ingest_throughput.py --size 10000 --measured 960 [--window 32]
    .venv/bin/python benchmarks/ingest_throughput.py --size 100000 --measured 960

The bar (issue 18): ingest (read, extract and store) runs within 10% of bare extraction
(`extract_many` alone) in one process. Both are timed in one process with one loaded pipeline,
window by window over the last `--measured` articles of a generated corpus of `--size`
(`ingest_memory.py`'s corpus: the example articles and gold passages cycled, each copy with its
own id and date): bare extraction of a window's articles (A), then the ingest of the same
articles (B), then the next window. Whatever load the other processes on the machine put on
the cores moves both halves alike, so the ratio of the two rates holds where each rate alone
moves. Both are also counted in this process's CPU seconds, which the other processes move
far less than the wall clock; and the seconds ingest spends in the store's calls (lookups,
batches) are counted apart, the cost of storing measured directly.

B is one continuous `ingest_stream` over the measured windows' files, as `tidings ingest` runs
(one bounded bulk ingest, resume lookups, batches of 32): its source of articles runs A each
time it reaches the next window, at which point the previous window is extracted and stored
(windows are whole store batches), and A's time is taken out of B's.

The store first holds the corpus' other articles (`--size` less `--measured`), stored with
their originals' extracted records (replayed: the same rows extraction would store, at a few
hundred articles a second), so the measured windows store into a store of `--size` articles.
`--measured` equal to `--size` extracts every article for real (hours at 100,000).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ingest_memory import replaying_extraction, write_corpus
from throughput import print_results

import tidings.ingest
from tidings.ingest import STORE_BATCH, ingest_stream
from tidings.pipeline import Pipeline, extract_many, load_pipeline
from tidings.settings import Settings
from tidings.sources import read_with_origins
from tidings.store import Store, open_store

PREFILL_FILE = 1000


def prefill(store: Store, folder: Path, pipeline: Pipeline) -> float:
    """Ingest the files under `folder` with each text's first extracted record replayed for
    its copies; the seconds it took."""
    extract_each = tidings.ingest.extract_each
    tidings.ingest.extract_each = replaying_extraction()
    start = time.perf_counter()
    try:
        ingest_stream(read_with_origins([folder], pipeline.settings), store, pipeline)
    finally:
        tidings.ingest.extract_each = extract_each
    return time.perf_counter() - start


class StoreClock:
    """Seconds spent in the store's calls that ingest makes (lookups, batches, failures)."""

    CALLS = ("stored_hashes", "ingest_many", "record_failure")

    def __init__(self, store: Store) -> None:
        self.seconds = 0.0
        for name in self.CALLS:
            setattr(store, name, self.timed(getattr(store, name)))

    def timed(self, call):
        def clocked(*args, **kwargs):
            start = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        return clocked


def alternating_windows(
    files: list[Path], pipeline: Pipeline, windows: list[dict[str, float]], clock: StoreClock
) -> Iterator[tuple[str, object]]:
    """The articles of each window file for ingest, each window preceded by the bare
    extraction of its articles (timed apart); one entry a window in `windows`, with wall
    and CPU seconds of both (CPU time is this process's alone: what the other processes on
    the machine take of the cores moves it far less than the wall clock)."""
    settings = pipeline.settings

    def close_window() -> None:
        window = windows[-1]
        window["ingest_s"] += time.perf_counter()
        window["ingest_cpu_s"] += time.process_time()
        window["store_s"] += clock.seconds

    for path in files:
        if windows:  # the previous window is extracted and stored
            close_window()
        articles = [item for _, item in read_with_origins([path], settings)]
        start, start_cpu = time.perf_counter(), time.process_time()
        list(extract_many(articles, pipeline=pipeline, batch_size=settings.batch_size))
        bare, bare_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        windows.append(
            {
                "articles": len(articles),
                "bare_s": bare,
                "bare_cpu_s": bare_cpu,
                "ingest_s": -time.perf_counter(),
                "ingest_cpu_s": -time.process_time(),
                "store_s": -clock.seconds,
                "load": os.getloadavg()[0],
            }
        )
        yield from read_with_origins([path], settings)
    close_window()


def summary(windows: list[dict[str, float]]) -> dict[str, object]:
    """Both rates over all windows (wall clock and CPU time), their ratios, the spread of
    the windows' ratios, and the share of ingest spent in the store's calls."""
    articles = sum(w["articles"] for w in windows)
    total = {key: sum(w[key] for w in windows) for key in windows[0] if key.endswith("_s")}
    ratios = [w["bare_s"] / w["ingest_s"] for w in windows]
    cpu_ratios = [w["bare_cpu_s"] / w["ingest_cpu_s"] for w in windows]
    return {
        "measured_articles": articles,
        "bare_articles_per_s": round(articles / total["bare_s"], 2),
        "ingest_articles_per_s": round(articles / total["ingest_s"], 2),
        "ratio": round(total["bare_s"] / total["ingest_s"], 3),
        "window_ratios_median": round(statistics.median(ratios), 3),
        "window_ratios_min_max": [round(min(ratios), 3), round(max(ratios), 3)],
        "bare_articles_per_cpu_s": round(articles / total["bare_cpu_s"], 2),
        "ingest_articles_per_cpu_s": round(articles / total["ingest_cpu_s"], 2),
        "cpu_ratio": round(total["bare_cpu_s"] / total["ingest_cpu_s"], 3),
        "cpu_window_ratios_median": round(statistics.median(cpu_ratios), 3),
        "cpu_window_ratios_min_max": [round(min(cpu_ratios), 3), round(max(cpu_ratios), 3)],
        "store_share_of_ingest": round(total["store_s"] / total["ingest_s"], 4),
        "store_ms_per_article": round(1000 * total["store_s"] / articles, 2),
        "load_average": [
            round(min(w["load"] for w in windows), 1),
            round(max(w["load"] for w in windows), 1),
        ],  # fmt: skip
    }


def main(argv: list[str] | None = None) -> int:
    """Prefill, measure the alternating windows, print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles in the store")
    parser.add_argument("--measured", type=int, default=960, help="articles measured")
    parser.add_argument("--window", type=int, default=32, help="articles a window")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.window % STORE_BATCH or args.measured % args.window:
        parser.error(f"--window must be a multiple of {STORE_BATCH}, --measured of --window")
    pipeline = load_pipeline(Settings())
    results: dict[str, object] = {"size": args.size, "window": args.window}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first = args.size - args.measured
        write_corpus(root / "prefill", first, per_file=PREFILL_FILE)
        write_corpus(root / "measured", args.size, first=first, per_file=args.window)
        with open_store(root / "store.duckdb") as store:
            # warm the lazily built tables and every original's caches outside the windows
            warm = [a for _, a in read_with_origins([root / "measured"], pipeline.settings)]
            list(extract_many(warm[:64], pipeline=pipeline))
            if first:
                seconds = prefill(store, root / "prefill", pipeline)
                results["prefill"] = f"{first} replayed articles in {seconds:.0f} s"
            clock = StoreClock(store)
            windows: list[dict[str, float]] = []
            files = sorted((root / "measured").glob("*.jsonl"))
            tally = ingest_stream(alternating_windows(files, pipeline, windows, clock), store,
                                  pipeline)  # fmt: skip
            if tally.stored != args.measured or tally.failures:
                raise SystemExit(f"ingest stored {tally.stored}, failures {tally.failures}")
            results["stored"] = store.counts()["articles"]
            results["store_mb"] = round((root / "store.duckdb").stat().st_size / 2**20, 1)
    results.update(summary(windows))
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
