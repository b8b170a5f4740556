// Builds dist/resursguiden-widget.js (committed, so the product runs without Node).
// `node build.mjs --check` builds in memory and fails if the committed file differs.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const OUT = new URL("./dist/resursguiden-widget.js", import.meta.url);
const LIMIT_GZIPPED = 25 * 1024;

const result = await build({
  entryPoints: [new URL("./src/index.ts", import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  charset: "utf8",
  write: false,
  banner: { js: "/* Resursguiden chat widget. Source: widget/src. Built by widget/build.mjs. */" },
});
const code = result.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 }).length;
const size = `${(code.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`;

if (gzipped > LIMIT_GZIPPED) {
  console.error(`widget: bundle is ${size}; the limit is 25 KB gzipped`);
  process.exit(1);
}
if (process.argv.includes("--check")) {
  let committed = null;
  try {
    committed = readFileSync(OUT);
  } catch {}
  if (!committed || !committed.equals(Buffer.from(code))) {
    console.error("widget: dist/resursguiden-widget.js is stale; run `make widget` and commit it");
    process.exit(1);
  }
  console.log(`widget: committed bundle is up to date (${size})`);
} else {
  writeFileSync(OUT, code);
  console.log(`widget: wrote dist/resursguiden-widget.js (${size})`);
}
