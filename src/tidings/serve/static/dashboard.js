// The tidings dashboard: every view reads the same filters, which live in the URL.
// Article text and every stored value are untrusted: they enter the page only as text nodes
// and attribute values, never as markup (no innerHTML anywhere in this file).
"use strict";

const FILTERS = ["actor", "country", "type", "modality", "quad_class", "since", "until", "place", "text"];
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOURS = { 1: "#74add1", 2: "#1a9850", 3: "#fdae61", 4: "#d73027" };
const ROLE_COLOURS = { source: "#08519c", target: "#9ecae1" };
const PAGE_SIZE = 25;
const BAR_LABEL = 26;  // characters of a bar's name that fit its 184 units at 12px; the tooltip has it all
const SVG_NS = "http://www.w3.org/2000/svg";
const MARK_NAMES = { evidence: "evidence sentence", trigger: "event trigger", statement: "attributed statement", source: "stated by", actor: "actor", quote: "quote", citation: "cited source", time: "time", quantity: "quantity" };

const state = { filters: {}, offset: 0, speaker: "", open: "", focus: "" };
let worldShapes = null;

// ---- DOM helpers: text is always set as text ----

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  return fill(node, attributes, children);
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  return fill(node, attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function swatch(colour) {
  // Through the style object, which the Content-Security-Policy allows (a style attribute it
  // would block).
  const node = el("span", { class: "swatch" });
  node.style.backgroundColor = colour;
  return node;
}

function tooltip(text) {
  return svg("title", {}, text);
}

// ---- URL state ----

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  state.filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) state.filters[name] = value;
  }
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  state.speaker = params.get("speaker") || "";
  state.open = params.get("open") || "";
  state.focus = params.get("focus") || "";
}

