"""Streamed ingest: peak memory and throughput of `tidings ingest` at two corpus sizes.

Run from the repository root:
    .venv/bin/python benchmarks/ingest_memory.py --sizes 1000 10000 [--processes 1]
    .venv/bin/python benchmarks/ingest_memory.py --sizes 10000 100000 --replay [--trace]
        [--memory-mb 64]

Each size gets a generated corpus (a directory of JSONL files of 1,000 articles, cycling the
example articles and gold passages, each copy with its own id and date) and a fresh DuckDB
store; `tidings ingest` runs in a child process whose peak RSS is read from the kernel
(`wait4`). Throughput per process is compared with bare single-process extraction
(`extract_many`) on a sample of the same corpus.

`--replay` replaces extraction with the stored records of the originals (each article gets
its original's extracted record under its own id): it measures everything ingest does besides
extraction (reading, resume lookups, batching, storing) at sizes real extraction cannot reach
on one machine in a session (100,000 articles is about 2.5 hours of extraction here).

`--memory-mb` sets `ingest_memory_mb` (DuckDB's memory while ingesting) for the runs; `--trace`
samples the ingesting process's RSS and DuckDB's own count of its memory every 640 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from ingest_resume import passage_texts
from throughput import build_corpus, print_results

from tidings.settings import Settings

FILE_ARTICLES = 1000
TRACE_BATCHES = 20  # store batches (of 32 articles) between two samples of --trace


def write_corpus(folder: Path, size: int, *, first: int = 0, per_file: int = FILE_ARTICLES) -> None:
    """Articles `first` to `size` of the generated corpus in JSONL files of `per_file`, each
    with its own id and date (article i is the same whatever the files)."""
    originals = [(str(a.published), a.text) for a in build_corpus(6)] + passage_texts()
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(first, size, per_file):
        with (folder / f"part-{start // per_file:05d}.jsonl").open("w") as out:
            for i in range(start, min(start + per_file, size)):
                published, text = originals[i % len(originals)]
                day = date.fromisoformat(published) + timedelta(days=i // len(originals) % 365)
                record = {"id": f"a{i:07d}", "published": day.isoformat(), "text": text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def replaying_extraction():
    """A stand-in for `tidings.ingest.extract_each` that extracts each distinct text once and
    replays its record for the copies."""
    import dataclasses

    from tidings.pipeline import extract_many

    records: dict[str, object] = {}

    def replay(articles, *, pipeline, processes=1, batch_size=16):
        for article in articles:
            if article.text not in records:
                records[article.text] = next(extract_many([article], pipeline=pipeline))
            yield dataclasses.replace(records[article.text], article=article)

    return replay


def replayed_extraction() -> None:
    """Make ingest store each article with its original's record instead of extracting it."""
    import tidings.ingest

    tidings.ingest.extract_each = replaying_extraction()


def traced_batches(path: Path) -> None:
    """Make ingest append the process's RSS and DuckDB's own count of its memory to `path`
    (one JSON line) every TRACE_BATCHES store batches: where the memory goes as the store
    grows, the Python side (RSS less DuckDB) apart from DuckDB's buffers."""
    import resource

    import tidings.ingest

    store_batch = tidings.ingest.store_batch
    batches = 0

    def traced(store, batch, tally):
        nonlocal batches
        store_batch(store, batch, tally)
        batches += 1
        if batches % TRACE_BATCHES:
            return
        tags = store.connection.execute(
            "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0"
        ).fetchall()
        sample = {
            "articles": tally.stored + tally.unchanged,
            "rss_mb": round(current_rss_mb()),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "duckdb_mb": {tag: round(size / 2**20, 1) for tag, size in tags},
        }
        with path.open("a") as out:
            out.write(json.dumps(sample) + "\n")

    tidings.ingest.store_batch = traced


def current_rss_mb() -> float:
    """The process's resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(
    corpus: str, db: str, processes: int, replay: bool, memory_mb: int | None, trace: str | None
) -> None:
    """The measured process: one `tidings ingest` run."""
    from tidings.cli import main

    if replay:
        replayed_extraction()
    if trace:
        traced_batches(Path(trace))
    config = []
    if memory_mb:
        settings = Path(db).with_suffix(".toml")
        settings.write_text(f"[tidings]\ningest_memory_mb = {memory_mb}\n")
        config = ["--config", str(settings)]
    main([*config, "ingest", corpus, "--db", db, "--processes", str(processes), "--quiet"])


def measured_ingest(
    corpus: Path, db: Path, processes: int, replay: bool, memory_mb: int | None, trace: bool
) -> dict[str, object]:
    """Seconds and peak RSS (MB) of one ingest in a child process (and its trace, asked)."""
    samples = db.with_suffix(".trace.jsonl")
    code = (
        "import sys; sys.path.insert(0, 'benchmarks'); from ingest_memory import child; "
        f"child({str(corpus)!r}, {str(db)!r}, {processes}, {replay}, {memory_mb}, "
        f"{str(samples) if trace else None!r})"
    )
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode() if process.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ingest failed: {output}")
    run: dict[str, object] = {
        "seconds": seconds,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "store_mb": round(db.stat().st_size / 2**20, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "output": output.strip(),
    }
    if trace:  # no sample under TRACE_BATCHES batches
        lines = samples.read_text().splitlines() if samples.exists() else []
        run["trace"] = [json.loads(line) for line in lines]
    return run


def extraction_rate(corpus: Path, sample: int) -> float:
    """Articles per second of bare single-process extraction on the corpus' first articles."""
    from tidings.pipeline import extract_many, load_pipeline
    from tidings.settings import Settings
    from tidings.sources import read_jsonl

    articles = list(read_jsonl(sorted(corpus.glob("*.jsonl"))[0], Settings()))[:sample]
    pipeline = load_pipeline()
    list(extract_many(articles[:2], pipeline=pipeline))
    start = time.perf_counter()
    list(extract_many(articles, pipeline=pipeline))
    return len(articles) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    """Ingest each size, then print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--replay", action="store_true", help="store replayed records")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--memory-mb", type=int, help="the ingest_memory_mb setting")
    parser.add_argument("--trace", action="store_true", help="sample memory as ingest goes")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results: dict[str, object] = {
        "processes": args.processes,
        "replay": args.replay,
        "ingest_memory_mb": args.memory_mb or Settings().ingest_memory_mb,
    }
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus, db = Path(folder) / f"corpus-{size}", Path(folder) / f"store-{size}.duckdb"
            write_corpus(corpus, size)
            run = measured_ingest(
                corpus, db, args.processes, args.replay, args.memory_mb, args.trace
            )
            run["articles_per_s_per_process"] = size / run["seconds"] / args.processes
            results[str(size)] = run
        if not args.replay:
            rate = extraction_rate(Path(folder) / f"corpus-{args.sizes[0]}", args.sample)
            results["extraction_articles_per_s"] = round(rate, 2)
            for size in args.sizes:
                run = results[str(size)]
                run["ratio_to_extraction"] = round(run["articles_per_s_per_process"] / rate, 3)
    smallest, largest = (results[str(s)]["peak_rss_mb"] for s in (args.sizes[0], args.sizes[-1]))
    results["rss_growth"] = round(largest / smallest - 1, 3)
    print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
