// The event map: an offline world basemap (world-atlas countries drawn with d3-geo into
// SVG), events as circles sized by mentions and coloured by quad class, clustered in
// screen space, with pan (drag), zoom (wheel, double-click, buttons, keys) and a list
// for events that share one spot. Without the vendor files (web/build.mjs not run) the
// events are still drawn, on a plain latitude/longitude grid, with a notice.

import { filterEntries, getJson, isAbort, latestOnly } from "./api.js";
import { clear, debounce, el, onResize, showTooltip, hideTooltip, svg, formatNumber } from "./dom.js";
import { BUILD_COMMAND, VENDOR, countriesOf, fetchJson, loadVendor } from "./basemap.js";
import { CLUSTER_RADIUS, clusterPoints, clusterRadius, markerRadius, mentionsOf } from "./clusters.js";
import { QUADS, quadColor, quadName, quadOf } from "./plover.js";
import { RegionLayer } from "./regions.js";

const MAX_ZOOM = 60;
const DETAIL_ZOOM = 3; // from this zoom on, the 1:50m countries replace the 1:110m ones
const CELL_ZOOM = 2.5; // from this zoom on, clusters (grid cells) are drawn over the countries
const REGION_ZOOM = CELL_ZOOM; // from this zoom on, the country in the middle shows its regions
const SINGLES_MAX = 500; // a filter with at most this many placed events: each is drawn
const VIEW_SINGLES_MAX = 300; // zoomed in on at most this many events: each is drawn
const SHADES = 5;
const CELL_PX = 26; // cells of a level are drawn from the zoom that puts them this far apart

/** A count as a cell's label: 950, 1.2k, 15k, 1.3M. */
function label(v) {
  if (v < 1000) return String(v);
  if (v < 10_000) return `${(v / 1000).toFixed(1)}k`;
  if (v < 1_000_000) return `${Math.round(v / 1000)}k`;
  return `${(v / 1_000_000).toFixed(1)}M`;
}

/** Whether `text` (11.5px bold) fits inside a circle of radius `r`. */
function labelFits(text, r) {
  return text.length * 7 + 4 <= 2 * r;
}

function niceRound(v) {
  if (v < 10) return Math.max(1, Math.round(v));
  const power = 10 ** Math.floor(Math.log10(v));
  return Math.round(v / power) * power;
}

/** Five classes on a log scale from 1 to `max`, with nice bounds and labels. */
export function shadeScale(max) {
  const bounds = [];
  for (let i = 1; i < SHADES; i++) bounds.push(niceRound(Math.exp((Math.log(Math.max(1, max)) * i) / SHADES)));
  const uniq = [...new Set(bounds)].filter((b) => b > 1 && b < max);
  const edges = [1, ...uniq];
  const labels = edges.map((lo, i) => {
    const hi = i + 1 < edges.length ? edges[i + 1] - 1 : max;
    return hi > lo ? `${formatNumber(lo)}–${formatNumber(hi)}` : formatNumber(lo);
  });
  const offset = SHADES - edges.length; // fewer classes use the darker shades
  return {
    labels: max >= 1 ? labels : [],
    classOf: (v) => {
      let c = 0;
      while (c + 1 < edges.length && v >= edges[c + 1]) c++;
      return c + offset;
    },
    offset,
  };
}

function eventLabel(event) {
  const who = [event.actor, event.recipient].filter(Boolean).join(" → ");
  return [event.type, event.mode, who && `(${who})`, event.place && `in ${event.place}`, event.date && `on ${event.date}`]
    .filter(Boolean)
    .join(" ");
}

function eventQuad(event) {
  return event.quad_class ?? quadOf(event.type);
}

