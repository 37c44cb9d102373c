import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '$lib/server/demo-seed';
import { throwawayDatabase, type ThrowawayDatabase } from './support/database';
import { Browser } from './support/http';
import { peopleFor } from './support/people';
import { privatePostgres, type PrivatePostgres } from './support/private-postgres';
import { startServer, type RunningServer } from './support/server';
import { until } from './support/scale';
import { recordFigures } from './support/summary';

const SLUG = 'thornshire-demo';
const CLIENTS = 5;
const RECOVERY_DEADLINE_MS = 60_000;

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
    try {
      postgres?.start();
    } catch {
      // running already
    }
    await database?.drop();
    postgres?.destroy();
  });

  it('answers with clean errors while the database is down and recovers by itself', async () => {
    const people = await peopleFor(database.handle.db, SLUG, CLIENTS, 'viewer');
    // The test's own connection must not hold the database open across the restart.
    const paths = [`/programmes/${SLUG}`, `/programmes/${SLUG}/contracts`, '/healthz'];
    const log: { status: number | 'no answer'; started: number; ended: number }[] = [];
    // Requests still waiting for an answer, by when they started: one that started before the
    // restart can still fail after later ones have succeeded.
    const pending = new Set<{ started: number }>();
    let done = false;
    const clients = people.map(async (person, i) => {
      const browser = new Browser(server.baseURL, person.cookie);
      for (let n = 0; !done && n < 100_000; n += 1) {
        const started = performance.now();
        const request = { started };
        pending.add(request);
        let status: number | 'no answer';
        try {
          const response = await browser.get(paths[(i + n) % paths.length]!);
          await response.body?.cancel();
          status = response.status;
        } catch {
          status = 'no answer';
        }
        log.push({ status, started, ended: performance.now() });
        pending.delete(request);
      }
    });
    const between = (from: number, to: number) =>
      log.filter((e) => e.started >= from && e.ended <= to);

    await until(() => log.length >= 30, 60_000, 'requests before the stop');
    const stopRequested = performance.now();
    postgres.stop();
    const stopped = performance.now();
    await until(() => between(stopped, Infinity).length >= 30, 120_000, 'requests while stopped');
    const startRequested = performance.now();
    postgres.start();
    const restarted = performance.now();
    // Recovered: at least 20 answers in a row, started after the last failure, all successes,
    // and no request from before that failure still waiting (it could yet fail).
    const lastFailureEnd = () =>
      Math.max(
        restarted,
        ...between(startRequested, Infinity)
          .filter((e) => e.status !== 200)
          .map((e) => e.ended)
      );
    const settled = () => [...pending].every((r) => r.started >= lastFailureEnd());
    await until(
      () =>
        (between(lastFailureEnd(), Infinity).length >= 20 && settled()) ||
        performance.now() - restarted > RECOVERY_DEADLINE_MS,
      RECOVERY_DEADLINE_MS + 5_000,
      'recovery'
    );
    done = true;
    await Promise.all(clients);
    const recoveredAt = between(lastFailureEnd(), Infinity).length >= 20 ? lastFailureEnd() : null;

    const before = between(0, stopRequested);
    const during = between(stopped, startRequested);
    const afterRecovery = recoveredAt === null ? [] : between(recoveredAt, Infinity);
    recordFigures('PostgreSQL stopped and restarted under load', {
      'requests before the stop': before.length,
      'requests while stopped': during.length,
      'answers while stopped (status: count)': summarise(during.map((e) => String(e.status))),
      'seconds to recover after restart':
        recoveredAt === null ? 'did not recover' : ((recoveredAt - restarted) / 1000).toFixed(1),
      'failed answers while reconnecting': between(startRequested, recoveredAt ?? Infinity).filter(
        (e) => e.status !== 200
      ).length,
      'errors after recovery': afterRecovery.filter((e) => e.status !== 200).length,
      'requests after the restart': between(startRequested, Infinity).length,
      'app restarts needed': 0
    });
    expect(before.every((e) => e.status === 200)).toBe(true);
    // Down: the app still answers every request, with an error status, and never crashes.
    expect(during.every((e) => typeof e.status === 'number' && e.status >= 500)).toBe(true);
    expect(server.child.exitCode).toBeNull();
    expect(recoveredAt).not.toBeNull();
    expect(afterRecovery.filter((e) => e.status !== 200)).toEqual([]);
  });
});

function summarise(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(', ');
}