function writeUrl(push) {
  const params = new URLSearchParams(state.filters);
  if (state.offset) params.set("offset", state.offset);
  if (state.speaker) params.set("speaker", state.speaker);
  if (state.open) params.set("open", state.open);
  if (state.focus) params.set("focus", state.focus);
  const url = params.toString() ? `?${params}` : window.location.pathname;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

function setFilters(changes) {
  for (const [name, value] of Object.entries(changes)) {
    if (value) state.filters[name] = String(value);
    else delete state.filters[name];
  }
  state.offset = 0;
  writeUrl(true);
  syncForm();
  return refresh();
}

// ---- API ----

async function api(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`/api/${path}${query ? `?${query}` : ""}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

// ---- filters form ----

async function setUpForm() {
  const vocabulary = await api("vocabulary");
  const form = document.getElementById("filters");
  for (const entry of vocabulary.types) {
    form.elements.type.append(el("option", { value: entry.type, title: entry.description }, entry.type));
  }
  for (const modality of vocabulary.modalities) {
    form.elements.modality.append(el("option", { value: modality }, modality));
  }
  for (const entry of vocabulary.quad_classes) {
    form.elements.quad_class.append(el("option", { value: entry.quad_class }, `${entry.quad_class} ${entry.name}`));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = {};
    for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
    setFilters(changes);
  });
  document.getElementById("clear").addEventListener("click", () => {
    const changes = {};
    for (const name of FILTERS) changes[name] = "";
    state.speaker = "";
    setFilters(changes);
  });
  syncForm();
}

function syncForm() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = state.filters[name] || "";
}

// ---- timeline ----

function bins(items) {
  const days = items.map((item) => item.day).sort();
  if (!days.length) return { keys: [], byKey: new Map(), monthly: false };
  const first = new Date(`${days[0]}T00:00:00Z`);
  const last = new Date(`${days[days.length - 1]}T00:00:00Z`);
  const monthly = (last - first) / 86400000 > 180;
  const keys = [];
  const cursor = new Date(first);
  if (monthly) cursor.setUTCDate(1);
  while (cursor <= last) {
    keys.push(cursor.toISOString().slice(0, monthly ? 7 : 10));
    if (monthly) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    else cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  const byKey = new Map(keys.map((key) => [key, { counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, goldstein: 0 }]));
  for (const item of items) {
    const bin = byKey.get(item.day.slice(0, monthly ? 7 : 10));
    if (!bin) continue;
    bin.counts[item.quad_class] = (bin.counts[item.quad_class] || 0) + item.events;
    bin.total += item.events;
    bin.goldstein += (item.goldstein || 0) * item.events;
  }
  return { keys, byKey, monthly };
}

function binRange(key, monthly) {
  if (!monthly) return [key, key];
  const [year, month] = key.split("-").map(Number);
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return [`${key}-01`, end];
}

const TIMELINE = { width: 1000, height: 230, left: 48, right: 36, top: 20, bottom: 30, counts: 4, dates: 8 };
const GOLDSTEIN_TICKS = [-10, -5, 0, 5, 10];

function niceStep(maximum, ticks) {
  // A step of 1, 2 or 5 times a power of ten that covers `maximum` in about `ticks` steps.
  const raw = maximum / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw));
}

function countAxis(chart, maximum) {
  // Gridlines and labels at round counts; returns the count at the top of the plot.
  const { width, left, right, top, counts } = TIMELINE;
  const plot = TIMELINE.height - top - TIMELINE.bottom;
  const step = niceStep(maximum, counts);
  const ceiling = Math.ceil(maximum / step) * step;
  for (let value = 0; value <= ceiling; value += step) {
    const y = top + plot - (value / ceiling) * plot;
    chart.append(svg("line", { x1: left, x2: width - right, y1: y, y2: y, class: value ? "grid" : "axis" }));
    chart.append(svg("text", { x: left - 6, y: y + 4, class: "tick count", "text-anchor": "end" }, value.toLocaleString("en")));
  }
  chart.append(svg("text", { x: 4, y: 10, class: "caption" }, "events"));
  return ceiling;
}

function goldsteinAxis(chart) {
  const { width, right, top } = TIMELINE;
  const plot = TIMELINE.height - top - TIMELINE.bottom;
  for (const score of GOLDSTEIN_TICKS) {
    const y = top + plot / 2 - (score / 10) * (plot / 2);
    chart.append(svg("line", { x1: width - right, x2: width - right + 4, y1: y, y2: y, class: "axis" }));
    chart.append(svg("text", { x: width - right + 6, y: y + 4, class: "tick score" }, score > 0 ? `+${score}` : score));
  }
  chart.append(svg("text", { x: width - 4, y: 10, class: "caption", "text-anchor": "end" }, "mean Goldstein"));
}

function dateAxis(chart, keys, step) {
  const { left, dates, height, bottom } = TIMELINE;
  const labels = Math.min(keys.length, dates);
  for (let i = 0; i < labels; i += 1) {
    const index = Math.round((i * (keys.length - 1)) / Math.max(labels - 1, 1));
    const x = left + index * step + step / 2;
    chart.append(svg("line", { x1: x, x2: x, y1: height - bottom, y2: height - bottom + 4, class: "axis" }));
    chart.append(svg("text", { x, y: height - 10, class: "tick date", "text-anchor": "middle" }, keys[index]));
  }
}

function drawBin(key, bin, x, step, ceiling, monthly) {
  const { top } = TIMELINE;
  const plot = TIMELINE.height - top - TIMELINE.bottom;
  const group = svg("g", { class: "bin", "data-key": key });
  let y = top + plot;
  for (const quad of [1, 2, 3, 4]) {
    const size = (bin.counts[quad] / ceiling) * plot;
    if (size > 0) {
      y -= size;
      group.append(svg("rect", { x: x + step * 0.1, y, width: Math.max(step * 0.8, 1), height: size, fill: QUAD_COLOURS[quad] }));
    }
  }
  group.append(svg("rect", { x, y: top, width: step, height: plot, class: "hit" }));
  const parts = [1, 2, 3, 4].filter((quad) => bin.counts[quad]).map((quad) => `${QUAD_NAMES[quad]} ${bin.counts[quad]}`);
  const mean = bin.total ? bin.goldstein / bin.total : null;
  group.append(tooltip(`${key}: ${bin.total} events${parts.length ? ` (${parts.join(", ")})` : ""}${mean === null ? "" : `; mean Goldstein ${mean.toFixed(1)}`}`));
  group.addEventListener("click", () => {
    const [since, until] = binRange(key, monthly);
    setFilters({ since, until });
  });
  return group;
}

function goldsteinLine(chart, keys, byKey, step) {
  // The line breaks where a bin has no events.
  const { left, top, width, right } = TIMELINE;
  const plot = TIMELINE.height - top - TIMELINE.bottom;
  chart.append(svg("line", { x1: left, x2: width - right, y1: top + plot / 2, y2: top + plot / 2, class: "zero" }));
  const segments = [[]];
  keys.forEach((key, index) => {
    const bin = byKey.get(key);
    if (!bin.total) segments.push([]);
    else segments[segments.length - 1].push(`${left + index * step + step / 2},${top + plot / 2 - (bin.goldstein / bin.total / 10) * (plot / 2)}`);
  });
  for (const points of segments) {
    if (points.length > 1) chart.append(svg("polyline", { points: points.join(" "), class: "goldstein" }));
    if (points.length === 1) {
      const [cx, cy] = points[0].split(",");
      chart.append(svg("circle", { cx, cy, r: 2.5, class: "goldstein-point" }));
    }
  }
}

function drawTimeline(items) {
  const holder = clear(document.getElementById("timeline"));
  const { keys, byKey, monthly } = bins(items);
  if (!keys.length) {
    holder.append(el("p", { class: "empty" }, "No dated events match."));
    return;
  }
  const { width, height, left, right } = TIMELINE;
  const step = (width - left - right) / keys.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Events over time" });
  const ceiling = countAxis(chart, Math.max(1, ...keys.map((key) => byKey.get(key).total)));
  goldsteinAxis(chart);
  keys.forEach((key, index) => chart.append(drawBin(key, byKey.get(key), left + index * step, step, ceiling, monthly)));
  goldsteinLine(chart, keys, byKey, step);
  dateAxis(chart, keys, step);
  holder.append(chart);
}

function drawLegend() {
  const legend = clear(document.getElementById("legend"));
  for (const quad of [1, 2, 3, 4]) {
    legend.append(el("li", {}, el("span", { class: "swatch", style: null, "data-quad": quad }), QUAD_NAMES[quad]));
  }
  legend.append(el("li", {}, el("span", { class: "swatch line" }), "mean Goldstein (-10 to +10)"));
}

// ---- map ----

async function loadWorld() {
  if (!worldShapes) {
    const response = await fetch("/static/world.json");
    worldShapes = await response.json();
  }
  return worldShapes;
}

function shade(count, maximum) {
  if (!count) return "#eceff3";
  const share = Math.log(count + 1) / Math.log(maximum + 1);
  const light = [222, 235, 247], dark = [8, 69, 148];
  const mix = light.map((value, i) => Math.round(value + (dark[i] - value) * share));
  return `rgb(${mix.join(",")})`;
}

function roundNicely(value) {
  if (value < 10) return Math.max(1, Math.round(value));
  const power = 10 ** Math.floor(Math.log10(value));
  return Math.round(value / power) * power;
}

function shadeSteps(maximum) {
  // Counts spaced evenly on the shading's log scale, rounded, ending at the busiest country.
  const steps = [0];
  for (let i = 1; i <= 4; i += 1) {
    const value = i === 4 ? maximum : roundNicely(Math.exp((i / 4) * Math.log(maximum + 1)) - 1);
    if (value > steps[steps.length - 1]) steps.push(value);
  }
  return steps;
}

function drawMapLegend(maximum, busiest) {
  const legend = clear(document.getElementById("map-legend"));
  legend.append(el("li", {}, "events by country of place:"));
  for (const value of shadeSteps(maximum)) {
    legend.append(el("li", { class: "step" }, swatch(shade(value, maximum)), value.toLocaleString("en")));
  }
  const dot = svg("svg", { viewBox: "0 0 12 12", width: 12, height: 12 }, svg("circle", { cx: 6, cy: 6, r: 5, class: "place" }));
  legend.append(el("li", { class: "dots" }, dot, ` busiest places, larger for more events (up to ${busiest.toLocaleString("en")})`));
}

async function drawMap(placeCounts) {
  const world = await loadWorld();
  const holder = clear(document.getElementById("map"));
  const counts = new Map(placeCounts.countries.map((row) => [row.country, row.events]));
  const maximum = Math.max(1, ...counts.values());
  const chart = svg("svg", { viewBox: "0 8 360 150", role: "img", "aria-label": "Events by country" });
  for (const country of world.countries) {
    const count = counts.get(country.code) || 0;
    const shape = svg("path", { d: country.path, fill: shade(count, maximum), class: "country", "data-code": country.code });
    shape.append(tooltip(`${country.name} (${country.code}): ${count} events`));
    shape.addEventListener("click", () => setFilters({ country: country.code }));
    chart.append(shape);
  }
  const busiest = Math.max(1, ...placeCounts.places.map((place) => place.events));
  for (const place of placeCounts.places) {
    const dot = svg("circle", { cx: place.lon + 180, cy: 90 - place.lat, r: 0.8 + 2.4 * Math.sqrt(place.events / busiest), class: "place" });
    dot.append(tooltip(`${place.name || "?"}${place.country ? ` (${place.country})` : ""}: ${place.events} events`));
    chart.append(dot);
  }
  holder.append(chart);
  drawMapLegend(maximum, busiest);
}

// ---- actor network ----

// Arrowheads are drawn in the chart's units, not the stroke's: a heavy edge keeps a small head.
const NETWORK = { width: 600, height: 380, arrow: 7, arrowBase: 2, gap: 1.5, labelGap: 2, name: 24 };
const TONE_COLOURS = { cooperation: "#1a9850", conflict: "#d73027", neutral: "#888" };

function layout(nodes, edges, width, height) {
  // A deterministic force layout: the same data always draws the same picture. Each circle
  // stays whole inside the frame, with room at the sides for a name.
  const count = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / count;
    node.x = width / 2 + (width / 3) * Math.cos(angle);
    node.y = height / 2 + (height / 3) * Math.sin(angle);
  });
  const k = Math.sqrt((width * height) / Math.max(count, 1)) * 0.8;
  for (let round = 0; round < 300; round += 1) {
    const heat = (width / 10) * (1 - round / 300) + 0.5;
    for (const node of nodes) { node.dx = 0; node.dy = 0; }
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01;
        const distance = Math.max(Math.hypot(dx, dy), 0.01);
        const push = (k * k) / distance;
        a.dx += (dx / distance) * push; a.dy += (dy / distance) * push;
        b.dx -= (dx / distance) * push; b.dy -= (dy / distance) * push;
      }
    }
    for (const edge of edges) {
      const dx = edge.from.x - edge.to.x, dy = edge.from.y - edge.to.y;
      const distance = Math.max(Math.hypot(dx, dy), 0.01);
      const pull = (distance * distance) / k;
      edge.from.dx -= (dx / distance) * pull; edge.from.dy -= (dy / distance) * pull;
      edge.to.dx += (dx / distance) * pull; edge.to.dy += (dy / distance) * pull;
    }
    for (const node of nodes) {
      node.dx += (width / 2 - node.x) * 0.02;
      node.dy += (height / 2 - node.y) * 0.02;
      const moved = Math.max(Math.hypot(node.dx, node.dy), 0.01);
      node.x = Math.min(width - 40 - node.r, Math.max(40 + node.r, node.x + (node.dx / moved) * Math.min(moved, heat)));
      node.y = Math.min(height - 4 - node.r, Math.max(18 + node.r, node.y + (node.dy / moved) * Math.min(moved, heat)));
    }
  }
}

function rim(node, toward, distance) {
  // The point `distance` from the node's centre in the direction of `toward`.
  const dx = toward.x - node.x, dy = toward.y - node.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: node.x + (dx / length) * distance, y: node.y + (dy / length) * distance };
}

function edgePath(edge) {
  // A slight bend to the right of the direction of travel keeps A→B and B→A apart; the path
  // stops short of the target so that the arrowhead's tip touches its circle.
  const { from, to } = edge;
  const dx = to.x - from.x, dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(length * 0.12, 24);
  const control = { x: (from.x + to.x) / 2 - (dy / length) * bend, y: (from.y + to.y) / 2 + (dx / length) * bend };
  const reach = NETWORK.arrow * (10 - NETWORK.arrowBase) / 10;
  const start = rim(from, control, from.r + NETWORK.gap);
  const end = rim(to, control, to.r + NETWORK.gap + reach);
  return `M${start.x.toFixed(1)},${start.y.toFixed(1)}Q${control.x.toFixed(1)},${control.y.toFixed(1)} ${end.x.toFixed(1)},${end.y.toFixed(1)}`;
}

function arrowMarkers() {
  const defs = svg("defs");
  for (const [tone, colour] of Object.entries(TONE_COLOURS)) {
    defs.append(svg("marker", {
      id: `arrow-${tone}`, viewBox: "0 0 10 10", refX: NETWORK.arrowBase, refY: 5, markerUnits: "userSpaceOnUse",
      markerWidth: NETWORK.arrow, markerHeight: NETWORK.arrow, orient: "auto",
    }, svg("path", { d: "M0,0L10,5L0,10Z", fill: colour })));
  }
  return defs;
}

function drawEdge(edge, heaviest) {
  const tone = edge.goldstein > 0 ? "cooperation" : edge.goldstein < 0 ? "conflict" : "neutral";
  const path = svg("path", {
    d: edgePath(edge), class: `edge ${tone}`, "data-source": edge.from.name, "data-target": edge.to.name,
    "stroke-width": (1 + 2.5 * Math.sqrt(edge.events / heaviest)).toFixed(2), "marker-end": `url(#arrow-${tone})`,
  });
  path.append(tooltip(`${edge.from.name} → ${edge.to.name}: ${edge.events} events, mean Goldstein ${(edge.goldstein || 0).toFixed(1)}`));
  return path;
}

