import { sql } from 'drizzle-orm';
import type { Database } from '#lib/server/db/types.ts';

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A digest of everything a programme holds: every table with a programme_id column, plus the
 * programme row. Equal before and after means nothing was written to it.
 */
export async function programmeFingerprint(db: Database, programmeId: string) {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'programme_id' order by table_name`)
  ).map((r) => r.table_name);
  const digests: Record<string, string> = {};
  for (const table of [...tables, 'programmes']) {
    const column = table === 'programmes' ? 'id' : 'programme_id';
    const [row] = rowsOf<{ digest: string | null }>(
      await db.execute(
        sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
          from "${table}" t where "${column}" = '${programmeId}'`)
      )
    );
    digests[table] = row?.digest ?? '';
  }
  return digests;
}
