import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './data-folder-lock';

export class DatabaseFolderError extends Error {
  override name = 'DatabaseFolderError';
}

export interface OpenedPglite {
  client: PGlite;
  folder: string;
  release(): void;
}

export interface OpenPgliteOptions {
  /** Tells the operator what happened; defaults to console.warn. */
  log?: (message: string) => void;
}

/**
 * Opens (creating on first use) the PGlite database under `dataDir`.
 *
 * A first start initialises the cluster in `pgdata.partial` and renames it to `pgdata` only
 * once it is complete, so an interrupted first start never leaves a half-made `pgdata`: the
 * leftover `.partial` folder is recognised, reported and rebuilt on the next start.
 */
export async function openPgliteFolder(
  dataDir: string,
  options: OpenPgliteOptions = {}
): Promise<OpenedPglite> {
  const log = options.log ?? ((message: string) => console.warn(message));
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const release = lockDataFolder(root);
  try {
    const folder = join(root, 'pgdata');
    if (!existsSync(join(folder, 'PG_VERSION'))) {
      if (existsSync(folder)) {
        throw new DatabaseFolderError(
          `The database folder ${folder} exists but is not a database (no PG_VERSION file). ` +
            'Move it away or delete it if it holds nothing you need, then start again.'
        );
      }
      await initialiseCluster(root, folder, log);
    }
    let client: PGlite;
    try {
      client = await PGlite.create(folder);
    } catch (error) {
      throw new DatabaseFolderError(
        `The database folder ${folder} could not be opened (${describe(error)}). ` +
          'It may be damaged. Restore it from a backup, or move it away to start with an empty database.'
      );
    }
    return { client, folder, release };
  } catch (error) {
    release();
    throw error;
  }
}

async function initialiseCluster(root: string, folder: string, log: (m: string) => void) {
  const partial = join(root, 'pgdata.partial');
  if (existsSync(partial)) {
    log(
      `Found ${partial}, left by a first start that was interrupted before the database was ready; ` +
        'removing it and creating the database again.'
    );
    rmSync(partial, { recursive: true, force: true });
  }
  const fresh = await PGlite.create(partial);
  await fresh.query('select 1');
  await fresh.close();
  renameSync(partial, folder);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
