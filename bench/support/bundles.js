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

/** Where SvelteKit generates its client entry and route nodes (SvelteKit 3 moved it). */
function generatedPrefix(manifest) {
  const app = Object.keys(manifest).find((k) => k.endsWith('/client-optimized/app.js'));
  if (!app) throw new Error('No client-optimized/app.js in the client manifest');
  return app.slice(0, -'app.js'.length);
}

/**
 * The manifest keys a page's HTML starts: SvelteKit's start and payload entries, the app
 * entry, and its layout and page nodes.
 */
export function startKeys(html, manifest) {
  const ids = /node_ids:\s*\[([\d,\s]*)\]/.exec(html)?.[1];
  if (!ids) return null;
  const prefix = generatedPrefix(manifest);
  const nodes = ids
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((n) => `${prefix}nodes/${n}.js`);
  const kit = 'node_modules/@sveltejs/kit/src/runtime/client/';
  return [
    `${prefix}app.js`,
    `${kit}entry.js`,
    ...(manifest[`${kit}payload.js`] ? [`${kit}payload.js`] : []),
    ...nodes
  ];
}

/** Gzipped KB of JavaScript and CSS one page ships at start (null if it ships no client). */
export function shippedBy(html, manifest, cache = new Map()) {
  const keys = startKeys(html, manifest);
  if (!keys) return null;
  const missing = keys.filter((k) => !manifest[k]);
  if (missing.length) throw new Error(`Not in the client manifest: ${missing.join(', ')}`);
  const { js, css } = closure(manifest, keys);
  const sum = (files) => files.reduce((n, f) => n + gzipped(f, cache), 0);
  return { jsKbGz: kb(sum(js)), cssKbGz: kb(sum(css)), jsFiles: js.length, cssFiles: css.length };
}
