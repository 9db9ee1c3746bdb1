// readability.js on jsdom over a folder of pages (.html, .html.gz): the peer in Sitrep's extraction benchmark.
// Prints one JSON line: {"pages": N, "seconds": S, "pages_per_second": R}. Parse and extraction are timed together,
// after one warm-up pass, as Sitrep's side is.
//   node bench.mjs DIR [rounds]
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
const rounds = Number(process.argv[3] ?? 1);
const files = readdirSync(dir).filter(f => /\.html?(\.gz)?$/i.test(f)).sort();
const pages = files.map(f => {
  const bytes = readFileSync(join(dir, f));
  return (f.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
});
const quiet = new VirtualConsole();
const extract = html => new Readability(new JSDOM(html, { virtualConsole: quiet }).window.document).parse();
for (const p of pages.slice(0, 5)) extract(p);
const start = process.hrtime.bigint();
let done = 0;
for (let r = 0; r < rounds; r++) for (const p of pages) { extract(p); done++; }
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ pages: done, seconds, pages_per_second: done / seconds }));
