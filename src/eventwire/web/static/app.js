// The dashboard: filters in the header (mirrored in the URL), and the map, timeline,
// network and table that all follow them. The side panel shows one event.

import { emptyFilters, filterEntries, filtersFromParams, getJson, isAbort, latestOnly, queryString } from "./api.js";
import { byId, clear, debounce, el, formatNumber } from "./dom.js";
import { EventMap } from "./map.js";
import { Network } from "./network.js";
import { EventPanel } from "./panel.js";
import { QUADS, knownTypes, learnQuad, quadOf, sortTypes } from "./plover.js";
import { EventTable, PAGE_SIZE, parseSort } from "./table.js";
import { Timeline } from "./timeline.js";

const DEFAULT_PAIRS = 15;
// PLOVER actor sectors (src/eventwire/data/sectors.tsv) and what they are.
const SECTORS = [
  ["GOV", "government"], ["MIL", "military"], ["COP", "police"], ["REB", "rebels"], ["CVL", "civilians"],
  ["OPP", "opposition"], ["LEG", "legislature"], ["JUD", "judiciary"], ["PTY", "party"], ["ELI", "elites"],
  ["BUS", "business"], ["MED", "media"], ["EDU", "education"], ["LAB", "labour"], ["AGR", "agriculture"],
  ["REL", "religion"], ["CRM", "criminals"], ["NGO", "NGO"], ["HRI", "human rights"], ["HLH", "health"],
  ["REF", "refugees"], ["SPY", "intelligence"], ["UAF", "unidentified armed"], ["ENV", "environment"],
  ["SET", "settlers"], ["DEV", "development"],
];
const EXPORTS = [
  ["csv", "CSV"],
  ["geojson", "GeoJSON"],
  ["plover", "PLOVER JSON"],
  ["acled", "ACLED-style CSV"],
  ["gdelt-events", "GDELT events"],
  ["gdelt-mentions", "GDELT mentions"],
  ["parquet", "Parquet"],
];

const state = { filters: emptyFilters(), sort: "-date", eventId: null, measure: "events", pairs: DEFAULT_PAIRS, nodes: "country" };
// ISO3 -> name, from /map/countries (for the country field's suggestions).
const countryNames = new Map();

const form = {
  root: byId("filters"),
  country: byId("f-country"),
  since: byId("f-since"),
  until: byId("f-until"),
  q: byId("f-q"),
  confidence: byId("f-confidence"),
  confidenceValue: byId("f-confidence-value"),
  flagged: byId("f-flagged"),
  group: byId("f-group"),
  actorSector: byId("f-actor-sector"),
  recipientSector: byId("f-recipient-sector"),
  source: byId("f-source"),
  typeOptions: byId("type-options"),
  typeSummary: byId("type-summary"),
};

// ---- notices ------------------------------------------------------------------------

