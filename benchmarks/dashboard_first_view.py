"""How long the dashboard's first view takes to render on a generated store, in headless
Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Each load uses a new browser profile (nothing cached) and counts from navigation start until
every view (timeline, map, network, events table, quotes) has drawn: the page marks that moment
in `body[data-ready-at]`. Needs Chromium: `bash benchmarks/setup.sh`.

    python benchmarks/dashboard_first_view.py --events 100000 --loads 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from serve_load import serving  # noqa: E402
from synthetic_store import build  # noqa: E402

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
VIEWS = {"first view": "/", "filtered (country=UKR, type=ASSAULT)": "/?country=UKR&type=ASSAULT"}


def first_view_ms(playwright, url: str) -> tuple[float, float]:
    """(ms from navigation start to every view drawn, ms the script spent fetching and
    drawing) for one cold load of `url`."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000},
        )
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        ready_at = float(page.evaluate("document.body.dataset.readyAt"))
        rendering = float(page.evaluate("document.body.dataset.renderMs"))
        context.close()
    return ready_at, rendering


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=None, help="reuse a generated store")
    parser.add_argument(
        "--db", default=None, help="serve this store as it is (a PostgreSQL URL, say)"
    )
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--port", type=int, default=8795)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store = options.store or Path(tempfile.mkdtemp(prefix="tidings-dash-")) / "store.duckdb"
    if options.db is None and not store.exists():
        build(store, options.events)
    with serving(options.db or store, options.port) as url, sync_playwright() as playwright:
        first_view_ms(playwright, url + "/")  # warm the store's caches, not the browser's
        for name, path in VIEWS.items():
            loads = [first_view_ms(playwright, url + path) for _ in range(options.loads)]
            ready = sorted(load[0] for load in loads)
            drawing = statistics.median(load[1] for load in loads)
            print(
                f"{name}: ready {statistics.median(ready):.0f} ms median, {ready[-1]:.0f} ms "
                f"worst of {options.loads} cold loads (fetch and draw {drawing:.0f} ms)"
            )


if __name__ == "__main__":
    main()
