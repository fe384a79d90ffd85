// The dashboard: filters in the header (mirrored in the URL), and the map, timeline,
// network and table that all follow them. The side panel shows one event.

import { emptyFilters, filterEntries, filtersFromParams, getJson, isAbort, latestOnly, queryString } from "./api.js";
import { byId, clear, debounce, el, formatNumber } from "./dom.js";
import { EventMap } from "./map.js";
import { Network } from "./network.js";
import { EventPanel } from "./panel.js";
import { knownTypes, learnQuad, quadOf, sortTypes } from "./plover.js";
import { EventTable, PAGE_SIZE, parseSort } from "./table.js";
import { Timeline } from "./timeline.js";

const MAP_PAGE = 1000;
const MAP_PAGES = 3; // at most 3,000 events on the map
const EXPORTS = [
  ["csv", "CSV"],
  ["geojson", "GeoJSON"],
  ["plover", "PLOVER JSON"],
  ["acled", "ACLED-style CSV"],
  ["gdelt-events", "GDELT events"],
  ["gdelt-mentions", "GDELT mentions"],
  ["parquet", "Parquet"],
];

const state = { filters: emptyFilters(), sort: "-date", eventId: null };

const form = {
  root: byId("filters"),
  country: byId("f-country"),
  since: byId("f-since"),
  until: byId("f-until"),
  q: byId("f-q"),
  confidence: byId("f-confidence"),
  confidenceValue: byId("f-confidence-value"),
  flagged: byId("f-flagged"),
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
}

function pageQuery() {
  const entries = filterEntries(state.filters);
  if (state.sort !== "-date") entries.push(["sort", state.sort]);
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

function fillForm() {
  const f = state.filters;
  for (const box of typeCheckboxes()) box.checked = f.types.includes(box.value);
  form.typeSummary.textContent = f.types.length === 0 ? "all types" : f.types.length <= 2 ? f.types.join(", ") : `${f.types.length} types`;
  form.country.value = f.country;
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
  f.country = form.country.value.trim().toUpperCase();
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
  if (filters.country && !/^[A-Z]{3}$/.test(filters.country)) {
    form.country.setCustomValidity("Use a three-letter ISO code, e.g. KEN");
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
  for (const input of [form.since, form.until, form.flagged]) input.addEventListener("change", apply);
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

const latest = { map: latestOnly(), timeline: latestOnly(), network: latestOnly(), table: latestOnly(), count: latestOnly() };

function learn(events) {
  for (const e of events) learnQuad(e.type, e.quad_class);
}

async function refreshMap() {
  const filters = state.filters;
  try {
    const { events, total } = await latest.map(async (signal) => {
      const all = [];
      let cursor = null;
      for (let page = 0; page < MAP_PAGES; page++) {
        const entries = [...filterEntries(filters), ["limit", MAP_PAGE], ["cursor", cursor]];
        const answer = await getJson("/events", entries, { signal });
        all.push(...(answer.events ?? []));
        cursor = answer.next_cursor ?? null;
        if (cursor === null) return { events: all, total: all.length };
      }
      const counted = await getJson("/events/count", filterEntries(filters), { signal });
      return { events: all, total: counted.count };
    });
    learn(events);
    map.setEvents(events, { total });
  } catch (err) {
    if (isAbort(err)) return;
    map.setEvents([], { total: 0 });
    notice(err.message);
  }
}

async function refreshTimeline() {
  const filters = state.filters;
  timeline.showLoading();
  try {
    const stats = await latest.timeline((signal) => getJson("/stats", [["group", "day,type"], ...filterEntries(filters)], { signal }));
    timeline.setData(stats, filters);
  } catch (err) {
    if (!isAbort(err)) timeline.showError(err.message);
  }
}

async function refreshNetwork() {
  const filters = state.filters;
  network.showLoading();
  try {
    const stats = await latest.network((signal) => getJson("/stats", [["group", "dyad,type"], ...filterEntries(filters)], { signal }));
    network.setData(stats, filters.country);
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
  latest
    .count((signal) => getJson("/events/count", filterEntries(filters), { signal }))
    .then((answer) => table.setTotal(answer.count))
    .catch((err) => {
      if (!isAbort(err)) table.setTotal(null);
    });
}

function refresh() {
  refreshMap();
  refreshTimeline();
  refreshNetwork();
  refreshTable();
}

async function loadStoreSummary() {
  try {
    const [health, types, actors, recipients] = await Promise.all([
      getJson("/health"),
      getJson("/stats", [["group", "type"], ["include_flagged", "true"]]),
      getJson("/stats", [["group", "actor_country"], ["include_flagged", "true"]]),
      getJson("/stats", [["group", "recipient_country"], ["include_flagged", "true"]]),
    ]);
    byId("store-summary").textContent = `${formatNumber(health.articles)} articles · ${formatNumber(health.events)} events`;
    const counts = new Map((types.rows ?? []).map((r) => [r[types.group?.[0] ?? "type"], r.n]));
    renderTypeOptions(counts);
    const codes = new Map();
    for (const stats of [actors, recipients]) {
      const key = stats.group?.[0];
      for (const r of stats.rows ?? []) if (r[key]) codes.set(r[key], (codes.get(r[key]) ?? 0) + r.n);
    }
    const list = clear(byId("country-codes"));
    for (const [code, n] of [...codes].sort((a, b) => b[1] - a[1])) list.append(el("option", { value: code, label: `${code} (${n})` }));
    fillForm();
  } catch (err) {
    notice(err.message);
  }
}

async function start() {
  readUrl();
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