function drawNode(node) {
  const group = svg("g", { class: "node", "data-actor": node.name, transform: `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})` });
  group.append(svg("circle", { r: node.r.toFixed(1) }));
  node.label = svg("text", {}, shorten(node.name, NETWORK.name));
  group.append(node.label);
  group.append(tooltip(`${node.name}: ${node.weight} events in these dyads`));
  group.addEventListener("click", () => setFilters({ actor: node.name }));
  return group;
}

function labelSpots(node, width, height, frame) {
  // Where a name may go around its node, in order of preference, each moved inside the frame.
  const { x, y, r } = node, gap = NETWORK.labelGap, corner = r * 0.7;
  const spots = [
    [x - width / 2, y - r - gap - height], [x - width / 2, y + r + gap],
    [x + r + gap + 1, y - height / 2], [x - r - gap - 1 - width, y - height / 2],
    [x + corner, y - corner - height], [x - corner - width, y - corner - height],
    [x + corner, y + corner], [x - corner - width, y + corner],
  ];
  return spots.map(([left, top]) => {
    const l = Math.min(Math.max(left, 1), frame.width - 1 - width);
    const t = Math.min(Math.max(top, 1), frame.height - 1 - height);
    return { left: l, top: t, right: l + width, bottom: t + height };
  });
}

