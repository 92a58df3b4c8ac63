#!/usr/bin/env node
// Sizes of a build directory (Node's zlib: gzip level 9, brotli quality 11):
//
// 1. raw, gzip and brotli bytes of every file, and the whole directory;
// 2. the first load of `/`: every file the browser fetches before the Assess
//    questions can be answered — index.html, what it links (scripts,
//    styles, preloads), what those scripts import (the chunk loader), and
//    the chunks the route needs (none: Assess is in the main module) — on a
//    first visit, and with saved data (which adds the reader's chunks);
// 3. route → bytes fetched on a cold visit to that route: the first load
//    plus the route's chunk and the shared chunks it depends on.
//
// It also checks that every file the page, the scripts, the chunk loader
// and the service worker's list name exists, and that every chunk is in
// the service worker's list; a missing one exits 1.
//
//   node scripts/size.mjs dist [--budget-gzip N] [--budget-first-load-gzip N]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, posix } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

// Which lazily loaded chunk (the split names of src/app/chunks.rs) each route
// needs. Every split the loader knows must appear here.
const ROUTES = {
  "/": [],
  "/assess": [],
  "/compare": ["compare"],
  "/measure": ["measure"],
  "/simulate": ["simulate"],
  "/plan": ["plan"],
  "/workshop": ["workshop"],
  "/methods": ["methods"],
};
// Splits that no route needs on a cold visit (loaded on first use).
const ON_USE = {
  reader: "reading saved data: before the start when this browser holds some, else when idle (src/app/reader.rs)",
  share_codec: "opening or making a share link (src/app/share.rs)",
  share_qr: "the QR code of a share link just made (src/app/qr.rs)",
};

