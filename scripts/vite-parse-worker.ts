import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';

/**
 * Gives the server the URL of the parse worker (src/lib/server/workers/parse-worker.ts) as
 * `import url from 'virtual:vesting-day/parse-worker'`, in every way the server runs:
 *
 * - Build: the worker module is emitted as a chunk of its own (`this.emitFile({ type:
 *   'chunk' })`, which Rollup and Rolldown both support), so the worker runs only that
 *   module and what it imports; the virtual module re-exports the chunk's own
 *   `import.meta.url`. Being statically imported, the chunk stays in the graph that
 *   adapter-node bundles into build/, which keeps each chunk of the Vite output as a file.
 * - Dev (`vite dev`, and vitest): Node cannot run the TypeScript source in a worker, so the
 *   worker is bundled on its own with Vite's build API into node_modules/.vesting-day/, and
 *   rebuilt as its sources change.
 */
const VIRTUAL = 'virtual:vesting-day/parse-worker';
const RESOLVED = `\0${VIRTUAL}`;

export function parseWorkerPlugin(): Plugin {
  let root = process.cwd();
  let serving = false;
  let devBundle: Promise<string> | null = null;
  let stopWatching: () => void = () => {};
  const entry = () => path.join(root, 'src/lib/server/workers/parse-worker.ts');

  /** The worker as one ES module for Node, its dependencies left to node_modules. */
  function bundleForDev(watch: boolean): Promise<string> {
    const outDir = path.join(root, 'node_modules/.vesting-day/workers');
    const file = path.join(outDir, 'parse-worker.js');
    return new Promise((resolve, reject) => {
      build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          ssr: entry(),
          outDir,
          emptyOutDir: true,
          minify: false,
          sourcemap: 'inline',
          watch: watch ? {} : null,
          rollupOptions: { output: { format: 'es', entryFileNames: 'parse-worker.js' } }
        }
      }).then((output) => {
        if (!watch) return resolve(file);
        const watcher = output as {
          on(event: 'event', fn: (e: { code: string }) => void): void;
          close(): Promise<void>;
        };
        stopWatching = () => void watcher.close();
        watcher.on('event', (event) => {
          if (event.code === 'END') resolve(file);
          if (event.code === 'ERROR') reject(new Error('The parse worker did not build'));
        });
      }, reject);
    });
  }

  return {
    name: 'vesting-day:parse-worker',
    configResolved(config) {
      root = config.root;
      serving = config.command === 'serve';
    },
    configureServer(server) {
      // A dev server (not vitest, which builds once on first use) keeps the bundle fresh.
      if (process.env.VITEST) return;
      devBundle = bundleForDev(true);
      server.httpServer?.once('close', () => stopWatching());
    },
    buildStart() {
      // Only the server's build: the browser's has no use for a Node worker.
      if (serving || this.environment?.config.consumer !== 'server') return;
      this.emitFile({ type: 'chunk', id: entry(), name: 'parse-worker' });
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return;
      if (!serving) {
        return `export { PARSE_WORKER_URL as default } from ${JSON.stringify(entry())};`;
      }
      devBundle ??= bundleForDev(false);
      return `export default ${JSON.stringify(pathToFileURL(await devBundle).href)};`;
    }
  };
}
