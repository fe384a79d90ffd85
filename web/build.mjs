// Copies the dashboard's third-party code and data from web/node_modules into
// src/eventwire/web/static/vendor/ (a generated folder, not committed).
//
//   npm --prefix web ci && node web/build.mjs
//
// Only node's standard library is used, so the build needs nothing beyond `npm ci`.

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = dirname(fileURLToPath(import.meta.url));
const modules = join(webDir, "node_modules");
const vendor = resolve(webDir, "..", "src", "eventwire", "web", "static", "vendor");

// [package, file inside the package, name in vendor/]
const FILES = [
  ["d3-array", "dist/d3-array.min.js", "d3-array.min.js"],
  ["d3-geo", "dist/d3-geo.min.js", "d3-geo.min.js"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
  ["world-atlas", "countries-50m.json", "countries-50m.json"],
];

function fail(message) {
  process.stderr.write(`web/build.mjs: ${message}\n`);
  process.exit(1);
}

function packageVersion(name) {
  const manifest = join(modules, name, "package.json");
  if (!existsSync(manifest)) {
    fail(`${manifest}: missing; run \`npm --prefix web ci\` first`);
  }
  return JSON.parse(readFileSync(manifest, "utf8")).version;
}

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });

const packages = {};
for (const [name, file, target] of FILES) {
  const version = packageVersion(name);
  const source = join(modules, name, file);
  if (!existsSync(source)) {
    fail(`${source}: missing from ${name}@${version}`);
  }
  copyFileSync(source, join(vendor, target));
  packages[name] = { version, files: [...(packages[name]?.files ?? []), target] };
}

// Each package's licence travels with its files.
for (const name of Object.keys(packages)) {
  const licence = join(modules, name, "LICENSE");
  if (!existsSync(licence)) {
    fail(`${licence}: missing`);
  }
  copyFileSync(licence, join(vendor, `LICENSE.${name}.txt`));
}

writeFileSync(
  join(vendor, "manifest.json"),
  JSON.stringify({ generated_by: "web/build.mjs", packages }, null, 2) + "\n",
);
process.stdout.write(`web/build.mjs: ${FILES.length} files from ${Object.keys(packages).length} packages -> ${vendor}\n`);
