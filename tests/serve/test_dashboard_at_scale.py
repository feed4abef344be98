"""The dashboard stays legible on a large store: 100,000 generated events (the serving
benchmark's store, ~30 busy actors), measured in headless Chromium and saved as screenshots.

Skips without Chromium as tests/serve/test_dashboard.py does.
"""

import sys
from itertools import combinations
from pathlib import Path

import duckdb
import pytest
from test_dashboard import browser_tab, serving

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from synthetic_store import build  # noqa: E402

EVENTS = 100_000
OVERLAP_PX2 = 4  # label boxes may touch: anti-aliasing and font metrics round by a pixel
HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">"Front"'
LONG_NAMES = {
    "USAGOV": "International Atomic Energy Agency",
    "JPNGOV": "Organisation for Security and Co-operation in Europe",
    "FRAGOV": HOSTILE_NAME,  # names are untrusted text
}
# The first view, and filtered ones whose layouts put long names at the edge.
NETWORK_VIEWS = ("/", "/?actor=vogel", "/?country=UKR")
VIEWS = ("timeline-view", "map-view", "network-view", "actors-view")


class Dashboard:
    """The dashboard open in a browser tab, on one view at a time."""

    def __init__(self, url, tab, shots):
        self.url, self.tab, self.shots, self.path = url, tab, shots, None

    def show(self, path):
        """The tab showing `path` (loaded once), each view saved as a screenshot."""
        if path != self.path:
            self.tab.goto(self.url + path)
            self.tab.wait_for_selector("body[data-ready=true]", timeout=60_000)
            self.path = path
            name = "scale" + "".join(c if c.isalnum() else "-" for c in path.strip("/?"))
            self.tab.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)
            for view in VIEWS:
                shot = self.shots / f"{name}-{view}.png"
                self.tab.locator(f"#{view}").screenshot(path=str(shot))
        return self.tab


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory, shots):
    db = tmp_path_factory.mktemp("scale") / "store.duckdb"
    build(db, EVENTS)
    name_without_country(db)
    with serving(db) as url, browser_tab() as tab:
        yield Dashboard(url, tab, shots)
        assert tab.errors == []


@pytest.fixture
def page(dashboard):
    return dashboard.show("/")


@pytest.fixture(scope="module", params=NETWORK_VIEWS)
def network_view(dashboard, request):
    """The dashboard on each of NETWORK_VIEWS (module-scoped: each is loaded once)."""
    return dashboard.show(request.param)


def name_without_country(db):
    """Busy actors shown by long names, as the network and the actor list show actors
    without a country (international bodies): the generated store labels every actor by a
    six-letter code, and long labels are the ones that crowd and clip. One name is markup."""
    connection = duckdb.connect(str(db))
    for code, name in LONG_NAMES.items():
        connection.execute(
            "UPDATE events SET dyads = replace(dyads, ?, ?), "
            "actor_roles = replace(actor_roles, ?, ?)",
            [code, name, code, name],
        )
    connection.close()


def boxes(page, selector):
    """The client rectangles of the elements `selector` finds that are displayed."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter((node) => getComputedStyle(node).display !== "none")
            .map((node) => { const r = node.getBoundingClientRect();
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })""",
        selector,
    )


def inside(box, frame, slack=0.5):
    return (
        box["left"] >= frame["left"] - slack
        and box["top"] >= frame["top"] - slack
        and box["right"] <= frame["right"] + slack
        and box["bottom"] <= frame["bottom"] + slack
    )


def overlap(a, b):
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0) * max(height, 0)


def test_the_network_keeps_nodes_and_labels_inside_its_frame(network_view):
    page = network_view
    frame = boxes(page, "#network svg")[0]
    circles = boxes(page, "#network .node circle")
    labels = boxes(page, "#network .node text")
    assert len(circles) >= 20
    assert all(inside(circle, frame) for circle in circles)
    assert all(inside(label, frame) for label in labels)


def test_the_network_labels_do_not_overlap(network_view):
    page = network_view
    labels = boxes(page, "#network .node text")
    nodes = page.locator("#network .node").count()
    assert len(labels) >= 0.8 * nodes  # most actors keep a visible name
    clashes = [(a, b) for a, b in combinations(labels, 2) if overlap(a, b) > OVERLAP_PX2]
    assert clashes == []