const [root, ...rest] = process.argv.slice(2);
if (!root) {
  console.error("usage: size.mjs DIR [--budget-gzip BYTES] [--budget-first-load-gzip BYTES]");
  process.exit(2);
}
const option = (name) => {
  const at = rest.indexOf(name);
  return at >= 0 ? Number(rest[at + 1]) : null;
};
const budgetTotal = option("--budget-gzip");
const budgetFirst = option("--budget-first-load-gzip");
const problems = [];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sizes = new Map();
for (const file of walk(root).sort()) {
  const data = readFileSync(file);
  sizes.set(relative(root, file).split("\\").join("/"), {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const text = (name) => readFileSync(join(root, name), "utf8");

// The path prefix Trunk writes before every asset (`/` or e.g. `/gtm/`).
const index = text("index.html");
const base = (index.match(/<base href="?([^"\s>]*)"?/) ?? [, "/"])[1];
const local = (href) => {
  const path = href.split(/[?#]/)[0];
  return path.startsWith(base) ? path.slice(base.length) : path.replace(/^\.?\//, "");
};

// 2. The first load: what index.html names, then the scripts' imports.
const first = new Set(["index.html"]);
const deferredStyles = new Set();
// An attribute's value, quoted or (a minified index.html) not.
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};
for (const tag of index.match(/<(link|script)\b[^>]*>/g) ?? []) {
  const rel = attr(tag, "rel");
  const url = attr(tag, "href") ?? attr(tag, "src");
  if (!url || url.startsWith("data:")) continue;
  // The manifest is read only when the app is installed; icons likewise.
  if (tag.startsWith("<link") && !["stylesheet", "modulepreload", "preload"].includes(rel)) continue;
  // A `disabled` stylesheet is fetched only when the app turns it on: with
  // the first lazily loaded workspace (src/app/chunks.rs).
  if (/\sdisabled(?=[\s>=\/])/.test(tag)) deferredStyles.add(local(url));
  else first.add(local(url));
}
for (const [, url] of index.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)) first.add(local(url));
for (const [, url] of index.matchAll(/module_or_path:\s*['"]([^'"]+)['"]/g)) first.add(local(url));
const queue = [...first].filter((f) => f.endsWith(".js"));
while (queue.length) {
  const script = queue.pop();
  if (!sizes.has(script)) continue;
  for (const [, spec] of text(script).matchAll(/(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)) {
    const dep = posix.normalize(posix.join(posix.dirname(script), spec));
    if (!first.has(dep)) {
      first.add(dep);
      queue.push(dep);
    }
  }
}

// The chunk loader (when the build is split): each split's own file and
// the shared chunks it waits for.
const loaderName = [...first].find((f) => /^__wasm_split(-[0-9a-f]+)?\.js$/.test(f));
const splits = new Map();
if (loaderName) {
  const loader = text(loaderName);
  const fileOf = (body) => (body.match(/new URL\("\.\/([^"]+\.wasm)"/) ?? [])[1];
  const shared = new Map();
  for (const [, id, body] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[\]\);/g)) {
    shared.set(id, fileOf(body));
  }
  for (const [, name, body, deps] of loader.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\);/g,
  )) {
    const files = [fileOf(body), ...deps.split(",").map((d) => d.trim()).filter(Boolean).map((d) => shared.get(d))];
    splits.set(name, files);
  }
  const fetched = [...loader.matchAll(/new URL\("\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
  const known = new Set([...splits.values()].flat());
  if (splits.size === 0) problems.push(`${loaderName} names no split`);
  for (const f of fetched) if (!known.has(f)) problems.push(`${loaderName} fetches ${f}, which no split uses`);
  const routed = new Set([...Object.values(ROUTES).flat(), ...Object.keys(ON_USE)]);
  for (const name of splits.keys()) {
    if (!routed.has(name)) problems.push(`the split "${name}" is in neither ROUTES nor ON_USE of scripts/size.mjs`);
  }
}
for (const [route, names] of Object.entries(ROUTES)) {
  for (const name of names) {
    if (loaderName && !splits.has(name)) problems.push(`${route} needs the split "${name}", which the loader lacks`);
  }
}

// Every file named anywhere must exist; every chunk must be kept offline.
const named = new Set([...first, ...deferredStyles, ...[...splits.values()].flat()]);
for (const f of named) if (!sizes.has(f)) problems.push(`${f} is named by the build but missing from ${root}`);
if (sizes.has("sw.js")) {
  const precache = new Set([...text("sw.js").matchAll(/^\s*"([^"]+)",?$/gm)].map((m) => m[1]));
  for (const f of precache) if (f !== "./" && !sizes.has(f)) problems.push(`sw.js keeps ${f}, which is missing`);
  for (const f of named) if (f !== "index.html" && !precache.has(f)) problems.push(`sw.js does not keep ${f}`);
}

const sum = (files) =>
  [...files].reduce(
    (t, f) => {
      const s = sizes.get(f) ?? { raw: 0, gzip: 0, brotli: 0 };
      return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
const width = Math.max(24, ...[...sizes.keys()].map((n) => n.length));
const line = (n, s, extra = "") =>
  `${n.padEnd(width)} ${String(s.raw).padStart(10)} ${String(s.gzip).padStart(10)} ${String(s.brotli).padStart(10)}${extra}`;
const head = (title) => console.log(`${title.padEnd(width)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`);

head("file");
for (const [name, s] of sizes) console.log(line(name, s));
const total = sum(sizes.keys());
console.log(line("whole dist", total));

console.log("");
head("first load of /");
for (const f of [...first].sort()) if (sizes.has(f)) console.log(line(`  ${f}`, sizes.get(f)));
const firstLoad = sum(first);
console.log(line("first load of /", firstLoad, `   (${first.size} files)`));
// A browser that holds saved data also fetches the reader before the start
// (src/app/reader.rs); on a later visit the service worker has it.
const reader = splits.get("reader") ?? [];
if (reader.length) {
  console.log(line("  the same with saved data", sum(new Set([...first, ...reader])), `   (+ ${reader.length} wasm chunks of "reader")`));
}

console.log("");
head("cold visit to a route");
for (const [route, names] of Object.entries(ROUTES)) {
  const own = names.flatMap((n) => splits.get(n) ?? []);
  const files = new Set([...first, ...own, ...(own.length ? deferredStyles : [])]);
  const chunks = own.length ? `   (+ ${own.length} wasm chunks of "${names.join(", ")}" and ${deferredStyles.size} stylesheets)` : "";
  console.log(line(route, sum(files), chunks));
}
if (splits.size) {
  console.log("");
  head("each workspace chunk, own file");
  for (const [name, files] of splits) console.log(line(`  ${name}: ${files[0]}`, sizes.get(files[0]) ?? sum([])));
}

console.log("");
for (const p of problems) console.log(`FAIL: ${p}`);
let failed = problems.length > 0;
const check = (what, value, budget) => {
  if (budget === null) return;
  if (value > budget) {
    console.log(`FAIL: ${what} ${value} bytes gzip is over the budget of ${budget} bytes`);
    failed = true;
  } else console.log(`ok: ${what} ${value} bytes gzip is within the budget of ${budget} bytes`);
};
check("first load of /", firstLoad.gzip, budgetFirst);
check("whole dist", total.gzip, budgetTotal);
process.exit(failed ? 1 : 0);