function boxesMeet(a, b, pad = 1) {
  return a.left < b.right + pad && b.left < a.right + pad && a.top < b.bottom + pad && b.top < a.bottom + pad;
}

function placeLabels(nodes, frame) {
  // Greedy, heaviest actor first: each name takes the first spot around its node that meets
  // no placed name and no circle. A name with no free spot is hidden (its node's tooltip and
  // the actor list still name it) rather than drawn over another.
  const circles = nodes.map((n) => ({ left: n.x - n.r, right: n.x + n.r, top: n.y - n.r, bottom: n.y + n.r }));
  const placed = [];
  for (const node of [...nodes].sort((a, b) => b.weight - a.weight)) {
    const measured = node.label.getBBox();
    const spot = labelSpots(node, measured.width, measured.height, frame)
      .find((box) => !placed.some((other) => boxesMeet(box, other)) && !circles.some((c) => boxesMeet(box, c, 0)));
    if (!spot) {
      node.label.setAttribute("display", "none");
      continue;
    }
    node.label.setAttribute("x", (spot.left - node.x - measured.x).toFixed(1));
    node.label.setAttribute("y", (spot.top - node.y - measured.y).toFixed(1));
    placed.push(spot);
  }
}

function networkOf(dyads) {
  const byName = new Map();
  const node = (name) => {
    if (!byName.has(name)) byName.set(name, { name, weight: 0 });
    return byName.get(name);
  };
  const edges = dyads.map((dyad) => {
    const edge = { from: node(dyad.source), to: node(dyad.target), events: dyad.events, goldstein: dyad.goldstein };
    edge.from.weight += dyad.events;
    edge.to.weight += dyad.events;
    return edge;
  });
  const nodes = [...byName.values()];
  const heaviest = Math.max(...nodes.map((n) => n.weight));
  for (const n of nodes) n.r = 4 + 10 * Math.sqrt(n.weight / heaviest);
  return { nodes, edges };
}

