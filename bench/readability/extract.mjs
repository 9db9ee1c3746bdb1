// readability.js on jsdom as a whole process, the peer of `sitrep extract`: one page (.html, .html.gz) printed, or
// with --batch every page of a folder written to one JSON file {file-stem: {articleBody, title}}.
//   node extract.mjs PAGE
//   node extract.mjs --batch DIR --out FILE
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { basename, join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const quiet = new VirtualConsole();
const read = path => {
  const bytes = readFileSync(path);
  return (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
};
const extract = html => new Readability(new JSDOM(html, { virtualConsole: quiet }).window.document).parse();

const args = process.argv.slice(2);
if (args[0] === "--batch") {
  const dir = args[1];
  const out = args[args.indexOf("--out") + 1];
  const results = {};
  for (const f of readdirSync(dir).filter(f => /\.html?(\.gz)?$/i.test(f)).sort()) {
    const article = extract(read(join(dir, f)));
    results[basename(f).split(".")[0]] = { articleBody: article?.textContent ?? "", title: article?.title ?? null };
  }
  writeFileSync(out, JSON.stringify(results, null, 2));
} else {
  const article = extract(read(args[0]));
  console.log(article?.title ?? "");
  console.log();
  console.log(article?.textContent ?? "");
}
