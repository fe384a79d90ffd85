// The actor network: who acts on whom. Nodes are actor/recipient countries, edges the
// top pairs by events (from /stats?group=dyad; how many is adjustable, 15 by default),
// as thick as the count; the pairs left out are counted below. A circle layout, as SVG.

import { clear, el, formatNumber, hideTooltip, message, onResize, showTooltip, svg } from "./dom.js";
import { QUADS, quadColor, quadName, quadOf, sortTypes, typeColor } from "./plover.js";

const DEFAULT_LIMIT = 15;
const NEUTRAL = "#41618f"; // edges whose types are not known

export class Network {
  constructor({ container, note, onCountry }) {
    this.container = container;
    this.note = note;
    this.onCountry = onCountry;
    this.data = null;
    this.country = "";
    this.limit = DEFAULT_LIMIT;
    onResize(container, () => this.draw());
  }

  showLoading() {
    if (this.data === null) clear(this.container).append(message("loading", "Loading the network…"));
    this.container.classList.add("is-loading");
  }

  showError(text) {
    this.data = null;
    this.container.classList.remove("is-loading");
    clear(this.container).append(message("error", text));
    this.note.textContent = "";
  }

  setLimit(limit) {
    this.limit = limit;
    this.draw();
  }

  /** `pairs` is the /map/pairs answer: the top pairs (largest first), and how many
   * pairs and events are left out; `limit` pairs are drawn (at most the rows). */
  setData(pairs, country, limit = DEFAULT_LIMIT) {
    this.country = country;
    this.limit = limit;
    // Nodes are countries, or a country and a sector ("KEN MIL"; "KEN ?" when the
    // sector is not known) when the pairs hold sectors.
    const sectors = (pairs.rows ?? []).some((r) => "actor_sector" in r);
    const id = (country, sector) => (sectors ? `${country} ${sector ?? "?"}` : country);
    this.countryOf = new Map();
    const edges = (pairs.rows ?? []).map((r) => {
      const source = id(r.actor_country, r.actor_sector);
      const target = id(r.recipient_country, r.recipient_sector);
      this.countryOf.set(source, r.actor_country);
      this.countryOf.set(target, r.recipient_country);
      return { source, target, n: r.n, byType: new Map() };
    });
    this.data = { edges, sectors, undrawn: pairs.unpaired ?? 0, morePairs: pairs.more_pairs ?? 0, moreEvents: pairs.more_events ?? 0 };
    this.container.classList.remove("is-loading");
    this.draw();
  }

  draw() {
    if (this.data === null) return;
    clear(this.container);
    const { undrawn } = this.data;
    const all = this.data.edges;
    const edges = all.slice(0, this.limit);
    const left = all.slice(this.limit);
    const morePairs = left.length + this.data.morePairs;
    const moreEvents = left.reduce((s, e) => s + e.n, 0) + this.data.moreEvents;
    const weight = new Map();
    for (const e of edges) {
      weight.set(e.source, (weight.get(e.source) ?? 0) + e.n);
      weight.set(e.target, (weight.get(e.target) ?? 0) + e.n);
    }
    const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || a.localeCompare(b));
    const notes = [];
    const drawn = edges.reduce((s, e) => s + e.n, 0);
    if (edges.length) notes.push(`top ${edges.length} pair${edges.length === 1 ? "" : "s"}: ${formatNumber(drawn)} event${drawn === 1 ? "" : "s"} between ${nodes.length} ${this.data.sectors ? "countries and sectors" : "countries"}`);
    if (morePairs) notes.push(`${formatNumber(morePairs)} more pair${morePairs === 1 ? "" : "s"} not shown (${formatNumber(moreEvents)} events)`);
    if (undrawn) notes.push(`${formatNumber(undrawn)} events lack an actor or recipient country`);
    this.note.textContent = notes.join(" · ");
    this.container.dataset.pairs = String(edges.length);
    this.container.dataset.morePairs = String(morePairs);
    if (edges.length === 0) {
      this.container.append(message("empty", "No events with both an actor and a recipient country match these filters."));
      return;
    }

