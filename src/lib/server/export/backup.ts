import { eq } from 'drizzle-orm';
import { buildBackup, serialiseBackup, type ProgrammeSnapshot } from '#lib/domain/export/backup.ts';
import type { DatabaseOrTransaction } from '../db';
import {
  contracts,
  contractSystems,
  councils,
  programmes,
  serviceAreas,
  successions,
  systems
} from '../db/schema';
import { extensionOptionsOf, recordedContractColumns } from '../contracts/options';
import { groupBy } from '#lib/domain/collections.ts';

/** Everything a backup holds, read in eight queries whatever the programme's size. */
export async function loadProgrammeSnapshot(
  db: DatabaseOrTransaction,
  programmeId: string
): Promise<ProgrammeSnapshot> {
  const [programmeRows, councilRows, links, areaRows, systemRows, contractRows, optionsOf, covers] =
    await Promise.all([
      db
        .select({
          name: programmes.name,
          area: programmes.area,
          vestingDate: programmes.vestingDate,
          horizonYears: programmes.horizonYears,
          capacity: programmes.capacity,
          stabilisationMonths: programmes.stabilisationMonths
        })
        .from(programmes)
        .where(eq(programmes.id, programmeId)),
      db
        .select({
          id: councils.id,
          name: councils.name,
          role: councils.role,
          kind: councils.kind,
          gssCode: councils.gssCode,
          website: councils.website,
          m365Tenant: councils.m365Tenant
        })
        .from(councils)
        .where(eq(councils.programmeId, programmeId)),
      db
        .select({
          predecessorId: successions.predecessorId,
          successorId: successions.successorId,
          note: successions.note
        })
        .from(successions)
        .innerJoin(councils, eq(councils.id, successions.predecessorId))
        .where(eq(councils.programmeId, programmeId)),
      db
        .select({
          id: serviceAreas.id,
          name: serviceAreas.name,
          category: serviceAreas.category,
          priority: serviceAreas.priority
        })
        .from(serviceAreas)
        .where(eq(serviceAreas.programmeId, programmeId)),
      db
        .select({
          id: systems.id,
          councilId: systems.councilId,
          serviceAreaId: systems.serviceAreaId,
          name: systems.name,
          product: systems.product,
          vendor: systems.vendor,
          hosting: systems.hosting,
          users: systems.users,
          annualCostPence: systems.annualCostPence,
          lifecycle: systems.lifecycle,
          timeDisposition: systems.timeDisposition,
          dayOneCritical: systems.dayOneCritical
        })
        .from(systems)
        .where(eq(systems.programmeId, programmeId)),
      db
        .select({
          id: contracts.id,
          councilId: contracts.councilId,
          ...recordedContractColumns
        })
        .from(contracts)
        .where(eq(contracts.programmeId, programmeId)),
      extensionOptionsOf(db, { programmeId }),
      db
        .select({ contractId: contractSystems.contractId, systemId: contractSystems.systemId })
        .from(contractSystems)
        .innerJoin(contracts, eq(contracts.id, contractSystems.contractId))
        .where(eq(contracts.programmeId, programmeId))
    ]);
  const programme = programmeRows[0];
  if (!programme) throw new Error(`No programme ${programmeId}`);
  const systemsOf = groupBy(covers, (c) => c.contractId);
  return {
    programme,
    councils: councilRows,
    successions: links,
    serviceAreas: areaRows,
    systems: systemRows,
    contracts: contractRows.map((c) => ({
      ...c,
      extensionOptions: optionsOf.get(c.id) ?? [],
      systemIds: (systemsOf.get(c.id) ?? []).map((l) => l.systemId)
    }))
  };
}

/** The programme's backup file, as text. */
export async function programmeBackupText(
  db: DatabaseOrTransaction,
  programmeId: string
): Promise<string> {
  return serialiseBackup(buildBackup(await loadProgrammeSnapshot(db, programmeId)));
}
