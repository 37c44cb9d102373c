import { json } from '@sveltejs/kit';
import { databaseHandle } from '#lib/server/db/index.ts';
import { migrationStatus } from '#lib/server/db/migration-status.ts';
import { log } from '#lib/server/log.ts';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * Readiness, for a load balancer deciding whether to send traffic here: the database answers
 * and its schema matches this build. /healthz stays the simpler "is the database up" probe.
 */
export async function GET() {
  const handle = databaseHandle();
  if (!handle) return json({ status: 'starting' }, { status: 503, headers: noStore });
  try {
    const migrations = await migrationStatus(handle.db);
    const ready = migrations.current;
    return json(
      { status: ready ? 'ready' : 'migrations pending', database: handle.driver, migrations },
      { status: ready ? 200 : 503, headers: noStore }
    );
  } catch (error) {
    log.warn('Readiness check failed', {
      error: error instanceof Error ? error.message : 'unknown'
    });
    return json({ status: 'database unavailable' }, { status: 503, headers: noStore });
  }
}
