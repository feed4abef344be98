"""What actor resolution adds to extraction time (the actors issue's bar: at most 15%).

Run from the repository root:  .venv/bin/python benchmarks/resolver_share.py [--articles N]
[--json PATH]. For the same corpus as throughput.py it times, in one process, the whole
extraction (parse and every stage) and then the resolver alone on the parsed documents, and
reports the resolver's time as a share of the rest of extraction.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from throughput import build_corpus, print_results

from tidings.actors import resolve_actors
from tidings.pipeline import analyse, load_pipeline


def main(argv: list[str] | None = None) -> int:
    """Time extraction and the resolver, print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    articles = build_corpus(args.articles)
    pipeline = load_pipeline()
    analyse(articles[0], pipeline.nlp(articles[0].text), pipeline)  # warm the tables
    start = time.perf_counter()
    docs = [pipeline.nlp(article.text) for article in articles]
    parsed = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        analyse(article, doc, pipeline)
    extracted = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        doc.user_data.clear()  # no help from caches the first pass filled
        resolve_actors(doc, published=article.published, kb=pipeline.kb)
    resolved = time.perf_counter()
    extraction = extracted - start
    resolver = resolved - extracted
    results = {
        "articles": len(articles),
        "parse_s": round(parsed - start, 2),
        "extraction_s": round(extraction, 2),
        "resolver_s": round(resolver, 2),
        "resolver_added_share": round(resolver / (extraction - resolver), 3),
    }
    print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
