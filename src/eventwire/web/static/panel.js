// The side panel for one event: what was coded, every mention of it, and the article it
// came from with the source sentence highlighted (<mark>) and the actor, recipient,
// place and trigger marked inside it. All article text is inserted as text nodes.

import { getJson, isAbort, latestOnly } from "./api.js";
import { byId, clear, el, message } from "./dom.js";
import { quadName, quadOf } from "./plover.js";
import { actorCell, casualtiesText, typeChip } from "./table.js";

// Inner marks, outermost first, with the words a reader sees for them.
const KINDS = [
  ["toponym", "place named in the article"],
  ["actor", "actor"],
  ["recipient", "recipient"],
  ["place", "place of the event"],
  ["trigger", "event word"],
];

function validSpan(start, end, length) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= length;
}

/**
 * The article text as DOM nodes: `sentence` ({start, end}) wrapped in one <mark>, and
 * `spans` ([{start, end, kind, label}]) as nested <span class="ann ann-KIND">. Only
 * text[from:] is shown (offsets stay those of the whole text).
 */
export function annotatedText(text, sentence, spans, from = 0) {
  const fragment = document.createDocumentFragment();
  const good = spans.filter((s) => validSpan(s.start, s.end, text.length) && s.start >= from);
  const hasSentence = sentence !== null && validSpan(sentence.start, sentence.end, text.length) && sentence.start >= from;
  const cuts = new Set([from, text.length]);
  for (const s of good) cuts.add(s.start).add(s.end);
  if (hasSentence) cuts.add(sentence.start).add(sentence.end);
  const points = [...cuts].filter((n) => n >= from).sort((a, b) => a - b);
  let mark = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(a, b));
    const active = good.filter((s) => s.start <= a && s.end >= b);
    for (const [kind] of [...KINDS].reverse()) {
      const span = active.find((s) => s.kind === kind);
      if (span) node = el("span", { className: `ann ann-${kind}`, title: span.label }, node);
    }
    const inSentence = hasSentence && a >= sentence.start && b <= sentence.end;
    if (inSentence) {
      mark ??= el("mark", { className: "source-sentence", id: "source-sentence" });
      mark.append(node);
      if (b === sentence.end) {
        fragment.append(mark);
      }
    } else {
      fragment.append(node);
    }
  }
  return fragment;
}

function safeUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function fact(label, ...value) {
  return [el("dt", { text: label }), el("dd", {}, ...value)];
}

