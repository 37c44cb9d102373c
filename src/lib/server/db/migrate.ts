import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the generated SQL migrations live. The built server runs from the project root, so
 * `drizzle/` resolves from the working directory; MIGRATIONS_DIR overrides it for other layouts.
 */
export function migrationsFolder(): string {
  const folder = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
  if (!existsSync(resolve(folder, 'meta', '_journal.json'))) {
    throw new Error(
      `No migrations found in ${folder}. Run the app from the project folder or set MIGRATIONS_DIR.`
    );
  }
  return folder;
}

/** Any fixed 64-bit number shared by every app instance: only one migrates at a time. */
export const MIGRATION_LOCK_KEY = 7_354_021_905;
