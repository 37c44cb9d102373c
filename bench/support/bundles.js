// JavaScript and CSS shipped per route, gzipped as served. A page's HTML starts SvelteKit
// with `import("…/entry/start.js")`, `import("…/entry/app.js")` and `node_ids: [0, 2, 15]`
// (its layouts and page); the browser then loads each of those files and everything they
// import statically. The Vite client manifest gives that closure, with the CSS of each.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './server.js';

const clientDir = path.join(root, '.svelte-kit', 'output', 'client');
const manifestFile = path.join(clientDir, '.vite', 'manifest.json');

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

export function readManifest() {
  return JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
}

function gzipped(file, cache) {
  if (!cache.has(file)) {
    const full = path.join(clientDir, file);
    cache.set(file, fs.existsSync(full) ? gzipSync(fs.readFileSync(full), { level: 9 }).length : 0);
  }
  return cache.get(file);
}

/** Every output file (JS) and stylesheet reached from `keys` by static imports. */
function closure(manifest, keys) {
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return { js: [...js], css: [...css] };
}

/** The manifest keys a page's HTML starts: the two entries and its layout and page nodes. */
export function startKeys(html) {
  const ids = /node_ids:\s*\[([\d,\s]*)\]/.exec(html)?.[1];
  if (!ids) return null;
  const nodes = ids
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`);
  return [
    '.svelte-kit/generated/client-optimized/app.js',
    'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
    ...nodes
  ];
}

/** Gzipped KB of JavaScript and CSS one page ships at start (null if it ships no client). */
export function shippedBy(html, manifest, cache = new Map()) {
  const keys = startKeys(html);
  if (!keys) return null;
  const missing = keys.filter((k) => !manifest[k]);
  if (missing.length) throw new Error(`Not in the client manifest: ${missing.join(', ')}`);
  const { js, css } = closure(manifest, keys);
  const sum = (files) => files.reduce((n, f) => n + gzipped(f, cache), 0);
  return { jsKbGz: kb(sum(js)), cssKbGz: kb(sum(css)), jsFiles: js.length, cssFiles: css.length };
}
