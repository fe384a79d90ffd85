// The event table: one page of /events at a time, paged with next_cursor (a stack of
// cursors gives "previous"), sortable by date, confidence and mentions. A row opens
// the event in the side panel.

import { clear, el, formatNumber, message } from "./dom.js";
import { quadOf } from "./plover.js";

export const PAGE_SIZE = 50;

const SORTABLE = new Set(["date", "confidence", "mentions"]);

export function parseSort(value) {
  const key = (value ?? "").replace(/^-/, "");
  return SORTABLE.has(key) ? value : "-date";
}

export function casualtiesText(event) {
  const parts = [];
  if (event.dead != null) parts.push(`${event.dead} killed`);
  if (event.injured != null) parts.push(`${event.injured} injured`);
  if (event.arrested != null) parts.push(`${event.arrested} arrested`);
  return parts.join(", ");
}

export function actorCell(name, code) {
  if (!name && !code) return el("span", { className: "muted", text: "—" });
  return el("span", { className: "actor" }, name ? el("span", { className: "actor-name", text: name }) : null, code ? el("span", { className: "code", text: code }) : null);
}

export function typeChip(event) {
  const quad = event.quad_class ?? quadOf(event.type) ?? 0;
  return el("span", { className: `chip q${quad}`, text: event.type });
}

export class EventTable {
  constructor({ body, note, prev, next, sortButtons, onSelect, onSort }) {
    this.body = body;
    this.note = note;
    this.prev = prev;
    this.next = next;
    this.sortButtons = sortButtons;
    this.onSelect = onSelect;
    this.onSort = onSort;
    this.cursors = [null]; // cursor of each page seen so far; the last is the current page
    this.nextCursor = null;
    this.selectedId = null;
    this.total = null;
    this.rows = 0;
    this.loadPage = null;
    prev.addEventListener("click", () => this.go(-1));
    next.addEventListener("click", () => this.go(1));
    for (const button of sortButtons) {
      button.addEventListener("click", () => {
        const key = button.dataset.sort;
        const current = this.sort.replace(/^-/, "");
        const descending = this.sort.startsWith("-");
        this.onSort(current === key && descending ? key : `-${key}`);
      });
    }
    this.sort = "-date";
  }

  /** Start again from the first page; `loadPage(cursor)` fetches one page. */
  reset(loadPage, sort) {
    this.loadPage = loadPage;
    this.sort = sort;
    this.cursors = [null];
    this.renderSort();
    return this.fetch();
  }

  /** The filter's totals: events, and fatalities (null when unknown); `measure` says
   * which the page counts (it comes first). */
  setTotal(total, fatalities = null, measure = "events") {
    this.total = total;
    this.fatalities = fatalities;
    this.measure = measure;
    this.renderNote();
  }

  async go(step) {
    if (step > 0 && this.nextCursor) this.cursors.push(this.nextCursor);
    else if (step < 0 && this.cursors.length > 1) this.cursors.pop();
    else return;
    await this.fetch();
    this.body.closest(".table-scroll")?.scrollTo({ top: 0 });
  }

  async fetch() {
    this.body.closest("table")?.classList.add("is-loading");
    this.prev.disabled = true;
    this.next.disabled = true;
    const page = await this.loadPage(this.cursors.at(-1));
    if (page === null) return; // superseded by a newer request
    this.body.closest("table")?.classList.remove("is-loading");
    this.nextCursor = page.next_cursor ?? null;
    this.render(page.events ?? []);
  }

  showError(text) {
    this.body.closest("table")?.classList.remove("is-loading");
    clear(this.body).append(el("tr", {}, el("td", { colSpan: 9 }, message("error", text))));
    this.note.textContent = "";
  }

  renderSort() {
    const key = this.sort.replace(/^-/, "");
    for (const button of this.sortButtons) {
      const th = button.closest("th");
      const on = button.dataset.sort === key;
      th.setAttribute("aria-sort", on ? (this.sort.startsWith("-") ? "descending" : "ascending") : "none");
      button.dataset.direction = on ? (this.sort.startsWith("-") ? "desc" : "asc") : "";
    }
  }

  renderNote() {
    const first = (this.cursors.length - 1) * PAGE_SIZE + 1;
    const last = first + this.rows - 1;
    const of = this.total == null ? "" : ` of ${formatNumber(this.total)} events`;
    const dead = this.fatalities == null ? "" : `${formatNumber(this.fatalities)} fatalities`;
    const shown = this.rows ? `${formatNumber(first)}–${formatNumber(last)}${of}` : "";
    this.note.textContent = [this.measure === "fatalities" ? dead : "", shown, this.measure === "fatalities" ? "" : dead].filter(Boolean).join(" · ");
  }

  render(events) {
    clear(this.body);
    this.rows = events.length;
    this.prev.disabled = this.cursors.length <= 1;
    this.next.disabled = this.nextCursor === null;
    this.renderNote();
    if (events.length === 0) {
      this.body.append(el("tr", {}, el("td", { colSpan: 9 }, message("empty", "No events match these filters."))));
      return;
    }
    for (const event of events) {
      const flags = (event.flags ?? []).map((f) => el("span", { className: "flag", text: f }));
      if (event.headline) flags.push(el("span", { className: "flag headline", text: "headline", title: "reported in an article's headline" }));
      const row = el(
        "tr",
        {
          className: `event-row${event.id === this.selectedId ? " selected" : ""}`,
          tabindex: "0",
          dataset: { eventId: event.id },
          "aria-label": `Open event ${event.id}, ${event.type} on ${event.date ?? "an unknown date"}`,
        },
        el("td", { className: "nowrap", text: event.date ?? "—" }),
        el("td", {}, typeChip(event), ...flags),
        el("td", { className: "muted", text: event.mode ?? "" }),
        el("td", {}, actorCell(event.actor, event.actor_code)),
        el("td", {}, actorCell(event.recipient, event.recipient_code)),
        el("td", {}, event.place ?? "", event.place_country ? el("span", { className: "code", text: event.place_country }) : null),
        el("td", { text: casualtiesText(event) }),
        el("td", { className: "num" }, el("span", { className: "confidence" }, el("span", { className: "confidence-bar", style: { width: `${Math.round((event.confidence ?? 0) * 100)}%` } })), (event.confidence ?? 0).toFixed(2)),
        el("td", { className: "num", text: event.num_mentions ?? event.num_articles ?? "" }),
      );
      row.addEventListener("click", () => this.onSelect(event.id));
      row.addEventListener("keydown", (evt) => {
        if (evt.key === "Enter" || evt.key === " ") {
          evt.preventDefault();
          this.onSelect(event.id);
        }
      });
      this.body.append(row);
    }
  }

  setSelected(eventId) {
    this.selectedId = eventId;
    for (const row of this.body.querySelectorAll("tr.event-row")) {
      row.classList.toggle("selected", Number(row.dataset.eventId) === eventId);
    }
  }
}
