import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase } from '#lib/server/db/client.ts';
import { DataFolderInUseError } from '#lib/server/db/data-folder-lock.ts';
import { DatabaseFolderError } from '#lib/server/db/pglite-folder.ts';
import { programmes } from '#lib/server/db/schema/index.ts';
import { rowsOf } from './harness';

// PGlite only: these are about the embedded database's data folder.
describe('[pglite] data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vd-folder-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps data across a close and reopen', async () => {
    const first = await connectDatabase({ dataDir: dir });
    await first.db
      .insert(programmes)
      .values({ name: 'Kept', slug: 'kept', vestingDate: '2028-04-01' });
    await first.close();
    const second = await connectDatabase({ dataDir: dir });
    const rows = await second.db.select().from(programmes);
    await second.close();
    expect(rows.map((r) => r.slug)).toEqual(['kept']);
  });

  it('refuses a second opener with a clear message and leaves the data intact', async () => {
    const first = await connectDatabase({ dataDir: dir });
    await first.db
      .insert(programmes)
      .values({ name: 'Safe', slug: 'safe', vestingDate: '2028-04-01' });
    try {
      const attempt = connectDatabase({ dataDir: dir });
      await expect(attempt).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(attempt).rejects.toThrow(/already in use by another Vesting Day process/);
      const rows = rowsOf<{ slug: string }>(
        await first.db.execute(sql`select slug from programmes`)
      );
      expect(rows.map((r) => r.slug)).toEqual(['safe']);
    } finally {
      await first.close();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    mkdirSync(dir, { recursive: true });
    // pid 2^22+1 is above Linux's default pid_max, so no live process has it.
    writeFileSync(
      join(dir, 'vesting-day.lock'),
      JSON.stringify({ pid: 4_194_305, host: hostname() })
    );
    const handle = await connectDatabase({ dataDir: dir });
    await handle.close();
    expect(existsSync(join(dir, 'vesting-day.lock'))).toBe(false);
  });

  it('rebuilds after a first start that was interrupted, saying so', async () => {
    mkdirSync(join(dir, 'pgdata.partial', 'base'), { recursive: true });
    writeFileSync(join(dir, 'pgdata.partial', 'half-written'), 'x');
    const messages: string[] = [];
    const handle = await connectDatabase({ dataDir: dir, log: (m) => messages.push(m) });
    const rows = await handle.db.select().from(programmes);
    await handle.close();
    expect(rows).toEqual([]);
    expect(messages.join('\n')).toMatch(/interrupted/);
    expect(existsSync(join(dir, 'pgdata.partial'))).toBe(false);
    expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
  });

  it('stops with a clear message on a data folder that is not a database, touching nothing', async () => {
    mkdirSync(join(dir, 'pgdata'), { recursive: true });
    writeFileSync(join(dir, 'pgdata', 'notes.txt'), 'someone else’s file');
    await expect(connectDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseFolderError);
    expect(existsSync(join(dir, 'pgdata', 'notes.txt'))).toBe(true);
    // The lock is released on failure, so fixing the folder and retrying works.
    expect(existsSync(join(dir, 'vesting-day.lock'))).toBe(false);
  });
});