function notice(text, kind = "error", key = text) {
  const box = byId("notices");
  if ([...box.children].some((n) => n.dataset.key === key)) return;
  const close = el("button", { type: "button", className: "notice-close", "aria-label": "Dismiss", text: "×" });
  const node = el("div", { className: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status", dataset: { key } }, el("span", { text }), close);
  close.addEventListener("click", () => node.remove());
  box.append(node);
}

// ---- URL <-> state ------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  state.filters = filtersFromParams(params);
  state.sort = parseSort(params.get("sort"));
  const id = Number(params.get("event"));
  state.eventId = Number.isInteger(id) && id > 0 ? id : null;
  state.measure = params.get("measure") === "fatalities" ? "fatalities" : "events";
  const pairs = Number(params.get("pairs"));
  state.pairs = Number.isInteger(pairs) && pairs >= 1 && pairs <= 200 ? pairs : DEFAULT_PAIRS;
  state.nodes = params.get("nodes") === "sector" ? "sector" : "country";
}

function pageQuery() {
  const entries = filterEntries(state.filters);
  if (state.sort !== "-date") entries.push(["sort", state.sort]);
  if (state.measure !== "events") entries.push(["measure", state.measure]);
  if (state.pairs !== DEFAULT_PAIRS) entries.push(["pairs", state.pairs]);
  if (state.nodes !== "country") entries.push(["nodes", state.nodes]);
  if (state.eventId !== null) entries.push(["event", state.eventId]);
  return queryString(entries);
}

function writeUrl(push) {
  const url = `${window.location.pathname}${pageQuery()}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

// ---- the filter form ----------------------------------------------------------------

function typeCheckboxes() {
  return [...form.typeOptions.querySelectorAll("input[type=checkbox]")];
}

function renderTypeOptions(counts) {
  const types = sortTypes(new Set([...knownTypes(), ...counts.keys(), ...state.filters.types]));
  clear(form.typeOptions);
  for (const type of types) {
    const n = counts.get(type);
    form.typeOptions.append(
      el(
        "label",
        { className: "type-option" },
        el("input", { type: "checkbox", name: "type", value: type, checked: state.filters.types.includes(type) }),
        el("span", { className: `chip q${quadOf(type) ?? 0}`, text: type }),
        el("span", { className: "type-count", text: n ? formatNumber(n) : "" }),
      ),
    );
  }
}

function countryLabel(code) {
  const name = countryNames.get(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** The ISO3 code a user typed: "Kenya (KEN)", "KEN", "ken", or a name (any case). */
function parseCountry(text) {
  const value = text.trim();
  if (!value) return "";
  const coded = /\(([A-Za-z]{3})\)\s*$/.exec(value);
  if (coded) return coded[1].toUpperCase();
  if (/^[A-Za-z]{3}$/.test(value) && (countryNames.size === 0 || countryNames.has(value.toUpperCase()))) return value.toUpperCase();
  const lower = value.toLowerCase();
  const matches = [...countryNames].filter(([, name]) => name.toLowerCase() === lower);
  if (matches.length === 1) return matches[0][0];
  const starts = [...countryNames].filter(([, name]) => name.toLowerCase().startsWith(lower));
  if (starts.length === 1) return starts[0][0];
  return /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : null;
}

function quadTypes(quad) {
  return sortTypes(knownTypes().filter((t) => quadOf(t) === quad));
}

function groupOf(types) {
  for (const q of QUADS) {
    const members = quadTypes(q.id);
    if (members.length === types.length && members.every((t) => types.includes(t))) return String(q.id);
  }
  return "";
}

function fillForm() {
  const f = state.filters;
  for (const box of typeCheckboxes()) box.checked = f.types.includes(box.value);
  form.typeSummary.textContent = f.types.length === 0 ? "all types" : f.types.length <= 2 ? f.types.join(", ") : `${f.types.length} types`;
  form.country.value = f.country ? countryLabel(f.country) : "";
  form.group.value = groupOf(f.types);
  form.actorSector.value = f.actorSector;
  form.recipientSector.value = f.recipientSector;
  if (f.source && ![...form.source.options].some((o) => o.value === f.source)) form.source.append(el("option", { value: f.source, text: f.source }));
  form.source.value = f.source;
  for (const radio of document.querySelectorAll("input[name=measure]")) radio.checked = radio.value === state.measure;
  byId("network-limit").value = String(state.pairs);
  byId("network-nodes").value = state.nodes;
  form.since.value = f.since;
  form.until.value = f.until;
  form.q.value = f.q;
  form.confidence.value = f.minConfidence || "0";
  form.confidenceValue.textContent = f.minConfidence ? `≥ ${Number(f.minConfidence).toFixed(2)}` : "any";
  form.flagged.checked = f.includeFlagged;
  renderExportLinks();
}

function readForm() {
  const f = emptyFilters();
  f.types = typeCheckboxes().filter((b) => b.checked).map((b) => b.value);
  f.country = parseCountry(form.country.value);
  f.actorSector = form.actorSector.value;
  f.recipientSector = form.recipientSector.value;
  f.source = form.source.value;
  f.since = form.since.value;
  f.until = form.until.value;
  f.q = form.q.value.trim();
  const confidence = Number(form.confidence.value);
  f.minConfidence = confidence > 0 ? String(confidence) : "";
  f.includeFlagged = form.flagged.checked;
  return f;
}

function renderExportLinks() {
  const list = byId("export-links");
  clear(list);
  for (const [format, label] of EXPORTS) {
    const href = `/export${queryString([["format", format], ...filterEntries(state.filters)])}`;
    list.append(el("li", {}, el("a", { href, download: "", text: label })));
  }
}

function setFilters(filters, { push = true } = {}) {
  if (filters.country === null || (filters.country && !/^[A-Z]{3}$/.test(filters.country))) {
    form.country.setCustomValidity("Pick a country from the suggestions, or type its three-letter ISO code, e.g. KEN");
    form.country.reportValidity();
    return;
  }
  form.country.setCustomValidity("");
  if (filters.since && filters.until && filters.since > filters.until) [filters.since, filters.until] = [filters.until, filters.since];
  state.filters = filters;
  fillForm();
  writeUrl(push);
  refresh();
}

function bindForm() {
  const apply = () => setFilters(readForm());
  const applySoon = debounce(apply, 450);
  form.root.addEventListener("submit", (evt) => {
    evt.preventDefault();
    apply();
  });
  form.typeOptions.addEventListener("change", apply);
  byId("types-all").addEventListener("click", () => {
    for (const box of typeCheckboxes()) box.checked = false;
    apply();
  });
  for (const input of [form.since, form.until, form.flagged, form.actorSector, form.recipientSector, form.source]) input.addEventListener("change", apply);
  form.group.addEventListener("change", () => {
    const quad = Number(form.group.value);
    const types = quad ? quadTypes(quad) : [];
    for (const box of typeCheckboxes()) box.checked = types.includes(box.value);
    apply();
  });
  for (const radio of document.querySelectorAll("input[name=measure]")) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      state.measure = radio.value;
      writeUrl(true);
      refreshMeasure();
    });
  }
  const limit = byId("network-limit");
  limit.addEventListener("change", () => {
    const n = Math.round(Number(limit.value));
    state.pairs = Number.isFinite(n) ? Math.min(200, Math.max(1, n)) : DEFAULT_PAIRS;
    limit.value = String(state.pairs);
    writeUrl(true);
    refreshNetwork();
  });
  byId("network-nodes").addEventListener("change", (evt) => {
    state.nodes = evt.currentTarget.value === "sector" ? "sector" : "country";
    writeUrl(true);
    refreshNetwork();
  });
  form.country.addEventListener("change", apply);
  form.country.addEventListener("keydown", (evt) => {
    if (evt.key === "Enter") {
      evt.preventDefault();
      apply();
    }
  });
  form.q.addEventListener("input", applySoon);
  form.q.addEventListener("keydown", (evt) => {
    if (evt.key === "Enter") {
      evt.preventDefault();
      apply();
    }
  });
  form.confidence.addEventListener("input", () => {
    const v = Number(form.confidence.value);
    form.confidenceValue.textContent = v > 0 ? `≥ ${v.toFixed(2)}` : "any";
  });
  form.confidence.addEventListener("change", apply);
  byId("reset-filters").addEventListener("click", () => setFilters(emptyFilters()));
  byId("copy-link").addEventListener("click", async (evt) => {
    const button = evt.currentTarget;
    try {
      await navigator.clipboard.writeText(window.location.href);
      button.textContent = "Link copied";
    } catch {
      button.textContent = "Copy the address bar";
    }
    setTimeout(() => {
      button.textContent = "Copy link";
    }, 1800);
  });
  // Escape closes an open menu first (capture phase: before the panel hears it).
  document.addEventListener(
    "keydown",
    (evt) => {
      const open = [...document.querySelectorAll("details[open]")];
      if (evt.key !== "Escape" || open.length === 0) return;
      evt.stopPropagation();
      for (const details of open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    },
    true,
  );
  // Close the type menu and the export menu when clicking elsewhere.
  document.addEventListener("click", (evt) => {
    for (const details of document.querySelectorAll("details[open]")) {
      if (!details.contains(evt.target)) details.open = false;
    }
  });
}

// ---- the views ----------------------------------------------------------------------

function selectEvent(eventId) {
  state.eventId = eventId;
  writeUrl(true);
  map.setSelected(eventId);
  table.setSelected(eventId);
  panel.open(eventId);
}

const map = new EventMap({
  container: byId("map"),
  legend: byId("map-legend"),
  note: byId("map-note"),
  controls: { zoomIn: byId("zoom-in"), zoomOut: byId("zoom-out"), reset: byId("zoom-reset") },
  onSelect: selectEvent,
});

const timeline = new Timeline({
  container: byId("timeline"),
  legend: byId("timeline-legend"),
  title: byId("timeline-title"),
  note: byId("timeline-note"),
  onRange: (since, until) => setFilters({ ...state.filters, since, until }),
});

const network = new Network({
  container: byId("network"),
  note: byId("network-note"),
  onCountry: (country) => setFilters({ ...state.filters, country }),
});

const table = new EventTable({
  body: byId("events-body"),
  note: byId("table-note"),
  prev: byId("page-prev"),
  next: byId("page-next"),
  sortButtons: [...document.querySelectorAll("button.sort")],
  onSelect: selectEvent,
  onSort: (sort) => {
    state.sort = sort;
    writeUrl(true);
    refreshTable();
  },
});

const panel = new EventPanel({
  onSelect: selectEvent,
  onClose: () => {
    state.eventId = null;
    writeUrl(true);
    map.setSelected(null);
    table.setSelected(null);
  },
});

const latest = { timeline: latestOnly(), network: latestOnly(), table: latestOnly(), summary: latestOnly() };
let summary = null; // the /map/summary answer of the current filters

function learn(events) {
  for (const e of events) learnQuad(e.type, e.quad_class);
}

function refreshMap() {
  map.setFilters(state.filters, state.measure);
}

function renderTotals() {
  const box = clear(byId("totals"));
  if (summary === null) return;
  const items = [
    ["events", summary.events, "events"],
    ["fatalities", summary.fatalities, "fatalities"],
    ["countries", summary.countries, summary.countries === 1 ? "country (where)" : "countries (where)"],
    ["sources", summary.sources, summary.sources === 1 ? "source" : "sources"],
  ];
  for (const [key, value, label] of items) {
    box.append(el("span", { className: `total total-${key}`, dataset: { key, value } }, el("span", { className: "total-value", text: formatNumber(value) }), el("span", { className: "total-label", text: label })));
  }
  table.setTotal(summary.events, summary.fatalities, state.measure);
}

async function refreshTotals() {
  const filters = state.filters;
  try {
    summary = await latest.summary((signal) => getJson("/map/summary", filterEntries(filters), { signal }));
    renderTotals();
  } catch (err) {
    if (isAbort(err)) return;
    summary = null;
    renderTotals();
    table.setTotal(null);
    notice(err.message);
  }
}

const DAY_GRAIN_MONTHS = 5; // a range of at most this many months is drawn by day

async function refreshTimeline() {
  const filters = state.filters;
  timeline.showLoading();
  try {
    const series = await latest.timeline(async (signal) => {
      const entries = filterEntries(filters);
      const byMonth = await getJson("/map/series", [...entries, ["grain", "month"]], { signal });
      const months = new Set(byMonth.rows.map((r) => r.period).filter(Boolean));
      if (months.size > DAY_GRAIN_MONTHS) return byMonth;
      return getJson("/map/series", [...entries, ["grain", "day"]], { signal });
    });
    timeline.setData(series, filters, state.measure);
  } catch (err) {
    if (!isAbort(err)) timeline.showError(err.message);
  }
}

async function refreshNetwork() {
  const filters = state.filters;
  network.showLoading();
  try {
    const pairs = await latest.network((signal) => getJson("/map/pairs", [["limit", state.pairs], ["nodes", state.nodes], ...filterEntries(filters)], { signal }));
    network.setData(pairs, filters.country, state.pairs);
  } catch (err) {
    if (!isAbort(err)) network.showError(err.message);
  }
}

function refreshTable() {
  const filters = state.filters;
  const sort = state.sort;
  table.selectedId = state.eventId;
  const loadPage = async (cursor) => {
    try {
      const page = await latest.table((signal) => getJson("/events", [...filterEntries(filters), ["sort", sort], ["limit", PAGE_SIZE], ["cursor", cursor]], { signal }));
      learn(page.events ?? []);
      return page;
    } catch (err) {
      if (isAbort(err)) return null;
      table.showError(err.message);
      return null;
    }
  };
  table.reset(loadPage, sort);
  if (summary !== null) table.setTotal(summary.events, summary.fatalities, state.measure);
}

/** The events/fatalities switch: the map, the timeline and the totals follow. */
function refreshMeasure() {
  map.setFilters(state.filters, state.measure);
  timeline.setMeasure(state.measure);
  renderTotals();
}

function refresh() {
  refreshTotals();
  refreshMap();
  refreshTimeline();
  refreshNetwork();
  refreshTable();
}

async function loadStoreSummary() {
  try {
    const [health, types, countries, sources] = await Promise.all([
      getJson("/health"),
      getJson("/stats", [["group", "type"], ["include_flagged", "true"]]),
      getJson("/map/countries"),
      getJson("/map/sources"),
    ]);
    byId("store-summary").textContent = `${formatNumber(health.articles)} articles · ${formatNumber(health.events)} events`;
    const counts = new Map((types.rows ?? []).map((r) => [r[types.group?.[0] ?? "type"], r.n]));
    renderTypeOptions(counts);
    const list = clear(byId("country-codes"));
    for (const c of countries.rows ?? []) {
      countryNames.set(c.iso3, c.name);
      list.append(el("option", { value: c.name !== c.iso3 ? `${c.name} (${c.iso3})` : c.iso3, label: `${c.iso3} · ${formatNumber(c.n)} events` }));
    }
    for (const s of sources.rows ?? []) {
      if (![...form.source.options].some((o) => o.value === s.source)) form.source.append(el("option", { value: s.source, text: `${s.source} (${formatNumber(s.articles)})` }));
    }
    fillForm();
  } catch (err) {
    notice(err.message);
  }
}

function fillStaticOptions() {
  for (const q of QUADS) form.group.append(el("option", { value: String(q.id), text: q.name }));
  for (const select of [form.actorSector, form.recipientSector]) {
    for (const [code, name] of SECTORS) select.append(el("option", { value: code, text: `${code} · ${name}` }));
  }
}

async function start() {
  readUrl();
  fillStaticOptions();
  renderTypeOptions(new Map());
  fillForm();
  bindForm();
  window.addEventListener("popstate", () => {
    readUrl();
    fillForm();
    refresh();
    if (state.eventId !== null) panel.open(state.eventId);
    else panel.close();
  });
  loadStoreSummary();
  refresh();
  if (state.eventId !== null) selectEvent(state.eventId);
  await map.init();
  document.body.dataset.ready = "true";
}

start().catch((err) => notice(`The dashboard failed to start: ${err.message}`));