function drawNetwork(dyads) {
  const holder = clear(document.getElementById("network"));
  if (!dyads.length) {
    holder.append(el("p", { class: "empty" }, "No actor acts on another in the matching events."));
    return;
  }
  const { width, height } = NETWORK;
  const { nodes, edges } = networkOf(dyads);
  layout(nodes, edges, width, height);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Actor network" });
  chart.append(arrowMarkers());
  const heaviest = Math.max(...edges.map((edge) => edge.events));
  for (const edge of edges) chart.append(drawEdge(edge, heaviest));
  for (const n of nodes) chart.append(drawNode(n));
  holder.append(chart);  // in the page before the names are measured
  placeLabels(nodes, { width, height });
}

// ---- ranked bars: event types and actors ----

function drawBars(holderId, rows, onChoose) {
  // rows: {label, parts: [{value, colour}], note}; one SVG row each, widths by the total.
  const holder = clear(document.getElementById(holderId));
  if (!rows.length) {
    holder.append(el("p", { class: "empty" }, "Nothing matches."));
    return;
  }
  const width = 600, rowHeight = 20, labelWidth = 190, countWidth = 70;
  const maximum = Math.max(1, ...rows.map((row) => row.parts.reduce((sum, part) => sum + part.value, 0)));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, role: "img" });
  rows.forEach((row, index) => {
    const y = index * rowHeight + 2;
    const group = svg("g", { class: "bar", "data-label": row.label });
    group.append(svg("text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end" }, shorten(row.label, BAR_LABEL)));
    let x = labelWidth;
    for (const part of row.parts) {
      const size = (part.value / maximum) * (width - labelWidth - countWidth);
      if (size > 0) group.append(svg("rect", { x, y: y + 3, width: size, height: rowHeight - 6, fill: part.colour }));
      x += size;
    }
    const total = row.parts.reduce((sum, part) => sum + part.value, 0);
    group.append(svg("text", { x: x + 6, y: y + 14, class: "count" }, total));
    group.append(tooltip(row.note));
    group.addEventListener("click", () => onChoose(row.label));
    chart.append(group);
  });
  holder.append(chart);
}

