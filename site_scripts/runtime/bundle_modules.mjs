// Bundles the checker page's own modules (not the engine worker's) with esbuild, for
// bundle_modules.py: one ES module per entry plus the chunks the entries share, all in one
// folder, minified. Usage:
//   node bundle_modules.mjs <esbuild package folder> <source folder> <out folder> <job JSON>
// where the job is {"entries": [paths in the source folder], "readers": [other scripts]}.
// Prints {"outputs": [...], "inputs": [...], "read": [...]}: the files written (relative to the
// out folder), the source modules bundled, and the source modules the readers import (so
// those stay published; relative to the source folder).
//
// The sources find their neighbours with `new URL("<relative path>", import.meta.url)` (the
// engine's worker, the occupation titles, the service worker). esbuild keeps import.meta.url,
// which is then the bundle's address, not the source's: the plugin below rewrites each such
// path to be relative to the out folder, where every output lands.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [esbuildDir, sourceDir, outDir, job] = process.argv.slice(2);
const { entries, readers } = JSON.parse(job);
const esbuild = await import(pathToFileURL(path.join(esbuildDir, "lib", "main.js")).href);

const RELATIVE_URL = /new URL\((["'`])(\.{1,2}\/[^"'`]*)\1,\s*import\.meta\.url\)/g;

const moveRelativeURLs = {
  name: "relative-urls",
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source.replace(RELATIVE_URL, (_, quote, target) => {
        const absolute = path.resolve(path.dirname(args.path), target);
        let moved = path.relative(path.resolve(sourceDir), absolute).split(path.sep).join("/");
        if (!moved.startsWith("../")) moved = `./${moved}`;
        return `new URL(${quote}${moved}${quote}, import.meta.url)`;
      });
      return { contents, loader: "js" };
    });
  },
};

const result = await esbuild.build({
  absWorkingDir: path.resolve(sourceDir),
  entryPoints: entries,
  outdir: path.resolve(outDir),
  entryNames: "[name]",
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true, // start.js and main.js share engine.js: one engine per document
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  metafile: true,
  logLevel: "error",
  plugins: [moveRelativeURLs],
});

// The readers' module graphs, traced (nothing written).
const traced = readers.length
  ? await esbuild.build({
      absWorkingDir: path.resolve(sourceDir),
      entryPoints: readers,
      outdir: path.resolve(outDir),
      bundle: true,
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "error",
    })
  : { metafile: { inputs: {} } };

const outputs = Object.keys(result.metafile.outputs).map((name) =>
  path.relative(path.resolve(outDir), path.resolve(sourceDir, name)),
);
const inputs = Object.keys(result.metafile.inputs);
const read = Object.keys(traced.metafile.inputs).filter((name) => !name.startsWith("../"));
process.stdout.write(`${JSON.stringify({ outputs, inputs, read })}\n`);
