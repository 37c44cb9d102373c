import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { databaseHandle } from '#lib/server/db/index.ts';

/** For load balancers and start-up scripts: 200 once the database answers. */
export async function GET() {
  const handle = databaseHandle();
  try {
    if (!handle) throw new Error('not started');
    await handle.db.execute(sql`select 1`);
    return json(
      { status: 'ok', database: handle.driver },
      { headers: { 'Cache-Control': 'no-store' } }
    );
  } catch {
    return json(
      { status: 'unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } }
    );
  }
}
