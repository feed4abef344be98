"""Time and peak memory of extracting one long single-line article (issue 17: 450,000
characters took 85 s and 1.6 GB, most of it comparing every pair of the article's events).

Run from the repository root:  .venv/bin/python benchmarks/long_article.py [--chars N]
[--json PATH]. The article is the example texts joined on one line, repeated to N characters.
Run it once per size: the peak resident memory is the process's.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from datetime import date
from pathlib import Path

from tidings.model import Article
from tidings.pipeline import extract, load_pipeline
from tidings.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def long_article(chars: int) -> Article:
    """One article of `chars` characters on a single line, cycling the example texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    line = " ".join(" ".join(t.split()) for t in texts)
    text = " ".join([line] * (chars // (len(line) + 1) + 1))[:chars]
    return Article(id=f"long-{chars}", text=text, published=date(2025, 3, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=450_000)
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    options = parser.parse_args()
    # the size bound must admit the article (the default, 500,000, admits the one)
    pipeline = load_pipeline(Settings(max_article_chars=max(options.chars, 500_000)))
    article = long_article(options.chars)
    started = time.perf_counter()
    report = extract(article, pipeline)
    seconds = time.perf_counter() - started
    figures = {
        "chars": options.chars,
        "seconds": round(seconds, 1),
        "events": len(report.events),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    print(
        f"{figures['chars']:,} characters: {figures['seconds']} s, {figures['events']} events, "
        f"peak RSS {figures['peak_rss_mb']} MB"
    )
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
