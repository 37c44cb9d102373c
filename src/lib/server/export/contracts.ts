import { asc, eq, inArray } from 'drizzle-orm';
import { groupBy } from '#lib/domain/collections.ts';
import type { IsoDate } from '#lib/domain/dates.ts';
import {
  CONTRACT_COLUMNS,
  type ContractExportRow,
  type ExportTable
} from '#lib/domain/export/index.ts';
import type { ContractFilters } from '#lib/schemas/contract-filters.ts';
import { contractConditions, contractOrder } from '../contracts/queries';
import { extensionOptionsOf, recordedContractColumns } from '../contracts/options';
import type { DatabaseOrTransaction } from '../db';
import { contracts, contractSystems, councils, systems } from '../db/schema';

/**
 * Every contract the list shows for these filters (all pages, in the list's order), with its
 * extension options and systems: three queries whatever the number of contracts.
 */
export async function contractsExport(
  db: DatabaseOrTransaction,
  programmeId: string,
  filters: ContractFilters,
  context: { today: IsoDate; vestingDate: IsoDate }
): Promise<ExportTable<ContractExportRow>> {
  const where = contractConditions(programmeId, filters, context);
  const matching = db.select({ id: contracts.id }).from(contracts).where(where);
  const [rows, optionsOf, links] = await Promise.all([
    db
      .select({
        id: contracts.id,
        councilName: councils.name,
        ...recordedContractColumns
      })
      .from(contracts)
      .innerJoin(councils, eq(councils.id, contracts.councilId))
      .where(where)
      .orderBy(...contractOrder(filters)),
    extensionOptionsOf(db, { contractIds: matching }),
    db
      .select({ contractId: contractSystems.contractId, name: systems.name })
      .from(contractSystems)
      .innerJoin(systems, eq(systems.id, contractSystems.systemId))
      .where(inArray(contractSystems.contractId, matching))
      .orderBy(asc(systems.name))
  ]);
  const systemsOf = groupBy(links, (l) => l.contractId);
  return {
    sheet: 'Contracts',
    columns: CONTRACT_COLUMNS,
    rows: rows.map(({ id, ...c }) => ({
      ...c,
      extensionOptions: optionsOf.get(id) ?? [],
      systemNames: (systemsOf.get(id) ?? []).map((s) => s.name)
    }))
  };
}