    const width = Math.max(240, this.container.clientWidth);
    const height = Math.max(220, this.container.clientHeight || 300);
    const cx = width / 2;
    const cy = height / 2;
    // Room around the ring for the largest node, its halo (events within the country)
    // and its label: 20 px of node, 12 of halo, 12 of gap, a line or three letters.
    const labelPx = 7 * Math.max(3, ...nodes.map((n) => n.length));
    const ring = Math.max(30, Math.min(width / 2 - 52 - labelPx, height / 2 - 62));
    // Order the ring so that a country's partners tend to sit near it: strongest first,
    // then each next node is the unplaced one most connected to the last placed.
    const order = [nodes[0]];
    const link = (a, b) => edges.reduce((s, e) => s + ((e.source === a && e.target === b) || (e.source === b && e.target === a) ? e.n : 0), 0);
    const rest = new Set(nodes.slice(1));
    while (rest.size) {
      const last = order.at(-1);
      let best = null;
      for (const c of rest) if (best === null || link(last, c) > link(last, best) || (link(last, c) === link(last, best) && weight.get(c) > weight.get(best))) best = c;
      order.push(best);
      rest.delete(best);
    }
    const pos = new Map();
    order.forEach((node, i) => {
      // Two countries face each other left and right; more start at the top.
      const angle = (2 * Math.PI * i) / order.length + (order.length === 2 ? Math.PI : -Math.PI / 2);
      pos.set(node, { x: order.length === 1 ? cx : cx + ring * Math.cos(angle), y: order.length === 1 ? cy : cy + ring * Math.sin(angle), angle });
    });
    const maxWeight = Math.max(...nodes.map((n) => weight.get(n)));
    const maxEdge = Math.max(...edges.map((e) => e.n));
    const radius = (n) => 7 + 13 * Math.sqrt(weight.get(n) / maxWeight);
    const strokeW = (n) => 1 + 9 * Math.sqrt(n / maxEdge);

