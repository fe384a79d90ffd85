// Talking to the eventwire REST API (same origin), and the filters every view shares.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

/** The filters shown in the header; every view asks the API with these. */
export function emptyFilters() {
  return { types: [], country: "", actorSector: "", recipientSector: "", source: "", since: "", until: "", q: "", minConfidence: "", includeFlagged: false };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as [name, value] pairs, in the API's (and the page URL's) words. */
export function filterEntries(filters) {
  const out = [];
  for (const type of filters.types) out.push(["type", type]);
  if (filters.country) out.push(["country", filters.country]);
  if (filters.actorSector) out.push(["actor_sector", filters.actorSector]);
  if (filters.recipientSector) out.push(["recipient_sector", filters.recipientSector]);
  if (filters.source) out.push(["source", filters.source]);
  if (filters.since) out.push(["since", filters.since]);
  if (filters.until) out.push(["until", filters.until]);
  if (filters.q) out.push(["q", filters.q]);
  if (filters.minConfidence) out.push(["min_confidence", filters.minConfidence]);
  if (filters.includeFlagged) out.push(["include_flagged", "true"]);
  return out;
}

/** Filters read back from a query string (the page URL); bad values are dropped. */
export function filtersFromParams(params) {
  const filters = emptyFilters();
  filters.types = [...new Set(params.getAll("type").map((t) => t.trim().toUpperCase()).filter((t) => /^[A-Z_]+$/.test(t)))];
  const country = (params.get("country") ?? "").trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(country)) filters.country = country;
  for (const [key, name] of [["actorSector", "actor_sector"], ["recipientSector", "recipient_sector"]]) {
    const sector = (params.get(name) ?? "").trim().toUpperCase();
    if (/^[A-Z]{2,4}$/.test(sector)) filters[key] = sector;
  }
  filters.source = (params.get("source") ?? "").trim().slice(0, 200);
  for (const key of ["since", "until"]) {
    const value = params.get(key) ?? "";
    if (DATE.test(value)) filters[key] = value;
  }
  filters.q = (params.get("q") ?? "").trim();
  const confidence = Number(params.get("min_confidence"));
  if (params.has("min_confidence") && confidence > 0 && confidence <= 1) filters.minConfidence = String(confidence);
  filters.includeFlagged = ["true", "1", "yes"].includes((params.get("include_flagged") ?? "").toLowerCase());
  return filters;
}

export function queryString(entries) {
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    if (value !== null && value !== undefined && value !== "") params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function errorDetail(response) {
  try {
    const body = await response.json();
    if (typeof body.detail === "string") return body.detail;
    if (Array.isArray(body.detail)) {
      // FastAPI validation errors: [{loc: [...], msg: "..."}]
      return body.detail.map((d) => `${(d.loc ?? []).slice(1).join(".") || "request"}: ${d.msg}`).join("; ");
    }
  } catch {
    // not JSON: fall back to the status text below
  }
  return response.statusText || `HTTP ${response.status}`;
}

/** GET a JSON resource; throws ApiError with a one-line message on failure. */
export async function getJson(path, entries = [], { signal } = {}) {
  const url = path + queryString(entries);
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(`${path}: the eventwire server did not answer (${err.message})`, 0);
  }
  if (!response.ok) {
    throw new ApiError(`${path}: ${await errorDetail(response)} (HTTP ${response.status})`, response.status);
  }
  return response.json();
}

/** Run `load(signal)`; a newer call for the same key aborts the older one. */
export function latestOnly() {
  let controller = null;
  return async (load) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      return await load(mine.signal);
    } finally {
      if (controller === mine) controller = null;
    }
  };
}

export function isAbort(err) {
  return err?.name === "AbortError";
}
