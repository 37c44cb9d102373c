import postgres from 'postgres';

/** Says once, at the top of the run, which databases the integration suite runs on. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log(
      'Integration tests run on: PGlite (set TEST_DATABASE_URL to run them on PostgreSQL too).'
    );
    return;
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { version: string }[]
    >`select current_setting('server_version') as version`;
    console.log(
      `Integration tests run on: PGlite and PostgreSQL ${row?.version} (TEST_DATABASE_URL).`
    );
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL cannot be reached: ${(error as Error).message}`,
      { cause: error }
    );
  } finally {
    await sql.end();
  }
}
