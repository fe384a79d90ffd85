// The offline basemap's files: d3-geo, topojson-client and the world-atlas countries,
// copied into static/vendor/ by web/build.mjs. Nothing is fetched from elsewhere.

export const VENDOR = "/static/vendor";
export const BUILD_COMMAND = "npm --prefix web ci && node web/build.mjs";

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => reject(new Error(`${src} did not load`)));
    document.head.append(script);
  });
}

export async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The vendor libraries and the 1:110m countries, or null when they were not built. */
export async function loadVendor() {
  const manifest = await fetch(`${VENDOR}/manifest.json`);
  if (!manifest.ok) return null;
  await loadScript(`${VENDOR}/d3-array.min.js`);
  await loadScript(`${VENDOR}/d3-geo.min.js`);
  await loadScript(`${VENDOR}/topojson-client.min.js`);
  if (!window.d3?.geoPath || !window.topojson?.feature) throw new Error("vendor scripts loaded but d3-geo or topojson-client is missing");
  return fetchJson(`${VENDOR}/countries-110m.json`);
}

export function countriesOf(topology) {
  return window.topojson.feature(topology, topology.objects.countries).features;
}
