// Starts the built app (build/) with defaults that suit a first run on this machine:
// port 3000 and an ORIGIN to match, which SvelteKit's cross-site form check needs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../build/index.js', import.meta.url);

process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// Registers are uploaded up to 20 MB (src/lib/server/import/read-file.ts); a little more for the
// form around the file. A larger body is refused by adapter-node with a 413, which the import
// action turns into a message on the page.
process.env.BODY_SIZE_LIMIT ||= '21M';
process.env.MIGRATIONS_DIR ||= fileURLToPath(new URL('../drizzle', import.meta.url));

if (!existsSync(entry)) {
  console.error(
    'The app is not built yet: run `npm run build` first (or `npm run app` to do both).'
  );
  process.exit(1);
}

await import(entry.href);
