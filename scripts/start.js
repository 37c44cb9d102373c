// Starts the built app (build/) with defaults that suit a first run on this machine:
// port 3000 and an ORIGIN to match, which SvelteKit's cross-site form check needs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runtimeProblem } from './runtime.js';
import { applyServerTimeouts, serverTimeouts } from './server-timeouts.js';

const problem = runtimeProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}

const entry = new URL('../build/index.js', import.meta.url);

process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// Uploads must reach the app, which answers an oversized file with a clear message:
// registers up to 20 MB (src/lib/server/import/read-file.ts) and programme backups up to
// 25 MB, plus the form around them. adapter-node's default limit of 512 KB would refuse them
// first, with a bare 413.
process.env.BODY_SIZE_LIMIT ||= '30M';
process.env.MIGRATIONS_DIR ||= fileURLToPath(new URL('../drizzle', import.meta.url));
// Limits on slow clients (scripts/server-timeouts.js), read before anything starts so that a
// mistyped value stops the start with a message.
let timeouts;
try {
  timeouts = serverTimeouts(process.env);
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}

if (!existsSync(entry)) {
  console.error(
    'The app is not built yet: run `npm run build` first (or `npm run app` to do both).'
  );
  process.exit(1);
}

// adapter-node's entry creates and starts Node's HTTP server and exports it.
const { server } = await import(entry.href);
applyServerTimeouts(server, timeouts);
