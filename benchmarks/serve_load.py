"""Latency of filtered event queries under concurrent load: `tidings serve` over a generated
store, loaded by wrk (Debian's package) on loopback.

The request mix cycles through filtered `/api/events` pages: by type, country, actor code,
actor name word, modality with a quarter, a week, country with type, place, and words in the
evidence (shuffled with a fixed seed). For each number of connections wrk runs for the given
time and reports requests per second, latency percentiles and errors (non-2xx responses, socket
errors and timeouts). Needs /usr/bin/wrk: `bash benchmarks/setup.sh`.

    python benchmarks/serve_load.py --events 1000000 --connections 4 8 16 --seconds 30
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_store import COUNTRIES, LEADERS, MODALITIES, TYPES, build  # noqa: E402

WRK_SCRIPT = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, errors.status, errors.connect + errors.read
    + errors.write, errors.timeout))
end
"""


def request_paths(count: int, seed: int = 7) -> list[str]:
    """`count` filtered event-page requests in a fixed shuffled order."""
    chance = random.Random(seed)
    codes = [code for code, *_ in COUNTRIES]
    words = [name.split()[1].lower() for name in LEADERS]
    makers = [
        lambda: f"type={chance.choice(TYPES)[0]}",
        lambda: f"country={chance.choice(codes)}",
        lambda: f"actor={chance.choice(codes).lower()}{chance.choice(['gov', 'mil', 'reb'])}",
        lambda: f"actor={chance.choice(words)}",
        lambda: (
            f"modality={chance.choice(sorted(set(MODALITIES)))}"
            f"&since=202{chance.randint(3, 5)}-0{chance.randint(1, 7)}-01"
            f"&until=202{chance.randint(3, 5)}-0{chance.randint(8, 9)}-30"
        ),
        lambda: f"since=2024-0{chance.randint(1, 9)}-01&until=2024-0{chance.randint(1, 9)}-07",
        lambda: f"country={chance.choice(codes)}&type={chance.choice(TYPES)[0]}",
        lambda: f"place={chance.choice(COUNTRIES)[4].replace(' ', '%20')}",
        lambda: f"text={chance.choice(['sanctioned', 'warned', 'praised', 'struck'])}",
    ]
    return [f"/api/events?{makers[i % len(makers)]()}&limit=50" for i in range(count)]


@contextmanager
def serving(store: Path | str, port: int) -> Iterator[str]:
    """`tidings serve` on `store` in a child process, for the block; yields its URL."""
    url = f"http://127.0.0.1:{port}"
    tidings = Path(sys.executable).parent / "tidings"
    server = subprocess.Popen([str(tidings), "serve", "--db", str(store), "--port", str(port)])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/api/vocabulary", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


MISSES = {"actor miss": "actor=zzqx", "words miss": "text=zzqx", "place miss": "place=zzqx"}


def latency_by_kind(url: str, repeats: int = 20) -> dict[str, tuple[float, float]]:
    """Median and p95 of one request at a time for each kind of filter, misses included
    (a filter that matches nothing reads every row: the slowest case)."""
    kinds: dict[str, list[str]] = {}
    for path in request_paths(200):
        kind = "&".join(sorted(k.split("=")[0] for k in path.split("?")[1].split("&")))
        kinds.setdefault(kind.replace("&limit", "").replace("limit&", ""), []).append(path)
    for kind, query in MISSES.items():
        kinds[kind] = [f"/api/events?{query}&limit=50"]
    timings = {}
    for kind, paths in kinds.items():
        spent = []
        for i in range(repeats):
            started = time.perf_counter()
            with urllib.request.urlopen(url + paths[i % len(paths)], timeout=30) as response:
                response.read()
            spent.append((time.perf_counter() - started) * 1000)
        spent.sort()
        timings[kind] = (spent[len(spent) // 2], spent[int(len(spent) * 0.95) - 1])
    return timings


def run_wrk(url: str, script: Path, connections: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", str(script),
         url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    requests, duration, p50, p95, p99, worst, status, socket, timeout = map(int, line.split()[1:])
    return {
        "connections": connections,
        "requests": requests,
        "requests_per_s": round(requests / (duration / 1e6), 1),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "p99_ms": p99 / 1000,
        "max_ms": worst / 1000,
        "errors": status + socket + timeout,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, default=None, help="reuse a generated store")
    parser.add_argument(
        "--db", default=None, help="serve this store as it is (a PostgreSQL URL, say)"
    )
    parser.add_argument("--connections", type=int, nargs="+", default=[4, 8, 16])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8791)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tidings-load-"))
    store = options.store or folder / "store.duckdb"
    if options.db is None and not store.exists():
        started = time.perf_counter()
        build(store, options.events)
        print(f"generated {options.events:,} events in {time.perf_counter() - started:.0f} s")
    script = folder / "mix.lua"
    paths = request_paths(500)
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths), encoding="utf-8")
    with serving(options.db or store, options.port) as url:
        run_wrk(url, script, 2, 5)  # warm the caches
        results = [run_wrk(url, script, c, options.seconds) for c in options.connections]
        alone = latency_by_kind(url)
    header = ("conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors")
    print(" ".join(f"{h:>7}" for h in header))
    for r in results:
        print(
            f"{r['connections']:>7} {r['requests_per_s']:>7} {r['p50_ms']:>7.1f} "
            f"{r['p95_ms']:>7.1f} {r['p99_ms']:>7.1f} {r['max_ms']:>7.1f} {r['errors']:>7}"
        )
    print("one request at a time, by filter (ms): kind p50 p95")
    for kind, (p50, p95) in alone.items():
        print(f"  {kind:<24} {p50:7.1f} {p95:7.1f}")


if __name__ == "__main__":
    main()