function drawTypes(items) {
  const byType = new Map();
  for (const item of items) {
    const row = byType.get(item.type) || { label: item.type, parts: [], note: "" };
    row.parts.push({ value: item.events, colour: QUAD_COLOURS[item.quad_class] || "#888" });
    row.note = `${item.type}: ${item.events} events, mean Goldstein ${(item.goldstein || 0).toFixed(1)}`;
    byType.set(item.type, row);
  }
  drawBars("types", [...byType.values()], (type) => setFilters({ type }));
}

function drawActorLegend() {
  const legend = clear(document.getElementById("actors-legend"));
  for (const [role, colour] of Object.entries(ROLE_COLOURS)) {
    legend.append(el("li", {}, swatch(colour), `as ${role}`));
  }
}

function drawActors(items) {
  drawBars("actors", items.map((actor) => ({
    label: actor.actor,
    parts: [{ value: actor.as_source, colour: ROLE_COLOURS.source }, { value: actor.as_target, colour: ROLE_COLOURS.target }],
    note: `${actor.actor}: ${actor.events} events, ${actor.as_source} as source, ${actor.as_target} as target${actor.names ? `; named ${actor.names}` : ""}`,
  })), (actor) => setFilters({ actor }));
}

// ---- events table ----

function sideText(side) {
  return side.map((actor) => (actor.code && actor.name ? `${actor.name} (${actor.code})` : actor.code || actor.name || "?")).join("; ");
}

// "../2025-03-14" is an open interval: the text says only that it happened by that day.
function dateLabel(value) {
  return value && value.startsWith("../") ? `by ${value.slice(3)}` : value || "";
}

function shorten(text, size) {
  return text && text.length > size ? `${text.slice(0, size - 1)}…` : text || "";
}

// Who says an event happened: "according to <source> (<cue>)"; a cue that is itself an
// "according to" phrase is not said twice.
function accordingTo(source, cue) {
  const shown = cue && !cue.toLowerCase().startsWith("according to") ? ` (${cue})` : "";
  return `according to ${source || "an unnamed source"}${shown}`;
}

function drawEvents(page, total) {
  const body = clear(document.querySelector("#events tbody"));
  for (const event of page.items) {
    const local = event.id.slice(event.article_id.length + 1);
    const row = el("tr", { tabindex: 0, "data-article": event.article_id, "data-event": local },
      el("td", {}, dateLabel(event.date)),
      el("td", { title: `CAMEO ${event.cameo || "?"}, Goldstein ${event.goldstein ?? "?"}` },
        el("span", { class: "quad", "data-quad": event.quad_class || "" }), event.type),
      el("td", {}, el("span", { class: `modality ${event.modality}` }, event.modality)),
      el("td", {}, sideText(event.sources)),
      el("td", {}, sideText(event.targets)),
      el("td", {}, event.location || ""),
      el("td", { class: "evidence" }, el("span", { class: "sentence" }, shorten(event.evidence, 180)),
        event.according_to ? el("span", { class: "according" }, accordingTo(event.according_to.source, event.according_to.cue)) : null));
    const open = () => openReader(event.article_id, local, true);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (key) => { if (key.key === "Enter") open(); });
    body.append(row);
  }
  if (!page.items.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No events match these filters.")));
  const first = page.items.length ? state.offset + 1 : 0;
  document.getElementById("page").textContent = `${first}–${state.offset + page.items.length} of ${total}`;
  document.getElementById("previous").disabled = state.offset === 0;
  document.getElementById("next").disabled = page.next_offset === null;
}

async function loadEvents() {
  const [page, count] = await Promise.all([
    api("events", { ...state.filters, limit: PAGE_SIZE, offset: state.offset }),
    api("events/count", state.filters),
  ]);
  drawEvents(page, count.events);
  document.getElementById("summary").textContent = `${count.events} events match${describeFilters()}.`;
}