def test_the_network_labels_stay_off_other_nodes(network_view):
    page = network_view
    circles = boxes(page, "#network .node circle")
    labels = boxes(page, "#network .node text")
    covered = sum(1 for label in labels for circle in circles if overlap(label, circle) > 4)
    assert covered <= len(labels) // 10


def test_the_network_arrowheads_are_small_and_end_at_the_target(network_view):
    page = network_view
    markers = page.evaluate(
        """() => [...document.querySelectorAll("#network marker")].map((m) => ({
            units: m.getAttribute("markerUnits"), width: +m.getAttribute("markerWidth"),
            height: +m.getAttribute("markerHeight")}))"""
    )
    assert markers and all(m["units"] == "userSpaceOnUse" for m in markers)
    assert all(m["width"] <= 10 and m["height"] <= 10 for m in markers)
    # Each arrowhead's tip touches the rim of its target's circle, never covering it.
    gaps = page.evaluate(
        """() => [...document.querySelectorAll("#network .edge")].map((edge) => {
            const target = document.querySelector(
                `#network .node[data-actor="${CSS.escape(edge.dataset.target)}"]`);
            const centre = target.transform.baseVal.consolidate().matrix;
            const radius = +target.querySelector("circle").getAttribute("r");
            const marker = document.querySelector(
                edge.getAttribute("marker-end").slice(4, -1));
            const reach = +marker.getAttribute("markerWidth")
                * (10 - +marker.getAttribute("refX")) / 10;
            const end = edge.getPointAtLength(edge.getTotalLength());
            return Math.hypot(end.x - centre.e, end.y - centre.f) - reach - radius; })"""
    )
    assert len(gaps) >= 20
    assert all(-0.5 <= gap <= 3 for gap in gaps)


def test_the_network_says_what_colours_and_arrows_mean(page):
    legend = page.locator("#network-legend li").all_inner_texts()
    assert any("cooperation" in item for item in legend)
    assert any("conflict" in item for item in legend)
    assert any("source" in item and "target" in item for item in legend)


def test_the_actor_bars_have_a_legend_for_source_and_target(page):
    legend = page.locator("#actors-legend li")
    assert legend.all_inner_texts() == ["as source", "as target"]
    swatches = [legend.nth(i).locator(".swatch") for i in range(2)]
    colours = [s.evaluate("(node) => getComputedStyle(node).backgroundColor") for s in swatches]
    fills = (
        page.locator("#actors .bar")
        .first.locator("rect")
        .evaluate_all("(rects) => rects.map((rect) => getComputedStyle(rect).fill)")
    )
    assert fills == colours


def test_the_map_has_a_legend_for_shades_and_dots(page):
    steps = page.locator("#map-legend .step")
    assert steps.count() >= 4
    values = [int(text.replace(",", "")) for text in steps.all_inner_texts()[1:]]
    assert values == sorted(values) and values[-1] > 1000
    shades = steps.locator(".swatch").evaluate_all(
        "(nodes) => nodes.map((node) => getComputedStyle(node).backgroundColor)"
    )
    assert len(set(shades)) == steps.count()
    assert page.locator("#map-legend .dots").count() == 1


def test_the_timeline_axes_have_readable_ticks(page):
    counts = [
        int(text.replace(",", ""))
        for text in page.locator("#timeline .tick.count").all_text_contents()
    ]
    assert len(counts) >= 3 and counts[0] == 0 and counts == sorted(counts)
    assert len({b - a for a, b in zip(counts, counts[1:], strict=False)}) == 1  # evenly spaced
    scores = page.locator("#timeline .tick.score").all_text_contents()
    assert len(scores) >= 3 and "0" in scores
    dates = page.locator("#timeline .tick.date").all_text_contents()
    assert len(dates) >= 3
    labels = boxes(page, "#timeline .tick")
    assert all(overlap(a, b) == 0 for a, b in combinations(labels, 2))


def test_the_bar_names_fit_their_frame(page):
    for chart in ("#actors", "#types"):
        frame = boxes(page, f"{chart} svg")[0]
        names = boxes(page, f"{chart} .bar text")
        assert names and all(inside(name, frame) for name in names), chart


def test_a_name_made_of_markup_is_shown_as_text(page):
    shown = page.locator("#network .node, #actors .bar").evaluate_all(
        "(nodes) => nodes.map((node) => node.dataset.actor || node.dataset.label)"
    )
    assert HOSTILE_NAME in shown
    assert page.locator("#network img, #actors img").count() == 0
    assert page.evaluate("window.__pwned") is None