export class EventPanel {
  constructor({ onSelect, onClose }) {
    this.panel = byId("panel");
    this.title = byId("panel-title");
    this.body = byId("panel-body");
    this.onSelect = onSelect;
    this.onClose = onClose;
    this.eventId = null;
    this.returnFocus = null;
    this.latest = latestOnly();
    this.latestArticle = latestOnly();
    byId("panel-close").addEventListener("click", () => this.close());
    document.addEventListener("keydown", (evt) => {
      if (evt.key === "Escape" && !this.panel.hidden) this.close();
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  async open(eventId) {
    if (!this.isOpen) this.returnFocus = document.activeElement;
    this.eventId = eventId;
    this.panel.hidden = false;
    document.body.classList.add("panel-open");
    this.title.textContent = `Event ${eventId}`;
    clear(this.body).append(message("loading", "Loading the event…"));
    this.title.focus({ preventScroll: true });
    try {
      const event = await this.latest((signal) => getJson(`/events/${encodeURIComponent(eventId)}`, [], { signal }));
      this.render(event);
    } catch (err) {
      if (isAbort(err)) return;
      clear(this.body).append(message("error", err.message));
    }
  }

  close() {
    if (!this.isOpen) return;
    this.panel.hidden = true;
    document.body.classList.remove("panel-open");
    this.eventId = null;
    this.onClose();
    if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  render(event) {
    clear(this.body);
    const quad = event.quad_class ?? quadOf(event.type);
    this.title.textContent = `${event.type}${event.mode ? ` · ${event.mode}` : ""}`;
    const head = el(
      "div",
      { className: "event-head" },
      typeChip(event),
      el("span", { className: "quad-name", text: quadName(quad) }),
      ...(event.flags ?? []).map((f) => el("span", { className: "flag", text: f })),
      event.headline ? el("span", { className: "flag headline", text: "headline", title: "reported in an article's headline" }) : null,
    );
    const facts = el("dl", { className: "facts" });
    const where = [event.place, event.place_admin1 !== event.place ? event.place_admin1 : null, event.place_country].filter(Boolean).join(", ");
    facts.append(
      ...fact("Date", event.date ?? "unknown", event.date_precision && event.date_precision !== "day" ? el("span", { className: "muted", text: ` (${event.date_precision})` }) : null),
      ...fact("Actor", actorCell(event.actor, event.actor_code)),
      ...fact("Recipient", actorCell(event.recipient, event.recipient_code)),
      ...fact("Place", where || "unknown", event.geo_precision ? el("span", { className: "muted", text: ` (${event.geo_precision})` }) : null),
    );
    const casualties = casualtiesText(event);
    if (casualties) facts.append(...fact("Casualties", casualties));
    facts.append(...fact("Confidence", (event.confidence ?? 0).toFixed(2)));
    facts.append(...fact("Reported", `${event.num_mentions ?? 1} mention${event.num_mentions === 1 ? "" : "s"} in ${event.num_articles ?? 1} article${event.num_articles === 1 ? "" : "s"}${event.num_sources ? `, ${event.num_sources} source${event.num_sources === 1 ? "" : "s"}` : ""}`));
    const views = [event.cameo_root && `CAMEO ${event.cameo_root}`, event.acled_event_type && `ACLED ${event.acled_event_type}${event.acled_sub_event_type ? ` / ${event.acled_sub_event_type}` : ""}`].filter(Boolean);
    if (views.length) facts.append(...fact("Views", views.join(" · ")));
    if (event.contexts?.length) facts.append(...fact("Contexts", event.contexts.join(", ")));

    const mentions = event.mentions ?? (event.mention ? [event.mention] : []);
    const mentionList = el("ol", { className: "mentions" });
    this.articleBox = el("article", { className: "article", "aria-live": "polite" });
    mentions.forEach((m, i) => {
      const meta = [m.source, m.published].filter(Boolean).join(" · ");
      const button = el(
        "button",
        { type: "button", className: `mention${i === 0 ? " current" : ""}`, "aria-label": `Show mention ${i + 1} in its article` },
        el("span", { className: "mention-title", text: m.article_title || `Article ${m.article_id}` }),
        meta ? el("span", { className: "mention-meta", text: meta }) : null,
        el("span", { className: "mention-sentence", text: m.sentence ?? "" }),
      );
      button.addEventListener("click", () => {
        for (const b of mentionList.querySelectorAll(".mention")) b.classList.remove("current");
        button.classList.add("current");
        this.showArticle(m, event);
      });
      mentionList.append(el("li", {}, button));
    });

    this.body.append(
      head,
      facts,
      el("h3", { text: `Mentions (${mentions.length})` }),
      mentions.length ? mentionList : message("empty", "This event has no stored mention."),
      el("h3", { text: "Source article" }),
      this.legend(),
      this.articleBox,
    );
    if (mentions.length) this.showArticle(mentions[0], event);
  }

  legend() {
    return el(
      "p",
      { className: "ann-legend" },
      el("mark", { className: "source-sentence-key", text: "source sentence" }),
      ...KINDS.map(([kind, label]) => el("span", { className: `ann ann-${kind}`, text: label })),
    );
  }

  async showArticle(mention, event) {
    const box = this.articleBox;
    clear(box).append(message("loading", "Loading the article…"));
    let article;
    try {
      article = await this.latestArticle((signal) => getJson(`/articles/${encodeURIComponent(mention.article_id)}`, [], { signal }));
    } catch (err) {
      if (isAbort(err)) return;
      clear(box).append(message("error", err.message));
      return;
    }
    clear(box);
    const text = article.text ?? "";
    const spans = [];
    for (const p of article.places ?? []) {
      spans.push({ start: p.start, end: p.end, kind: "toponym", label: [p.name, p.country_code].filter(Boolean).join(", ") || "place" });
    }
    const add = (start, end, kind, label) => spans.push({ start, end, kind, label });
    add(mention.actor_start, mention.actor_end, "actor", `actor: ${[event.actor_code, event.actor].filter(Boolean).join(" ")}`);
    add(mention.recipient_start, mention.recipient_end, "recipient", `recipient: ${[event.recipient_code, event.recipient].filter(Boolean).join(" ")}`);
    add(mention.place_start, mention.place_end, "place", `place: ${event.place ?? ""}`);
    add(mention.trigger_start, mention.trigger_end, "trigger", `${event.type}${event.mode ? ` (${event.mode})` : ""}`);

    const url = safeUrl(article.url);
    const meta = [article.source, article.published, article.author].filter(Boolean).join(" · ");
    // Show the body (with the title and captions above it) when the sentence is in it;
    // the raw text, with repeated titles and captions, is one click away.
    const body = typeof article.body === "string" && article.body ? text.lastIndexOf(article.body) : -1;
    const bodyStart = body >= 0 && mention.start >= body ? body : 0;
    const sentence = { start: mention.start, end: mention.end };
    const textBox = el("div", { className: "article-text" }, annotatedText(text, sentence, spans, bodyStart));
    const captions = bodyStart > 0 ? (article.captions ?? []).map((c) => el("p", { className: "article-caption", text: c })) : [];
    let raw = bodyStart === 0;
    const toggle = bodyStart > 0
      ? el("button", { type: "button", className: "link-button raw-toggle", text: "Show the full stored text", "aria-pressed": "false" })
      : null;
    toggle?.addEventListener("click", () => {
      raw = !raw;
      clear(textBox).append(annotatedText(text, sentence, spans, raw ? 0 : bodyStart));
      for (const c of captions) c.hidden = raw;
      toggle.textContent = raw ? "Show the article body" : "Show the full stored text";
      toggle.setAttribute("aria-pressed", String(raw));
      textBox.querySelector("mark.source-sentence")?.scrollIntoView({ block: "center" });
    });
    const parts = [
      el("h4", { className: "article-title", text: article.title || `Article ${article.id}` }),
      meta ? el("p", { className: "article-meta", text: meta }) : null,
      url ? el("p", { className: "article-meta" }, el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: url })) : null,
      ...captions,
      textBox,
      toggle,
    ];
    box.append(...parts.filter((part) => part !== null));
    const others = (article.mentions ?? []).filter((m) => m.event_id !== event.id);
    if (others.length) {
      const seen = new Set();
      const list = el("p", { className: "other-events" }, "Other events in this article: ");
      for (const m of others) {
        if (seen.has(m.event_id)) continue;
        seen.add(m.event_id);
        list.append(el("button", { type: "button", className: `chip chip-button q${quadOf(m.type) ?? 0}`, dataset: { eventId: m.event_id }, text: m.type, title: `Open event ${m.event_id}`, on: { click: () => this.onSelect(m.event_id) } }));
      }
      box.append(list);
    }
    box.querySelector("mark.source-sentence")?.scrollIntoView({ block: "center" });
  }
}
