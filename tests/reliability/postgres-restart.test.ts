import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '#lib/server/demo-seed.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { Browser } from './support/http';
import { peopleFor } from './support/people';
import { privatePostgres, type PrivatePostgres } from './support/private-postgres';
import { startServer, type RunningServer } from './support/server';
import { recordFigures } from './support/summary';

const SLUG = 'thornshire-demo';
const CLIENTS = 5;
/** Requests sent after the restart that must all succeed. */
const AFTER_RESTART = 40;
const RECOVERY_DEADLINE_MS = 60_000;

interface Answer {
  status: number | 'no answer';
  started: number;
  ended: number;
}

describe('PostgreSQL stopped and started under load', () => {
  let postgres: PrivatePostgres;
  let database: ThrowawayDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    postgres = await privatePostgres();
    database = await throwawayDatabase(postgres.url);
    await seedDemoIfEmpty(database.handle.db);
    server = await startServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    // Running again unless the test stopped before starting it.
    await postgres?.start().catch(() => {});
    await database?.drop();
    postgres?.destroy();
  });

  it('answers with clean errors while the database is down and recovers by itself', async () => {
    const people = await peopleFor(database.handle.db, SLUG, CLIENTS, 'viewer');
    // The test's own connection must not hold the database open across the restart.
    const paths = [`/programmes/${SLUG}`, `/programmes/${SLUG}/contracts`, '/healthz'];
    const log: Answer[] = [];
    // Each answer is checked against what the test is waiting for, as it comes.
    let waiting: { until: () => boolean; resolve: () => void } | null = null;
    const answered = (answer: Answer) => {
      log.push(answer);
      if (waiting?.until()) waiting.resolve();
    };
    const answers = (until: () => boolean, ms: number, what: string) =>
      new Promise<void>((resolve, reject) => {
        if (until()) return resolve();
        const timer = setTimeout(() => reject(new Error(`No ${what} after ${ms} ms`)), ms);
        waiting = { until, resolve: () => (clearTimeout(timer), (waiting = null), resolve()) };
      });
    let done = false;
    const clients = people.map(async (person, i) => {
      const browser = new Browser(server.baseURL, person.cookie);
      for (let n = 0; !done && n < 100_000; n += 1) {
        const started = performance.now();
        let status: Answer['status'];
        try {
          const response = await browser.get(paths[(i + n) % paths.length]!);
          await response.body?.cancel();
          status = response.status;
        } catch {
          status = 'no answer';
        }
        answered({ status, started, ended: performance.now() });
      }
    });
    const startedIn = (from: number, to: number) =>
      log.filter((e) => e.started >= from && e.started < to);

    await answers(() => log.length >= 30, 60_000, 'requests before the stop');
    const stopRequested = performance.now();
    await postgres.stop();
    const stopped = performance.now();
    await answers(
      () => startedIn(stopped, Infinity).length >= 30,
      120_000,
      'answers while stopped'
    );
    // pg_ctl start returns once the server accepts connections: every request that started
    // after `restarted` was sent to an app whose database answers. Recovery is judged on those
    // alone, so a request from before (still in flight, or sent while the server was starting)
    // cannot blur it, however late it ends.
    const startRequested = performance.now();
    await postgres.start();
    const restarted = performance.now();
    await answers(
      () => startedIn(restarted, Infinity).length >= AFTER_RESTART,
      RECOVERY_DEADLINE_MS,
      'answers after the restart'
    );
    done = true;
    await Promise.all(clients);

    const before = log.filter((e) => e.ended <= stopRequested);
    const whileStopped = log.filter((e) => e.started >= stopped && e.ended <= startRequested);
    // Caught by the restart: sent before the database answered, answered after it was asked
    // to start.
    const acrossRestart = log.filter((e) => e.started < restarted && e.ended > startRequested);
    const after = startedIn(restarted, Infinity);
    const firstSuccess = Math.min(...after.filter((e) => e.status === 200).map((e) => e.ended));
    const failed = (entries: Answer[]) => entries.filter((e) => e.status !== 200);
    recordFigures('PostgreSQL stopped and restarted under load', {
      'requests before the stop': before.length,
      'requests while stopped': whileStopped.length,
      'answers while stopped (status: count)': summarise(whileStopped.map((e) => String(e.status))),
      'in flight across the restart (failed)': `${acrossRestart.length} (${failed(acrossRestart).length})`,
      'requests sent after the database answered': after.length,
      'of which failed': failed(after).length,
      'seconds from restart to the first answer': ((firstSuccess - restarted) / 1000).toFixed(1),
      'app restarts needed': 0
    });
    expect(failed(before)).toEqual([]);
    // Down: the app still answers every request, with an error status, and never crashes.
    expect(whileStopped.filter((e) => typeof e.status !== 'number' || e.status < 500)).toEqual([]);
    expect(server.child.exitCode).toBeNull();
    // Reconnecting: a request caught by the restart may fail, but it is answered.
    expect(acrossRestart.filter((e) => typeof e.status !== 'number')).toEqual([]);
    // Recovered: everything sent once the database answered again succeeds.
    expect(after.length).toBeGreaterThanOrEqual(AFTER_RESTART);
    // (Shown with times from the restart.)
    expect(
      failed(after).map((e) => ({
        ...e,
        started: e.started - restarted,
        ended: e.ended - restarted
      }))
    ).toEqual([]);
  });
});

function summarise(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(', ');
}
