// The first-level regions (states, provinces) of one country on the event map, shaded by
// events or fatalities. Their shapes come from /map/regions: approximate, each region is
// the land nearer to its own towns than to another region's (the offline gazetteer's
// towns), so they are clipped to the country's outline here. Their counts come from
// /map/admin1 under the dashboard's filters; the country's events without a region (and
// any whose region has no shape) are counted apart, so the parts add up to the country.

import { getJson } from "./api.js";
import { el, formatNumber, svg } from "./dom.js";

const CLIP_ID = "region-clip";

/** The SVG path of rings of [lon, lat], projected with `project` (even-odd holes). */
export function ringsPath(rings, project) {
  const parts = [];
  for (const ring of rings) {
    const points = [];
    for (const [lon, lat] of ring) {
      const p = project(lon, lat);
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) points.push(`${p[0].toFixed(2)},${p[1].toFixed(2)}`);
    }
    if (points.length >= 3) parts.push(`M${points.join("L")}Z`);
  }
  return parts.join("");
}

export class RegionLayer {
  constructor() {
    this.shapes = new Map(); // alpha-2 -> promise of the /map/regions answer
    this.shown = null; // { row, shapes, counts, key } drawn, or null
    this.scale = null;
  }

  /** The shapes of a country's regions (asked once per country and page). */
  shapesOf(country) {
    if (!this.shapes.has(country)) {
      const pending = getJson("/map/regions", [["area", country]]);
      pending.catch(() => this.shapes.delete(country));
      this.shapes.set(country, pending);
    }
    return this.shapes.get(country);
  }

  /** Show the regions of the country of `row` (an /map/areas row) under the filters of
   * `entries`; `key` tells one set of filters from another (no refetch within one);
   * `isCurrent()` says, once the answers are in, whether this call is still the latest.
   * Whether what is shown changed. */
  async show(row, entries, key, fetchCounts, isCurrent) {
    if (this.shown && this.shown.row.country === row.country && this.shown.key === key) return false;
    const [shapes, counts] = await Promise.all([this.shapesOf(row.country), fetchCounts([...entries, ["area", row.country]])]);
    if (!isCurrent()) return false; // a later call decided what to show
    this.shown = { row, shapes, counts, key };
    return true;
  }

  hide() {
    const had = this.shown !== null;
    this.shown = null;
    return had;
  }

  /** The regions' group, clipped to the country's paths in `base`, or null. */
  draw(base, project, value, measure, shadeScale) {
    if (this.shown === null) return null;
    const { row, shapes, counts } = this.shown;
    const outline = [...base.querySelectorAll("path.country")].filter((p) => p.dataset.country === row.iso3);
    if (outline.length === 0) return null;
    const byName = new Map(counts.rows.map((r) => [r.admin1, r]));
    this.scale = shadeScale(Math.max(0, ...counts.rows.map((r) => value(r))));
    const what = measure === "fatalities" ? "fatalities" : "events";
    const clip = svg("clipPath", { id: CLIP_ID }, ...outline.map((p) => svg("path", { d: p.getAttribute("d") })));
    const group = svg("g", { className: "regions", "clip-path": `url(#${CLIP_ID})`, dataset: { country: row.iso3, measure } });
    let shaded = 0;
    const drawn = new Set();
    for (const region of shapes.regions) {
      const d = ringsPath(region.rings, project);
      if (!d) continue;
      const r = byName.get(region.admin1);
      const v = r ? value(r) : 0;
      if (r) drawn.add(region.admin1);
      shaded += v;
      const shade = v > 0 ? this.scale.classOf(v) : -1;
      group.append(
        svg(
          "path",
          { className: `region${shade >= 0 ? ` shade-${shade}` : ""}`, d, "fill-rule": "evenodd", dataset: { admin1: region.admin1, n: String(v) } },
          svg("title", { text: `${region.admin1}: ${formatNumber(v)} ${what}` }),
        ),
      );
    }
    const unshaped = counts.rows.filter((r) => !drawn.has(r.admin1)).reduce((s, r) => s + value(r), 0);
    const none = value(counts.none);
    Object.assign(group.dataset, { shaded: String(shaded), unshaped: String(unshaped), none: String(none), total: String(shaded + unshaped + none) });
    const defs = svg("defs", {}, clip);
    return [defs, group];
  }

  /** The legend's row for the regions, or null when none are shown. */
  legend(measure) {
    if (this.shown === null || this.scale === null) return null;
    const { row, counts } = this.shown;
    const what = measure === "fatalities" ? "Fatalities" : "Events";
    const none = measure === "fatalities" ? counts.none.dead : counts.none.n;
    const items = [
      el("span", { className: "legend-break" }),
      el("span", { className: "legend-title", text: `${what} per region of ${row.name}` }),
    ];
    for (const [i, label] of this.scale.labels.entries()) {
      items.push(el("span", { className: "legend-item" }, el("span", { className: `swatch shade-swatch shade-${i + this.scale.offset}` }), label));
    }
    items.push(
      el("span", {
        className: "legend-item legend-hint",
        text: `regions approximate (the area nearest each region's towns)${none > 0 ? ` · ${formatNumber(none)} without a region` : ""}`,
      }),
    );
    return items;
  }
}
