import { checkContractDates } from '../contracts';
import type { IsoDate } from '../dates';
import {
  readCompanyNumber,
  readDate,
  readExtensionOptions,
  readMoney,
  readNoticePeriod,
  readRequiredText,
  readText,
  readYesNo,
  type Read
} from './cells';
import { normaliseText } from '../text';
import { optionCoveringMaximumEnd } from './extendable';
import type { ContractField } from './headers';
import type { Cell } from './table';

/**
 * One row of a contract register, checked and turned into the values we store. Only the
 * fields a column was mapped to are read; the rest are left out of the record, so a
 * re-import leaves them as they are in the database.
 */
export interface ImportedContract {
  councilName?: string | null;
  reference: string;
  title?: string;
  description?: string | null;
  department?: string | null;
  supplierName?: string;
  supplierCompanyNumber?: string | null;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  reviewDate?: IsoDate | null;
  maxEndDate?: IsoDate | null;
  noticePeriodValue?: number | null;
  noticePeriodUnit?: 'days' | 'months' | null;
  annualValuePence?: number | null;
  totalValuePence?: number | null;
  /** Lengths in months; exercised flags are not in registers and are kept on re-import. */
  extensionOptions?: number[];
}

export interface RowProblem {
  field: string;
  message: string;
}

export type RowResult<T> = { ok: true; record: T } | { ok: false; problems: RowProblem[] };

export const CONTRACT_FIELD_LABELS: Record<ContractField, string> = {
  reference: 'Reference',
  title: 'Title',
  description: 'Description',
  department: 'Department',
  supplierName: 'Supplier name',
  supplierCompanyNumber: 'Supplier company number',
  startDate: 'Start date',
  endDate: 'End date',
  reviewDate: 'Review date',
  maxEndDate: 'Latest possible end date',
  extensionOptions: 'Extension options',
  noticePeriod: 'Notice period',
  annualValue: 'Annual value',
  totalValue: 'Total value',
  councilName: 'Council'
};

/** Fields a register must map, or the rows cannot be stored (the columns are not null). */
export const REQUIRED_CONTRACT_FIELDS: ContractField[] = ['reference', 'title', 'supplierName'];

/**
 * Checks one row. `cells` has a value for each mapped field (null when blank). A title left
 * blank is taken from the start of the description, as many registers only describe.
 */
export function readContractRow(
  cells: Partial<Record<ContractField, Cell>>
): RowResult<ImportedContract> {
  const problems: RowProblem[] = [];
  const has = (field: ContractField) => field in cells;
  const take = <T>(field: ContractField, read: Read<T>): T | undefined => {
    if (read.ok) return read.value;
    problems.push({ field, message: read.message });
    return undefined;
  };
  const record: ImportedContract = { reference: '' };

  record.reference =
    take(
      'reference',
      readRequiredText(cells.reference ?? null, 100, 'Enter the contract reference')
    ) ?? '';
  if (has('description'))
    record.description = take('description', readText(cells.description!, 5000, 'multiline'));
  // One line (a description may have several), and whole characters (the cut may split an
  // emoji's surrogate pair, which would leave half of it).
  const fallbackTitle = record.description
    ? normaliseText(record.description.slice(0, 300), 'line').text.trim() || null
    : null;
  const title = take('title', readText(cells.title ?? null, 300));
  if (title !== undefined) {
    if (title === null && fallbackTitle === null) {
      problems.push({ field: 'title', message: 'Enter the contract title' });
    } else {
      record.title = title ?? fallbackTitle!;
    }
  }
  const supplier = take(
    'supplierName',
    readRequiredText(cells.supplierName ?? null, 300, 'Enter the supplier’s name')
  );
  if (supplier !== undefined) record.supplierName = supplier;
  if (has('councilName'))
    record.councilName = take('councilName', readText(cells.councilName!, 200));
  if (has('department')) record.department = take('department', readText(cells.department!, 200));
  if (has('supplierCompanyNumber')) {
    record.supplierCompanyNumber = take(
      'supplierCompanyNumber',
      readCompanyNumber(cells.supplierCompanyNumber!)
    );
  }
  for (const field of ['startDate', 'endDate', 'reviewDate', 'maxEndDate'] as const) {
    if (has(field)) record[field] = take(field, readDate(cells[field]!));
  }
  if (has('noticePeriod')) {
    const notice = take('noticePeriod', readNoticePeriod(cells.noticePeriod!));
    if (notice !== undefined) {
      record.noticePeriodValue = notice?.value ?? null;
      record.noticePeriodUnit = notice?.unit ?? null;
    }
  }
  if (has('annualValue')) {
    record.annualValuePence = take('annualValue', readMoney(cells.annualValue!, 'Annual value'));
  }
  if (has('totalValue')) {
    record.totalValuePence = take('totalValue', readMoney(cells.totalValue!, 'Total value'));
  }
  if (has('extensionOptions')) {
    record.extensionOptions = take(
      'extensionOptions',
      readExtensionOptions(cells.extensionOptions!)
    );
    // "Extendable: yes" with a maximum end: one option from the current end to that date.
    const extendable = readYesNo(cells.extensionOptions!);
    if (extendable.ok && extendable.value === true && record.extensionOptions?.length === 0) {
      const months = optionCoveringMaximumEnd(record.endDate, record.maxEndDate);
      if (months !== null) record.extensionOptions = [months];
    }
  }

  if (problems.length === 0) {
    const dateProblems = checkContractDates({
      startDate: record.startDate ?? null,
      endDate: record.endDate ?? null,
      maxEndDate: record.maxEndDate ?? null,
      noticePeriodValue: record.noticePeriodValue ?? null,
      noticePeriodUnit: record.noticePeriodUnit ?? null,
      extensionOptions: (record.extensionOptions ?? []).map((lengthMonths) => ({
        lengthMonths,
        exercised: false
      }))
    });
    const fieldOf: Record<string, ContractField> = {
      startDate: 'startDate',
      endDate: 'endDate',
      maxEndDate: 'maxEndDate',
      noticePeriodValue: 'noticePeriod'
    };
    for (const p of dateProblems) {
      if (p.severity === 'error') {
        problems.push({ field: fieldOf[p.field] ?? p.field, message: p.message });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}
