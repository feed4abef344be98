"""How long the actor knowledge base takes to load: parsed from its YAML files (a fresh cache)
and read back from the parsed-record cache, each in a new process.

Run from the repository root:  .venv/bin/python benchmarks/kb_load.py [--runs N] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

from throughput import print_results

PROBE = (
    "import json, time\n"
    "from tidings.actors.kb import _shipped_knowledge_base, kb_sizes\n"
    "start = time.perf_counter(); kb = _shipped_knowledge_base()\n"
    "print(json.dumps({'seconds': time.perf_counter() - start, **kb_sizes(kb)}))\n"
)


def load_once(cache: Path) -> dict[str, float]:
    """Load the knowledge base in a new process with `cache` as its cache folder."""
    environment = {**os.environ, "TIDINGS_CACHE": str(cache)}
    output = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output)


def main(argv: list[str] | None = None) -> int:
    """Time cold (parse) and warm (cached) loads, print (and optionally save) the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    cold, warm, sizes = [], [], {}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            first = load_once(Path(folder))
            cold.append(first["seconds"])
            warm.append(load_once(Path(folder))["seconds"])
            sizes = {k: v for k, v in first.items() if k != "seconds"}
    results = {
        **sizes,
        "cold_load_s": round(median(cold), 3),
        "cached_load_s": round(median(warm), 3),
    }
    print_results(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
