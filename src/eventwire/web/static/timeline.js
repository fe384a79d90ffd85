// The timeline: stacked bars of event counts per day (or week or month when the range
// is long) by PLOVER type, drawn as SVG. Hover shows the counts; a click on a bar or a
// drag across bars sets the date range filter.

import { clear, el, formatNumber, hideTooltip, message, onResize, showTooltip, svg } from "./dom.js";
import { sortTypes, typeColor } from "./plover.js";

const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

function isoDay(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

function monthStart(n) {
  const d = new Date(n * DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY);
}

function nextMonth(n) {
  const d = new Date(n * DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY);
}

function yearStart(n) {
  return Math.floor(Date.UTC(new Date(n * DAY).getUTCFullYear(), 0, 1) / DAY);
}

function nextYear(n) {
  return Math.floor(Date.UTC(new Date(n * DAY).getUTCFullYear() + 1, 0, 1) / DAY);
}

/** Bins by how long the range is: days, ISO weeks (from Monday) or months when the
 * data is daily; months or years when it is monthly. */
function binning(span, grain) {
  if (grain === "day") {
    if (span <= 150) return { unit: "day", start: (n) => n, next: (n) => n + 1 };
    // 1970-01-01 was a Thursday: day n is a Monday when (n + 3) % 7 === 0.
    const monday = (n) => n - ((((n + 3) % 7) + 7) % 7);
    if (span <= 3 * 365) return { unit: "week", start: monday, next: (n) => n + 7 };
  }
  if (span <= 20 * 366) return { unit: "month", start: monthStart, next: nextMonth };
  return { unit: "year", start: yearStart, next: nextYear };
}

/** The axis label of a bin: the year is always shown where it starts and on the first. */
function binLabel(n, unit, first) {
  const d = new Date(n * DAY);
  const year = d.getUTCFullYear();
  if (unit === "year") return String(year);
  if (unit === "month") return d.getUTCMonth() === 0 ? String(year) : first ? `${MONTHS[d.getUTCMonth()]} ${year}` : MONTHS[d.getUTCMonth()];
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return first || (d.getUTCMonth() === 0 && d.getUTCDate() <= 7) ? `${day} ${year}` : day;
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

// Width of a label in the axis font (11px sans-serif digits are ~6.5px; a margin).
const CHAR_PX = 7;

export class Timeline {
  constructor({ container, legend, title, note, onRange }) {
    this.container = container;
    this.legend = legend;
    this.title = title;
    this.note = note;
    this.showAll = false;
    this.onRange = onRange;
    this.data = null;
    onResize(container, () => this.draw());
  }

  showLoading() {
    if (this.data === null) {
      clear(this.container).append(message("loading", "Loading the timeline…"));
    }
    this.container.classList.add("is-loading");
  }

  showError(text) {
    this.data = null;
    this.container.classList.remove("is-loading");
    clear(this.container).append(message("error", text));
    clear(this.legend);
  }

  /** `series` is the /map/series answer (grain day or month; rows of period, type,
   * n and dead); `filters` the filters it was asked with; `measure` events or
   * fatalities. */
  setData(series, filters, measure = "events") {
    const grain = series.grain ?? "day";
    const all = series.rows ?? [];
    const rows = all.filter((r) => typeof r.period === "string" && /^\d{4}-\d{2}/.test(r.period)).map((r) => ({ ...r, day: dayNumber(r.period.length === 7 ? `${r.period}-01` : r.period.slice(0, 10)) }));
    const undated = all.filter((r) => !r.period);
    this.data = { rows, grain, filters, undated };
    this.measure = measure;
    this.container.classList.remove("is-loading");
    this.draw();
  }

  setMeasure(measure) {
    this.measure = measure;
    this.draw();
  }

  value(row) {
    return this.measure === "fatalities" ? row.dead : row.n;
  }

  draw() {
    if (this.data === null) return;
    const { rows, grain, filters } = this.data;
    const what = this.measure === "fatalities" ? "Fatalities" : "Events";
    clear(this.container);
    clear(this.legend);
    const counted = rows.filter((r) => this.value(r) > 0);
    if (counted.length === 0) {
      this.title.textContent = `${what} over time`;
      this.container.append(message("empty", this.measure === "fatalities" ? "No fatalities are reported for dated events that match these filters." : "No dated events match these filters."));
      return;
    }
    // The whole range of the data (or of the dates asked for), so nothing dated is hidden.
    let lo = Math.min(...counted.map((r) => r.day));
    let hi = Math.max(...counted.map((r) => (grain === "month" ? nextMonth(r.day) - 1 : r.day)));
    if (filters.since) lo = Math.min(lo, dayNumber(filters.since));
    if (filters.until) hi = Math.max(hi, dayNumber(filters.until));
    if (hi - lo < 6) {
      const pad = Math.ceil((6 - (hi - lo)) / 2);
      lo -= pad;
      hi += pad;
    }
    const bin = binning(hi - lo + 1, grain);
    this.title.textContent = `${what} per ${bin.unit}`;

    // Bins from lo to hi; values per bin and type.
    const bins = [];
    const index = new Map();
    for (let n = bin.start(lo); n <= hi; n = bin.next(n)) {
      index.set(n, bins.length);
      bins.push({ start: n, end: bin.next(n) - 1, total: 0, byType: new Map() });
    }
    const types = new Set();
    for (const r of counted) {
      const b = bins[index.get(bin.start(r.day))];
      if (b === undefined) continue;
      const type = r.type ?? "?";
      const v = this.value(r);
      types.add(type);
      b.byType.set(type, (b.byType.get(type) ?? 0) + v);
      b.total += v;
    }
    const order = sortTypes(types);

    const width = Math.max(280, this.container.clientWidth);
    const height = Math.max(120, this.container.clientHeight || 170);
    const maxTotal = Math.max(1, ...bins.map((b) => b.total));
    const step = niceStep(maxTotal, 4);
    const yMax = Math.ceil(maxTotal / step) * step;
    // The left margin fits the longest y label, whatever the counts.
    const m = { top: 10, right: 14, bottom: 24, left: 12 + CHAR_PX * formatNumber(yMax).length };
    const plotW = width - m.left - m.right;
    const plotH = height - m.top - m.bottom;
    const bw = plotW / bins.length;
    const xOf = (i) => m.left + i * bw;
    const yOf = (v) => m.top + plotH - (v / yMax) * plotH;

    const busiest = bins.reduce((a, b) => (b.total > a.total ? b : a));
    const total = bins.reduce((s, b) => s + b.total, 0);
    const root = svg("svg", {
      className: "timeline-svg",
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
      "aria-label": `${formatNumber(total)} ${what.toLowerCase()} from ${isoDay(bins[0].start)} to ${isoDay(bins.at(-1).end)}; most in the ${bin.unit} of ${isoDay(busiest.start)} (${busiest.total})`,
    });

    const grid = svg("g", { className: "axis axis-y" });
    for (let v = 0; v <= yMax; v += step) {
      grid.append(svg("line", { x1: m.left, x2: width - m.right, y1: yOf(v), y2: yOf(v), className: v === 0 ? "baseline" : "gridline" }));
      grid.append(svg("text", { x: m.left - 6, y: yOf(v), dy: "0.32em", "text-anchor": "end", text: formatNumber(v) }));
    }
    root.append(grid);

    const bars = svg("g", { className: "bars" });
    const gap = bw > 4 ? Math.min(2, bw * 0.15) : 0;
    const barW = Math.max(0.8, Math.min(bw - gap, 36));
    const inset = (bw - barW) / 2;
    bins.forEach((b, i) => {
      let acc = 0;
      for (const type of order) {
        const n = b.byType.get(type) ?? 0;
        if (n === 0) continue;
        const y0 = yOf(acc);
        const y1 = yOf(acc + n);
        bars.append(svg("rect", { x: xOf(i) + inset, y: y1, width: barW, height: Math.max(0.5, y0 - y1), fill: typeColor(type), dataset: { day: isoDay(b.start), end: isoDay(b.end), type, value: n } }));
        acc += n;
      }
    });
    root.append(bars);

    // X axis labels: the year where it starts (and on the first label), spaced so that
    // no two labels touch; a label that would run past either edge is left out.
    const axis = svg("g", { className: "axis axis-x" });
    let lastRight = -Infinity;
    const place = (i, label) => {
      const x = xOf(i) + bw / 2;
      const half = (label.length * CHAR_PX) / 2;
      if (x - half < lastRight + 8 || x - half < 0 || x + half > width) return false;
      axis.append(svg("line", { x1: x, x2: x, y1: m.top + plotH, y2: m.top + plotH + 4 }));
      axis.append(svg("text", { x, y: height - 6, "text-anchor": "middle", text: label }));
      lastRight = x + half;
      return true;
    };
    const yearStarts = bins.map((b, i) => [b, i]).filter(([b], i) => i === 0 || new Date(b.start * DAY).getUTCFullYear() !== new Date(bins[i - 1].start * DAY).getUTCFullYear());
    const roomForAll = bins.length * bw >= bins.length * (binLabel(bins[0].start, bin.unit, false).length * CHAR_PX + 10);
    if (roomForAll || bin.unit === "year") {
      bins.forEach((b, i) => place(i, binLabel(b.start, bin.unit, i === 0)));
    } else {
      // Years first; then as many bins between them as fit.
      const every = Math.max(1, Math.ceil(yearStarts.length / Math.max(1, Math.floor(plotW / 48))));
      yearStarts.forEach(([b, i], k) => {
        if (k % every === 0) place(i, String(new Date(b.start * DAY).getUTCFullYear()));
      });
    }
    root.append(axis);

    const hover = svg("rect", { className: "hover-bin", y: m.top, height: plotH, width: bw, visibility: "hidden" });
    const brush = svg("rect", { className: "brush", y: m.top, height: plotH, visibility: "hidden" });
    const overlay = svg("rect", { className: "overlay", x: m.left, y: m.top, width: plotW, height: plotH });
    root.append(hover, brush, overlay);
    this.bindBrush(root, overlay, hover, brush, bins, { xOf, bw, left: m.left, order, unit: bin.unit });
    this.container.append(root);

    for (const type of order) {
      this.legend.append(el("span", { className: "legend-item" }, el("span", { className: "swatch", style: { background: typeColor(type) } }), type));
    }
    const undated = this.data.undated.reduce((sum, r) => sum + this.value(r), 0);
    if (undated > 0) {
      this.legend.append(el("span", { className: "legend-item legend-hint", text: `${formatNumber(undated)} ${what.toLowerCase()} without a date (not drawn)` }));
    }
    this.note.textContent = `click a ${bin.unit} or drag across ${bin.unit}s to set the date range`;
  }

  bindBrush(root, overlay, hover, brush, bins, { xOf, bw, left, order, unit }) {
    const binAt = (evt) => {
      const rect = root.getBoundingClientRect();
      const x = ((evt.clientX - rect.left) * root.viewBox.baseVal.width) / rect.width;
      return Math.min(bins.length - 1, Math.max(0, Math.floor((x - left) / bw)));
    };
    let from = null;
    overlay.addEventListener("pointerdown", (evt) => {
      from = binAt(evt);
      overlay.setPointerCapture(evt.pointerId);
    });
    overlay.addEventListener("pointermove", (evt) => {
      const i = binAt(evt);
      hover.setAttribute("x", xOf(i));
      hover.setAttribute("visibility", "visible");
      if (from !== null && i !== from) {
        const a = Math.min(from, i);
        const b = Math.max(from, i);
        brush.setAttribute("x", xOf(a));
        brush.setAttribute("width", (b - a + 1) * bw);
        brush.setAttribute("visibility", "visible");
        hideTooltip();
      } else {
        const bin = bins[i];
        const label = unit === "day" ? isoDay(bin.start) : `${isoDay(bin.start)} – ${isoDay(bin.end)}`;
        showTooltip(evt.clientX, evt.clientY, [
          `${label}: ${formatNumber(bin.total)} ${this.measure === "fatalities" ? "fatalities" : `event${bin.total === 1 ? "" : "s"}`}`,
          ...order.filter((t) => bin.byType.get(t)).map((t) => [typeColor(t), `${t} ${bin.byType.get(t)}`]),
          bin.total ? "click to show only this " + unit : "",
        ].filter(Boolean));
      }
    });
    overlay.addEventListener("pointerleave", () => {
      hover.setAttribute("visibility", "hidden");
      hideTooltip();
    });
    overlay.addEventListener("pointerup", (evt) => {
      if (from === null) return;
      const i = binAt(evt);
      const a = Math.min(from, i);
      const b = Math.max(from, i);
      from = null;
      brush.setAttribute("visibility", "hidden");
      hideTooltip();
      if (a === b && bins[a].total === 0) return;
      this.onRange(isoDay(bins[a].start), isoDay(bins[b].end));
    });
    overlay.addEventListener("pointercancel", () => {
      from = null;
      brush.setAttribute("visibility", "hidden");
    });
  }
}