export class EventMap {
  constructor({ container, legend, note, controls, onSelect }) {
    this.container = container;
    this.legend = legend;
    this.note = note;
    this.onSelect = onSelect;
    this.singles = null; // single events drawn (few of them), or null
    this.allSingles = null;
    this.cells = null; // the /map/cells answer drawn, or null
    this.areas = null; // the /map/areas answer
    this.filters = null;
    this.measure = "events";
    this.generation = 0;
    this.latest = {};
    this.small = 0;
    this.invert = null;
    this.detailSoon = debounce(() => this.updateDetail(), 250);
    this.selectedId = null;
    this.width = 0;
    this.height = 0;
    this.transform = { k: 1, x: 0, y: 0 };
    this.countries = null; // GeoJSON features, when the basemap is built
    this.detailed = null; // promise of the 1:50m features
    this.project = null;
    this.popup = null;
    this.points = [];
    this.regions = new RegionLayer(); // the first-level regions of one country

    this.svg = svg("svg", { className: "map-svg", role: "group", tabindex: "0", "aria-label": "Map of events; drag to pan, scroll or use + and − to zoom" });
    this.ocean = svg("rect", { className: "ocean", x: 0, y: 0 });
    this.base = svg("g", { className: "basemap" });
    this.markers = svg("g", { className: "markers" });
    this.svg.append(this.ocean, this.base, this.markers);
    container.prepend(this.svg);
    this.renderLegend();
    this.bindInteraction();
    controls.zoomIn.addEventListener("click", () => this.zoomBy(2));
    controls.zoomOut.addEventListener("click", () => this.zoomBy(0.5));
    controls.reset.addEventListener("click", () => this.resetZoom());
    onResize(container, () => this.resize());
  }

  async init() {
    let topology = null;
    try {
      topology = await loadVendor();
    } catch (err) {
      this.showBasemapNotice(`The basemap could not be loaded: ${err.message}.`);
    }
    if (topology === null && !this.basemapNotice) {
      this.showBasemapNotice("The offline basemap was not built, so countries are not drawn.");
    }
    if (topology !== null) this.countries = countriesOf(topology);
    this.resize();
    // Filters shown before the countries were drawn: their regions can be found now.
    if (this.areas) await this.updateDetail();
  }

  showBasemapNotice(text) {
    this.basemapNotice = el(
      "div",
      { className: "map-notice", role: "status" },
      el("strong", { text }),
      " Build the vendor assets once with ",
      el("code", { text: BUILD_COMMAND }),
      " in the eventwire source folder, then reload.",
    );
    this.container.append(this.basemapNotice);
  }

  renderLegend() {
    clear(this.legend);
    const what = this.measure === "fatalities" ? "Fatalities" : "Events";
    this.legend.append(el("span", { className: "legend-title", text: `${what} per country, where they happened` }));
    for (const [i, label] of (this.scale?.labels ?? []).entries()) {
      this.legend.append(el("span", { className: "legend-item" }, el("span", { className: `swatch shade-swatch shade-${i}` }), label));
    }
    this.legend.append(
      el("span", {
        className: "legend-item legend-hint",
        text: this.cells ? `circles: ${what.toLowerCase()} per cell of the grid` : this.singles ? "dots: single events, size by mentions" : `zoom in for clusters of ${what.toLowerCase()}`,
      }),
    );
    this.legend.append(...(this.regions.legend(this.measure) ?? []));
  }

  // ---- projection and basemap -------------------------------------------------------

  resize() {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (width === 0 || height === 0) return;
    this.width = width;
    this.height = height;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.ocean.setAttribute("width", width);
    this.ocean.setAttribute("height", height);
    const pad = 8;
    if (window.d3?.geoNaturalEarth1) {
      const projection = window.d3.geoNaturalEarth1().fitExtent([[pad, pad], [width - pad, height - pad]], { type: "Sphere" });
      this.project = (lon, lat) => projection([lon, lat]);
      this.invert = (px, py) => projection.invert([px, py]);
      this.path = window.d3.geoPath(projection);
      const [[x0, y0], [x1, y1]] = this.path.bounds({ type: "Sphere" });
      this.bounds = { x0, y0, x1, y1 };
    } else {
      // Plain longitude/latitude grid (plate carrée), fitted to the box.
      const scale = Math.min((width - 2 * pad) / 360, (height - 2 * pad) / 180);
      const ox = (width - 360 * scale) / 2;
      const oy = (height - 180 * scale) / 2;
      this.project = (lon, lat) => [ox + (lon + 180) * scale, oy + (90 - lat) * scale];
      this.invert = (px, py) => {
        const lon = (px - ox) / scale - 180;
        const lat = 90 - (py - oy) / scale;
        return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
      };
      this.path = null;
      this.bounds = { x0: ox, y0: oy, x1: ox + 360 * scale, y1: oy + 180 * scale };
    }
    this.drawBasemap();
    this.projectEvents();
    this.applyTransform();
  }

