import { readConfig } from './config';
import { closeAppDatabase, openAppDatabase } from './db';
import { DataFolderInUseError } from './db/data-folder-lock';
import { DatabaseFolderError } from './db/pglite-folder';
import { demoSignInLine, seedDemoIfEmpty } from './demo-seed';
import { describeError, log } from './log';

let started: Promise<void> | null = null;

/** Opens the database, migrates it, seeds the demo when asked. Runs once per process. */
export function startApp(): Promise<void> {
  started ??= start();
  return started;
}

async function start() {
  try {
    const config = readConfig();
    const handle = await openAppDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      maxConnections: config.DATABASE_POOL_SIZE,
      log: log.warn
    });
    log.info(
      `Database: ${handle.driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} at ${handle.location}`
    );
    process.once('sveltekit:shutdown', () => {
      void closeAppDatabase().catch((error) => log.error('Closing the database failed', error));
    });
    if (config.SEED_DEMO) {
      const outcome = await seedDemoIfEmpty(handle.db);
      if (outcome === 'seeded') log.info('Created the demo programme and demo account.');
      const line = await demoSignInLine(handle.db);
      if (line) log.info(line);
    }
  } catch (error) {
    // Expected failures get their message alone; anything else gets its stack too.
    const expected = error instanceof DataFolderInUseError || error instanceof DatabaseFolderError;
    console.error(
      `Vesting Day could not start. ${expected ? (error as Error).message : describeError(error)}`
    );
    await closeAppDatabase().catch(() => {});
    process.exit(1);
  }
}
