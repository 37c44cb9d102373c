import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL
} from 'drizzle-orm';
import type { SystemFilters, SystemSort } from '#lib/schemas/system-filters.ts';
import type { DatabaseOrTransaction } from '../db';
import { councils, serviceAreas, systems } from '../db/schema';
import { likePattern } from '../db/like-pattern';

export const SYSTEMS_PAGE_SIZE = 25;

/** The list's filters as SQL; the export uses them too, so a download matches the page. */
export function systemConditions(programmeId: string, q: Partial<SystemFilters>): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(systems.programmeId, programmeId)];
  if (q.council) where.push(eq(systems.councilId, q.council));
  if (q.serviceArea === 'none') where.push(isNull(systems.serviceAreaId));
  else if (q.serviceArea) where.push(eq(systems.serviceAreaId, q.serviceArea));
  if (q.vendor) where.push(eq(systems.vendor, q.vendor));
  if (q.hosting) where.push(eq(systems.hosting, q.hosting));
  if (q.time) where.push(eq(systems.timeDisposition, q.time));
  if (q.critical === 'yes') where.push(eq(systems.dayOneCritical, true));
  if (q.q) {
    const pattern = likePattern(q.q);
    where.push(
      or(
        ilike(systems.name, pattern),
        ilike(systems.product, pattern),
        ilike(systems.vendor, pattern)
      )
    );
  }
  return and(...where);
}

export function systemOrdering(sort: SystemSort, order: 'asc' | 'desc'): SQL[] {
  const dir = order === 'asc' ? asc : desc;
  const byName = [asc(sql`lower(${systems.name})`), asc(systems.id)];
  switch (sort) {
    case 'council':
      return [dir(sql`lower(${councils.name})`), ...byName];
    case 'vendor':
      // Systems with no vendor recorded come last whichever way the list is sorted.
      return [asc(isNull(systems.vendor)), dir(sql`lower(${systems.vendor})`), ...byName];
    case 'cost':
      return [asc(isNull(systems.annualCostPence)), dir(systems.annualCostPence), ...byName];
    default:
      return [dir(sql`lower(${systems.name})`), asc(systems.id)];
  }
}

/**
 * One page of a programme's systems, filtered, searched and sorted on the server. Two queries
 * whatever the size: a count (which also settles the last page), then the page itself with
 * its council and service area names joined in.
 */
export async function listSystems(
  db: DatabaseOrTransaction,
  programmeId: string,
  filters: Partial<SystemFilters> = {}
) {
  const where = systemConditions(programmeId, filters);
  const [counted] = await db.select({ n: count() }).from(systems).where(where);
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SYSTEMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pageCount);
  const rows =
    total === 0
      ? []
      : await db
          .select({
            id: systems.id,
            name: systems.name,
            product: systems.product,
            vendor: systems.vendor,
            hosting: systems.hosting,
            users: systems.users,
            annualCostPence: systems.annualCostPence,
            timeDisposition: systems.timeDisposition,
            dayOneCritical: systems.dayOneCritical,
            councilId: systems.councilId,
            councilName: councils.name,
            serviceAreaId: systems.serviceAreaId,
            serviceAreaName: serviceAreas.name
          })
          .from(systems)
          .innerJoin(councils, eq(councils.id, systems.councilId))
          .leftJoin(serviceAreas, eq(serviceAreas.id, systems.serviceAreaId))
          .where(where)
          .orderBy(...systemOrdering(filters.sort ?? 'name', filters.dir ?? 'asc'))
          .limit(SYSTEMS_PAGE_SIZE)
          .offset((page - 1) * SYSTEMS_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

export type SystemListRow = Awaited<ReturnType<typeof listSystems>>['rows'][number];

/** What the filters and the system form offer: three queries. */
export async function systemFilterOptions(db: DatabaseOrTransaction, programmeId: string) {
  const [councilRows, areaRows, vendorRows] = await Promise.all([
    db
      .select({ id: councils.id, name: councils.name, role: councils.role })
      .from(councils)
      .where(eq(councils.programmeId, programmeId))
      .orderBy(asc(councils.role), asc(councils.name)),
    db
      .select({ id: serviceAreas.id, name: serviceAreas.name })
      .from(serviceAreas)
      .where(eq(serviceAreas.programmeId, programmeId))
      .orderBy(asc(serviceAreas.name)),
    db
      .selectDistinct({ vendor: systems.vendor })
      .from(systems)
      .where(and(eq(systems.programmeId, programmeId), isNotNull(systems.vendor)))
      .orderBy(asc(systems.vendor))
  ]);
  return {
    councils: councilRows,
    serviceAreas: areaRows,
    vendors: vendorRows.map((v) => v.vendor).filter((v): v is string => v !== null)
  };
}
