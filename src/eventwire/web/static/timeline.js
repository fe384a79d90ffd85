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

function shortDay(n) {
  const d = new Date(n * DAY);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function monthLabel(n) {
  const d = new Date(n * DAY);
  return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : `${MONTHS[d.getUTCMonth()]}`;
}

/** Bins: day, ISO week (from Monday) or calendar month, by how long the range is. */
function binning(span) {
  if (span <= 150) return { unit: "day", start: (n) => n, next: (n) => n + 1 };
  if (span <= 3 * 365) {
    // 1970-01-01 was a Thursday: day n is a Monday when (n + 3) % 7 === 0.
    const monday = (n) => n - ((((n + 3) % 7) + 7) % 7);
    return { unit: "week", start: monday, next: (n) => n + 7 };
  }
  const first = (n) => {
    const d = new Date(n * DAY);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY);
  };
  const nextMonth = (n) => {
    const d = new Date(n * DAY);
    return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY);
  };
  return { unit: "month", start: first, next: nextMonth };
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** The shortest run of days holding `share` of the events: {lo, hi} day numbers. */
function densestWindow(rows, days, share) {
  const perDay = new Map();
  rows.forEach((r, i) => perDay.set(days[i], (perDay.get(days[i]) ?? 0) + r.n));
  const sorted = [...perDay].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  const need = total * share;
  let best = null;
  let sum = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (j < sorted.length && sum < need) sum += sorted[j++][1];
    if (sum < need) break;
    const lo = sorted[i][0];
    const hi = sorted[j - 1][0];
    if (best === null || hi - lo < best.hi - best.lo) best = { lo, hi };
    sum -= sorted[i][1];
  }
  return best;
}

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

  /** `stats` is the /stats?group=day,type answer; `filters` the filters it was asked with. */
  setData(stats, filters) {
    const [dayKey, typeKey] = stats.group ?? ["day", "type"];
    const rows = (stats.rows ?? []).filter((r) => typeof r[dayKey] === "string" && /^\d{4}-\d{2}-\d{2}/.test(r[dayKey]));
    const undated = (stats.rows ?? []).reduce((sum, r) => sum + r.n, 0) - rows.reduce((sum, r) => sum + r.n, 0);
    this.data = { rows, dayKey, typeKey, filters, undated };
    this.container.classList.remove("is-loading");
    this.draw();
  }

  draw() {
    if (this.data === null) return;
    const { rows, dayKey, typeKey, filters } = this.data;
    clear(this.container);
    clear(this.legend);
    if (rows.length === 0) {
      this.title.textContent = "Events per day";
      this.container.append(message("empty", "No dated events match these filters."));
      return;
    }
    const days = rows.map((r) => dayNumber(r[dayKey].slice(0, 10)));
    let lo = Math.min(...days);
    let hi = Math.max(...days);
    // A few events dated decades away would squash the rest into one bar: unless the
    // user set dates, show the shortest stretch holding 90% of the events when it is
    // much shorter than the whole range (a button shows everything).
    let outside = 0;
    const focus = filters.since || filters.until || this.showAll ? null : densestWindow(rows, days, 0.9);
    if (focus !== null && (focus.hi - focus.lo + 1) * 4 < hi - lo + 1) {
      [lo, hi] = [focus.lo, focus.hi];
      outside = rows.reduce((s, r, i) => s + (days[i] < lo || days[i] > hi ? r.n : 0), 0);
    }
    if (filters.since) lo = Math.min(lo, dayNumber(filters.since));
    if (filters.until) hi = Math.max(hi, dayNumber(filters.until));
    if (hi - lo < 6) {
      const pad = Math.ceil((6 - (hi - lo)) / 2);
      lo -= pad;
      hi += pad;
    } else if (!filters.since && !filters.until) {
      // A day of air on each side keeps the first and last bars off the edges.
      lo -= 1;
      hi += 1;
    }
    const bin = binning(hi - lo + 1);
    this.title.textContent = `Events per ${bin.unit}`;

    // Bins from lo to hi; counts per bin and type.
    const bins = [];
    const index = new Map();
    for (let n = bin.start(lo); n <= hi; n = bin.next(n)) {
      index.set(n, bins.length);
      bins.push({ start: n, end: bin.next(n) - 1, total: 0, byType: new Map() });
    }
    const types = new Set();
    for (const r of rows) {
      const b = bins[index.get(bin.start(dayNumber(r[dayKey].slice(0, 10))))];
      if (b === undefined) continue; // outside the stretch shown
      const type = r[typeKey] ?? "?";
      types.add(type);
      b.byType.set(type, (b.byType.get(type) ?? 0) + r.n);
      b.total += r.n;
    }
    const order = sortTypes(types);

    const width = Math.max(280, this.container.clientWidth);
    const height = Math.max(120, this.container.clientHeight || 170);
    const m = { top: 10, right: 12, bottom: 24, left: 36 };
    const plotW = width - m.left - m.right;
    const plotH = height - m.top - m.bottom;
    const maxTotal = Math.max(1, ...bins.map((b) => b.total));
    const step = niceStep(maxTotal, 4);
    const yMax = Math.ceil(maxTotal / step) * step;
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
      "aria-label": `${formatNumber(total)} events from ${isoDay(bins[0].start)} to ${isoDay(bins.at(-1).end)}; most in the ${bin.unit} of ${isoDay(busiest.start)} (${busiest.total})`,
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
        bars.append(svg("rect", { x: xOf(i) + inset, y: y1, width: barW, height: Math.max(0.5, y0 - y1), fill: typeColor(type), dataset: { day: isoDay(b.start), type } }));
        acc += n;
      }
    });
    root.append(bars);

    // X axis labels: at month starts for long ranges, else spaced days.
    const axis = svg("g", { className: "axis axis-x" });
    const minGap = 56;
    let lastX = -Infinity;
    bins.forEach((b, i) => {
      const x = xOf(i) + bw / 2;
      const label = bin.unit === "month" ? monthLabel(b.start) : shortDay(b.start);
      if (x - lastX >= minGap && x + minGap / 2 <= width) {
        axis.append(svg("line", { x1: x, x2: x, y1: m.top + plotH, y2: m.top + plotH + 4 }));
        axis.append(svg("text", { x, y: height - 6, "text-anchor": "middle", text: label }));
        lastX = x;
      }
    });
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
    if (this.data.undated > 0) {
      this.legend.append(el("span", { className: "legend-item legend-hint", text: `${formatNumber(this.data.undated)} without a date` }));
    }
    if (outside > 0 || this.showAll) {
      const toggle = el("button", {
        type: "button",
        className: "link-button",
        text: this.showAll ? "focus on the busiest stretch" : `${formatNumber(outside)} dated outside this stretch: show all dates`,
      });
      toggle.addEventListener("click", () => {
        this.showAll = !this.showAll;
        this.draw();
      });
      this.legend.append(toggle);
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
          `${label}: ${formatNumber(bin.total)} event${bin.total === 1 ? "" : "s"}`,
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
