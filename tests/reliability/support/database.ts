import postgres from 'postgres';
import { connectDatabase } from '#lib/server/db/client.ts';
import type { DatabaseHandle } from '#lib/server/db/types.ts';

/** The PostgreSQL server the reliability tests may create databases on. */
export function adminUrl(): string {
  return (
    process.env.RELIABILITY_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

export interface ThrowawayDatabase {
  url: string;
  /** A migrated connection from the test process, for set-up and for checking the outcome. */
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the given server, dropped afterwards. */
export async function throwawayDatabase(serverUrl = adminUrl()): Promise<ThrowawayDatabase> {
  const name = `vd_rel_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
  return {
    url: url.toString(),
    handle,
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  };
}