function describeFilters() {
  const parts = Object.entries(state.filters).map(([name, value]) => `${name} ${value}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function turnPage(step) {
  state.offset = Math.max(0, state.offset + step * PAGE_SIZE);
  writeUrl(true);
  return loadEvents();
}

// ---- quotes ----

function quoteFilters() {
  // Every filter applies: dates and words to the quote's article and text, the others keep the
  // quotes that belong to a matching event (in its evidence, or said by one of its sides).
  return { ...state.filters };
}

async function loadQuotes() {
  const [speakers, quotes] = await Promise.all([
    api("quotes/speakers", { ...quoteFilters(), limit: 30 }),
    api("quotes", { ...quoteFilters(), ...(state.speaker ? { speaker: state.speaker } : {}), limit: 40 }),
  ]);
  const list = clear(document.getElementById("speakers"));
  list.append(el("li", { class: state.speaker ? "" : "chosen" },
    el("button", { type: "button", onclick: () => chooseSpeaker("") }, "everyone")));
  for (const speaker of speakers.items) {
    const name = speaker.speaker === "(unattributed)" ? "" : speaker.speaker;
    list.append(el("li", { class: name && name === state.speaker ? "chosen" : "" },
      el("button", { type: "button", disabled: !name, onclick: () => chooseSpeaker(name) }, speaker.speaker),
      el("span", { class: "count" }, ` ${speaker.quotes}`)));
  }
  const holder = clear(document.getElementById("quotes"));
  for (const quote of quotes.items) {
    const article = el("button", { type: "button", class: "link", onclick: () => openReader(quote.article_id, "", true) }, quote.title || quote.article_id);
    // The events the quote states, each opening its evidence: who says it happened.
    const stated = (quote.events || []).map((event) => el("button", { type: "button", class: "link", "data-event": event.id, onclick: () => openReader(quote.article_id, event.id, true) }, event.type));
    holder.append(el("li", { "data-kind": quote.kind },
      el("q", {}, quote.text),
      el("p", { class: "meta" }, `${quote.speaker || "unattributed"}${quote.speaker_code ? ` (${quote.speaker_code})` : ""} · ${quote.kind}${quote.cue ? ` · ${quote.cue}` : ""}${quote.outlet ? ` · ${quote.outlet}` : ""}${quote.published ? ` · ${quote.published}` : ""} · `, article),
      stated.length ? el("p", { class: "meta stated" }, "states: ", ...stated.flatMap((button, i) => (i ? [", ", button] : [button]))) : null));
  }
  if (!quotes.items.length) holder.append(el("li", { class: "empty" }, "No quotes match."));
}

function chooseSpeaker(name) {
  state.speaker = name;
  writeUrl(true);
  return loadQuotes();
}

// ---- article reader ----

// The statement an event is stated in, with its source named: the actor's name, else the
// words that name it.
function statementOf(record, event) {
  const statement = event && Number.isInteger(event.attribution) ? (record.attributions || [])[event.attribution] : null;
  if (!statement) return null;
  const actor = record.actors.find((candidate) => candidate.id === statement.source);
  return { ...statement, sourceName: (actor && actor.name) || statement.source_text };
}

function marksOf(record, focus, statement) {
  const marks = [];
  for (const actor of record.actors) {
    const label = `${actor.name || "?"}${actor.code ? ` (${actor.code})` : ""}`;
    for (const mention of actor.mentions) marks.push({ start: mention.start, end: mention.end, kind: "actor", label });
  }
  for (const quote of record.quotes) marks.push({ start: quote.start, end: quote.end, kind: "quote", label: `${quote.kind} quote` });
  for (const citation of record.citations) marks.push({ start: citation.start, end: citation.end, kind: "citation", label: `cited: ${citation.outlet || citation.kind}` });
  for (const time of record.times) marks.push({ start: time.start, end: time.end, kind: "time", label: time.value || "" });
  for (const quantity of record.quantities) marks.push({ start: quantity.start, end: quantity.end, kind: "quantity", label: `${quantity.value ?? ""} ${quantity.unit || ""}` });
  if (focus) {
    marks.push({ start: focus.evidence.start, end: focus.evidence.end, kind: "evidence", label: `evidence of ${focus.type}` });
    marks.push({ start: focus.trigger.start, end: focus.trigger.end, kind: "trigger", label: `${focus.type} (${focus.modality})` });
  }
  if (statement) {
    const label = accordingTo(statement.sourceName, statement.cue);
    for (const [start, end] of statement.content) marks.push({ start, end, kind: "statement", label });
    if (statement.source_span) marks.push({ start: statement.source_span[0], end: statement.source_span[1], kind: "source", label: `source: ${statement.sourceName || "?"}` });
  }
  return marks.filter((mark) => Number.isInteger(mark.start) && Number.isInteger(mark.end) && mark.end > mark.start);
}

function highlighted(text, marks) {
  // Cut the text at every mark boundary; each piece carries the kinds of all marks over it.
  const cuts = new Set([0, text.length]);
  for (const mark of marks) { cuts.add(Math.min(mark.start, text.length)); cuts.add(Math.min(mark.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const over = marks.filter((mark) => mark.start <= start && mark.end >= end);
    const piece = text.slice(start, end);
    if (!over.length) { pieces.append(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(over.map((mark) => mark.kind))];
    pieces.append(el("span", { class: kinds.map((kind) => `mark-${kind}`).join(" "), title: over.map((mark) => mark.label).join("; ") }, piece));
  }
  return pieces;
}

async function openReader(articleId, focusId, push) {
  state.open = articleId;
  state.focus = focusId || "";
  if (push) writeUrl(true);
  const reader = document.getElementById("reader");
  let record;
  try {
    record = await api(`articles/${encodeURIComponent(articleId)}`);
  } catch (error) {
    document.getElementById("summary").textContent = `Cannot open the article: ${error.message}`;
    return;
  }
  const focus = record.events.find((event) => event.id === state.focus) || null;
  const statement = statementOf(record, focus);
  document.getElementById("reader-title").textContent = record.article.title || record.article.id;
  const meta = clear(document.getElementById("reader-meta"));
  meta.append([record.article.outlet, record.article.published].filter(Boolean).join(" · "));
  if (/^https?:\/\//i.test(record.article.url || "")) {
    meta.append(" · ", el("a", { href: record.article.url, rel: "noopener noreferrer", target: "_blank" }, "original"));
  }
  const legend = clear(document.getElementById("reader-legend"));
  for (const [kind, name] of Object.entries(MARK_NAMES)) legend.append(el("li", {}, el("span", { class: `mark-${kind}` }, name)));
  const details = clear(document.getElementById("reader-event"));
  if (focus) {
    const byId = new Map(record.actors.map((actor) => [actor.id, actor]));
    const names = (ids) => ids.map((id) => byId.get(id)).filter(Boolean).map((a) => `${a.name}${a.code ? ` (${a.code})` : ""}`).join("; ") || "—";
    for (const [term, value] of [
      ["Event", `${focus.type} · CAMEO ${focus.cameo} · Goldstein ${focus.goldstein} · QuadClass ${focus.quad_class}`],
      ["Modality", focus.modality], ["Source", names(focus.source)], ["Target", names(focus.target)],
      ["Date", focus.date ? `${dateLabel(focus.date.value)}${focus.date.text ? ` ("${focus.date.text}")` : " (from the tense and the publication date)"}` : "—"],
      ["Place", focus.location ? focus.location.name : "—"],
      ["Reported by", focus.reported_by || "—"],
      ["Stated", statement ? `${accordingTo(statement.sourceName, statement.cue)}, ${statement.kind}` : "in the article's own words"],
    ]) details.append(el("dt", {}, term), el("dd", {}, value));
  }
  const body = clear(document.getElementById("reader-text"));
  body.append(highlighted(record.article.text || "", marksOf(record, focus, statement)));
  reader.hidden = false;
  const evidence = body.querySelector(".mark-evidence");
  if (evidence) evidence.scrollIntoView({ block: "center" });
}

function closeReader() {
  document.getElementById("reader").hidden = true;
  state.open = "";
  state.focus = "";
  writeUrl(true);
}

// ---- all views ----

async function refresh() {
  const started = performance.now();
  const summary = document.getElementById("summary");
  document.body.dataset.ready = "false";
  try {
    await Promise.all([
      api("aggregates/daily", state.filters).then((body) => drawTimeline(body.items)),
      api("aggregates/places", state.filters).then(drawMap),
      api("aggregates/dyads", state.filters).then((body) => drawNetwork(body.items)),
      api("aggregates/types", state.filters).then((body) => drawTypes(body.items)),
      api("actors", { ...state.filters, limit: 15 }).then((body) => drawActors(body.items)),
      loadEvents(),
      loadQuotes(),
    ]);
  } catch (error) {
    summary.textContent = `Something failed: ${error.message}`;
  }
  document.body.dataset.ready = "true";
  document.body.dataset.readyAt = Math.round(performance.now());
  document.body.dataset.renderMs = Math.round(performance.now() - started);
}

async function start() {
  readUrl();
  drawLegend();
  drawActorLegend();
  document.getElementById("previous").addEventListener("click", () => turnPage(-1));
  document.getElementById("next").addEventListener("click", () => turnPage(1));
  document.getElementById("close-reader").addEventListener("click", closeReader);
  window.addEventListener("popstate", () => {
    readUrl();
    syncForm();
    refresh();
    if (state.open) openReader(state.open, state.focus, false);
    else document.getElementById("reader").hidden = true;
  });
  await setUpForm();
  if (state.open) openReader(state.open, state.focus, false);
  await refresh();
}

document.addEventListener("DOMContentLoaded", start);
