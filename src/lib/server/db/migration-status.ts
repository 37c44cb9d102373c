import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from './migrate';
import type { Database } from './types';

export interface MigrationStatus {
  current: boolean;
  expected: number;
  applied: number;
}

/**
 * Compares the migrations shipped with this build with those the database has recorded
 * (drizzle keeps one row per applied migration in drizzle.__drizzle_migrations, stamped with
 * the migration's folder time). A database behind the build is not ready; one ahead of it
 * (a newer instance migrated it) is reported too, because this build may not understand it.
 */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const shipped = readMigrationFiles({ migrationsFolder: migrationsFolder() });
  const rows = await db.execute<{ created_at: string | number }>(
    sql`select created_at from drizzle.__drizzle_migrations`
  );
  const appliedTimes = new Set(
    (Array.isArray(rows) ? rows : (rows as { rows: { created_at: string | number }[] }).rows).map(
      (row) => Number(row.created_at)
    )
  );
  const missing = shipped.filter((migration) => !appliedTimes.has(migration.folderMillis));
  return {
    current: missing.length === 0 && appliedTimes.size === shipped.length,
    expected: shipped.length,
    applied: appliedTimes.size
  };
}
