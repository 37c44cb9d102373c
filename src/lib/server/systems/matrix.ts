import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { councils, serviceAreas, systems } from '../db/schema';
import { revisionCache } from '../revision-cache';

/** Service areas (rows) per page: a large programme has sixty, each a row of a dozen councils. */
export const MATRIX_PAGE_SIZE = 10;

export interface MatrixRow {
  /** null: systems with no service area recorded. */
  serviceArea: { id: string; name: string } | null;
  /** Products per council, in the order of `councils`; empty when none is recorded. */
  cells: string[][];
  /** How many different products the councils use for this service area. */
  distinctProducts: number;
}

export interface SystemsMatrix {
  councils: { id: string; name: string }[];
  rows: MatrixRow[];
}

/**
 * Service areas × councils → products: where one council runs one finance system and its
 * neighbours run two others. Three queries whatever the size. Columns are the merging
 * councils, and any new council that already has systems recorded.
 */
// One collator for every comparison: `localeCompare` with a locale builds one per call.
const byName = new Intl.Collator('en-GB');

export async function systemsMatrix(
  db: DatabaseOrTransaction,
  programmeId: string
): Promise<SystemsMatrix> {
  const [councilRows, areaRows, systemRows] = await Promise.all([
    db
      .select({ id: councils.id, name: councils.name, role: councils.role })
      .from(councils)
      .where(eq(councils.programmeId, programmeId))
      .orderBy(asc(councils.role), asc(councils.name)),
    db
      .select({ id: serviceAreas.id, name: serviceAreas.name })
      .from(serviceAreas)
      .where(eq(serviceAreas.programmeId, programmeId))
      .orderBy(asc(serviceAreas.category), asc(serviceAreas.name)),
    // One row per council and service area with its distinct products (a system's product,
    // else its name), not one per system: a large programme has thousands of systems.
    db
      .select({
        councilId: systems.councilId,
        serviceAreaId: systems.serviceAreaId,
        products: sql<string[]>`array_agg(distinct coalesce(${systems.product}, ${systems.name}))`
      })
      .from(systems)
      .where(eq(systems.programmeId, programmeId))
      .groupBy(systems.councilId, systems.serviceAreaId)
  ]);

  const withSystems = new Set(systemRows.map((s) => s.councilId));
  const columns = councilRows
    .filter((c) => c.role === 'predecessor' || withSystems.has(c.id))
    .map(({ id, name }) => ({ id, name }));
  const column = new Map(columns.map((c, i) => [c.id, i]));

  // Products by service area (key '' for none), then by council column.
  const grid = new Map<string, Set<string>[]>();
  for (const s of systemRows) {
    const key = s.serviceAreaId ?? '';
    const i = column.get(s.councilId);
    if (i === undefined) continue;
    if (!grid.has(key))
      grid.set(
        key,
        columns.map(() => new Set<string>())
      );
    for (const product of s.products) grid.get(key)![i]!.add(product);
  }

  const row = (serviceArea: MatrixRow['serviceArea'], key: string): MatrixRow => {
    const sets = grid.get(key) ?? columns.map(() => new Set<string>());
    const cells = sets.map((set) => [...set].sort(byName.compare));
    return { serviceArea, cells, distinctProducts: new Set(cells.flat()).size };
  };
  const rows = areaRows.map((a) => row(a, a.id));
  if (grid.has('')) rows.push(row(null, ''));
  return { councils: columns, rows };
}

/**
 * The whole matrix, computed once per programme revision (see `revision-cache.ts`): at 6,000
 * systems grouping them takes longer than showing a page of it. Callers must not change it.
 */
export const cachedSystemsMatrix = revisionCache((db, programme) =>
  systemsMatrix(db, programme.id)
);

export interface SystemsMatrixPage extends SystemsMatrix {
  page: number;
  pageCount: number;
  /** Rows in the whole matrix, and the 1-based positions of this page's first and last. */
  total: number;
  first: number;
  last: number;
}

/**
 * One page of rows, every council column kept: a row is read across, so it is never split.
 * A page past the end shows the last one (as the systems list does).
 */
export function matrixPage(
  matrix: SystemsMatrix,
  requested: number,
  pageSize = MATRIX_PAGE_SIZE
): SystemsMatrixPage {
  const total = matrix.rows.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pageCount);
  const start = (page - 1) * pageSize;
  const rows = matrix.rows.slice(start, start + pageSize);
  return {
    councils: matrix.councils,
    rows,
    page,
    pageCount,
    total,
    first: rows.length ? start + 1 : 0,
    last: start + rows.length
  };
}
