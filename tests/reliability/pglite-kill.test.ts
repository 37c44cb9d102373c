import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '#lib/server/db/client.ts';
import { auditEvents, contracts } from '#lib/server/db/schema/index.ts';
import { errorMessages, readForms, withValues } from './support/forms';
import { Browser } from './support/http';
import { startServer, type RunningServer } from './support/server';
import { demoCredentials, signInOverHttp } from './support/sign-in';
import { pick } from './support/scale';
import { recordFigures } from './support/summary';

const SLUG = 'thornshire-demo';
const WRITERS = 4;
/** Kill once this many writes have been acknowledged, with more still in flight. */
const KILL_AFTER = pick(40, 15);
/** Bounds each writer even if the kill never comes. */
const MAX_WRITES_EACH = 1_000;

describe('PGlite killed in the middle of writes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-reliability-pglite-'));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reopens with every acknowledged write intact and no half-written one', async () => {
    server = await startServer({ dataDir, env: { SEED_DEMO: 'true' } });
    const cookie = await signInOverHttp(server.baseURL, demoCredentials(server.output()));
    const browser = new Browser(server.baseURL, cookie);
    const newPath = `/programmes/${SLUG}/contracts/new`;
    const form = readForms(await (await browser.get(newPath)).text()).find(
      (f) => 'councilId' in f.options
    );
    expect(form, 'the add-contract form').toBeTruthy();
    const councilId = form!.options.councilId![0]!;

    const acknowledged: string[] = [];
    const attempted: string[] = [];
    const refusals: string[] = [];
    let killed: Promise<void> | null = null;
    const running = server;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let n = 0; !killed && n < MAX_WRITES_EACH; n += 1) {
          const title = `Crash test ${w}-${n}`;
          attempted.push(title);
          let response: Response;
          try {
            response = await browser.post(
              newPath,
              withValues(form!.fields, {
                councilId,
                title,
                reference: `CT-${w}-${n}`,
                supplierName: 'Crash Ltd'
              })
            );
          } catch {
            // A request cut off by the kill: neither acknowledged nor refused.
            break;
          }
          if (response.status !== 303) {
            refusals.push(`${response.status}: ${errorMessages(await response.text()).join('; ')}`);
            break;
          }
          await response.body?.cancel();
          acknowledged.push(title);
          if (acknowledged.length >= KILL_AFTER && !killed) killed = running.kill();
        }
      })
    );
    expect(refusals, 'every write before the kill is accepted').toEqual([]);
    expect(killed, 'the server was killed mid-run').not.toBeNull();
    await killed;

    // A restart on the same folder recovers (PostgreSQL's WAL replay) and serves again.
    server = await startServer({ dataDir });
    await server.stop();
    server = undefined;

    const handle = await connectDatabase({ dataDir, migrate: false });
    try {
      const stored = await handle.db
        .select({ id: contracts.id, title: contracts.title })
        .from(contracts)
        .where(like(contracts.title, 'Crash test %'));
      const storedTitles = new Set(stored.map((c) => c.title));
      const missing = acknowledged.filter((t) => !storedTitles.has(t));
      const audited = stored.length
        ? await handle.db
            .select({ entityId: auditEvents.entityId })
            .from(auditEvents)
            .where(
              and(
                eq(auditEvents.action, 'contract_created'),
                inArray(
                  auditEvents.entityId,
                  stored.map((c) => c.id)
                )
              )
            )
        : [];
      recordFigures('PGlite killed mid-write (SIGKILL)', {
        'writes attempted': attempted.length,
        'writes acknowledged before the kill': acknowledged.length,
        'acknowledged writes missing after restart': missing.length,
        'stored without their audit event': stored.length - audited.length,
        'integrity checks': 'acknowledged present; each stored row has its audit event'
      });
      expect(missing).toEqual([]);
      expect(audited).toHaveLength(stored.length);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await handle.close();
    }
  });
});