  drawBasemap() {
    clear(this.base);
    if (this.path !== null) {
      this.base.append(svg("path", { className: "sphere", d: this.path({ type: "Sphere" }) }));
      this.base.append(svg("path", { className: "graticule", d: this.path(window.d3.geoGraticule10()) }));
      const features = this.transform.k >= DETAIL_ZOOM && this.detailedFeatures ? this.detailedFeatures : this.countries;
      const group = svg("g", { className: "countries" });
      for (const feature of features ?? []) {
        const d = this.path(feature);
        const name = feature.properties?.name ?? "";
        if (d) group.append(svg("path", { className: "country", d, dataset: { id: feature.id ?? "", name } }, svg("title", { text: name })));
      }
      this.base.append(group);
      this.base.append(svg("path", { className: "sphere-outline", d: this.path({ type: "Sphere" }) }));
      if (this.areas) {
        this.paintAreas();
        this.drawRegions();
        this.renderLegend();
      }
    } else {
      const { x0, y0, x1, y1 } = this.bounds;
      this.base.append(svg("rect", { className: "sphere", x: x0, y: y0, width: x1 - x0, height: y1 - y0 }));
      const lines = [];
      for (let lon = -180; lon <= 180; lon += 30) {
        const [ax, ay] = this.project(lon, 90);
        const [, by] = this.project(lon, -90);
        lines.push(`M${ax},${ay}V${by}`);
      }
      for (let lat = -60; lat <= 60; lat += 30) {
        const [ax, ay] = this.project(-180, lat);
        const [bx] = this.project(180, lat);
        lines.push(`M${ax},${ay}H${bx}`);
      }
      this.base.append(svg("path", { className: "graticule", d: lines.join("") }));
    }
  }

  maybeLoadDetail() {
    if (this.countries === null || this.transform.k < DETAIL_ZOOM || this.detailed !== null) return;
    this.detailed = fetchJson(`${VENDOR}/countries-50m.json`)
      .then((topology) => {
        this.detailedFeatures = countriesOf(topology);
        this.drawBasemap();
        this.applyTransform();
      })
      .catch(() => {
        // The 1:110m countries stay; nothing else depends on the detailed ones.
      });
  }

  // ---- data: countries, cells and single events, all counted by the store ---------

  /** New filters (or measure): shade countries, then draw what the zoom asks for. */
  async setFilters(filters, measure) {
    this.filters = filters;
    this.measure = measure;
    this.closePopup();
    const generation = ++this.generation;
    const entries = filterEntries(filters);
    this.singles = null;
    this.cells = null;
    // Regions counted under other filters go; a new measure only redraws them.
    if (this.regions.shown && this.regions.shown.key !== JSON.stringify(entries)) this.regions.hide();
    try {
      const areas = await this.fetch("areas", "/map/areas", entries);
      if (generation !== this.generation) return;
      this.areas = areas;
      const placed = areas.rows.reduce((s, r) => s + r.n, 0);
      // Few events: every one is drawn, at any zoom (and the cells are not needed).
      if (placed <= SINGLES_MAX) {
        const page = await this.fetch("singles", "/events", [...entries, ["limit", SINGLES_MAX]]);
        if (generation !== this.generation) return;
        this.allSingles = page.events ?? [];
      } else this.allSingles = null;
    } catch (err) {
      if (isAbort(err)) return;
      this.areas = { rows: [], unplaced: { n: 0, dead: 0 } };
      this.note.textContent = err.message;
    }
    this.paintAreas();
    this.drawRegions();
    this.renderLegend();
    await this.updateDetail();
  }

  fetch(key, path, entries) {
    this.latest[key] ??= latestOnly();
    return this.latest[key]((signal) => getJson(path, entries, { signal }));
  }

  value(row) {
    return this.measure === "fatalities" ? row.dead : row.n;
  }

  /** The level of cells for the zoom: none at low zoom (the countries tell it). */
  levelFor(k) {
    if (k < CELL_ZOOM || !this.bounds) return 0;
    // The finest cells that are still at least CELL_PX apart on the screen.
    const pxPerDegree = ((this.bounds.x1 - this.bounds.x0) / 360) * k;
    if (pxPerDegree * 1 < CELL_PX) return 1;
    if (pxPerDegree * 0.25 < CELL_PX) return 2;
    return 3;
  }

