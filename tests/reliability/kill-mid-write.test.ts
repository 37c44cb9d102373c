import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contracts, councils, programmes } from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { peopleFor } from './support/people';
import { contractRegister } from './support/register';
import { pick } from './support/scale';
import { startServer, type RunningServer } from './support/server';
import { recordFigures } from './support/summary';

const SLUG = 'thornshire-demo';
const ROWS = pick(15_000, 6_000);

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe('the server killed in the middle of an import and of a restore (PostgreSQL)', () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;
  let cookie: string;
  const figures: Record<string, string | number> = {};

  beforeAll(async () => {
    database = await throwawayDatabase();
    await seedDemoIfEmpty(database.handle.db);
    const [owner] = await peopleFor(database.handle.db, SLUG, 1, 'owner', 'importer');
    cookie = owner!.cookie;
    server = await startServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    recordFigures('Faults: SIGKILL during an import and a restore', figures);
  });

  /** True once some connection of the app holds a transaction that has written something. */
  async function writeInProgress(): Promise<boolean> {
    const rows = rowsOf<{ n: number }>(
      await database.handle.db.execute(sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`)
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  /**
   * Polls the database until the app has a write transaction open, then SIGKILLs the app, and
   * waits until PostgreSQL has finished that transaction one way or the other: its backend
   * runs on after the app is gone (and may have its COMMIT already). Counted before then, the
   * stored rows and the audit event could fall on either side of a late commit.
   */
  async function killWhenWriting(
    answer: Promise<string>
  ): Promise<{ seen: boolean; outcome: string }> {
    const deadline = performance.now() + 120_000;
    let seen = false;
    let settled: string | null = null;
    void answer.then((a) => (settled = a));
    while (performance.now() < deadline && settled === null) {
      if (await writeInProgress()) {
        seen = true;
        break;
      }
    }
    await server.kill();
    const outcome = settled ?? (await answer);
    while (await writeInProgress()) {
      if (performance.now() > deadline) throw new Error('The killed write never ended.');
    }
    return { seen, outcome };
  }

  const base = () => `/programmes/${SLUG}`;
  const post = (path: string, body: FormData | URLSearchParams) =>
    fetch(new URL(path, server.baseURL), {
      method: 'POST',
      headers: { cookie, origin: server.baseURL, accept: 'text/html' },
      body,
      redirect: 'manual'
    });

  it('keeps all or nothing of an import', async () => {
    const db = database.handle.db;
    const [programme] = await db.select().from(programmes).where(eq(programmes.slug, SLUG));
    const [council] = await db
      .select({ id: councils.id })
      .from(councils)
      .where(and(eq(councils.programmeId, programme!.id), eq(councils.role, 'predecessor')))
      .limit(1);
    const form = new FormData();
    form.set('kind', 'contracts');
    form.set('councilId', council!.id);
    form.set(
      'file',
      new File([new Uint8Array(contractRegister(ROWS))], 'register.csv', { type: 'text/csv' })
    );
    const upload = await post(`${base()}/import`, form);
    expect(upload.status).toBe(303);
    const location = upload.headers.get('location')!;
    const preview = await fetch(new URL(`${location}/preview`, server.baseURL), {
      headers: { cookie }
    });
    expect(preview.status).toBe(200);
    await preview.body?.cancel();

    const commit = post(`${location}/preview`, new URLSearchParams()).then(
      (r) => `answered ${r.status}`,
      () => 'cut off'
    );
    const { seen, outcome } = await killWhenWriting(commit);

    const [stored] = await db
      .select({ n: count() })
      .from(contracts)
      .where(like(contracts.reference, 'KILL-%'));
    const [audited] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'contracts_imported'));
    figures['import: rows in the file'] = ROWS;
    figures['import: killed inside its transaction'] = seen ? 'yes' : 'no (it finished first)';
    figures['import: request outcome'] = outcome;
    figures['import: contracts stored after the kill'] = stored!.n;
    figures['import: audit events after the kill'] = audited!.n;
    expect([0, ROWS]).toContain(stored!.n);
    expect(audited!.n).toBe(stored!.n === 0 ? 0 : 1);

    server = await startServer({ databaseUrl: database.url });
  });

  it('keeps all or nothing of a restore', async () => {
    const db = database.handle.db;
    const backup = await fetch(new URL(`${base()}/export/backup`, server.baseURL), {
      headers: { cookie }
    });
    expect(backup.status).toBe(200);
    const text = await backup.text();
    const [before] = await db.select({ n: count() }).from(programmes);
    const [contractsBefore] = await db.select({ n: count() }).from(contracts);

    const form = new FormData();
    form.set('name', 'Restored under fire');
    form.set('backup', new File([text], 'backup.json', { type: 'application/json' }));
    const restore = post('/programmes/new/restore', form).then(
      (r) => `answered ${r.status}`,
      () => 'cut off'
    );
    const { seen, outcome } = await killWhenWriting(restore);

    const [after] = await db.select({ n: count() }).from(programmes);
    const [contractsAfter] = await db.select({ n: count() }).from(contracts);
    const [demo] = await db.select().from(programmes).where(eq(programmes.slug, SLUG));
    const [demoContracts] = await db
      .select({ n: count() })
      .from(contracts)
      .where(eq(contracts.programmeId, demo!.id));
    const added = after!.n - before!.n;
    figures['restore: backup size (bytes)'] = text.length;
    figures['restore: killed inside its transaction'] = seen ? 'yes' : 'no (it finished first)';
    figures['restore: request outcome'] = outcome;
    figures['restore: programmes added'] = added;
    expect([0, 1]).toContain(added);
    // A restored programme is complete: every contract of the source came with it.
    expect(contractsAfter!.n - contractsBefore!.n).toBe(added === 1 ? demoContracts!.n : 0);

    server = await startServer({ databaseUrl: database.url });
    const health = await fetch(new URL('/readyz', server.baseURL));
    expect(health.status).toBe(200);
  });
});
