import { asc, eq, inArray } from 'drizzle-orm';
import {
  SYSTEM_COLUMNS,
  type ExportTable,
  type SystemExportRow
} from '#lib/domain/export/index.ts';
import type { SystemFilters } from '#lib/schemas/system-filters.ts';
import type { DatabaseOrTransaction } from '../db';
import { contracts, contractSystems, councils, serviceAreas, systems } from '../db/schema';
import { systemConditions, systemOrdering } from '../systems/list';
import { groupBy } from '#lib/domain/collections.ts';

/** Every system the list shows for these filters (all pages, in the list's order): two queries. */
export async function systemsExport(
  db: DatabaseOrTransaction,
  programmeId: string,
  filters: SystemFilters
): Promise<ExportTable<SystemExportRow>> {
  const where = systemConditions(programmeId, filters);
  const matching = db.select({ id: systems.id }).from(systems).where(where);
  const [rows, links] = await Promise.all([
    db
      .select({
        id: systems.id,
        councilName: councils.name,
        name: systems.name,
        product: systems.product,
        vendor: systems.vendor,
        serviceAreaName: serviceAreas.name,
        hosting: systems.hosting,
        users: systems.users,
        annualCostPence: systems.annualCostPence,
        lifecycle: systems.lifecycle,
        timeDisposition: systems.timeDisposition,
        dayOneCritical: systems.dayOneCritical
      })
      .from(systems)
      .innerJoin(councils, eq(councils.id, systems.councilId))
      .leftJoin(serviceAreas, eq(serviceAreas.id, systems.serviceAreaId))
      .where(where)
      .orderBy(...systemOrdering(filters.sort, filters.dir)),
    db
      .select({ systemId: contractSystems.systemId, reference: contracts.reference })
      .from(contractSystems)
      .innerJoin(contracts, eq(contracts.id, contractSystems.contractId))
      .where(inArray(contractSystems.systemId, matching))
      .orderBy(asc(contracts.reference))
  ]);
  const contractsOf = groupBy(links, (l) => l.systemId);
  return {
    sheet: 'Systems',
    columns: SYSTEM_COLUMNS,
    rows: rows.map(({ id, ...s }) => ({
      ...s,
      contractReferences: (contractsOf.get(id) ?? []).map((l) => l.reference)
    }))
  };
}
