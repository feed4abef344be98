"""Ingest at scale: N articles with a progress bar, killed with SIGKILL part-way, resumed.

Run from the repository root:  .venv/bin/python benchmarks/ingest_resume.py [--articles 10000]
[--processes 1] [--kill-at 0.3] [--json PATH]. The corpus is a JSONL file cycling the example
articles and the gold passages, each copy with its own id and publication date. The script
  1. measures single-process extraction throughput on a sample (`--sample` articles);
  2. runs `tidings ingest` in a subprocess and kills it with SIGKILL once the progress bar shows
     `--kill-at` of the corpus done;
  3. runs `tidings ingest` again to completion and checks that exactly N articles are stored,
     none twice;
  4. reports the resumed run's throughput per process against the extraction throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from throughput import build_corpus, print_results

from tidings.pipeline import extract_many, load_pipeline
from tidings.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-c", "from tidings.cli import main; main()", "ingest"]


def passage_texts() -> list[tuple[str, str]]:
    """(publication date, text) of the gold passages: more varied news than the examples."""
    texts = []
    for path in sorted((ROOT / "gold" / "passages").glob("*.gold.json")):
        article = json.loads(path.read_text(encoding="utf-8"))["article"]
        texts.append((article["published"], article["text"]))
    return texts


def write_corpus(path: Path, size: int) -> None:
    """A JSONL corpus of `size` articles with their own ids and dates."""
    originals = [(str(a.published), a.text) for a in build_corpus(6)] + passage_texts()
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            published, text = originals[i % len(originals)]
            day = date.fromisoformat(published) + timedelta(days=i // len(originals) % 365)
            record = {"id": f"a{i:06d}", "published": day.isoformat(), "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def extraction_rate(corpus: Path, sample: int) -> float:
    """Articles per second of single-process extraction over the corpus' first articles."""
    from tidings.settings import Settings
    from tidings.sources import read_jsonl

    articles = [a for a in read_jsonl(corpus, Settings())][:sample]
    pipeline = load_pipeline()
    list(extract_many(articles[:2], pipeline=pipeline))
    start = time.perf_counter()
    list(extract_many(articles, pipeline=pipeline))
    return len(articles) / (time.perf_counter() - start)


def killed_run(corpus: Path, db: Path, size: int, processes: int, kill_at: float) -> int:
    """Run ingest and SIGKILL it once the progress bar passes `kill_at`; articles it showed."""
    process = subprocess.Popen(
        [*COMMAND, str(corpus), "--db", str(db), "--processes", str(processes)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen, done = b"", 0
    assert process.stderr is not None
    while True:
        ready, _, _ = select.select([process.stderr], [], [], 5)
        if not ready:
            continue
        chunk = os.read(process.stderr.fileno(), 65536)
        if not chunk:
            break
        seen = (seen + chunk)[-4096:]
        counts = re.findall(rb"(\d+) articles \[", seen)  # the count, not the rate
        done = int(counts[-1]) if counts else done
        if done >= kill_at * size:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    return done


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--kill-at", type=float, default=0.3)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        corpus, db = Path(folder) / "corpus.jsonl", Path(folder) / "store.duckdb"
        write_corpus(corpus, args.articles)
        rate = extraction_rate(corpus, args.sample)
        shown = killed_run(corpus, db, args.articles, args.processes, args.kill_at)
        with open_store(db) as store:
            before = store.counts()["articles"]
        start = time.perf_counter()
        finished = subprocess.run(
            [*COMMAND, str(corpus), "--db", str(db), "--processes", str(args.processes)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        with open_store(db) as store:
            stored = store.counts()["articles"]
            distinct = len(store.stored_hashes())
    ingest_rate = (args.articles - before) / seconds
    results = {
        "articles": args.articles,
        "processes": args.processes,
        "extraction_articles_per_s": round(rate, 2),
        "killed_after_progress": shown,
        "stored_when_killed": before,
        "resume_exit_code": finished.returncode,
        "stored_after_resume": stored,
        "distinct_ids_stored": distinct,
        "resume_seconds": round(seconds, 1),
        "ingest_articles_per_s_per_process": round(ingest_rate / args.processes, 2),
        "ratio_to_extraction": round(ingest_rate / args.processes / rate, 3),
    }
    print_results(results, args.json)
    return 0 if stored == distinct == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
