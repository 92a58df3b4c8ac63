#!/usr/bin/env node
// Prints raw, gzip and brotli bytes of every file in a build directory and
// the totals (Node's zlib: gzip level 9, brotli quality 11).
// With --budget-gzip N, exits 1 when the gzip total is over N bytes.
//
//   node scripts/size.mjs dist [--budget-gzip 256000]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const [root, ...rest] = process.argv.slice(2);
if (!root) {
  console.error("usage: size.mjs DIR [--budget-gzip BYTES]");
  process.exit(2);
}
const at = rest.indexOf("--budget-gzip");
const budget = at >= 0 ? Number(rest[at + 1]) : null;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const rows = walk(root)
  .sort()
  .map((file) => {
    const data = readFileSync(file);
    return {
      name: relative(root, file),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });
const width = Math.max(5, ...rows.map((r) => r.name.length));
const line = (n, a, b, c) =>
  `${n.padEnd(width)} ${String(a).padStart(10)} ${String(b).padStart(10)} ${String(c).padStart(10)}`;
console.log(line("file", "raw", "gzip", "brotli"));
for (const r of rows) console.log(line(r.name, r.raw, r.gzip, r.brotli));
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
const total = { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
console.log(line("total", total.raw, total.gzip, total.brotli));
if (budget !== null) {
  if (total.gzip > budget) {
    console.log(`FAIL: gzip total ${total.gzip} bytes is over the budget of ${budget} bytes`);
    process.exit(1);
  }
  console.log(`ok: gzip total ${total.gzip} bytes is within the budget of ${budget} bytes`);
}
