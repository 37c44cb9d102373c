import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, programmes } from '#lib/server/db/schema/index.ts';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { readForms, withValues } from './support/forms';
import { Browser } from './support/http';
import { peopleFor } from './support/people';
import { startServer, type RunningServer } from './support/server';
import { pick } from './support/scale';
import { execFileSync } from 'node:child_process';
import { recordFigures } from './support/summary';

/**
 * The full run loads the `large` programme of bench/generate.js (15,000 contracts, 6,000
 * systems, 300 roadmap items) through the product's restore path; the short run (CI) uses
 * the demo programme.
 */
const SCALE = pick('large', 'demo');
let SLUG = 'thornshire-demo';
const SESSIONS = pick(50, 10);
const EDITORS = pick(10, 3);
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? pick(60, 10));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe(`${SESSIONS} signed-in sessions browsing and editing for ${SECONDS} s (${SCALE})`, () => {
  let database: ThrowawayDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await throwawayDatabase();
    await seedDemoIfEmpty(database.handle.db);
    if (SCALE === 'large') {
      const output = execFileSync(
        process.execPath,
        ['bench/generate.js', 'large', `--database-url=${database.url}`],
        { encoding: 'utf8', timeout: 300_000 }
      );
      SLUG = /\/programmes\/(\S+)/.exec(output)?.[1] ?? '';
      if (!SLUG) throw new Error(`The generator printed no programme:\n${output}`);
    }
    server = await startServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('answers every request without an error', async () => {
    const db = database.handle.db;
    const [programme] = await db.select().from(programmes).where(eq(programmes.slug, SLUG));
    const contractIds = (
      await db
        .select({ id: contracts.id })
        .from(contracts)
        .where(eq(contracts.programmeId, programme!.id))
    ).map((c) => c.id);
    const viewers = await peopleFor(db, SLUG, SESSIONS - EDITORS, 'viewer', 'reader');
    const editors = await peopleFor(db, SLUG, EDITORS, 'editor', 'writer');
    const base = `/programmes/${SLUG}`;
    const browsing = [
      base,
      `${base}/contracts`,
      `${base}/contracts?endsWithin=18&undecided=yes&sort=deadline`,
      `${base}/systems`,
      `${base}/systems/matrix`,
      `${base}/councils`,
      `${base}/service-areas`
    ];

    const latencies: number[] = [];
    const statuses = new Map<number | string, number>();
    let edits = 0;
    let conflicts = 0;
    const unexpected: string[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const timed = async (label: string, call: () => Promise<Response>, ok: number[]) => {
      const started = performance.now();
      let status: number | string;
      let response: Response | null = null;
      try {
        response = await call();
        status = response.status;
      } catch (error) {
        status = `network: ${(error as Error).message}`;
      }
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (typeof status !== 'number' || !ok.includes(status))
        unexpected.push(`${label}: ${status}`);
      return response;
    };

    const session = async (cookie: string, index: number, editing: boolean) => {
      const browser = new Browser(server.baseURL, cookie);
      for (let n = 0; performance.now() < deadline; n += 1) {
        if (editing && n % 3 === 2) {
          const id = contractIds[(index * 7 + n) % contractIds.length]!;
          const path = `${base}/contracts/${id}`;
          const page = await timed(`GET ${path}`, () => browser.get(path), [200]);
          const form = readForms((await page?.text()) ?? '').find((f) =>
            f.fields.some(([name]) => name === 'version')
          );
          if (!form) continue;
          const response = await timed(
            `POST ${path}`,
            () =>
              browser.post(
                path,
                withValues(form.fields, { decisionNotes: `Load test ${index}.${n}` })
              ),
            [303, 409]
          );
          await response?.body?.cancel();
          edits += 1;
          if (response?.status === 409) conflicts += 1;
        } else {
          const path = browsing[(index + n) % browsing.length]!;
          const response = await timed(`GET ${path}`, () => browser.get(path), [200]);
          await response?.body?.cancel();
        }
      }
    };
    const started = performance.now();
    await Promise.all([
      ...viewers.map((v, i) => session(v.cookie, i, false)),
      ...editors.map((e, i) => session(e.cookie, i, true))
    ]);
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    recordFigures(`Load: ${SESSIONS} sessions for ${SECONDS} s (PostgreSQL, ${SCALE} programme)`, {
      requests: latencies.length,
      'requests per second': (latencies.length / elapsed).toFixed(1),
      'p50 ms': percentile(sorted, 50).toFixed(0),
      'p95 ms': percentile(sorted, 95).toFixed(0),
      'edits (of which conflicts)': `${edits} (${conflicts})`,
      errors: unexpected.length,
      'answers (status: count)': [...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')
    });
    expect(unexpected.slice(0, 20)).toEqual([]);
    expect(latencies.length).toBeGreaterThan(SESSIONS);
  });
});
