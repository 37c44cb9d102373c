// SQL statements per page load at two sizes: equal counts mean no query per row (no N+1).
import postgres from 'postgres';
import { startApp, stopApp } from './server.js';

/**
 * Starts the app with COUNT_SQL_QUERIES=1 (each response then says in `X-SQL-Queries` how many
 * statements drizzle sent for it; src/lib/server/db/query-count.ts) and counts two loads of
 * every page of every programme, after one untimed visit of each (the day's readiness
 * snapshot is stored then):
 *   - `afterChange`: just after the programme's revision is raised, as every audited change
 *     does, so the figures cached per revision (src/lib/server/revision-cache.ts) are computed;
 *   - `repeat`: the same page again, served from those caches.
 * Its own server, so the counting never runs during the timed load tests.
 *
 * @param {string} databaseUrl
 * @param {{ name: string, path: string }[]} pages
 * @param {Record<string, { slug: string, programmeId: string, cookie: string }>} programmes  by size
 */
export async function queriesPerPage(databaseUrl, pages, programmes) {
  const app = await startApp(databaseUrl, { env: { COUNT_SQL_QUERIES: '1' } });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const load = async (programme, page) => {
    const url = `${app.base}/programmes/${programme.slug}${page.path}`;
    const response = await fetch(url, { headers: { cookie: programme.cookie } });
    await response.text();
    const header = response.headers.get('x-sql-queries');
    if (response.status !== 200 || header === null)
      throw new Error(`${url} answered ${response.status} (X-SQL-Queries: ${header})`);
    return Number(header);
  };
  try {
    for (const programme of Object.values(programmes))
      for (const page of pages) await load(programme, page);
    const result = {};
    for (const page of pages) {
      result[page.name] = {};
      for (const [size, programme] of Object.entries(programmes)) {
        await sql`insert into programme_revisions (programme_id, revision)
          values (${programme.programmeId}, 1)
          on conflict (programme_id) do update set revision = programme_revisions.revision + 1`;
        const afterChange = await load(programme, page);
        const repeat = await load(programme, page);
        result[page.name][size] = { afterChange, repeat };
      }
    }
    return result;
  } finally {
    await sql.end();
    await stopApp(app.child);
  }
}
