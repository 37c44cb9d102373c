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
    log.info('Database opened', {
      driver: handle.driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL',
      location: handle.location
    });
    // adapter-node emits this after SIGTERM/SIGINT once in-flight requests have finished.
    process.once('sveltekit:shutdown', (reason) => {
      log.info('Shutting down', { reason });
      void closeAppDatabase().catch((error) => log.error('Closing the database failed', error));
    });
    if (config.SEED_DEMO) {
      const outcome = await seedDemoIfEmpty(handle.db);
      if (outcome === 'seeded') log.info('Created the demo programme and demo account.');
      const line = await demoSignInLine(handle.db);
      // A plain line, not a JSON record: it is for the person who just started the app
      // (and the end-to-end set-up reads it).
      if (line) console.log(line);
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