    const root = svg("svg", {
      className: "network-svg",
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "group",
      "aria-label": `Network of ${nodes.length} countries; ${edges.length} actor-to-recipient links`,
    });
    const defs = svg("defs");
    for (const q of [...QUADS.map((x) => x.id), 0]) {
      defs.append(
        svg(
          "marker",
          { id: `arrow-q${q}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, orient: "auto", markerUnits: "userSpaceOnUse" },
          svg("path", { d: "M0,0L10,5L0,10z", fill: q ? quadColor(q) : NEUTRAL }),
        ),
      );
    }
    root.append(defs);

    const edgeLayer = svg("g", { className: "edges" });
    const haloWidth = new Map();
    const sorted = [...edges].sort((a, b) => a.n - b.n);
    for (const e of sorted) {
      const types = sortTypes([...e.byType.keys()]);
      const quadCounts = new Map();
      for (const [t, n] of e.byType) quadCounts.set(quadOf(t), (quadCounts.get(quadOf(t)) ?? 0) + n);
      const quad = quadCounts.size ? [...quadCounts].sort((a, b) => b[1] - a[1] || (b[0] ?? 0) - (a[0] ?? 0))[0][0] : null;
      const color = quad === null ? NEUTRAL : quadColor(quad);
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      let d;
      const self = e.source === e.target;
      if (self) {
        // Events within one country: a halo around its node.
        const halo = radius(e.source) + 2 + strokeW(e.n) / 2;
        haloWidth.set(e.source, strokeW(e.n) + 2);
        d = `M${a.x - halo},${a.y}a${halo},${halo} 0 1,0 ${2 * halo},0a${halo},${halo} 0 1,0 ${-2 * halo},0`;
      } else {
        // Curve to the right of the direction of travel, so A→B and B→A stay apart,
        // and stop at the target circle's edge so the arrowhead shows.
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len = Math.hypot(dx, dy) || 1;
        const bend = Math.min(60, len * 0.18);
        const mx = (a.x + b.x) / 2 - (dy / len) * bend;
        const my = (a.y + b.y) / 2 + (dx / len) * bend;
        const tx = b.x - mx;
        const ty = b.y - my;
        const tl = Math.hypot(tx, ty) || 1;
        const rb = radius(e.target) + 2;
        const sx = a.x + ((mx - a.x) / (Math.hypot(mx - a.x, my - a.y) || 1)) * radius(e.source);
        const sy = a.y + ((my - a.y) / (Math.hypot(mx - a.x, my - a.y) || 1)) * radius(e.source);
        d = `M${sx},${sy}Q${mx},${my} ${b.x - (tx / tl) * rb},${b.y - (ty / tl) * rb}`;
      }
      const path = svg("path", {
        className: "edge",
        d,
        stroke: color,
        "stroke-width": strokeW(e.n).toFixed(2),
        "marker-end": self ? null : `url(#arrow-q${quad ?? 0})`,
        dataset: { source: e.source, target: e.target, n: e.n },
      });
      const tip = (evt) =>
        showTooltip(evt.clientX, evt.clientY, [
          self ? `${e.source} on ${e.source} (within the country): ${e.n} event${e.n === 1 ? "" : "s"}` : `${e.source} → ${e.target}: ${e.n} event${e.n === 1 ? "" : "s"}`,
          ...types.map((t) => [typeColor(t), `${t} ${e.byType.get(t)}`]),
          quad !== null ? `mostly ${quadName(quad).toLowerCase()}` : "",
        ]);
      path.addEventListener("pointerenter", tip);
      path.addEventListener("pointermove", tip);
      path.addEventListener("pointerleave", hideTooltip);
      edgeLayer.append(path);
    }
    root.append(edgeLayer);

    const nodeLayer = svg("g", { className: "nodes" });
    for (const node of order) {
      const p = pos.get(node);
      const r = radius(node);
      const nodeCountry = this.countryOf?.get(node) ?? node;
      const active = nodeCountry === this.country;
      const out = edges.filter((e) => e.source === node).reduce((s, e) => s + e.n, 0);
      const into = edges.filter((e) => e.target === node).reduce((s, e) => s + e.n, 0);
      const labelOut = order.length > 1 ? r + 12 + (haloWidth.get(node) ?? 0) : 0;
      const lx = p.x + Math.cos(p.angle) * labelOut;
      const ly = order.length > 1 ? p.y + Math.sin(p.angle) * labelOut : p.y + r + 14 + (haloWidth.get(node) ?? 0);
      const g = svg(
        "g",
        {
          className: `node${active ? " active" : ""}`,
          role: "button",
          tabindex: "0",
          "aria-pressed": active ? "true" : "false",
          "aria-label": `${node}: acts in ${out}, receives ${into} events; ${active ? "clear the country filter" : "filter by this country"}`,
          dataset: { country: nodeCountry, node },
        },
        svg("circle", { cx: p.x, cy: p.y, r }),
        svg("text", { x: lx, y: ly, dy: "0.35em", "text-anchor": Math.abs(Math.cos(p.angle)) < 0.3 || order.length === 1 ? "middle" : Math.cos(p.angle) > 0 ? "start" : "end", text: node }),
      );
      const activate = () => this.onCountry(active ? "" : nodeCountry);
      g.addEventListener("click", activate);
      g.addEventListener("keydown", (evt) => {
        if (evt.key === "Enter" || evt.key === " ") {
          evt.preventDefault();
          activate();
        }
      });
      const tip = (evt) => showTooltip(evt.clientX, evt.clientY, [node, `acts in ${out} event${out === 1 ? "" : "s"}`, `is the recipient in ${into}`, active ? "click to clear the filter" : "click to filter by this country"]);
      g.addEventListener("pointerenter", tip);
      g.addEventListener("pointermove", tip);
      g.addEventListener("pointerleave", hideTooltip);
      nodeLayer.append(g);
    }
    root.append(nodeLayer);
    this.container.append(root);
    this.container.append(el("p", { className: "network-hint", text: "arrows point from actor to recipient · click a country to filter" }));
  }
}
