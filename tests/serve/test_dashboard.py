"""The dashboard in a real browser: Playwright drives Debian's Chromium over a small store.

Screenshots go to $TIDINGS_SCREENSHOTS (default: the test's temporary folder). Without
/usr/bin/chromium the tests skip, unless TIDINGS_REQUIRE_BROWSER is set (CI sets it), where a
missing browser is a failure.
"""

import json
import os
import re
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
import uvicorn
from click.testing import CliRunner

from tidings.cli import main
from tidings.model import (
    Article,
    Attribution,
    AttributionKind,
    Event,
    Evidence,
    Quote,
    QuoteKind,
    Report,
)
from tidings.serve import create_app
from tidings.store import content_hash, open_store

EXAMPLES = Path(__file__).parents[2] / "examples"
STATIC = Path(__file__).parents[2] / "src" / "tidings" / "serve" / "static"
CHROMIUM = Path("/usr/bin/chromium")
# Chromium flags for a closed network: no background calls home, no sandbox as root.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOSTILE = (
    '<script>window.__pwned = 1;</script><img src=x onerror="window.__pwned = 2">\n'
    "Russia attacked Kyiv with drones on Monday, killing three people, officials said. "
    '"We will respond <b onmouseover=\\"window.__pwned = 3\\">firmly</b>," Ukrainian President '
    "Volodymyr Zelensky said.\n"
)


