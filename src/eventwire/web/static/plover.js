// PLOVER event types, their quad classes and the colours used everywhere on the page.
// The type -> quad class table mirrors `types` in src/eventwire/data/event_patterns.yaml;
// an event's own `quad_class` (from the API) wins when the two differ, and a type not
// listed here is learnt from the events the page receives.

export const QUADS = [
  { id: 1, name: "Verbal cooperation", cssVar: "--q1" },
  { id: 2, name: "Material cooperation", cssVar: "--q2" },
  { id: 3, name: "Verbal conflict", cssVar: "--q3" },
  { id: 4, name: "Material conflict", cssVar: "--q4" },
];

const TYPE_QUAD = new Map([
  ["AGREE", 1], ["CONSULT", 1], ["SUPPORT", 1], ["REQUEST", 1],
  ["CONCEDE", 2], ["COOPERATE", 2], ["AID", 2], ["RETREAT", 2],
  ["ACCUSE", 3], ["REJECT", 3], ["THREATEN", 3], ["PROTEST", 3], ["SANCTION", 3],
  ["MOBILIZE", 4], ["COERCE", 4], ["ASSAULT", 4],
]);

export const UNKNOWN_COLOR = "#8a94a6";

let quadColors = null;

function cssColors() {
  if (quadColors === null) {
    const style = getComputedStyle(document.documentElement);
    quadColors = new Map(QUADS.map((q) => [q.id, style.getPropertyValue(q.cssVar).trim() || UNKNOWN_COLOR]));
  }
  return quadColors;
}

/** Remember the quad class the API gives for a type (from an event record). */
export function learnQuad(type, quad) {
  if (type && Number.isInteger(quad) && quad >= 1 && quad <= 4) TYPE_QUAD.set(type, quad);
}

export function knownTypes() {
  return [...TYPE_QUAD.keys()];
}

export function quadOf(type) {
  return TYPE_QUAD.get(type) ?? null;
}

export function quadName(quad) {
  return QUADS.find((q) => q.id === quad)?.name ?? "Unclassified";
}

export function quadColor(quad) {
  return cssColors().get(quad) ?? UNKNOWN_COLOR;
}

/** Types ordered by quad class (material conflict first), then by name. */
export function sortTypes(types) {
  return [...types].sort((a, b) => (quadOf(b) ?? 0) - (quadOf(a) ?? 0) || a.localeCompare(b));
}

function parseHex(hex) {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (m === null) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(hex, target, amount) {
  const rgb = parseHex(hex);
  if (rgb === null) return hex;
  const out = rgb.map((c) => Math.round(c + (target - c) * amount));
  return `#${out.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** A shade of the type's quad colour, so types of one quad class look related. */
export function typeColor(type) {
  const quad = quadOf(type);
  if (quad === null) return UNKNOWN_COLOR;
  const siblings = sortTypes([...TYPE_QUAD.keys()].filter((t) => TYPE_QUAD.get(t) === quad));
  const i = siblings.indexOf(type);
  const n = siblings.length;
  const t = n <= 1 ? 0 : i / (n - 1); // 0..1
  const base = quadColor(quad);
  // From slightly darker to lighter than the quad colour.
  return t < 0.35 ? mix(base, 0, 0.3 * (0.35 - t)) : mix(base, 255, 0.55 * (t - 0.35));
}
