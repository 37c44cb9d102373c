import { asc, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { contractExtensionOptions, contracts } from '../db/schema';

/**
 * The columns of a contract as its owner recorded them (no derived dates, no joins): what
 * exports, backups and the calendar read, so they all agree on what a contract is.
 */
export const recordedContractColumns = {
  reference: contracts.reference,
  title: contracts.title,
  description: contracts.description,
  department: contracts.department,
  supplierName: contracts.supplierName,
  supplierCompanyNumber: contracts.supplierCompanyNumber,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  reviewDate: contracts.reviewDate,
  noticePeriodValue: contracts.noticePeriodValue,
  noticePeriodUnit: contracts.noticePeriodUnit,
  maxEndDate: contracts.maxEndDate,
  annualValuePence: contracts.annualValuePence,
  totalValuePence: contracts.totalValuePence,
  lgrTreatment: contracts.lgrTreatment,
  decisionDate: contracts.decisionDate,
  decisionNotes: contracts.decisionNotes
};

export interface ExtensionOptionTerms {
  lengthMonths: number;
  exercised: boolean;
}

/**
 * The extension options of many contracts in one query, grouped by contract in their
 * recorded order: of a whole programme, or of the contracts a subquery or list names.
 */
export async function extensionOptionsOf(
  db: DatabaseOrTransaction,
  scope: { programmeId: string } | { contractIds: string[] | SQLWrapper }
): Promise<Map<string, ExtensionOptionTerms[]>> {
  const byContract = new Map<string, ExtensionOptionTerms[]>();
  if ('contractIds' in scope && Array.isArray(scope.contractIds) && !scope.contractIds.length) {
    return byContract;
  }
  const columns = {
    contractId: contractExtensionOptions.contractId,
    lengthMonths: contractExtensionOptions.lengthMonths,
    exercised: contractExtensionOptions.exercised
  };
  const order = [asc(contractExtensionOptions.contractId), asc(contractExtensionOptions.position)];
  const rows =
    'programmeId' in scope
      ? await db
          .select(columns)
          .from(contractExtensionOptions)
          .innerJoin(contracts, eq(contracts.id, contractExtensionOptions.contractId))
          .where(eq(contracts.programmeId, scope.programmeId))
          .orderBy(...order)
      : await db
          .select(columns)
          .from(contractExtensionOptions)
          .where(inArray(contractExtensionOptions.contractId, scope.contractIds))
          .orderBy(...order);
  for (const { contractId, lengthMonths, exercised } of rows) {
    const list = byContract.get(contractId);
    if (list) list.push({ lengthMonths, exercised });
    else byContract.set(contractId, [{ lengthMonths, exercised }]);
  }
  return byContract;
}