def test_the_dashboard_script_never_writes_markup():
    script = (STATIC / "dashboard.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/dashboard.js" defer>']
    assert "http" not in html  # no CDN: every asset comes from the package


def _browser_or_skip():
    if not CHROMIUM.exists():
        if os.environ.get("TIDINGS_REQUIRE_BROWSER"):
            pytest.fail("TIDINGS_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("no /usr/bin/chromium (bash .ci/chromium.sh installs it)")
    return pytest.importorskip("playwright.sync_api")


@contextmanager
def serving(db):
    """The app over the store at `db` on a free loopback port, for the block; yields its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="error")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@contextmanager
def browser_tab():
    """A headless Chromium page with a fresh profile; `page.errors` collects script errors."""
    sync_api = _browser_or_skip()
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000},
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        yield page
        context.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dashboard")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "store.duckdb"
    sources = [str(EXAMPLES), str(folder / "hostile.txt")]
    result = CliRunner().invoke(main, ["ingest", *sources, "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser_page(server):
    with browser_tab() as page:
        yield page


def _ready(page):
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)


def test_first_view_draws_every_view(server, browser_page, shots):
    page = browser_page
    page.goto(server + "/")
    _ready(page)
    assert page.locator("#timeline svg .bin").count() > 0
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map path.country[data-code=COD]").get_attribute("fill") != "#eceff3"
    assert page.locator("#network .node").count() > 3
    assert page.locator("#events tbody tr").count() == 25
    assert page.locator("#quotes li q").count() > 0
    assert page.locator("#types .bar").count() >= 5
    assert page.locator("#actors .bar").count() == 15
    assert "events match" in page.locator("#summary").inner_text()
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    assert (shots / "dashboard.png").stat().st_size > 10_000
    assert page.errors == []


def test_filters_drive_the_views_and_live_in_the_url(server, browser_page, shots):
    page = browser_page
    page.goto(server + "/")
    _ready(page)
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.fill("#filters input[name=country]", "SDN")
    page.click("#filters button[type=submit]")
    _ready(page)
    assert "type=ASSAULT" in page.url and "country=SDN" in page.url
    rows = page.locator("#events tbody tr")
    assert rows.count() > 0
    assert set(page.locator("#events tbody td:nth-child(2)").all_inner_texts()) == {"ASSAULT"}
    page.screenshot(path=str(shots / "dashboard-filtered.png"), full_page=True)
    # The URL alone restores the view: a shared link shows the same rows.
    shared = page.url
    expected = page.locator("#events tbody tr").count()
    page.goto(server + "/")
    _ready(page)
    page.goto(shared)
    _ready(page)
    assert page.locator("#filters select[name=type]").input_value() == "ASSAULT"
    assert page.locator("#events tbody tr").count() == expected
    # Clicking a country on the map filters every view to it.
    page.click("#clear")
    _ready(page)
    page.locator("#map path.country[data-code=COD]").dispatch_event("click")
    _ready(page)
    assert "country=COD" in page.url
    assert page.locator("#filters input[name=country]").input_value() == "COD"
    # So does an actor of the network, and a bar of the type list.
    page.locator("#network .node[data-actor=RWAGOV]").dispatch_event("click")
    _ready(page)
    assert "actor=RWAGOV" in page.url
    page.locator("#types .bar").first.dispatch_event("click")
    _ready(page)
    chosen = page.locator("#filters select[name=type]").input_value()
    assert chosen and f"type={chosen}" in page.url
    types = set(page.locator("#events tbody td:nth-child(2)").all_inner_texts())
    assert types == {chosen}
    assert page.errors == []


def test_a_row_opens_its_evidence_in_the_article(server, browser_page, shots):
    page = browser_page
    page.goto(server + "/?type=CONSULT")
    _ready(page)
    row = page.locator("#events tbody tr").first
    evidence = row.locator("td.evidence .sentence").inner_text().rstrip("…")
    row.click()
    page.wait_for_selector("#reader:not([hidden]) .mark-evidence")
    highlighted = " ".join(page.locator("#reader-text .mark-evidence").all_inner_texts())
    assert highlighted.replace(" ", "").startswith(evidence.replace(" ", "")[:60])
    assert page.locator("#reader-text .mark-trigger").count() >= 1
    assert page.locator("#reader-text .mark-actor").count() >= 1
    assert "CONSULT" in page.locator("#reader-event").inner_text()
    assert "open=" in page.url and "focus=" in page.url
    page.screenshot(path=str(shots / "dashboard-evidence.png"))
    assert page.errors == []


def test_article_markup_is_shown_as_text_and_never_runs(server, browser_page, shots):
    page = browser_page
    page.goto(server + "/?open=hostile&focus=e1")
    page.wait_for_selector("#reader:not([hidden])")
    _ready(page)
    text = page.locator("#reader-text").inner_text()
    assert "<script>window.__pwned = 1;</script>" in text and "<img src=x" in text
    page.locator("#reader-text").hover()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#reader-text script, #reader-text img, #reader-text b").count() == 0
    assert page.locator("script").count() == 1
    page.screenshot(path=str(shots / "dashboard-hostile.png"))
    assert page.errors == []


def test_the_quote_panel_follows_the_event_filters(server, browser_page, shots):
    page = browser_page
    everyone = _quote_texts(server, {})
    for filters in (
        {"type": "ASSAULT"},
        {"actor": "RWA"},
        {"country": "SDN", "modality": "asserted"},
    ):
        page.goto(f"{server}/?{urlencode(filters)}")
        _ready(page)
        shown = page.locator("#quotes li q").all_inner_texts()
        assert shown and set(shown) == _quote_texts(server, filters) != everyone, filters
        speakers = page.locator("#speakers li .count").all_inner_texts()
        assert sum(int(count) for count in speakers) == len(shown), filters
    page.screenshot(path=str(shots / "dashboard-quotes-filtered.png"), full_page=True)
    assert page.errors == []


def _quote_texts(server, filters):
    query = urlencode({**filters, "limit": 40})
    with urlopen(f"{server}/api/quotes?{query}") as response:
        return {quote["text"] for quote in json.load(response)["items"]}


def _api(server, path, params):
    with urlopen(f"{server}/api/{path}?{urlencode(params)}") as response:
        return json.load(response)


def test_an_attributed_event_shows_who_says_it_happened(server, browser_page, shots):
    page = browser_page
    events = _api(server, "events", {"limit": 500})["items"]
    event = next(e for e in events if e["according_to"] and e["according_to"]["cue"] == "said")
    source = event["according_to"]["source"]
    local = event["id"][len(event["article_id"]) + 1 :]
    page.goto(f"{server}/?{urlencode({'open': event['article_id'], 'focus': local})}")
    page.wait_for_selector("#reader:not([hidden]) .mark-statement")
    assert f"according to {source} (said)" in page.locator("#reader-event").inner_text()
    statement = " ".join(page.locator("#reader-text .mark-statement").all_inner_texts())
    assert event["trigger"] in statement
    page.screenshot(path=str(shots / "dashboard-attribution.png"))
    # The events table says it under the evidence too.
    page.goto(f"{server}/?{urlencode({'type': event['type'], 'text': event['trigger']})}")
    _ready(page)
    according = page.locator("#events td.evidence .according").first.inner_text()
    assert f"according to {source}" in according
    assert page.errors == []


def test_a_quote_opens_the_events_it_states(server, browser_page):
    page = browser_page
    quotes = _api(server, "quotes", {"limit": 40})["items"]
    stating = next(q for q in quotes if q["events"])
    page.goto(server + "/")
    _ready(page)
    item = page.locator("#quotes li", has_text=stating["text"][:40]).first
    event = stating["events"][0]
    item.locator(f"button[data-event={event['id']}]").click()
    page.wait_for_selector("#reader:not([hidden]) .mark-trigger")
    assert event["type"] in page.locator("#reader-event").inner_text()
    assert f"focus={event['id']}" in page.url
    assert page.errors == []


HOSTILE_SOURCE = '<img src=x onerror="window.__pwned = 5">officials'


def hostile_attribution_report():
    """An article whose attributed statement names its source in markup, by hand."""
    text = "Rebels attacked the town on Monday, officials said."
    article = Article("hostile-source", text, title="<b>Attack</b>")
    event = Event(
        id="e1", type="ASSAULT", trigger="attacked", trigger_start=7, trigger_end=15,
        evidence=Evidence(text, 0, len(text)), attribution=0,
    )  # fmt: skip
    statement = Attribution(
        AttributionKind.INDIRECT, text[:34], ((0, 34),), source_text=HOSTILE_SOURCE,
        source_span=(36, 45), cue='said"><script>window.__pwned = 6</script>', cue_span=(46, 50),
    )  # fmt: skip
    quote = Quote(text[:34], 0, 34, QuoteKind.INDIRECT, None, "said")
    return Report(article, events=[event], quotes=[quote], attributions=[statement])


def test_an_attribution_in_markup_is_shown_as_text(browser_page, tmp_path, shots):
    db = tmp_path / "hostile.duckdb"
    report = hostile_attribution_report()
    with open_store(str(db)) as store:
        store.ingest(report, content_hash=content_hash(report.article))
    page = browser_page
    with serving(db) as url:
        page.goto(url + "/?open=hostile-source&focus=e1")
        page.wait_for_selector("#reader:not([hidden]) .mark-statement")
        _ready(page)
        stated = page.locator("#reader-event").inner_text()
        assert f"according to {HOSTILE_SOURCE}" in stated and "<script>" in stated
        assert (
            page.locator("#events td.evidence .according")
            .inner_text()
            .startswith(f"according to {HOSTILE_SOURCE}")
        )
        page.locator("#reader-text .mark-statement").first.hover()
        assert page.evaluate("window.__pwned") is None
        injected = page.locator("#reader img, #events img, #quotes img, #reader-event script")
        assert injected.count() == 0
        page.screenshot(path=str(shots / "dashboard-hostile-attribution.png"))
        assert page.errors == []