  /** The box of longitudes and latitudes in view, or null for (nearly) the world. */
  viewBox() {
    if (this.invert === null || this.transform.k < 1.5) return null;
    const { k, x, y } = this.transform;
    const lons = [];
    const lats = [];
    for (let i = 0; i <= 6; i++) {
      for (let j = 0; j <= 6; j++) {
        const p = this.invert(((i / 6) * this.width - x) / k, ((j / 6) * this.height - y) / k);
        if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) {
          lons.push(p[0]);
          lats.push(p[1]);
        }
      }
    }
    if (lons.length < 4) return null;
    const pad = 1;
    const box = [
      Math.max(-180, Math.min(...lons) - pad),
      Math.max(-90, Math.min(...lats) - pad),
      Math.min(180, Math.max(...lons) + pad),
      Math.min(90, Math.max(...lats) + pad),
    ];
    return box.map((v) => v.toFixed(3)).join(",");
  }

  /** Cells (or single events, when few are in view) for the current zoom and view. */
  async updateDetail() {
    const generation = this.generation;
    const entries = filterEntries(this.filters ?? {});
    this.regionError = null;
    const regionsDrawn = this.updateRegions(generation, entries); // beside the cells
    let cells = null;
    let singles = this.allSingles;
    if (this.allSingles === null && this.areas) {
      const level = this.levelFor(this.transform.k);
      const view = this.viewBox();
      if (level > 0) {
        try {
          cells = await this.fetch("cells", "/map/cells", [...entries, ["level", level], ["view", view]]);
          if (generation !== this.generation) return;
          const inView = cells.rows.reduce((s, r) => s + r.n, 0);
          if (level >= 2 && inView <= VIEW_SINGLES_MAX && view !== null) {
            const page = await this.fetch("singles", "/events", [...entries, ["bbox", view], ["limit", VIEW_SINGLES_MAX]]);
            if (generation !== this.generation) return;
            if (page.next_cursor == null) {
              singles = page.events ?? [];
              cells = null;
            }
          }
        } catch (err) {
          if (isAbort(err)) return;
          this.note.textContent = err.message;
        }
      }
    }
    await regionsDrawn;
    if (generation !== this.generation) return;
    this.cells = cells;
    this.singles = singles;
    this.container.classList.toggle("has-cells", cells !== null);
    this.projectEvents();
    this.renderMarkers();
    this.renderLegend();
    this.writeNote();
    this.container.dataset.loaded = String(this.generation);
  }

  // ---- the first-level regions of one country ----------------------------------------

  /** The /map/areas row of the country whose regions to show: the country filter's,
   * else, zoomed in, the country in the middle of the view; null for none. */
  regionTarget() {
    if (!this.areas || this.path === null || !this.countries || !window.d3?.geoContains) return null;
    const rows = this.areas.rows;
    const chosen = this.filters?.country ? rows.find((r) => r.iso3 === this.filters.country) : undefined;
    if (chosen) return chosen;
    if (this.transform.k < REGION_ZOOM) return null;
    const { k, x, y } = this.transform;
    const middle = this.invert((this.width / 2 - x) / k, (this.height / 2 - y) / k);
    if (!middle || !Number.isFinite(middle[0]) || !Number.isFinite(middle[1])) return null;
    const feature = this.countries.find((f) => window.d3.geoContains(f, middle));
    if (!feature) return null;
    const id = String(feature.id ?? "");
    const name = (feature.properties?.name ?? "").toLowerCase();
    return rows.find((r) => r.numeric && String(r.numeric).padStart(3, "0") === id) ?? rows.find((r) => r.name.toLowerCase() === name) ?? null;
  }

  /** Fetch (when the country or the filters changed) and draw the regions to show. */
  async updateRegions(generation, entries) {
    const row = this.regionTarget();
    const ticket = (this.regionTicket = (this.regionTicket ?? 0) + 1);
    const isCurrent = () => ticket === this.regionTicket && generation === this.generation;
    let changed;
    try {
      changed = row === null ? this.regions.hide() : await this.regions.show(row, entries, JSON.stringify(entries), (e) => this.fetch("admin1", "/map/admin1", e), isCurrent);
    } catch (err) {
      if (isAbort(err) || !isCurrent()) return;
      changed = this.regions.hide();
      this.regionError = err.message;
    }
    if (!isCurrent()) return;
    if (changed) this.drawRegions();
  }

  drawRegions() {
    for (const old of this.base.querySelectorAll("g.regions, defs.regions-clip")) old.remove();
    if (this.path === null) return;
    const parts = this.regions.draw(this.base, this.project, (r) => this.value(r), this.measure, shadeScale);
    if (parts === null) return;
    const [defs, group] = parts;
    defs.setAttribute("class", "regions-clip");
    const outline = this.base.querySelector("path.sphere-outline");
    this.base.insertBefore(defs, outline);
    this.base.insertBefore(group, outline);
  }

  writeNote() {
    if (!this.areas) return;
    const placed = this.areas.rows.reduce((s, r) => s + this.value(r), 0);
    const unplaced = this.value(this.areas.unplaced);
    const what = this.measure === "fatalities" ? "fatalities" : "events";
    const parts = [`${formatNumber(placed)} ${what} in ${formatNumber(this.areas.rows.length)} countries`];
    if (unplaced > 0) parts.push(`${formatNumber(unplaced)} without a place (not on the map)`);
    if (this.small > 0) parts.push(`${formatNumber(this.small)} in countries too small to shade`);
    const regions = this.regions.shown;
    if (regions) parts.push(`regions of ${regions.row.name} shaded (approximate)`);
    if (this.regionError) parts.push(this.regionError);
    if (this.cells) parts.push(`clusters: cells of ${this.cells.size}°`);
    else if (this.singles) parts.push(`${formatNumber(this.singles.length)} single events drawn`);
    else parts.push("zoom in for clusters");
    this.note.textContent = parts.join(" · ");
  }

  /** Shade each country by its events or fatalities (log scale, five classes). */
  paintAreas() {
    const byId = new Map();
    const byName = new Map();
    for (const r of this.areas?.rows ?? []) {
      if (r.numeric) byId.set(String(r.numeric).padStart(3, "0"), r);
      byName.set(r.name.toLowerCase(), r);
    }
    const values = (this.areas?.rows ?? []).map((r) => this.value(r));
    this.scale = shadeScale(Math.max(0, ...values));
    const drawn = new Set();
    for (const path of this.base.querySelectorAll("path.country")) {
      const id = path.dataset.id;
      const r = byId.get(id) ?? byName.get((path.dataset.name ?? "").toLowerCase());
      const v = r ? this.value(r) : 0;
      path.dataset.n = r && !drawn.has(r) ? String(v) : "0";
      if (r) drawn.add(r);
      path.dataset.country = r ? r.iso3 : "";
      const shade = v > 0 ? this.scale.classOf(v) : -1;
      path.setAttribute("class", `country${shade >= 0 ? ` shade-${shade}` : ""}`);
      const title = path.querySelector("title");
      if (title) title.textContent = `${path.dataset.name ?? ""}${r ? `: ${formatNumber(v)} ${this.measure === "fatalities" ? "fatalities" : "events"}` : ""}`;
    }
    const countriesDrawn = this.base.querySelectorAll("path.country").length > 0;
    this.small = countriesDrawn ? (this.areas?.rows ?? []).filter((r) => !drawn.has(r)).reduce((s, r) => s + this.value(r), 0) : 0;
    this.legend.dataset.small = String(this.small);
    this.legend.dataset.unplaced = String(this.areas ? this.value(this.areas.unplaced) : 0);
    this.legend.dataset.total = String((this.areas?.rows ?? []).reduce((s, r) => s + this.value(r), 0) + Number(this.legend.dataset.unplaced));
    this.legend.dataset.shaded = countriesDrawn ? "true" : "false";
  }

  setSelected(eventId) {
    this.selectedId = eventId;
    this.renderMarkers();
  }

  projectEvents() {
    if (this.project === null) return;
    this.points = [];
    for (const event of this.singles ?? []) {
      if (typeof event.lat !== "number" || typeof event.lon !== "number") continue;
      const p = this.project(event.lon, event.lat);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) this.points.push({ event, bx: p[0], by: p[1] });
    }
    // Bigger events seed clusters first.
    this.points.sort((a, b) => mentionsOf(b.event) - mentionsOf(a.event) || b.event.id - a.event.id);
  }

  clusters() {
    return clusterPoints(this.points, this.transform, this.width, this.height);
  }

  renderMarkers() {
    clear(this.markers);
    if (this.width === 0) return;
    if (this.cells) {
      this.renderCells();
      return;
    }
    for (const c of this.clusters()) {
      this.markers.append(c.members.length === 1 ? this.singleMarker(c) : this.clusterMarker(c));
    }
  }

  /** The cells in view as circles; circles that would overlap are merged (their
   * events and fatalities added, at their weighted centre). */
  renderCells() {
    const { k, x, y } = this.transform;
    const what = this.measure === "fatalities" ? "fatalities" : "events";
    const placed = [];
    for (const r of this.cells.rows) {
      const p = this.project(r.lon, r.lat);
      if (!p) continue;
      const sx = p[0] * k + x;
      const sy = p[1] * k + y;
      if (sx < -40 || sy < -40 || sx > this.width + 40 || sy > this.height + 40) continue;
      placed.push({ sx, sy, n: r.n, dead: r.dead });
    }
    const max = Math.max(1, ...placed.map((c) => this.value(c)));
    const radius = (v) => 5 + 17 * Math.sqrt(v / max);
    placed.sort((a, b) => this.value(b) - this.value(a) || b.n - a.n);
    const kept = [];
    for (const c of placed) {
      const home = kept.find((o) => Math.hypot(o.sx - c.sx, o.sy - c.sy) < (radius(this.value(o)) + radius(this.value(c))) * 0.8);
      if (home === undefined) {
        kept.push({ ...c });
        continue;
      }
      const w = home.n + c.n;
      home.sx = (home.sx * home.n + c.sx * c.n) / w;
      home.sy = (home.sy * home.n + c.sy * c.n) / w;
      home.n = w;
      home.dead += c.dead;
    }
    const top = Math.max(1, ...kept.map((c) => this.value(c)));
    for (const c of kept) {
      const v = this.value(c);
      const r = 5 + 17 * Math.sqrt(v / top);
      const g = svg(
        "g",
        {
          className: `marker cell${v === 0 ? " cell-empty" : ""}`,
          transform: `translate(${c.sx.toFixed(1)},${c.sy.toFixed(1)})`,
          role: "button",
          tabindex: "0",
          "aria-label": `${formatNumber(v)} ${what} here (${formatNumber(c.n)} events, ${formatNumber(c.dead)} fatalities); activate to zoom in`,
          dataset: { count: c.n, dead: c.dead },
        },
        svg("circle", { className: "cell-dot", r: r.toFixed(1) }),
        labelFits(label(v), r) ? svg("text", { className: "cluster-count", dy: "0.35em", text: label(v) }) : null,
      );
      this.bindMarker(
        g,
        () => this.zoomBy(3, [c.sx, c.sy]),
        (evt) => showTooltip(evt.clientX, evt.clientY, [`${formatNumber(c.n)} events`, `${formatNumber(c.dead)} fatalities`, "click to zoom in"]),
      );
      this.markers.append(g);
    }
  }

  singleMarker(c) {
    const event = c.members[0].event;
    const quad = eventQuad(event);
    const selected = event.id === this.selectedId;
    const label = eventLabel(event);
    const g = svg(
      "g",
      {
        className: `marker event-marker${selected ? " selected" : ""}${event.flags?.length ? " flagged" : ""}`,
        transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`,
        role: "button",
        tabindex: "0",
        "aria-label": `Event ${event.id}: ${label}`,
        dataset: { eventId: event.id, count: 1 },
      },
      selected ? svg("circle", { className: "selection-ring", r: markerRadius(event) + 5 }) : null,
      svg("circle", { className: "dot", r: markerRadius(event), fill: quadColor(quad) }),
    );
    this.bindMarker(g, () => this.onSelect(event.id), (evt) =>
      showTooltip(evt.clientX, evt.clientY, [
        `${event.type}${event.mode ? ` · ${event.mode}` : ""}`,
        [event.actor, event.recipient].filter(Boolean).join(" → ") || "actors not coded",
        [event.place, event.date].filter(Boolean).join(" · "),
        `${mentionsOf(event)} mention${mentionsOf(event) === 1 ? "" : "s"} · confidence ${event.confidence}`,
      ].filter(Boolean)),
    );
    return g;
  }

  clusterMarker(c) {
    const n = c.members.length;
    const r = clusterRadius(n);
    const byQuad = new Map();
    for (const m of c.members) {
      const q = eventQuad(m.event);
      byQuad.set(q, (byQuad.get(q) ?? 0) + 1);
    }
    const selected = c.members.some((m) => m.event.id === this.selectedId);
    const g = svg("g", {
      className: `marker cluster${selected ? " selected" : ""}`,
      transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`,
      role: "button",
      tabindex: "0",
      "aria-label": `${n} events here: ${[...byQuad].map(([q, k]) => `${k} ${quadName(q).toLowerCase()}`).join(", ")}; activate to zoom in or list them`,
      dataset: { count: n, eventIds: c.members.map((m) => m.event.id).join(" ") },
    });
    if (selected) g.append(svg("circle", { className: "selection-ring", r: r + 5 }));
    g.append(svg("circle", { className: "cluster-back", r }));
    // A ring split by quad class, drawn as dashed strokes on one circle each.
    const ringR = r - 3;
    const circumference = 2 * Math.PI * ringR;
    let offset = 0;
    for (const q of [4, 3, 2, 1, null]) {
      const count = byQuad.get(q) ?? 0;
      if (count === 0) continue;
      const length = (count / n) * circumference;
      g.append(
        svg("circle", {
          className: "cluster-ring",
          r: ringR,
          stroke: quadColor(q),
          "stroke-dasharray": `${length.toFixed(2)} ${(circumference - length).toFixed(2)}`,
          "stroke-dashoffset": (-offset).toFixed(2),
          transform: "rotate(-90)",
        }),
      );
      offset += length;
    }
    g.append(svg("text", { className: "cluster-count", dy: "0.35em", text: n > 999 ? `${Math.round(n / 100) / 10}k` : n }));
    this.bindMarker(g, () => this.openCluster(c), (evt) =>
      showTooltip(evt.clientX, evt.clientY, [
        `${n} events`,
        ...[...byQuad].sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0)).map(([q, k]) => [quadColor(q), `${k} ${quadName(q).toLowerCase()}`]),
      ]),
    );
    return g;
  }

  bindMarker(node, activate, tooltip) {
    node.addEventListener("click", (evt) => {
      if (this.dragged) return;
      evt.stopPropagation();
      hideTooltip();
      activate();
    });
    node.addEventListener("keydown", (evt) => {
      if (evt.key === "Enter" || evt.key === " ") {
        evt.preventDefault();
        evt.stopPropagation();
        activate();
      }
    });
    node.addEventListener("pointerenter", tooltip);
    node.addEventListener("pointermove", tooltip);
    node.addEventListener("pointerleave", hideTooltip);
    node.addEventListener("blur", hideTooltip);
  }

  /** Zoom into a cluster, or list its events when they share one spot. */
  openCluster(c) {
    const xs = c.members.map((m) => m.bx);
    const ys = c.members.map((m) => m.by);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    const needed = Math.min(this.width / Math.max(spanX, 1e-9), this.height / Math.max(spanY, 1e-9)) * 0.6;
    if (Math.max(spanX, spanY) * MAX_ZOOM < CLUSTER_RADIUS || needed <= this.transform.k * 1.05) {
      this.showPopup(c);
      return;
    }
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    const k = Math.min(MAX_ZOOM, needed);
    this.setTransform({ k, x: this.width / 2 - cx * k, y: this.height / 2 - cy * k });
  }

  showPopup(c) {
    this.closePopup();
    const members = [...c.members].sort((a, b) => (b.event.date ?? "").localeCompare(a.event.date ?? ""));
    const shown = members.slice(0, 40);
    const list = el("ul", { className: "map-popup-list" });
    for (const { event } of shown) {
      list.append(
        el(
          "li",
          {},
          el(
            "button",
            { type: "button", className: "popup-event", dataset: { eventId: event.id }, on: { click: () => this.onSelect(event.id) } },
            el("span", { className: `chip q${eventQuad(event) ?? 0}`, text: event.type }),
            el("span", { className: "popup-date", text: event.date ?? "no date" }),
            el("span", { className: "popup-who", text: [event.actor, event.recipient].filter(Boolean).join(" → ") || event.sentence || "" }),
          ),
        ),
      );
    }
    const place = members.find((m) => m.event.place)?.event.place;
    this.popup = el(
      "div",
      { className: "map-popup", role: "dialog", "aria-label": `Events at ${place ?? "this spot"}` },
      el(
        "div",
        { className: "map-popup-head" },
        el("strong", { text: `${members.length} events${place ? ` at ${place}` : ""}` }),
        el("button", { type: "button", className: "popup-close", "aria-label": "Close the list", text: "×", on: { click: () => this.closePopup() } }),
      ),
      list,
      members.length > shown.length ? el("p", { className: "card-note", text: `and ${members.length - shown.length} more: narrow the filters to see them` }) : null,
    );
    const left = Math.min(Math.max(8, c.x + 16), this.width - 300);
    const top = Math.min(Math.max(8, c.y - 20), this.height - 200);
    this.popup.style.left = `${left}px`;
    this.popup.style.top = `${Math.max(8, top)}px`;
    this.container.append(this.popup);
    this.popup.querySelector("button.popup-event")?.focus();
  }

  closePopup() {
    this.popup?.remove();
    this.popup = null;
  }

  // ---- pan and zoom -------------------------------------------------------------------

  clamp(t) {
    const k = Math.min(MAX_ZOOM, Math.max(1, t.k));
    const fit = (lo, hi, view, shift) => {
      const size = (hi - lo) * k;
      if (size <= view) return (view - size) / 2 - lo * k;
      return Math.min(-lo * k, Math.max(view - hi * k, shift));
    };
    const { x0, y0, x1, y1 } = this.bounds;
    return { k, x: fit(x0, x1, this.width, t.x), y: fit(y0, y1, this.height, t.y) };
  }

  setTransform(t) {
    if (!this.bounds) return;
    const before = this.transform.k;
    this.transform = this.clamp(t);
    if (before < DETAIL_ZOOM !== this.transform.k < DETAIL_ZOOM && this.detailedFeatures) this.drawBasemap();
    this.maybeLoadDetail();
    this.applyTransform();
    const cellsChange = this.allSingles === null && (this.levelFor(before) > 0 || this.levelFor(this.transform.k) > 0);
    const regionsChange = before >= REGION_ZOOM || this.transform.k >= REGION_ZOOM;
    if (this.areas && (cellsChange || regionsChange)) this.detailSoon();
  }

  applyTransform() {
    if (!this.bounds) return;
    this.transform = this.clamp(this.transform);
    const { k, x, y } = this.transform;
    this.base.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
    this.renderMarkers();
  }

  zoomBy(factor, at = [this.width / 2, this.height / 2]) {
    this.closePopup();
    const { k, x, y } = this.transform;
    const nk = Math.min(MAX_ZOOM, Math.max(1, k * factor));
    const [px, py] = at;
    this.setTransform({ k: nk, x: px - ((px - x) * nk) / k, y: py - ((py - y) * nk) / k });
  }

  resetZoom() {
    this.closePopup();
    this.setTransform({ k: 1, x: 0, y: 0 });
  }

  localPoint(evt) {
    const rect = this.svg.getBoundingClientRect();
    return [evt.clientX - rect.left, evt.clientY - rect.top];
  }

  bindInteraction() {
    const node = this.svg;
    node.addEventListener(
      "wheel",
      (evt) => {
        evt.preventDefault();
        const factor = Math.exp(-evt.deltaY * (evt.deltaMode === 1 ? 0.05 : 0.002));
        this.zoomBy(factor, this.localPoint(evt));
      },
      { passive: false },
    );
    node.addEventListener("dblclick", (evt) => {
      evt.preventDefault();
      this.zoomBy(evt.shiftKey ? 0.5 : 2, this.localPoint(evt));
    });
    let drag = null;
    node.addEventListener("pointerdown", (evt) => {
      if (evt.button !== 0) return;
      drag = { id: evt.pointerId, x: evt.clientX, y: evt.clientY, t: { ...this.transform }, captured: false };
      this.dragged = false;
    });
    node.addEventListener("pointermove", (evt) => {
      if (drag === null || evt.pointerId !== drag.id) return;
      const dx = evt.clientX - drag.x;
      const dy = evt.clientY - drag.y;
      if (!drag.captured && Math.hypot(dx, dy) < 4) return;
      if (!drag.captured) {
        node.setPointerCapture(evt.pointerId);
        drag.captured = true;
        this.dragged = true;
        node.classList.add("dragging");
        hideTooltip();
        this.closePopup();
      }
      this.setTransform({ k: drag.t.k, x: drag.t.x + dx, y: drag.t.y + dy });
    });
    const end = (evt) => {
      if (drag === null || evt.pointerId !== drag.id) return;
      drag = null;
      node.classList.remove("dragging");
      // `dragged` stays true until the click that ends this drag has been ignored.
      setTimeout(() => {
        this.dragged = false;
      }, 0);
    };
    node.addEventListener("pointerup", end);
    node.addEventListener("pointercancel", end);
    node.addEventListener("click", () => this.closePopup());
    node.addEventListener("keydown", (evt) => {
      if (evt.target !== node) return;
      const step = 60;
      const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (evt.key === "+" || evt.key === "=") this.zoomBy(2);
      else if (evt.key === "-" || evt.key === "_") this.zoomBy(0.5);
      else if (evt.key === "0") this.resetZoom();
      else if (moves[evt.key]) {
        const [dx, dy] = moves[evt.key];
        this.setTransform({ ...this.transform, x: this.transform.x + dx, y: this.transform.y + dy });
      } else return;
      evt.preventDefault();
    });
    this.container.addEventListener("keydown", (evt) => {
      if (evt.key === "Escape" && this.popup !== null) {
        this.closePopup();
        evt.stopPropagation();
      }
    });
  }
}
