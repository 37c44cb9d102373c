// Pieces every benchmark script shares: how many runs, a seeded random source, and the
// product's TypeScript bundled with esbuild so a plain Node script can call it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `--runs=N` or BENCH_RUNS, else the script's own default; a whole number of at least 1. */
export function readRuns(fallback) {
  const arg = process.argv.slice(2).find((a) => a.startsWith('--runs='));
  const raw = arg ? arg.slice('--runs='.length) : (process.env.BENCH_RUNS ?? String(fallback));
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`The number of runs must be a whole number of at least 1, not "${raw}".`);
  }
  return runs;
}

/** A small deterministic generator (mulberry32): the same programme every run. */
export function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pad = (n) => String(n).padStart(2, '0');

/**
 * Bundles `contents` (export lines relative to the project root; `#lib/…` resolves through
 * package.json's subpath imports) into
 * bench/tmp/<name>.mjs and imports it. With `external`, npm packages stay as imports.
 */
export async function loadBundle(name, contents, { external = false } = {}) {
  const outdir = path.join(root, 'bench', 'tmp');
  fs.mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, `${name}.mjs`);
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    ...(external ? { packages: 'external' } : {}),
    format: 'esm',
    platform: 'node',
    target: 'node26',
    outfile,
    logLevel: 'error'
  });
  return import(pathToFileURL(outfile).href);
}
